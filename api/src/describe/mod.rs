//! Machine-readable descriptions of endpoints, and OpenAPI documents built from them (cargo
//! feature `describe`, off by default).
//!
//! With the feature on, `#[request]` implements [`Describe`] for each request type and
//! `#[response]` implements [`DescribeResponse`] for each response type. A type that a
//! `#[serde(flatten)]` field spreads into a body lists its own fields ([`DescribeFields`]); write
//! that impl inside [`with_describe!`](crate::with_describe), so that it exists exactly when
//! the macros ask for it, whichever crate turned the feature on. The description comes
//! from the same parse of the declaration as the conversions, so it cannot disagree with them:
//! the method, paths, authentication and rate limiting are the endpoint's own `METADATA`, and
//! each field's wire name, location, JSON type and whether it is required are read from the
//! field's Rust type and its `#[api]` and `#[serde]` attributes.
//!
//! ```
//! # #[cfg(feature = "describe")] {
//! use matrix_api::describe::{Describe, Location};
//!
//! mod get_login_token {
//!     use matrix_api::{metadata, request, response, Metadata};
//!
//!     const METADATA: Metadata = metadata! {
//!         method: POST,
//!         rate_limited: true,
//!         authentication: AccessToken,
//!         history: {
//!             unstable => "/_matrix/client/unstable/org.matrix.msc3882/login/get_token",
//!             1.7 => "/_matrix/client/v1/login/get_token",
//!         }
//!     };
//!
//!     #[request]
//!     pub struct Request {}
//!
//!     #[response]
//!     pub struct Response {
//!         #[serde(rename = "expires_in_ms")]
//!         pub expires_in: u64,
//!         pub login_token: String,
//!     }
//! }
//!
//! let description = get_login_token::Request::DESCRIPTION;
//! assert_eq!(description.metadata.history.canonical_path(), "/_matrix/client/v1/login/get_token");
//! let expires_in = &description.response.fields[0];
//! assert_eq!(expires_in.name, "expires_in_ms");
//! assert_eq!((expires_in.location, expires_in.required), (Location::Body, true));
//!
//! let document = matrix_api::describe::openapi("Login tokens", "1.0", &[description]);
//! assert!(document["paths"]["/_matrix/client/v1/login/get_token"]["post"].is_object());
//! # }
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

use crate::metadata::Metadata;

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
    /// `matrix_client_api_session::session::login::v3`; a list of a crate's endpoints may name
    /// them by the path they are used by instead, as `matrix_client_api::descriptions()` does.
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

mod openapi;

pub use openapi::{object_schema, openapi};

#[cfg(test)]
mod tests {
    use super::*;

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
}
