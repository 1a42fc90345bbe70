//! Logging in and out, and handing a login to a new device.

pub mod get_login_token;
pub mod get_login_types;
pub mod login;
pub mod logout;
pub mod logout_all;
pub mod refresh_token;
pub mod sso_login;
pub mod sso_login_with_provider;
