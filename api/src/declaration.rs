//! The rules of a declaration that `#[request]` has rustc check, because they need both the
//! request and the endpoint's `METADATA`, which the macro cannot see.

use crate::history::{first_template, Paths, Placeholder, VersionHistory};

// Compile-time checks emitted by `#[request]`. The macro cannot see `metadata!`'s tokens, so the
// rules that need both are decided by rustc: for each rule the macro emits, spanned on the
// user's token,
//
//     const _: () = <declaration::Check<{ path_field_named(&METADATA.history, "room_id") }>
//         as declaration::PathFieldNamed>::OK;
//
// The `const fn` decides the rule; `Check<false>` implements none of the rule traits,
// so a broken rule is a trait-bound error on the user's token, worded by the trait's
// `#[diagnostic::on_unimplemented]`: one error, and no "evaluation panicked". A placeholder
// history (a declaration that already failed) passes every rule, so a mistake is reported once.
// Const fns cannot use iterators or `==` on strings, hence the index loops.

/// The outcome of one compile-time check of a declaration, as a type (see above).
#[doc(hidden)]
pub struct Check<const PASSED: bool>;

/// Rule: a request's module declares its `METADATA`.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "no `METADATA` in scope for this request",
    label = "this endpoint has no `METADATA`",
    note = "declare the endpoint's metadata in this module: `const METADATA: Metadata = \
            metadata! {{ method: GET, rate_limited: false, authentication: AccessToken, history: \
            {{ 1.1 => \"/_matrix/client/v3/...\" }} }};` (or import it by name)"
)]
pub trait MetadataDeclared {
    /// Names the rule in a constant, which fails to compile when the rule is broken.
    const OK: ();
}

#[diagnostic::do_not_recommend]
impl MetadataDeclared for Check<true> {
    const OK: () = ();
}

/// Rule: an `#[api(path)]` field is named after a `{param}` of the paths.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "this `#[api(path)]` field matches no `{{param}}` of the paths of METADATA",
    label = "no `{{param}}` of the paths has this name",
    note = "a path field fills the `{{param}}` of its own name: rename the field after a \
            parameter of the paths, or send it another way, such as `#[api(query)]`"
)]
pub trait PathFieldNamed {
    /// See [`MetadataDeclared::OK`].
    const OK: ();
}

#[diagnostic::do_not_recommend]
impl PathFieldNamed for Check<true> {
    const OK: () = ();
}

/// Rule: every `{param}` of the paths has an `#[api(path)]` field.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "a `{{param}}` of the paths of METADATA has no `#[api(path)]` field in this request",
    label = "no field for one of the path's parameters",
    note = "each `{{param}}` is filled by the field of its name: add `#[api(path)] pub \
            room_id: OwnedRoomId` (with the parameter's name, and a type that implements \
            `Display` and `FromStr`) for every parameter of the paths"
)]
pub trait PathParamsCovered {
    /// See [`MetadataDeclared::OK`].
    const OK: ();
}

#[diagnostic::do_not_recommend]
impl PathParamsCovered for Check<true> {
    const OK: () = ();
}

/// Rule: a request whose method has no body (`GET`, `HEAD`) has no body fields.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "a `GET` or `HEAD` request has no body, but this field would go in it",
    label = "a JSON body field, but METADATA's method sends no body",
    note = "mark the field `#[api(query)]` (or `#[api(path)]`, `#[api(header = NAME)]`), or \
            give METADATA a method with a body, such as `POST`"
)]
pub trait BodyAllowed {
    /// See [`MetadataDeclared::OK`].
    const OK: ();
}

#[diagnostic::do_not_recommend]
impl BodyAllowed for Check<true> {
    const OK: () = ();
}

/// Rule: the endpoint a `legacy` key names has the method of the declaring endpoint.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "the endpoint named by `legacy` has another HTTP method than this one",
    label = "not the method of this endpoint",
    note = "a client sends this endpoint's request on the replaced endpoint's paths when the \
            server has none of this one's, so both take the same method: name the endpoint \
            this one replaced"
)]
pub trait LegacySameMethod {
    /// See [`MetadataDeclared::OK`].
    const OK: ();
}

#[diagnostic::do_not_recommend]
impl LegacySameMethod for Check<true> {
    const OK: () = ();
}

/// Rule: the endpoint a `legacy` key names has the path parameters of the declaring endpoint,
/// in the same order.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "the paths of the endpoint named by `legacy` have other `{{param}}`s than this \
               endpoint's paths",
    label = "not the same `{{param}}`s, in the same order, as this endpoint's paths",
    note = "a client fills the replaced endpoint's paths from this endpoint's request, so both \
            have the same `{{param}}` names in the same order: name the endpoint this one \
            replaced, or rename the parameters of these paths after its"
)]
pub trait LegacySameParams {
    /// See [`MetadataDeclared::OK`].
    const OK: ();
}

#[diagnostic::do_not_recommend]
impl LegacySameParams for Check<true> {
    const OK: () = ();
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The `n`th parameter of a template.
const fn nth_param(template: &'static str, n: usize) -> Option<&'static str> {
    let bytes = template.as_bytes();
    let mut i = 0;
    let mut seen = 0;
    while i < bytes.len() {
        if bytes[i] == b'{' {
            let start = i + 1;
            let mut end = start;
            while end < bytes.len() && bytes[end] != b'}' {
                end += 1;
            }
            if seen == n {
                let (_, tail) = bytes.split_at(start);
                let (name, _) = tail.split_at(end - start);
                return match core::str::from_utf8(name) {
                    Ok(name) => Some(name),
                    Err(_) => None,
                };
            }
            seen += 1;
            i = end;
        }
        i += 1;
    }
    None
}

const fn is_param(template: &'static str, name: &str) -> bool {
    let mut n = 0;
    while let Some(param) = nth_param(template, n) {
        if str_eq(param, name) {
            return true;
        }
        n += 1;
    }
    false
}

const fn contains(names: &[&str], name: &str) -> bool {
    let mut i = 0;
    while i < names.len() {
        if str_eq(names[i], name) {
            return true;
        }
        i += 1;
    }
    false
}

/// Compile-time check, on the struct's name: `METADATA` is the endpoint's own, not the
/// stand-in `#[request]` provides when none is in scope.
#[doc(hidden)]
pub const fn metadata_declared(metadata: &crate::Metadata) -> bool {
    !matches!(
        metadata.history.paths,
        Paths::Placeholder(Placeholder::Undeclared)
    )
}

/// Compile-time check, on an `#[api(path)]` field: `field` names a `{param}` of the paths.
#[doc(hidden)]
pub const fn path_field_named(history: &VersionHistory, field: &str) -> bool {
    match first_template(history) {
        Some(template) => is_param(template, field),
        None => true,
    }
}

/// Compile-time check, on the struct's name: every `{param}` of the paths has an `#[api(path)]`
/// field. Passes while a path field matches no parameter: that field's own check reports the
/// mistake (often a misspelling), once.
#[doc(hidden)]
pub const fn path_params_covered(history: &VersionHistory, fields: &[&str]) -> bool {
    let Some(template) = first_template(history) else {
        return true;
    };
    let mut i = 0;
    while i < fields.len() {
        if !is_param(template, fields[i]) {
            return true;
        }
        i += 1;
    }
    let mut n = 0;
    while let Some(param) = nth_param(template, n) {
        if !contains(fields, param) {
            return false;
        }
        n += 1;
    }
    true
}

/// Compile-time check, on a body field: the method of METADATA sends a body (`GET` and `HEAD`
/// do not).
#[doc(hidden)]
pub const fn body_allowed(metadata: &crate::Metadata) -> bool {
    matches!(metadata.history.paths, Paths::Placeholder(_)) || !metadata.method_has_no_body()
}

/// The position of `{name}` among the parameters of the paths, worked out at compile time for
/// the generated server code, so that reading a path argument does not walk the template. `0`
/// when there is no such parameter: [`path_field_named`] reports that mistake.
#[doc(hidden)]
pub const fn param_position(history: &VersionHistory, name: &str) -> usize {
    let Some(template) = first_template(history) else {
        return 0;
    };
    let mut n = 0;
    while let Some(param) = nth_param(template, n) {
        if str_eq(param, name) {
            return n;
        }
        n += 1;
    }
    0
}

/// Compile-time check, on a `legacy` key: the replaced endpoint's method is `method` (the
/// name `metadata!` was given). A placeholder (a declaration that failed) passes.
#[doc(hidden)]
pub const fn legacy_same_method(legacy: &crate::Metadata, method: &str) -> bool {
    use http::Method;
    if matches!(legacy.history.paths, Paths::Placeholder(_)) {
        return true;
    }
    let m = &legacy.method;
    (str_eq(method, "GET") && matches!(*m, Method::GET))
        || (str_eq(method, "POST") && matches!(*m, Method::POST))
        || (str_eq(method, "PUT") && matches!(*m, Method::PUT))
        || (str_eq(method, "DELETE") && matches!(*m, Method::DELETE))
        || (str_eq(method, "PATCH") && matches!(*m, Method::PATCH))
        || (str_eq(method, "HEAD") && matches!(*m, Method::HEAD))
        || (str_eq(method, "OPTIONS") && matches!(*m, Method::OPTIONS))
        || (str_eq(method, "CONNECT") && matches!(*m, Method::CONNECT))
        || (str_eq(method, "TRACE") && matches!(*m, Method::TRACE))
}

/// Compile-time check, on a `legacy` key: the replaced endpoint's paths have exactly `params`,
/// in this order (`metadata!` checks that every path of one history has the same).
#[doc(hidden)]
pub const fn legacy_same_params(legacy: &crate::Metadata, params: &[&str]) -> bool {
    let Some(template) = first_template(&legacy.history) else {
        return true;
    };
    let mut n = 0;
    while n < params.len() {
        match nth_param(template, n) {
            Some(param) if str_eq(param, params[n]) => n += 1,
            _ => return false,
        }
    }
    nth_param(template, n).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::{StablePath, StablePathSelector};
    use crate::version::MatrixVersion::*;

    const ROOM_STATE: VersionHistory = VersionHistory::new(
        &[],
        &[StablePath {
            selector: StablePathSelector::Version(V1_1),
            path: "/v3/rooms/{room_id}/state/{event_type}",
        }],
        None,
        None,
    );

    #[test]
    fn params_of_a_template_at_compile_time() {
        let t = "/_matrix/client/v3/rooms/{room_id}/send/{event_type}/{txn_id}";
        assert_eq!(nth_param(t, 1), Some("event_type"));
        assert!(is_param(t, "txn_id") && !is_param(t, "txn"));
        assert_eq!(nth_param(t, 3), None);
    }

    #[test]
    fn compile_time_checks_of_path_fields() {
        assert!(path_field_named(&ROOM_STATE, "room_id"));
        assert!(!path_field_named(&ROOM_STATE, "roomid"));
        assert!(!path_field_named(&VersionHistory::unversioned("/x"), "a"));

        assert!(path_params_covered(&ROOM_STATE, &["event_type", "room_id"]));
        assert!(!path_params_covered(&ROOM_STATE, &["room_id"]));
        // A misspelt field is reported by its own check only.
        assert!(path_params_covered(&ROOM_STATE, &["roomid", "event_type"]));
    }

    #[test]
    fn compile_time_checks_of_metadata() {
        let get = crate::Metadata {
            method: http::Method::GET,
            rate_limited: false,
            authentication: crate::AuthScheme::None,
            history: ROOM_STATE,
            capability: None,
            optional_last_segment: false,
            legacy: None,
        };
        assert!(!body_allowed(&get));
        let post = crate::Metadata {
            method: http::Method::POST,
            ..get.clone()
        };
        assert!(body_allowed(&post));
        assert!(metadata_declared(&post));

        // Placeholders pass every check but the one about a missing `METADATA`.
        let invalid = crate::__private::INVALID_METADATA;
        assert!(body_allowed(&invalid));
        assert!(path_field_named(&invalid.history, "x"));
        assert!(path_params_covered(&invalid.history, &[]));
        assert!(metadata_declared(&invalid));
        let undeclared = crate::__private::undeclared::METADATA;
        assert!(path_field_named(&undeclared.history, "x"));
        assert!(body_allowed(&undeclared));
        assert!(!metadata_declared(&undeclared));
        assert!(legacy_same_method(&invalid, "POST"));
        assert!(legacy_same_params(&invalid, &["x"]));
    }

    #[test]
    fn parameter_positions_at_compile_time() {
        const EVENT_TYPE: usize = param_position(&ROOM_STATE, "event_type");
        assert_eq!(EVENT_TYPE, 1);
        assert_eq!(param_position(&ROOM_STATE, "room_id"), 0);
        assert_eq!(param_position(&ROOM_STATE, "nothing"), 0);
    }

    #[test]
    fn compile_time_checks_of_legacy() {
        let legacy = crate::Metadata {
            method: http::Method::GET,
            rate_limited: false,
            authentication: crate::AuthScheme::None,
            history: ROOM_STATE,
            capability: None,
            optional_last_segment: false,
            legacy: None,
        };
        assert!(legacy_same_method(&legacy, "GET"));
        assert!(!legacy_same_method(&legacy, "PUT"));
        assert!(legacy_same_params(&legacy, &["room_id", "event_type"]));
        // Order, number and names all count.
        assert!(!legacy_same_params(&legacy, &["event_type", "room_id"]));
        assert!(!legacy_same_params(&legacy, &["room_id"]));
        assert!(!legacy_same_params(
            &legacy,
            &["room_id", "event_type", "state_key"]
        ));
        assert!(!legacy_same_params(&legacy, &["roomId", "event_type"]));
    }
}
