// `login_get_token`: login/get_token v1: POST, a UIA error type, `skip_serializing_if` on an `Option` body field; a response with `with` + `rename` and a secret.
// Expanded with client and server on. Regenerate with `UPDATE_EXPANSIONS=1 cargo test -p matrix-api-macros expansions`.

const METADATA: Metadata = ::matrix_api::Metadata {
    method: ::matrix_api::__private::http::Method::POST,
    rate_limited: true,
    authentication: ::matrix_api::AuthScheme::AccessToken,
    history: ::matrix_api::VersionHistory::new(
        &[
            ::matrix_api::UnstablePath {
                feature: ::std::option::Option::None,
                path: "/_matrix/client/unstable/org.matrix.msc3882/login/get_token",
            },
        ],
        &[
            ::matrix_api::StablePath {
                selector: ::matrix_api::StablePathSelector::Version(
                    ::matrix_api::MatrixVersion::V1_7,
                ),
                path: "/_matrix/client/v1/login/get_token",
            },
        ],
        ::std::option::Option::None,
        ::std::option::Option::None,
    ),
    capability: ::std::option::Option::None,
    optional_last_segment: false,
    legacy: ::std::option::Option::None,
};
#[derive(PartialEq, Eq, Default)]
///
/// # Endpoint
///
/// `POST`, rate-limited; authentication: a user's access token.
///
/// | path | available |
/// | --- | --- |
/// | `/_matrix/client/unstable/org.matrix.msc3882/login/get_token` | unstable |
/// | `/_matrix/client/v1/login/get_token` | Matrix v1.7 and later |
pub struct Request {
    pub auth: Option<AuthData>,
}
#[allow(deprecated)]
impl ::std::clone::Clone for Request {
    fn clone(&self) -> Self {
        Request {
            auth: ::std::clone::Clone::clone(&self.auth),
        }
    }
}
#[allow(deprecated)]
impl ::std::fmt::Debug for Request {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.debug_struct("Request").field("auth", &self.auth).finish()
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
    const _: () = <::matrix_api::declaration::Check<
        { ::matrix_api::__private::body_allowed(&METADATA) },
    > as ::matrix_api::declaration::BodyAllowed>::OK;
    #[derive(
        ::matrix_api::__private::serde::Serialize,
        ::matrix_api::__private::serde::Deserialize
    )]
    #[allow(dead_code)]
    #[serde(crate = "::matrix_api::__private::serde", expecting = "a JSON object")]
    struct RequestBody {
        #[serde(skip_serializing_if = "Option::is_none")]
        auth: Option<AuthData>,
    }
    impl ::matrix_api::OutgoingRequest for Request
    where
        UiaaResponse: ::matrix_api::EndpointError,
    {
        const METADATA: ::matrix_api::Metadata = METADATA;
        type EndpointError = UiaaResponse;
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
        let Request { auth } = __request;
        __builder.json_body(&RequestBody { auth }, __body)
    }
    impl ::matrix_api::IncomingRequest for Request
    where
        UiaaResponse: ::matrix_api::EndpointError,
    {
        const METADATA: ::matrix_api::Metadata = METADATA;
        type EndpointError = UiaaResponse;
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
        let RequestBody { auth } = ::matrix_api::__try!(
            ::matrix_api::__private::json_body(__bytes)
        );
        ::std::result::Result::Ok(Request { auth })
    }
};
#[derive(PartialEq, Eq)]
pub struct Response {
    pub expires_in: Duration,
    pub login_token: String,
}
#[allow(deprecated)]
impl ::std::clone::Clone for Response {
    fn clone(&self) -> Self {
        Response {
            expires_in: ::std::clone::Clone::clone(&self.expires_in),
            login_token: ::std::clone::Clone::clone(&self.login_token),
        }
    }
}
#[allow(deprecated)]
impl ::std::fmt::Debug for Response {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.debug_struct("Response")
            .field("expires_in", &self.expires_in)
            .field("login_token", &::matrix_api::__private::Redacted)
            .finish()
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
        #[serde(with = "ruma_common::serde::duration::ms", rename = "expires_in_ms")]
        expires_in: Duration,
        login_token: String,
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
        let Response { expires_in, login_token } = __response;
        __builder
            .json_body(
                &ResponseBody {
                    expires_in,
                    login_token,
                },
                __body,
            )
    }
    impl ::matrix_api::IncomingResponse for Response
    where
        UiaaResponse: ::matrix_api::EndpointError,
    {
        type EndpointError = UiaaResponse;
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
        ::matrix_api::FromHttpResponseError<UiaaResponse>,
    >
    where
        UiaaResponse: ::matrix_api::EndpointError,
    {
        if __parts.status.as_u16() >= 400 {
            return ::std::result::Result::Err(
                ::matrix_api::FromHttpResponseError::Server(
                    <UiaaResponse as ::matrix_api::EndpointError>::from_http_response(
                        ::matrix_api::__private::http::Response::from_parts(
                            __parts,
                            __bytes,
                        ),
                    ),
                ),
            );
        }
        let ResponseBody { expires_in, login_token } = ::matrix_api::__try!(
            ::matrix_api::__private::json_body(__bytes)
        );
        ::std::result::Result::Ok(Response {
            expires_in,
            login_token,
        })
    }
};
