//! The documentation a request gets from its endpoint's declaration: method, rate limiting,
//! authentication, and every path with the version or feature flag that makes it available,
//! written from the same tokens as `METADATA`, so that the documentation cannot drift from it.

use std::fmt::Write as _;

use crate::ast::metadata::{History, Metadata};

/// The `# Endpoint` section of a request's documentation, as Markdown lines.
pub fn endpoint_section(metadata: &Metadata) -> Vec<String> {
    let mut lines = vec![String::new(), "# Endpoint".to_owned(), String::new()];
    let rate = if metadata.rate_limited.value {
        "rate-limited"
    } else {
        "not rate-limited"
    };
    lines.push(format!(
        "`{}`, {rate}; authentication: {}.",
        metadata.method,
        authentication(&metadata.authentication.to_string())
    ));
    lines.push(String::new());
    match &metadata.history {
        History::Single(path) => {
            lines.push(format!(
                "Path: `{}`, the same in every version.",
                path.value()
            ));
        }
        History::Versioned {
            unstable,
            stable,
            deprecated,
            removed,
        } => {
            lines.push("| path | available |".to_owned());
            lines.push("| --- | --- |".to_owned());
            for (feature, path) in unstable {
                let when = match feature {
                    Some(feature) => {
                        format!("unstable, where the server announces `{}`", feature.value())
                    }
                    None => "unstable".to_owned(),
                };
                lines.push(format!("| `{}` | {when} |", path.value()));
            }
            for (minor, feature, path) in stable {
                let mut when = String::new();
                if let Some(minor) = minor {
                    let _ = write!(when, "Matrix v1.{minor} and later");
                }
                if let Some(feature) = feature {
                    let joiner = if when.is_empty() { "" } else { ", or earlier " };
                    let _ = write!(
                        when,
                        "{joiner}where the server announces `{}`",
                        feature.value()
                    );
                }
                lines.push(format!("| `{}` | {when} |", path.value()));
            }
            if let Some(deprecated) = deprecated {
                lines.push(String::new());
                let mut line = format!("Deprecated in Matrix v1.{deprecated}");
                if let Some(removed) = removed {
                    let _ = write!(line, ", removed in v1.{removed}");
                }
                line.push('.');
                lines.push(line);
            }
        }
    }
    if let Some(legacy) = &metadata.legacy {
        let legacy: String = quote::quote!(#legacy)
            .to_string()
            .split_whitespace()
            .collect();
        lines.push(String::new());
        lines.push(format!(
            "On a server with none of these paths, a client sends the request on the paths of \
             the endpoint this one replaced, `{legacy}`, authenticating as that endpoint does."
        ));
    }
    lines
}

/// What `authentication` asks of a client, in words.
fn authentication(scheme: &str) -> &'static str {
    match scheme {
        "AccessToken" => "a user's access token",
        "AccessTokenOptional" => "a user's access token when one is given",
        "AppserviceToken" => "an application service's token",
        "AppserviceTokenOptional" => "an application service's token when one is given",
        _ => "none",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::metadata::{Form, RawMetadata};

    fn section(tokens: proc_macro2::TokenStream) -> String {
        let raw: RawMetadata = syn::parse2(tokens).unwrap();
        let metadata = crate::check::metadata::check(raw, Form::Expression)
            .unwrap_or_else(|_| panic!("a valid declaration"));
        endpoint_section(&metadata).join("\n")
    }

    #[test]
    fn every_path_with_what_makes_it_available() {
        let text = section(quote::quote! {
            method: POST,
            rate_limited: true,
            authentication: AccessToken,
            history: {
                unstable("org.matrix.msc3882") => "/_matrix/client/unstable/org.matrix.msc3882/login/get_token",
                1.7 | stable("org.matrix.msc3882.stable") => "/_matrix/client/v1/login/get_token",
                1.12 => deprecated,
                1.13 => removed,
            }
        });
        assert_eq!(
            text,
            "\n# Endpoint\n\n\
             `POST`, rate-limited; authentication: a user's access token.\n\n\
             | path | available |\n\
             | --- | --- |\n\
             | `/_matrix/client/unstable/org.matrix.msc3882/login/get_token` | unstable, where \
             the server announces `org.matrix.msc3882` |\n\
             | `/_matrix/client/v1/login/get_token` | Matrix v1.7 and later, or earlier where \
             the server announces `org.matrix.msc3882.stable` |\n\n\
             Deprecated in Matrix v1.12, removed in v1.13."
        );
    }

    #[test]
    fn one_unversioned_path() {
        let text = section(quote::quote! {
            method: GET,
            rate_limited: false,
            authentication: None,
            path: "/_matrix/client/versions",
        });
        assert!(
            text.contains("`GET`, not rate-limited; authentication: none."),
            "{text}"
        );
        assert!(text.contains("Path: `/_matrix/client/versions`, the same in every version."));
    }
}
