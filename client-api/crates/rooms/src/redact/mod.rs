//! Redacting events: removing their content while keeping their place in the room's history.

pub mod redact_event;
