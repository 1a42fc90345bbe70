//! Calls all four conversions of each endpoint declared in `compile-cost-ours`, with `Vec<u8>`
//! bodies.
//!
//! The conversions are generic over the body type, and a generic function is compiled in the
//! crate that instantiates it, not in the crate that declares it. So the compile cost of the
//! endpoints is that of the declaring crate plus that of a crate calling them: this one.

// The error types are the libraries'; this crate only passes them on.
#![allow(clippy::result_large_err)]

use matrix_api::http;
use matrix_api::{
    FromHttpRequestError, FromHttpResponseError, IncomingRequest, IncomingResponse, IntoHttpError,
    OutgoingRequest, OutgoingResponse, SendAccessToken, SupportedVersions,
};

/// What `try_from_http_response` of the response `R` fails with.
pub type ResponseError<R> = FromHttpResponseError<<R as IncomingResponse>::EndpointError>;

macro_rules! endpoint {
    ($m:ident) => {
        pub mod $m {
            use super::*;
            use compile_cost_ours::$m::{Request, Response};

            pub fn client_request(
                r: Request,
                v: &SupportedVersions,
            ) -> Result<http::Request<Vec<u8>>, IntoHttpError> {
                r.try_into_http_request("https://example.org", SendAccessToken::IfRequired("t"), v)
            }

            pub fn client_response(
                r: http::Response<Vec<u8>>,
            ) -> Result<Response, ResponseError<Response>> {
                Response::try_from_http_response(r)
            }

            pub fn server_request(
                r: http::Request<Vec<u8>>,
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
