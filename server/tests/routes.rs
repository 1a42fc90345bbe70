//! The reference server routes every path of every session endpoint in the registry
//! (`matrix_client_api::for_each_endpoint!`): a session endpoint added to the registry without a
//! route fails here. The server plays the session API only, so the registry's other endpoints
//! (rooms, sync, …) are not its to serve. `login/get_token` is served on the path of the generation the server plays.

use matrix_api_server::{LoginTokenGeneration, RunningServer, Server, ServerConfig};
use matrix_client_api::session::get_login_token;
use serde_json::Value;

async fn start() -> RunningServer {
    start_playing(LoginTokenGeneration::Stable).await
}

async fn start_playing(generation: LoginTokenGeneration) -> RunningServer {
    let address = "127.0.0.1:0".parse().unwrap();
    let config = ServerConfig::new("localhost").with_login_token(generation);
    Server::bind(address, config).await.unwrap().spawn()
}

/// Whether the server has a route for `template` with the endpoint's method: anything but the
/// router's own `404 M_UNRECOGNIZED` for a path it does not know.
async fn routed(server: &RunningServer, metadata: &matrix_api::Metadata, template: &str) -> bool {
    let mut path = template.to_owned();
    for name in matrix_api::path_params(template) {
        path = path.replace(&format!("{{{name}}}"), "x");
    }
    let method = reqwest::Method::from_bytes(metadata.method.as_str().as_bytes()).unwrap();
    let response = reqwest::Client::new()
        .request(method, format!("{}{path}", server.base_url()))
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let bytes = response.bytes().await.unwrap();
    let body: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    !(status == 404 && body["errcode"] == "M_UNRECOGNIZED")
}

#[tokio::test]
async fn every_session_endpoint_of_the_registry_is_routed_on_every_path() {
    let server = start().await;
    let get_login_token = get_login_token::v1::Request::METADATA
        .history
        .canonical_path();
    let mut checked = 0;
    let session = || {
        matrix_client_api::ENDPOINTS.iter().filter(|endpoint| {
            matrix_api_server::SESSION_API
                .iter()
                .any(|m| endpoint.module.starts_with(m))
        })
    };
    for endpoint in session() {
        let metadata = &endpoint.metadata;
        // The server plays one generation of login/get_token: checked below.
        if metadata.history.canonical_path() == get_login_token {
            continue;
        }
        for template in metadata.history.all_paths() {
            assert!(
                routed(&server, metadata, template).await,
                "{} {template} ({}) is not routed",
                metadata.method,
                endpoint.module
            );
            checked += 1;
        }
    }
    assert!(session().count() >= 11);
    assert!(checked >= session().count());
}

#[tokio::test]
async fn login_get_token_is_routed_on_the_path_of_the_generation_played() {
    let metadata = get_login_token::v1::Request::METADATA;
    for generation in LoginTokenGeneration::ALL {
        let server = start_playing(generation).await;
        let mut served = Vec::new();
        for template in metadata.history.all_paths() {
            if routed(&server, &metadata, template).await {
                served.push(template);
            }
        }
        let expected: Vec<&str> = generation.path().into_iter().collect();
        assert_eq!(served, expected, "{generation}");
    }
}

#[tokio::test]
async fn a_path_of_no_endpoint_is_unrecognized() {
    let server = start().await;
    let response = reqwest::get(format!("{}/_matrix/client/v3/nope", server.base_url()))
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 404);
    let body: Value = serde_json::from_slice(&response.bytes().await.unwrap()).unwrap();
    assert_eq!(body["errcode"], "M_UNRECOGNIZED");
}
