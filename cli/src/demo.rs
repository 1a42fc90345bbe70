//! `matrix-login demo`: the whole hand-over, end to end, against an embedded reference server.

use std::net::SocketAddr;

use matrix_api::error::ErrorBody;
use matrix_api_server::{LoginTokenGeneration, Server, ServerConfig};
use matrix_client_api::session::get_login_token;
use matrix_client_api::uiaa::UiaaResponse;
use serde_json::{json, Value};

use matrix_api::selection::Policy;

use crate::flow::{self, ClientError};
use crate::output::Reporter;

const DEMO_USER: &str = "demo";
const DEMO_PASSWORD: &str = "correct horse battery staple";
/// The number of steps the demo reports.
pub const STEPS: usize = 10;

/// Runs the demo, reporting each step to `out`; the result is the demo server's base URL and
/// user, and `Err` carries what failed.
pub async fn run(out: &mut Reporter) -> Result<Value, String> {
    let config = ServerConfig::new("localhost").with_user(DEMO_USER, DEMO_PASSWORD);
    let address: SocketAddr = "127.0.0.1:0".parse().expect("a valid address");
    let server = Server::bind(address, config)
        .await
        .map_err(|e| format!("cannot start the server: {e}"))?;
    let server = server.spawn();
    let base_url = server.base_url().to_owned();
    out.step(
        "start server",
        &format!("reference homeserver on {base_url}, user @{DEMO_USER}:localhost"),
        json!({ "base_url": base_url, "user": format!("@{DEMO_USER}:localhost") }),
    );

    let client = flow::connect(&base_url, Policy::Default)?;
    flow::discover(&client).await?;
    let view = client.view();
    let versions = view.version_names();
    let features: Vec<&str> = view.enabled().map(|(name, _)| name).collect();
    out.step(
        "discover versions",
        &format!(
            "{} to {}, features: {}",
            versions.first().map_or("-", String::as_str),
            versions.last().map_or("-", String::as_str),
            features.join(", ")
        ),
        json!({ "versions": versions, "unstable_features": features }),
    );

    let decisions = flow::decisions(&client).await?;
    let with_path = decisions
        .iter()
        .filter(|d| d.decision.path().is_ok())
        .count();
    out.step(
        "choose paths",
        &format!(
            "{} endpoints, {with_path} with a path on this server; those of the session API:",
            decisions.len()
        ),
        json!(decisions
            .iter()
            .map(|d| json!({ "endpoint": d.endpoint, "path": d.decision.path().ok(), "summary": d.decision.to_string() }))
            .collect::<Vec<_>>()),
    );
    // The demo calls the session API: its decisions are the ones worth reading here
    // (`matrix-login versions` lists every endpoint's).
    let shown = decisions.iter().filter(|d| {
        matrix_api_server::SESSION_API
            .iter()
            .any(|prefix| d.module.starts_with(prefix))
    });
    for choice in shown {
        out.detail(&format!("{:<52} -> {}", choice.endpoint, choice.decision));
    }

    let device_a = flow::password_login(&client, DEMO_USER, DEMO_PASSWORD, Some("device A"))
        .await
        .map_err(|e| format!("password login: {e}"))?;
    out.step(
        "password login as device A",
        &format!("{} on device {}", device_a.user_id, device_a.device_id),
        json!({ "user_id": device_a.user_id, "device_id": device_a.device_id }),
    );

    let client_a = device_a.client(&client);
    let mut uia = None;
    let token = flow::request_login_token(&client_a, &device_a.user_id, DEMO_PASSWORD, |info| {
        uia = Some((
            info.flows
                .iter()
                .map(|f| f.stages.join(" + "))
                .collect::<Vec<_>>(),
            info.session.clone(),
        ));
    })
    .await
    .map_err(|e| format!("get_token: {e}"))?;
    let (flows, session) = uia.unwrap_or_default();
    out.step(
        "get login token (device A)",
        &format!("token valid for {}s", token.expires_in.as_secs()),
        json!({ "uia_flows": flows, "uia_session": session, "expires_in_ms": token.expires_in.as_millis() as u64 }),
    );
    out.detail(&format!(
        "UIA round: 401 asked for [{}] (session {}), answered with the password",
        flows.join("], ["),
        session.as_deref().unwrap_or("-")
    ));

    let device_b = flow::token_login(&client, &token.token, Some("device B"))
        .await
        .map_err(|e| format!("token login: {e}"))?;
    out.step(
        "token login as device B",
        &format!("{} on device {}", device_b.user_id, device_b.device_id),
        json!({ "user_id": device_b.user_id, "device_id": device_b.device_id }),
    );

    let client_b = device_b.client(&client);
    let me = flow::whoami(&client_b)
        .await
        .map_err(|e| format!("whoami: {e}"))?;
    let device = me
        .device_id
        .as_ref()
        .map_or("-".to_owned(), |d| d.to_string());
    out.step(
        "whoami as device B",
        &format!("{} on device {device}", me.user_id),
        json!({ "user_id": me.user_id, "device_id": me.device_id }),
    );

    let reuse = flow::token_login(&client, &token.token, Some("device C")).await;
    let refusal = match reuse {
        Err(err) => match err.server_error() {
            Some(error) => error.to_string(),
            None => return Err(format!("token reuse failed unexpectedly: {err}")),
        },
        Ok(_) => return Err("the login token was accepted twice".to_owned()),
    };
    out.step(
        "reuse the token",
        &format!("refused: {refusal}"),
        json!({ "refused": refusal }),
    );

    flow::logout(&client_b)
        .await
        .map_err(|e| format!("logout B: {e}"))?;
    flow::logout(&client_a)
        .await
        .map_err(|e| format!("logout A: {e}"))?;
    let after = flow::whoami(&client_b).await;
    let gone = matches!(after, Err(ref err) if err.server_error().is_some());
    if !gone {
        return Err("device B's token still works after logout".to_owned());
    }
    out.step(
        "log out devices A and B",
        "both tokens refused afterwards",
        json!({ "logged_out": true }),
    );

    let mut outcomes = Vec::new();
    for generation in LoginTokenGeneration::ALL {
        outcomes.push((generation, hand_over_on(generation).await?));
    }
    out.step(
        "each generation of login/get_token",
        "the same code on MSC3882 revisions 0 and 1, stable, and off",
        json!(outcomes
            .iter()
            .map(|(g, outcome)| json!({ "generation": g.to_string(), "outcome": outcome }))
            .collect::<Vec<_>>()),
    );
    for (generation, outcome) in &outcomes {
        out.detail(&format!("{generation:<6}  {outcome}"));
    }
    Ok(json!({ "base_url": base_url, "user": format!("@{DEMO_USER}:localhost") }))
}

/// The hand-over, the same code each time, against a server playing `generation`: what
/// happened, in one line.
async fn hand_over_on(generation: LoginTokenGeneration) -> Result<String, String> {
    let config = ServerConfig::new("localhost")
        .with_user(DEMO_USER, DEMO_PASSWORD)
        .with_login_token(generation);
    let address: SocketAddr = "127.0.0.1:0".parse().expect("a valid address");
    let server = Server::bind(address, config)
        .await
        .map_err(|e| format!("cannot start the {generation} server: {e}"))?
        .spawn();

    let client = flow::connect(server.base_url(), Policy::Default)?;
    let device = flow::password_login(&client, DEMO_USER, DEMO_PASSWORD, None)
        .await
        .map_err(|e| format!("{generation}: password login: {e}"))?;
    let device_client = device.client(&client);
    let token = flow::request_login_token(&device_client, &device.user_id, DEMO_PASSWORD, |_| {});
    let token = match token.await {
        Ok(token) => token,
        // The endpoint is not called at all: the decision refused it.
        Err(ClientError::Request(refusal)) => return Ok(format!("refused: {refusal}")),
        Err(err) => return Err(format!("{generation}: get_token: {}", describe_uiaa(&err))),
    };
    let decision = device_client
        .decide(&get_login_token::v1::Request::METADATA)
        .await
        .map_err(|e| e.to_string())?;
    let new_device = flow::token_login(&client, &token.token, None)
        .await
        .map_err(|e| format!("{generation}: token login: {e}"))?;
    Ok(format!(
        "token from {} (valid {}s), new device {}",
        decision.path().unwrap_or_default(),
        token.expires_in.as_secs(),
        new_device.device_id
    ))
}

/// A short description of a UIA or Matrix error for messages.
pub fn describe_uiaa(error: &ClientError<UiaaResponse>) -> String {
    match error.server_error() {
        Some(UiaaResponse::AuthResponse(info)) => match &info.auth_error {
            Some(err) => format!("authentication failed: {err}"),
            None => "the server asked for further authentication".to_owned(),
        },
        Some(UiaaResponse::MatrixError(err)) => match &err.body {
            ErrorBody::Standard(body) => body.to_string(),
            _ => err.to_string(),
        },
        _ => error.to_string(),
    }
}
