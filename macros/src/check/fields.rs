//! The rules of fields that requests and responses share: one whole body, no body fields beside
//! it, raw bodies as bytes, and serde attributes only where a serde struct reads them.

use syn::Type;

use crate::ast::{EndpointStruct, Field};
use crate::attr::api::FieldKind;
use crate::errors::Errors;

pub fn check(endpoint: &EndpointStruct, is_request: bool, errors: &mut Errors) {
    let whole_body: Vec<&Field> = endpoint
        .of_kind(|k| matches!(k, FieldKind::NewtypeBody | FieldKind::RawBody))
        .collect();
    one_whole_body(&whole_body, errors);
    if let Some(whole) = whole_body.first() {
        no_body_fields_beside(whole, endpoint, is_request, errors);
    }
    raw_body_is_bytes(endpoint, errors);
    for field in &endpoint.fields {
        serde_attrs_apply(field, errors);
    }
}

fn one_whole_body(whole_body: &[&Field], errors: &mut Errors) {
    let Some((first, extra)) = whole_body.split_first() else {
        return;
    };
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

fn no_body_fields_beside(
    whole: &Field,
    endpoint: &EndpointStruct,
    is_request: bool,
    errors: &mut Errors,
) {
    let elsewhere = if is_request {
        "`#[api(query)]` or `#[api(header = ...)]`"
    } else {
        "`#[api(header = ...)]`"
    };
    for field in endpoint.of_kind(|k| matches!(k, FieldKind::Body)) {
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

fn raw_body_is_bytes(endpoint: &EndpointStruct, errors: &mut Errors) {
    for field in endpoint.of_kind(|k| matches!(k, FieldKind::RawBody)) {
        if !is_vec_u8(&field.ty) {
            errors.push(
                &field.ty,
                "an `#[api(raw_body)]` field is the body's bytes and has type `Vec<u8>`; for a \
                 JSON body of another type, use `#[api(body)]`",
            );
        }
    }
}

/// serde attributes go on the fields of the generated body and query structs; a `query_all` or
/// `body` field is (de)serialised whole, by its type's own serde attributes.
fn serde_attrs_apply(field: &Field, errors: &mut Errors) {
    if let (Some(span), FieldKind::Query) = (field.serde.flatten, &field.kind) {
        errors.push_at(
            span,
            "`#[serde(flatten)]` cannot work on a query field: query values are text, so \
             flattened numbers and booleans fail to parse; use one `#[api(query_all)]` field of \
             a struct type instead",
        );
        return;
    }
    let takes_serde = matches!(field.kind, FieldKind::Body | FieldKind::Query);
    if takes_serde || matches!(field.kind, FieldKind::Invalid) {
        return;
    }
    // A whole body is written by its type; `deserialize_with` only checks what is read (that
    // an event's content is a JSON object, say).
    let checks_only = field.serde.keys.iter().all(|key| key == "deserialize_with");
    if matches!(field.kind, FieldKind::NewtypeBody) && checks_only {
        return;
    }
    if let Some(attr) = field.serde_attrs.first() {
        let message = match field.kind {
            FieldKind::QueryAll => format!(
                "`#[serde(...)]` has no effect on {} fields: the field is (de)serialised whole, \
                 so put serde attributes on its type",
                field.kind.attribute_name()
            ),
            FieldKind::NewtypeBody => format!(
                "of serde's attributes, only `deserialize_with` applies to {} fields, to check \
                 what is read: the field is (de)serialised whole, so put the others on its type",
                field.kind.attribute_name()
            ),
            _ => format!(
                "`#[serde(...)]` has no effect on {} fields: serde attributes apply to body \
                 fields and `#[api(query)]` fields",
                field.kind.attribute_name()
            ),
        };
        errors.push(attr, message);
    }
}

/// Whether `ty` is written `Vec<u8>`.
fn is_vec_u8(ty: &Type) -> bool {
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
