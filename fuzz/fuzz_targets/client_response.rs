//! The client side: `try_from_http_response` of every endpoint, on an arbitrary status, headers
//! and body, through the success, error and 401 UIA paths.
//!
//! Besides not panicking: a response that parses, sent again by a server, parses to a value that
//! is sent again as the same message; an error parses to the same error (nothing the server said
//! is lost or changed on the way through). Responses are compared as the messages they make,
//! since raw JSON (`Raw<…>`, kept for lossless event payloads) has no `PartialEq`.

#![no_main]

use std::fmt::Debug;

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use matrix_api::{
    EndpointError, FromHttpResponseError, IncomingResponse, IntoHttpError, OutgoingResponse,
};

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(index) = u.arbitrary::<u8>() else {
        return;
    };
    matrix_api_fuzz::dispatch!(index, |m| check::<m::Response>(&mut u));
});

fn check<R>(u: &mut Unstructured)
where
    R: IncomingResponse + OutgoingResponse + Clone + Debug,
    R::EndpointError: Clone + PartialEq + Debug,
{
    let Ok(response) = matrix_api_fuzz::response(u) else {
        return;
    };
    match R::try_from_http_response(response) {
        Ok(parsed) => match parsed.clone().try_into_http_response() {
            Ok(again) => {
                let reparsed = R::try_from_http_response(matrix_api_fuzz::copy_response(&again))
                    .unwrap_or_else(|err| panic!("{parsed:?} was read, sent, and refused: {err}"));
                let third = reparsed
                    .try_into_http_response()
                    .unwrap_or_else(|err| panic!("{parsed:?} was sent once, not twice: {err}"));
                matrix_api_fuzz::assert_same_response(&again, &third);
            }
            // A header value HTTP would alter (surrounding whitespace) is refused, not sent.
            Err(IntoHttpError::Header { .. }) => {}
            Err(err) => panic!("{parsed:?} was read but cannot be sent: {err}"),
        },
        Err(FromHttpResponseError::Server(error)) => {
            let _ = error.to_string();
            let again = error
                .clone()
                .try_into_http_response()
                .unwrap_or_else(|err| panic!("{error:?} was read but cannot be sent: {err}"));
            assert_eq!(R::EndpointError::from_http_response(again), error);
        }
        Err(FromHttpResponseError::Deserialization(error)) => {
            let _ = error.to_string();
        }
    }
}
