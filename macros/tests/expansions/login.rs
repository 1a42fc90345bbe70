// `login`: login v3: a `#[serde(flatten)]` body field beside defaulted ones; a response with two secrets.
// Expanded with client and server on. Regenerate with `UPDATE_EXPANSIONS=1 cargo test -p matrix-api-macros expansions`.

const METADATA: Metadata = ::matrix_api::Metadata {
    method: ::matrix_api::__private::http::Method::POST,
    rate_limited: true,
    authentication: ::matrix_api::AuthScheme::AppserviceTokenOptional,
    history: ::matrix_api::VersionHistory::new(
        &[],
        &[
            ::matrix_api::StablePath {
                selector: ::matrix_api::StablePathSelector::Version(
                    ::matrix_api::MatrixVersion::V1_0,
                ),
                path: "/_matrix/client/r0/login",
            },
            ::matrix_api::StablePath {
                selector: ::matrix_api::StablePathSelector::Version(
                    ::matrix_api::MatrixVersion::V1_1,
                ),
                path: "/_matrix/client/v3/login",
            },
        ],
        ::std::option::Option::None,
        ::std::option::Option::None,
    ),
    capability: ::std::option::Option::None,
    optional_last_segment: false,
    legacy: ::std::option::Option::None,
};
#[derive(PartialEq)]
///
/// # Endpoint
///
/// `POST`, rate-limited; authentication: an application service's token when one is given.
///
/// | path | available |
/// | --- | --- |
/// | `/_matrix/client/r0/login` | Matrix v1.0 and later |
/// | `/_matrix/client/v3/login` | Matrix v1.1 and later |
pub struct Request {
    pub login_info: LoginInfo,
    pub device_id: Option<OwnedDeviceId>,
    pub refresh_token: bool,
}
#[allow(deprecated)]
impl ::std::clone::Clone for Request {
    fn clone(&self) -> Self {
        Request {
            login_info: ::std::clone::Clone::clone(&self.login_info),
            device_id: ::std::clone::Clone::clone(&self.device_id),
            refresh_token: ::std::clone::Clone::clone(&self.refresh_token),
        }
    }
}
#[allow(deprecated)]
impl ::std::fmt::Debug for Request {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.debug_struct("Request")
            .field("login_info", &self.login_info)
            .field("device_id", &self.device_id)
            .field("refresh_token", &self.refresh_token)
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
        { ::matrix_api::__private::path_params_covered(&METADATA.history, &[]) },
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
    struct RequestBody {
        #[serde(flatten)]
        login_info: LoginInfo,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        device_id: Option<OwnedDeviceId>,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        refresh_token: bool,
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
        let Request { login_info, device_id, refresh_token } = __request;
        __builder
            .json_body(
                &RequestBody {
                    login_info,
                    device_id,
                    refresh_token,
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
        ::matrix_api::__try!(
            ::matrix_api::__private::check_request(& METADATA, __request, __path_args)
        );
        #[derive(::matrix_api::__private::serde::Deserialize)]
        #[allow(dead_code)]
        #[serde(crate = "::matrix_api::__private::serde", expecting = "a JSON object")]
        struct RequestRest {
            #[serde(default, skip_serializing_if = "Option::is_none")]
            device_id: Option<OwnedDeviceId>,
            #[serde(default, skip_serializing_if = "std::ops::Not::not")]
            refresh_token: bool,
        }
        #[allow(unused_imports)]
        use ::matrix_api::__private::{ReadByFields as _, ReadBySerde as _};
        let RequestBody { login_info, device_id, refresh_token } = ::matrix_api::__try!(
            (&& ::matrix_api::__private::Flat:: < LoginInfo > ::NEW).json_body:: <
            RequestBody, RequestRest, _ > (__bytes, | login_info, RequestRest {
            device_id, refresh_token } | RequestBody { login_info, device_id,
            refresh_token },)
        );
        ::std::result::Result::Ok(Request {
            login_info,
            device_id,
            refresh_token,
        })
    }
};
#[derive(PartialEq, Eq)]
pub struct Response {
    pub user_id: OwnedUserId,
    pub access_token: String,
    pub device_id: OwnedDeviceId,
    pub refresh_token: Option<String>,
    pub expires_in: Option<Duration>,
}
#[allow(deprecated)]
impl ::std::clone::Clone for Response {
    fn clone(&self) -> Self {
        Response {
            user_id: ::std::clone::Clone::clone(&self.user_id),
            access_token: ::std::clone::Clone::clone(&self.access_token),
            device_id: ::std::clone::Clone::clone(&self.device_id),
            refresh_token: ::std::clone::Clone::clone(&self.refresh_token),
            expires_in: ::std::clone::Clone::clone(&self.expires_in),
        }
    }
}
#[allow(deprecated)]
impl ::std::fmt::Debug for Response {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.debug_struct("Response")
            .field("user_id", &self.user_id)
            .field("access_token", &::matrix_api::__private::Redacted)
            .field("device_id", &self.device_id)
            .field("refresh_token", &::matrix_api::__private::Redacted)
            .field("expires_in", &self.expires_in)
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
        user_id: OwnedUserId,
        access_token: String,
        device_id: OwnedDeviceId,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        refresh_token: Option<String>,
        #[serde(
            with = "ruma_common::serde::duration::opt_ms",
            default,
            skip_serializing_if = "Option::is_none",
            rename = "expires_in_ms"
        )]
        expires_in: Option<Duration>,
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
        let Response { user_id, access_token, device_id, refresh_token, expires_in } = __response;
        __builder
            .json_body(
                &ResponseBody {
                    user_id,
                    access_token,
                    device_id,
                    refresh_token,
                    expires_in,
                },
                __body,
            )
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
        let ResponseBody {
            user_id,
            access_token,
            device_id,
            refresh_token,
            expires_in,
        } = ::matrix_api::__try!(::matrix_api::__private::json_body(__bytes));
        ::std::result::Result::Ok(Response {
            user_id,
            access_token,
            device_id,
            refresh_token,
            expires_in,
        })
    }
};
