//! `GET /versions` and `GET /capabilities` as a client and a server use them: the spec's
//! example bodies in both directions, the paths for servers of each generation, and the client
//! flow from a `/versions` answer to the path of a later request.

use std::collections::BTreeMap;

use http::{header, Method, StatusCode};
use matrix_api::error::{ErrorBody, ErrorKind};
use matrix_api::{
    FromHttpResponseError, IncomingRequest, IncomingResponse, IntoHttpError, MatrixVersion,
    OutgoingRequest, OutgoingResponse, SendAccessToken, SupportedVersions,
};
use matrix_client_api::discovery::get_capabilities::v3::{
    self as capabilities, Capabilities, ChangePasswordCapability, GetLoginTokenCapability,
};
use matrix_client_api::discovery::get_supported_versions as versions;
use matrix_client_api::session::get_login_token;
use serde_json::{json, Value};

mod common;

use common::{announcing, assert_get_paths_by_generation, json_of, r0_only, v1_1, v1_7, HS};

fn ok_response(body: &Value) -> http::Response<Vec<u8>> {
    http::Response::builder()
        .status(StatusCode::OK)
        .header(header::CONTENT_TYPE, "application/json")
        .body(serde_json::to_vec(body).unwrap())
        .unwrap()
}

fn no_args() -> &'static [&'static str] {
    &[]
}

// ---------------------------------------------------------------------------------------------
// GET /_matrix/client/versions

/// The `200` example of versions.yaml.
fn versions_spec_example() -> Value {
    json!({
        "versions": [
            "r0.0.1",
            "v1.1"
        ],
        "unstable_features": {
            "org.example.my_feature": true
        }
    })
}

#[test]
fn versions_request_has_one_path_for_every_server() {
    // Before the first `/versions` call the client knows nothing, so an empty set must work.
    for server in [
        SupportedVersions::default(),
        r0_only(),
        v1_1(),
        v1_7(),
        announcing(&["v2.0"], &[]),
    ] {
        let request = versions::Request::new()
            .try_into_http_request(HS, SendAccessToken::None, &server)
            .unwrap();
        assert_eq!(request.method(), Method::GET);
        assert_eq!(
            request.uri().to_string(),
            "https://matrix.example.org/_matrix/client/versions",
            "{server:?}"
        );
    }
    let metadata = <versions::Request as OutgoingRequest>::METADATA;
    assert_eq!(
        metadata.history.all_paths().collect::<Vec<_>>(),
        ["/_matrix/client/versions"]
    );
    assert!(!metadata.rate_limited);
}

#[test]
fn versions_sends_the_token_only_when_given() {
    let with_token = versions::Request::new()
        .try_into_http_request(HS, SendAccessToken::IfRequired("tok"), &v1_7())
        .unwrap();
    assert_eq!(with_token.headers()[header::AUTHORIZATION], "Bearer tok");
    // A GET sends no body and so no content type.
    assert_eq!(with_token.headers().len(), 1);
    assert!(with_token.body().is_empty());
    versions::Request::try_from_http_request(with_token, no_args()).unwrap();

    let anonymous = versions::Request::new()
        .try_into_http_request(HS, SendAccessToken::None, &v1_7())
        .unwrap();
    assert!(anonymous.headers().is_empty());
    assert!(anonymous.body().is_empty());
    // Optional authentication: the server accepts the request without a token.
    versions::Request::try_from_http_request(anonymous, no_args()).unwrap();
}

#[test]
fn versions_spec_example_from_server_to_client() {
    let response =
        versions::Response::try_from_http_response(ok_response(&versions_spec_example())).unwrap();
    assert_eq!(response.versions, ["r0.0.1", "v1.1"]);
    assert_eq!(
        response.unstable_features,
        BTreeMap::from([("org.example.my_feature".to_owned(), true)])
    );

    // A server (or a proxy) sending the parsed answer on writes the same JSON.
    let resent = response.try_into_http_response().unwrap();
    assert_eq!(resent.status(), StatusCode::OK);
    assert_eq!(resent.headers()[header::CONTENT_TYPE], "application/json");
    assert_eq!(json_of(resent.body()), versions_spec_example());
}

#[test]
fn versions_spec_example_built_by_a_server() {
    let mut response = versions::Response::new(vec!["r0.0.1".to_owned(), "v1.1".to_owned()]);
    response
        .unstable_features
        .insert("org.example.my_feature".to_owned(), true);
    let http_response = response.try_into_http_response().unwrap();
    assert_eq!(json_of(http_response.body()), versions_spec_example());

    let parsed = versions::Response::try_from_http_response(http_response).unwrap();
    let supported = parsed.supported_versions();
    assert_eq!(
        supported.versions.iter().copied().collect::<Vec<_>>(),
        [MatrixVersion::V1_0, MatrixVersion::V1_1]
    );
    assert!(supported.has_feature("org.example.my_feature"));
}

#[test]
fn versions_keeps_unknown_versions_and_disabled_features() {
    let sent = json!({
        "versions": ["r0.5.0", "r0.6.1", "v1.7", "v1.99", "v2.0", "not-a-version"],
        "unstable_features": {
            "org.matrix.msc3882": false,
            "org.matrix.msc2858": true
        }
    });
    let response = versions::Response::try_from_http_response(ok_response(&sent)).unwrap();
    assert_eq!(
        response.versions,
        ["r0.5.0", "r0.6.1", "v1.7", "v1.99", "v2.0", "not-a-version"]
    );
    assert_eq!(
        response.unstable_features.get("org.matrix.msc3882"),
        Some(&false)
    );

    let supported = response.supported_versions();
    assert_eq!(
        supported.versions.iter().copied().collect::<Vec<_>>(),
        [
            MatrixVersion::V1_0,
            MatrixVersion::V1_7,
            MatrixVersion::LATEST
        ]
    );
    assert!(supported.has_feature("org.matrix.msc2858"));
    assert!(!supported.has_feature("org.matrix.msc3882"));

    let resent = response.try_into_http_response().unwrap();
    assert_eq!(json_of(resent.body()), sent);
}

#[test]
fn versions_without_unstable_features() {
    let response =
        versions::Response::try_from_http_response(ok_response(&json!({ "versions": ["v1.1"] })))
            .unwrap();
    assert!(response.unstable_features.is_empty());
    // The server states "no features" explicitly when it writes the answer.
    let resent = response.try_into_http_response().unwrap();
    assert_eq!(
        json_of(resent.body()),
        json!({ "versions": ["v1.1"], "unstable_features": {} })
    );

    let err = versions::Response::try_from_http_response(ok_response(&json!({}))).unwrap_err();
    assert!(matches!(err, FromHttpResponseError::Deserialization(_)));
    assert!(err.to_string().contains("field `versions`"), "{err}");
}

/// What a client does on start-up: ask `/versions`, then let every later request pick its path
/// from the answer.
fn login_token_path_after(versions_body: Value) -> Result<String, IntoHttpError> {
    let request = versions::Request::new()
        .try_into_http_request(HS, SendAccessToken::None, &SupportedVersions::default())
        .unwrap();
    assert_eq!(request.uri().path(), "/_matrix/client/versions");
    let answer = versions::Response::try_from_http_response(ok_response(&versions_body)).unwrap();
    let server = answer.supported_versions();

    let request = get_login_token::v1::Request::new().try_into_http_request(
        HS,
        SendAccessToken::IfRequired("tok"),
        &server,
    )?;
    Ok(request.uri().path().to_owned())
}

#[test]
fn versions_answer_drives_path_selection() {
    assert_eq!(
        login_token_path_after(json!({ "versions": ["r0.6.1", "v1.1", "v1.7"] })).unwrap(),
        "/_matrix/client/v1/login/get_token"
    );
    // Every unstable generation has a flag: a server that announces none is not called.
    assert_eq!(
        login_token_path_after(json!({ "versions": ["v1.5", "v1.6"], "unstable_features": {} })),
        Err(IntoHttpError::EndpointNotSupported {
            endpoint: "/_matrix/client/v1/login/get_token"
        })
    );
    // Revision 0's flag announces revision 0's path, the only one such a server served.
    assert_eq!(
        login_token_path_after(json!({
            "versions": ["v1.6"],
            "unstable_features": { "org.matrix.msc3882": true }
        }))
        .unwrap(),
        "/_matrix/client/unstable/org.matrix.msc3882/login/token"
    );
    assert_eq!(
        login_token_path_after(json!({
            "versions": ["v1.6"],
            "unstable_features": { "org.matrix.msc3882.get_login_token": true }
        }))
        .unwrap(),
        "/_matrix/client/unstable/org.matrix.msc3882/login/get_token"
    );
}

// ---------------------------------------------------------------------------------------------
// GET /_matrix/client/v3/capabilities

/// The `200` example of capabilities.yaml.
fn capabilities_spec_example() -> Value {
    json!({
        "capabilities": {
            "m.change_password": {
                "enabled": false
            },
            "m.room_versions": {
                "default": "1",
                "available": {
                    "1": "stable",
                    "2": "stable",
                    "3": "unstable",
                    "test-version": "unstable"
                }
            },
            "com.example.custom.ratelimit": {
                "max_requests_per_hour": 600
            }
        }
    })
}

#[test]
fn capabilities_paths_for_each_server_generation() {
    assert_get_paths_by_generation(
        capabilities::Request::new,
        &[
            (r0_only(), "/_matrix/client/r0/capabilities"),
            (v1_1(), "/_matrix/client/v3/capabilities"),
            (v1_7(), "/_matrix/client/v3/capabilities"),
        ],
    );
    let metadata = <capabilities::Request as OutgoingRequest>::METADATA;
    assert!(metadata.rate_limited);
}

#[test]
fn capabilities_need_a_token() {
    let err = capabilities::Request::new()
        .try_into_http_request(HS, SendAccessToken::None, &v1_7())
        .unwrap_err();
    assert_eq!(
        err,
        IntoHttpError::NeedsAuthentication {
            endpoint: "/_matrix/client/v3/capabilities"
        }
    );
    let request = http::Request::get("/_matrix/client/v3/capabilities")
        .body(Vec::<u8>::new())
        .unwrap();
    assert_eq!(
        capabilities::Request::try_from_http_request(request, no_args()).unwrap_err(),
        matrix_api::FromHttpRequestError::MissingAccessToken
    );
}

#[test]
fn capabilities_spec_example_from_server_to_client() {
    let response =
        capabilities::Response::try_from_http_response(ok_response(&capabilities_spec_example()))
            .unwrap();
    let caps = &response.capabilities;
    assert_eq!(
        caps.change_password,
        Some(ChangePasswordCapability::new(false))
    );
    assert_eq!(caps.get_login_token, None);
    assert_eq!(
        caps.other.keys().collect::<Vec<_>>(),
        ["com.example.custom.ratelimit", "m.room_versions"]
    );
    assert_eq!(
        caps.other["m.room_versions"]["available"]["test-version"],
        "unstable"
    );

    let resent = response.try_into_http_response().unwrap();
    assert_eq!(resent.status(), StatusCode::OK);
    assert_eq!(json_of(resent.body()), capabilities_spec_example());
}

#[test]
fn capabilities_spec_example_built_by_a_server() {
    let example = capabilities_spec_example();
    let mut caps = Capabilities::new();
    caps.change_password = Some(ChangePasswordCapability::new(false));
    for name in ["m.room_versions", "com.example.custom.ratelimit"] {
        caps.other
            .insert(name.to_owned(), example["capabilities"][name].clone());
    }
    let http_response = capabilities::Response::new(caps.clone())
        .try_into_http_response()
        .unwrap();
    assert_eq!(json_of(http_response.body()), example);
    let parsed = capabilities::Response::try_from_http_response(http_response).unwrap();
    assert_eq!(parsed.capabilities, caps);
}

#[test]
fn typed_and_unknown_capabilities_survive_a_round_trip() {
    let sent = json!({
        "capabilities": {
            "m.get_login_token": { "enabled": true },
            "m.change_password": { "enabled": true },
            "m.set_displayname": { "enabled": false },
            "m.3pid_changes": { "enabled": true },
            "m.profile_fields": { "enabled": true, "disallowed": ["org.example.managed_field"] },
            "com.example.custom": [1, "two", { "three": null }],
            "org.example.flag": true
        }
    });
    let response = capabilities::Response::try_from_http_response(ok_response(&sent)).unwrap();
    assert_eq!(
        response.capabilities.get_login_token,
        Some(GetLoginTokenCapability::new(true))
    );
    assert_eq!(
        response.capabilities.change_password,
        Some(ChangePasswordCapability::new(true))
    );
    // The typed ones are not also kept raw.
    assert_eq!(response.capabilities.other.len(), 5);
    assert!(!response
        .capabilities
        .other
        .contains_key("m.get_login_token"));

    let resent = response.try_into_http_response().unwrap();
    assert_eq!(json_of(resent.body()), sent);
}

#[test]
fn typed_fields_win_over_raw_entries_of_the_same_name() {
    let mut caps = Capabilities::new();
    caps.get_login_token = Some(GetLoginTokenCapability::new(false));
    caps.other
        .insert("m.get_login_token".to_owned(), json!({ "enabled": true }));
    caps.other
        .insert("m.change_password".to_owned(), json!({ "enabled": true }));
    let http_response = capabilities::Response::new(caps)
        .try_into_http_response()
        .unwrap();
    assert_eq!(
        json_of(http_response.body()),
        json!({ "capabilities": { "m.get_login_token": { "enabled": false } } })
    );

    let empty = capabilities::Response::new(Capabilities::new())
        .try_into_http_response()
        .unwrap();
    assert_eq!(json_of(empty.body()), json!({ "capabilities": {} }));
}

#[test]
fn malformed_typed_capability_names_the_capability() {
    let sent = json!({ "capabilities": { "m.change_password": { "enabled": "yes" } } });
    let err = capabilities::Response::try_from_http_response(ok_response(&sent)).unwrap_err();
    assert!(matches!(err, FromHttpResponseError::Deserialization(_)));
    assert!(
        err.to_string()
            .contains("field `capabilities.m.change_password.enabled`"),
        "{err}"
    );

    let duplicate = br#"{"capabilities":{"m.get_login_token":{"enabled":true},"m.get_login_token":{"enabled":false}}}"#;
    let response = http::Response::builder()
        .status(200)
        .body(duplicate.to_vec())
        .unwrap();
    let err = capabilities::Response::try_from_http_response(response).unwrap_err();
    assert!(
        err.to_string()
            .contains("duplicate field `m.get_login_token`"),
        "{err}"
    );

    let not_an_object = json!({ "capabilities": [] });
    let err =
        capabilities::Response::try_from_http_response(ok_response(&not_an_object)).unwrap_err();
    assert!(
        err.to_string().contains("a JSON object of capabilities"),
        "{err}"
    );
}

#[test]
fn capabilities_rate_limit_is_a_typed_error() {
    // The `429` of capabilities.yaml refers to definitions/errors/rate_limited.yaml, whose
    // example this is.
    let body = json!({
        "errcode": "M_LIMIT_EXCEEDED",
        "error": "Too many requests",
        "retry_after_ms": 2000
    });
    let response = http::Response::builder()
        .status(StatusCode::TOO_MANY_REQUESTS)
        .body(serde_json::to_vec(&body).unwrap())
        .unwrap();
    let err = capabilities::Response::try_from_http_response(response).unwrap_err();
    let FromHttpResponseError::Server(error) = &err else {
        panic!("expected a server error, got {err:?}");
    };
    assert_eq!(error.status, StatusCode::TOO_MANY_REQUESTS);
    let ErrorBody::Standard(standard) = &error.body else {
        panic!("{error:?}")
    };
    assert_eq!(
        standard.kind,
        ErrorKind::LimitExceeded {
            retry_after_ms: Some(2000)
        }
    );
}
