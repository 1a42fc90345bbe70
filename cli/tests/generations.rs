//! The same client code against the reference server playing each generation of
//! `POST /login/get_token` (MSC3882 revision 0, revision 1, stable, and off as Synapse ships),
//! over real HTTP on loopback: the token comes from the generation's path, a new device logs in
//! with it, and the off server is refused before the endpoint is called. A transport that
//! records every request shows which paths were called.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use matrix_api::selection::{GateState, Policy, Rule};
use matrix_api::IntoHttpError;
use matrix_api_server::{LoginTokenGeneration, RunningServer, Server, ServerConfig};
use matrix_client_api::client::{Client, ClientError, ReqwestTransport, Transport};
use matrix_client_api::session::get_login_token;
use matrix_login::flow;

mod common;

const USER: &str = "alice";
const PASSWORD: &str = "correct horse";

/// Records `METHOD /path` of every request, then sends it over reqwest.
#[derive(Clone, Default)]
struct Recording {
    inner: ReqwestTransport,
    seen: Arc<Mutex<Vec<String>>>,
}

impl Recording {
    fn calls_to_get_token(&self) -> Vec<String> {
        let seen = self.seen.lock().unwrap();
        seen.iter()
            .filter(|call| call.contains("/login/get_token") || call.contains("/login/token"))
            .cloned()
            .collect()
    }
}

impl Transport for Recording {
    type Error = reqwest::Error;

    async fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> Result<http::Response<Vec<u8>>, reqwest::Error> {
        let call = format!("{} {}", request.method(), request.uri().path());
        self.seen.lock().unwrap().push(call);
        self.inner.send(request).await
    }

    async fn sleep(&self, duration: Duration) {
        self.inner.sleep(duration).await;
    }
}

async fn serve(generation: LoginTokenGeneration) -> RunningServer {
    let config = ServerConfig::new("localhost")
        .with_user(USER, PASSWORD)
        .with_login_token(generation);
    let address = "127.0.0.1:0".parse().unwrap();
    Server::bind(address, config).await.unwrap().spawn()
}

#[tokio::test]
async fn one_client_reaches_every_generation() {
    for generation in [
        LoginTokenGeneration::R0,
        LoginTokenGeneration::R1,
        LoginTokenGeneration::Stable,
    ] {
        let server = serve(generation).await;
        let transport = Recording::default();
        let client = Client::new(transport.clone(), server.base_url()).unwrap();

        // The code a user writes, whatever the server.
        let device_a = flow::password_login(&client, USER, PASSWORD, Some("A"))
            .await
            .unwrap();
        let token = flow::request_login_token(
            &device_a.client(&client),
            &device_a.user_id,
            PASSWORD,
            |_| {},
        )
        .await
        .unwrap();
        let device_b = flow::token_login(&client, &token.token, Some("B"))
            .await
            .unwrap();
        let me = flow::whoami(&device_b.client(&client)).await.unwrap();

        let path = generation.path().unwrap();
        assert_eq!(
            transport.calls_to_get_token(),
            [format!("POST {path}"), format!("POST {path}")],
            "{generation}: the UIA round and the token, on the generation's path only"
        );
        // Revision 0 said seconds, the others milliseconds: the same lifetime either way.
        assert_eq!(token.expires_in, Duration::from_secs(120), "{generation}");
        assert_eq!(me.user_id, device_a.user_id);
        assert_ne!(device_b.device_id, device_a.device_id);

        let decision = device_a
            .client(&client)
            .decide(&get_login_token::v1::Request::METADATA)
            .await
            .unwrap();
        let rule = decision.outcome.unwrap().rule;
        let expected = match generation {
            LoginTokenGeneration::Stable => Rule::NewestStable,
            _ => Rule::AnnouncedUnstable,
        };
        assert_eq!(rule, expected, "{generation}");
    }
}

#[tokio::test]
async fn the_off_server_is_refused_without_calling_the_endpoint() {
    let server = serve(LoginTokenGeneration::Off).await;
    let transport = Recording::default();
    let client = Client::new(transport.clone(), server.base_url()).unwrap();
    let device = flow::password_login(&client, USER, PASSWORD, None)
        .await
        .unwrap();
    let err = flow::request_login_token(&device.client(&client), &device.user_id, PASSWORD, |_| {})
        .await
        .unwrap_err();
    let ClientError::Request(IntoHttpError::EndpointNotAvailable {
        capability, state, ..
    }) = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(
        (*capability, *state),
        ("m.get_login_token", GateState::Disabled)
    );
    assert!(
        err.to_string()
            .contains("/capabilities lists m.get_login_token as disabled"),
        "{err}"
    );
    assert_eq!(transport.calls_to_get_token(), Vec::<String>::new());
    // The client asked what it needed to decide, and nothing else.
    let seen = transport.seen.lock().unwrap().clone();
    assert_eq!(
        seen,
        [
            "GET /_matrix/client/versions",
            "POST /_matrix/client/v3/login",
            "GET /_matrix/client/v3/capabilities",
        ]
    );
}

#[tokio::test]
async fn probing_finds_the_path_the_server_has() {
    // Preferring unstable paths on a stable server: revision 0's path is not there.
    let server = serve(LoginTokenGeneration::Stable).await;
    let transport = Recording::default();
    let client = Client::new(transport.clone(), server.base_url())
        .unwrap()
        .with_policy(Policy::PreferUnstable)
        .with_probing(true);
    // The server announces revision 0's flag, as Synapse does, but no longer has its path.
    let device = flow::password_login(&client, USER, PASSWORD, None)
        .await
        .unwrap();
    let user_id = device.user_id.clone();
    let device = device.client(&client);
    let token = flow::request_login_token(&device, &user_id, PASSWORD, |_| {})
        .await
        .unwrap();
    assert!(!token.token.is_empty());
    let r0 = LoginTokenGeneration::R0.path().unwrap();
    let stable = LoginTokenGeneration::Stable.path().unwrap();
    assert_eq!(
        transport.calls_to_get_token(),
        [
            format!("POST {r0}"),
            format!("POST {stable}"),
            format!("POST {stable}"),
        ],
        "404 M_UNRECOGNIZED on revision 0's path, then the stable one, remembered"
    );
    assert_eq!(device.unrecognized_paths(), [r0]);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_commands_against_each_generation() {
    for generation in LoginTokenGeneration::ALL {
        let server = serve(generation).await;
        let base = server.base_url().to_owned();
        let (ok, token) = tokio::task::spawn_blocking({
            let base = base.clone();
            move || {
                let args = [
                    "get-token",
                    "--homeserver",
                    &base,
                    "--user",
                    USER,
                    "--password-stdin",
                    "--json",
                ];
                common::run(&args, "correct horse\n")
            }
        })
        .await
        .unwrap();
        if generation == LoginTokenGeneration::Off {
            assert!(!ok, "{token}");
            let error = token["error"].as_str().unwrap();
            assert!(error.contains("not available on this server"), "{error}");
            continue;
        }
        assert!(ok, "{generation}: {token}");
        assert_eq!(token["path"], generation.path().unwrap(), "{generation}");
        assert_eq!(token["expires_in_ms"], 120_000);
        let login_token = token["login_token"].as_str().unwrap().to_owned();
        let (ok, login) = tokio::task::spawn_blocking(move || {
            let args = [
                "login-with-token",
                "--homeserver",
                &base,
                "--token",
                &login_token,
                "--json",
            ];
            common::run(&args, "")
        })
        .await
        .unwrap();
        assert!(ok, "{generation}: {login}");
        assert_eq!(login["user_id"], "@alice:localhost");
    }
}
