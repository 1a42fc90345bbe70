//! Deliberate differences in the room, state, event, relation and alias endpoints.

use super::Allowed;

/// This group's entries.
pub const ALLOWED: &[Allowed] = &[];
