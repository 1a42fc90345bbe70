//! `GET /.well-known/matrix/policy_server`: the public keys of a policy server (Matrix v1.18).
//!
//! A policy server signs the events of rooms that use it once it has checked them for spam; a
//! room names it, with its key, in its `m.room.policy` state event. A room moderator's client
//! asks the policy server's host for this document to fill that event in. Like the other
//! discovery documents it may be a static file, has no version and takes no access token; `404`
//! means the host runs no policy server.
//!
//! Its method, authentication and path are in the documentation of [`Request`], written from its
//! declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#getwell-knownmatrixpolicy_server>

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use matrix_api::{metadata, request, response, Metadata};

const METADATA: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: None,
    path: "/.well-known/matrix/policy_server",
};

/// The request: it has no parameters; the host it is sent to is the question.
#[request]
#[derive(PartialEq, Eq, Default)]
pub struct Request {}

/// The response: the policy server's keys.
#[response]
#[derive(PartialEq, Eq)]
pub struct Response {
    /// The policy server's public keys by algorithm.
    pub public_keys: PublicKeys,
}

/// The public keys of a policy server, unpadded base64, by key algorithm.
///
/// The keys stay strings as sent: the specification's own example is in the URL-safe
/// alphabet, so decoding is left to the caller that checks a signature.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicKeys {
    /// The ed25519 key, which every policy server has.
    pub ed25519: String,
    /// Keys of other algorithms, by algorithm name. A name given twice is refused.
    #[serde(flatten, deserialize_with = "matrix_api::json::unique_keys")]
    pub other: BTreeMap<String, String>,
}

impl PublicKeys {
    /// The keys of a server with only an ed25519 key.
    pub fn new(ed25519: String) -> Self {
        PublicKeys {
            ed25519,
            other: BTreeMap::new(),
        }
    }
}

impl Request {
    /// The request; it has nothing to fill in.
    pub fn new() -> Self {
        Request {}
    }
}

impl Response {
    /// The document with these keys.
    pub fn new(public_keys: PublicKeys) -> Self {
        Response { public_keys }
    }
}

#[cfg(test)]
mod tests {
    use matrix_api::IncomingResponse;

    use super::Response;

    fn read(
        body: &str,
    ) -> Result<Response, matrix_api::error::FromHttpResponseError<matrix_api::error::MatrixError>>
    {
        let response = http::Response::builder()
            .status(200)
            .body(body.as_bytes().to_vec())
            .unwrap();
        Response::try_from_http_response(response)
    }

    #[test]
    fn keys_of_other_algorithms_are_kept_and_ed25519_is_required() {
        let read_keys = read(r#"{"public_keys":{"ed25519":"a","curve448":"b"}}"#).unwrap();
        assert_eq!(read_keys.public_keys.ed25519, "a");
        assert_eq!(read_keys.public_keys.other["curve448"], "b");
        let err = read(r#"{"public_keys":{"curve448":"b"}}"#).unwrap_err();
        assert!(err.to_string().contains("ed25519"), "{err}");
    }
}
