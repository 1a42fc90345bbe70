// `send_message_described`: the description of `send_message.rs`: path, query and body fields, a rename, a deprecated field and a `json` override.
// Expanded with only describe on. Regenerate with `UPDATE_EXPANSIONS=1 cargo test -p matrix-api-macros expansions`.

const METADATA: Metadata = ::matrix_api::Metadata {
    method: ::matrix_api::__private::http::Method::PUT,
    rate_limited: false,
    authentication: ::matrix_api::AuthScheme::AccessToken,
    history: ::matrix_api::VersionHistory::new(
        &[],
        &[
            ::matrix_api::StablePath {
                selector: ::matrix_api::StablePathSelector::Version(
                    ::matrix_api::MatrixVersion::V1_0,
                ),
                path: "/_matrix/client/r0/rooms/{room_id}/send/{event_type}/{txn_id}",
            },
            ::matrix_api::StablePath {
                selector: ::matrix_api::StablePathSelector::Version(
                    ::matrix_api::MatrixVersion::V1_1,
                ),
                path: "/_matrix/client/v3/rooms/{room_id}/send/{event_type}/{txn_id}",
            },
        ],
        ::std::option::Option::Some(::matrix_api::MatrixVersion::V1_12),
        ::std::option::Option::None,
    ),
    capability: ::std::option::Option::None,
    optional_last_segment: false,
    legacy: ::std::option::Option::None,
};
///
/// # Endpoint
///
/// `PUT`, not rate-limited; authentication: a user's access token.
///
/// | path | available |
/// | --- | --- |
/// | `/_matrix/client/r0/rooms/{room_id}/send/{event_type}/{txn_id}` | Matrix v1.0 and later |
/// | `/_matrix/client/v3/rooms/{room_id}/send/{event_type}/{txn_id}` | Matrix v1.1 and later |
///
/// Deprecated in Matrix v1.12.
pub struct Request {
    pub room_id: OwnedRoomId,
    pub event_type: String,
    pub txn_id: OwnedTransactionId,
    pub timestamp: Option<MilliSecondsSinceUnixEpoch>,
    pub msgtype: String,
    pub body: String,
    #[deprecated]
    pub format: Option<Box<RawValue>>,
}
#[allow(deprecated)]
impl ::std::clone::Clone for Request {
    fn clone(&self) -> Self {
        Request {
            room_id: <OwnedRoomId as ::matrix_api::field::PathParameter>::clone_field(
                &self.room_id,
            ),
            event_type: <String as ::matrix_api::field::PathParameter>::clone_field(
                &self.event_type,
            ),
            txn_id: <OwnedTransactionId as ::matrix_api::field::PathParameter>::clone_field(
                &self.txn_id,
            ),
            timestamp: <Option<
                MilliSecondsSinceUnixEpoch,
            > as ::matrix_api::field::QueryParameter>::clone_field(&self.timestamp),
            msgtype: ::std::clone::Clone::clone(&self.msgtype),
            body: ::std::clone::Clone::clone(&self.body),
            format: ::std::clone::Clone::clone(&self.format),
        }
    }
}
#[allow(deprecated)]
impl ::std::fmt::Debug for Request {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.debug_struct("Request")
            .field(
                "room_id",
                <OwnedRoomId as ::matrix_api::field::PathParameter>::debug_field(
                    &self.room_id,
                ),
            )
            .field(
                "event_type",
                <String as ::matrix_api::field::PathParameter>::debug_field(
                    &self.event_type,
                ),
            )
            .field(
                "txn_id",
                <OwnedTransactionId as ::matrix_api::field::PathParameter>::debug_field(
                    &self.txn_id,
                ),
            )
            .field(
                "timestamp",
                <Option<
                    MilliSecondsSinceUnixEpoch,
                > as ::matrix_api::field::QueryParameter>::debug_field(&self.timestamp),
            )
            .field("msgtype", &self.msgtype)
            .field("body", &self.body)
            .field("format", &self.format)
            .finish()
    }
}
impl Request {
    /// The endpoint's metadata: method, rate limiting, authentication and paths.
    pub const METADATA: ::matrix_api::Metadata = METADATA;
}
#[allow(unused_imports)]
use ::matrix_api::__private::undeclared::*;
#[allow(non_local_definitions, deprecated)]
const _: () = {
    const _: () = <::matrix_api::declaration::Check<
        { ::matrix_api::__private::metadata_declared(&METADATA) },
    > as ::matrix_api::declaration::MetadataDeclared>::OK;
    const _: () = <::matrix_api::declaration::Check<
        { ::matrix_api::__private::path_field_named(&METADATA.history, "room_id") },
    > as ::matrix_api::declaration::PathFieldNamed>::OK;
    const _: () = <::matrix_api::declaration::Check<
        { ::matrix_api::__private::path_field_named(&METADATA.history, "event_type") },
    > as ::matrix_api::declaration::PathFieldNamed>::OK;
    const _: () = <::matrix_api::declaration::Check<
        { ::matrix_api::__private::path_field_named(&METADATA.history, "txn_id") },
    > as ::matrix_api::declaration::PathFieldNamed>::OK;
    const _: () = <::matrix_api::declaration::Check<
        {
            ::matrix_api::__private::path_params_covered(
                &METADATA.history,
                &["room_id", "event_type", "txn_id"],
            )
        },
    > as ::matrix_api::declaration::PathParamsCovered>::OK;
    const _: () = <::matrix_api::declaration::Check<
        { ::matrix_api::__private::body_allowed(&METADATA) },
    > as ::matrix_api::declaration::BodyAllowed>::OK;
    const _: () = <::matrix_api::declaration::Check<
        { ::matrix_api::__private::body_allowed(&METADATA) },
    > as ::matrix_api::declaration::BodyAllowed>::OK;
    const _: () = <::matrix_api::declaration::Check<
        { ::matrix_api::__private::body_allowed(&METADATA) },
    > as ::matrix_api::declaration::BodyAllowed>::OK;
    use ::matrix_api::describe as __describe;
    impl __describe::Describe for Request {
        const DESCRIPTION: __describe::EndpointDescription = __describe::EndpointDescription {
            module: ::std::module_path!(),
            metadata: METADATA,
            request: __describe::RequestDescription {
                fields: &[
                    __describe::FieldDescription {
                        field: "room_id",
                        name: __describe::WireName::new("room_id"),
                        location: __describe::Location::Path,
                        json_type: __describe::JsonType::String,
                        required: true,
                        deprecated: false,
                    },
                    __describe::FieldDescription {
                        field: "event_type",
                        name: __describe::WireName::new("event_type"),
                        location: __describe::Location::Path,
                        json_type: __describe::JsonType::String,
                        required: true,
                        deprecated: false,
                    },
                    __describe::FieldDescription {
                        field: "txn_id",
                        name: __describe::WireName::new("txn_id"),
                        location: __describe::Location::Path,
                        json_type: __describe::JsonType::String,
                        required: true,
                        deprecated: false,
                    },
                    __describe::FieldDescription {
                        field: "timestamp",
                        name: __describe::WireName::new("ts"),
                        location: __describe::Location::Query,
                        json_type: __describe::JsonType::Integer,
                        required: false,
                        deprecated: false,
                    },
                    __describe::FieldDescription {
                        field: "msgtype",
                        name: __describe::WireName::new("msgtype"),
                        location: __describe::Location::Body,
                        json_type: __describe::JsonType::String,
                        required: true,
                        deprecated: false,
                    },
                    __describe::FieldDescription {
                        field: "body",
                        name: __describe::WireName::new("body"),
                        location: __describe::Location::Body,
                        json_type: __describe::JsonType::String,
                        required: false,
                        deprecated: false,
                    },
                    __describe::FieldDescription {
                        field: "format",
                        name: __describe::WireName::new("format"),
                        location: __describe::Location::Body,
                        json_type: __describe::JsonType::Any,
                        required: false,
                        deprecated: true,
                    },
                ],
                has_body: true,
            },
            response: <Response as __describe::DescribeResponse>::RESPONSE,
        };
    }
};
pub struct Response {
    pub event_id: OwnedEventId,
}
#[allow(deprecated)]
impl ::std::clone::Clone for Response {
    fn clone(&self) -> Self {
        Response {
            event_id: ::std::clone::Clone::clone(&self.event_id),
        }
    }
}
#[allow(deprecated)]
impl ::std::fmt::Debug for Response {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.debug_struct("Response").field("event_id", &self.event_id).finish()
    }
}
#[allow(non_local_definitions, deprecated)]
const _: () = {
    use ::matrix_api::describe as __describe;
    impl __describe::DescribeResponse for Response {
        const RESPONSE: __describe::ResponseDescription = __describe::ResponseDescription {
            status: ::matrix_api::__private::http::StatusCode::OK,
            fields: &[
                __describe::FieldDescription {
                    field: "event_id",
                    name: __describe::WireName::new("event_id"),
                    location: __describe::Location::Body,
                    json_type: __describe::JsonType::String,
                    required: true,
                    deprecated: false,
                },
            ],
        };
    }
};
