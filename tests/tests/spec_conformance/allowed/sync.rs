//! Deliberate differences in the sync, filter, message, context, search and to-device endpoints.

use super::Allowed;
use crate::checker::Rule;

/// This group's entries.
pub const ALLOWED: &[Allowed] = &[Allowed {
    endpoint: "sync::sync_events::v3",
    rule: Rule::ExtraField,
    subject: "response.body.device_unused_fallback_key_types",
    reason: "the end-to-end encryption module adds `device_unused_fallback_key_types` to `/sync` \
             in its prose (Extensions to /sync, Matrix v1.2, MSC2732), not in sync.yaml; \
             encrypted clients need it to know when to upload a new fallback key",
}];
