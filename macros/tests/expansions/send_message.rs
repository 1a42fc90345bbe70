// `send_message`: PUT with path, query and body fields, and a deprecated version.
// Expanded with client and server on. Regenerate with `UPDATE_EXPANSIONS=1 cargo test -p matrix-api-macros expansions`.

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
    #[derive(
        ::matrix_api::__private::serde::Serialize,
        ::matrix_api::__private::serde::Deserialize
    )]
    #[allow(dead_code)]
    #[serde(crate = "::matrix_api::__private::serde", expecting = "a JSON object")]
    struct RequestQuery {
        #[serde(rename = "ts", skip_serializing_if = "Option::is_none")]
        #[serde(
            serialize_with = "< Option < MilliSecondsSinceUnixEpoch > as :: matrix_api :: field :: QueryParameter >::serialize_query",
            deserialize_with = "< Option < MilliSecondsSinceUnixEpoch > as :: matrix_api :: field :: QueryParameter >::deserialize_query"
        )]
        #[serde(default)]
        timestamp: Option<MilliSecondsSinceUnixEpoch>,
    }
    #[derive(
        ::matrix_api::__private::serde::Serialize,
        ::matrix_api::__private::serde::Deserialize
    )]
    #[allow(dead_code)]
    #[serde(crate = "::matrix_api::__private::serde", expecting = "a JSON object")]
    struct RequestBody {
        msgtype: String,
        #[serde(default)]
        body: String,
        format: Option<Box<RawValue>>,
    }
    impl ::matrix_api::OutgoingRequest for Request {
        const METADATA: ::matrix_api::Metadata = METADATA;
        type EndpointError = ::matrix_api::error::MatrixError;
        type IncomingResponse = Response;
        #[inline]
        fn try_into_http_request_with_path(
            self,
            path: &str,
            base_url: &str,
            access_token: ::matrix_api::SendAccessToken<'_>,
        ) -> ::std::result::Result<
            ::matrix_api::__private::http::Request<::std::vec::Vec<u8>>,
            ::matrix_api::IntoHttpError,
        > {
            let mut __body = ::matrix_api::__private::Body::new();
            let __parts = ::matrix_api::__try!(
                __into_http_request(self, path, base_url, access_token, & mut __body)
            );
            ::std::result::Result::Ok(__body.into_request(__parts))
        }
    }
    #[inline]
    fn __into_http_request(
        __request: Request,
        path: &str,
        base_url: &str,
        access_token: ::matrix_api::SendAccessToken<'_>,
        __body: &mut ::matrix_api::__private::Body,
    ) -> ::std::result::Result<
        ::matrix_api::__private::http::request::Parts,
        ::matrix_api::IntoHttpError,
    > {
        #[allow(unused_mut)]
        let mut __builder = ::matrix_api::__try!(
            ::matrix_api::__private::RequestBuilder::new(& METADATA, path, base_url,
            access_token, & [("room_id", < OwnedRoomId as
            ::matrix_api::field::PathParameter > ::path_value(& __request.room_id)),
            ("event_type", < String as ::matrix_api::field::PathParameter >
            ::path_value(& __request.event_type)), ("txn_id", < OwnedTransactionId as
            ::matrix_api::field::PathParameter > ::path_value(& __request.txn_id))],)
        );
        let Request {
            room_id: _,
            event_type: _,
            txn_id: _,
            timestamp,
            msgtype,
            body,
            format,
        } = __request;
        ::matrix_api::__try!(__builder.query(& RequestQuery { timestamp }));
        __builder
            .json_body(
                &RequestBody {
                    msgtype,
                    body,
                    format,
                },
                __body,
            )
    }
    impl ::matrix_api::IncomingRequest for Request {
        const METADATA: ::matrix_api::Metadata = METADATA;
        type EndpointError = ::matrix_api::error::MatrixError;
        type OutgoingResponse = Response;
        fn try_from_http_request<
            B: ::std::convert::AsRef<[u8]> + ::std::convert::Into<::std::vec::Vec<u8>>,
            S: ::std::convert::AsRef<str>,
        >(
            __request: ::matrix_api::__private::http::Request<B>,
            __path_args: &[S],
        ) -> ::std::result::Result<Self, ::matrix_api::FromHttpRequestError> {
            __from_http_request(
                ::matrix_api::__private::RequestHead::of(&__request),
                __request.body().as_ref(),
                &__path_args,
            )
        }
    }
    #[inline]
    fn __from_http_request(
        __request: ::matrix_api::__private::RequestHead<'_>,
        #[allow(unused_variables)]
        __bytes: &[u8],
        __path_args: &dyn ::matrix_api::__private::PathArgs,
    ) -> ::std::result::Result<Request, ::matrix_api::FromHttpRequestError> {
        let __parts = ::matrix_api::__try!(
            ::matrix_api::__private::incoming_request(& METADATA, 3usize, __request,
            __path_args,)
        );
        let room_id = ::matrix_api::__try!(
            __parts.path_arg({ const INDEX : usize =
            ::matrix_api::__private::param_position(& METADATA.history, "room_id"); INDEX
            }, "room_id", < OwnedRoomId as ::matrix_api::field::PathParameter >
            ::read_segment,)
        );
        let event_type = ::matrix_api::__try!(
            __parts.path_arg({ const INDEX : usize =
            ::matrix_api::__private::param_position(& METADATA.history, "event_type");
            INDEX }, "event_type", < String as ::matrix_api::field::PathParameter >
            ::read_segment,)
        );
        let txn_id = ::matrix_api::__try!(
            __parts.path_arg({ const INDEX : usize =
            ::matrix_api::__private::param_position(& METADATA.history, "txn_id"); INDEX
            }, "txn_id", < OwnedTransactionId as ::matrix_api::field::PathParameter >
            ::read_segment,)
        );
        let RequestQuery { timestamp } = ::matrix_api::__try!(__parts.query());
        let RequestBody { msgtype, body, format } = ::matrix_api::__try!(
            ::matrix_api::__private::json_body(__bytes)
        );
        ::std::result::Result::Ok(Request {
            room_id,
            event_type,
            txn_id,
            timestamp,
            msgtype,
            body,
            format,
        })
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
    #[derive(
        ::matrix_api::__private::serde::Serialize,
        ::matrix_api::__private::serde::Deserialize
    )]
    #[allow(dead_code)]
    #[serde(crate = "::matrix_api::__private::serde", expecting = "a JSON object")]
    struct ResponseBody {
        event_id: OwnedEventId,
    }
    impl ::matrix_api::OutgoingResponse for Response {
        #[inline]
        fn try_into_http_response(
            self,
        ) -> ::std::result::Result<
            ::matrix_api::__private::http::Response<::std::vec::Vec<u8>>,
            ::matrix_api::IntoHttpError,
        > {
            let mut __body = ::matrix_api::__private::Body::new();
            let __parts = ::matrix_api::__try!(__into_http_response(self, & mut __body));
            ::std::result::Result::Ok(__body.into_response(__parts))
        }
    }
    #[inline]
    fn __into_http_response(
        __response: Response,
        __body: &mut ::matrix_api::__private::Body,
    ) -> ::std::result::Result<
        ::matrix_api::__private::http::response::Parts,
        ::matrix_api::IntoHttpError,
    > {
        #[allow(unused_mut)]
        let mut __builder = ::matrix_api::__private::ResponseBuilder::new(
            ::matrix_api::__private::http::StatusCode::OK,
        );
        let Response { event_id } = __response;
        __builder.json_body(&ResponseBody { event_id }, __body)
    }
    impl ::matrix_api::IncomingResponse for Response {
        type EndpointError = ::matrix_api::error::MatrixError;
        fn try_from_http_response<
            T: ::std::convert::AsRef<[u8]> + ::std::convert::Into<::std::vec::Vec<u8>>,
        >(
            __response: ::matrix_api::__private::http::Response<T>,
        ) -> ::std::result::Result<
            Self,
            ::matrix_api::FromHttpResponseError<Self::EndpointError>,
        > {
            let (__parts, __body) = __response.into_parts();
            __from_http_response(__parts, __body.as_ref())
        }
    }
    #[inline]
    fn __from_http_response(
        __parts: ::matrix_api::__private::http::response::Parts,
        #[allow(unused_variables)]
        __bytes: &[u8],
    ) -> ::std::result::Result<
        Response,
        ::matrix_api::FromHttpResponseError<::matrix_api::error::MatrixError>,
    > {
        if __parts.status.as_u16() >= 400 {
            return ::std::result::Result::Err(
                ::matrix_api::FromHttpResponseError::Server(
                    <::matrix_api::error::MatrixError as ::matrix_api::EndpointError>::from_http_response(
                        ::matrix_api::__private::http::Response::from_parts(
                            __parts,
                            __bytes,
                        ),
                    ),
                ),
            );
        }
        let ResponseBody { event_id } = ::matrix_api::__try!(
            ::matrix_api::__private::json_body(__bytes)
        );
        ::std::result::Result::Ok(Response { event_id })
    }
};
