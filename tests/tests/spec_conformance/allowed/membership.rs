//! Deliberate differences in the membership, receipt, typing and space endpoints.

use super::Allowed;

/// This group's entries.
pub const ALLOWED: &[Allowed] = &[];
