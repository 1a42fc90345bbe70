//! Send-to-device messages: events for particular devices, outside any room.

pub mod send_event_to_device;
