//! The struct under `#[request]` / `#[response]`, read once: each field with its `#[api]`,
//! `#[serde]` and JSON type attributes parsed and spanned, and the struct as it will be emitted.
//! The later phases read these values and never parse an attribute again.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Attribute, Ident, Type};

use crate::attr::api::{self, ApiAttr, FieldKind};
use crate::attr::json::JsonSpec;
use crate::attr::serde::SerdeField;
use crate::errors::Errors;

/// One field of the user's struct.
pub struct Field {
    pub ident: Ident,
    pub ty: Type,
    pub kind: FieldKind,
    /// The span of the `#[api(...)]` key, or of the field for plain body fields.
    pub kind_span: Span,
    /// The field's `#[serde(...)]` attributes, as written, for the generated serde struct; an
    /// attribute with a mistake is reported and left out.
    pub serde_attrs: Vec<Attribute>,
    /// What those attributes say.
    pub serde: SerdeField,
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
    /// The endpoint's declaration, when the request's module has one to read (see
    /// `ast::source`); always `None` for a response.
    pub declaration: Option<crate::ast::metadata::Metadata>,
}

/// The fields of a struct, grouped by where they go; the first of a kind that can be there
/// once (the rules of `check` report the others).
pub struct Places<'a> {
    pub all: Vec<&'a Field>,
    pub path: Vec<&'a Field>,
    pub query: Vec<&'a Field>,
    pub query_all: Option<&'a Field>,
    pub headers: Vec<&'a Field>,
    pub body: Vec<&'a Field>,
    pub newtype: Option<&'a Field>,
    pub raw: Option<&'a Field>,
}

impl EndpointStruct {
    /// Reads every field's attributes once, taking `#[api]` off the emitted struct. Mistakes
    /// are reported in `errors`; a field whose `#[api]` has one is `FieldKind::Invalid`.
    pub fn parse(mut item: syn::ItemStruct, errors: &mut Errors) -> Self {
        let derives_serde = derives_serde(&item.attrs);
        let fields = item
            .fields
            .iter_mut()
            .map(|field| parse_field(field, derives_serde, errors))
            .collect();
        EndpointStruct {
            item,
            fields,
            declaration: None,
        }
    }

    pub fn ident(&self) -> &Ident {
        &self.item.ident
    }

    pub fn of_kind<'a>(
        &'a self,
        wanted: fn(&FieldKind) -> bool,
    ) -> impl Iterator<Item = &'a Field> + 'a {
        self.fields.iter().filter(move |f| wanted(&f.kind))
    }

    pub fn places(&self) -> Places<'_> {
        let pick = |wanted: fn(&FieldKind) -> bool| self.of_kind(wanted).collect::<Vec<_>>();
        Places {
            all: self.fields.iter().collect(),
            path: pick(|k| matches!(k, FieldKind::Path)),
            query: pick(|k| matches!(k, FieldKind::Query)),
            query_all: self.of_kind(|k| matches!(k, FieldKind::QueryAll)).next(),
            headers: pick(|k| matches!(k, FieldKind::Header(_))),
            body: pick(|k| matches!(k, FieldKind::Body)),
            newtype: self.of_kind(|k| matches!(k, FieldKind::NewtypeBody)).next(),
            raw: self.of_kind(|k| matches!(k, FieldKind::RawBody)).next(),
        }
    }
}

/// Reads one field's attributes, leaving on it those the emitted struct keeps.
fn parse_field(field: &mut syn::Field, derives_serde: bool, errors: &mut Errors) -> Field {
    let ident = field
        .ident
        .clone()
        .expect("check::item::shape allows named fields only");
    let mut kind: Option<(FieldKind, Span)> = None;
    let mut serde_attrs = Vec::new();
    let mut serde = SerdeField::default();
    let mut kept = Vec::new();
    let mut secret = false;
    let mut json = None;
    for attr in std::mem::take(&mut field.attrs) {
        if attr.path().is_ident("api") {
            let mut parsed = api::parse(&attr, errors);
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
            match serde.read(&attr) {
                Ok(()) => {
                    if derives_serde {
                        kept.push(attr.clone());
                    }
                    serde_attrs.push(attr);
                }
                // Dropped from every struct we emit, so that serde_derive does not report the
                // same mistake again.
                Err(err) => errors.push_error(err),
            }
        } else {
            kept.push(attr);
        }
    }
    let deprecated = kept.iter().any(|attr| attr.path().is_ident("deprecated"));
    field.attrs = kept;
    let (kind, kind_span) = kind.unwrap_or((FieldKind::Body, ident.span()));
    Field {
        ident,
        ty: field.ty.clone(),
        kind,
        kind_span,
        serde_attrs,
        serde,
        secret,
        json,
        deprecated,
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
pub fn strip_helper_attrs(item: &mut syn::Item) {
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

/// The name and generics of an item we emit stub impls for: a struct, enum or union.
pub fn name_and_generics(item: &syn::Item) -> Option<(&Ident, &syn::Generics)> {
    match item {
        syn::Item::Struct(item) => Some((&item.ident, &item.generics)),
        syn::Item::Enum(item) => Some((&item.ident, &item.generics)),
        syn::Item::Union(item) => Some((&item.ident, &item.generics)),
        _ => None,
    }
}
