//! Machine-readable descriptions of endpoints, and OpenAPI documents built from them (cargo
//! feature `describe`, off by default).
//!
//! With the feature on, `#[request]` implements [`Describe`] for each request type and
//! `#[response]` implements [`DescribeResponse`] for each response type. The description comes
//! from the same parse of the declaration as the conversions, so it cannot disagree with them:
//! the method, paths, authentication and rate limiting are the endpoint's own `METADATA`, and
//! each field's wire name, location, JSON type and whether it is required are read from the
//! field's Rust type and its `#[api]` and `#[serde]` attributes.
//!
//! ```
//! use matrix_api::describe::{Describe, Location};
//! use matrix_api::client::session::get_login_token::v1;
//!
//! let description = v1::Request::DESCRIPTION;
//! assert_eq!(description.metadata.history.canonical_path(), "/_matrix/client/v1/login/get_token");
//! let expires_in = &description.response.fields[0];
//! assert_eq!(expires_in.name, "expires_in_ms");
//! assert_eq!((expires_in.location, expires_in.required), (Location::Body, true));
//!
//! let document = matrix_api::describe::openapi("Login tokens", "1.0", &[description]);
//! assert!(document["paths"]["/_matrix/client/v1/login/get_token"]["post"].is_object());
//! ```
//!
//! # How a field is described
//!
//! | from | gives |
//! | --- | --- |
//! | `#[serde(rename = "x")]` | the wire name `x`; otherwise the field's name (for a header, the name of the `HeaderName` its constant holds) |
//! | `Option<T>`, `#[serde(default)]` | not required (an `Option` with `deserialize_with` and no `default` stays required, as serde has it) |
//! | `String`, `str`, ruma's identifiers (`OwnedUserId`, `OwnedDeviceId`, any `Owned…`) | `string` |
//! | integer types, `UInt`, `MilliSecondsSinceUnixEpoch`; `Duration` with a `with = "…ms"` / `"…secs"` helper | `integer` |
//! | `f32`, `f64` | `number` |
//! | `bool` | `boolean` |
//! | `Vec<T>`, sets, arrays | `array` of `T` |
//! | maps, `JsonObject`, and any other type | `object` |
//! | `serde_json::Value`, `Raw<T>`, `RawValue` | any JSON value |
//! | `#[api(json = string)]` (or `integer`, `number`, `boolean`, `array(T)`, `object`, `any`) | overrides the type, for an enum serialised as a string and the like |
//! | `#[serde(flatten)] field: T` | the fields `T` lists in its [`DescribeFields`] implementation |
//! | `#[deprecated]` | [`FieldDescription::deprecated`] |

use std::collections::{BTreeMap, HashMap};

use http::StatusCode;
use serde_json::{json, Map, Value};

use crate::auth::AuthScheme;
use crate::metadata::Metadata;
use crate::path::StablePathSelector;

/// A request type that describes its endpoint; implemented by `#[request]`.
pub trait Describe {
    /// The whole endpoint: metadata, request and response.
    const DESCRIPTION: EndpointDescription;
}

/// A response type that describes itself; implemented by `#[response]`.
pub trait DescribeResponse {
    /// The success status and the fields.
    const RESPONSE: ResponseDescription;
}

/// A type whose fields a `#[serde(flatten)]` field of a request or response spreads into the
/// JSON body. The macros see only the field's type name, so the type lists its fields itself.
///
/// Maps (`BTreeMap`, `HashMap`, `JsonObject`) implement it with no fields: flattened, they add
/// properties of any name.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not list its fields for the endpoint description",
    label = "flattened here, so its fields are part of the JSON body",
    note = "with the `describe` feature of matrix-api, the type of a `#[serde(flatten)]` field \
            implements `matrix_api::describe::DescribeFields`: a `const FIELDS` listing the \
            fields it writes, each built with `FieldDescription::body`"
)]
pub trait DescribeFields {
    /// The fields this type writes into the object it is flattened into, by wire name.
    const FIELDS: &'static [FieldDescription];
}

impl<K, V> DescribeFields for BTreeMap<K, V> {
    const FIELDS: &'static [FieldDescription] = &[];
}

impl<K, V, S> DescribeFields for HashMap<K, V, S> {
    const FIELDS: &'static [FieldDescription] = &[];
}

impl DescribeFields for Map<String, Value> {
    const FIELDS: &'static [FieldDescription] = &[];
}

/// An endpoint: what `METADATA` says, and the fields of its request and response.
#[derive(Clone, Debug)]
pub struct EndpointDescription {
    /// The module that declares the endpoint (`module_path!()`), such as
    /// `matrix_api::client::session::login::v3`.
    pub module: &'static str,
    /// Method, rate limiting, authentication and every path with its version or feature.
    pub metadata: Metadata,
    /// The request.
    pub request: RequestDescription,
    /// The success response.
    pub response: ResponseDescription,
}

/// The request of an endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RequestDescription {
    /// Every field, in declaration order; a flattened field gives the fields of its type.
    pub fields: &'static [FieldDescription],
    /// Whether the request carries a body: `false` for `#[request(body = none)]` and for a
    /// `GET` or `HEAD` without body fields; otherwise a JSON object of the [`Location::Body`]
    /// fields, or the one [`Location::WholeBody`] or [`Location::RawBody`] field.
    pub has_body: bool,
}

/// The success response of an endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ResponseDescription {
    /// The status it is sent with (`200 OK` unless `#[response(status = ...)]`).
    pub status: StatusCode,
    /// Every field, in declaration order; the body is a JSON object of the [`Location::Body`]
    /// fields unless a field is the [`Location::WholeBody`] or [`Location::RawBody`].
    pub fields: &'static [FieldDescription],
}

/// One field of a request or response, as it appears on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldDescription {
    /// The Rust field it is read into (for a flattened field, the field that flattens it).
    pub field: &'static str,
    /// The name on the wire: JSON key, query parameter, `{param}` of the path, or header name
    /// (lowercase); the field's name for a whole body or query string.
    pub name: WireName,
    /// Where it goes.
    pub location: Location,
    /// The type of its JSON value (of the text, for path and query parameters and headers).
    pub json_type: JsonType,
    /// Whether a message without it is refused.
    pub required: bool,
    /// Whether the field is marked `#[deprecated]`.
    pub deprecated: bool,
}

impl FieldDescription {
    /// A field of the JSON body object, not deprecated; for [`DescribeFields`] implementations.
    pub const fn body(name: &'static str, json_type: JsonType, required: bool) -> Self {
        FieldDescription {
            field: name,
            name: WireName::new(name),
            location: Location::Body,
            json_type,
            required,
            deprecated: false,
        }
    }

    /// The same field, marked deprecated.
    pub const fn deprecated(self) -> Self {
        FieldDescription {
            deprecated: true,
            ..self
        }
    }
}

/// The name of a field on the wire, as [`str`] through [`WireName::as_str`] or `Deref`.
///
/// A header's name is read from the `HeaderName` constant the field names, which no `const`
/// can read (`HeaderName::as_str` is not a `const fn`): for headers the description holds a
/// function that returns it.
#[derive(Clone, Copy)]
pub struct WireName(WireNameRepr);

#[derive(Clone, Copy)]
enum WireNameRepr {
    Static(&'static str),
    Header(fn() -> &'static str),
}

impl WireName {
    /// This name.
    pub const fn new(name: &'static str) -> Self {
        WireName(WireNameRepr::Static(name))
    }

    /// The name `header` returns: a header's, read from its `HeaderName` at run time.
    pub const fn header(header: fn() -> &'static str) -> Self {
        WireName(WireNameRepr::Header(header))
    }

    /// The name.
    pub fn as_str(&self) -> &'static str {
        match self.0 {
            WireNameRepr::Static(name) => name,
            WireNameRepr::Header(header) => header(),
        }
    }
}

impl std::ops::Deref for WireName {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl From<&'static str> for WireName {
    fn from(name: &'static str) -> Self {
        WireName::new(name)
    }
}

impl PartialEq for WireName {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for WireName {}

impl PartialEq<str> for WireName {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for WireName {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::hash::Hash for WireName {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl std::fmt::Debug for WireName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for WireName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a field goes in the HTTP message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Location {
    /// A `{param}` of the path (`#[api(path)]`).
    Path,
    /// One query parameter (`#[api(query)]`).
    Query,
    /// The whole query string, one type (`#[api(query_all)]`).
    QueryString,
    /// An HTTP header (`#[api(header = NAME)]`).
    Header,
    /// A property of the JSON body object (a field without `#[api]`).
    Body,
    /// The whole JSON body (`#[api(body)]`).
    WholeBody,
    /// The body's bytes (`#[api(raw_body)]`).
    RawBody,
}

/// The JSON type of a value, as OpenAPI names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JsonType {
    /// `string`.
    String,
    /// `integer`.
    Integer,
    /// `number`.
    Number,
    /// `boolean`.
    Boolean,
    /// `array` of items of this type.
    Array(&'static JsonType),
    /// `object`.
    Object,
    /// Any JSON value.
    Any,
}

impl JsonType {
    /// The OpenAPI name (`"string"`, …); `None` for [`JsonType::Any`].
    pub const fn name(self) -> Option<&'static str> {
        Some(match self {
            JsonType::String => "string",
            JsonType::Integer => "integer",
            JsonType::Number => "number",
            JsonType::Boolean => "boolean",
            JsonType::Array(_) => "array",
            JsonType::Object => "object",
            JsonType::Any => return None,
        })
    }

    /// The OpenAPI schema of a value of this type.
    pub fn schema(self) -> Value {
        match self {
            JsonType::Array(items) => json!({ "type": "array", "items": items.schema() }),
            JsonType::Any => json!({}),
            other => json!({ "type": other.name() }),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// What generated code calls.

/// A run of fields for [`join_fields`]: the struct's own, or those of a flattened field's type.
#[doc(hidden)]
#[derive(Clone, Copy)]
pub enum FieldGroup {
    Own(&'static [FieldDescription]),
    Flattened {
        field: &'static str,
        /// `false` for an `Option<T>` flattened field: none of `T`'s fields is then required.
        required: bool,
        fields: &'static [FieldDescription],
    },
}

/// The fields of a struct with `#[serde(flatten)]` fields, in order, as one array of the length
/// the generated code computed from the groups. Evaluated at compile time.
#[doc(hidden)]
pub const fn join_fields<const N: usize>(groups: &[FieldGroup]) -> [FieldDescription; N] {
    let mut out = [FieldDescription::body("", JsonType::Any, false); N];
    let mut len = 0;
    let mut g = 0;
    while g < groups.len() {
        let (fields, outer) = match groups[g] {
            FieldGroup::Own(fields) => (fields, None),
            FieldGroup::Flattened {
                field,
                required,
                fields,
            } => (fields, Some((field, required))),
        };
        let mut i = 0;
        while i < fields.len() {
            let mut field = fields[i];
            if let Some((outer, required)) = outer {
                field.field = outer;
                field.required = field.required && required;
            }
            out[len] = field;
            len += 1;
            i += 1;
        }
        g += 1;
    }
    assert!(
        len == N,
        "join_fields: the length does not match the groups"
    );
    out
}

/// The description of a request or response whose declaration has compile errors: never read,
/// because the build fails.
#[doc(hidden)]
pub const INVALID_RESPONSE: ResponseDescription = ResponseDescription {
    status: StatusCode::OK,
    fields: &[],
};

// ---------------------------------------------------------------------------------------------
// The endpoints of this crate.

/// Every client-server endpoint this crate declares: the session API (login types, login,
/// login tokens, refresh, logout, SSO redirects), `whoami`, `/versions` and `/capabilities`.
pub fn client_server_endpoints() -> Vec<EndpointDescription> {
    use crate::client::{account, discovery, session};
    vec![
        discovery::get_supported_versions::Request::DESCRIPTION,
        discovery::get_capabilities::v3::Request::DESCRIPTION,
        session::get_login_types::v3::Request::DESCRIPTION,
        session::login::v3::Request::DESCRIPTION,
        session::get_login_token::v1::Request::DESCRIPTION,
        session::refresh_token::v3::Request::DESCRIPTION,
        session::logout::v3::Request::DESCRIPTION,
        session::logout_all::v3::Request::DESCRIPTION,
        session::sso_login::v3::Request::DESCRIPTION,
        session::sso_login_with_provider::v3::Request::DESCRIPTION,
        account::whoami::v3::Request::DESCRIPTION,
    ]
}

// ---------------------------------------------------------------------------------------------
// OpenAPI.

const ACCESS_TOKEN: &str = "accessTokenBearer";
const APPSERVICE_TOKEN: &str = "appserviceAccessTokenBearer";

/// An OpenAPI 3.1 document for these endpoints.
///
/// Every path an endpoint has had is an operation of its own, so that a reader sees the whole
/// history: stable paths carry `x-addedInMatrixVersion` (the Matrix specification's own
/// extension; `x-addedWithFeature` for a stable feature flag) and, once a newer path replaced
/// them, `x-supersededInMatrixVersion`; unstable paths carry `x-unstable: true` and
/// `x-unstableFeature`; a deprecated or removed endpoint carries `deprecated: true`,
/// `x-deprecatedInMatrixVersion` and `x-removedInMatrixVersion` on each of its paths. A
/// rate-limited endpoint has a `429` response, as in the specification.
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
    }
    entries
}

/// `1.7`, as the specification writes versions in its `x-` fields.
fn spec_version(version: crate::MatrixVersion) -> Value {
    Value::String(version.as_str().trim_start_matches('v').to_owned())
}

/// `client.session.login.v3` for the newest path, with a suffix naming any other path.
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
    // The area of the API the module is in: `session` of `matrix_api::client::session::login::v3`.
    let mut segments = endpoint.module.split("::").skip(1);
    let tag = match segments.next() {
        Some("client") => segments.next(),
        other => other,
    };
    if let Some(tag) = tag {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::session::{get_login_token, login, sso_login_with_provider};

    const A: FieldDescription = FieldDescription::body("a", JsonType::String, true);
    const B: FieldDescription = FieldDescription::body("b", JsonType::Integer, true);
    const C: FieldDescription = FieldDescription::body("c", JsonType::Boolean, false);

    #[test]
    fn join_fields_keeps_order_and_weakens_optional_flattened_fields() {
        const JOINED: [FieldDescription; 3] = join_fields(&[
            FieldGroup::Own(&[A]),
            FieldGroup::Flattened {
                field: "outer",
                required: false,
                fields: &[B, C],
            },
        ]);
        assert_eq!(JOINED.map(|f| f.name.as_str()), ["a", "b", "c"]);
        assert_eq!(JOINED.map(|f| f.field), ["a", "outer", "outer"]);
        assert_eq!(JOINED.map(|f| f.required), [true, false, false]);
    }

    #[test]
    fn get_login_token_is_described_from_its_declaration() {
        let description = get_login_token::v1::Request::DESCRIPTION;
        assert_eq!(
            description.module,
            "matrix_api::client::session::get_login_token::v1"
        );
        assert_eq!(description.metadata.method, http::Method::POST);
        assert!(description.request.has_body);
        assert_eq!(
            description.request.fields,
            [FieldDescription {
                field: "auth",
                name: WireName::new("auth"),
                location: Location::Body,
                json_type: JsonType::Object,
                required: false,
                deprecated: false,
            }]
        );
        let response: Vec<_> = description
            .response
            .fields
            .iter()
            .map(|f| (f.field, f.name.as_str(), f.json_type, f.required))
            .collect();
        assert_eq!(
            response,
            [
                ("expires_in", "expires_in_ms", JsonType::Integer, true),
                ("login_token", "login_token", JsonType::String, true),
            ]
        );
    }

    #[test]
    fn login_spreads_its_flattened_login_info() {
        let fields = login::v3::Request::DESCRIPTION.request.fields;
        let names: Vec<_> = fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "type",
                "identifier",
                "password",
                "token",
                "user",
                "medium",
                "address",
                "device_id",
                "initial_device_display_name",
                "refresh_token"
            ]
        );
        assert!(fields.iter().take(7).all(|f| f.field == "login_info"));
        assert_eq!(fields.iter().filter(|f| f.required).count(), 1);
        assert_eq!(fields.iter().filter(|f| f.deprecated).count(), 3);
    }

    #[test]
    fn path_query_and_header_fields() {
        let description = sso_login_with_provider::v3::Request::DESCRIPTION;
        let request: Vec<_> = description
            .request
            .fields
            .iter()
            .map(|f| (f.name.as_str(), f.location, f.json_type, f.required))
            .collect();
        assert_eq!(
            request,
            [
                ("idp_id", Location::Path, JsonType::String, true),
                ("redirectUrl", Location::Query, JsonType::String, true),
                ("action", Location::Query, JsonType::String, false),
            ]
        );
        assert!(!description.request.has_body);
        assert_eq!(description.response.status, StatusCode::FOUND);
        assert_eq!(description.response.fields[0].location, Location::Header);
        assert_eq!(description.response.fields[0].name, "location");
    }

    /// An endpoint that uses what the description reads from tokens and attributes.
    mod every_kind {
        use std::collections::BTreeMap;

        use http::HeaderName;

        use crate::{metadata, request, response, Metadata};

        const METADATA: Metadata = metadata! {
            method: PUT,
            rate_limited: false,
            authentication: AccessToken,
            history: {
                1.1 => "/_matrix/client/v3/things/{kind}",
            }
        };

        /// Its name is not its identifier's: the description reads the header's own name.
        pub const TRACE: HeaderName = HeaderName::from_static("x-request-id");

        fn parse_count<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u8>, D::Error> {
            serde::Deserialize::deserialize(d)
        }

        #[request]
        pub struct Request {
            #[api(path)]
            pub kind: String,
            #[api(query_all)]
            pub filter: BTreeMap<String, String>,
            #[api(header = TRACE)]
            pub trace: Option<String>,
            #[api(header = CONTENT_LANGUAGE)]
            pub language: String,
            #[api(body)]
            pub content: Vec<u64>,
        }

        #[response]
        pub struct Response {
            #[serde(default)]
            pub r#type: String,
            // An `Option` read by a function of its own is required, as serde has it.
            #[serde(deserialize_with = "parse_count")]
            pub count: Option<u8>,
            #[deprecated]
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub old: Option<bool>,
            #[api(json = array(string))]
            #[serde(default)]
            pub kinds: Vec<u8>,
            #[serde(skip)]
            pub local: u8,
        }
    }

    #[test]
    fn fields_are_read_from_types_and_attributes() {
        let description = every_kind::Request::DESCRIPTION;
        let request: Vec<_> = description
            .request
            .fields
            .iter()
            .map(|f| {
                (
                    f.field,
                    f.name.as_str(),
                    f.location,
                    f.json_type,
                    f.required,
                )
            })
            .collect();
        assert_eq!(
            request,
            [
                ("kind", "kind", Location::Path, JsonType::String, true),
                (
                    "filter",
                    "filter",
                    Location::QueryString,
                    JsonType::Object,
                    true
                ),
                (
                    "trace",
                    "x-request-id",
                    Location::Header,
                    JsonType::String,
                    false
                ),
                (
                    "language",
                    "content-language",
                    Location::Header,
                    JsonType::String,
                    true
                ),
                (
                    "content",
                    "content",
                    Location::WholeBody,
                    JsonType::Array(&JsonType::Integer),
                    true
                ),
            ]
        );
        assert!(description.request.has_body);
        let response: Vec<_> = description
            .response
            .fields
            .iter()
            .map(|f| (f.name.as_str(), f.json_type, f.required, f.deprecated))
            .collect();
        assert_eq!(
            response,
            [
                ("type", JsonType::String, false, false),
                ("count", JsonType::Integer, true, false),
                ("old", JsonType::Boolean, false, true),
                ("kinds", JsonType::Array(&JsonType::String), false, false),
            ]
        );
    }

    #[test]
    fn openapi_lists_every_path_with_its_history() {
        let document = openapi("test", "0", &client_server_endpoints());
        let paths = document["paths"].as_object().unwrap();
        let unstable =
            &paths["/_matrix/client/unstable/org.matrix.msc3882/login/get_token"]["post"];
        assert_eq!(unstable["x-unstable"], true);
        assert_eq!(
            unstable["operationId"],
            "client.session.get_login_token.v1.unstable"
        );
        let stable = &paths["/_matrix/client/v1/login/get_token"]["post"];
        assert_eq!(stable["x-addedInMatrixVersion"], "1.7");
        assert_eq!(stable["tags"], json!(["session"]));
        assert_eq!(stable["operationId"], "client.session.get_login_token.v1");
        assert_eq!(stable["security"], json!([{ "accessTokenBearer": [] }]));
        assert!(stable["responses"]["429"].is_object());
        let r0 = &paths["/_matrix/client/r0/login"];
        assert_eq!(r0["post"]["x-supersededInMatrixVersion"], "1.1");
        assert_eq!(r0["get"]["x-addedInMatrixVersion"], "1.0");
        let login = &paths["/_matrix/client/v3/login"]["post"];
        assert_eq!(
            login["requestBody"]["content"]["application/json"]["schema"]["required"],
            json!(["type"])
        );
        assert_eq!(
            login["security"],
            json!([{}, { "appserviceAccessTokenBearer": [] }])
        );
        let sso = &paths["/_matrix/client/v3/login/sso/redirect/{idp_id}"]["get"];
        assert_eq!(
            sso["parameters"][0],
            json!({ "name": "idp_id", "in": "path", "required": true, "schema": { "type": "string" } })
        );
        assert_eq!(
            sso["responses"]["302"]["headers"]["location"]["required"],
            true
        );
        let logout = &paths["/_matrix/client/v3/logout"]["post"];
        assert!(logout.get("requestBody").is_none());
        // Operation IDs are unique.
        let mut ids: Vec<_> = paths
            .values()
            .flat_map(|item| item.as_object().unwrap().values())
            .map(|op| op["operationId"].as_str().unwrap().to_owned())
            .collect();
        let count = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), count);
    }
}
