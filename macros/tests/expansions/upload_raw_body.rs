// `upload_raw_body`: one unversioned `path`, a raw body and headers; a response with `status = CREATED` and a header.
// Expanded with client and server on. Regenerate with `UPDATE_EXPANSIONS=1 cargo test -p matrix-api-macros expansions`.

const METADATA: Metadata = ::matrix_api::Metadata {
    method: ::matrix_api::__private::http::Method::POST,
    rate_limited: true,
    authentication: ::matrix_api::AuthScheme::AccessToken,
    history: ::matrix_api::VersionHistory::unversioned("/_matrix/media/v3/upload"),
    capability: ::std::option::Option::None,
    optional_last_segment: false,
    legacy: ::std::option::Option::None,
};
///
/// # Endpoint
///
/// `POST`, rate-limited; authentication: a user's access token.
///
/// Path: `/_matrix/media/v3/upload`, the same in every version.
pub struct Request {
    pub content_type: Option<String>,
    pub filename: Option<String>,
    pub file: Vec<u8>,
}
#[allow(deprecated)]
impl ::std::clone::Clone for Request {
    fn clone(&self) -> Self {
        Request {
            content_type: <Option<
                String,
            > as ::matrix_api::field::HeaderParameter>::clone_field(&self.content_type),
            filename: <Option<
                String,
            > as ::matrix_api::field::QueryParameter>::clone_field(&self.filename),
            file: ::std::clone::Clone::clone(&self.file),
        }
    }
}
#[allow(deprecated)]
impl ::std::fmt::Debug for Request {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.debug_struct("Request")
            .field(
                "content_type",
                <Option<
                    String,
                > as ::matrix_api::field::HeaderParameter>::debug_field(
                    &self.content_type,
                ),
            )
            .field(
                "filename",
                <Option<
                    String,
                > as ::matrix_api::field::QueryParameter>::debug_field(&self.filename),
            )
            .field("file", &self.file)
            .finish()
    }
}
#[allow(unused_imports)]
use ::matrix_api::__private::http::header::*;
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
        { ::matrix_api::__private::path_params_covered(&METADATA.history, &[]) },
    > as ::matrix_api::declaration::PathParamsCovered>::OK;
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
        #[serde(skip_serializing_if = "Option::is_none")]
        #[serde(
            serialize_with = "< Option < String > as :: matrix_api :: field :: QueryParameter >::serialize_query",
            deserialize_with = "< Option < String > as :: matrix_api :: field :: QueryParameter >::deserialize_query"
        )]
        #[serde(default)]
        filename: Option<String>,
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
            access_token, & [],)
        );
        let Request { content_type, filename, file } = __request;
        ::matrix_api::__try!(__builder.query(& RequestQuery { filename }));
        ::matrix_api::__try!(
            __builder.header_value(CONTENT_TYPE, < Option < String > as
            ::matrix_api::field::HeaderParameter > ::to_header(& content_type))
        );
        __builder.raw_body(file, __body)
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
            let (__parts, __body) = __request.into_parts();
            __from_http_request(
                ::matrix_api::__private::RequestHead::of_parts(&__parts),
                ::std::convert::Into::into(__body),
                &__path_args,
            )
        }
    }
    #[inline]
    fn __from_http_request(
        __request: ::matrix_api::__private::RequestHead<'_>,
        __bytes: ::std::vec::Vec<u8>,
        __path_args: &dyn ::matrix_api::__private::PathArgs,
    ) -> ::std::result::Result<Request, ::matrix_api::FromHttpRequestError> {
        let __parts = ::matrix_api::__try!(
            ::matrix_api::__private::incoming_request(& METADATA, 0usize, __request,
            __path_args,)
        );
        let RequestQuery { filename } = ::matrix_api::__try!(__parts.query());
        let content_type = ::matrix_api::__try!(
            __parts.header(CONTENT_TYPE, < Option < String > as
            ::matrix_api::field::HeaderParameter > ::from_header)
        );
        let file = __bytes;
        ::std::result::Result::Ok(Request {
            content_type,
            filename,
            file,
        })
    }
};
pub struct Response {
    pub location: Option<String>,
    pub content_uri: OwnedMxcUri,
}
#[allow(deprecated)]
impl ::std::clone::Clone for Response {
    fn clone(&self) -> Self {
        Response {
            location: <Option<
                String,
            > as ::matrix_api::field::HeaderParameter>::clone_field(&self.location),
            content_uri: ::std::clone::Clone::clone(&self.content_uri),
        }
    }
}
#[allow(deprecated)]
impl ::std::fmt::Debug for Response {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.debug_struct("Response")
            .field(
                "location",
                <Option<
                    String,
                > as ::matrix_api::field::HeaderParameter>::debug_field(&self.location),
            )
            .field("content_uri", &self.content_uri)
            .finish()
    }
}
#[allow(unused_imports)]
use ::matrix_api::__private::http::header::*;
#[allow(non_local_definitions, deprecated)]
const _: () = {
    #[derive(
        ::matrix_api::__private::serde::Serialize,
        ::matrix_api::__private::serde::Deserialize
    )]
    #[allow(dead_code)]
    #[serde(crate = "::matrix_api::__private::serde", expecting = "a JSON object")]
    struct ResponseBody {
        content_uri: OwnedMxcUri,
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
            ::matrix_api::__private::http::StatusCode::CREATED,
        );
        let Response { location, content_uri } = __response;
        ::matrix_api::__try!(
            __builder.header_value(LOCATION, < Option < String > as
            ::matrix_api::field::HeaderParameter > ::to_header(& location))
        );
        __builder.json_body(&ResponseBody { content_uri }, __body)
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
        let location = ::matrix_api::__try!(
            ::matrix_api::__private::read_header(& __parts.headers, LOCATION, < Option <
            String > as ::matrix_api::field::HeaderParameter > ::from_header,)
        );
        let ResponseBody { content_uri } = ::matrix_api::__try!(
            ::matrix_api::__private::json_body(__bytes)
        );
        ::std::result::Result::Ok(Response { location, content_uri })
    }
};
