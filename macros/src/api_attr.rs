//! Parsing shared by `#[request]` and `#[response]`: the container arguments, the struct, and
//! each field's `#[api(...)]` attribute.

use proc_macro2::{Span, TokenStream};
use syn::spanned::Spanned;
use syn::{Attribute, Ident, Type};

use crate::describe::JsonSpec;
use crate::errors::Errors;
use crate::status::status_name;
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

/// One field of the user's struct.
pub struct Field {
    pub ident: Ident,
    pub ty: Type,
    pub kind: FieldKind,
    /// The span of the `#[api(...)]` key, or of the field for plain body fields.
    pub kind_span: Span,
    /// The field's `#[serde(...)]` attributes, which go to the generated serde struct.
    pub serde_attrs: Vec<Attribute>,
    /// `#[api(secret)]`: a credential that `Debug` must not show.
    pub secret: bool,
    /// `#[api(json = TYPE)]`: the JSON type the endpoint description gives the field, instead
    /// of the one read from its Rust type.
    pub json: Option<JsonSpec>,
    /// Whether the field is marked `#[deprecated]`.
    pub deprecated: bool,
}

/// The user's struct, with `#[api]` attributes taken out.
pub struct EndpointStruct {
    /// The struct as it will be emitted: `#[api]` (and, unless the user derives serde traits,
    /// `#[serde]`) attributes removed.
    pub item: syn::ItemStruct,
    pub fields: Vec<Field>,
}

impl EndpointStruct {
    pub fn ident(&self) -> &Ident {
        &self.item.ident
    }

    pub fn of_kind<'a>(
        &'a self,
        wanted: fn(&FieldKind) -> bool,
    ) -> impl Iterator<Item = &'a Field> + 'a {
        self.fields.iter().filter(move |f| wanted(&f.kind))
    }
}

/// The arguments of `#[request(...)]` / `#[response(...)]`.
#[derive(Default)]
pub struct ContainerArgs {
    pub error: Option<Type>,
    /// `body = none`, with the span of `body`.
    pub body_none: Option<Span>,
    /// `status = NAME`, with the span of `status`.
    pub status: Option<(Span, Ident)>,
}

pub fn parse_container_args(
    args: TokenStream,
    macro_name: &str,
    errors: &mut Errors,
) -> ContainerArgs {
    let mut parsed = ContainerArgs::default();
    let parser = syn::meta::parser(|meta| {
        let key = meta
            .path
            .get_ident()
            .map(Ident::to_string)
            .unwrap_or_default();
        match key.as_str() {
            "error" => parsed.error = Some(meta.value()?.parse()?),
            "body" => {
                let value: Ident = meta.value()?.parse()?;
                if value != "none" {
                    return Err(syn::Error::new_spanned(
                        value,
                        "the only value of `body` is `none`: `body = none` sends no body",
                    ));
                }
                parsed.body_none = Some(meta.path.span());
            }
            "status" => {
                let span = meta.path.span();
                let value = meta.value()?;
                if value.peek(syn::LitInt) {
                    let code: syn::LitInt = value.parse()?;
                    let message = match code.base10_parse().ok().and_then(status_name) {
                        Some(name) => format!("write the status by name: `status = {name}`"),
                        None => format!(
                            "`{code}` is not a status code `http::StatusCode` names; write \
                             `status = NAME` with one of its constants, such as `CREATED`"
                        ),
                    };
                    return Err(syn::Error::new_spanned(code, message));
                }
                parsed.status = Some((span, value.parse()?));
            }
            _ => {
                return Err(meta.error(format!(
                    "unknown argument of #[{macro_name}]; expected `error = Type`{}{}",
                    if macro_name == "request" {
                        ", `body = none`"
                    } else {
                        ", `status = NAME`"
                    },
                    hint(&key, &["error", "body", "status"])
                )))
            }
        }
        Ok(())
    });
    if let Err(err) = syn::parse::Parser::parse2(parser, args) {
        errors.push_error(err);
    }
    parsed
}

/// The item under `#[request]` / `#[response]`.
pub enum ParsedItem {
    /// A struct the macro supports.
    Struct(syn::ItemStruct),
    /// Any other item, already reported. It is emitted as written (minus our helper
    /// attributes), with stub trait impls, so that code naming it reports nothing more.
    Unsupported(syn::Item),
}

/// Parses the item under the attribute; anything but a non-generic struct with named fields is
/// an error, reported on the token that makes it unsupported.
pub fn parse_item(
    item: TokenStream,
    macro_name: &str,
    errors: &mut Errors,
) -> syn::Result<ParsedItem> {
    let item: syn::Item = syn::parse2(item)?;
    let problem = match &item {
        syn::Item::Struct(item) => check_shape(item, macro_name),
        syn::Item::Enum(item) => Some(syn::Error::new(
            item.enum_token.span,
            format!(
                "#[{macro_name}] goes on a struct with named fields, not on an enum: write \
                 `pub struct {} {{ ... }}`; a field can hold the enum",
                item.ident
            ),
        )),
        syn::Item::Union(item) => Some(syn::Error::new(
            item.union_token.span,
            format!(
                "#[{macro_name}] goes on a struct with named fields, not on a union: write \
                 `pub struct {} {{ ... }}`",
                item.ident
            ),
        )),
        other => Some(syn::Error::new(
            other.span(),
            format!("#[{macro_name}] goes on a struct with named fields"),
        )),
    };
    match (problem, item) {
        (None, syn::Item::Struct(item)) => Ok(ParsedItem::Struct(item)),
        (problem, mut other) => {
            if let Some(problem) = problem {
                errors.push_error(problem);
            }
            strip_helper_attrs(&mut other);
            Ok(ParsedItem::Unsupported(other))
        }
    }
}

/// Why a struct cannot be an endpoint type, if it cannot.
fn check_shape(item: &syn::ItemStruct, macro_name: &str) -> Option<syn::Error> {
    if let Some(param) = item.generics.params.first() {
        let what = match param {
            syn::GenericParam::Lifetime(_) => {
                "lifetime parameters; use owned types (`String`, not `&'a str`)"
            }
            syn::GenericParam::Type(_) => {
                "type parameters; give each field a concrete type (an enum or \
                 `serde_json::Value` where the shape varies)"
            }
            syn::GenericParam::Const(_) => "const parameters; use a concrete type",
        };
        return Some(syn::Error::new_spanned(
            param,
            format!("#[{macro_name}] does not support {what}"),
        ));
    }
    if let Some(clause) = &item.generics.where_clause {
        return Some(syn::Error::new_spanned(
            clause,
            format!("#[{macro_name}] does not support `where` clauses"),
        ));
    }
    match &item.fields {
        syn::Fields::Named(_) => None,
        syn::Fields::Unnamed(fields) => Some(syn::Error::new_spanned(
            fields,
            format!(
                "#[{macro_name}] needs named fields, each the name of a JSON field, query \
                 parameter or header: write `pub struct {} {{ pub name: Type }}`",
                item.ident
            ),
        )),
        syn::Fields::Unit => Some(syn::Error::new_spanned(
            &item.ident,
            format!(
                "#[{macro_name}] needs a struct with braces: write `pub struct {} {{}}` for \
                 one without fields",
                item.ident
            ),
        )),
    }
}

/// Whether the item derives serde's traits itself (then its `#[serde]` attributes stay).
fn derives_serde(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|attr| {
        attr.path().is_ident("derive")
            && attr.meta.require_list().is_ok_and(|list| {
                let tokens = list.tokens.to_string();
                tokens.contains("Serialize") || tokens.contains("Deserialize")
            })
    })
}

/// Removes `#[api]` (and, unless the item derives serde's traits, `#[serde]`) from every field
/// of an item we do not expand, so that rustc does not report them as unknown attributes.
fn strip_helper_attrs(item: &mut syn::Item) {
    let (attrs, fields): (&[Attribute], Vec<&mut syn::Field>) = match item {
        syn::Item::Struct(item) => (&item.attrs, item.fields.iter_mut().collect()),
        syn::Item::Enum(item) => (
            &item.attrs,
            item.variants
                .iter_mut()
                .flat_map(|v| v.fields.iter_mut())
                .collect(),
        ),
        syn::Item::Union(item) => (&item.attrs, item.fields.named.iter_mut().collect()),
        _ => return,
    };
    let keep_serde = derives_serde(attrs);
    for field in fields {
        field
            .attrs
            .retain(|a| !a.path().is_ident("api") && (keep_serde || !a.path().is_ident("serde")));
    }
}

/// Takes the `#[api]` attributes off the fields and records each field's kind.
pub fn parse_fields(mut item: syn::ItemStruct, errors: &mut Errors) -> EndpointStruct {
    let derives_serde = derives_serde(&item.attrs);
    let mut fields = Vec::new();
    for field in item.fields.iter_mut() {
        let ident = field
            .ident
            .clone()
            .expect("check_shape allows named fields only");
        let mut kind: Option<(FieldKind, Span)> = None;
        let mut serde_attrs = Vec::new();
        let mut kept = Vec::new();
        let mut secret = false;
        let mut json = None;
        for attr in std::mem::take(&mut field.attrs) {
            if attr.path().is_ident("api") {
                let mut parsed = parse_api_attr(&attr, errors);
                secret |= parsed.as_ref().is_some_and(|p| p.secret);
                if let Some(spec) = parsed.as_mut().and_then(|p| p.json.take()) {
                    json = Some(spec);
                }
                // `#[api(secret)]` or `#[api(json = ...)]` alone marks a body field: neither
                // says where the field goes.
                let parsed = match parsed {
                    Some(ApiAttr { kind: None, .. }) => continue,
                    Some(ApiAttr {
                        kind: Some(kind), ..
                    }) => Some(kind),
                    None => None,
                };
                if kind.is_some() {
                    errors.push(
                        &attr,
                        "a field takes one `#[api(...)]` attribute; keep the one that says where \
                         the field goes",
                    );
                    kind = Some((FieldKind::Invalid, attr.span()));
                } else {
                    kind = Some(parsed.unwrap_or((FieldKind::Invalid, attr.span())));
                }
            } else if attr.path().is_ident("serde") {
                if derives_serde {
                    kept.push(attr.clone());
                }
                serde_attrs.push(attr);
            } else {
                kept.push(attr);
            }
        }
        let deprecated = kept.iter().any(|attr| attr.path().is_ident("deprecated"));
        field.attrs = kept;
        let (kind, kind_span) = kind.unwrap_or((FieldKind::Body, ident.span()));
        fields.push(Field {
            ident,
            ty: field.ty.clone(),
            kind,
            kind_span,
            serde_attrs,
            secret,
            json,
            deprecated,
        });
    }
    EndpointStruct { item, fields }
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
struct ApiAttr {
    kind: Option<(FieldKind, Span)>,
    secret: bool,
    json: Option<JsonSpec>,
}

fn parse_api_attr(attr: &Attribute, errors: &mut Errors) -> Option<ApiAttr> {
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

/// Whether `ty` is written `Vec<u8>`.
pub fn is_vec_u8(ty: &Type) -> bool {
    let Type::Path(path) = ty else { return false };
    let Some(last) = path.path.segments.last() else {
        return false;
    };
    if last.ident != "Vec" {
        return false;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return false;
    };
    matches!(args.args.first(), Some(syn::GenericArgument::Type(Type::Path(inner)))
        if inner.path.is_ident("u8") && args.args.len() == 1)
}

/// The keys of a field's `#[serde(...)]` attributes (`rename`, `flatten`, ...), with the span of
/// each.
fn serde_keys_spanned(field: &Field) -> Vec<(String, Span)> {
    let mut keys = Vec::new();
    for attr in &field.serde_attrs {
        let _ = attr.parse_nested_meta(|meta| {
            let key = meta
                .path
                .get_ident()
                .map(Ident::to_string)
                .unwrap_or_default();
            keys.push((key, meta.path.span()));
            if meta.input.peek(syn::Token![=]) {
                let _: syn::Expr = meta.value()?.parse()?;
            } else if meta.input.peek(syn::token::Paren) {
                let _content;
                syn::parenthesized!(_content in meta.input);
            }
            Ok(())
        });
    }
    keys
}

/// What a field's `#[serde(...)]` attributes say about its place on the wire, for the endpoint
/// description. Attributes serde rejects are reported by serde; here they are skipped.
#[derive(Default)]
pub struct SerdeField {
    /// `rename = "x"`, or the `serialize` name of `rename(serialize = "x", ...)`.
    pub rename: Option<String>,
    /// `default` or `default = "path"`: a missing field is not an error.
    pub default: bool,
    /// `flatten`.
    pub flatten: bool,
    /// `with = "path"` or `deserialize_with = "path"`: the path, as written.
    pub with: Option<String>,
    /// `skip` or `skip_deserializing`: the field is never read from the wire.
    pub skip: bool,
}

pub fn serde_field(field: &Field) -> SerdeField {
    let mut parsed = SerdeField::default();
    for attr in &field.serde_attrs {
        let _ = attr.parse_nested_meta(|meta| {
            let key = meta
                .path
                .get_ident()
                .map(Ident::to_string)
                .unwrap_or_default();
            let value = if meta.input.peek(syn::Token![=]) {
                Some(meta.value()?.parse::<syn::Expr>()?)
            } else {
                None
            };
            let text = value.as_ref().and_then(|value| match value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(lit),
                    ..
                }) => Some(lit.value()),
                _ => None,
            });
            match key.as_str() {
                "rename" if text.is_some() => parsed.rename = text,
                "rename" => meta.parse_nested_meta(|inner| {
                    let name: syn::LitStr = inner.value()?.parse()?;
                    if inner.path.is_ident("serialize") {
                        parsed.rename = Some(name.value());
                    }
                    Ok(())
                })?,
                "default" => parsed.default = true,
                "flatten" => parsed.flatten = true,
                "with" | "deserialize_with" => parsed.with = text,
                "skip" | "skip_deserializing" => parsed.skip = true,
                _ => {
                    if value.is_none() && meta.input.peek(syn::token::Paren) {
                        let _content;
                        syn::parenthesized!(_content in meta.input);
                    }
                }
            }
            Ok(())
        });
    }
    parsed
}

/// The span of a `flatten` inside a field's `#[serde(...)]`, if any.
pub fn serde_flatten(field: &Field) -> Option<Span> {
    serde_keys_spanned(field)
        .into_iter()
        .find_map(|(key, span)| (key == "flatten").then_some(span))
}

/// Shared rules for the fields of requests and responses.
pub fn check_body_fields(endpoint: &EndpointStruct, is_request: bool, errors: &mut Errors) {
    let body_fields: Vec<&Field> = endpoint.of_kind(|k| matches!(k, FieldKind::Body)).collect();
    let whole_body: Vec<&Field> = endpoint
        .of_kind(|k| matches!(k, FieldKind::NewtypeBody | FieldKind::RawBody))
        .collect();
    let raw: Vec<&Field> = endpoint
        .of_kind(|k| matches!(k, FieldKind::RawBody))
        .collect();
    if let Some((first, extra)) = whole_body.split_first() {
        for field in extra {
            errors.push_at(
                field.kind_span,
                format!(
                    "only one field can be the whole body, and `{}` already is ({}); make this \
                     a field of `{}`'s type",
                    first.ident,
                    first.kind.attribute_name(),
                    first.ident
                ),
            );
        }
    }
    let elsewhere = if is_request {
        "`#[api(query)]` or `#[api(header = ...)]`"
    } else {
        "`#[api(header = ...)]`"
    };
    if let Some(whole) = whole_body.first() {
        for field in &body_fields {
            errors.push(
                &field.ident,
                format!(
                    "`{}` would be a field of the JSON body, but `{}` is already the whole body \
                     ({}); mark this field {elsewhere}, or move it into that type",
                    field.ident,
                    whole.ident,
                    whole.kind.attribute_name()
                ),
            );
        }
    }
    for field in &raw {
        if !is_vec_u8(&field.ty) {
            errors.push(
                &field.ty,
                "an `#[api(raw_body)]` field is the body's bytes and has type `Vec<u8>`; for a \
                 JSON body of another type, use `#[api(body)]`",
            );
        }
    }
    for field in &endpoint.fields {
        // The fields of the generated body and query structs; a `query_all` or `body` field is
        // (de)serialised whole, by its type's own serde attributes.
        let takes_serde = matches!(field.kind, FieldKind::Body | FieldKind::Query);
        if let Some(span) = serde_flatten(field) {
            if matches!(field.kind, FieldKind::Query) {
                errors.push_at(
                    span,
                    "`#[serde(flatten)]` cannot work on a query field: query values are text, \
                     so flattened numbers and booleans fail to parse; use one \
                     `#[api(query_all)]` field of a struct type instead",
                );
                continue;
            }
        }
        if !takes_serde && !matches!(field.kind, FieldKind::Invalid) {
            if let Some(attr) = field.serde_attrs.first() {
                let advice = match field.kind {
                    FieldKind::QueryAll | FieldKind::NewtypeBody => {
                        "the field is (de)serialised whole, so put serde attributes on its type"
                    }
                    _ => "serde attributes apply to body fields and `#[api(query)]` fields",
                };
                errors.push(
                    attr,
                    format!(
                        "`#[serde(...)]` has no effect on {} fields: {advice}",
                        field.kind.attribute_name()
                    ),
                );
            }
        }
    }
}

/// The name and generics of an item we emit stub impls for: a struct, enum or union.
pub fn name_and_generics(item: &syn::Item) -> Option<(&Ident, &syn::Generics)> {
    match item {
        syn::Item::Struct(item) => Some((&item.ident, &item.generics)),
        syn::Item::Enum(item) => Some((&item.ident, &item.generics)),
        syn::Item::Union(item) => Some((&item.ident, &item.generics)),
        _ => None,
    }
}
