//! Deliberate differences in the room directory, tag and account-data endpoints.

use super::Allowed;

/// This group's entries.
pub const ALLOWED: &[Allowed] = &[];
