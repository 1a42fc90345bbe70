//! The rules of `metadata!`'s entries: each key once, the keys it needs, and the value each takes;
//! the rules of its paths and history are in `history`.

use syn::{Ident, LitBool, LitStr};

use crate::ast::metadata::{Form, History, Metadata, RawHistory, RawMetadata};
use crate::check::history::{check_history, check_path};
use crate::errors::Errors;
use crate::suggest::{capitals_or_hint, closest, hint};

const KEYS: &[&str] = &[
    "method",
    "rate_limited",
    "authentication",
    "history",
    "path",
    "capability",
    "optional_last_segment",
    "legacy",
];
const METHODS: &[&str] = &[
    "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "CONNECT", "TRACE",
];
const AUTH_SCHEMES: &[&str] = &[
    "None",
    "AccessToken",
    "AccessTokenOptional",
    "AppserviceToken",
    "AppserviceTokenOptional",
];
/// The types of `matrix_api::api::auth_scheme`, Ruma's names for the schemes.
const AUTH_SCHEME_TYPES: &[&str] = &[
    "NoAuthentication",
    "NoAccessToken",
    "AccessToken",
    "AccessTokenOptional",
    "AppserviceToken",
    "AppserviceTokenOptional",
];

/// Checks every entry and the set of keys; the declaration, or every mistake in it.
pub fn check(raw: RawMetadata, form: Form) -> Result<Metadata, Errors> {
    let mut errors = Errors::default();
    let mut method = None;
    let mut rate_limited = None;
    let mut authentication = None;
    let mut history = None;
    let mut path = None;
    let mut capability = None;
    let mut optional_last_segment: Option<LitBool> = None;
    let mut legacy: Option<syn::ExprPath> = None;
    let mut seen: Vec<Ident> = Vec::new();
    // Valid keys that an unknown key was taken for: they are not reported missing as well.
    let mut suggested: Vec<&str> = Vec::new();
    let given: Vec<String> = raw.entries.iter().map(|e| e.key.to_string()).collect();

    for entry in raw.entries {
        let key = entry.key.to_string();
        if seen.iter().any(|k| *k == key) {
            errors.push(
                &entry.key,
                format!("`{key}` is given twice; keep one of them"),
            );
            continue;
        }
        seen.push(entry.key.clone());
        match key.as_str() {
            "method" => method = check_method(entry.value, &mut errors),
            "rate_limited" => rate_limited = check_bool("rate_limited", entry.value, &mut errors),
            "optional_last_segment" => {
                optional_last_segment =
                    check_bool("optional_last_segment", entry.value, &mut errors)
            }
            "authentication" => authentication = check_auth(entry.value, form, &mut errors),
            "history" => match syn::parse2::<RawHistory>(entry.value) {
                Ok(raw) => history = check_history(raw, &mut errors),
                Err(err) => errors.push_error(err),
            },
            "path" => match syn::parse2::<LitStr>(entry.value.clone()) {
                Ok(lit) => {
                    if check_path(&lit, &mut errors).is_some() {
                        path = Some(lit);
                    }
                }
                Err(_) => errors.push(
                    entry.value,
                    "`path` takes one string literal, such as \"/_matrix/client/versions\"",
                ),
            },
            "capability" => capability = check_capability(entry.value, &mut errors),
            "legacy" => legacy = check_legacy(entry.value, &mut errors),
            _ => {
                // Prefer the keys the declaration lacks: `ratelimited` is `rate_limited`.
                let missing: Vec<&str> = KEYS
                    .iter()
                    .copied()
                    .filter(|k| !given.iter().any(|g| g == k))
                    .collect();
                let suggestion = closest(&key, &missing).or_else(|| closest(&key, KEYS));
                if let Some(suggestion) = suggestion {
                    suggested.push(suggestion);
                }
                errors.push(
                    &entry.key,
                    format!(
                        "unknown key `{key}`; the keys are `method`, `rate_limited`, \
                         `authentication`, `history` or `path`, and optionally `capability`, \
                         `optional_last_segment` and `legacy`{}",
                        suggestion
                            .map(|s| format!("; did you mean `{s}`?"))
                            .unwrap_or_default()
                    ),
                );
            }
        }
    }

    let has = |name: &str| seen.iter().any(|k| k == name) || suggested.contains(&name);
    let mut missing: Vec<&str> = ["method", "rate_limited", "authentication"]
        .into_iter()
        .filter(|key| !has(key))
        .collect();
    if !has("history") && !has("path") {
        missing.push("history");
    }
    if !missing.is_empty() {
        errors.push_at(raw.end, missing_keys_message(&missing));
    }
    if has("history") && has("path") {
        if let Some(second) = seen.iter().rfind(|k| *k == "history" || *k == "path") {
            errors.push(
                second,
                "give either `history` (a versioned endpoint) or `path` (one unversioned path), \
                 not both",
            );
        }
    }

    let history = history.or_else(|| path.map(History::Single));
    if let (Some(legacy), Some(History::Single(_))) = (&legacy, &history) {
        errors.push(
            legacy,
            "an unversioned endpoint has its one path on every server, so a client never falls \
             back to the endpoint `legacy` names; `legacy` is for a versioned `history`",
        );
    }
    let optional_last_segment = match (&optional_last_segment, &history) {
        (Some(flag), Some(history)) if flag.value => {
            check_optional_last_segment(flag, history, &mut errors);
            true
        }
        _ => false,
    };
    match (method, rate_limited, authentication, history) {
        (Some(method), Some(rate_limited), Some(authentication), Some(history))
            if errors.is_empty() =>
        {
            Ok(Metadata {
                method,
                rate_limited,
                authentication,
                history,
                capability,
                optional_last_segment,
                legacy,
            })
        }
        _ => {
            if errors.is_empty() {
                errors.push_at(raw.end, "invalid metadata");
            }
            Err(errors)
        }
    }
}

/// "missing `a` and `b`; add `a: ...,` and `b: ...,`", for the keys a declaration lacks.
fn missing_keys_message(missing: &[&str]) -> String {
    let example = |key: &str| match key {
        "method" => "`method: GET,` (or `POST`, `PUT`, `DELETE`, ...)",
        "rate_limited" => "`rate_limited: false,` (or `true`)",
        "authentication" => {
            "`authentication: AccessToken,` (or `None`, `AccessTokenOptional`, ...)"
        }
        _ => {
            "`history: { 1.1 => \"/_matrix/client/v3/...\" },` (the paths by version) or `path: \
             \"/_matrix/...\",` (one unversioned path)"
        }
    };
    let name = |key: &str| {
        if key == "history" {
            "`history` or `path`".to_owned()
        } else {
            format!("`{key}`")
        }
    };
    let names: Vec<String> = missing.iter().map(|k| name(k)).collect();
    let examples: Vec<&str> = missing.iter().map(|k| example(k)).collect();
    format!(
        "metadata! is missing {}; add {}",
        join_and(&names),
        examples.join(", and ")
    )
}

fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn check_method(value: proc_macro2::TokenStream, errors: &mut Errors) -> Option<Ident> {
    let Ok(ident) = syn::parse2::<Ident>(value.clone()) else {
        errors.push(
            value,
            "`method` takes an HTTP method name such as `GET` or `POST`",
        );
        return None;
    };
    let name = ident.to_string();
    if METHODS.contains(&name.as_str()) {
        return Some(ident);
    }
    let suggestion = capitals_or_hint(&name, METHODS);
    errors.push(
        &ident,
        format!(
            "unknown HTTP method `{name}`; expected one of {}{suggestion}",
            METHODS.join(", ")
        ),
    );
    None
}

fn check_bool(key: &str, value: proc_macro2::TokenStream, errors: &mut Errors) -> Option<LitBool> {
    match syn::parse2::<LitBool>(value.clone()) {
        Ok(lit) => Some(lit),
        Err(_) => {
            errors.push(value, format!("`{key}` takes `true` or `false`"));
            None
        }
    }
}

/// Only a parameter can be left out: every path must end in one.
fn check_optional_last_segment(flag: &LitBool, history: &History, errors: &mut Errors) {
    for path in history.paths() {
        let value = path.value();
        let last = value.rsplit('/').next().unwrap_or_default();
        if !(last.starts_with('{') && last.ends_with('}')) {
            errors.push(
                flag,
                format!(
                    "`optional_last_segment` leaves out an empty last path parameter, and \
                     `{value}` ends in `{last}`, not in a `{{parameter}}`"
                ),
            );
            return;
        }
    }
}

fn check_auth(value: proc_macro2::TokenStream, form: Form, errors: &mut Errors) -> Option<Ident> {
    let schemes = match form {
        Form::Expression => AUTH_SCHEMES,
        Form::Item => AUTH_SCHEME_TYPES,
    };
    let Ok(ident) = syn::parse2::<Ident>(value.clone()) else {
        errors.push(
            value,
            format!("`authentication` takes one of {}", schemes.join(", ")),
        );
        return None;
    };
    let name = ident.to_string();
    if schemes.contains(&name.as_str()) {
        return Some(ident);
    }
    errors.push(
        &ident,
        format!(
            "unknown authentication scheme `{name}`; expected one of {}{}",
            schemes.join(", "),
            hint(&name, schemes)
        ),
    );
    None
}

/// `legacy` names the replaced endpoint's `METADATA` by path; whether that endpoint fits (its
/// method and path parameters) is decided by rustc, which sees it (`expand::metadata`).
fn check_legacy(value: proc_macro2::TokenStream, errors: &mut Errors) -> Option<syn::ExprPath> {
    match syn::parse2::<syn::ExprPath>(value.clone()) {
        Ok(path) => Some(path),
        Err(_) => {
            errors.push(
                value,
                "`legacy` takes the path of the replaced endpoint's metadata constant, such as \
                 `crate::media::get_content::v3::METADATA`",
            );
            None
        }
    }
}

/// A capability name as `GET /capabilities` lists it: namespaced (`m.…` or a reverse domain
/// such as `org.matrix.msc3882.…`), without spaces.
fn check_capability(value: proc_macro2::TokenStream, errors: &mut Errors) -> Option<LitStr> {
    let Ok(lit) = syn::parse2::<LitStr>(value.clone()) else {
        let text: String = value.to_string().split_whitespace().collect();
        errors.push(
            value,
            format!(
                "`capability` takes the capability's name as a string, such as \
                 \"m.get_login_token\"; write \"{text}\" in quotes"
            ),
        );
        return None;
    };
    let name = lit.value();
    let namespaced = name.split('.').count() >= 2 && name.split('.').all(|part| !part.is_empty());
    if namespaced && name.bytes().all(|b| b.is_ascii_graphic()) {
        return Some(lit);
    }
    errors.push(
        &lit,
        format!(
            "`{name}` is not a capability name: capabilities are namespaced words joined by dots \
             without spaces, such as \"m.get_login_token\" or \"org.matrix.msc3882.get_login_token\""
        ),
    );
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors_of(input: proc_macro2::TokenStream) -> String {
        let raw: RawMetadata = syn::parse2(input).expect("parses");
        match check(raw, Form::Expression) {
            Ok(_) => String::new(),
            Err(errors) => errors
                .finish()
                .unwrap_err()
                .into_iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }

    #[test]
    fn a_misspelt_key_is_one_error() {
        let errors = errors_of(quote::quote! {
            method: GET, ratelimited: false, authentication: None, path: "/x",
        });
        assert_eq!(
            errors,
            "unknown key `ratelimited`; the keys are `method`, `rate_limited`, `authentication`, \
             `history` or `path`, and optionally `capability`, `optional_last_segment` and \
             `legacy`; did you mean `rate_limited`?"
        );
    }

    #[test]
    fn missing_keys_are_one_error() {
        let errors = errors_of(quote::quote! { method: GET, path: "/x" });
        assert!(
            errors.starts_with("metadata! is missing `rate_limited` and `authentication`; add"),
            "{errors}"
        );
        assert_eq!(errors.lines().count(), 1);
        let errors =
            errors_of(quote::quote! { method: GET, rate_limited: true, authentication: None });
        assert!(
            errors.starts_with("metadata! is missing `history` or `path`"),
            "{errors}"
        );
    }

    #[test]
    fn a_valid_declaration_has_no_errors() {
        let errors = errors_of(quote::quote! {
            method: PUT,
            rate_limited: false,
            authentication: AccessToken,
            history: {
                unstable("org.matrix.msc1") => "/u/{a}",
                1.1 | stable("org.matrix.msc1.stable") => "/v3/{a}",
                1.12 => deprecated,
                1.13 => removed,
            },
            capability: "m.example",
        });
        assert_eq!(errors, "");
    }

    #[test]
    fn capability_names() {
        let errors = errors_of(quote::quote! {
            method: GET, rate_limited: false, authentication: None, path: "/x",
            capability: m.get_login_token,
        });
        assert_eq!(
            errors,
            "`capability` takes the capability's name as a string, such as \
             \"m.get_login_token\"; write \"m.get_login_token\" in quotes"
        );
        let errors = errors_of(quote::quote! {
            method: GET, rate_limited: false, authentication: None, path: "/x",
            capability: "get login token",
        });
        assert!(
            errors.starts_with("`get login token` is not a capability name"),
            "{errors}"
        );
        assert!(!errors_of(quote::quote! {
            method: GET, rate_limited: false, authentication: None, path: "/x",
            capability: "m.",
        })
        .is_empty());
    }
}
