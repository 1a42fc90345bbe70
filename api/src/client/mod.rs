//! The client-server API's endpoints, and types they share.

pub mod account;
pub mod discovery;
pub mod session;
pub mod uiaa;
