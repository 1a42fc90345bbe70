//! The session API against Synapse: discovery, password and token login, `POST /login/get_token`
//! with its UIA round and its rate limit, refresh tokens and logout, through
//! `matrix_login::flow` (as a user of the library sees it) and through the endpoint types
//! (answer by answer, each one checked to be lossless).
//!
//! Synapse lets each user make one successful `POST /login/get_token` a minute (hard-coded, no
//! config changes it), so every get_token that must succeed uses its own user: alice for the
//! hand-over, bob for the answer-by-answer UIA round, and alice again for the rate limit (dave's
//! is the `matrix-login` binary's, in [`crate::decisions`]).

use std::time::Duration;

use matrix_api::error::{ErrorKind, MatrixError};
use matrix_api::http::header::RETRY_AFTER;
use matrix_api::http::StatusCode;
use matrix_api::selection::{Choice, GateState, Policy, Rule, Source};
use matrix_api::{EndpointError, MatrixVersion};
use matrix_client_api::account::whoami;
use matrix_client_api::discovery::{get_capabilities, get_supported_versions};
use matrix_client_api::session::get_login_types::v3::LoginType;
use matrix_client_api::session::{
    get_login_token, get_login_types, login, logout_all, refresh_token,
};
use matrix_client_api::uiaa::{AuthData, Password, UserIdentifier};
use matrix_login::flow::{self, Client, LoggedIn, LoginToken};
use serde_json::Value;

use crate::expect::{expect_kind, matrix_error, uia_info};
use crate::lossless::{exchange, RawResponse};
use crate::report::{Report, StepResult};
use crate::synapse::{Account, BEYOND_SYNAPSE};

/// The path get_token must choose against a server that speaks v1.7 or later.
pub const STABLE_GET_TOKEN: &str = "/_matrix/client/v1/login/get_token";

/// The session steps after discovery, in order; `users` are alice, bob and carol.
pub async fn run(report: &mut Report, client: &Client, users: &[Account; 3]) {
    let [alice, bob, carol] = users;
    report
        .step("path selection (stable get_token)", path_selection(client))
        .await;
    report
        .step("GET /login (login types)", login_types(client))
        .await;
    let device_a = report
        .step("password login (device A)", password_login(client, alice))
        .await;
    report
        .step(
            "password login, wrong password (403)",
            wrong_password(client, alice),
        )
        .await;
    let Some(device_a) = device_a else {
        report.not_run("the hand-over steps", "password login (device A)");
        return;
    };
    report
        .step("GET /capabilities", capabilities(client, &device_a))
        .await;
    let (login_token, device_b) = hand_over(report, client, alice, &device_a).await;
    uia_round_of_user_2(report, client, bob).await;
    report
        .step_after(
            "get_token again within the minute (429)",
            login_token.as_ref(),
            ("get_token again within the minute (429)", "get_token"),
            |_| get_token_rate_limited(client, alice, &device_a),
        )
        .await;
    report
        .step(
            "refresh token (login with refresh_token, POST /refresh)",
            refresh(client, carol),
        )
        .await;
    report
        .step_after(
            "logout (device B), then its token is refused",
            device_b.as_ref(),
            ("logout (device B)", "token login"),
            |b| logout_device_b(client, b, &device_a),
        )
        .await;
    report
        .step(
            "logout/all (device A), then every token is refused",
            logout_everywhere(client, alice, &device_a),
        )
        .await;
}

/// The hand-over through `matrix_login::flow`, as the demo does it: a login token from device A,
/// device B logged in with it, and the token refused a second time. Gives the token and
/// device B to the later steps.
async fn hand_over(
    report: &mut Report,
    client: &Client,
    alice: &Account,
    device_a: &LoggedIn,
) -> (Option<LoginToken>, Option<LoggedIn>) {
    let login_token = report
        .step(
            "get_token with UIA round (flow::request_login_token)",
            get_token_flow(client, alice, device_a),
        )
        .await;
    let device_b = report
        .step_after(
            "token login (device B, flow::token_login)",
            login_token.as_ref(),
            ("token login (device B)", "get_token"),
            |token| token_login_device_b(client, token, device_a),
        )
        .await;
    report
        .step_after(
            "whoami (device B)",
            device_b.as_ref(),
            ("whoami (device B)", "token login"),
            |b| whoami_device_b(client, b),
        )
        .await;
    report
        .step_after(
            "reuse the login token (403 M_FORBIDDEN)",
            login_token.as_ref(),
            ("reuse the login token", "get_token"),
            |token| reuse_login_token(client, token),
        )
        .await;
    (login_token, device_b)
}

/// get_token's UIA round for a second user (bob), answer by answer through the endpoint types,
/// and a login with the token it gives.
async fn uia_round_of_user_2(report: &mut Report, client: &Client, bob: &Account) {
    let bob_token = report
        .step(
            "get_token UIA round, every answer read (user 2)",
            get_token_uia_round(client, bob),
        )
        .await;
    report
        .step_after(
            "token login, response read (user 2)",
            bob_token.as_deref(),
            ("token login, response read (user 2)", "get_token UIA round"),
            |token| token_login_read(client, bob, token),
        )
        .await;
}

/// `GET /versions` through `flow::connect` and `flow::discover` (the default policy, probing
/// on, as `matrix-login` runs): the client every later step uses, acting as no session.
pub async fn discover(base_url: &str) -> StepResult<Client> {
    let client = flow::connect(base_url, Policy::Default)?;
    flow::discover(&client).await?;
    let seen = exchange(&client, get_supported_versions::Request::new()).await?;
    let (_, note) = seen.ok(&[])?;
    let view = client.view();
    let versions: Vec<MatrixVersion> = view.versions().collect();
    if !versions.contains(&MatrixVersion::V1_7) {
        return Err(format!("v1.7 not among {versions:?}"));
    }
    let (first, last) = (versions[0], versions[versions.len() - 1]);
    let msc3882 = view.announced_by("org.matrix.msc3882").is_some();
    let detail = format!(
        "{first} to {last} ({} strings sent), {} features on, org.matrix.msc3882={msc3882}; {note}",
        view.version_names().len(),
        view.enabled().count()
    );
    Ok((client, detail))
}

/// Every endpoint of the registry has a path on Synapse (`flow::decisions`, in process, with no
/// session), and get_token takes the stable one by the newest-stable rule, its capability gate
/// opened by `GET /login`'s `get_login_token: true` since there is no session to ask
/// `/capabilities` for. The same decisions as printed by the binary are checked in
/// [`crate::decisions`].
async fn path_selection(client: &Client) -> StepResult<()> {
    let decisions = flow::decisions(client).await?;
    let mut get_token = None;
    let mut beyond = 0;
    for d in &decisions {
        if BEYOND_SYNAPSE.contains(&d.endpoint.as_str()) {
            if let Ok(path) = d.decision.path() {
                return Err(format!("{}: expected no path, got {path}", d.endpoint));
            }
            beyond += 1;
            continue;
        }
        d.decision
            .path()
            .map_err(|e| format!("{}: no path: {e}", d.endpoint))?;
        if d.decision.endpoint == STABLE_GET_TOKEN {
            get_token = Some(&d.decision);
        }
    }
    let decision = get_token.ok_or("no get_token among the decisions")?;
    let rule_ok = matches!(
        decision.outcome,
        Ok(Choice {
            path: STABLE_GET_TOKEN,
            rule: Rule::NewestStable,
            ..
        })
    );
    let gate_open = decision
        .gate
        .is_some_and(|g| g.state == GateState::Open(Source::LoginFlows));
    if !rule_ok || !gate_open {
        return Err(format!(
            "expected get_token -> {STABLE_GET_TOKEN} by the newest stable rule with the gate \
             open from GET /login, got: {decision}"
        ));
    }
    Ok((
        (),
        format!(
            "{} endpoints have a path, {beyond} newer than Synapse have none; get_token -> \
             {decision}",
            decisions.len() - beyond
        ),
    ))
}

/// `GET /login` offers password login, and token login with `get_login_token: true`.
async fn login_types(client: &Client) -> StepResult<()> {
    let seen = exchange(client, get_login_types::v3::Request::new()).await?;
    let (response, note) = seen.ok(&[])?;
    let token = response.flows.iter().find_map(|f| match f {
        LoginType::Token(t) => Some(t),
        _ => None,
    });
    let Some(token) = token else {
        return Err("no m.login.token flow".to_owned());
    };
    if !token.get_login_token {
        return Err("m.login.token without get_login_token: true".to_owned());
    }
    if !response.flows.contains(&LoginType::Password) {
        return Err("no m.login.password flow".to_owned());
    }
    let types: Vec<&str> = response.flows.iter().map(|f| f.login_type()).collect();
    Ok((
        (),
        format!("{} (get_login_token: true); {note}", types.join(", ")),
    ))
}

/// Password login of alice's device A, whose session the hand-over starts from.
async fn password_login(client: &Client, alice: &Account) -> StepResult<LoggedIn> {
    let mut request = login::v3::Request::new(login::v3::LoginInfo::password(
        &alice.user_id,
        &alice.password,
    ));
    request.initial_device_display_name = Some("interop device A".to_owned());
    let seen = exchange(client, request).await?;
    let (response, note) = seen.ok(&[])?;
    let well_known = response
        .well_known
        .as_ref()
        .map_or("no well_known".to_owned(), |w| {
            format!("well_known {}", w.homeserver.base_url)
        });
    let detail = format!(
        "{} on device {}, {well_known}; {note}",
        response.user_id, response.device_id
    );
    Ok((LoggedIn::from(response), detail))
}

/// A wrong password is refused with 403 `M_FORBIDDEN`.
async fn wrong_password(client: &Client, alice: &Account) -> StepResult<()> {
    let request = login::v3::Request::new(login::v3::LoginInfo::password(&alice.user_id, "wrong"));
    let seen = exchange(client, request).await?;
    let (err, note) = seen.err(&[])?;
    expect_kind(&err, StatusCode::FORBIDDEN, &ErrorKind::Forbidden)?;
    Ok(((), format!("{err}; {note}")))
}

/// `GET /capabilities` says get_token is enabled, and keeps the capabilities we do not model.
async fn capabilities(client: &Client, device_a: &LoggedIn) -> StepResult<()> {
    let seen = exchange(
        &device_a.client(client),
        get_capabilities::v3::Request::new(),
    )
    .await?;
    let (response, note) = seen.ok(&[])?;
    let caps = &response.capabilities;
    match caps.get_login_token {
        Some(c) if c.enabled => {}
        other => return Err(format!("m.get_login_token is {other:?}")),
    }
    Ok((
        (),
        format!(
            "m.get_login_token enabled, m.change_password {:?}, {} others kept; {note}",
            caps.change_password.map(|c| c.enabled),
            caps.other.len()
        ),
    ))
}

/// A login token for device A through `flow::request_login_token`, which must have been asked
/// for the password in a UIA round first (Synapse is configured with `require_ui_auth`), on the
/// stable path, its gate opened by `/capabilities` now that there is a session.
async fn get_token_flow(
    client: &Client,
    alice: &Account,
    device_a: &LoggedIn,
) -> StepResult<LoginToken> {
    let device = device_a.client(client);
    let decision = device
        .decide(&get_login_token::v1::Request::METADATA)
        .await
        .map_err(|e| format!("deciding get_token's path: {e}"))?;
    let gate_open = decision
        .gate
        .is_some_and(|g| g.state == GateState::Open(Source::Capabilities));
    if decision.path() != Ok(STABLE_GET_TOKEN) || !gate_open {
        return Err(format!(
            "expected {STABLE_GET_TOKEN} with the gate open from /capabilities, got: {decision}"
        ));
    }
    let mut asked = None;
    let token = flow::request_login_token(&device, &device_a.user_id, &alice.password, |info| {
        asked = Some(info.clone());
    })
    .await
    .map_err(|e| e.to_string())?;
    let info = asked.ok_or("the server issued a token without asking for UIA")?;
    let stages: Vec<String> = info.flows.iter().map(|f| f.stages.join("+")).collect();
    if !stages.iter().any(|s| s == "m.login.password") || info.session.is_none() {
        return Err(format!(
            "UIA offered {stages:?}, session {:?}",
            info.session
        ));
    }
    let detail = format!(
        "401 asked for [{}] with a session, answered with the password; token valid for {}s; \
         path: {decision}",
        stages.join(", "),
        token.expires_in.as_secs()
    );
    Ok((token, detail))
}

/// Device B logs in with the token through `flow::token_login`: the same user, a new device.
async fn token_login_device_b(
    client: &Client,
    token: &LoginToken,
    device_a: &LoggedIn,
) -> StepResult<LoggedIn> {
    let b = flow::token_login(client, &token.token, Some("interop device B"))
        .await
        .map_err(|e| e.to_string())?;
    if b.user_id != device_a.user_id || b.device_id == device_a.device_id {
        return Err(format!("got {} on {}", b.user_id, b.device_id));
    }
    let detail = format!("{} on new device {}", b.user_id, b.device_id);
    Ok((b, detail))
}

/// Device B's token works, and whoami names its user and device, through the flow and raw.
async fn whoami_device_b(client: &Client, b: &LoggedIn) -> StepResult<()> {
    let device_b = b.client(client);
    let me = flow::whoami(&device_b).await.map_err(|e| e.to_string())?;
    if me.user_id != b.user_id || me.device_id.as_ref() != Some(&b.device_id) {
        return Err(format!("whoami says {} on {:?}", me.user_id, me.device_id));
    }
    let seen = exchange(&device_b, whoami::v3::Request::new()).await?;
    let (_, note) = seen.ok(&[])?;
    Ok((
        (),
        format!("{} on device {}; {note}", me.user_id, b.device_id),
    ))
}

/// A used login token is refused with 403 `M_FORBIDDEN`, read raw and through the flow.
async fn reuse_login_token(client: &Client, token: &LoginToken) -> StepResult<()> {
    let request = login::v3::Request::new(login::v3::LoginInfo::token(&token.token));
    let seen = exchange(client, request).await?;
    let (err, note) = seen.err(&[])?;
    expect_kind(&err, StatusCode::FORBIDDEN, &ErrorKind::Forbidden)?;
    // And through flow::token_login, as a user of the library sees it.
    match flow::token_login(client, &token.token, None).await {
        Err(e) if e.server_error().and_then(MatrixError::kind) == Some(&ErrorKind::Forbidden) => {}
        other => return Err(format!("second reuse: {:?}", other.map(|_| ()))),
    }
    Ok(((), format!("refused: {err}; {note}")))
}

/// get_token's three answers for bob, each read into our types: the UIA challenge, the wrong
/// password, the right one. Gives the login token.
async fn get_token_uia_round(client: &Client, bob: &Account) -> StepResult<String> {
    let bob_a = flow::password_login(client, &bob.user_id, &bob.password, None)
        .await
        .map_err(|e| format!("password login: {e}"))?;
    let device = bob_a.client(client);

    // 1. No auth: 401 with flows and a session, and no errcode.
    let seen = exchange(&device, get_login_token::v1::Request::new()).await?;
    if seen.raw.status() != StatusCode::UNAUTHORIZED {
        return Err(format!("first call: {}", seen.raw.status()));
    }
    let (err, note1) = seen.err(&[]).map_err(|e| format!("first call: {e}"))?;
    let info = uia_info(&err)?;
    if info.auth_error.is_some() {
        return Err(format!("first call carries an error: {err}"));
    }
    let session = info.session.clone().ok_or("no UIA session")?;

    // 2. Wrong password: 401 again, now with errcode M_FORBIDDEN.
    let request = get_login_token::v1::Request {
        auth: Some(password_auth(bob, "wrong password", Some(session.clone()))),
    };
    let seen = exchange(&device, request).await?;
    let (err, note2) = seen.err(&[]).map_err(|e| format!("wrong password: {e}"))?;
    let info = uia_info(&err).map_err(|e| format!("wrong password: {e}"))?;
    match &info.auth_error {
        Some(e) if e.kind == ErrorKind::Forbidden => {}
        other => return Err(format!("wrong password: auth_error {other:?}")),
    }

    // 3. The right password: the token.
    let request = get_login_token::v1::Request {
        auth: Some(password_auth(bob, &bob.password, Some(session))),
    };
    let seen = exchange(&device, request).await?;
    let (response, note3) = seen
        .ok(&["expires_in"])
        .map_err(|e| format!("right password: {e}"))?;
    let detail = format!(
        "401 without errcode ({note1}); wrong password: 401 {} ({note2}); \
         right password: 200, expires_in_ms {} ({note3})",
        info.auth_error.as_ref().expect("checked above"),
        response.expires_in.as_millis()
    );
    Ok((response.login_token, detail))
}

/// Bob logs in with his token through the endpoint types, the response read and checked.
async fn token_login_read(client: &Client, bob: &Account, token: &str) -> StepResult<()> {
    let request = login::v3::Request::new(login::v3::LoginInfo::token(token));
    let seen = exchange(client, request).await?;
    let (response, note) = seen.ok(&[])?;
    if response.user_id.as_str() != bob.user_id {
        return Err(format!("logged in as {}", response.user_id));
    }
    Ok((
        (),
        format!("{} on {}; {note}", response.user_id, response.device_id),
    ))
}

/// Alice's second get_token within the minute, past UIA, is refused with 429
/// `M_LIMIT_EXCEEDED`, `retry_after_ms` in the body and `Retry-After` in the header.
async fn get_token_rate_limited(
    client: &Client,
    alice: &Account,
    device_a: &LoggedIn,
) -> StepResult<()> {
    let device = device_a.client(client);
    let seen = exchange(&device, get_login_token::v1::Request::new()).await?;
    let (err, _) = seen.err(&[])?;
    let session = uia_info(&err)?.session.clone();
    let request = get_login_token::v1::Request {
        auth: Some(password_auth(alice, &alice.password, session)),
    };
    let seen = exchange(&device, request).await?;
    let (err, note) = seen.err(&[])?;
    let err = matrix_error(&err)?;
    let Some(ErrorKind::LimitExceeded {
        retry_after_ms: Some(ms),
    }) = err.kind()
    else {
        return Err(format!(
            "expected 429 M_LIMIT_EXCEEDED with retry_after_ms, got {err}"
        ));
    };
    if err.status != StatusCode::TOO_MANY_REQUESTS {
        return Err(format!("status {}", err.status));
    }
    let seconds = retry_after_header(&seen.raw)?;
    Ok((
        (),
        format!(
            "{} retry_after_ms {ms}, Retry-After: {seconds} (read as {}s without the body field); {note}",
            err.status,
            seconds
        ),
    ))
}

/// The 429's `Retry-After` header in seconds, checked to be what our `MatrixError` reads when
/// the body has no `retry_after_ms`: that fallback is only tested here, on Synapse's real header.
fn retry_after_header(raw: &RawResponse) -> Result<u64, String> {
    let header = raw
        .headers()
        .get(RETRY_AFTER)
        .ok_or("no Retry-After header")?
        .to_str()
        .map_err(|e| e.to_string())?
        .to_owned();
    let seconds: u64 = header
        .trim()
        .parse()
        .map_err(|_| format!("Retry-After `{header}` is not seconds"))?;
    let mut body: Value = serde_json::from_slice(raw.body()).expect("checked");
    body.as_object_mut()
        .expect("an error object")
        .remove("retry_after_ms");
    let without = matrix_api::http::Response::builder()
        .status(raw.status())
        .header(RETRY_AFTER, &header)
        .body(serde_json::to_vec(&body).expect("JSON"))
        .expect("valid response");
    let fallback = MatrixError::from_http_response(without).retry_after();
    if fallback != Some(Duration::from_secs(seconds)) {
        return Err(format!("header fallback read {fallback:?}"));
    }
    Ok(seconds)
}

/// Carol logs in asking for a refresh token, trades it at `POST /refresh`, and the new access
/// token works.
async fn refresh(client: &Client, carol: &Account) -> StepResult<()> {
    let mut request = login::v3::Request::new(login::v3::LoginInfo::password(
        &carol.user_id,
        &carol.password,
    ));
    request.refresh_token = true;
    let seen = exchange(client, request).await?;
    let (response, note1) = seen.ok(&[])?;
    let (Some(refresh), Some(lifetime)) = (&response.refresh_token, response.expires_in) else {
        return Err("login gave no refresh_token / expires_in_ms".to_owned());
    };
    let seen = exchange(client, refresh_token::v3::Request::new(refresh.clone())).await?;
    let (refreshed, note2) = seen.ok(&[])?;
    let me = flow::whoami(&client.with_session(Some(refreshed.access_token.clone())))
        .await
        .map_err(|e| format!("whoami with the refreshed token: {e}"))?;
    if me.user_id != response.user_id {
        return Err(format!("refreshed token belongs to {}", me.user_id));
    }
    Ok((
        (),
        format!(
            "login: expires_in_ms {} ({note1}); refresh: new access token{}, expires_in_ms {:?} ({note2}); whoami ok",
            lifetime.as_millis(),
            if refreshed.refresh_token.is_some() { " and refresh token" } else { "" },
            refreshed.expires_in.map(|d| d.as_millis())
        ),
    ))
}

/// Device B logs out: its token is then refused with a hard (not soft) logout, and device A's
/// token still works.
async fn logout_device_b(client: &Client, b: &LoggedIn, device_a: &LoggedIn) -> StepResult<()> {
    let device_b = b.client(client);
    flow::logout(&device_b)
        .await
        .map_err(|e| format!("logout: {e}"))?;
    let seen = exchange(&device_b, whoami::v3::Request::new()).await?;
    let (err, note) = seen.err(&[])?;
    expect_kind(
        &err,
        StatusCode::UNAUTHORIZED,
        &ErrorKind::UnknownToken { soft_logout: false },
    )?;
    let body: Value = serde_json::from_slice(seen.raw.body()).expect("checked");
    if body.get("soft_logout") != Some(&Value::Bool(false)) {
        return Err(format!("no soft_logout in {body}"));
    }
    flow::whoami(&device_a.client(client))
        .await
        .map_err(|e| format!("device A was logged out too: {e}"))?;
    Ok((
        (),
        format!("{err} (soft_logout: false); device A still in; {note}"),
    ))
}

/// `POST /logout/all` from device A: device A's token and one from a second login are both
/// refused afterwards.
async fn logout_everywhere(
    client: &Client,
    alice: &Account,
    device_a: &LoggedIn,
) -> StepResult<()> {
    let second = flow::password_login(client, &alice.user_id, &alice.password, None)
        .await
        .map_err(|e| format!("second login: {e}"))?;
    let seen = exchange(&device_a.client(client), logout_all::v3::Request::new()).await?;
    seen.ok(&[])?;
    let mut refused = Vec::new();
    for session in [device_a, &second] {
        let answer = flow::whoami(&session.client(client)).await;
        match answer.as_ref().map_err(|e| e.server_error()) {
            Err(Some(e)) => {
                expect_kind(
                    e,
                    StatusCode::UNAUTHORIZED,
                    &ErrorKind::UnknownToken { soft_logout: false },
                )?;
                refused.push(e.to_string());
            }
            _ => {
                return Err(format!(
                    "{} still answers: {:?}",
                    session.device_id,
                    answer.map(|r| r.user_id)
                ))
            }
        }
    }
    Ok((
        (),
        format!("both of alice's devices refused: {}", refused[0]),
    ))
}

/// UIA's `m.login.password` stage for `account`, with the password to try.
fn password_auth(account: &Account, password: &str, session: Option<String>) -> AuthData {
    AuthData::Password(Password::new(
        UserIdentifier::user(account.user_id.as_str()),
        password,
        session,
    ))
}
