//! Presence: whether a user is online, away or offline, with an optional status message.

pub mod get_presence;
pub mod set_presence;
