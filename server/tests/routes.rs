//! The reference server routes every path of every session endpoint in the registry
//! (`matrix_client_api::for_each_endpoint!`): an endpoint added to the registry without a route
//! fails here.

use matrix_api_server::{RunningServer, Server, ServerConfig};
use serde_json::Value;

async fn start() -> RunningServer {
    let address = "127.0.0.1:0".parse().unwrap();
    let server = Server::bind(address, ServerConfig::new("localhost"));
    server.await.unwrap().spawn()
}

#[tokio::test]
async fn every_endpoint_of_the_registry_is_routed_on_every_path() {
    let server = start().await;
    let http = reqwest::Client::new();
    let mut checked = 0;
    for endpoint in matrix_client_api::ENDPOINTS {
        let metadata = &endpoint.metadata;
        for template in metadata.history.all_paths() {
            let mut path = template.to_owned();
            for name in matrix_api::path_params(template) {
                path = path.replace(&format!("{{{name}}}"), "x");
            }
            let method = reqwest::Method::from_bytes(metadata.method.as_str().as_bytes()).unwrap();
            let response = http
                .request(method, format!("{}{path}", server.base_url()))
                .send()
                .await
                .unwrap();
            let status = response.status().as_u16();
            let bytes = response.bytes().await.unwrap();
            let body: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
            // What the router answers for a path it has no route for.
            let unrouted = status == 404 && body["errcode"] == "M_UNRECOGNIZED";
            assert!(
                !unrouted,
                "{} {template} ({}) is not routed: {status} {body}",
                metadata.method, endpoint.module
            );
            checked += 1;
        }
    }
    assert!(checked >= matrix_client_api::ENDPOINTS.len());
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
