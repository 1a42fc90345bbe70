//! Deliberate differences in the room, state, event, relation and alias endpoints.

use super::Allowed;
use crate::checker::Rule;

/// The relation endpoints' reason: the same for the three.
const RELATIONS_ADDED_IN_V1_3: &str =
    "the relations endpoints came with MSC2675 in Matrix v1.3 (changelog v1.3: \"Describe how \
     relationships between events can be aggregated\"), and before it servers had them only \
     under `/_matrix/client/unstable/`; relations.yaml carries no `x-addedInMatrixVersion`, \
     which the checker reads as \"before v1.1\"";

/// This group's entries.
pub const ALLOWED: &[Allowed] = &[
    Allowed {
        endpoint: "room::report_content::v3",
        rule: Rule::ExtraField,
        subject: "request.body.score",
        reason: "`score` was part of the request until Matrix v1.18 removed it (MSC4277); servers \
                 of earlier versions still read it, so it stays as an optional field that is \
                 only sent when set",
    },
    Allowed {
        endpoint: "redact::redact_event::v3",
        rule: Rule::Required,
        subject: "response.body.event_id",
        reason: "the 200 response is \"an ID for the redaction event\" and every server sends it; \
                 redaction.yaml only forgets to list it in `required` (the same answer of \
                 room_state.yaml and the send endpoint lists it)",
    },
    Allowed {
        endpoint: "relations::get_relating_events::v1",
        rule: Rule::AddedIn,
        subject: "",
        reason: RELATIONS_ADDED_IN_V1_3,
    },
    Allowed {
        endpoint: "relations::get_relating_events_with_rel_type::v1",
        rule: Rule::AddedIn,
        subject: "",
        reason: RELATIONS_ADDED_IN_V1_3,
    },
    Allowed {
        endpoint: "relations::get_relating_events_with_rel_type_and_event_type::v1",
        rule: Rule::AddedIn,
        subject: "",
        reason: RELATIONS_ADDED_IN_V1_3,
    },
    Allowed {
        endpoint: "room::get_summary::v1",
        rule: Rule::Authentication,
        subject: "",
        reason: "room_summary.yaml names `signedRequest`, the Server-Server API's scheme, which \
                 no Client-Server file defines; its prose says servers MAY answer without an \
                 access token for public or world-readable rooms and that `membership` is \
                 absent when called unauthenticated, which is AccessTokenOptional",
    },
];
