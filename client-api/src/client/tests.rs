use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};

use matrix_api::selection::GateState;
use matrix_api::IntoHttpError;
use serde_json::{json, Value};

use super::*;
use crate::account::whoami;
use crate::session::get_login_token;

const R0: &str = "/_matrix/client/unstable/org.matrix.msc3882/login/token";
const STABLE: &str = "/_matrix/client/v1/login/get_token";
const VERSIONS: &str = "/_matrix/client/versions";
const CAPABILITIES: &str = "/_matrix/client/v3/capabilities";
const WHOAMI: &str = "/_matrix/client/v3/account/whoami";

/// The futures here never wait on anything: a scripted transport answers at once.
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
    }
}

/// A server written as a list of answers by path; a path without an answer gets
/// `404 M_UNRECOGNIZED`, as Synapse answers an unknown endpoint.
#[derive(Default)]
struct Script {
    answers: Mutex<Vec<(&'static str, u16, Value)>>,
    seen: Mutex<Vec<String>>,
    slept: Mutex<Vec<Duration>>,
}

impl Script {
    fn answer(self: &Arc<Self>, path: &'static str, status: u16, body: Value) -> Arc<Self> {
        self.answers.lock().unwrap().push((path, status, body));
        self.clone()
    }

    fn seen(&self) -> Vec<String> {
        self.seen.lock().unwrap().clone()
    }
}

impl Transport for Arc<Script> {
    type Error = std::io::Error;

    async fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> Result<http::Response<Vec<u8>>, std::io::Error> {
        let path = request.uri().path().to_owned();
        let token = request
            .headers()
            .get("authorization")
            .map_or("", |v| v.to_str().unwrap())
            .to_owned();
        self.seen.lock().unwrap().push(
            format!("{} {path} {token}", request.method())
                .trim_end()
                .to_owned(),
        );
        let mut answers = self.answers.lock().unwrap();
        let (status, body) = match answers.iter().position(|(p, _, _)| *p == path) {
            Some(at) => {
                let (_, status, body) = answers.remove(at);
                (status, body)
            }
            None => (
                404,
                json!({ "errcode": "M_UNRECOGNIZED", "error": "Unrecognized request" }),
            ),
        };
        Ok(http::Response::builder()
            .status(status)
            .header("content-type", "application/json")
            .body(serde_json::to_vec(&body).unwrap())
            .unwrap())
    }

    async fn sleep(&self, duration: Duration) {
        self.slept.lock().unwrap().push(duration);
    }
}

fn versions(versions: &[&str], features: Value) -> Value {
    json!({ "versions": versions, "unstable_features": features })
}

/// A server answering `/versions` and a `/capabilities` with `m.get_login_token` on or off.
fn gated(versions_: &[&str], features: Value, get_login_token: bool) -> Arc<Script> {
    let capabilities =
        json!({ "capabilities": { "m.get_login_token": { "enabled": get_login_token } } });
    Arc::new(Script::default())
        .answer(VERSIONS, 200, versions(versions_, features))
        .answer(CAPABILITIES, 200, capabilities)
}

fn token_ok() -> Value {
    json!({ "login_token": "abc", "expires_in_ms": 120000 })
}

fn client(script: &Arc<Script>) -> Client<Arc<Script>> {
    let client = Client::new(script.clone(), "https://hs.example/").unwrap();
    client.set_access_token(Some("tok".to_owned()));
    client
}

#[test]
fn discovery_is_lazy_and_cached() {
    let script = gated(&["v1.12"], json!({}), true)
        .answer(STABLE, 200, token_ok())
        .answer(STABLE, 200, token_ok());
    let lazy = client(&script);
    assert_eq!(lazy.homeserver(), "https://hs.example");
    for _ in 0..2 {
        let response = block_on(lazy.send(get_login_token::v1::Request::new())).unwrap();
        assert_eq!(response.login_token, "abc");
    }
    assert_eq!(
        script.seen(),
        [
            format!("GET {VERSIONS} Bearer tok"),
            format!("GET {CAPABILITIES} Bearer tok"),
            format!("POST {STABLE} Bearer tok"),
            format!("POST {STABLE} Bearer tok"),
        ]
    );
    // A new token is a new user: its capabilities are asked for again.
    lazy.set_access_token(Some("other".to_owned()));
    assert!(!lazy.view().knows(Source::Capabilities));
    assert!(lazy.view().knows(Source::Versions));
}

#[test]
fn an_ungated_endpoint_needs_no_capabilities() {
    let script = Arc::new(Script::default())
        .answer(VERSIONS, 200, versions(&["v1.12"], json!({})))
        .answer(WHOAMI, 200, json!({ "user_id": "@a:hs.example" }));
    block_on(client(&script).send(whoami::v3::Request::new())).unwrap();
    assert_eq!(
        script.seen(),
        [
            format!("GET {VERSIONS} Bearer tok"),
            format!("GET {WHOAMI} Bearer tok")
        ]
    );
}

#[test]
fn a_closed_gate_is_refused_without_calling_the_endpoint() {
    let script = gated(&["v1.12"], json!({}), false);
    let err = block_on(client(&script).send(get_login_token::v1::Request::new())).unwrap_err();
    let ClientError::Request(IntoHttpError::EndpointNotAvailable { state, .. }) = err else {
        panic!("{err:?}")
    };
    assert_eq!(state, GateState::Disabled);
    assert!(script.seen().iter().all(|seen| !seen.contains("login")));
}

#[test]
fn rate_limits_are_waited_out_within_bounds() {
    let limited =
        json!({ "errcode": "M_LIMIT_EXCEEDED", "error": "slow down", "retry_after_ms": 500 });
    let script = || {
        Arc::new(Script::default())
            .answer(VERSIONS, 200, versions(&["v1.12"], json!({})))
            .answer(WHOAMI, 429, limited.clone())
            .answer(WHOAMI, 200, json!({ "user_id": "@a:hs.example" }))
    };

    // Off (the default): the error, with how long to wait.
    let off = script();
    let err = block_on(client(&off).send(whoami::v3::Request::new())).unwrap_err();
    assert_eq!(err.retry_after(), Some(Duration::from_millis(500)));
    assert!(err.to_string().ends_with("(retry after 500 ms)"), "{err}");
    assert!(off.slept.lock().unwrap().is_empty());

    // On: waits as asked, then succeeds.
    let on = script();
    let retry = RateLimitRetry {
        max_retries: 2,
        max_wait: Duration::from_secs(1),
    };
    let client_on = client(&on).with_rate_limit_retry(retry);
    block_on(client_on.send(whoami::v3::Request::new())).unwrap();
    assert_eq!(*on.slept.lock().unwrap(), [Duration::from_millis(500)]);

    // A longer wait than accepted: the error at once.
    let impatient = script();
    let short = RateLimitRetry {
        max_retries: 2,
        max_wait: Duration::from_millis(100),
    };
    let client_short = client(&impatient).with_rate_limit_retry(short);
    let err = block_on(client_short.send(whoami::v3::Request::new())).unwrap_err();
    assert_eq!(err.retry_after(), Some(Duration::from_millis(500)));
    assert!(impatient.slept.lock().unwrap().is_empty());
}

#[test]
fn probing_tries_the_next_path_once_and_remembers() {
    // Announces v1.7 and the MSC, but serves only revision 0's path.
    let script = gated(&["v1.7"], json!({ "org.matrix.msc3882": true }), true)
        .answer(R0, 200, json!({ "login_token": "abc", "expires_in": 120 }))
        .answer(R0, 200, json!({ "login_token": "abc", "expires_in": 120 }));
    let probing = client(&script).with_probing(true);
    let response = block_on(probing.send(get_login_token::v1::Request::new())).unwrap();
    assert_eq!(response.expires_in, Duration::from_secs(120));
    block_on(probing.send(get_login_token::v1::Request::new())).unwrap();
    assert_eq!(probing.unrecognized_paths(), [STABLE]);
    let calls: Vec<String> = script.seen().into_iter().skip(2).collect();
    assert_eq!(
        calls,
        [
            format!("POST {STABLE} Bearer tok"),
            format!("POST {R0} Bearer tok"),
            format!("POST {R0} Bearer tok"),
        ]
    );

    // Without probing, the 404 is the answer.
    let script = gated(&["v1.7"], json!({ "org.matrix.msc3882": true }), true);
    let err = block_on(client(&script).send(get_login_token::v1::Request::new())).unwrap_err();
    let Some(crate::uiaa::UiaaResponse::MatrixError(error)) = err.server_error() else {
        panic!("{err:?}")
    };
    assert_eq!(error.status, http::StatusCode::NOT_FOUND);
}

#[test]
fn the_policy_is_the_callers() {
    let script =
        gated(&["v1.7"], json!({ "org.matrix.msc3882": true }), true).answer(R0, 200, token_ok());
    let unstable = client(&script).with_policy(Policy::PreferUnstable);
    let decision = block_on(unstable.decide(&get_login_token::v1::Request::METADATA)).unwrap();
    assert_eq!(decision.path(), Ok(R0));
    block_on(unstable.send(get_login_token::v1::Request::new())).unwrap();
    let forced = Policy::Force("/_matrix/client/v3/nowhere".to_owned());
    let err =
        block_on(unstable.send_with(get_login_token::v1::Request::new(), &forced)).unwrap_err();
    assert!(
        matches!(err, ClientError::Request(IntoHttpError::UnknownPath { .. })),
        "{err:?}"
    );
}

#[test]
fn a_forced_path_leaves_discovery_alone() {
    // `/capabilities` is asked on its own path, not refused as "not a path of" it.
    let script = gated(&["v1.7"], json!({}), true).answer(R0, 200, token_ok());
    let script = script.answer(WHOAMI, 200, json!({ "user_id": "@a:hs.example" }));
    let forced = client(&script).with_policy(Policy::Force(R0.to_owned()));
    block_on(forced.send(get_login_token::v1::Request::new())).unwrap();
    // Another endpoint keeps the default: the forced path is not its.
    block_on(forced.send(whoami::v3::Request::new())).unwrap();
    let decision = block_on(forced.decide(&whoami::v3::Request::METADATA)).unwrap();
    assert_eq!(decision.policy, Policy::Default);
    assert_eq!(
        script.seen(),
        [
            format!("GET {VERSIONS} Bearer tok"),
            format!("GET {CAPABILITIES} Bearer tok"),
            format!("POST {R0} Bearer tok"),
            format!("GET {WHOAMI} Bearer tok"),
        ]
    );
}

#[test]
fn the_path_that_answered_after_probing() {
    let script =
        gated(&["v1.7"], json!({ "org.matrix.msc3882": true }), true).answer(R0, 200, token_ok());
    let probing = client(&script).with_probing(true);
    let decision = block_on(probing.decide(&get_login_token::v1::Request::METADATA)).unwrap();
    assert_eq!(probing.path_for(&decision), Ok(STABLE));
    block_on(probing.send_decided(get_login_token::v1::Request::new(), &decision)).unwrap();
    // The stable path answered 404 M_UNRECOGNIZED; revision 0's answered.
    assert_eq!(probing.path_for(&decision), Ok(R0));
}

#[test]
fn discovery_failures_are_reported_as_such() {
    let script = Arc::new(Script::default()).answer(
        VERSIONS,
        500,
        json!({ "errcode": "M_UNKNOWN", "error": "down" }),
    );
    let err = block_on(client(&script).send(whoami::v3::Request::new())).unwrap_err();
    assert!(matches!(err, ClientError::Discovery(_)), "{err:?}");
    assert!(
        err.to_string()
            .starts_with("asking the server what it supports failed: "),
        "{err}"
    );
}

#[test]
fn homeserver_urls_are_checked() {
    let script = Arc::new(Script::default());
    let reason = |url: &str| Client::new(script.clone(), url).err().map(|e| e.reason);
    assert_eq!(
        reason("matrix.example.org"),
        Some("it needs the scheme, http:// or https://")
    );
    assert_eq!(
        reason("ftp://matrix.example.org"),
        Some("it needs the scheme, http:// or https://")
    );
    assert_eq!(
        reason("https://hs.example/?x=1"),
        Some("a base URL has no query string")
    );
    assert_eq!(
        reason("https://hs .example"),
        Some("it does not parse as a URL")
    );
    assert_eq!(reason("http://127.0.0.1:8008"), None);
    let err = Client::new(script, "hs").err().unwrap();
    assert_eq!(
        err.to_string(),
        "`hs` is not a homeserver URL: it needs the scheme, http:// or https://"
    );
}

#[test]
fn authenticated_media_falls_back_to_the_endpoints_it_replaced() {
    use crate::authenticated_media::{get_content, get_media_config};
    const CONFIG: &str = "/_matrix/media/v3/config";
    const DOWNLOAD: &str = "/_matrix/media/v3/download/hs.example/abc";
    const DOWNLOAD_R0: &str = "/_matrix/media/r0/download/hs.example/abc";
    let download =
        || get_content::v1::Request::new("hs.example".try_into().unwrap(), "abc".to_owned());
    let script = Arc::new(Script::default())
        .answer(VERSIONS, 200, versions(&["r0.6.1", "v1.5"], json!({})))
        .answer(CONFIG, 200, json!({ "m.upload.size": 100 }))
        .answer(DOWNLOAD, 200, json!("bytes"))
        .answer(DOWNLOAD_R0, 200, json!("bytes"));
    let old_server = client(&script);
    let config = block_on(old_server.send(get_media_config::v1::Request::new())).unwrap();
    assert_eq!(config.config.upload_size, Some(100u32.into()));
    let file = block_on(old_server.send(download())).unwrap().file;
    assert_eq!(file, b"\"bytes\"");
    // The replaced endpoint's paths are the caller's to force, too: a client's policy that
    // forces one applies to the endpoint.
    let forced = Policy::Force("/_matrix/media/r0/download/{server_name}/{media_id}".to_owned());
    let script = script.answer(VERSIONS, 200, versions(&["v1.5"], json!({})));
    let forcing = client(&script).with_policy(forced);
    block_on(forcing.send(download())).unwrap();
    // The download the endpoint replaced takes no token, the media config one did.
    assert_eq!(
        script.seen(),
        [
            format!("GET {VERSIONS} Bearer tok"),
            format!("GET {CONFIG} Bearer tok"),
            format!("GET {DOWNLOAD}"),
            format!("GET {VERSIONS} Bearer tok"),
            format!("GET {DOWNLOAD_R0}"),
        ]
    );
}
