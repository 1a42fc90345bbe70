//! The rules of `#[request]` that can be checked without the endpoint's `METADATA` (the rest
//! are checked by rustc in the generated `const` items).

use crate::api_attr::{check_body_fields, ContainerArgs, EndpointStruct, FieldKind};
use crate::errors::Errors;

pub fn validate(endpoint: &EndpointStruct, args: &ContainerArgs, errors: &mut Errors) {
    if let Some((span, _)) = &args.status {
        errors.push_at(
            *span,
            "`status` belongs on #[response]: a request has no status code",
        );
    }
    check_body_fields(endpoint, true, errors);
    let query: Vec<_> = endpoint
        .of_kind(|k| matches!(k, FieldKind::Query))
        .collect();
    let query_all: Vec<_> = endpoint
        .of_kind(|k| matches!(k, FieldKind::QueryAll))
        .collect();
    for extra in query_all.iter().skip(1) {
        errors.push_at(
            extra.kind_span,
            "only one field can be `#[api(query_all)]`, the whole query string",
        );
    }
    if let Some(all) = query_all.first() {
        for field in &query {
            errors.push_at(
                field.kind_span,
                format!(
                    "`#[api(query)]` cannot be combined with `#[api(query_all)]` (on `{}`), \
                     which takes the whole query string; make this a field of `{}`'s type",
                    all.ident, all.ident
                ),
            );
        }
    }
    if let Some(span) = args.body_none {
        let body = endpoint.of_kind(|k| {
            matches!(
                k,
                FieldKind::Body | FieldKind::NewtypeBody | FieldKind::RawBody
            )
        });
        for field in body {
            errors.push(
                &field.ident,
                format!(
                    "`body = none` sends no body, but `{}` would go in it; mark it \
                     `#[api(query)]` or `#[api(header = ...)]`, or remove `body = none`",
                    field.ident
                ),
            );
        }
        let _ = span;
    }
}
