// `ruma_style_metadata`: `matrix_api::api::metadata!` as an item, as Ruma writes it, with the authentication scheme named by a type the module imports.
// Expanded with client and server on. Regenerate with `UPDATE_EXPANSIONS=1 cargo test -p matrix-api-macros expansions`.

const METADATA: ::matrix_api::Metadata = ::matrix_api::Metadata {
    method: ::matrix_api::__private::http::Method::GET,
    rate_limited: false,
    authentication: ::matrix_api::AuthScheme::AccessTokenOptional,
    history: ::matrix_api::VersionHistory::new(
        &[
            ::matrix_api::UnstablePath {
                feature: ::std::option::Option::Some("org.example.msc0001"),
                path: "/_matrix/client/unstable/org.example.msc0001/things",
            },
        ],
        &[
            ::matrix_api::StablePath {
                selector: ::matrix_api::StablePathSelector::Version(
                    ::matrix_api::MatrixVersion::V1_4,
                ),
                path: "/_matrix/client/v3/things",
            },
        ],
        ::std::option::Option::None,
        ::std::option::Option::None,
    ),
    capability: ::std::option::Option::None,
    optional_last_segment: false,
    legacy: ::std::option::Option::None,
};
const _: ::matrix_api::AuthScheme = <AccessTokenOptional as ::matrix_api::api::auth_scheme::Scheme>::SCHEME;
///
/// # Endpoint
///
/// `GET`, not rate-limited; authentication: a user's access token when one is given.
///
/// | path | available |
/// | --- | --- |
/// | `/_matrix/client/unstable/org.example.msc0001/things` | unstable, where the server announces `org.example.msc0001` |
/// | `/_matrix/client/v3/things` | Matrix v1.4 and later |
pub struct Request {}
#[allow(deprecated)]
impl ::std::clone::Clone for Request {
    fn clone(&self) -> Self {
        Request {}
    }
}
#[allow(deprecated)]
impl ::std::fmt::Debug for Request {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.debug_struct("Request").finish()
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
        { ::matrix_api::__private::path_params_covered(&METADATA.history, &[]) },
    > as ::matrix_api::declaration::PathParamsCovered>::OK;
    #[derive(
        ::matrix_api::__private::serde::Serialize,
        ::matrix_api::__private::serde::Deserialize
    )]
    #[allow(dead_code)]
    #[serde(crate = "::matrix_api::__private::serde", expecting = "a JSON object")]
    struct RequestBody {}
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
        let Request {} = __request;
        if METADATA.method_has_no_body() {
            __builder.no_body()
        } else {
            __builder.json_body(&RequestBody {}, __body)
        }
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
        ::matrix_api::__try!(
            ::matrix_api::__private::check_request(& METADATA, __request, __path_args)
        );
        ::std::result::Result::Ok(Request {})
    }
};
pub struct Response {}
#[allow(deprecated)]
impl ::std::clone::Clone for Response {
    fn clone(&self) -> Self {
        Response {}
    }
}
#[allow(deprecated)]
impl ::std::fmt::Debug for Response {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.debug_struct("Response").finish()
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
    struct ResponseBody {}
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
        let Response {} = __response;
        __builder.json_body(&ResponseBody {}, __body)
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
        ::std::result::Result::Ok(Response {})
    }
};
