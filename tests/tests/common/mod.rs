//! Helpers shared by the integration tests: servers of each generation and JSON bodies.

// Each test file is its own crate and uses a subset of these.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::PathBuf;

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
            .try_into_http_request(HS, matrix_api::SendAccessToken::IfRequired("tok"), server)
            .unwrap();
        assert_eq!(request.method(), http::Method::GET);
        assert_eq!(request.uri().to_string(), format!("{HS}{path}"));
        assert_eq!(request.headers()[http::header::AUTHORIZATION], "Bearer tok");
        assert_eq!(request.headers().len(), 1);
        assert!(request.body().is_empty());
        R::try_from_http_request(request, &[] as &[&str]).unwrap();
    }
}

/// The specification's `data/api/client-server` directory: `MATRIX_SPEC_PATH`, or the
/// workspace's `../shared/matrix-spec/data/api/client-server`. Without it a test says it was
/// skipped and passes, unless `MATRIX_SPEC_REQUIRED=1` (as in CI), when it fails.
pub fn spec_api_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("MATRIX_SPEC_PATH") {
        Some(dir) => PathBuf::from(dir),
        // Cargo runs tests in the package's directory, `tests/`; the workspace is its parent.
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/matrix-spec/data/api/client-server"),
    };
    if dir.is_dir() {
        return Some(dir);
    }
    let missing = format!(
        "no Matrix specification at {} (set MATRIX_SPEC_PATH to the matrix-spec repository's \
         data/api/client-server)",
        dir.display()
    );
    if std::env::var("MATRIX_SPEC_REQUIRED").as_deref() == Ok("1") {
        panic!("{missing}; MATRIX_SPEC_REQUIRED=1 does not allow skipping");
    }
    // Straight to the process's stderr: libtest captures `println!` of passing tests, and a
    // skip nobody sees is a pass that was not earned.
    static SAID: std::sync::Once = std::sync::Once::new();
    SAID.call_once(|| {
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), "SKIPPED: {missing}");
    });
    None
}

/// The root of the specification's repository (above `data/api/client-server`).
pub fn spec_root() -> Option<PathBuf> {
    spec_api_dir().map(|dir| dir.join("../../.."))
}
