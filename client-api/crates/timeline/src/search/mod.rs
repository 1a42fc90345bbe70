//! Server-side full-text search of room events.

pub mod search_events;
