//! The axum glue (`matrix_api::axum`), driven in-process: routing by history and method, the
//! extractor (path parameters, body limit, empty bodies, the runtime's error answers), CORS, and
//! blocking handlers. The test-only endpoints of `matrix-api-tests` and some of
//! `matrix-client-api` are served by small handlers written here; the last test runs the
//! reference server over loopback.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::State;
use http::{HeaderMap, Method, Request, StatusCode};
use matrix_api::axum::{blocking, Incoming, Router};
use matrix_api::error::{ErrorKind, MatrixError};
use matrix_api::IncomingResponse;
use matrix_api_tests::{get_messages, get_state, ping, send_message, upload, TeapotError};
use matrix_client_api::uiaa::{AuthFlow, UiaaInfo, UiaaResponse};
use matrix_client_api::{account, discovery, session};
use serde_json::Value;
use tower::ServiceExt;

const LIMIT: usize = 1000;

/// What the handlers saw, one line per call.
#[derive(Clone, Default)]
struct Seen(Arc<Mutex<Vec<String>>>);

impl Seen {
    fn push(&self, line: String) {
        self.0.lock().unwrap().push(line);
    }

    fn lines(&self) -> Vec<String> {
        self.0.lock().unwrap().clone()
    }
}

async fn send(
    State(seen): State<Seen>,
    incoming: Incoming<send_message::Request>,
) -> Result<send_message::Response, MatrixError> {
    let request = incoming.request;
    let token = incoming.access_token.unwrap_or_default();
    seen.push(format!(
        "send {} {} {} as {token}",
        request.room_id, request.event_type, request.txn_id
    ));
    Ok(send_message::Response {
        event_id: "$sent".try_into().unwrap(),
    })
}

async fn messages(
    incoming: Incoming<get_messages::Request>,
) -> Result<get_messages::Response, MatrixError> {
    Ok(get_messages::Response {
        start: incoming.request.room_id.to_string(),
        end: None,
        chunk: Vec::new(),
    })
}

async fn state(
    State(seen): State<Seen>,
    incoming: Incoming<get_state::Request>,
) -> Result<get_state::Response, MatrixError> {
    let request = incoming.request;
    seen.push(format!(
        "state {} {} `{}`",
        request.room_id, request.event_type, request.state_key
    ));
    Ok(get_state::Response {
        state_key: request.state_key,
    })
}

async fn echo_upload(incoming: Incoming<upload::Request>) -> Result<upload::Response, MatrixError> {
    Ok(upload::Response {
        content_type: incoming.request.content_type,
        etag: None,
        echo: incoming.request.file,
    })
}

/// Any axum extractor may come before `Incoming`; the endpoint's own error type is answered.
async fn teapot(
    headers: HeaderMap,
    _: Incoming<ping::Request>,
) -> Result<ping::Response, TeapotError> {
    let text = headers
        .get("x-brew")
        .map_or("", |v| v.to_str().unwrap_or(""));
    Err(TeapotError {
        text: format!("no coffee, {text}"),
    })
}

/// A UIA endpoint: the first call, without `auth`, starts a session.
async fn get_token(
    incoming: Incoming<session::get_login_token::v1::Request>,
) -> Result<session::get_login_token::v1::Response, UiaaResponse> {
    match incoming.request.auth {
        None => {
            let mut info = UiaaInfo::new(vec![AuthFlow::new(vec!["m.login.password".into()])]);
            info.session = Some("uia_1".to_owned());
            Err(UiaaResponse::AuthResponse(info))
        }
        // A MatrixError converts into the endpoint's error type.
        Some(_) => Err(MatrixError::new(
            StatusCode::FORBIDDEN,
            ErrorKind::Forbidden,
            "no password is right here",
        ))?,
    }
}

async fn login_types(
    _: Incoming<session::get_login_types::v3::Request>,
) -> Result<session::get_login_types::v3::Response, MatrixError> {
    use session::get_login_types::v3::{LoginType, Response};
    Ok(Response::new(vec![LoginType::Password]))
}

fn login(
    seen: Seen,
    _: Incoming<session::login::v3::Request>,
) -> Result<session::login::v3::Response, MatrixError> {
    seen.push("login".to_owned());
    Ok(session::login::v3::Response::new(
        "@alice:example.org".try_into().unwrap(),
        "syt_token".to_owned(),
        "DEVICE".into(),
    ))
}

fn whoami(
    _: Seen,
    _: Incoming<account::whoami::v3::Request>,
) -> Result<account::whoami::v3::Response, MatrixError> {
    panic!("a bug in the handler");
}

async fn well_known(
    _: Incoming<discovery::discover_homeserver::Request>,
) -> Result<discovery::discover_homeserver::Response, MatrixError> {
    Ok(discovery::discover_homeserver::Response::new(
        session::login::v3::HomeserverInfo {
            base_url: "https://matrix.example.org".to_owned(),
        },
    ))
}

fn app(seen: &Seen) -> axum::Router {
    Router::new()
        .body_limit(LIMIT)
        .endpoint(send)
        .endpoint(messages)
        .endpoint(state)
        .endpoint(echo_upload)
        .endpoint(teapot)
        .endpoint(get_token)
        .endpoint(login_types)
        .endpoint(blocking(login))
        .endpoint(blocking(whoami))
        .endpoint(well_known)
        .with_state(seen.clone())
}

struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or(Value::Null)
    }

    fn errcode(&self) -> (u16, String) {
        let errcode = self.json()["errcode"].as_str().unwrap_or("").to_owned();
        (self.status.as_u16(), errcode)
    }

    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .map_or("", |value| value.to_str().unwrap())
    }

    fn http(&self) -> http::Response<Vec<u8>> {
        let mut response = http::Response::new(self.body.to_vec());
        *response.status_mut() = self.status;
        *response.headers_mut() = self.headers.clone();
        response
    }
}

async fn call(app: &axum::Router, request: Request<Body>) -> Answer {
    let response = app.clone().oneshot(request).await.unwrap();
    let (parts, body) = response.into_parts();
    Answer {
        status: parts.status,
        headers: parts.headers,
        body: axum::body::to_bytes(body, usize::MAX).await.unwrap(),
    }
}

fn request(method: &str, path: &str, body: impl Into<Body>) -> Request<Body> {
    Request::builder()
        .method(method)
        .uri(path)
        .header("authorization", "Bearer syt_token")
        .body(body.into())
        .unwrap()
}

#[tokio::test]
async fn a_handler_registered_once_answers_on_every_path_of_its_history() {
    let seen = Seen::default();
    let app = app(&seen);
    let mut paths = 0;
    for template in send_message::METADATA.history.all_paths() {
        let path = template
            .replace("{room_id}", "!r:example.org")
            .replace("{event_type}", "m.room.message")
            .replace("{txn_id}", &format!("t{paths}"));
        let answer = call(&app, request("PUT", &path, "{}")).await;
        assert_eq!(answer.status, 200, "{path}: {:?}", answer.body);
        assert_eq!(answer.json()["event_id"], "$sent");
        paths += 1;
    }
    assert_eq!(paths, 2, "r0 and v3");
    assert_eq!(
        seen.lines(),
        [
            "send !r:example.org m.room.message t0 as syt_token",
            "send !r:example.org m.room.message t1 as syt_token",
        ]
    );

    // Unstable and stable paths alike.
    let uploads: Vec<&str> = upload::METADATA.history.all_paths().collect();
    assert_eq!(uploads.len(), 2);
    for path in uploads {
        let mut request = request("POST", path, "bytes");
        request
            .headers_mut()
            .insert("content-type", "text/plain".parse().unwrap());
        let answer = call(&app, request).await;
        assert_eq!(answer.status, 201, "{path}");
        assert_eq!(&answer.body[..], b"bytes");
        assert_eq!(answer.header("content-type"), "text/plain");
    }
}

#[tokio::test]
async fn an_empty_last_parameter_is_routed_with_or_without_its_segment() {
    let seen = Seen::default();
    let nested = axum::Router::new().nest("/tenants/{tenant}", app(&seen));
    for version in ["r0", "v3"] {
        let base = format!("/_matrix/client/{version}/rooms/%21r%3Ax/state/m.room.name");
        for (path, key) in [
            (base.clone(), ""),
            (format!("{base}/"), ""),
            (format!("{base}/%40alice%3Ax"), "@alice:x"),
        ] {
            for (app, path) in [
                (app(&seen), path.clone()),
                (nested.clone(), format!("/tenants/t{path}")),
            ] {
                let answer = call(&app, request("GET", &path, Body::empty())).await;
                assert_eq!(answer.status, 200, "{path}: {:?}", answer.body);
                assert_eq!(answer.json()["state_key"], key, "{path}");
            }
        }
    }
    assert_eq!(seen.lines().len(), 12);
    assert!(seen
        .lines()
        .iter()
        .all(|line| line.starts_with("state !r:x m.room.name")));
    // Only the last segment may be left out.
    let short = "/_matrix/client/v3/rooms/%21r%3Ax/state";
    let answer = call(&app(&seen), request("GET", short, Body::empty())).await;
    assert_eq!(answer.errcode(), (404, "M_UNRECOGNIZED".to_owned()));
}

#[tokio::test]
async fn a_well_known_document_is_served_at_the_root_without_a_token() {
    let app = app(&Seen::default());
    let get = Request::get("/.well-known/matrix/client")
        .body(Body::empty())
        .unwrap();
    let answer = call(&app, get).await;
    assert_eq!(answer.status, StatusCode::OK);
    let read =
        discovery::discover_homeserver::Response::try_from_http_response(answer.http()).unwrap();
    assert_eq!(read.homeserver.base_url, "https://matrix.example.org");
    // Only the root: the document has no versioned path under `/_matrix`.
    let under_matrix = call(
        &app,
        request("GET", "/_matrix/client/v3/.well-known/matrix/client", ""),
    )
    .await;
    assert_eq!(under_matrix.errcode(), (404, "M_UNRECOGNIZED".to_owned()));
}

#[tokio::test]
async fn head_is_answered_for_a_get_endpoint() {
    let app = app(&Seen::default());
    let path = "/_matrix/client/v3/rooms/!r:example.org/messages?dir=b";
    let get = call(&app, request("GET", path, Body::empty())).await;
    assert_eq!(get.status, 200);
    assert_eq!(get.json()["start"], "!r:example.org");
    let head = call(&app, request("HEAD", path, Body::empty())).await;
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
}

#[tokio::test]
async fn path_parameters_are_percent_decoded_from_the_matched_path() {
    let seen = Seen::default();
    let path = "/_matrix/client/v3/rooms/%21room%3Aexample.org/send/m.room.message/a%2Fb";
    let answer = call(&app(&seen), request("PUT", path, "{}")).await;
    assert_eq!(answer.status, 200, "{:?}", answer.body);
    // Nested under a path with a parameter of its own, the endpoint's arguments are still its.
    let nested = axum::Router::new().nest("/tenants/{tenant}", app(&seen));
    let answer = call(
        &nested,
        request("PUT", &format!("/tenants/acme{path}"), "{}"),
    )
    .await;
    assert_eq!(answer.status, 200, "{:?}", answer.body);
    assert_eq!(
        seen.lines(),
        [
            "send !room:example.org m.room.message a/b as syt_token",
            "send !room:example.org m.room.message a/b as syt_token",
        ]
    );

    // A malformed escape, which axum would keep as text, is refused naming the segment.
    let path = "/_matrix/client/v3/rooms/%21room%3Aexample.org/send/m.room.message/a%zz";
    let answer = call(&app(&seen), request("PUT", path, "{}")).await;
    assert_eq!(answer.errcode(), (400, "M_INVALID_PARAM".to_owned()));
    let message = answer.json()["error"].as_str().unwrap().to_owned();
    assert!(
        message.contains("`{txn_id}`") && message.contains("%zz"),
        "{message}"
    );
}

#[tokio::test]
async fn an_oversized_body_gets_413_m_too_large() {
    let app = app(&Seen::default());
    let upload = |size: usize, declared: bool| {
        let mut request = request("POST", "/_matrix/media/v3/upload", vec![b'x'; size]);
        request
            .headers_mut()
            .insert("content-type", "text/plain".parse().unwrap());
        if declared {
            request
                .headers_mut()
                .insert("content-length", size.to_string().parse().unwrap());
        }
        request
    };
    assert_eq!(call(&app, upload(LIMIT, true)).await.status, 201);
    assert_eq!(call(&app, upload(LIMIT, false)).await.status, 201);
    // Refused from `Content-Length`, and while reading a body sent without one.
    for declared in [true, false] {
        let answer = call(&app, upload(LIMIT + 1, declared)).await;
        assert_eq!(answer.errcode(), (413, "M_TOO_LARGE".to_owned()));
        let message = answer.json()["error"].as_str().unwrap().to_owned();
        assert!(message.contains("1000 bytes"), "{message}");
    }
}

#[tokio::test]
async fn an_empty_post_body_starts_uia() {
    let app = app(&Seen::default());
    let answer = call(
        &app,
        request("POST", "/_matrix/client/v1/login/get_token", Body::empty()),
    )
    .await;
    assert_eq!(answer.status, 401);
    let parsed = session::get_login_token::v1::Response::try_from_http_response(answer.http());
    match parsed {
        Err(matrix_api::FromHttpResponseError::Server(UiaaResponse::AuthResponse(info))) => {
            assert_eq!(info.flows[0].stages, ["m.login.password"]);
            assert_eq!(info.session.as_deref(), Some("uia_1"));
        }
        other => panic!("expected a UIA answer, got {other:?}"),
    }
    // With `auth`, the handler's MatrixError is answered through the endpoint's error type.
    let body = r#"{"auth":{"type":"m.login.password","identifier":{"type":"m.id.user","user":"a"},"password":"p","session":"uia_1"}}"#;
    let answer = call(
        &app,
        request(
            "POST",
            "/_matrix/client/unstable/org.matrix.msc3882/login/get_token",
            body,
        ),
    )
    .await;
    assert_eq!(answer.errcode(), (403, "M_FORBIDDEN".to_owned()));
}

#[tokio::test]
async fn requests_that_do_not_read_get_the_errors_of_the_specification() {
    let app = app(&Seen::default());
    let login = "/_matrix/client/v3/login";

    let answer = call(&app, request("POST", login, "{not json")).await;
    assert_eq!(answer.errcode(), (400, "M_NOT_JSON".to_owned()));

    let wrong =
        r#"{"type":"m.login.password","identifier":{"type":"m.id.user","user":"a"},"password":5}"#;
    let answer = call(&app, request("POST", login, wrong)).await;
    assert_eq!(answer.errcode(), (400, "M_BAD_JSON".to_owned()));
    assert!(
        answer.json()["error"]
            .as_str()
            .unwrap()
            .contains("password"),
        "{:?}",
        answer.json()
    );

    let anonymous = Request::get("/_matrix/client/v3/account/whoami")
        .body(Body::empty())
        .unwrap();
    let answer = call(&app, anonymous).await;
    assert_eq!(answer.errcode(), (401, "M_MISSING_TOKEN".to_owned()));

    let answer = call(&app, request("GET", "/_matrix/client/v3/nothing", "")).await;
    assert_eq!(answer.errcode(), (404, "M_UNRECOGNIZED".to_owned()));

    let answer = call(
        &app,
        request("GET", "/_matrix/client/v1/login/get_token", ""),
    )
    .await;
    assert_eq!(answer.errcode(), (405, "M_UNRECOGNIZED".to_owned()));
    assert!(answer.json()["error"]
        .as_str()
        .unwrap()
        .contains("takes POST"));
    assert_eq!(answer.header("allow"), "POST, OPTIONS");

    // Two endpoints on one path: each method reaches its own, others are refused naming both.
    let answer = call(&app, request("PUT", login, "{}")).await;
    assert_eq!(answer.errcode(), (405, "M_UNRECOGNIZED".to_owned()));
    assert_eq!(answer.header("allow"), "GET, POST, HEAD, OPTIONS");
    assert!(answer.json()["error"]
        .as_str()
        .unwrap()
        .contains("takes GET, POST"));
    let answer = call(&app, request("GET", login, Body::empty())).await;
    assert_eq!(answer.json()["flows"][0]["type"], "m.login.password");
}

#[tokio::test]
async fn every_answer_carries_cors_headers_and_preflights_run_no_endpoint() {
    let seen = Seen::default();
    let app = app(&seen);
    let cors = |answer: &Answer| {
        [
            answer.header("access-control-allow-origin").to_owned(),
            answer.header("access-control-allow-methods").to_owned(),
            answer.header("access-control-allow-headers").to_owned(),
        ]
    };
    let expected = [
        "*",
        "GET, POST, PUT, DELETE, OPTIONS",
        "X-Requested-With, Content-Type, Authorization",
    ];
    for path in ["/_matrix/client/v3/login", "/_matrix/client/v3/nothing"] {
        let preflight = Request::builder()
            .method(Method::OPTIONS)
            .uri(path)
            .header("origin", "https://app.example")
            .header("access-control-request-method", "POST")
            .body(Body::empty())
            .unwrap();
        let answer = call(&app, preflight).await;
        assert_eq!(answer.status, 204, "{path}");
        assert!(answer.body.is_empty());
        assert_eq!(cors(&answer), expected, "{path}");
    }
    assert!(seen.lines().is_empty(), "a preflight ran a handler");

    let answers = [
        request("POST", "/_matrix/client/v3/login", "{}"),
        request("GET", "/_matrix/client/v3/nothing", ""),
        request("DELETE", "/_matrix/client/v3/login", ""),
        request("POST", "/_matrix/client/v3/login", "{"),
        request("POST", "/_matrix/media/v3/upload", vec![0; LIMIT + 1]),
    ];
    for request in answers {
        let what = format!("{} {}", request.method(), request.uri());
        let answer = call(&app, request).await;
        assert_eq!(cors(&answer), expected, "{what}: {}", answer.status);
    }
}

#[tokio::test]
async fn cors_announces_methods_beyond_the_recommended_ones() {
    mod patch_thing {
        use matrix_api::{metadata, request, response, Metadata};
        const METADATA: Metadata = metadata! {
            method: PATCH,
            rate_limited: false,
            authentication: None,
            history: { 1.1 => "/_matrix/client/v3/thing" }
        };
        #[request]
        pub struct Request {}
        #[response]
        pub struct Response {}
    }
    async fn patch(
        _: Incoming<patch_thing::Request>,
    ) -> Result<patch_thing::Response, MatrixError> {
        Ok(patch_thing::Response {})
    }
    let app: axum::Router = Router::new().endpoint(patch).into_axum();
    let answer = call(&app, request("PATCH", "/_matrix/client/v3/thing", "{}")).await;
    assert_eq!(answer.status, 200);
    assert_eq!(
        answer.header("access-control-allow-methods"),
        "GET, POST, PUT, DELETE, OPTIONS, PATCH"
    );
}

#[tokio::test]
async fn routes_merged_in_get_the_cors_headers_too() {
    let well_known = axum::Router::new().route(
        "/.well-known/matrix/client",
        axum::routing::get(|| async { r#"{"m.homeserver":{"base_url":"https://hs"}}"# }),
    );
    let app: axum::Router = Router::new()
        .endpoint(login_types)
        .merge(well_known)
        .into_axum();
    let answer = call(&app, request("GET", "/.well-known/matrix/client", "")).await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.json()["m.homeserver"]["base_url"], "https://hs");
    assert_eq!(answer.header("access-control-allow-origin"), "*");
    let answer = call(&app, request("GET", "/_matrix/client/r0/login", "")).await;
    assert_eq!(answer.status, 200);
}

#[tokio::test]
async fn blocking_handlers_get_the_state_and_a_panic_is_a_500() {
    let seen = Seen::default();
    let app = app(&seen);
    let body = r#"{"type":"m.login.token","token":"t"}"#;
    let answer = call(&app, request("POST", "/_matrix/client/r0/login", body)).await;
    assert_eq!(answer.status, 200, "{:?}", answer.body);
    assert_eq!(answer.json()["access_token"], "syt_token");
    assert_eq!(seen.lines(), ["login"]);

    let answer = call(
        &app,
        request("GET", "/_matrix/client/v3/account/whoami", ""),
    )
    .await;
    assert_eq!(answer.errcode(), (500, "M_UNKNOWN".to_owned()));
}

#[tokio::test]
async fn an_endpoint_error_type_of_its_own_is_answered_as_it_writes_itself() {
    let app = app(&Seen::default());
    let mut order = request("POST", "/_matrix/client/unstable/org.example.ping", "");
    order
        .headers_mut()
        .insert("x-brew", "please".parse().unwrap());
    let answer = call(&app, order).await;
    assert_eq!(answer.status, 418);
    assert_eq!(&answer.body[..], b"no coffee, please");

    // A request that does not read is answered with the standard body all the same.
    mod brew {
        use matrix_api::{metadata, request, response, Metadata};
        const METADATA: Metadata = metadata! {
            method: POST,
            rate_limited: false,
            authentication: None,
            history: { 1.1 => "/_matrix/client/v3/brew" }
        };
        #[request(error = matrix_api_tests::TeapotError)]
        pub struct Request {
            pub strength: u8,
        }
        #[response(error = matrix_api_tests::TeapotError)]
        pub struct Response {}
    }
    async fn brew(incoming: Incoming<brew::Request>) -> Result<brew::Response, TeapotError> {
        Err(TeapotError {
            text: format!("strength {}", incoming.request.strength),
        })
    }
    let app: axum::Router = Router::new().endpoint(brew).into_axum();
    let answer = call(
        &app,
        request("POST", "/_matrix/client/v3/brew", r#"{"strength":9}"#),
    )
    .await;
    assert_eq!(
        (answer.status.as_u16(), &answer.body[..]),
        (418, &b"strength 9"[..])
    );
    let answer = call(&app, request("POST", "/_matrix/client/v3/brew", "[")).await;
    assert_eq!(answer.errcode(), (400, "M_NOT_JSON".to_owned()));
}

#[test]
#[should_panic(expected = "is served by two endpoints")]
fn two_endpoints_with_one_method_on_one_path_are_refused() {
    async fn send_again(
        incoming: Incoming<send_message::Request>,
    ) -> Result<send_message::Response, MatrixError> {
        send(State(Seen::default()), incoming).await
    }
    let _: Router<Seen> = Router::new().endpoint(send).endpoint(send_again);
}

/// The reference server, over loopback: a real client's first `get_token` call sends no body.
#[tokio::test]
async fn the_reference_server_starts_uia_on_an_empty_body() {
    let config = matrix_api_server::ServerConfig::new("localhost").with_user("alice", "pw");
    let address = "127.0.0.1:0".parse().unwrap();
    let server = matrix_api_server::Server::bind(address, config)
        .await
        .unwrap()
        .spawn();
    let http = reqwest::Client::new();
    let login = http
        .post(format!("{}/_matrix/client/v3/login", server.base_url()))
        .body(r#"{"type":"m.login.password","identifier":{"type":"m.id.user","user":"alice"},"password":"pw"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 200);
    let login: Value = serde_json::from_slice(&login.bytes().await.unwrap()).unwrap();
    let token = login["access_token"].as_str().unwrap();

    let start = http
        .post(format!(
            "{}/_matrix/client/v1/login/get_token",
            server.base_url()
        ))
        .bearer_auth(token)
        .timeout(Duration::from_secs(10))
        .send()
        .await
        .unwrap();
    assert_eq!(start.status(), 401);
    let body: Value = serde_json::from_slice(&start.bytes().await.unwrap()).unwrap();
    assert_eq!(body["flows"][0]["stages"][0], "m.login.password");
    assert!(body["session"].is_string(), "{body}");
}
