//! The client-server API's endpoints, and types they share.

pub mod session;
pub mod uiaa;
