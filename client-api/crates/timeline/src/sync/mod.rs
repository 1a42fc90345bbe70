//! Syncing: `/sync`, and the event stream and initial syncs it replaced, which clients still
//! meet for peeking into rooms.

pub mod get_event;
pub mod get_events;
pub mod initial_sync;
pub mod room_initial_sync;
pub mod sync_events;
