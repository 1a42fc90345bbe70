//! Parsing shared by `#[request]` and `#[response]`: the container arguments, the struct, and
//! each field's `#[api(...)]` attribute.

use proc_macro2::{Span, TokenStream};
use syn::spanned::Spanned;
use syn::{Attribute, Ident, Type};

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
                parsed.status = Some((span, meta.value()?.parse()?));
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

/// Parses the item under the attribute; anything but a struct with named fields is an error.
pub fn parse_struct(item: TokenStream, macro_name: &str) -> syn::Result<syn::ItemStruct> {
    let item: syn::Item = syn::parse2(item)?;
    let what = match item {
        syn::Item::Struct(item) => return check_shape(item, macro_name),
        syn::Item::Enum(item) => (item.enum_token.span, "an enum"),
        syn::Item::Union(item) => (item.union_token.span, "a union"),
        other => (other.span(), "this item"),
    };
    Err(syn::Error::new(
        what.0,
        format!(
            "#[{macro_name}] goes on a struct with named fields, not on {}",
            what.1
        ),
    ))
}

fn check_shape(item: syn::ItemStruct, macro_name: &str) -> syn::Result<syn::ItemStruct> {
    if let Some(param) = item.generics.params.first() {
        return Err(syn::Error::new_spanned(
            param,
            format!(
                "#[{macro_name}] does not support generic parameters; use concrete types \
                 (owned types such as `String` instead of borrowed ones)"
            ),
        ));
    }
    if let Some(clause) = &item.generics.where_clause {
        return Err(syn::Error::new_spanned(
            clause,
            format!("#[{macro_name}] does not support `where` clauses"),
        ));
    }
    match &item.fields {
        syn::Fields::Named(_) => Ok(item),
        syn::Fields::Unnamed(fields) => Err(syn::Error::new_spanned(
            fields,
            format!(
                "#[{macro_name}] needs named fields: write `struct {} {{ ... }}`",
                item.ident
            ),
        )),
        syn::Fields::Unit => Err(syn::Error::new_spanned(
            &item.ident,
            format!(
                "#[{macro_name}] needs a struct with braces: write `pub struct {} {{}}` for \
                 one without fields",
                item.ident
            ),
        )),
    }
}

/// Takes the `#[api]` attributes off the fields and records each field's kind.
pub fn parse_fields(mut item: syn::ItemStruct, errors: &mut Errors) -> EndpointStruct {
    let derives_serde = item.attrs.iter().any(|attr| {
        attr.path().is_ident("derive")
            && attr.meta.require_list().is_ok_and(|list| {
                let tokens = list.tokens.to_string();
                tokens.contains("Serialize") || tokens.contains("Deserialize")
            })
    });
    let mut fields = Vec::new();
    for field in item.fields.iter_mut() {
        let ident = field
            .ident
            .clone()
            .expect("check_shape allows named fields only");
        let mut kind: Option<(FieldKind, Span)> = None;
        let mut serde_attrs = Vec::new();
        let mut kept = Vec::new();
        for attr in std::mem::take(&mut field.attrs) {
            if attr.path().is_ident("api") {
                if let Some(parsed) = parse_api_attr(&attr, errors) {
                    if kind.is_some() {
                        errors.push(&attr, "a field takes one `#[api(...)]` attribute");
                    } else {
                        kind = Some(parsed);
                    }
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
        field.attrs = kept;
        let (kind, kind_span) = kind.unwrap_or((FieldKind::Body, ident.span()));
        fields.push(Field {
            ident,
            ty: field.ty.clone(),
            kind,
            kind_span,
            serde_attrs,
        });
    }
    EndpointStruct { item, fields }
}

const API_KEYS: &[&str] = &["path", "query", "query_all", "header", "body", "raw_body"];

fn parse_api_attr(attr: &Attribute, errors: &mut Errors) -> Option<(FieldKind, Span)> {
    let mut result = None;
    let parsed = attr.parse_nested_meta(|meta| {
        if result.is_some() {
            return Err(meta.error("a field takes one kind: `path`, `query`, `query_all`, `header = NAME`, `body` or `raw_body`"));
        }
        let key = meta.path.get_ident().map(Ident::to_string).unwrap_or_default();
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
                     `header = NAME`, `body` or `raw_body`{}",
                    hint(&key, API_KEYS)
                )))
            }
        };
        if !matches!(kind, FieldKind::Header(_)) && !meta.input.is_empty() && !meta.input.peek(syn::Token![,]) {
            return Err(meta.error(format!("`{key}` takes no value")));
        }
        result = Some((kind, span));
        Ok(())
    });
    match parsed {
        Ok(()) if result.is_none() => {
            errors.push(attr, "empty `#[api()]`; expected `path`, `query`, `query_all`, `header = NAME`, `body` or `raw_body`");
            None
        }
        Ok(()) => result,
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

/// The span of a `flatten` inside a field's `#[serde(...)]`, if any.
pub fn serde_flatten(field: &Field) -> Option<Span> {
    field.serde_attrs.iter().find_map(|attr| {
        let mut found = None;
        let _ = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("flatten") {
                found = Some(meta.path.span());
            } else if !meta.input.is_empty() && meta.input.peek(syn::Token![=]) {
                let _: syn::Expr = meta.value()?.parse()?;
            } else if meta.input.peek(syn::token::Paren) {
                let _content;
                syn::parenthesized!(_content in meta.input);
            }
            Ok(())
        });
        found
    })
}

/// Shared rules for the fields of requests and responses.
pub fn check_body_fields(endpoint: &EndpointStruct, errors: &mut Errors) {
    let body_fields: Vec<&Field> = endpoint.of_kind(|k| matches!(k, FieldKind::Body)).collect();
    let newtype: Vec<&Field> = endpoint
        .of_kind(|k| matches!(k, FieldKind::NewtypeBody))
        .collect();
    let raw: Vec<&Field> = endpoint
        .of_kind(|k| matches!(k, FieldKind::RawBody))
        .collect();
    for extra in newtype
        .iter()
        .skip(1)
        .chain(raw.iter().skip(usize::from(newtype.is_empty())))
    {
        errors.push_at(
            extra.kind_span,
            "only one field can be the whole body: `#[api(body)]` or `#[api(raw_body)]` is \
             already on another field",
        );
    }
    if let Some(whole) = newtype.first().or(raw.first()) {
        for field in &body_fields {
            errors.push(
                &field.ident,
                format!(
                    "`{}` would be a field of the JSON body, but `{}` is already the whole body \
                     ({}); mark this field `#[api(query)]`, `#[api(header = ...)]` or move it into \
                     that type",
                    field.ident,
                    whole.ident,
                    whole.kind.attribute_name()
                ),
            );
        }
    }
    for field in &raw {
        if !is_vec_u8(&field.ty) {
            errors.push(&field.ty, "an `#[api(raw_body)]` field has type `Vec<u8>`");
        }
    }
    for field in &endpoint.fields {
        let takes_serde = matches!(
            field.kind,
            FieldKind::Body | FieldKind::Query | FieldKind::QueryAll
        );
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
        if !takes_serde {
            if let Some(attr) = field.serde_attrs.first() {
                errors.push(
                    attr,
                    format!(
                        "`#[serde(...)]` has no effect on {} fields; serde attributes apply to \
                         body and query fields",
                        field.kind.attribute_name()
                    ),
                );
            }
        }
    }
}

impl Field {
    /// The span of the field's type, where type errors (a missing trait) belong.
    pub fn ty_span(&self) -> Span {
        self.ty.span()
    }
}
