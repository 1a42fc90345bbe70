//! The rules of `#[request]` that need only the struct; those that also need the endpoint's
//! `METADATA` are in `const_checks`, decided by rustc.

use crate::ast::metadata::Metadata;
use crate::ast::{EndpointStruct, Field};
use crate::attr::api::FieldKind;
use crate::attr::container::ContainerArgs;
use crate::check::fields;
use crate::errors::Errors;
use crate::suggest::closest;

pub fn check(endpoint: &EndpointStruct, args: &ContainerArgs, errors: &mut Errors) {
    no_status(args, errors);
    fields::check(endpoint, true, errors);
    one_query_all(endpoint, errors);
    no_query_beside_query_all(endpoint, errors);
    if args.body_none.is_some() {
        no_body_fields_with_body_none(endpoint, errors);
    }
    path_fields_are_text(endpoint, errors);
    if let Some(declaration) = &endpoint.declaration {
        path_fields_match_params(endpoint, declaration, errors);
        no_body_without_a_body(endpoint, declaration, errors);
    }
}

/// Each `#[api(path)]` field fills the `{param}` of its name, and each `{param}` has its
/// field. (Checked here when the declaration could be read, to name the parameters; rustc
/// checks the same on `METADATA` in any case.)
fn path_fields_match_params(
    endpoint: &EndpointStruct,
    declaration: &Metadata,
    errors: &mut Errors,
) {
    let params = declaration.history.params();
    let shown = params
        .iter()
        .map(|p| format!("`{{{p}}}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let path_fields: Vec<&Field> = endpoint.of_kind(|k| matches!(k, FieldKind::Path)).collect();
    let mut explained: Vec<&str> = Vec::new();
    for field in &path_fields {
        let name = field.ident.to_string();
        if params.contains(&name) {
            continue;
        }
        let unfilled: Vec<&str> = params
            .iter()
            .map(String::as_str)
            .filter(|p| !path_fields.iter().any(|f| f.ident == p))
            .collect();
        let message = match (params.is_empty(), closest(&name, &unfilled)) {
            (true, _) => format!(
                "`{name}` is marked `#[api(path)]`, but the paths have no `{{param}}`; send it \
                 another way, such as `#[api(query)]`"
            ),
            (false, Some(param)) => {
                explained.push(param);
                format!(
                    "`{name}` is no `{{param}}` of the paths; did you mean `{param}`? A path \
                     field fills the parameter of its own name"
                )
            }
            (false, None) => format!(
                "`{name}` is no `{{param}}` of the paths, which have {shown}; a path field \
                 fills the parameter of its own name"
            ),
        };
        errors.push(&field.ident, message);
    }
    for param in &params {
        if path_fields.iter().any(|f| f.ident == param) || explained.contains(&param.as_str()) {
            continue;
        }
        match endpoint.fields.iter().find(|f| f.ident == param) {
            // Its `#[api]` has a mistake, already reported: likely it says `path`, wrongly.
            Some(field) if matches!(field.kind, FieldKind::Invalid) => {}
            Some(field) => errors.push(
                &field.ident,
                format!("`{param}` fills the `{{{param}}}` of the paths: mark it `#[api(path)]`"),
            ),
            None => errors.push(
                endpoint.ident(),
                format!(
                    "the `{{{param}}}` of the paths has no field: add `#[api(path)] pub {param}: \
                     …` (a type that serializes to a string, such as `String` or an identifier \
                     of ruma-common)"
                ),
            ),
        }
    }
}

/// A path field's type is one piece of text: not a list, a map, a tuple or an `Option`, which
/// serde would accept and the path could not hold.
fn path_fields_are_text(endpoint: &EndpointStruct, errors: &mut Errors) {
    for field in endpoint.of_kind(|k| matches!(k, FieldKind::Path)) {
        let what = match &field.ty {
            syn::Type::Tuple(_) => Some("a tuple"),
            syn::Type::Array(_) | syn::Type::Slice(_) => Some("a list"),
            syn::Type::Path(path) => match path.path.segments.last() {
                Some(last) if last.ident == "Option" => {
                    errors.push(
                        &field.ty,
                        "a path parameter cannot be absent: drop the `Option`, or send the field \
                         as `#[api(query)]`",
                    );
                    continue;
                }
                Some(last) => match last.ident.to_string().as_str() {
                    "Vec" | "VecDeque" | "BTreeSet" | "HashSet" => Some("a list"),
                    "BTreeMap" | "HashMap" | "JsonObject" => Some("a map"),
                    _ => None,
                },
                None => None,
            },
            _ => None,
        };
        if let Some(what) = what {
            errors.push(
                &field.ty,
                format!(
                    "a path parameter is one piece of text, and this type is {what}; use \
                     `String`, an identifier of ruma-common, an integer, or an enum of unit \
                     variants"
                ),
            );
        }
    }
}

/// A request whose method has no body (`GET`, `HEAD`) has no body fields.
fn no_body_without_a_body(endpoint: &EndpointStruct, declaration: &Metadata, errors: &mut Errors) {
    let method = declaration.method.to_string();
    if method != "GET" && method != "HEAD" {
        return;
    }
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
                "a `{method}` request has no body, but `{}` would go in it; mark it \
                 `#[api(query)]` (or `#[api(path)]`, `#[api(header = NAME)]`)",
                field.ident
            ),
        );
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
