//! Typing notifications.

pub mod create_typing_event;
