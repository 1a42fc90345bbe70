//! Deliberate differences in the sync, filter, message, context, search and to-device endpoints.

use super::Allowed;

/// This group's entries.
pub const ALLOWED: &[Allowed] = &[];
