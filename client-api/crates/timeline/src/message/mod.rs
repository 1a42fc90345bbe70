//! Sending message events to a room and paging through its history.

pub mod get_message_events;
pub mod send_message_event;
