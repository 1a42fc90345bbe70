//! Calls all four conversions of each endpoint declared in `compile-cost-ruma`, with `Vec<u8>`
//! bodies for outgoing messages and `&[u8]` for incoming ones (Ruma's incoming conversions take
//! only `&[u8]`).
//!
//! The conversions are generic (the outgoing ones over the body type, and the `*Ext` methods
//! over the endpoint type), and a generic function is compiled in the crate that instantiates it,
//! not in the crate that declares it. So the compile cost of the endpoints is that of the
//! declaring crate plus that of a crate calling them: this one.

// The error types are the libraries'; this crate only passes them on.
#![allow(clippy::result_large_err)]

use ruma_common::api::auth_scheme::AuthScheme;
use ruma_common::api::error::{FromHttpRequestError, FromHttpResponseError, IntoHttpError};
use ruma_common::api::path_builder::PathBuilder;
use ruma_common::api::{
    IncomingRequestExt, IncomingResponse, IncomingResponseExt, Metadata, OutgoingRequestExt,
    OutgoingResponseExt,
};
use ruma_common::exports::http;

/// What `try_from_http_response` of the response `R` fails with.
pub type ResponseError<R> = FromHttpResponseError<<R as IncomingResponse>::EndpointError>;
/// What `try_into_http_request` takes to authenticate the request `R`.
pub type Auth<'a, R> = <<R as Metadata>::Authentication as AuthScheme>::Input<'a>;
/// What `try_into_http_request` takes to choose the path of the request `R`.
pub type PathIn<'a, R> = <<R as Metadata>::PathBuilder as PathBuilder>::Input<'a>;

macro_rules! endpoint {
    ($m:ident) => {
        pub mod $m {
            use super::*;
            use compile_cost_ruma::$m::{Request, Response};

            pub fn client_request(
                r: Request,
                a: Auth<'_, Request>,
                p: PathIn<'_, Request>,
            ) -> Result<http::Request<Vec<u8>>, IntoHttpError> {
                r.try_into_http_request("https://example.org", a, p)
            }

            pub fn client_response(
                r: http::Response<&[u8]>,
            ) -> Result<Response, ResponseError<Response>> {
                Response::try_from_http_response(r)
            }

            pub fn server_request(
                r: http::Request<&[u8]>,
                a: &[&str],
            ) -> Result<Request, FromHttpRequestError> {
                Request::try_from_http_request(r, a)
            }

            pub fn server_response(r: Response) -> Result<http::Response<Vec<u8>>, IntoHttpError> {
                r.try_into_http_response()
            }
        }
    };
}

endpoint!(get_login_token);
endpoint!(login);
endpoint!(whoami);
endpoint!(logout);
endpoint!(get_display_name);
endpoint!(set_display_name);
endpoint!(send_message_event);
endpoint!(get_message_events);
