//! `SupportedVersions` from an arbitrary `/versions` answer, and path selection from it for
//! every endpoint.
//!
//! The answer is raw bytes (mode 0), generated JSON (mode 1), or arbitrary lists (mode 2).
//! Besides not panicking: the set holds exactly the versions that parse and the features that
//! are `true`; `select_path`, `versioning_decision` and the request each endpoint builds agree.

#![no_main]

use std::collections::BTreeMap;

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use std::fmt::Display;

use matrix_api::__private::RequestBuilder;
use matrix_api::{
    IncomingResponse, IntoHttpError, MatrixVersion, Metadata, SendAccessToken, SupportedVersions,
    VersioningDecision,
};
use matrix_client_api::discovery::get_supported_versions;

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(mode) = u.arbitrary::<u8>() else {
        return;
    };
    let answer = match mode % 3 {
        0 => from_body(u.take_rest().to_vec()),
        1 => {
            let mut text = String::new();
            if matrix_api_fuzz::json_text(&mut u, 4, &mut text).is_err() {
                return;
            }
            from_body(text.into_bytes())
        }
        _ => {
            let (Ok(versions), Ok(unstable_features)) = (u.arbitrary(), u.arbitrary()) else {
                return;
            };
            Some(get_supported_versions::Response {
                versions,
                unstable_features,
            })
        }
    };
    if let Some(answer) = answer {
        check(&answer);
    }
});

fn from_body(body: Vec<u8>) -> Option<get_supported_versions::Response> {
    let response = http::Response::builder().status(200).body(body).unwrap();
    get_supported_versions::Response::try_from_http_response(response).ok()
}

fn check(answer: &get_supported_versions::Response) {
    let supported = answer.supported_versions();
    let parsed: Vec<MatrixVersion> = answer
        .versions
        .iter()
        .filter_map(|v| v.parse().ok())
        .collect();
    assert_eq!(supported.versions, parsed.into_iter().collect());
    let enabled: BTreeMap<_, _> = answer
        .unstable_features
        .iter()
        .filter(|(_, on)| **on)
        .collect();
    assert!(supported.features.iter().eq(enabled.keys().copied()));

    for endpoint in matrix_client_api::ENDPOINTS {
        let metadata = &endpoint.metadata;
        let request = request_head(metadata, &supported);
        let history = &metadata.history;
        let selected = history.select_path(&supported);
        let decision = history.versioning_decision(&supported);
        match (&selected, decision) {
            (Ok(path), VersioningDecision::Stable { .. }) => {
                let stable = history.stable_paths().iter().any(|p| p.path == *path);
                assert!(stable || history.unversioned_path() == Some(path), "{path}");
            }
            (Ok(path), VersioningDecision::Unstable) => {
                assert!(
                    history.unstable_paths().iter().any(|p| p.path == *path),
                    "{path}"
                );
            }
            (Err(IntoHttpError::EndpointRemoved { .. }), VersioningDecision::Removed) => {}
            (Err(IntoHttpError::EndpointNotSupported { .. }), VersioningDecision::NotSupported) => {
            }
            (selected, decision) => panic!("select_path {selected:?}, but {decision:?}"),
        }
        if let Ok(path) = selected {
            assert!(history.all_paths().any(|p| p == path));
        }
        match (selected, request) {
            (Ok(path), Ok(request)) => {
                let template = path.split('{').next().unwrap();
                assert!(request.uri.path().starts_with(template), "{path}");
            }
            (Err(expected), Err(err)) => assert_eq!(err, expected),
            (selected, request) => panic!("select_path {selected:?}, request {request:?}"),
        }
    }
}

/// The method, URI and headers every generated `try_into_http_request` starts from, for this
/// endpoint on this server (each path parameter filled with `x`).
fn request_head(
    metadata: &Metadata,
    supported: &SupportedVersions,
) -> Result<http::request::Parts, IntoHttpError> {
    let template = metadata.history.canonical_path();
    let args: Vec<(&str, &dyn Display)> = matrix_api::path_params(template)
        .map(|name| (name, &"x" as &dyn Display))
        .collect();
    RequestBuilder::new(
        metadata,
        "https://matrix.example.org",
        SendAccessToken::Always("token"),
        supported,
        &args,
    )?
    .no_body()
}
