//! Deliberate differences in the sync, filter, message, context, search and to-device endpoints.

use super::Allowed;
use crate::checker::Rule;

/// This group's entries.
pub const ALLOWED: &[Allowed] = &[Allowed {
    endpoint: "sync::sync_events::v3",
    rule: Rule::ExtraField,
    subject: "response.body.device_unused_fallback_key_types",
    reason: "the end-to-end encryption module adds it to the `/sync` response in prose \
             (Extensions to /sync, Matrix v1.2, MSC2732), not in sync.yaml; optional because \
             servers before v1.2 do not send it, and its presence tells that a server supports \
             fallback keys",
}];
