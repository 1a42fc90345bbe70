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
use matrix_api::client::session::login::v3::LoginInfo;
use matrix_api::{
    IncomingResponse, IntoHttpError, MatrixVersion, Metadata, OutgoingRequest, SendAccessToken,
    SupportedVersions, VersioningDecision,
};
use matrix_api_fuzz::endpoints::*;

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

    let t = "token";
    let base = "https://matrix.example.org";
    let requests: [Built; 11] = [
        endpoint(get_login_token::v1::Request::new(), &supported),
        endpoint(get_login_types::v3::Request::new(), &supported),
        endpoint(login::v3::Request::new(LoginInfo::token(t)), &supported),
        endpoint(refresh_token::v3::Request::new(t.into()), &supported),
        endpoint(logout::v3::Request::new(), &supported),
        endpoint(logout_all::v3::Request::new(), &supported),
        endpoint(sso_login::v3::Request::new(base.into()), &supported),
        endpoint(
            sso_login_with_provider::v3::Request::new("idp".into(), base.into()),
            &supported,
        ),
        endpoint(whoami::v3::Request::new(), &supported),
        endpoint(get_supported_versions::Request::new(), &supported),
        endpoint(get_capabilities::v3::Request::new(), &supported),
    ];
    for (metadata, request) in requests {
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
                assert!(request.uri().path().starts_with(template), "{path}");
            }
            (Err(expected), Err(err)) => assert_eq!(err, expected),
            (selected, request) => panic!("select_path {selected:?}, request {request:?}"),
        }
    }
}

/// An endpoint's metadata, and the request built for the server.
type Built = (Metadata, Result<http::Request<Vec<u8>>, IntoHttpError>);

fn endpoint<R: OutgoingRequest>(request: R, supported: &SupportedVersions) -> Built {
    let built = request.try_into_http_request::<Vec<u8>>(
        "https://matrix.example.org",
        SendAccessToken::Always("token"),
        supported,
    );
    (R::METADATA, built)
}
