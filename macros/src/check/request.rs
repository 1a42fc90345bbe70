//! The rules of `#[request]` that need only the struct; those that also need the endpoint's
//! `METADATA` are in `const_checks`, decided by rustc.

use crate::ast::EndpointStruct;
use crate::attr::api::FieldKind;
use crate::attr::container::ContainerArgs;
use crate::check::fields;
use crate::errors::Errors;

pub fn check(endpoint: &EndpointStruct, args: &ContainerArgs, errors: &mut Errors) {
    no_status(args, errors);
    fields::check(endpoint, true, errors);
    one_query_all(endpoint, errors);
    no_query_beside_query_all(endpoint, errors);
    if args.body_none.is_some() {
        no_body_fields_with_body_none(endpoint, errors);
    }
}

fn no_status(args: &ContainerArgs, errors: &mut Errors) {
    if let Some((span, _)) = &args.status {
        errors.push_at(
            *span,
            "`status` belongs on #[response]: a request has no status code",
        );
    }
}

fn one_query_all(endpoint: &EndpointStruct, errors: &mut Errors) {
    let query_all = endpoint.of_kind(|k| matches!(k, FieldKind::QueryAll));
    for extra in query_all.skip(1) {
        errors.push_at(
            extra.kind_span,
            "only one field can be `#[api(query_all)]`, the whole query string",
        );
    }
}

fn no_query_beside_query_all(endpoint: &EndpointStruct, errors: &mut Errors) {
    let Some(all) = endpoint
        .of_kind(|k| matches!(k, FieldKind::QueryAll))
        .next()
    else {
        return;
    };
    for field in endpoint.of_kind(|k| matches!(k, FieldKind::Query)) {
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

fn no_body_fields_with_body_none(endpoint: &EndpointStruct, errors: &mut Errors) {
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
}
