//! Deliberate differences in the session, discovery and account endpoints: login, SSO,
//! whoami, versions and capabilities.

use super::Allowed;
use crate::checker::Rule;

/// This group's entries.
pub const ALLOWED: &[Allowed] = &[
    Allowed {
        endpoint: "session::login::v3",
        rule: Rule::Authentication,
        subject: "",
        reason: "`m.login.application_service` logs a user in with the application service's \
                 `as_token`, so the endpoint takes that token when one is given \
                 (AppserviceTokenOptional); the specification describes the token in prose \
                 (Appservice Login) and lists no `security`",
    },
    Allowed {
        endpoint: "session::sso_login::v3",
        rule: Rule::AddedIn,
        subject: "",
        reason: "the SSO redirect existed before v1.1, as `/_matrix/client/r0/login/sso/redirect` \
                 (since r0.4.0, which is our v1.0), and Synapse still serves it; the \
                 specification's tag dates the endpoint from the v3 path of v1.1",
    },
    Allowed {
        endpoint: "session::sso_login::v3",
        rule: Rule::Required,
        subject: "response.header.location",
        reason: "a 302 without `Location` is no redirect: the response cannot be read without \
                 it; the specification states no `required` on its response headers at all",
    },
    Allowed {
        endpoint: "session::sso_login_with_provider::v3",
        rule: Rule::Required,
        subject: "response.header.location",
        reason: "as for `sso_login`: a 302 without `Location` is no redirect",
    },
];
