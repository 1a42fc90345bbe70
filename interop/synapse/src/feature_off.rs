//! A second Synapse with get_token off, as Synapse ships it (`login_via_existing_session.enabled:
//! false`): `/versions` announces `org.matrix.msc3882: false`, `GET /login` has no
//! `m.login.token` flow, and `/capabilities` lists `m.get_login_token` disabled. The decision
//! must refuse the endpoint as *not available* (the capability gate), not as unsupported (the
//! server speaks v1.7); `matrix-login get-token` must fail with that reason without sending the
//! request, and the refusal must match the server: every get_token path answers 404 there.
//!
//! One user, erin, registered there.

use matrix_api::error::ErrorKind;
use matrix_api::http::StatusCode;
use matrix_api::selection::{GateState, Policy};
use matrix_api::IntoHttpError;
use matrix_client_api::discovery::{get_capabilities, get_supported_versions};
use matrix_client_api::session::get_login_token;
use matrix_client_api::session::get_login_types::{self, v3::LoginType};
use matrix_login::flow::{self, Client, ClientError, LoggedIn};

use crate::cli::{at, expect_str, AccessLog, MatrixLogin};
use crate::decisions::{
    endpoints_with_a_path, expect_candidate, expect_chosen, expect_missing, get_token_entry,
    GET_TOKEN_ENDPOINT, GET_TOKEN_PATHS, REVISION_0, REVISION_1,
};
use crate::expect::{expect_kind, matrix_error};
use crate::lossless::exchange;
use crate::report::{Report, StepResult};
use crate::session::{self, STABLE_GET_TOKEN};
use crate::synapse::{Account, Admin};

/// The steps against the Synapse at `base_url`, whose log file is `log`.
pub async fn run(
    report: &mut Report,
    bin: &MatrixLogin,
    base_url: &str,
    log: &AccessLog,
    secret: &str,
) {
    let synapse = Admin::new(base_url, secret);
    let Some([erin]) = report
        .step(
            "feature off: register a user (shared-secret admin API)",
            synapse.register_users(["erin"]),
        )
        .await
    else {
        report.not_run(
            "feature off: everything else",
            "feature off: register a user",
        );
        return;
    };
    let name = "feature off: GET /versions (discovery)";
    let Some(client) = report.step(name, session::discover(base_url)).await else {
        report.not_run("feature off: everything else", name);
        return;
    };
    let Some(erin_device) = report
        .step(
            "feature off: /versions, GET /login and /capabilities say get_token is off",
            signals(&client, &erin),
        )
        .await
    else {
        report.not_run(
            "feature off: everything else",
            "feature off: /versions, GET /login and /capabilities",
        );
        return;
    };
    report
        .step(
            "feature off: matrix-login versions: gate unchecked without a session",
            versions_without_session(bin, base_url),
        )
        .await;
    report
        .step(
            "feature off: matrix-login versions --access-token: get_token refused, not_available",
            versions_with_session(bin, base_url, &erin_device),
        )
        .await;
    report
        .step(
            "feature off: matrix-login get-token: exit 1, not available, nothing sent",
            get_token_refused(bin, base_url, &erin, log),
        )
        .await;
    report
        .step(
            "feature off: flow::request_login_token refused before sending",
            library_refuses(&client, &erin_device),
        )
        .await;
    report
        .step(
            "feature off: every get_token path answers 404 M_UNRECOGNIZED (forced)",
            forced_paths_unrecognized(base_url, &erin_device, log),
        )
        .await;
}

/// What the server announces, each answer read losslessly: `org.matrix.msc3882: false`, no
/// `m.login.token` flow, `m.get_login_token` disabled for erin. Gives erin's session.
async fn signals(client: &Client, erin: &Account) -> StepResult<LoggedIn> {
    let seen = exchange(client, get_supported_versions::Request::new()).await?;
    let (versions, note1) = seen.ok(&[])?;
    let msc3882 = versions.unstable_features.get("org.matrix.msc3882");
    if msc3882 != Some(&false) {
        return Err(format!(
            "/versions: expected org.matrix.msc3882: false, got {msc3882:?}"
        ));
    }
    let seen = exchange(client, get_login_types::v3::Request::new()).await?;
    let (login, note2) = seen.ok(&[])?;
    let types: Vec<&str> = login.flows.iter().map(|f| f.login_type()).collect();
    if login.flows.iter().any(|f| matches!(f, LoginType::Token(_))) {
        return Err(format!("GET /login offers m.login.token: {types:?}"));
    }
    let session = flow::password_login(client, &erin.user_id, &erin.password, None)
        .await
        .map_err(|e| format!("password login: {e}"))?;
    let seen = exchange(
        &session.client(client),
        get_capabilities::v3::Request::new(),
    )
    .await?;
    let (capabilities, note3) = seen.ok(&[])?;
    match capabilities.capabilities.get_login_token {
        Some(c) if !c.enabled => {}
        other => {
            return Err(format!(
                "/capabilities: expected m.get_login_token disabled, got {other:?}"
            ))
        }
    }
    Ok((
        session,
        format!(
            "org.matrix.msc3882: false ({note1}); login types {} ({note2}); \
             m.get_login_token enabled: false ({note3})",
            types.join(", ")
        ),
    ))
}

/// No session: `GET /login` lacking `m.login.token` does not say the capability is off (its
/// `get_login_token` flag can only announce it), so the gate stays unchecked and the stable
/// path is chosen; revision 0 loses because `/versions` has its flag disabled.
async fn versions_without_session(bin: &MatrixLogin, base_url: &str) -> StepResult<()> {
    let run = bin
        .run(&["versions", "--homeserver", base_url, "--json"], None)
        .await?;
    run.expect_exit(0, true)?;
    let json = &run.json;
    expect_missing(json, &["capabilities"])?;
    let entry = get_token_entry(json)?;
    expect_chosen(entry, STABLE_GET_TOKEN, "newest_stable")?;
    expect_str(entry, "/decision/gate/state/state", "unchecked")?;
    expect_candidate(entry, REVISION_0, "flag_disabled", Some("versions"))?;
    Ok(((), format!("get_token: {}", at(entry, "/summary")?)))
}

/// With erin's session, `/capabilities` is read: get_token is refused as not available, its
/// gate disabled; every other endpoint still has a path.
async fn versions_with_session(
    bin: &MatrixLogin,
    base_url: &str,
    erin: &LoggedIn,
) -> StepResult<()> {
    let args = [
        "versions",
        "--homeserver",
        base_url,
        "--access-token",
        &erin.access_token,
        "--json",
    ];
    let run = bin.run(&args, None).await?;
    run.expect_exit(0, true)?;
    let json = &run.json;
    // /capabilities known: the disabled gate can only have come from it.
    expect_missing(json, &[])?;
    let others = endpoints_with_a_path(json, Some(GET_TOKEN_ENDPOINT))?;
    let entry = get_token_entry(json)?;
    if !at(entry, "/path")?.is_null() {
        return Err(format!("get_token has a path: {}", at(entry, "/summary")?));
    }
    if let Some(chosen) = entry.pointer("/decision/chosen") {
        return Err(format!(
            "get_token: expected a refusal, got chosen {chosen}"
        ));
    }
    expect_str(entry, "/decision/refused/refusal", "not_available")?;
    expect_str(entry, "/decision/gate/capability", "m.get_login_token")?;
    expect_str(entry, "/decision/gate/state/state", "disabled")?;
    expect_candidate(entry, STABLE_GET_TOKEN, "gate_closed", None)?;
    expect_candidate(entry, REVISION_0, "flag_disabled", Some("versions"))?;
    expect_candidate(entry, REVISION_1, "not_announced", None)?;
    let summary = at(entry, "/summary")?;
    let expected = "/capabilities lists m.get_login_token as disabled";
    if !summary.as_str().is_some_and(|s| s.contains(expected)) {
        return Err(format!("summary {summary} does not say \"{expected}\""));
    }
    Ok((
        (),
        format!("get_token: {summary}; the {others} other endpoints have a path"),
    ))
}

/// `get-token` fails with exit 1 and the reason, and Synapse's log shows no request to any
/// get_token path while it ran: the refusal comes before sending.
async fn get_token_refused(
    bin: &MatrixLogin,
    base_url: &str,
    erin: &Account,
    log: &AccessLog,
) -> StepResult<()> {
    let args = [
        "get-token",
        "--homeserver",
        base_url,
        "--user",
        &erin.user_id,
        "--password-stdin",
        "--json",
    ];
    let mark = log.mark()?;
    let run = bin.run(&args, Some(&erin.password)).await?;
    run.expect_exit(1, false)?;
    let error = at(&run.json, "/error")?;
    if !error
        .as_str()
        .is_some_and(|e| e.contains("not available on this server"))
    {
        return Err(format!(
            "error {error} does not say \"not available on this server\""
        ));
    }
    // A request sent would be logged as the binary got its answer; give the line time to land.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let sent = log.requests_since(mark, &GET_TOKEN_PATHS)?;
    if !sent.is_empty() {
        let sent: Vec<String> = sent.iter().map(ToString::to_string).collect();
        return Err(format!(
            "expected no get_token request, Synapse's log has: {}",
            sent.join(", ")
        ));
    }
    Ok((
        (),
        format!("exit 1, error: {error}; Synapse's log: no get_token request"),
    ))
}

/// The library itself: `flow::request_login_token` returns the refusal (`ClientError::Request`,
/// not sent) with the capability and its state, and never reaches a UIA round.
async fn library_refuses(client: &Client, erin: &LoggedIn) -> StepResult<()> {
    let mut asked = false;
    let result =
        flow::request_login_token(&erin.client(client), &erin.user_id, "not needed", |_| {
            asked = true
        })
        .await;
    match result {
        Err(ClientError::Request(
            ref err @ IntoHttpError::EndpointNotAvailable {
                capability: "m.get_login_token",
                state: GateState::Disabled,
                ..
            },
        )) if !asked => Ok(((), format!("ClientError::Request: {err}"))),
        other => Err(format!(
            "expected ClientError::Request(EndpointNotAvailable, m.get_login_token disabled) \
             before any UIA round, got {:?} (UIA asked: {asked})",
            other.map(|_| ())
        )),
    }
}

/// Forcing each path past the gate (`Policy::Force`, which does not consult it): Synapse has
/// none of them, so refusing up front lost nothing. Synapse's log must then show the three
/// 404s, which also shows that the log check of the step before would have seen a request.
async fn forced_paths_unrecognized(
    base_url: &str,
    erin: &LoggedIn,
    log: &AccessLog,
) -> StepResult<()> {
    let metadata = &get_login_token::v1::Request::METADATA;
    let mut refused = Vec::new();
    let mark = log.mark()?;
    for path in metadata.history.all_paths() {
        let client = flow::connect(base_url, Policy::Force(path.to_owned()))?
            .with_session(Some(erin.access_token.clone()));
        let seen = exchange(&client, get_login_token::v1::Request::new()).await?;
        let (err, _) = seen.err(&[]).map_err(|e| format!("{path}: {e}"))?;
        let err = matrix_error(&err).map_err(|e| format!("{path}: {e}"))?;
        expect_kind(err, StatusCode::NOT_FOUND, &ErrorKind::Unrecognized)
            .map_err(|e| format!("{path}: {e}"))?;
        refused.push(path);
    }
    let logged = log.wait_for(mark, &GET_TOKEN_PATHS, refused.len()).await?;
    let all_404 = logged.iter().all(|r| r.status == 404);
    if logged.len() != refused.len() || !all_404 {
        let logged: Vec<String> = logged.iter().map(ToString::to_string).collect();
        return Err(format!(
            "Synapse's log: expected {} requests answered 404, got [{}]",
            refused.len(),
            logged.join(", ")
        ));
    }
    Ok((
        (),
        format!(
            "404 M_UNRECOGNIZED on {}; Synapse's log has the {} requests",
            refused.join(", "),
            logged.len()
        ),
    ))
}
