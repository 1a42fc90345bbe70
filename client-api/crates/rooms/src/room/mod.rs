//! Rooms: creating and upgrading them, reading one event, finding an event by time, summaries,
//! local aliases, and reporting rooms and events.

pub mod aliases;
pub mod create_room;
pub mod get_event_by_timestamp;
pub mod get_room_event;
pub mod get_summary;
pub mod report_content;
pub mod report_room;
pub mod upgrade_room;
