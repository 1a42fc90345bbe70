//! Deliberate differences in the administration and discovery document endpoints: whois,
//! lock and suspend, the `.well-known` documents and the OAuth 2.0 server metadata.

use super::Allowed;
use crate::checker::Rule;

/// This group's entries.
pub const ALLOWED: &[Allowed] = &[
    Allowed {
        endpoint: "discovery::discover_support",
        rule: Rule::AddedIn,
        subject: "",
        reason: "a `.well-known` document has one unversioned path that a client fetches before \
                 it knows the server's versions (often from a static web server that has none), \
                 so the declaration is a plain `path`, which the checker dates from v1.0; the \
                 specification's v1.10 dates the document, not a path",
    },
    Allowed {
        endpoint: "discovery::discover_policy_server",
        rule: Rule::AddedIn,
        subject: "",
        reason: "as for `discover_support`: one unversioned `.well-known` path, fetched before \
                 any versions are known; the specification's v1.18 dates the document",
    },
    Allowed {
        endpoint: "discovery::get_authorization_server_metadata::v1",
        rule: Rule::AddedIn,
        subject: "",
        reason: "the operation has no `x-addedInMatrixVersion`, but the v1.15 changelog adds \
                 `GET /_matrix/client/v1/auth_metadata` (MSC2965), so the stable path is dated \
                 v1.15 and MSC2965's unstable path serves older servers",
    },
];
