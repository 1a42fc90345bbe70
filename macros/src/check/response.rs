//! The rules of `#[response]`.

use crate::ast::EndpointStruct;
use crate::attr::api::FieldKind;
use crate::attr::container::ContainerArgs;
use crate::attr::status;
use crate::check::fields;
use crate::errors::Errors;
use crate::suggest::capitals_or_hint;

pub fn check(endpoint: &EndpointStruct, args: &ContainerArgs, errors: &mut Errors) {
    no_body_none(args, errors);
    if let Some((_, status)) = &args.status {
        known_status(status, errors);
    }
    fields::check(endpoint, false, errors);
    no_request_only_fields(endpoint, errors);
}

fn no_body_none(args: &ContainerArgs, errors: &mut Errors) {
    if let Some(span) = args.body_none {
        errors.push_at(
            span,
            "`body = none` belongs on #[request]; a response without body fields sends `{}`",
        );
    }
}

/// `status = NAME` names a constant of `http::StatusCode` (a number is turned into its name
/// when the arguments are parsed).
fn known_status(status: &syn::Ident, errors: &mut Errors) {
    let name = status.to_string();
    let names = status::names();
    if names.contains(&name.as_str()) {
        return;
    }
    let suggestion = capitals_or_hint(&name, &names);
    errors.push(
        status,
        format!(
            "unknown status `{name}`; `status` takes the name of an `http::StatusCode` constant, \
             such as `CREATED` (201) or `ACCEPTED` (202){suggestion}"
        ),
    );
}

fn no_request_only_fields(endpoint: &EndpointStruct, errors: &mut Errors) {
    let request_only =
        endpoint.of_kind(|k| matches!(k, FieldKind::Path | FieldKind::Query | FieldKind::QueryAll));
    for field in request_only {
        errors.push_at(
            field.kind_span,
            format!(
                "{} is only for requests; a response has headers and a body",
                field.kind.attribute_name()
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_status_suggests_a_name() {
        let mut errors = Errors::default();
        known_status(&syn::parse_quote!(CRATED), &mut errors);
        let message = errors.finish().unwrap_err().to_string();
        assert!(message.contains("did you mean `CREATED`?"), "{message}");
    }
}
