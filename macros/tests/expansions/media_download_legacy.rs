// `media_download_legacy`: `legacy`: the endpoint this one replaced, and the two checks rustc makes of it (method, path parameters) in a block with the `Metadata` expression.
// Expanded with client and server on. Regenerate with `UPDATE_EXPANSIONS=1 cargo test -p matrix-api-macros expansions`.

const METADATA: Metadata = {
    const _: () = <::matrix_api::declaration::Check<
        {
            ::matrix_api::__private::legacy_same_method(
                &crate::media::get_content::v3::METADATA,
                "GET",
            )
        },
    > as ::matrix_api::declaration::LegacySameMethod>::OK;
    const _: () = <::matrix_api::declaration::Check<
        {
            ::matrix_api::__private::legacy_same_params(
                &crate::media::get_content::v3::METADATA,
                &["server_name", "media_id"],
            )
        },
    > as ::matrix_api::declaration::LegacySameParams>::OK;
    ::matrix_api::Metadata {
        method: ::matrix_api::__private::http::Method::GET,
        rate_limited: true,
        authentication: ::matrix_api::AuthScheme::AccessToken,
        history: ::matrix_api::VersionHistory::new(
            &[],
            &[
                ::matrix_api::StablePath {
                    selector: ::matrix_api::StablePathSelector::Version(
                        ::matrix_api::MatrixVersion::V1_11,
                    ),
                    path: "/_matrix/client/v1/media/download/{server_name}/{media_id}",
                },
            ],
            ::std::option::Option::None,
            ::std::option::Option::None,
        ),
        capability: ::std::option::Option::None,
        optional_last_segment: false,
        legacy: ::std::option::Option::Some(&crate::media::get_content::v3::METADATA),
    }
};
///
/// # Endpoint
///
/// `GET`, rate-limited; authentication: a user's access token.
///
/// | path | available |
/// | --- | --- |
/// | `/_matrix/client/v1/media/download/{server_name}/{media_id}` | Matrix v1.11 and later |
///
/// On a server with none of these paths, a client sends the request on the paths of the endpoint this one replaced, `crate::media::get_content::v3::METADATA`, authenticating as that endpoint does.
pub struct Request {
    pub server_name: OwnedServerName,
    pub media_id: String,
}
#[allow(deprecated)]
impl ::std::clone::Clone for Request {
    fn clone(&self) -> Self {
        Request {
            server_name: <OwnedServerName as ::matrix_api::field::PathParameter>::clone_field(
                &self.server_name,
            ),
            media_id: <String as ::matrix_api::field::PathParameter>::clone_field(
                &self.media_id,
            ),
        }
    }
}
#[allow(deprecated)]
impl ::std::fmt::Debug for Request {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.debug_struct("Request")
            .field(
                "server_name",
                <OwnedServerName as ::matrix_api::field::PathParameter>::debug_field(
                    &self.server_name,
                ),
            )
            .field(
                "media_id",
                <String as ::matrix_api::field::PathParameter>::debug_field(
                    &self.media_id,
                ),
            )
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
        { ::matrix_api::__private::path_field_named(&METADATA.history, "server_name") },
    > as ::matrix_api::declaration::PathFieldNamed>::OK;
    const _: () = <::matrix_api::declaration::Check<
        { ::matrix_api::__private::path_field_named(&METADATA.history, "media_id") },
    > as ::matrix_api::declaration::PathFieldNamed>::OK;
    const _: () = <::matrix_api::declaration::Check<
        {
            ::matrix_api::__private::path_params_covered(
                &METADATA.history,
                &["server_name", "media_id"],
            )
        },
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
            access_token, & [("server_name", < OwnedServerName as
            ::matrix_api::field::PathParameter > ::path_value(& __request.server_name)),
            ("media_id", < String as ::matrix_api::field::PathParameter > ::path_value(&
            __request.media_id))],)
        );
        let Request { server_name: _, media_id: _ } = __request;
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
        let __parts = ::matrix_api::__try!(
            ::matrix_api::__private::incoming_request(& METADATA, 2usize, __request,
            __path_args,)
        );
        let server_name = ::matrix_api::__try!(
            __parts.path_arg({ const INDEX : usize =
            ::matrix_api::__private::param_position(& METADATA.history, "server_name");
            INDEX }, "server_name", < OwnedServerName as
            ::matrix_api::field::PathParameter > ::read_segment,)
        );
        let media_id = ::matrix_api::__try!(
            __parts.path_arg({ const INDEX : usize =
            ::matrix_api::__private::param_position(& METADATA.history, "media_id");
            INDEX }, "media_id", < String as ::matrix_api::field::PathParameter >
            ::read_segment,)
        );
        ::std::result::Result::Ok(Request { server_name, media_id })
    }
};
pub struct Response {
    pub file: Vec<u8>,
}
#[allow(deprecated)]
impl ::std::clone::Clone for Response {
    fn clone(&self) -> Self {
        Response {
            file: ::std::clone::Clone::clone(&self.file),
        }
    }
}
#[allow(deprecated)]
impl ::std::fmt::Debug for Response {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.debug_struct("Response").field("file", &self.file).finish()
    }
}
#[allow(non_local_definitions, deprecated)]
const _: () = {
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
        let Response { file } = __response;
        __builder.raw_body(file, __body)
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
            __from_http_response(__parts, ::std::convert::Into::into(__body))
        }
    }
    #[inline]
    fn __from_http_response(
        __parts: ::matrix_api::__private::http::response::Parts,
        __bytes: ::std::vec::Vec<u8>,
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
        let file = __bytes;
        ::std::result::Result::Ok(Response { file })
    }
};
