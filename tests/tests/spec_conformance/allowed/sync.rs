//! Deliberate differences in the sync, filter, message, context, search and to-device endpoints.

use super::Allowed;
use crate::checker::Rule;

/// This group's entries.
///
/// The three `Spec` entries hold while the specification copy lacks `data/event-schemas`: the
/// operations refer to event schemas there, so they cannot be resolved. Each was checked `ok`
/// (fields and examples) against the same files with `data/event-schemas` beside `data/api`,
/// which `Spec::load` reads. With the schemas present, remove the three and add back the one
/// difference that remains: `response.body.device_unused_fallback_key_types` of
/// `sync::sync_events::v3` (`Rule::ExtraField`), which the end-to-end encryption module adds
/// to `/sync` in prose (Extensions to /sync, Matrix v1.2, MSC2732) rather than in sync.yaml.
pub const ALLOWED: &[Allowed] = &[
    Allowed {
        endpoint: "sync::sync_events::v3",
        rule: Rule::Spec,
        subject: "",
        reason: "the specification copy holds `data/api` only: the event batches refer to \
                 `event-schemas/.../event.yaml` and `stripped_state.yaml`, outside it; checked \
                 `ok` (fields and the example) with those schemas added",
    },
    Allowed {
        endpoint: "sync::initial_sync::v3",
        rule: Rule::Spec,
        subject: "",
        reason: "the specification copy holds `data/api` only: presence and account data refer \
                 to `event-schemas/.../event.yaml`, outside it; checked `ok` (fields and the \
                 example) with that schema added",
    },
    Allowed {
        endpoint: "sync::room_initial_sync::v3",
        rule: Rule::Spec,
        subject: "",
        reason: "the specification copy holds `data/api` only: account data refers to \
                 `event-schemas/.../event.yaml`, outside it; checked `ok` (fields and the \
                 example) with that schema added",
    },
];
