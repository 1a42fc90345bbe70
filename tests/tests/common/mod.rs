//! Helpers shared by the integration tests: servers of each generation and JSON bodies.

// Each test file is its own crate and uses a subset of these.
#![allow(dead_code)]

use std::collections::BTreeMap;

use matrix_api::SupportedVersions;
use serde_json::Value;

/// The base URL the client tests send to.
pub const HS: &str = "https://matrix.example.org";

/// A server announcing these `/versions` strings and feature flags.
pub fn announcing(versions: &[&str], features: &[(&str, bool)]) -> SupportedVersions {
    let features: BTreeMap<String, bool> = features
        .iter()
        .map(|(name, on)| ((*name).to_owned(), *on))
        .collect();
    SupportedVersions::from_parts(versions, &features)
}

/// A server of the r0 generation only.
pub fn r0_only() -> SupportedVersions {
    announcing(&["r0.6.1"], &[])
}

/// A server of v1.1, the first `v3` paths.
pub fn v1_1() -> SupportedVersions {
    announcing(&["v1.1"], &[])
}

/// A server of v1.7, the first with the stable `login/get_token`.
pub fn v1_7() -> SupportedVersions {
    announcing(&["v1.7"], &[])
}

/// A body as a JSON value, for comparisons that ignore key order and spacing.
pub fn json_of(body: &[u8]) -> Value {
    serde_json::from_slice(body).expect("body is JSON")
}

/// Checks the request an authenticated, body-less `GET` endpoint sends to servers of each
/// generation (method, full URI, the token as the only header, no body) and that the server side
/// accepts every one of those paths.
pub fn assert_get_paths_by_generation<R>(make: impl Fn() -> R, cases: &[(SupportedVersions, &str)])
where
    R: matrix_api::OutgoingRequest + matrix_api::IncomingRequest,
{
    for (server, path) in cases {
        let request = make()
            .try_into_http_request::<Vec<u8>>(
                HS,
                matrix_api::SendAccessToken::IfRequired("tok"),
                server,
            )
            .unwrap();
        assert_eq!(request.method(), http::Method::GET);
        assert_eq!(request.uri().to_string(), format!("{HS}{path}"));
        assert_eq!(request.headers()[http::header::AUTHORIZATION], "Bearer tok");
        assert_eq!(request.headers().len(), 1);
        assert!(request.body().is_empty());
        R::try_from_http_request(request, &[] as &[&str]).unwrap();
    }
}
