//! Deliberate differences in the membership, receipt, typing and space endpoints.

use super::Allowed;
use crate::checker::Rule;

/// This group's entries.
pub const ALLOWED: &[Allowed] = &[
    Allowed {
        endpoint: "membership::join_room_by_id_or_alias::v3",
        rule: Rule::ExtraField,
        subject: "request.query.server_name",
        reason: "`server_name` is `via`'s name before v1.12 (deprecated by MSC4156 in v1.12, \
                 removed by MSC4213 in v1.14): servers older than v1.12 read only it, so \
                 `Request::with_servers` writes the list under both names and \
                 `Request::servers` reads either",
    },
    Allowed {
        endpoint: "knock::knock_room::v3",
        rule: Rule::ExtraField,
        subject: "request.query.server_name",
        reason: "as for joining by alias: `server_name` is `via`'s name before v1.12, the only \
                 one older servers read",
    },
    Allowed {
        endpoint: "membership::mutual_rooms::v1",
        rule: Rule::AddedIn,
        subject: "",
        reason: "the operation has no `x-addedInMatrixVersion` tag, but the v1.19 changelog adds \
                 `GET /_matrix/client/v1/mutual_rooms` (MSC2666): our first stable path is v1.19's",
    },
    Allowed {
        endpoint: "membership::mutual_rooms::v1",
        rule: Rule::Required,
        subject: "response.body.count",
        reason: "servers of the unstable MSC2666 path (`uk.half-shot.msc2666.query_mutual_rooms`, \
                 Synapse before it served the stable path), which the client reaches before \
                 v1.19, answer `joined` without `count`: requiring it would make their answers \
                 unreadable",
    },
];
