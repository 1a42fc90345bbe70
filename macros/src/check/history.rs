//! The rules of `metadata!`'s paths and `history`: path templates, versions the macros know,
//! arms oldest first, and the same `{param}`s in every path.

use proc_macro2::Span;
use syn::LitStr;

use crate::ast::metadata::{Arm, History, RawHistory, Selector, Target, VersionLit};
use crate::errors::Errors;

/// The newest Matrix version the macros accept is `1.LATEST_MINOR`, defined here only. The
/// runtime asserts at compile time that `matrix_api::MatrixVersion::LATEST` is the same version,
/// through the hidden `__latest_matrix_minor!()`, so that the two cannot drift apart.
pub const LATEST_MINOR: u8 = 19;

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

pub fn check_history(raw: RawHistory, outer: &mut Errors) -> Option<History> {
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
        // A deprecation may share the version of the path before it: `1.0 => "/r0/…"`,
        // `1.0 => deprecated` (deprecated in r0), then `1.1 => "/v3/…"`.
        let deprecates = matches!(target, Target::Deprecated(_));
        if let (Some(version), Some(span)) = (version, version_span) {
            if let Some(last) = last_version {
                if version < last || (version == last && !deprecates) {
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
