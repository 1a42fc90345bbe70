//! The server side: `try_from_http_request` of every endpoint, on an arbitrary method, URI,
//! headers, body and router arguments.
//!
//! Besides not panicking: an error becomes a `MatrixError` whose response reads back as the
//! same error, and a request that parses, sent again by a client, parses to a value that is sent
//! again as the same message (the server never understands something a client cannot say).
//! Requests are compared as the messages they make, since raw JSON (`Raw<…>`) has no
//! `PartialEq`.

#![no_main]

use std::fmt::Debug;

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use matrix_api::error::MatrixError;
use matrix_api::{
    EndpointError, IncomingRequest, MatrixVersion, OutgoingRequest, OutgoingResponse,
    SendAccessToken, SupportedVersions,
};

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(index) = u.arbitrary::<u8>() else {
        return;
    };
    matrix_api_fuzz::dispatch!(index, |m| check::<m::Request>(&mut u));
});

fn check<R>(u: &mut Unstructured)
where
    R: IncomingRequest + OutgoingRequest + Clone + Debug,
{
    let Ok(Some((request, path_args))) =
        matrix_api_fuzz::request(u, &<R as IncomingRequest>::METADATA)
    else {
        return;
    };
    match R::try_from_http_request(request, &path_args) {
        Ok(parsed) => {
            let server = SupportedVersions::from_versions(MatrixVersion::ALL);
            let again = parsed
                .clone()
                .try_into_http_request(
                    "https://matrix.example.org",
                    SendAccessToken::Always("token"),
                    &server,
                )
                .unwrap_or_else(|err| panic!("{parsed:?} was read but cannot be sent: {err}"));
            let reparsed =
                R::try_from_http_request(matrix_api_fuzz::copy_request(&again), &[] as &[&str])
                    .unwrap_or_else(|err| panic!("{parsed:?} was read, sent, and refused: {err}"));
            let third = reparsed
                .try_into_http_request(
                    "https://matrix.example.org",
                    SendAccessToken::Always("token"),
                    &server,
                )
                .unwrap_or_else(|err| panic!("{parsed:?} was sent once, not twice: {err}"));
            matrix_api_fuzz::assert_same_request(&again, &third);
        }
        Err(err) => {
            let message = err.to_string();
            let error = MatrixError::from(err);
            assert!(error.status.as_u16() >= 400, "{message}");
            let response = error
                .clone()
                .try_into_http_response()
                .expect("an error always makes a response");
            assert_eq!(MatrixError::from_http_response(response), error);
        }
    }
}
