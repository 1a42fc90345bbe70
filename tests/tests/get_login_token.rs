//! `POST /login/get_token` as a client and a server would use it: the UIA round, the token,
//! the rate limit, and the paths for servers of each generation.

use std::collections::BTreeMap;
use std::time::Duration;

use http::{Method, StatusCode};
use matrix_api::error::{ErrorBody, ErrorKind};
use matrix_api::{
    FromHttpResponseError, IncomingRequest, IncomingResponse, OutgoingRequest, OutgoingResponse,
    SendAccessToken, SupportedVersions,
};
use matrix_client_api::session::get_login_token::v1::{Request, Response};
use matrix_client_api::uiaa::{AuthData, UiaaResponse, UserIdentifier};
use serde_json::{json, Value};

const HS: &str = "https://matrix.example.org";

fn announcing(versions: &[&str], features: &[&str]) -> SupportedVersions {
    let features: BTreeMap<&str, bool> = features.iter().map(|f| (*f, true)).collect();
    SupportedVersions::from_parts(versions, &features)
}

fn body_json<B: AsRef<[u8]>>(body: B) -> Value {
    serde_json::from_slice(body.as_ref()).unwrap()
}

#[test]
fn first_call_without_auth() {
    let request = Request::new()
        .try_into_http_request(
            HS,
            SendAccessToken::IfRequired("device-a"),
            &announcing(&["v1.7"], &[]),
        )
        .unwrap();
    assert_eq!(request.method(), Method::POST);
    assert_eq!(
        request.uri().to_string(),
        "https://matrix.example.org/_matrix/client/v1/login/get_token"
    );
    assert_eq!(request.headers()["authorization"], "Bearer device-a");
    assert_eq!(request.headers()["content-type"], "application/json");
    assert_eq!(body_json(request.body()), json!({}));

    let incoming = Request::try_from_http_request(request, &[] as &[&str]).unwrap();
    assert!(incoming.auth.is_none());
}

const R0: &str = "/_matrix/client/unstable/org.matrix.msc3882/login/token";
const R1: &str = "/_matrix/client/unstable/org.matrix.msc3882/login/get_token";
const STABLE: &str = "/_matrix/client/v1/login/get_token";

#[test]
fn paths_for_each_server_generation() {
    let path = |server: &SupportedVersions| {
        Request::new()
            .try_into_http_request(HS, SendAccessToken::IfRequired("t"), server)
            .map(|request| request.uri().path().to_owned())
    };
    assert_eq!(path(&announcing(&["v1.7"], &[])).unwrap(), STABLE);
    assert_eq!(
        path(&announcing(&["v1.6"], &["org.matrix.msc3882"])).unwrap(),
        R0
    );
    assert_eq!(
        path(&announcing(
            &["v1.6"],
            &["org.matrix.msc3882.get_login_token"]
        ))
        .unwrap(),
        R1
    );
    assert_eq!(
        path(&announcing(&["v1.6"], &[])),
        Err(matrix_api::IntoHttpError::EndpointNotSupported { endpoint: STABLE })
    );
    // The server accepts every generation's path, with the same request.
    for path in [R0, R1, STABLE] {
        let request = http::Request::post(path)
            .header("authorization", "Bearer t")
            .body(Vec::new())
            .unwrap();
        assert!(Request::try_from_http_request(request, &[] as &[&str])
            .unwrap()
            .auth
            .is_none());
    }
}

#[test]
fn a_path_chosen_beforehand() {
    let request = Request::new()
        .try_into_http_request_with_path(R1, HS, SendAccessToken::IfRequired("t"))
        .unwrap();
    assert_eq!(request.uri().path(), R1);
    // Only a path of the history: its `{param}`s are the ones the request fills.
    let err = Request::new()
        .try_into_http_request_with_path(
            "/_matrix/client/v3/login",
            HS,
            SendAccessToken::IfRequired("t"),
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "`/_matrix/client/v3/login` is not a path of `/_matrix/client/v1/login/get_token`; force \
         one of the paths of its history"
    );
}

#[test]
fn lifetime_in_either_generation() {
    let read = |body: &str| {
        let response = http::Response::builder()
            .status(200)
            .body(body.as_bytes().to_vec())
            .unwrap();
        Response::try_from_http_response(response).map_err(|err| err.to_string())
    };
    let stable = read(r#"{"login_token":"t","expires_in_ms":120000}"#).unwrap();
    assert_eq!(stable.expires_in, Duration::from_secs(120));
    // Revision 0 sent whole seconds.
    let r0 = read(r#"{"login_token":"t","expires_in":120}"#).unwrap();
    assert_eq!(r0.expires_in, Duration::from_secs(120));
    // Both: the precise one.
    let both = read(r#"{"login_token":"t","expires_in":1,"expires_in_ms":1500}"#).unwrap();
    assert_eq!(both.expires_in, Duration::from_millis(1500));
    // Written as the stable field only.
    let written = Response::new(Duration::from_millis(1500), "t".to_owned())
        .try_into_http_response()
        .unwrap();
    assert_eq!(
        body_json(written.body()),
        json!({ "login_token": "t", "expires_in_ms": 1500 })
    );

    let missing = read(r#"{"login_token":"t"}"#).unwrap_err();
    assert!(
        missing
            .to_string()
            .contains("missing field `expires_in_ms`"),
        "{missing}"
    );
    let seconds = read(r#"{"login_token":"t","expires_in":-5}"#).unwrap_err();
    assert!(
        seconds.to_string().contains("field `expires_in`:"),
        "{seconds}"
    );
    let twice = read(r#"{"expires_in_ms":1,"expires_in_ms":2,"login_token":"t"}"#).unwrap_err();
    assert!(twice.to_string().contains("expires_in_ms"), "{twice}");
}

#[test]
fn missing_token_is_a_client_error() {
    let err = Request::new()
        .try_into_http_request(HS, SendAccessToken::None, &announcing(&["v1.7"], &[]))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "`/_matrix/client/v1/login/get_token` requires an access token, but none was given \
         (pass SendAccessToken::IfRequired(token))"
    );
}

#[test]
fn uia_401_is_an_auth_response_with_the_session() {
    let body = r#"{"flows":[{"stages":["m.login.password"]}],"params":{},"session":"xyz"}"#;
    let response = http::Response::builder()
        .status(401)
        .body(body.as_bytes().to_vec())
        .unwrap();
    let err = Response::try_from_http_response(response).unwrap_err();
    let FromHttpResponseError::Server(UiaaResponse::AuthResponse(info)) = &err else {
        panic!("expected a UIA response, got {err:?}");
    };
    assert_eq!(info.session.as_deref(), Some("xyz"));
    assert_eq!(info.flows.len(), 1);
    assert_eq!(info.flows[0].stages, ["m.login.password"]);

    // The server sends the same thing back.
    let UiaaResponse::AuthResponse(info) = err.server_error().unwrap().clone() else {
        unreachable!()
    };
    let resent = UiaaResponse::AuthResponse(info)
        .try_into_http_response()
        .unwrap();
    assert_eq!(resent.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(body_json(resent.body()), body_json(body));
}

#[test]
fn second_call_with_password_auth_round_trips() {
    let auth = AuthData::Password(matrix_client_api::uiaa::Password {
        identifier: UserIdentifier::User {
            user: "alice".to_owned(),
        },
        password: "correct horse".to_owned(),
        session: Some("xyz".to_owned()),
    });
    let request = Request { auth: Some(auth) }
        .try_into_http_request(
            HS,
            SendAccessToken::IfRequired("t"),
            &announcing(&["v1.7"], &[]),
        )
        .unwrap();
    assert_eq!(
        body_json(request.body()),
        json!({
            "auth": {
                "type": "m.login.password",
                "identifier": { "type": "m.id.user", "user": "alice" },
                "password": "correct horse",
                "session": "xyz"
            }
        })
    );
    let incoming = Request::try_from_http_request(request, &[] as &[&str]).unwrap();
    let Some(AuthData::Password(password)) = incoming.auth else {
        panic!("expected password auth");
    };
    assert_eq!(password.password, "correct horse");
    assert_eq!(password.session.as_deref(), Some("xyz"));
    assert_eq!(
        password.identifier,
        UserIdentifier::User {
            user: "alice".to_owned()
        }
    );
}

#[test]
fn response_round_trip_and_default_expiry() {
    let response = Response::with_default_expiration_duration("login-token".to_owned());
    assert_eq!(response.expires_in, Duration::from_secs(120));
    let http_response = response.try_into_http_response().unwrap();
    assert_eq!(http_response.status(), StatusCode::OK);
    assert_eq!(
        body_json(http_response.body()),
        json!({ "expires_in_ms": 120000, "login_token": "login-token" })
    );
    let parsed = Response::try_from_http_response(http_response).unwrap();
    assert_eq!(parsed.expires_in, Duration::from_millis(120_000));
    assert_eq!(parsed.login_token, "login-token");

    let custom = Response::new(Duration::from_millis(1500), "t2".to_owned());
    let parsed =
        Response::try_from_http_response(custom.try_into_http_response().unwrap()).unwrap();
    assert_eq!(parsed.expires_in, Duration::from_millis(1500));
}

#[test]
fn rate_limit_429_is_typed() {
    let body =
        r#"{"errcode":"M_LIMIT_EXCEEDED","error":"Too many requests","retry_after_ms":60000}"#;
    let response = http::Response::builder()
        .status(429)
        .body(body.as_bytes().to_vec())
        .unwrap();
    let err = Response::try_from_http_response(response).unwrap_err();
    let FromHttpResponseError::Server(UiaaResponse::MatrixError(error)) = &err else {
        panic!("expected a Matrix error, got {err:?}");
    };
    assert_eq!(error.status, StatusCode::TOO_MANY_REQUESTS);
    let ErrorBody::Standard(standard) = &error.body else {
        panic!("{error:?}")
    };
    assert_eq!(
        standard.kind,
        ErrorKind::LimitExceeded {
            retry_after_ms: Some(60_000)
        }
    );
    assert_eq!(standard.message, "Too many requests");
}

#[test]
fn success_body_that_does_not_fit_names_the_field() {
    let response = http::Response::builder()
        .status(200)
        .body(br#"{"expires_in_ms": "soon", "login_token": "t"}"#.to_vec())
        .unwrap();
    let err = Response::try_from_http_response(response).unwrap_err();
    assert!(matches!(err, FromHttpResponseError::Deserialization(_)));
    assert!(err.to_string().contains("field `expires_in_ms`"), "{err}");
}
