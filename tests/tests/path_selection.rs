//! Path selection through `metadata!`-declared histories of every shape: what each kind of
//! server gets, and the errors when it supports none of the endpoint's versions.

use std::collections::BTreeMap;

use matrix_api::{
    metadata, IntoHttpError, MatrixVersion, Metadata, OutgoingRequest, SendAccessToken,
    SupportedVersions, VersioningDecision,
};
use matrix_api_tests::{end_session, ping, upload};
use MatrixVersion::*;

fn announcing(versions: &[&str], features: &[(&str, bool)]) -> SupportedVersions {
    let features: BTreeMap<String, bool> = features
        .iter()
        .map(|(name, on)| ((*name).to_owned(), *on))
        .collect();
    SupportedVersions::from_parts(versions, &features)
}

fn path_for(
    metadata: &Metadata,
    server: &SupportedVersions,
) -> Result<&'static str, IntoHttpError> {
    metadata.history.select_path(server)
}

const GET_TOKEN: Metadata = metadata! {
    method: POST,
    rate_limited: true,
    authentication: AccessToken,
    history: {
        unstable => "/_matrix/client/unstable/org.matrix.msc3882/login/get_token",
        1.7 => "/_matrix/client/v1/login/get_token",
    }
};

const UNSTABLE_MSC: &str = "/_matrix/client/unstable/org.matrix.msc3882/login/get_token";
const STABLE: &str = "/_matrix/client/v1/login/get_token";

#[test]
fn unstable_then_stable_the_get_token_case() {
    assert_eq!(
        path_for(&GET_TOKEN, &announcing(&["v1.7"], &[])),
        Ok(STABLE)
    );
    assert_eq!(
        path_for(
            &GET_TOKEN,
            &announcing(&["r0.6.1", "v1.1", "v1.6", "v1.11"], &[])
        ),
        Ok(STABLE)
    );
    assert_eq!(
        path_for(&GET_TOKEN, &announcing(&["v1.6"], &[])),
        Ok(UNSTABLE_MSC)
    );
    assert_eq!(
        path_for(
            &GET_TOKEN,
            &announcing(&["v1.6"], &[("org.matrix.msc3882", true)])
        ),
        Ok(UNSTABLE_MSC)
    );
    // A server newer than this crate knows still gets the stable path.
    assert_eq!(
        path_for(&GET_TOKEN, &announcing(&["v1.99"], &[])),
        Ok(STABLE)
    );
    assert_eq!(GET_TOKEN.history.added_in(), Some(V1_7));
    assert_eq!(
        GET_TOKEN.history.all_paths().collect::<Vec<_>>(),
        [UNSTABLE_MSC, STABLE]
    );
}

#[test]
fn unstable_only() {
    const M: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: None,
        history: {
            unstable => "/_matrix/client/unstable/org.example.old/thing",
            unstable => "/_matrix/client/unstable/org.example.new/thing",
        }
    };
    assert_eq!(
        path_for(&M, &announcing(&["v1.19"], &[])),
        Ok("/_matrix/client/unstable/org.example.new/thing")
    );
    assert_eq!(
        M.history.versioning_decision(&announcing(&[], &[])),
        VersioningDecision::Unstable
    );
}

#[test]
fn unstable_with_feature_flag() {
    let unannounced = announcing(&["v1.10"], &[("org.example.upload", false)]);
    let err = upload::Request {
        content_type: "a/b".into(),
        filename: None,
        file: vec![],
    }
    .try_into_http_request("https://hs", SendAccessToken::IfRequired("t"), &unannounced)
    .unwrap_err();
    assert_eq!(
        err,
        IntoHttpError::EndpointNotSupported {
            endpoint: "/_matrix/media/v3/upload"
        }
    );
    assert_eq!(
        err.to_string(),
        "the server announces no version or feature flag that has `/_matrix/media/v3/upload`"
    );
    let announced = announcing(&["v1.10"], &[("org.example.upload", true)]);
    assert_eq!(
        path_for(&upload::METADATA, &announced),
        Ok("/_matrix/media/unstable/org.example/upload")
    );
}

#[test]
fn stable_feature_flag_before_the_version() {
    let early = announcing(
        &["v1.10"],
        &[
            ("org.example.upload.stable", true),
            ("org.example.upload", true),
        ],
    );
    assert_eq!(
        path_for(&upload::METADATA, &early),
        Ok("/_matrix/media/v3/upload")
    );
    assert_eq!(
        path_for(&upload::METADATA, &announcing(&["v1.11"], &[])),
        Ok("/_matrix/media/v3/upload")
    );
}

#[test]
fn stable_only_across_r0_and_v3() {
    assert_eq!(
        path_for(&end_session::METADATA, &announcing(&["r0.5.0"], &[])),
        Ok("/_matrix/client/r0/end_session")
    );
    assert_eq!(
        path_for(
            &end_session::METADATA,
            &announcing(&["r0.6.1", "v1.1"], &[])
        ),
        Ok("/_matrix/client/v3/end_session")
    );
    assert_eq!(
        path_for(&end_session::METADATA, &announcing(&[], &[])),
        Err(IntoHttpError::EndpointNotSupported {
            endpoint: "/_matrix/client/v3/end_session"
        })
    );
}

#[test]
fn deprecated_and_removed() {
    let history = &end_session::METADATA.history;
    assert_eq!(history.deprecated_in(), Some(V1_12));
    assert_eq!(history.removed_in(), Some(V1_13));
    let on_deprecated = announcing(&["v1.12"], &[]);
    assert_eq!(
        path_for(&end_session::METADATA, &on_deprecated),
        Ok("/_matrix/client/v3/end_session")
    );
    assert_eq!(
        history.versioning_decision(&on_deprecated),
        VersioningDecision::Stable { deprecated: true }
    );

    let removed = announcing(&["v1.13", "v1.14"], &[]);
    let err = end_session::Request {}
        .try_into_http_request("https://hs", SendAccessToken::IfRequired("t"), &removed)
        .unwrap_err();
    assert_eq!(
        err,
        IntoHttpError::EndpointRemoved {
            endpoint: "/_matrix/client/v3/end_session",
            removed_in: V1_13
        }
    );
    assert_eq!(
        err.to_string(),
        "`/_matrix/client/v3/end_session` was removed in v1.13, and the server supports no older version"
    );
    // Still there for a server that also speaks a version before the removal.
    assert!(path_for(
        &end_session::METADATA,
        &announcing(&["v1.11", "v1.13"], &[])
    )
    .is_ok());
}

#[test]
fn unstable_then_stable_with_feature_less_unstable_path() {
    assert_eq!(
        path_for(&ping::METADATA, &announcing(&["v1.4"], &[])),
        Ok("/_matrix/client/unstable/org.example.ping")
    );
    assert_eq!(
        path_for(&ping::METADATA, &announcing(&["v1.5"], &[])),
        Ok("/_matrix/client/v1/ping")
    );
}

#[test]
fn access_token_required_but_missing() {
    let err = end_session::Request {}
        .try_into_http_request(
            "https://hs",
            SendAccessToken::None,
            &announcing(&["v1.1"], &[]),
        )
        .unwrap_err();
    assert_eq!(
        err,
        IntoHttpError::NeedsAuthentication {
            endpoint: "/_matrix/client/v3/end_session"
        }
    );
    assert!(
        err.to_string().contains("requires an access token"),
        "{err}"
    );
}

#[test]
fn always_sends_the_token_even_without_authentication() {
    let request = ping::Request {}
        .try_into_http_request(
            "https://hs",
            SendAccessToken::Always("t"),
            &announcing(&["v1.5"], &[]),
        )
        .unwrap();
    assert_eq!(request.headers()["authorization"], "Bearer t");
}
