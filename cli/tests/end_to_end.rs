//! The `matrix-login` client code against the reference server, over real HTTP on loopback:
//! the whole hand-over, and every error the server promises.

use std::time::Duration;

use matrix_api::error::{ErrorKind, MatrixError};
use matrix_api::selection::Policy;
use matrix_api_server::{RateLimit, Server, ServerConfig, SsoProvider};
use matrix_client_api::discovery::get_capabilities;
use matrix_client_api::session::{get_login_types, login, refresh_token, sso_login};
use matrix_client_api::uiaa::UiaaResponse;
use matrix_login::flow::{self, Client, ClientError, LoggedIn};
use serde_json::{json, Value};

mod common;

use common::{one_object, run_cli};

const USER: &str = "alice";
const PASSWORD: &str = "correct horse";

fn config() -> ServerConfig {
    ServerConfig::new("localhost")
        .with_user(USER, PASSWORD)
        .with_user("bob", "bob's password")
}

async fn start(config: ServerConfig) -> (matrix_api_server::RunningServer, Client) {
    let server = Server::bind("127.0.0.1:0".parse().unwrap(), config)
        .await
        .unwrap()
        .spawn();
    let client = flow::connect(server.base_url(), Policy::Default).unwrap();
    flow::discover(&client).await.unwrap();
    (server, client)
}

fn matrix_kind<E>(err: &ClientError<E>) -> Option<ErrorKind>
where
    E: AsMatrixError,
{
    err.server_error()
        .and_then(AsMatrixError::as_matrix)
        .and_then(|e| e.kind().cloned())
}

trait AsMatrixError {
    fn as_matrix(&self) -> Option<&MatrixError>;
}

impl AsMatrixError for MatrixError {
    fn as_matrix(&self) -> Option<&MatrixError> {
        Some(self)
    }
}

impl AsMatrixError for UiaaResponse {
    fn as_matrix(&self) -> Option<&MatrixError> {
        match self {
            UiaaResponse::MatrixError(err) => Some(err),
            UiaaResponse::AuthResponse(_) => None,
        }
    }
}

async fn logged_in(client: &Client, device: &str) -> LoggedIn {
    flow::password_login(client, USER, PASSWORD, Some(device))
        .await
        .unwrap()
}

#[tokio::test]
async fn the_whole_hand_over() {
    let (_server, client) = start(config()).await;
    // Discovery: v1.1 to the newest, so the stable path is chosen.
    let view = client.view();
    assert_eq!(
        view.version_names().first().map(String::as_str),
        Some("v1.1")
    );
    let decisions = flow::decisions(&client).await.unwrap();
    let get_token = decisions
        .iter()
        .find(|d| d.endpoint.ends_with("/login/get_token"))
        .unwrap();
    assert_eq!(
        get_token.decision.path(),
        Ok("/_matrix/client/v1/login/get_token")
    );

    let device_a = logged_in(&client, "device A").await;
    assert_eq!(device_a.user_id.as_str(), "@alice:localhost");

    let mut uia_seen = None;
    let token = flow::request_login_token(
        &device_a.client(&client),
        &device_a.user_id,
        PASSWORD,
        |info| {
            uia_seen = Some((info.flows[0].stages.clone(), info.session.clone()));
        },
    )
    .await
    .unwrap();
    let (stages, session) = uia_seen.expect("the server asked for UIA");
    assert_eq!(stages, ["m.login.password"]);
    assert!(session.is_some());
    assert_eq!(token.expires_in, Duration::from_secs(120));

    let device_b = flow::token_login(&client, &token.token, Some("device B"))
        .await
        .unwrap();
    assert_eq!(device_b.user_id, device_a.user_id);
    assert_ne!(device_b.device_id, device_a.device_id);
    let me = flow::whoami(&device_b.client(&client)).await.unwrap();
    assert_eq!(
        (me.user_id, me.device_id),
        (device_b.user_id.clone(), Some(device_b.device_id.clone()))
    );

    let reuse = flow::token_login(&client, &token.token, None)
        .await
        .unwrap_err();
    assert_eq!(matrix_kind(&reuse), Some(ErrorKind::Forbidden));
    assert_eq!(
        reuse.server_error().unwrap().status,
        http::StatusCode::FORBIDDEN
    );

    flow::logout(&device_b.client(&client)).await.unwrap();
    let after = flow::whoami(&device_b.client(&client)).await.unwrap_err();
    assert_eq!(
        matrix_kind(&after),
        Some(ErrorKind::UnknownToken { soft_logout: false })
    );
    // Device A is untouched by B's logout.
    flow::whoami(&device_a.client(&client)).await.unwrap();
}

#[tokio::test]
async fn logout_all_ends_every_session() {
    let (_server, client) = start(config()).await;
    let a = logged_in(&client, "A").await;
    let b = logged_in(&client, "B").await;
    let bob = flow::password_login(&client, "bob", "bob's password", None)
        .await
        .unwrap();
    a.client(&client)
        .send(matrix_client_api::session::logout_all::v3::Request::new())
        .await
        .unwrap();
    for session in [&a, &b] {
        let err = flow::whoami(&session.client(&client)).await.unwrap_err();
        assert_eq!(
            matrix_kind(&err),
            Some(ErrorKind::UnknownToken { soft_logout: false })
        );
    }
    // Another user's session survives.
    flow::whoami(&bob.client(&client)).await.unwrap();
}

#[tokio::test]
async fn wrong_password_in_the_uia_round() {
    let (_server, client) = start(config()).await;
    let device = logged_in(&client, "A").await;
    let err = flow::request_login_token(
        &device.client(&client),
        &device.user_id,
        "wrong password",
        |_| {},
    )
    .await
    .unwrap_err();
    let Some(UiaaResponse::AuthResponse(info)) = err.server_error() else {
        panic!("{err:?}")
    };
    let auth_error = info
        .auth_error
        .as_ref()
        .expect("the failed stage carries an error");
    assert_eq!(auth_error.kind, ErrorKind::Forbidden);
    assert!(info.session.is_some());
}

#[tokio::test]
async fn wrong_password_login_is_forbidden() {
    let (_server, client) = start(config()).await;
    let err = flow::password_login(&client, USER, "nope", None)
        .await
        .unwrap_err();
    assert_eq!(matrix_kind(&err), Some(ErrorKind::Forbidden));
    let err = flow::password_login(&client, "nobody", PASSWORD, None)
        .await
        .unwrap_err();
    assert_eq!(matrix_kind(&err), Some(ErrorKind::Forbidden));
}

#[tokio::test]
async fn a_token_logs_in_exactly_once_under_concurrency() {
    let (_server, client) = start(config()).await;
    let device = logged_in(&client, "A").await;
    let token =
        flow::request_login_token(&device.client(&client), &device.user_id, PASSWORD, |_| {})
            .await
            .unwrap();
    let attempts: Vec<_> = (0..8)
        .map(|i| {
            let (client, token) = (client.with_session(None), token.token.clone());
            tokio::spawn(
                async move { flow::token_login(&client, &token, Some(&format!("D{i}"))).await },
            )
        })
        .collect();
    let mut successes = 0;
    for attempt in attempts {
        match attempt.await.unwrap() {
            Ok(_) => successes += 1,
            Err(err) => assert_eq!(matrix_kind(&err), Some(ErrorKind::Forbidden)),
        }
    }
    assert_eq!(successes, 1);
}

#[tokio::test]
async fn login_tokens_are_rate_limited() {
    let mut config = config();
    config.login_token_rate_limit = RateLimit {
        tokens: 1,
        per: Duration::from_millis(600),
    };
    let (server, client) = start(config).await;
    let device = logged_in(&client, "A").await;
    flow::request_login_token(&device.client(&client), &device.user_id, PASSWORD, |_| {})
        .await
        .unwrap();

    let err = flow::request_login_token(&device.client(&client), &device.user_id, PASSWORD, |_| {})
        .await
        .unwrap_err();
    let Some(UiaaResponse::MatrixError(error)) = err.server_error() else {
        panic!("{err:?}")
    };
    assert_eq!(error.status, http::StatusCode::TOO_MANY_REQUESTS);
    let Some(ErrorKind::LimitExceeded {
        retry_after_ms: Some(ms),
    }) = error.kind()
    else {
        panic!("{error:?}")
    };
    assert!(*ms > 0 && *ms <= 600, "{ms}");

    // The raw answer also carries Retry-After, in whole seconds.
    let raw = reqwest::Client::new()
        .post(format!(
            "{}/_matrix/client/v1/login/get_token",
            server.base_url()
        ))
        .bearer_auth(&device.access_token)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(raw.status(), 429);
    assert_eq!(raw.headers()["retry-after"], "1");

    // Another user is not affected, and the limit lifts after its period.
    let bob = flow::password_login(&client, "bob", "bob's password", None)
        .await
        .unwrap();
    flow::request_login_token(&bob.client(&client), &bob.user_id, "bob's password", |_| {})
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(650)).await;
    flow::request_login_token(&device.client(&client), &device.user_id, PASSWORD, |_| {})
        .await
        .unwrap();
}

#[tokio::test]
async fn expired_login_tokens_are_refused() {
    let mut config = config();
    config.login_token_lifetime = Duration::from_millis(100);
    let (_server, client) = start(config).await;
    let device = logged_in(&client, "A").await;
    let token =
        flow::request_login_token(&device.client(&client), &device.user_id, PASSWORD, |_| {})
            .await
            .unwrap();
    assert_eq!(token.expires_in, Duration::from_millis(100));
    tokio::time::sleep(Duration::from_millis(150)).await;
    let err = flow::token_login(&client, &token.token, None)
        .await
        .unwrap_err();
    assert_eq!(matrix_kind(&err), Some(ErrorKind::Forbidden));
    assert!(err.to_string().contains("expired"), "{err}");
}

#[tokio::test]
async fn discovery_capabilities_and_login_types() {
    let (_server, client) = start(config()).await;
    let device = logged_in(&client, "A").await;
    let capabilities = device
        .client(&client)
        .send(get_capabilities::v3::Request::new())
        .await
        .unwrap()
        .capabilities;
    assert_eq!(capabilities.get_login_token.map(|c| c.enabled), Some(true));

    let flows = client
        .send(get_login_types::v3::Request::new())
        .await
        .unwrap()
        .flows;
    assert_eq!(flows[0], get_login_types::v3::LoginType::Password);
    assert_eq!(
        flows[1],
        get_login_types::v3::LoginType::Token(get_login_types::v3::TokenLoginType {
            get_login_token: true
        })
    );
}

#[tokio::test]
async fn refresh_tokens() {
    let (_server, client) = start(config()).await;
    let mut request = login::v3::Request::new(login::v3::LoginInfo::password(USER, PASSWORD));
    request.refresh_token = true;
    let response = client.send(request).await.unwrap();
    let refresh = response
        .refresh_token
        .clone()
        .expect("a refresh token was asked for");
    assert_eq!(response.expires_in, Some(Duration::from_secs(300)));

    let refreshed = client
        .send(refresh_token::v3::Request::new(refresh.clone()))
        .await
        .unwrap();
    assert_ne!(refreshed.access_token, response.access_token);
    let old = flow::whoami(&client.with_session(Some(response.access_token.clone())))
        .await
        .unwrap_err();
    assert_eq!(
        matrix_kind(&old),
        Some(ErrorKind::UnknownToken { soft_logout: false })
    );
    flow::whoami(&client.with_session(Some(refreshed.access_token.clone())))
        .await
        .unwrap();
    // Once the new token is used, the old refresh token is revoked.
    let err = client
        .send(refresh_token::v3::Request::new(refresh))
        .await
        .unwrap_err();
    assert_eq!(
        matrix_kind(&err),
        Some(ErrorKind::UnknownToken { soft_logout: false })
    );
}

#[tokio::test]
async fn sso_redirects() {
    let (_server, client) = start(config()).await;
    let err = client
        .send(sso_login::v3::Request::new(
            "https://app.example/done".to_owned(),
        ))
        .await
        .unwrap_err();
    assert_eq!(matrix_kind(&err), Some(ErrorKind::Unrecognized));
    assert_eq!(
        err.server_error().unwrap().status,
        http::StatusCode::NOT_FOUND
    );

    let mut config = config();
    config.sso_provider = Some(SsoProvider {
        id: "example".to_owned(),
        name: "Example".to_owned(),
        authorize_url: "https://idp.example/authorize".to_owned(),
    });
    let (server, client) = start(config).await;
    // A client that does not follow redirects sees the 302 and its Location.
    let location = client
        .send(sso_login::v3::Request::new(
            "https://app.example/done?x=1".to_owned(),
        ))
        .await;
    // reqwest follows redirects by default, which would leave loopback; ask without following.
    drop(location);
    let raw = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(format!("{}/_matrix/client/v3/login/sso/redirect/example?redirectUrl=https%3A%2F%2Fapp.example%2Fdone", server.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(raw.status(), 302);
    assert_eq!(
        raw.headers()["location"],
        "https://idp.example/authorize?redirectUrl=https%3A%2F%2Fapp.example%2Fdone"
    );
}

async fn raw(
    server: &matrix_api_server::RunningServer,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: &str,
) -> (u16, Value) {
    let mut request = reqwest::Client::new()
        .request(
            method.parse().unwrap(),
            format!("{}{path}", server.base_url()),
        )
        .body(body.to_owned());
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (
        status,
        serde_json::from_slice(&response.bytes().await.unwrap()).unwrap_or(Value::Null),
    )
}

/// Browsers, where matrix-js-sdk usually runs, send an `OPTIONS` preflight before any request
/// with an `Authorization` or JSON `Content-Type` header and show the page no answer without
/// CORS headers (specification: Client-Server API, "Web Browser Clients").
#[tokio::test]
async fn browsers_get_cors_headers_and_preflight_answers() {
    let (server, client) = start(config()).await;
    let device = logged_in(&client, "A").await;
    let http = reqwest::Client::new();
    let cors = |response: &reqwest::Response| {
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_owned()
        };
        (
            header("access-control-allow-origin"),
            header("access-control-allow-methods"),
            header("access-control-allow-headers"),
        )
    };
    let expected = (
        "*".to_owned(),
        "GET, POST, PUT, DELETE, OPTIONS".to_owned(),
        "X-Requested-With, Content-Type, Authorization".to_owned(),
    );

    // The preflight of get_token: 204, and no endpoint logic (no UIA session, no 401).
    for path in [
        "/_matrix/client/v1/login/get_token",
        "/_matrix/client/v3/login",
        "/_matrix/client/v3/nothing/here",
    ] {
        let response = http
            .request(
                reqwest::Method::OPTIONS,
                format!("{}{path}", server.base_url()),
            )
            .header("origin", "https://app.example")
            .header("access-control-request-method", "POST")
            .header(
                "access-control-request-headers",
                "authorization, content-type",
            )
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 204, "{path}");
        assert_eq!(cors(&response), expected, "{path}");
        assert!(response.bytes().await.unwrap().is_empty(), "{path}");
    }

    // Answers, successful or not, carry the headers too.
    let response = http
        .get(format!("{}/_matrix/client/versions", server.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(cors(&response), expected);
    let response = http
        .post(format!(
            "{}/_matrix/client/v1/login/get_token",
            server.base_url()
        ))
        .bearer_auth(&device.access_token)
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 401);
    assert_eq!(cors(&response), expected);
}

#[tokio::test]
async fn the_server_answers_bad_requests_with_standard_errors() {
    let (server, client) = start(config()).await;
    let device = logged_in(&client, "A").await;

    let (status, body) = raw(&server, "GET", "/_matrix/client/v3/nothing/here", None, "").await;
    assert_eq!(
        (status, body["errcode"].as_str()),
        (404, Some("M_UNRECOGNIZED"))
    );

    let (status, body) = raw(
        &server,
        "GET",
        "/_matrix/client/v1/login/get_token",
        Some(&device.access_token),
        "",
    )
    .await;
    assert_eq!(
        (status, body["errcode"].as_str()),
        (405, Some("M_UNRECOGNIZED"))
    );
    assert!(
        body["error"].as_str().unwrap().contains("takes POST"),
        "{body}"
    );

    let (status, body) = raw(
        &server,
        "POST",
        "/_matrix/client/v3/login",
        None,
        "{not json",
    )
    .await;
    assert_eq!(
        (status, body["errcode"].as_str()),
        (400, Some("M_NOT_JSON"))
    );

    let (status, body) = raw(
        &server,
        "POST",
        "/_matrix/client/v3/login",
        None,
        r#"{"type": "m.login.password", "user": "alice", "password": 5}"#,
    )
    .await;
    assert_eq!(
        (status, body["errcode"].as_str()),
        (400, Some("M_BAD_JSON"))
    );

    let (status, body) = raw(
        &server,
        "GET",
        "/_matrix/client/v3/account/whoami",
        None,
        "",
    )
    .await;
    assert_eq!(
        (status, body["errcode"].as_str()),
        (401, Some("M_MISSING_TOKEN"))
    );

    let (status, body) = raw(
        &server,
        "GET",
        "/_matrix/client/v3/account/whoami",
        Some("made-up"),
        "",
    )
    .await;
    assert_eq!(
        (status, body["errcode"].as_str()),
        (401, Some("M_UNKNOWN_TOKEN"))
    );

    // The stable server serves get_token on the stable path only, as Synapse does: the
    // unstable revisions' paths are unknown there (the generations' own tests cover them).
    let (status, body) = raw(
        &server,
        "POST",
        "/_matrix/client/unstable/org.matrix.msc3882/login/get_token",
        Some(&device.access_token),
        "{}",
    )
    .await;
    assert_eq!(
        (status, body["errcode"].as_str()),
        (404, Some("M_UNRECOGNIZED"))
    );

    // The r0 path of whoami too, and the deprecated query-parameter token.
    let path = format!(
        "/_matrix/client/r0/account/whoami?access_token={}",
        device.access_token
    );
    let (status, body) = raw(&server, "GET", &path, None, "").await;
    assert_eq!(
        (status, body["user_id"].as_str()),
        (200, Some("@alice:localhost"))
    );
}

#[test]
fn the_demo_binary_walks_every_step() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_matrix-login"))
        .args(["demo", "--json"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let result = one_object(&output.stdout);
    assert_eq!(result["ok"], true);
    let steps = result["steps"].as_array().unwrap();
    let names: Vec<&str> = steps.iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "start server",
            "discover versions",
            "choose paths",
            "password login as device A",
            "get login token (device A)",
            "token login as device B",
            "whoami as device B",
            "reuse the token",
            "log out devices A and B",
            "each generation of login/get_token"
        ]
    );
    assert!(steps.iter().all(|s| s["ok"] == true));
    assert_eq!(steps[4]["data"]["uia_flows"], json!(["m.login.password"]));
    assert!(steps[7]["data"]["refused"]
        .as_str()
        .unwrap()
        .contains("M_FORBIDDEN"));
    let generations = steps[9]["data"].as_array().unwrap();
    let outcomes: Vec<&str> = generations
        .iter()
        .map(|g| g["outcome"].as_str().unwrap())
        .collect();
    assert!(
        outcomes[0]
            .starts_with("token from /_matrix/client/unstable/org.matrix.msc3882/login/token"),
        "{outcomes:?}"
    );
    assert!(
        outcomes[1]
            .starts_with("token from /_matrix/client/unstable/org.matrix.msc3882/login/get_token"),
        "{outcomes:?}"
    );
    assert!(
        outcomes[2].starts_with("token from /_matrix/client/v1/login/get_token"),
        "{outcomes:?}"
    );
    assert!(outcomes[3].starts_with("refused: "), "{outcomes:?}");
    assert!(
        outcomes[3].contains("not available on this server"),
        "{outcomes:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_get_token_and_login_with_token_commands() {
    let (server, _client) = start(config()).await;
    let base = server.base_url().to_owned();
    let result = tokio::task::spawn_blocking({
        let base = base.clone();
        move || {
            run_cli(
                &[
                    "get-token",
                    "--homeserver",
                    &base,
                    "--user",
                    USER,
                    "--password-stdin",
                    "--json",
                ],
                "correct horse\n",
            )
        }
    })
    .await
    .unwrap();
    let steps = result["steps"].as_array().unwrap();
    let token_step = steps
        .iter()
        .find(|s| s["name"] == "get login token")
        .expect("a token step");
    // The token is the result's own field (`jq -r .login_token`), and in its step.
    let token = result["login_token"].as_str().unwrap().to_owned();
    assert_eq!(token_step["data"]["login_token"], token);
    assert_eq!(result["expires_in_ms"], 120_000);
    assert_eq!(token_step["data"]["expires_in_ms"], 120_000);
    assert_eq!(
        steps.last().unwrap()["name"],
        "log out the temporary session"
    );

    let login = tokio::task::spawn_blocking({
        let base = base.clone();
        move || {
            run_cli(
                &[
                    "login-with-token",
                    "--homeserver",
                    &base,
                    "--token",
                    &token,
                    "--device-name",
                    "TV",
                    "--json",
                ],
                "",
            )
        }
    })
    .await
    .unwrap();
    assert_eq!(login["user_id"], "@alice:localhost");
    assert!(login["device_id"].as_str().is_some_and(|d| !d.is_empty()));
    assert!(
        login.get("access_token").is_none(),
        "the token is shown only with --show-token"
    );

    let versions = tokio::task::spawn_blocking(move || {
        run_cli(&["versions", "--homeserver", &base, "--json"], "")
    })
    .await
    .unwrap();
    let endpoints = versions["endpoints"].as_array().unwrap();
    let get_token = endpoints
        .iter()
        .find(|e| e["endpoint"] == "POST /_matrix/client/v1/login/get_token")
        .unwrap();
    assert_eq!(get_token["path"], "/_matrix/client/v1/login/get_token");
}

#[test]
fn a_wrong_password_fails_the_command_with_a_message() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let (server, _client) = runtime.block_on(start(config()));
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_matrix-login"))
        .args([
            "get-token",
            "--homeserver",
            server.base_url(),
            "--user",
            USER,
            "--password-stdin",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child
                .stdin
                .take()
                .unwrap()
                .write_all(b"not the password\n")?;
            child.wait_with_output()
        })
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("password login") && stderr.contains("M_FORBIDDEN"),
        "{stderr}"
    );
}

#[test]
fn a_failure_with_json_is_one_error_object_and_a_non_zero_exit() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let (server, _client) = runtime.block_on(start(config()));
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_matrix-login"))
        .args([
            "get-token",
            "--homeserver",
            server.base_url(),
            "--user",
            USER,
            "--password-stdin",
            "--json",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child
                .stdin
                .take()
                .unwrap()
                .write_all(b"not the password\n")?;
            child.wait_with_output()
        })
        .unwrap();
    assert!(!output.status.success());
    let result = one_object(&output.stdout);
    assert_eq!(result["ok"], false);
    let error = result["error"].as_str().unwrap();
    assert!(
        error.contains("password login") && error.contains("M_FORBIDDEN"),
        "{error}"
    );
    // The step that came before the failure is in the object; progress went to stderr.
    assert_eq!(result["steps"][0]["name"], "discover versions");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("[1/4] discover versions"), "{stderr}");
}
