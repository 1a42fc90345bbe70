//! The rules of `metadata!`, each reported on the token that breaks it.

use proc_macro2::Span;
use syn::{Ident, LitBool, LitStr};

use super::parse::{Arm, RawHistory, RawMetadata, Selector, Target, VersionLit};
use crate::errors::Errors;
use crate::suggest::{closest, hint};

/// The newest `1.N` this macro accepts; `matrix_api::MatrixVersion::LATEST` must match.
pub const LATEST_MINOR: u8 = 19;

const KEYS: &[&str] = &[
    "method",
    "rate_limited",
    "authentication",
    "history",
    "path",
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

/// A checked declaration.
pub struct Metadata {
    pub method: Ident,
    pub rate_limited: LitBool,
    pub authentication: Ident,
    pub history: History,
}

pub enum History {
    Single(LitStr),
    Versioned {
        unstable: Vec<(Option<LitStr>, LitStr)>,
        stable: Vec<(Option<u8>, Option<LitStr>, LitStr)>,
        deprecated: Option<u8>,
        removed: Option<u8>,
    },
}

pub fn validate(raw: RawMetadata) -> Result<Metadata, Errors> {
    let mut errors = Errors::default();
    let mut method = None;
    let mut rate_limited = None;
    let mut authentication = None;
    let mut history = None;
    let mut path = None;
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
            "rate_limited" => rate_limited = check_bool(entry.value, &mut errors),
            "authentication" => authentication = check_auth(entry.value, &mut errors),
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
                         `authentication`, and `history` or `path`{}",
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
    match (method, rate_limited, authentication, history) {
        (Some(method), Some(rate_limited), Some(authentication), Some(history))
            if errors.is_empty() =>
        {
            Ok(Metadata {
                method,
                rate_limited,
                authentication,
                history,
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
    let upper = name.to_ascii_uppercase();
    let suggestion = if METHODS.contains(&upper.as_str()) {
        format!("; write it in capitals: `{upper}`")
    } else {
        hint(&name, METHODS)
    };
    errors.push(
        &ident,
        format!(
            "unknown HTTP method `{name}`; expected one of {}{suggestion}",
            METHODS.join(", ")
        ),
    );
    None
}

fn check_bool(value: proc_macro2::TokenStream, errors: &mut Errors) -> Option<LitBool> {
    match syn::parse2::<LitBool>(value.clone()) {
        Ok(lit) => Some(lit),
        Err(_) => {
            errors.push(value, "`rate_limited` takes `true` or `false`");
            None
        }
    }
}

fn check_auth(value: proc_macro2::TokenStream, errors: &mut Errors) -> Option<Ident> {
    let Ok(ident) = syn::parse2::<Ident>(value.clone()) else {
        errors.push(
            value,
            format!("`authentication` takes one of {}", AUTH_SCHEMES.join(", ")),
        );
        return None;
    };
    let name = ident.to_string();
    if AUTH_SCHEMES.contains(&name.as_str()) {
        return Some(ident);
    }
    errors.push(
        &ident,
        format!(
            "unknown authentication scheme `{name}`; expected one of {}{}",
            AUTH_SCHEMES.join(", "),
            hint(&name, AUTH_SCHEMES)
        ),
    );
    None
}

/// Checks a version literal: `1.N` with a known `N`.
fn check_version(version: &VersionLit, errors: &mut Errors) -> Option<u8> {
    let text = &version.text;
    let minor = text.strip_prefix("1.").filter(|m| {
        !m.is_empty()
            && m.bytes().all(|b| b.is_ascii_digit())
            && (m.len() == 1 || !m.starts_with('0'))
    });
    match minor.map(str::parse::<u32>) {
        Some(Ok(minor)) if minor <= u32::from(LATEST_MINOR) => Some(minor as u8),
        Some(_) => {
            errors.push_at(
                version.span,
                format!(
                    "unknown Matrix version `{text}`; the known versions are 1.0 to \
                     1.{LATEST_MINOR}"
                ),
            );
            None
        }
        None => {
            errors.push_at(
                version.span,
                format!(
                    "`{text}` is not a Matrix version; write versions as `1.N`, such as `1.7` \
                     (legacy r0 paths are `1.0`)"
                ),
            );
            None
        }
    }
}

/// Checks a path template and returns its parameter names.
pub fn check_path(lit: &LitStr, errors: &mut Errors) -> Option<Vec<String>> {
    let path = lit.value();
    let mut fail = |message: String| {
        errors.push(lit, message);
        None
    };
    if !path.starts_with('/') {
        return fail(format!("a path starts with `/`; write \"/{path}\""));
    }
    if let Some(c) = path
        .chars()
        .find(|c| matches!(c, '?' | '#') || c.is_whitespace())
    {
        return fail(match c {
            '?' => "a path has no query string: each query parameter is an `#[api(query)]` \
                    field of the request"
                .to_owned(),
            '#' => "a path cannot contain `#`: a request sends no fragment".to_owned(),
            _ => format!(
                "a path cannot contain whitespace ({c:?}); a parameter is written `{{name}}`"
            ),
        });
    }
    let mut params: Vec<String> = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in path.char_indices() {
        match (c, open) {
            ('{', Some(_)) => return fail("unbalanced `{`: a `{` inside a `{param}`".into()),
            ('{', None) => open = Some(i),
            ('}', None) => return fail("unbalanced `}`: it closes no `{`".into()),
            ('}', Some(start)) => {
                let name = &path[start + 1..i];
                if name.is_empty() {
                    return fail("empty `{}`: name the parameter, like `{room_id}`".into());
                }
                let valid = name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                    && !name.starts_with(|c: char| c.is_ascii_digit());
                if !valid {
                    return fail(format!(
                        "`{{{name}}}` is not a valid parameter name; it names a field of the \
                         request, so use letters, digits and `_`"
                    ));
                }
                if params.iter().any(|p| p == name) {
                    return fail(format!(
                        "the parameter `{{{name}}}` appears twice in this path; each `{{param}}` \
                         is filled by its own field, so give each a name of its own"
                    ));
                }
                params.push(name.to_owned());
                open = None;
            }
            _ => {}
        }
    }
    if open.is_some() {
        return fail("unbalanced `{`: add the closing `}`".into());
    }
    Some(params)
}

fn check_history(raw: RawHistory, outer: &mut Errors) -> Option<History> {
    if raw.arms.is_empty() {
        outer.push_at(
            raw.span,
            "the history is empty; add at least one path, such as \
             `1.1 => \"/_matrix/client/v3/login\"`",
        );
        return None;
    }
    let mut local = Errors::default();
    let errors = &mut local;
    let mut unstable = Vec::new();
    let mut stable: Vec<(Option<u8>, Option<LitStr>, LitStr)> = Vec::new();
    let mut deprecated: Option<u8> = None;
    let mut removed: Option<u8> = None;
    let mut after_removed = false;
    let mut last_version: Option<u8> = None;
    let mut first_params: Option<(Vec<String>, String)> = None;

    for Arm { selector, target } in raw.arms {
        let (version, version_span) = match &selector {
            Selector::Stable {
                version: Some(v), ..
            } => (check_version(v, errors), Some(v.span)),
            _ => (None, None),
        };
        if let (Some(version), Some(span)) = (version, version_span) {
            if let Some(last) = last_version {
                if version <= last {
                    let message = if version == last {
                        format!(
                            "1.{version} is listed twice; each version introduces one path, \
                             and the arms are listed oldest first"
                        )
                    } else {
                        format!(
                            "1.{version} comes after 1.{last}; list the arms oldest first \
                             (strictly ascending versions)"
                        )
                    };
                    errors.push_at(span, message);
                }
            }
            last_version = Some(version);
        }
        if after_removed {
            errors.push_at(
                selector_span(&selector),
                "nothing can follow `removed`: it is the last arm of a history, as the \
                 endpoint has no path after it",
            );
            continue;
        }
        match (selector, target) {
            (Selector::Unstable { keyword, feature }, Target::Path(path)) => {
                if !stable.is_empty() || deprecated.is_some() {
                    errors.push(
                        &keyword,
                        "unstable paths come before stable ones: a history lists its arms oldest \
                         first, so move this arm above the versions",
                    );
                }
                check_same_params(&path, &mut first_params, errors);
                unstable.push((feature, path));
            }
            (Selector::Unstable { keyword, .. }, _) => errors.push(
                keyword,
                "only stable versions can be `deprecated` or `removed`; use a version such as \
                 `1.12`",
            ),
            (Selector::Stable { feature, .. }, Target::Path(path)) => {
                if deprecated.is_some() {
                    errors.push(&path, "no new path can follow `deprecated`");
                }
                check_same_params(&path, &mut first_params, errors);
                stable.push((version, feature, path));
            }
            (
                Selector::Stable {
                    version: None,
                    feature: Some(feature),
                },
                _,
            ) => errors.push(
                feature,
                "`deprecated` and `removed` take a version such as `1.12`, not a feature",
            ),
            (Selector::Stable { .. }, Target::Deprecated(word)) => {
                if stable.is_empty() {
                    errors.push(
                        &word,
                        "`deprecated` needs a stable path before it; add one such as \
                         `1.1 => \"/_matrix/client/v3/...\"`",
                    );
                } else if deprecated.is_some() {
                    errors.push(&word, "`deprecated` is given twice");
                }
                deprecated = version;
            }
            (Selector::Stable { .. }, Target::Removed(word)) => {
                if deprecated.is_none() {
                    errors.push(
                        &word,
                        "`removed` needs `deprecated` in an earlier version; add e.g. \
                         `1.12 => deprecated` before it",
                    );
                }
                removed = version;
                after_removed = true;
            }
        }
    }
    let valid = local.is_empty();
    if let Err(err) = local.finish() {
        outer.push_error(err);
    }
    valid.then_some(History::Versioned {
        unstable,
        stable,
        deprecated,
        removed,
    })
}

fn selector_span(selector: &Selector) -> Span {
    match selector {
        Selector::Unstable { keyword, .. } => keyword.span(),
        Selector::Stable {
            version: Some(v), ..
        } => v.span,
        Selector::Stable {
            feature: Some(f), ..
        } => f.span(),
        Selector::Stable { .. } => Span::call_site(),
    }
}

/// Every path of a history must have the same parameters in the same order, so that one
/// request struct and one router handler serve them all.
fn check_same_params(
    path: &LitStr,
    first: &mut Option<(Vec<String>, String)>,
    errors: &mut Errors,
) {
    let Some(params) = check_path(path, errors) else {
        return;
    };
    match first {
        None => *first = Some((params, path.value())),
        Some((first_params, first_path)) if *first_params != params => {
            let show = |ps: &[String]| {
                if ps.is_empty() {
                    "none".to_owned()
                } else {
                    ps.iter()
                        .map(|p| format!("`{{{p}}}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            };
            errors.push(
                path,
                format!(
                    "this path's parameters ({}) differ from those of \"{first_path}\" ({}); \
                     every path of an endpoint has the same parameters in the same order",
                    show(&params),
                    show(first_params)
                ),
            );
        }
        Some(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors_of(input: proc_macro2::TokenStream) -> String {
        let raw: RawMetadata = syn::parse2(input).expect("parses");
        match validate(raw) {
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
             and `history` or `path`; did you mean `rate_limited`?"
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
        });
        assert_eq!(errors, "");
    }

    #[test]
    fn versions() {
        let mut errors = Errors::default();
        let lit = |text: &str| VersionLit {
            text: text.to_owned(),
            span: Span::call_site(),
        };
        assert_eq!(check_version(&lit("1.10"), &mut errors), Some(10));
        assert!(errors.is_empty());
        assert_eq!(check_version(&lit("1.99"), &mut errors), None);
        assert_eq!(check_version(&lit("1.07"), &mut errors), None);
        assert_eq!(check_version(&lit("2"), &mut errors), None);
        assert_eq!(errors.finish().unwrap_err().into_iter().count(), 3);
    }
}
