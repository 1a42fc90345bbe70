//! OpenAPI 3.1 documents written from endpoint descriptions.

use serde_json::{json, Map, Value};

use super::{EndpointDescription, FieldDescription, Location};
use crate::auth::AuthScheme;
use crate::history::StablePathSelector;

const ACCESS_TOKEN: &str = "accessTokenBearer";
const APPSERVICE_TOKEN: &str = "appserviceAccessTokenBearer";

/// An OpenAPI 3.1 document for these endpoints.
///
/// Every path an endpoint has had is an operation of its own, so that a reader sees the whole
/// history: stable paths carry `x-addedInMatrixVersion` (the Matrix specification's own
/// extension; `x-addedWithFeature` for a stable feature flag) and, once a newer path replaced
/// them, `x-supersededInMatrixVersion`; unstable paths carry `x-unstable: true` and
/// `x-unstableFeature`; a deprecated or removed endpoint carries `deprecated: true`,
/// `x-deprecatedInMatrixVersion` and `x-removedInMatrixVersion` on each of its paths; an
/// endpoint that [replaced another](crate::Metadata::legacy) lists that one's paths in
/// `x-replaces`, where a client falls back to them. A rate-limited endpoint has a `429`
/// response, as in the specification.
pub fn openapi(title: &str, version: &str, endpoints: &[EndpointDescription]) -> Value {
    let mut paths = Map::new();
    let mut operation_ids: Vec<String> = Vec::new();
    for endpoint in endpoints {
        for (path, history_fields) in path_entries(endpoint) {
            let mut operation = operation(endpoint);
            let id = unique_id(
                operation_id(endpoint, path, &history_fields),
                &operation_ids,
            );
            operation.insert("operationId".to_owned(), Value::String(id.clone()));
            operation_ids.push(id);
            operation.extend(history_fields);
            let item = paths
                .entry(path.to_owned())
                .or_insert_with(|| Value::Object(Map::new()));
            item.as_object_mut()
                .expect("path items are objects")
                .insert(
                    endpoint.metadata.method.as_str().to_ascii_lowercase(),
                    Value::Object(operation),
                );
        }
    }
    json!({
        "openapi": "3.1.0",
        "info": { "title": title, "version": version },
        "paths": paths,
        "components": {
            "securitySchemes": {
                ACCESS_TOKEN: {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "A user's access token (or an application service's `as_token`), as `Authorization: Bearer`."
                },
                APPSERVICE_TOKEN: {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "An application service's `as_token`, as `Authorization: Bearer`."
                }
            },
            "schemas": {
                "Error": {
                    "type": "object",
                    "description": "The standard error body.",
                    "properties": {
                        "errcode": { "type": "string" },
                        "error": { "type": "string" }
                    },
                    "required": ["errcode"]
                },
                "RateLimitError": {
                    "allOf": [
                        { "$ref": "#/components/schemas/Error" },
                        {
                            "type": "object",
                            "properties": { "retry_after_ms": { "type": "integer" } }
                        }
                    ]
                }
            }
        }
    })
}

/// Each path of the endpoint, newest last, with the `x-` fields that place it in the history.
fn path_entries(endpoint: &EndpointDescription) -> Vec<(&'static str, Map<String, Value>)> {
    let history = &endpoint.metadata.history;
    let mut entries = Vec::new();
    if let Some(path) = history.unversioned_path() {
        entries.push((path, Map::new()));
    }
    for unstable in history.unstable_paths() {
        let mut fields = Map::new();
        fields.insert("x-unstable".to_owned(), Value::Bool(true));
        if let Some(feature) = unstable.feature {
            fields.insert("x-unstableFeature".to_owned(), feature.into());
        }
        entries.push((unstable.path, fields));
    }
    let stable = history.stable_paths();
    for (i, path) in stable.iter().enumerate() {
        let mut fields = Map::new();
        if let Some(version) = path.selector.version() {
            fields.insert("x-addedInMatrixVersion".to_owned(), spec_version(version));
        }
        if let Some(feature) = path.selector.feature() {
            fields.insert("x-addedWithFeature".to_owned(), feature.into());
        }
        if let Some(next) = stable.get(i + 1).and_then(|next| next.selector.version()) {
            fields.insert("x-supersededInMatrixVersion".to_owned(), spec_version(next));
        }
        entries.push((path.path, fields));
    }
    for (_, fields) in &mut entries {
        // The gate closes the paths that carry no flag of their own: stable and unflagged ones.
        let own_flag = fields.contains_key("x-unstableFeature");
        if let Some(capability) = endpoint.metadata.capability.filter(|_| !own_flag) {
            fields.insert("x-requiresCapability".to_owned(), capability.into());
        }
        if let Some(version) = history.deprecated_in() {
            fields.insert("deprecated".to_owned(), Value::Bool(true));
            fields.insert(
                "x-deprecatedInMatrixVersion".to_owned(),
                spec_version(version),
            );
        }
        if let Some(version) = history.removed_in() {
            fields.insert("x-removedInMatrixVersion".to_owned(), spec_version(version));
        }
        if let Some(legacy) = endpoint.metadata.legacy {
            let paths = legacy.history.all_paths().map(Value::from).collect();
            fields.insert("x-replaces".to_owned(), Value::Array(paths));
        }
    }
    entries
}

/// `1.7`, as the specification writes versions in its `x-` fields.
fn spec_version(version: crate::MatrixVersion) -> Value {
    Value::String(version.as_str().trim_start_matches('v').to_owned())
}

/// `session.login.v3` (the module path without the crate) for the newest path, with a suffix
/// naming any other path.
fn operation_id(endpoint: &EndpointDescription, path: &str, fields: &Map<String, Value>) -> String {
    let module = endpoint
        .module
        .split_once("::")
        .map_or(endpoint.module, |(_, rest)| rest);
    let base = module.replace("::", ".");
    if path == endpoint.metadata.history.canonical_path() {
        return base;
    }
    if fields.contains_key("x-unstable") {
        return match fields.get("x-unstableFeature").and_then(Value::as_str) {
            Some(feature) => format!("{base}.unstable.{feature}"),
            None => format!("{base}.unstable"),
        };
    }
    let selector = endpoint
        .metadata
        .history
        .stable_paths()
        .iter()
        .find(|p| p.path == path)
        .map(|p| p.selector);
    match selector {
        Some(StablePathSelector::Feature(feature)) => format!("{base}.{feature}"),
        Some(selector) => format!(
            "{base}.{}",
            selector.version().map_or("stable", |v| v.as_str())
        ),
        None => base,
    }
}

fn unique_id(id: String, taken: &[String]) -> String {
    if !taken.contains(&id) {
        return id;
    }
    (2..)
        .map(|n| format!("{id}_{n}"))
        .find(|candidate| !taken.contains(candidate))
        .expect("an unbounded range has a free suffix")
}

/// The operation of an endpoint, the same for each of its paths.
fn operation(endpoint: &EndpointDescription) -> Map<String, Value> {
    let mut operation = Map::new();
    // The area of the API the module is in: `session` of `matrix_client_api::session::login::v3`.
    if let Some(tag) = endpoint.module.split("::").nth(1) {
        operation.insert("tags".to_owned(), json!([tag]));
    }
    if let Some(security) = security(endpoint.metadata.authentication) {
        operation.insert("security".to_owned(), security);
    }
    let request = &endpoint.request;
    let parameters: Vec<Value> = request
        .fields
        .iter()
        .filter_map(|field| {
            let place = match field.location {
                Location::Path => "path",
                Location::Query | Location::QueryString => "query",
                Location::Header => "header",
                Location::Body | Location::WholeBody | Location::RawBody => return None,
            };
            let mut parameter = json!({
                "name": field.name.as_str(),
                "in": place,
                "required": field.required || field.location == Location::Path,
                "schema": field.json_type.schema(),
            });
            if field.location == Location::QueryString {
                parameter["style"] = "form".into();
                parameter["explode"] = true.into();
            }
            if field.deprecated {
                parameter["deprecated"] = true.into();
            }
            Some(parameter)
        })
        .collect();
    if !parameters.is_empty() {
        operation.insert("parameters".to_owned(), Value::Array(parameters));
    }
    if request.has_body {
        let mut body = json!({ "required": true, "content": content(request.fields) });
        if request
            .fields
            .iter()
            .any(|f| f.location == Location::WholeBody && !f.required)
        {
            body["required"] = false.into();
        }
        operation.insert("requestBody".to_owned(), body);
    }
    let response = &endpoint.response;
    let mut success = json!({
        "description": response.status.canonical_reason().unwrap_or("Success"),
        "content": content(response.fields),
    });
    let headers: Map<String, Value> = response
        .fields
        .iter()
        .filter(|f| f.location == Location::Header)
        .map(|f| {
            let header = json!({ "required": f.required, "schema": f.json_type.schema() });
            (f.name.as_str().to_owned(), header)
        })
        .collect();
    if !headers.is_empty() {
        success["headers"] = Value::Object(headers);
    }
    let mut responses = Map::new();
    responses.insert(response.status.as_str().to_owned(), success);
    if endpoint.metadata.rate_limited {
        responses.insert(
            "429".to_owned(),
            error_response("This request was rate-limited.", "RateLimitError"),
        );
    }
    responses.insert("default".to_owned(), error_response("An error.", "Error"));
    operation.insert("responses".to_owned(), Value::Object(responses));
    operation
}

fn error_response(description: &str, schema: &str) -> Value {
    json!({
        "description": description,
        "content": {
            "application/json": {
                "schema": { "$ref": format!("#/components/schemas/{schema}") }
            }
        }
    })
}

/// The `security` of an operation, as the specification writes it: none for no
/// authentication, and `{}` beside the scheme when the token is optional.
fn security(scheme: AuthScheme) -> Option<Value> {
    let (name, optional) = match scheme {
        AuthScheme::None => return None,
        AuthScheme::AccessToken => (ACCESS_TOKEN, false),
        AuthScheme::AccessTokenOptional => (ACCESS_TOKEN, true),
        AuthScheme::AppserviceToken => (APPSERVICE_TOKEN, false),
        AuthScheme::AppserviceTokenOptional => (APPSERVICE_TOKEN, true),
    };
    let required = json!({ name: [] });
    Some(if optional {
        json!([{}, required])
    } else {
        json!([required])
    })
}

/// The `content` of a body made of these fields.
fn content(fields: &[FieldDescription]) -> Value {
    if fields.iter().any(|f| f.location == Location::RawBody) {
        return json!({ "application/octet-stream": { "schema": { "type": "string", "format": "binary" } } });
    }
    let schema = match fields.iter().find(|f| f.location == Location::WholeBody) {
        Some(whole) => whole.json_type.schema(),
        None => object_schema(fields.iter().filter(|f| f.location == Location::Body)),
    };
    json!({ "application/json": { "schema": schema } })
}

/// A `type: object` schema with these fields as its properties.
pub fn object_schema<'a>(fields: impl IntoIterator<Item = &'a FieldDescription>) -> Value {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for field in fields {
        let mut schema = field.json_type.schema();
        if field.deprecated {
            schema["deprecated"] = true.into();
        }
        properties.insert(field.name.as_str().to_owned(), schema);
        if field.required {
            required.push(Value::String(field.name.as_str().to_owned()));
        }
    }
    let mut schema = json!({ "type": "object", "properties": properties });
    if !required.is_empty() {
        schema["required"] = Value::Array(required);
    }
    schema
}
