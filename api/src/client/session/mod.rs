//! Logging in and out, and handing a login to a new device.

pub mod get_login_token;
