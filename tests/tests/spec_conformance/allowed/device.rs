//! Deliberate differences in the device, profile, presence and user directory endpoints.

use super::Allowed;
use crate::checker::Rule;

/// This group's entries.
pub const ALLOWED: &[Allowed] = &[Allowed {
    endpoint: "user_directory::search_users::v3",
    rule: Rule::ExtraField,
    subject: "request.header.accept-language",
    reason: "users.yaml's description tells servers to search \"preferably using a collation \
             determined based upon the `Accept-Language` header provided in the request, if \
             present\", but lists the header in no `parameters`; the field lets a client send \
             the user's languages and a server read them",
}];
