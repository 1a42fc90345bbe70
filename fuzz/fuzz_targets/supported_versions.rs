//! `SupportedVersions` and a `ServerView` from an arbitrary `/versions` answer (and arbitrary
//! capabilities), and path selection from them for every endpoint under every policy.
//!
//! The answer is raw bytes (mode 0), generated JSON (mode 1), or arbitrary lists (mode 2).
//! Besides not panicking: the set holds exactly the versions that parse and the features that
//! are `true`; `select_path`, `versioning_decision`, `Metadata::decide` and the request each
//! endpoint builds agree; every decision accounts for every path once.

#![no_main]

use std::collections::BTreeMap;

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;

use matrix_api::__private::RequestBuilder;
use matrix_api::field::PathValue;
use matrix_api::selection::{Policy, ServerView, Source};
use matrix_api::{
    IncomingResponse, IntoHttpError, MatrixVersion, Metadata, SendAccessToken, VersioningDecision,
};
use matrix_client_api::discovery::get_supported_versions;

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(mode) = u.arbitrary::<u8>() else {
        return;
    };
    let capabilities: Option<Vec<(String, bool)>> = u.arbitrary().unwrap_or_default();
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
        check(&answer, capabilities);
    }
});

fn from_body(body: Vec<u8>) -> Option<get_supported_versions::Response> {
    let response = http::Response::builder().status(200).body(body).unwrap();
    get_supported_versions::Response::try_from_http_response(response).ok()
}

fn check(answer: &get_supported_versions::Response, capabilities: Option<Vec<(String, bool)>>) {
    let supported = answer.supported_versions();
    let mut view = ServerView::new();
    view.learn(answer);
    if let Some(capabilities) = capabilities {
        view.learn_capabilities(capabilities);
    }
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
        // Before /capabilities is known, the whole view says what /versions says.
        let default = metadata.decide(&view, &Policy::Default);
        if !view.knows(Source::Capabilities) {
            assert_eq!(default.path(), selected.clone());
        }
        let forced = Policy::Force(history.canonical_path().to_owned());
        for policy in [
            Policy::Default,
            Policy::StableOnly,
            Policy::PreferUnstable,
            forced,
        ] {
            check_decision(metadata, &view, &policy);
        }
    }
}

/// A decision names one chosen path of the history (or none, with every path's reason), and
/// the request built on it is on that path.
fn check_decision(metadata: &Metadata, view: &ServerView, policy: &Policy) {
    let history = &metadata.history;
    let decision = metadata.decide(view, policy);
    let paths: Vec<&str> = history.all_paths().collect();
    let candidates: Vec<&str> = decision.candidates.iter().map(|c| c.path).collect();
    assert_eq!(candidates, paths);
    let chosen: Vec<&str> = decision
        .candidates
        .iter()
        .filter(|c| c.reason.is_none())
        .map(|c| c.path)
        .collect();
    let _ = decision.to_string();
    match decision.path() {
        Ok(path) => {
            assert_eq!(chosen, [path]);
            assert!(!decision.fallbacks().contains(&path));
            let request = request_head(metadata, path).expect("a request on a path of the history");
            let template = path.split('{').next().unwrap();
            assert!(request.uri.path().starts_with(template), "{path}");
        }
        Err(_) => assert!(
            chosen.is_empty(),
            "{policy}: refused, yet {chosen:?} chosen"
        ),
    }
}

/// The method, URI and headers every generated request starts from, for this endpoint on
/// `path` (each path parameter filled with `x`).
fn request_head(metadata: &Metadata, path: &str) -> Result<http::request::Parts, IntoHttpError> {
    let args: Vec<(&str, &dyn PathValue)> = matrix_api::path_params(path)
        .map(|name| (name, &"x" as &dyn PathValue))
        .collect();
    RequestBuilder::new(
        metadata,
        path,
        "https://matrix.example.org",
        SendAccessToken::Always("token"),
        &args,
    )?
    .no_body()
}
