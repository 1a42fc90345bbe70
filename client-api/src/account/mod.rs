//! The user's account.

pub mod whoami;
