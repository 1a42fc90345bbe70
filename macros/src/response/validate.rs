//! The rules of `#[response]`.

use crate::api_attr::{check_body_fields, ContainerArgs, EndpointStruct, FieldKind};
use crate::errors::Errors;
use crate::status::check_status;

pub fn validate(endpoint: &EndpointStruct, args: &ContainerArgs, errors: &mut Errors) {
    if let Some(span) = args.body_none {
        errors.push_at(
            span,
            "`body = none` belongs on #[request]; a response without body fields sends `{}`",
        );
    }
    if let Some((_, status)) = &args.status {
        check_status(status, errors);
    }
    check_body_fields(endpoint, false, errors);
    for field in &endpoint.fields {
        if matches!(
            field.kind,
            FieldKind::Path | FieldKind::Query | FieldKind::QueryAll
        ) {
            errors.push_at(
                field.kind_span,
                format!(
                    "{} is only for requests; a response has headers and a body",
                    field.kind.attribute_name()
                ),
            );
        }
    }
}
