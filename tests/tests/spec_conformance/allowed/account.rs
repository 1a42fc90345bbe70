//! Deliberate differences in the account endpoints: registration, password, deactivation and
//! third-party identifiers.

use super::Allowed;
use crate::checker::Rule;

/// The entries written out, then, for each `…/requestToken` endpoint, the fields of its body
/// that come from the Identity Service API's `request_email_validation.yaml` /
/// `request_msisdn_validation.yaml`, which the Client-Server API's definitions pull in by
/// `allOf`. That file is outside this copy of the specification, so the checker sees only
/// `id_server` and `id_access_token`.
macro_rules! allowed {
    (
        entries: [$($entry:expr),* $(,)?],
        identity_service: {$($endpoint:literal: [$($field:literal),+]),+ $(,)?} $(,)?
    ) => {
        &[$($entry,)* $($(Allowed {
            endpoint: $endpoint,
            rule: Rule::ExtraField,
            subject: concat!("request.body.", $field),
            reason: "defined by the Identity Service API's validation request, which the \
                     operation's schema includes with `allOf` from outside the client-server \
                     directory; the fields and their required-ness are that file's \
                     (client_secret, email or country and phone_number, send_attempt required; \
                     next_link optional)",
        },)+)+]
    };
}

/// This group's entries.
pub const ALLOWED: &[Allowed] = allowed! {
    entries: [
        Allowed {
            endpoint: "account::register::v3",
            rule: Rule::Authentication,
            subject: "",
            reason: "an application service registers users in its namespace with its \
                     `as_token` (Application Service API, \"Server admin style permissions\"; \
                     without the legacy login since v1.17, MSC4190), so the endpoint takes that \
                     token when one is given (AppserviceTokenOptional); the operation lists no \
                     `security`",
        },
        Allowed {
            endpoint: "account::register::v3",
            rule: Rule::ExtraField,
            subject: "request.body.type",
            reason: "an application service's registration sends `type: \
                     m.login.application_service` in the body, as the Application Service API \
                     describes; the operation's schema does not list it",
        },
    ],
    identity_service: {
        "account::request_registration_token_via_email::v3":
            ["client_secret", "email", "send_attempt", "next_link"],
        "account::request_password_change_token_via_email::v3":
            ["client_secret", "email", "send_attempt", "next_link"],
        "account::request_3pid_management_token_via_email::v3":
            ["client_secret", "email", "send_attempt", "next_link"],
        "account::request_registration_token_via_msisdn::v3":
            ["client_secret", "country", "phone_number", "send_attempt", "next_link"],
        "account::request_password_change_token_via_msisdn::v3":
            ["client_secret", "country", "phone_number", "send_attempt", "next_link"],
        "account::request_3pid_management_token_via_msisdn::v3":
            ["client_secret", "country", "phone_number", "send_attempt", "next_link"],
    },
};
