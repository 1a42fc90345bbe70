//! Relations between events: paginating the events that relate to one event (its edits,
//! reactions, thread replies, references, …), all of them or those of one relation type and
//! event type.
//!
//! The three endpoints take the same pagination parameters and answer with the same
//! [`Response`](get_relating_events::v1::Response), declared once in
//! [`get_relating_events`].

pub mod get_relating_events;
pub mod get_relating_events_with_rel_type;
pub mod get_relating_events_with_rel_type_and_event_type;
