//! The session endpoints (`GET /login`, `POST /login`, `/refresh`, `/logout`, `/logout/all`)
//! as a client and a server use them, fed with the specification's own examples (copied from
//! the `examples:` of `login.yaml`, `refresh.yaml` and `logout.yaml`, matrix-spec commit
//! d0ba2aae) and compared as JSON values.

use std::collections::BTreeMap;
use std::time::Duration;

use http::{Method, StatusCode};
use matrix_api::error::{ErrorBody, ErrorKind, MatrixError};
use matrix_api::{
    FromHttpRequestError, FromHttpResponseError, IncomingRequest, IncomingResponse,
    OutgoingRequest, OutgoingResponse, SendAccessToken, SupportedVersions,
};
use matrix_client_api::session::{get_login_types, login, logout, logout_all, refresh_token};
use matrix_client_api::uiaa::UserIdentifier;
use serde_json::{json, Value};

const HS: &str = "https://matrix.example.org";

fn server(versions: &[&str]) -> SupportedVersions {
    SupportedVersions::from_parts(versions, &BTreeMap::<String, bool>::new())
}

fn body_json<B: AsRef<[u8]>>(body: B) -> Value {
    serde_json::from_slice(body.as_ref()).unwrap()
}

fn ok_response(body: &Value) -> http::Response<Vec<u8>> {
    http::Response::builder()
        .status(200)
        .body(serde_json::to_vec(body).unwrap())
        .unwrap()
}

fn post(path: &str, body: &Value) -> http::Request<Vec<u8>> {
    http::Request::post(path)
        .body(serde_json::to_vec(body).unwrap())
        .unwrap()
}

fn no_args() -> &'static [&'static str] {
    &[]
}

/// A server reading `POST /login` with `text` as the body, written as it is (a key may be given
/// twice, or escaped, which a `Value` cannot carry).
fn read_login(text: &str) -> Result<login::v3::Request, FromHttpRequestError> {
    let mut request = http::Request::new(text.as_bytes().to_vec());
    *request.method_mut() = http::Method::POST;
    *request.uri_mut() = "/_matrix/client/v3/login".parse().unwrap();
    login::v3::Request::try_from_http_request(request, no_args())
}

// ---- GET /login

#[test]
fn login_types_spec_example_round_trips() {
    // login.yaml, GET /login, 200 example.
    let example = json!({
        "flows": [
            { "type": "m.login.password" },
            { "type": "m.login.token", "get_login_token": true }
        ]
    });
    let parsed =
        get_login_types::v3::Response::try_from_http_response(ok_response(&example)).unwrap();
    assert_eq!(parsed.flows[0], get_login_types::v3::LoginType::Password);
    assert_eq!(
        parsed.flows[1],
        get_login_types::v3::LoginType::Token(get_login_types::v3::TokenLoginType {
            get_login_token: true
        })
    );
    let sent = parsed.try_into_http_response().unwrap();
    assert_eq!(body_json(sent.body()), example);
}

#[test]
fn login_types_sso_and_unknown_types_lose_nothing() {
    // The identity providers are sso_login_flow.yaml's example.
    let body = json!({
        "flows": [
            {
                "type": "m.login.sso",
                "identity_providers": [
                    { "id": "com.example.idp.github", "name": "GitHub", "brand": "github" },
                    { "id": "com.example.idp.gitlab", "name": "GitLab", "icon": "mxc://example.com/abc123" }
                ]
            },
            { "type": "m.login.application_service" },
            { "type": "org.example.custom", "nested": { "a": [1, 2] }, "flag": false }
        ]
    });
    let parsed = get_login_types::v3::Response::try_from_http_response(ok_response(&body)).unwrap();
    let get_login_types::v3::LoginType::Sso(sso) = &parsed.flows[0] else {
        panic!("{parsed:?}")
    };
    assert_eq!(
        sso.identity_providers[1].icon.as_ref().unwrap().as_str(),
        "mxc://example.com/abc123"
    );
    assert_eq!(parsed.flows[2].login_type(), "org.example.custom");
    let sent = parsed.try_into_http_response().unwrap();
    assert_eq!(body_json(sent.body()), body);
}

#[test]
fn login_types_paths_by_server() {
    let path = |versions: &[&str]| {
        get_login_types::v3::Request::new()
            .try_into_http_request(HS, SendAccessToken::None, &server(versions))
            .unwrap()
            .uri()
            .path()
            .to_owned()
    };
    assert_eq!(path(&["r0.6.1"]), "/_matrix/client/r0/login");
    assert_eq!(path(&["r0.6.1", "v1.1"]), "/_matrix/client/v3/login");
    assert_eq!(path(&["v1.7"]), "/_matrix/client/v3/login");
    let request = get_login_types::v3::Request::new()
        .try_into_http_request(HS, SendAccessToken::IfRequired("t"), &server(&["v1.7"]))
        .unwrap();
    assert_eq!(request.method(), Method::GET);
    assert!(
        request.headers().is_empty(),
        "no token, no content type: {:?}",
        request.headers()
    );
    assert!(request.body().is_empty());
}

// ---- POST /login

#[test]
fn login_spec_request_example_round_trips() {
    // login.yaml, POST /login, request body example.
    let example = json!({
        "type": "m.login.password",
        "identifier": { "type": "m.id.user", "user": "cheeky_monkey" },
        "password": "ilovebananas",
        "initial_device_display_name": "Jungle Phone"
    });
    let incoming = login::v3::Request::try_from_http_request(
        post("/_matrix/client/v3/login", &example),
        no_args(),
    )
    .unwrap();
    let login::v3::LoginInfo::Password(password) = &incoming.login_info else {
        panic!("{incoming:?}")
    };
    assert_eq!(password.identifier, UserIdentifier::user("cheeky_monkey"));
    assert_eq!(password.password, "ilovebananas");
    assert_eq!(
        incoming.initial_device_display_name.as_deref(),
        Some("Jungle Phone")
    );
    assert_eq!(
        (incoming.device_id.as_ref(), incoming.refresh_token),
        (None, false)
    );

    let sent = incoming
        .try_into_http_request(HS, SendAccessToken::None, &server(&["v1.1"]))
        .unwrap();
    assert_eq!(sent.method(), Method::POST);
    assert_eq!(
        sent.uri().to_string(),
        "https://matrix.example.org/_matrix/client/v3/login"
    );
    assert_eq!(sent.headers()["content-type"], "application/json");
    assert!(!sent.headers().contains_key("authorization"));
    assert_eq!(body_json(sent.body()), example);
}

#[test]
fn login_spec_response_example_round_trips() {
    // login.yaml, POST /login, 200 example.
    let example = json!({
        "user_id": "@cheeky_monkey:matrix.org",
        "access_token": "abc123",
        "refresh_token": "def456",
        "expires_in_ms": 60000,
        "device_id": "GHTYAJCE",
        "well_known": {
            "m.homeserver": { "base_url": "https://example.org" },
            "m.identity_server": { "base_url": "https://id.example.org" }
        }
    });
    let parsed = login::v3::Response::try_from_http_response(ok_response(&example)).unwrap();
    assert_eq!(parsed.user_id.as_str(), "@cheeky_monkey:matrix.org");
    assert_eq!(parsed.device_id.as_str(), "GHTYAJCE");
    assert_eq!(parsed.expires_in, Some(Duration::from_secs(60)));
    assert_eq!(
        parsed.well_known.as_ref().unwrap().homeserver.base_url,
        "https://example.org"
    );
    let sent = parsed.try_into_http_response().unwrap();
    assert_eq!(sent.status(), StatusCode::OK);
    assert_eq!(body_json(sent.body()), example);
}

#[test]
fn login_response_ignores_fields_it_does_not_model() {
    // Synapse sends `expires_in` next to `expires_in_ms`, and `home_server`.
    let body = json!({
        "user_id": "@a:hs.example", "access_token": "t", "device_id": "D",
        "home_server": "hs.example", "expires_in": 60, "expires_in_ms": 60000
    });
    let parsed = login::v3::Response::try_from_http_response(ok_response(&body)).unwrap();
    assert_eq!(parsed.home_server.as_ref().unwrap().as_str(), "hs.example");
    assert_eq!(parsed.expires_in, Some(Duration::from_millis(60000)));
}

#[test]
fn login_deprecated_top_level_user_fields_map_to_an_identifier() {
    let old = json!({ "type": "m.login.password", "user": "@alice:example.org", "password": "pw" });
    let incoming = login::v3::Request::try_from_http_request(
        post("/_matrix/client/r0/login", &old),
        no_args(),
    )
    .unwrap();
    let login::v3::LoginInfo::Password(password) = incoming.login_info else {
        panic!()
    };
    assert_eq!(
        password.identifier,
        UserIdentifier::user("@alice:example.org")
    );

    let email = json!({ "type": "m.login.password", "medium": "email", "address": "a@example.org", "password": "pw" });
    let incoming = login::v3::Request::try_from_http_request(
        post("/_matrix/client/v3/login", &email),
        no_args(),
    )
    .unwrap();
    let login::v3::LoginInfo::Password(password) = incoming.login_info else {
        panic!()
    };
    assert_eq!(
        password.identifier,
        UserIdentifier::third_party("email", "a@example.org")
    );
}

/// The login reader reads fields that come before `type` as JSON and converts them at the end,
/// and fields that come after it straight into their slots: both orders must give the same
/// credentials, and a key given twice is refused whichever side of `type` it falls on.
#[test]
fn login_fields_read_the_same_before_and_after_type() {
    let expected = login::v3::LoginInfo::password("@a:example.org", "pw");
    for text in [
        r#"{"type":"m.login.password","identifier":{"type":"m.id.user","user":"@a:example.org"},"password":"pw"}"#,
        r#"{"identifier":{"user":"@a:example.org","type":"m.id.user"},"password":"pw","type":"m.login.password"}"#,
        r#"{"password":"pw","type":"m.login.password","identifier":{"type":"m.id.user","user":"@a:example.org"}}"#,
        r#"{"user":"@a:example.org","type":"m.login.password","password":"pw"}"#,
        r#"{"password":"pw","user":"@a:example.org","type":"m.login.password","extra":{"x":1}}"#,
    ] {
        assert_eq!(read_login(text).unwrap().login_info, expected, "{text}");
    }
    for (text, field) in [
        (
            r#"{"password":"a","type":"m.login.password","password":"b","user":"u"}"#,
            "password",
        ),
        (
            r#"{"type":"m.login.password","password":"a","password":"b","user":"u"}"#,
            "password",
        ),
        (
            r#"{"type":"m.login.password","type":"m.login.token","token":"t"}"#,
            "type",
        ),
        (
            r#"{"type":"m.login.token","token":"t","extra":{"k":1,"k":2}}"#,
            "k",
        ),
        (r#"{"type":"org.example","k":1,"k":2}"#, "k"),
    ] {
        let err = read_login(text).unwrap_err().to_string();
        assert!(
            err.contains(&format!("duplicate field `{field}`")),
            "{text}: {err}"
        );
    }
    let err = read_login(r#"{"password":"pw","user":"u"}"#)
        .unwrap_err()
        .to_string();
    assert!(err.contains("missing field `type`"), "{err}");
    let err = read_login(r#"{"type":7,"password":"pw","user":"u"}"#)
        .unwrap_err()
        .to_string();
    assert!(err.contains("`type` must be a string"), "{err}");
    let err = read_login(r#"{"type":"m.login.token","password":"pw"}"#)
        .unwrap_err()
        .to_string();
    assert!(err.contains("missing field `token`"), "{err}");
    let err = read_login(r#"{"type":"m.login.password","password":"pw"}"#)
        .unwrap_err()
        .to_string();
    assert!(err.contains("missing field `identifier`"), "{err}");
    let err =
        read_login(r#"{"type":"m.login.password","identifier":{"user":"u"},"password":"pw"}"#)
            .unwrap_err()
            .to_string();
    assert!(
        err.contains("field `identifier`: missing field `type`"),
        "{err}"
    );
}

/// `POST /login` as serde reads it with its own flattening, the reference for the macros'
/// reader, which hands the flattened `LoginInfo` its keys as they come (`ReadFlattened`).
// As the macros derive the body's reader, with the same `expecting`.
#[derive(Debug, serde::Deserialize)]
#[serde(expecting = "a JSON object")]
struct LoginReference {
    #[serde(flatten)]
    login_info: login::v3::LoginInfo,
    #[serde(default)]
    device_id: Option<ruma_common::OwnedDeviceId>,
    #[serde(default)]
    initial_device_display_name: Option<String>,
    #[serde(default)]
    refresh_token: bool,
}

/// Reads `body` as a server does and as [`LoginReference`] does: the same value, or an error
/// both ways (with serde's message among ours when `same_message`; a body with two mistakes may
/// report either first).
fn assert_reads_as_serde_flattening(body: &str, same_message: bool) {
    let ours = read_login(body);
    let reference =
        serde_json::from_str::<LoginReference>(if body.is_empty() { "{}" } else { body });
    match (ours, reference) {
        (Ok(ours), Ok(reference)) => {
            assert_eq!(ours.login_info, reference.login_info, "{body}");
            assert_eq!(ours.device_id, reference.device_id, "{body}");
            assert_eq!(
                ours.initial_device_display_name, reference.initial_device_display_name,
                "{body}"
            );
            assert_eq!(ours.refresh_token, reference.refresh_token, "{body}");
        }
        (Err(ours), Err(reference)) => {
            let reference = reference.to_string();
            let message = reference.split(" at line ").next().unwrap();
            assert!(
                !same_message || ours.to_string().contains(message),
                "{body}: {ours} / {reference}"
            );
        }
        (ours, reference) => panic!("{body}: {ours:?} / {reference:?}"),
    }
}

#[test]
fn login_reads_as_serde_flattening_would() {
    let user = r#""identifier":{"type":"m.id.user","user":"@a:example.org"}"#;
    let bodies = [
        format!(r#"{{"type":"m.login.password",{user},"password":"pw"}}"#),
        format!(
            r#"{{"device_id":"D","password":"pw",{user},"refresh_token":true,"type":"m.login.password"}}"#
        ),
        format!(
            r#"{{"initial_device_display_name":"phone","type":"m.login.password",{user},"password":"pw","device_id":"D"}}"#
        ),
        r#"{"type":"m.login.token","token":"t","extra":[1,{"x":null}],"device_id":"D"}"#.into(),
        r#"{"\u0074ype":"m.login.token","\u0074oken":"t","device_\u0069d":"D"}"#.into(),
        r#"{"type":"m.login.application_service","user":"@bot:example.org"}"#.into(),
        r#"{"type":"org.example.login","secret":{"k":[1,2]},"refresh_token":false}"#.into(),
        r#"{"user":"@a:example.org","password":"pw","type":"m.login.password","medium":"email"}"#
            .into(),
        // Errors: in the flattened part, in the other fields, and of the whole body.
        r#"{"type":"m.login.token","token":"t","device_id":"D","device_id":"E"}"#.into(),
        r#"{"type":"m.login.token","token":"t","refresh_token":"yes"}"#.into(),
        r#"{"type":"m.login.token","token":"t","initial_device_display_name":5}"#.into(),
        r#"{"type":"m.login.token","token":"t","token":"u"}"#.into(),
        r#"{"type":"m.login.token","device_id":"D"}"#.into(),
        r#"{"type":["m.login.token"],"token":"t"}"#.into(),
        r#"{"token":"t","device_id":"D"}"#.into(),
        r#"{"type":"m.login.password","identifier":{"type":"m.id.user"},"password":"pw"}"#.into(),
        r#"{"type":"m.login.password","user":"u","password":false}"#.into(),
        r#"["m.login.token"]"#.into(),
        r#"{"type":"m.login.token","token":"t"} {}"#.into(),
        r#"{"type":"m.login.token","token":"t","extra":{"#.into(),
        String::new(),
    ];
    for body in &bodies {
        assert_reads_as_serde_flattening(body, true);
    }
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config {
        cases: 1024,
        failure_persistence: None,
        ..Default::default()
    })]

    /// Any object of login keys, in any order, given any number of times, with values of the
    /// right kind or not (escaped keys among them): read as serde's flattening reads it.
    #[test]
    fn any_login_body_reads_as_serde_flattening_would(
        pairs in proptest::collection::vec(login_pair(), 0..7)
    ) {
        let fields: Vec<String> = pairs.iter().map(|(key, value)| format!("{key}:{value}")).collect();
        assert_reads_as_serde_flattening(&format!("{{{}}}", fields.join(",")), false);
    }
}

/// A key of a login body (its JSON text) and a value, mostly of the kind the key takes.
fn login_pair() -> impl proptest::strategy::Strategy<Value = (&'static str, &'static str)> {
    use proptest::prelude::*;
    let any_value = || {
        proptest::sample::select(vec![
            "null",
            "true",
            "7",
            "-1.5",
            "\"\"",
            "\"x\"",
            "[]",
            "[1,\"a\"]",
            "{}",
            "{\"a\":{}}",
        ])
    };
    let keyed = |keys: Vec<&'static str>, values: Vec<&'static str>| {
        (
            proptest::sample::select(keys),
            prop_oneof![4 => proptest::sample::select(values), 1 => any_value()],
        )
    };
    prop_oneof![
        keyed(
            vec!["\"type\"", "\"\\u0074ype\""],
            vec![
                "\"m.login.password\"",
                "\"m.login.token\"",
                "\"m.login.application_service\"",
                "\"org.example\"",
            ],
        ),
        keyed(
            vec!["\"identifier\""],
            vec![
                r#"{"type":"m.id.user","user":"@a:example.org"}"#,
                r#"{"type":"m.id.thirdparty","medium":"email","address":"a@example.org"}"#,
                r#"{"user":"a","type":"m.id.user"}"#,
                r#"{"type":"m.id.phone","country":"GB","phone":"123"}"#,
            ],
        ),
        keyed(
            vec![
                "\"password\"",
                "\"token\"",
                "\"user\"",
                "\"medium\"",
                "\"address\"",
                "\"extra\""
            ],
            vec![
                "\"pw\"",
                "\"@a:example.org\"",
                "\"email\"",
                "\"a@example.org\""
            ],
        ),
        keyed(
            vec![
                "\"device_id\"",
                "\"device_\\u0069d\"",
                "\"initial_device_display_name\""
            ],
            vec!["\"D\"", "null"]
        ),
        keyed(vec!["\"refresh_token\""], vec!["true", "false"]),
    ]
}

#[test]
fn login_with_token_device_and_refresh() {
    let mut request = login::v3::Request::new(login::v3::LoginInfo::token("login-token"));
    request.device_id = Some("DEVICEB".into());
    request.refresh_token = true;
    let sent = request
        .try_into_http_request(HS, SendAccessToken::None, &server(&["v1.7"]))
        .unwrap();
    assert_eq!(
        body_json(sent.body()),
        json!({ "type": "m.login.token", "token": "login-token", "device_id": "DEVICEB", "refresh_token": true })
    );
    let incoming = login::v3::Request::try_from_http_request(sent, no_args()).unwrap();
    assert_eq!(
        incoming.login_info,
        login::v3::LoginInfo::token("login-token")
    );
    assert_eq!(incoming.device_id.unwrap().as_str(), "DEVICEB");
    assert!(incoming.refresh_token);
}

#[test]
fn login_as_application_service_sends_the_appservice_token() {
    let request = login::v3::Request::new(login::v3::LoginInfo::ApplicationService(
        login::v3::ApplicationService {
            identifier: UserIdentifier::user("_bridge_alice"),
        },
    ));
    let sent = request
        .clone()
        .try_into_http_request(
            HS,
            SendAccessToken::Appservice("as-token"),
            &server(&["v1.1"]),
        )
        .unwrap();
    assert_eq!(sent.headers()["authorization"], "Bearer as-token");
    assert_eq!(
        body_json(sent.body()),
        json!({ "type": "m.login.application_service", "identifier": { "type": "m.id.user", "user": "_bridge_alice" } })
    );
    // An ordinary user token is not sent to `POST /login`.
    let sent = request
        .try_into_http_request(HS, SendAccessToken::IfRequired("user"), &server(&["v1.1"]))
        .unwrap();
    assert!(!sent.headers().contains_key("authorization"));
}

#[test]
fn login_unknown_type_and_identifier_survive() {
    let body = json!({
        "type": "org.example.login.magic",
        "identifier": { "type": "org.example.id.badge", "badge": 42 },
        "spell": ["a", "b"],
        "device_id": "DEV"
    });
    let incoming = login::v3::Request::try_from_http_request(
        post("/_matrix/client/v3/login", &body),
        no_args(),
    )
    .unwrap();
    assert_eq!(incoming.login_info.login_type(), "org.example.login.magic");
    assert_eq!(incoming.device_id.as_ref().unwrap().as_str(), "DEV");
    let sent = incoming
        .try_into_http_request(HS, SendAccessToken::None, &server(&["v1.1"]))
        .unwrap();
    assert_eq!(body_json(sent.body()), body);
}

#[test]
fn login_missing_password_is_named_and_not_echoed() {
    let body =
        json!({ "type": "m.login.password", "identifier": { "type": "m.id.user", "user": "a" } });
    let err = login::v3::Request::try_from_http_request(
        post("/_matrix/client/v3/login", &body),
        no_args(),
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("missing field `password`"),
        "{err}"
    );
    assert_eq!(MatrixError::from(err).kind(), Some(&ErrorKind::BadJson));

    let wrong_type = json!({ "type": "m.login.password", "user": "a", "password": 123456 });
    let err = login::v3::Request::try_from_http_request(
        post("/_matrix/client/v3/login", &wrong_type),
        no_args(),
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("`password` must be a string"),
        "{err}"
    );
    assert!(!err.to_string().contains("123456"), "{err}");
}

#[test]
fn login_debug_hides_credentials() {
    let request =
        login::v3::Request::new(login::v3::LoginInfo::password("alice", "hunter2-secret"));
    let shown = format!("{request:?}");
    assert!(!shown.contains("hunter2-secret"), "{shown}");
    assert!(shown.contains("alice"), "{shown}");
    let token = format!("{:?}", login::v3::LoginInfo::token("tok-secret"));
    assert!(!token.contains("tok-secret"), "{token}");
}

#[test]
fn login_forbidden_is_a_matrix_error() {
    // login.yaml, POST /login, 403 example.
    let response = http::Response::builder()
        .status(403)
        .body(br#"{"errcode":"M_FORBIDDEN"}"#.to_vec())
        .unwrap();
    let err = login::v3::Response::try_from_http_response(response).unwrap_err();
    let FromHttpResponseError::Server(error) = err else {
        panic!()
    };
    assert_eq!(error.status, StatusCode::FORBIDDEN);
    assert_eq!(error.kind(), Some(&ErrorKind::Forbidden));
}

// ---- POST /refresh

#[test]
fn refresh_spec_examples_round_trip() {
    // refresh.yaml request and 200 examples.
    let request_example = json!({ "refresh_token": "some_token" });
    let sent = refresh_token::v3::Request::new("some_token".to_owned())
        .try_into_http_request(
            HS,
            SendAccessToken::IfRequired("ignored"),
            &server(&["v1.3"]),
        )
        .unwrap();
    assert_eq!(sent.uri().path(), "/_matrix/client/v3/refresh");
    // The refresh token authenticates this call; no access token goes with it.
    assert!(!sent.headers().contains_key("authorization"));
    assert_eq!(body_json(sent.body()), request_example);
    let incoming = refresh_token::v3::Request::try_from_http_request(sent, no_args()).unwrap();
    assert_eq!(incoming.refresh_token, "some_token");

    let response_example = json!({ "access_token": "a_new_token", "expires_in_ms": 60000, "refresh_token": "another_new_token" });
    let parsed =
        refresh_token::v3::Response::try_from_http_response(ok_response(&response_example))
            .unwrap();
    assert_eq!(parsed.expires_in, Some(Duration::from_secs(60)));
    let resent = parsed.try_into_http_response().unwrap();
    assert_eq!(body_json(resent.body()), response_example);
}

#[test]
fn refresh_paths_by_server() {
    let path = |versions: &[&str]| {
        refresh_token::v3::Request::new("t".to_owned())
            .try_into_http_request(HS, SendAccessToken::None, &server(versions))
            .unwrap()
            .uri()
            .path()
            .to_owned()
    };
    assert_eq!(
        path(&["r0.6.1", "v1.1", "v1.2"]),
        "/_matrix/client/unstable/org.matrix.msc2918/refresh"
    );
    assert_eq!(path(&["v1.3"]), "/_matrix/client/v3/refresh");
}

#[test]
fn refresh_soft_logout_401() {
    // refresh.yaml 401 example.
    let body =
        json!({ "errcode": "M_UNKNOWN_TOKEN", "error": "Soft logged out", "soft_logout": true });
    let response = http::Response::builder()
        .status(401)
        .body(serde_json::to_vec(&body).unwrap())
        .unwrap();
    let FromHttpResponseError::Server(error) =
        refresh_token::v3::Response::try_from_http_response(response).unwrap_err()
    else {
        panic!()
    };
    assert_eq!(
        error.kind(),
        Some(&ErrorKind::UnknownToken { soft_logout: true })
    );
    let resent = error.try_into_http_response().unwrap();
    assert_eq!(resent.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(body_json(resent.body()), body);
}

// ---- POST /logout, /logout/all

#[test]
fn logout_sends_no_body_and_gets_an_empty_object() {
    for (request, path) in [
        (
            logout::v3::Request::new().try_into_http_request(
                HS,
                SendAccessToken::IfRequired("tok"),
                &server(&["v1.1"]),
            ),
            "/_matrix/client/v3/logout",
        ),
        (
            logout_all::v3::Request::new().try_into_http_request(
                HS,
                SendAccessToken::IfRequired("tok"),
                &server(&["v1.1"]),
            ),
            "/_matrix/client/v3/logout/all",
        ),
    ] {
        let request = request.unwrap();
        assert_eq!(request.method(), Method::POST);
        assert_eq!(request.uri().path(), path);
        assert_eq!(request.headers()["authorization"], "Bearer tok");
        assert!(!request.headers().contains_key("content-type"));
        assert!(request.body().is_empty());
    }
    let r0 = logout_all::v3::Request::new()
        .try_into_http_request(HS, SendAccessToken::IfRequired("tok"), &server(&["r0.6.1"]))
        .unwrap();
    assert_eq!(r0.uri().path(), "/_matrix/client/r0/logout/all");
    let incoming = http::Request::post("/_matrix/client/r0/logout/all")
        .header("authorization", "Bearer tok")
        .body(Vec::new())
        .unwrap();
    logout_all::v3::Request::try_from_http_request(incoming, no_args()).unwrap();

    let sent = logout::v3::Response::new()
        .try_into_http_response()
        .unwrap();
    assert_eq!(body_json(sent.body()), json!({}));
    logout::v3::Response::try_from_http_response(ok_response(&json!({}))).unwrap();
}

#[test]
fn logout_without_token_answers_m_missing_token() {
    let request = http::Request::post("/_matrix/client/v3/logout")
        .body(Vec::new())
        .unwrap();
    let err = logout::v3::Request::try_from_http_request(request, no_args()).unwrap_err();
    assert_eq!(err, FromHttpRequestError::MissingAccessToken);
    let response = MatrixError::from(err).try_into_http_response().unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(body_json(response.body())["errcode"], "M_MISSING_TOKEN");

    let client_err = logout::v3::Request::new()
        .try_into_http_request(HS, SendAccessToken::None, &server(&["v1.1"]))
        .unwrap_err();
    assert!(
        client_err.to_string().contains("requires an access token"),
        "{client_err}"
    );
}

#[test]
fn logged_out_token_is_unknown_token() {
    let body = json!({ "errcode": "M_UNKNOWN_TOKEN", "error": "Invalid access token passed." });
    let response = http::Response::builder()
        .status(401)
        .body(serde_json::to_vec(&body).unwrap())
        .unwrap();
    let FromHttpResponseError::Server(error) =
        logout::v3::Response::try_from_http_response(response).unwrap_err()
    else {
        panic!()
    };
    let ErrorBody::Standard(standard) = &error.body else {
        panic!()
    };
    assert_eq!(
        standard.kind,
        ErrorKind::UnknownToken { soft_logout: false }
    );
}
