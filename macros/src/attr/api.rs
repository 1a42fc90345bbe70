//! `#[api(...)]` on a field: where the field goes in the HTTP message (`path`, `query`,
//! `query_all`, `header = NAME`, `body`, `raw_body`), and `secret` and `json = TYPE`.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Attribute, Ident};

use crate::attr::json::JsonSpec;
use crate::errors::Errors;
use crate::suggest::hint;

/// Where a field goes in the HTTP message.
#[derive(Clone)]
pub enum FieldKind {
    /// A field of the JSON body object (no `#[api]`).
    Body,
    /// `#[api(path)]`
    Path,
    /// `#[api(query)]`
    Query,
    /// `#[api(query_all)]`
    QueryAll,
    /// `#[api(header = NAME)]`
    Header(syn::Path),
    /// `#[api(body)]`: the whole JSON body.
    NewtypeBody,
    /// `#[api(raw_body)]`: the body as bytes.
    RawBody,
    /// An `#[api(...)]` attribute with an error, already reported; the field takes part in no
    /// other rule, so that the one mistake gives one error.
    Invalid,
}

impl FieldKind {
    pub fn attribute_name(&self) -> &'static str {
        match self {
            FieldKind::Body => "a body field",
            FieldKind::Path => "#[api(path)]",
            FieldKind::Query => "#[api(query)]",
            FieldKind::QueryAll => "#[api(query_all)]",
            FieldKind::Header(_) => "#[api(header = ...)]",
            FieldKind::NewtypeBody => "#[api(body)]",
            FieldKind::RawBody => "#[api(raw_body)]",
            FieldKind::Invalid => "an invalid #[api]",
        }
    }
}

const API_KEYS: &[&str] = &[
    "path",
    "query",
    "query_all",
    "header",
    "body",
    "raw_body",
    "secret",
    "json",
];

/// One parsed `#[api(...)]`: where the field goes (if it says), whether it is a secret, and the
/// JSON type it is described with.
pub struct ApiAttr {
    pub kind: Option<(FieldKind, Span)>,
    pub secret: bool,
    pub json: Option<JsonSpec>,
}

/// Parses one `#[api(...)]`; a mistake in it is reported in `errors` and gives `None`.
pub fn parse(attr: &Attribute, errors: &mut Errors) -> Option<ApiAttr> {
    let mut result = None;
    let mut secret = false;
    let mut json = None;
    let parsed = attr.parse_nested_meta(|meta| {
        let key = meta.path.get_ident().map(Ident::to_string).unwrap_or_default();
        if key == "json" {
            if json.is_some() {
                return Err(meta.error("`json` is given twice"));
            }
            if meta.input.is_empty() || meta.input.peek(syn::Token![,]) {
                return Err(meta.error(format!(
                    "`json` needs the JSON type of the field's value: `#[api(json = string)]` \
                     (one of {})",
                    JsonSpec::NAMES_TEXT
                )));
            }
            json = Some(meta.value()?.parse::<JsonSpec>()?);
            return Ok(());
        }
        if key == "secret" {
            if secret {
                return Err(meta.error("`secret` is given twice"));
            }
            if !meta.input.is_empty() && !meta.input.peek(syn::Token![,]) {
                return Err(meta.error("`secret` takes no value: write `#[api(secret)]`"));
            }
            secret = true;
            return Ok(());
        }
        if result.is_some() {
            return Err(meta.error("a field takes one kind: `path`, `query`, `query_all`, `header = NAME`, `body` or `raw_body` (plus `secret` and `json = TYPE`)"));
        }
        let span = meta.path.span();
        let kind = match key.as_str() {
            "path" => FieldKind::Path,
            "query" => FieldKind::Query,
            "query_all" => FieldKind::QueryAll,
            "body" => FieldKind::NewtypeBody,
            "raw_body" => FieldKind::RawBody,
            "header" => {
                if meta.input.is_empty() || meta.input.peek(syn::Token![,]) {
                    return Err(meta.error(
                        "`header` needs the header's name: `#[api(header = CONTENT_TYPE)]` (a \
                         constant of `http::header`, or a `HeaderName` constant in scope)",
                    ));
                }
                FieldKind::Header(meta.value()?.parse()?)
            }
            _ => {
                return Err(meta.error(format!(
                    "unknown `#[api]` key `{key}`; expected `path`, `query`, `query_all`, \
                     `header = NAME`, `body`, `raw_body`, `secret` or `json = TYPE`{}",
                    hint(&key, API_KEYS)
                )))
            }
        };
        if !matches!(kind, FieldKind::Header(_)) && !meta.input.is_empty() && !meta.input.peek(syn::Token![,]) {
            let hint = if key == "path" {
                "; the field's name is the name of the `{param}` it fills"
            } else {
                ""
            };
            return Err(meta.error(format!("`{key}` takes no value: write `#[api({key})]`{hint}")));
        }
        result = Some((kind, span));
        Ok(())
    });
    match parsed {
        Ok(()) if result.is_none() && !secret && json.is_none() => {
            errors.push(attr, "empty `#[api()]`; expected `path`, `query`, `query_all`, `header = NAME`, `body`, `raw_body`, `secret` or `json = TYPE`");
            None
        }
        Ok(()) => Some(ApiAttr {
            kind: result,
            secret,
            json,
        }),
        Err(err) => {
            errors.push_error(err);
            None
        }
    }
}
