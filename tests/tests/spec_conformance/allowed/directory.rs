//! Deliberate differences in the room directory, tag and account-data endpoints.

use super::Allowed;
use crate::checker::Rule;

/// This group's entries.
pub const ALLOWED: &[Allowed] = &[
    Allowed {
        endpoint: "alias::get_alias::v3",
        rule: Rule::Required,
        subject: "response.body.room_id",
        reason: "the schema lists no `required`, but the room ID is what resolving an alias \
                 answers: an answer without it resolves nothing, so it is read as an error \
                 rather than left for every caller to check",
    },
    Allowed {
        endpoint: "directory::get_room_visibility::v3",
        rule: Rule::Required,
        subject: "response.body.visibility",
        reason: "the schema lists no `required`, but the visibility is the whole answer and the \
                 specification gives no default for it, so an answer without it is an error",
    },
];
