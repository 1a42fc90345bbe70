//! Interoperability run: the project's client code (`matrix_login::client::Client`,
//! `matrix_login::flow` and `matrix-api`'s endpoint types) against a real Synapse.
//!
//! ```text
//! cargo run -p matrix-login --example interop_synapse -- BASE_URL SHARED_SECRET
//! ```
//!
//! `scripts/interop-synapse.sh` installs and starts Synapse and runs this. Each step prints one
//! `PASS step: detail` or `FAIL step: reason` line; the exit status is non-zero when any step
//! failed. Every response Synapse sends is parsed into our types and written back out with the
//! same types (`OutgoingResponse`): the two JSON documents must agree, except for fields our
//! types deliberately leave out (listed per step, such as get_token's legacy `expires_in`) and
//! fields whose value is the default our types omit (`false`, `[]`, `{}`).
//!
//! Synapse lets each user make one successful `POST /login/get_token` a minute, so every
//! get_token that must succeed uses its own user. Users are registered with Synapse's
//! shared-secret admin API, the one call here that is not a Matrix endpoint of ours.

use std::future::Future;
use std::process::ExitCode;
use std::time::{Duration, SystemTime};

use hmac::{Hmac, Mac};
use matrix_api::error::{ErrorKind, MatrixError};
use matrix_api::http::header::RETRY_AFTER;
use matrix_api::http::StatusCode;
use matrix_api::{
    EndpointError, FromHttpResponseError, IncomingResponse, MatrixVersion, OutgoingRequest,
    OutgoingResponse, SendAccessToken,
};
use matrix_client_api::account::whoami;
use matrix_client_api::discovery::{get_capabilities, get_supported_versions};
use matrix_client_api::session::{
    get_login_token, get_login_types, login, logout_all, refresh_token,
};
use matrix_client_api::uiaa::{AuthData, Password, UiaaInfo, UiaaResponse, UserIdentifier};
use matrix_login::client::{Client, ClientError};
use matrix_login::flow::{self, LoggedIn};
use serde_json::{json, Value};
use sha1::Sha1;

const STABLE_GET_TOKEN: &str = "/_matrix/client/v1/login/get_token";

/// The PASS/FAIL lines and their count.
#[derive(Default)]
struct Report {
    passed: usize,
    failed: usize,
}

impl Report {
    /// Runs one step and prints its line; `None` when it failed.
    async fn step<T>(
        &mut self,
        name: &str,
        run: impl Future<Output = Result<(T, String), String>>,
    ) -> Option<T> {
        match run.await {
            Ok((value, detail)) => {
                self.passed += 1;
                println!("PASS {name}: {detail}");
                Some(value)
            }
            Err(reason) => {
                self.failed += 1;
                println!("FAIL {name}: {reason}");
                None
            }
        }
    }

    /// A step that cannot run because one it depends on failed.
    fn not_run(&mut self, name: &str, because: &str) {
        self.failed += 1;
        println!("FAIL {name}: not run, because `{because}` failed");
    }
}

/// A user registered for this run.
#[derive(Clone)]
struct Account {
    user_id: String,
    password: String,
}

/// One exchange with Synapse: the response as it came, and what our types made of it.
struct Seen<R: OutgoingRequest> {
    raw: matrix_api::http::Response<Vec<u8>>,
    parsed: Result<R::IncomingResponse, FromHttpResponseError<R::EndpointError>>,
}

async fn exchange<R: OutgoingRequest>(
    client: &Client,
    request: R,
    access_token: SendAccessToken<'_>,
) -> Result<Seen<R>, String> {
    let raw = client
        .send_unparsed(request, access_token)
        .await
        .map_err(|e| e.to_string())?;
    let parsed = R::IncomingResponse::try_from_http_response(raw.clone());
    Ok(Seen { raw, parsed })
}

impl<R: OutgoingRequest> Seen<R>
where
    R::IncomingResponse: OutgoingResponse + Clone,
    R::EndpointError: Clone,
{
    /// The success response, checked to lose nothing but the `ignored` fields.
    fn ok(&self, ignored: &[&str]) -> Result<(R::IncomingResponse, String), String> {
        match &self.parsed {
            Ok(response) => {
                let note = lossless(&self.raw, response.clone(), ignored)?;
                Ok((response.clone(), note))
            }
            Err(err) => Err(format!(
                "expected success, got {}: {}",
                self.raw.status(),
                describe(err)
            )),
        }
    }

    /// The error response, checked to lose nothing but the `ignored` fields.
    fn err(&self, ignored: &[&str]) -> Result<(R::EndpointError, String), String> {
        match &self.parsed {
            Err(FromHttpResponseError::Server(err)) => {
                let note = lossless(&self.raw, err.clone(), ignored)?;
                Ok((err.clone(), note))
            }
            Err(err) => Err(format!("unreadable error response: {err}")),
            Ok(_) => Err(format!("expected an error, got {}", self.raw.status())),
        }
    }
}

fn describe<E: std::fmt::Display>(err: &FromHttpResponseError<E>) -> String {
    match err {
        FromHttpResponseError::Server(err) => err.to_string(),
        other => other.to_string(),
    }
}

/// Writes `ours` back out with our types and compares it with what Synapse sent: status and
/// JSON body. Returns a note naming the fields our types deliberately ignored.
fn lossless<T: OutgoingResponse>(
    raw: &matrix_api::http::Response<Vec<u8>>,
    ours: T,
    ignored: &[&str],
) -> Result<String, String> {
    let theirs: Value = serde_json::from_slice(raw.body())
        .map_err(|e| format!("Synapse's body is not JSON ({e})"))?;
    let ours = ours
        .try_into_http_response::<Vec<u8>>()
        .map_err(|e| format!("our type does not serialise back: {e}"))?;
    if ours.status() != raw.status() {
        return Err(format!(
            "status {} read back as {}",
            raw.status(),
            ours.status()
        ));
    }
    let ours: Value =
        serde_json::from_slice(ours.body()).map_err(|e| format!("our type wrote no JSON ({e})"))?;
    let mut skipped = Vec::new();
    compare(&theirs, &ours, "", ignored, &mut skipped)?;
    Ok(if skipped.is_empty() {
        "lossless".to_owned()
    } else {
        format!("lossless; not modelled, ignored: {}", skipped.join(", "))
    })
}

/// Values our types do not write because they equal the default.
fn is_default(value: &Value) -> bool {
    match value {
        Value::Null | Value::Bool(false) => true,
        Value::Array(items) => items.is_empty(),
        Value::Object(fields) => fields.is_empty(),
        _ => false,
    }
}

fn compare(
    theirs: &Value,
    ours: &Value,
    at: &str,
    ignored: &[&str],
    skipped: &mut Vec<String>,
) -> Result<(), String> {
    let field = |key: &str| {
        if at.is_empty() {
            key.to_owned()
        } else {
            format!("{at}.{key}")
        }
    };
    match (theirs, ours) {
        (Value::Object(theirs), Value::Object(ours)) => {
            for (key, value) in theirs {
                let path = field(key);
                match ours.get(key) {
                    Some(our_value) => compare(value, our_value, &path, ignored, skipped)?,
                    None if is_default(value) => {}
                    None if ignored.contains(&path.as_str()) => skipped.push(path),
                    None => return Err(format!("field `{path}` ({value}) lost by our types")),
                }
            }
            for (key, value) in ours {
                if !theirs.contains_key(key) && !is_default(value) {
                    return Err(format!(
                        "field `{}` ({value}) added by our types",
                        field(key)
                    ));
                }
            }
            Ok(())
        }
        (Value::Array(theirs), Value::Array(ours)) if theirs.len() == ours.len() => {
            for (i, (t, o)) in theirs.iter().zip(ours).enumerate() {
                compare(t, o, &field(&i.to_string()), ignored, skipped)?;
            }
            Ok(())
        }
        _ if theirs == ours => Ok(()),
        _ => Err(format!(
            "`{}`: Synapse sent {theirs}, our types read back {ours}",
            if at.is_empty() { "body" } else { at }
        )),
    }
}

fn matrix_error(err: &UiaaResponse) -> Result<&MatrixError, String> {
    match err {
        UiaaResponse::MatrixError(err) => Ok(err),
        UiaaResponse::AuthResponse(info) => Err(format!(
            "expected an ordinary error, got a UIA answer: {}",
            UiaaResponse::AuthResponse(info.clone())
        )),
    }
}

fn uia_info(err: &UiaaResponse) -> Result<&UiaaInfo, String> {
    match err {
        UiaaResponse::AuthResponse(info) => Ok(info),
        UiaaResponse::MatrixError(err) => Err(format!("expected a UIA 401, got {err}")),
    }
}

fn expect_kind(err: &MatrixError, status: StatusCode, kind: &ErrorKind) -> Result<(), String> {
    if err.status != status || err.kind() != Some(kind) {
        return Err(format!("expected {status} {kind:?}, got {err}"));
    }
    Ok(())
}

fn password_auth(account: &Account, password: &str, session: Option<String>) -> AuthData {
    AuthData::Password(Password::new(
        UserIdentifier::user(account.user_id.as_str()),
        password,
        session,
    ))
}

/// Synapse's shared-secret registration (`/_synapse/admin/v1/register`): not a Matrix
/// endpoint, so plain JSON over reqwest.
async fn register(
    http: &reqwest::Client,
    base_url: &str,
    secret: &str,
    localpart: &str,
    password: &str,
) -> Result<String, String> {
    let url = format!("{base_url}/_synapse/admin/v1/register");
    let nonce: Value = http
        .get(&url)
        .send()
        .await
        .and_then(|r| r.error_for_status())
        .map_err(|e| format!("nonce: {e}"))?
        .json()
        .await
        .map_err(|e| format!("nonce: {e}"))?;
    let nonce = nonce["nonce"].as_str().ok_or("no nonce in the answer")?;
    let mut mac = Hmac::<Sha1>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key");
    for (i, part) in [nonce, localpart, password, "notadmin"].iter().enumerate() {
        if i > 0 {
            mac.update(b"\0");
        }
        mac.update(part.as_bytes());
    }
    let mac: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let body = json!({
        "nonce": nonce, "username": localpart, "password": password, "admin": false, "mac": mac,
    });
    let response = http
        .post(&url)
        .json(&body)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    let status = response.status();
    let answer: Value = response.json().await.map_err(|e| e.to_string())?;
    match answer["user_id"].as_str() {
        Some(user_id) if status.is_success() => Ok(user_id.to_owned()),
        _ => Err(format!("{status}: {answer}")),
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(base_url), Some(secret)) = (args.next(), args.next()) else {
        eprintln!("usage: interop_synapse BASE_URL SHARED_SECRET");
        return ExitCode::from(2);
    };
    let mut report = Report::default();
    run(&mut report, base_url.trim_end_matches('/'), &secret).await;
    println!(
        "interop-synapse: {} passed, {} failed",
        report.passed, report.failed
    );
    if report.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

async fn run(report: &mut Report, base_url: &str, secret: &str) {
    // Fresh names per run, so a rerun against the same server is not refused or rate limited.
    let suffix = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() % 1_000_000);
    let http = reqwest::Client::new();

    // --- register users --------------------------------------------------------------------
    let accounts = report
        .step("register users (shared-secret admin API)", async {
            let mut accounts = Vec::new();
            for name in ["alice", "bob", "carol"] {
                let localpart = format!("{name}{suffix}");
                let password = format!("{name}-pass-{suffix}");
                let user_id = register(&http, base_url, secret, &localpart, &password)
                    .await
                    .map_err(|e| format!("{localpart}: {e}"))?;
                accounts.push(Account { user_id, password });
            }
            let ids: Vec<&str> = accounts.iter().map(|a| a.user_id.as_str()).collect();
            let detail = ids.join(", ");
            Ok((accounts, detail))
        })
        .await;
    let Some(accounts) = accounts else {
        report.not_run("everything else", "register users");
        return;
    };
    let (alice, bob, carol) = (&accounts[0], &accounts[1], &accounts[2]);

    // --- discovery ---------------------------------------------------------------------------
    let client = report
        .step("GET /versions -> SupportedVersions", async {
            let client = Client::discover(base_url)
                .await
                .map_err(|e| e.to_string())?;
            let seen = exchange(
                &client,
                get_supported_versions::Request::new(),
                SendAccessToken::None,
            )
            .await?;
            let (_, note) = seen.ok(&[])?;
            let supported = client.supported();
            if !supported.versions.contains(&MatrixVersion::V1_7) {
                return Err(format!("v1.7 not among {:?}", supported.versions));
            }
            let first = supported.versions.iter().next().expect("v1.7 is there");
            let last = supported.versions.iter().next_back().expect("v1.7 is there");
            let msc3882 = supported.has_feature("org.matrix.msc3882");
            let detail = format!(
                "{first} to {last} ({} strings sent), {} features on, org.matrix.msc3882={msc3882}; {note}",
                client.versions_response().versions.len(),
                supported.features.len()
            );
            Ok((client, detail))
        })
        .await;
    let Some(client) = client else {
        report.not_run("everything else", "GET /versions");
        return;
    };

    report
        .step("path selection (stable get_token)", async {
            let choices = flow::path_choices(client.supported());
            let mut get_token = None;
            for choice in &choices {
                let path = choice
                    .path
                    .as_ref()
                    .map_err(|e| format!("{}: no path: {e}", choice.endpoint))?;
                if choice.endpoint.ends_with("/login/get_token") {
                    get_token = Some((*path, choice.reason.clone()));
                }
            }
            match get_token {
                Some((path, reason)) if path == STABLE_GET_TOKEN => Ok((
                    (),
                    format!(
                        "{} endpoints have a path; get_token -> {path} ({reason})",
                        choices.len()
                    ),
                )),
                other => Err(format!("get_token chose {other:?}")),
            }
        })
        .await;

    report
        .step("GET /login (login types)", async {
            let seen = exchange(
                &client,
                get_login_types::v3::Request::new(),
                SendAccessToken::None,
            )
            .await?;
            let (response, note) = seen.ok(&[])?;
            use get_login_types::v3::LoginType;
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
        })
        .await;

    // --- password login ----------------------------------------------------------------------
    let device_a = report
        .step("password login (device A)", async {
            let mut request = login::v3::Request::new(login::v3::LoginInfo::password(
                &alice.user_id,
                &alice.password,
            ));
            request.initial_device_display_name = Some("interop device A".to_owned());
            let seen = exchange(&client, request, SendAccessToken::None).await?;
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
        })
        .await;

    report
        .step("password login, wrong password (403)", async {
            let request =
                login::v3::Request::new(login::v3::LoginInfo::password(&alice.user_id, "wrong"));
            let seen = exchange(&client, request, SendAccessToken::None).await?;
            let (err, note) = seen.err(&[])?;
            expect_kind(&err, StatusCode::FORBIDDEN, &ErrorKind::Forbidden)?;
            Ok(((), format!("{err}; {note}")))
        })
        .await;

    let Some(device_a) = device_a else {
        report.not_run("the hand-over steps", "password login (device A)");
        return;
    };
    let token_a = SendAccessToken::IfRequired(&device_a.access_token);

    report
        .step("GET /capabilities", async {
            let seen = exchange(&client, get_capabilities::v3::Request::new(), token_a).await?;
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
        })
        .await;

    // --- the hand-over through matrix_login::flow ---------------------------------------------
    let login_token = report
        .step("get_token with UIA round (flow::request_login_token)", async {
            let mut asked = None;
            let token = flow::request_login_token(&client, &device_a, &alice.password, |info| {
                asked = Some(info.clone());
            })
            .await
            .map_err(|e| e.to_string())?;
            let info = asked.ok_or("the server issued a token without asking for UIA")?;
            let stages: Vec<String> = info.flows.iter().map(|f| f.stages.join("+")).collect();
            if !stages.iter().any(|s| s == "m.login.password") || info.session.is_none() {
                return Err(format!("UIA offered {stages:?}, session {:?}", info.session));
            }
            let detail = format!(
                "401 asked for [{}] with a session, answered with the password; token valid for {}s",
                stages.join(", "),
                token.expires_in.as_secs()
            );
            Ok((token, detail))
        })
        .await;

    let device_b = match &login_token {
        Some(token) => {
            report
                .step("token login (device B, flow::token_login)", async {
                    let b = flow::token_login(&client, &token.token, Some("interop device B"))
                        .await
                        .map_err(|e| e.to_string())?;
                    if b.user_id != device_a.user_id || b.device_id == device_a.device_id {
                        return Err(format!("got {} on {}", b.user_id, b.device_id));
                    }
                    let detail = format!("{} on new device {}", b.user_id, b.device_id);
                    Ok((b, detail))
                })
                .await
        }
        None => {
            report.not_run("token login (device B)", "get_token");
            None
        }
    };

    if let Some(b) = &device_b {
        report
            .step("whoami (device B)", async {
                let me = flow::whoami(&client, &b.access_token)
                    .await
                    .map_err(|e| e.to_string())?;
                if me.user_id != b.user_id || me.device_id.as_ref() != Some(&b.device_id) {
                    return Err(format!("whoami says {} on {:?}", me.user_id, me.device_id));
                }
                let seen = exchange(
                    &client,
                    whoami::v3::Request::new(),
                    SendAccessToken::IfRequired(&b.access_token),
                )
                .await?;
                let (_, note) = seen.ok(&[])?;
                Ok((
                    (),
                    format!("{} on device {}; {note}", me.user_id, b.device_id),
                ))
            })
            .await;
    } else {
        report.not_run("whoami (device B)", "token login");
    }

    match &login_token {
        Some(token) => {
            report
                .step("reuse the login token (403 M_FORBIDDEN)", async {
                    let request =
                        login::v3::Request::new(login::v3::LoginInfo::token(&token.token));
                    let seen = exchange(&client, request, SendAccessToken::None).await?;
                    let (err, note) = seen.err(&[])?;
                    expect_kind(&err, StatusCode::FORBIDDEN, &ErrorKind::Forbidden)?;
                    // And through flow::token_login, as a user of the library sees it.
                    match flow::token_login(&client, &token.token, None).await {
                        Err(ClientError::Response(FromHttpResponseError::Server(e)))
                            if e.kind() == Some(&ErrorKind::Forbidden) => {}
                        other => return Err(format!("second reuse: {:?}", other.map(|_| ()))),
                    }
                    Ok(((), format!("refused: {err}; {note}")))
                })
                .await;
        }
        None => report.not_run("reuse the login token", "get_token"),
    }

    // --- get_token's UIA round, response by response (bob) ------------------------------------
    let bob_token = report
        .step("get_token UIA round, every answer read (user 2)", async {
            let bob_a = flow::password_login(&client, &bob.user_id, &bob.password, None)
                .await
                .map_err(|e| format!("password login: {e}"))?;
            let token = SendAccessToken::IfRequired(&bob_a.access_token);

            // 1. No auth: 401 with flows and a session, and no errcode.
            let seen = exchange(&client, get_login_token::v1::Request::new(), token).await?;
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
            let seen = exchange(&client, request, token).await?;
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
            let seen = exchange(&client, request, token).await?;
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
        })
        .await;

    match &bob_token {
        Some(token) => {
            report
                .step("token login, response read (user 2)", async {
                    let request = login::v3::Request::new(login::v3::LoginInfo::token(token));
                    let seen = exchange(&client, request, SendAccessToken::None).await?;
                    let (response, note) = seen.ok(&[])?;
                    if response.user_id.as_str() != bob.user_id {
                        return Err(format!("logged in as {}", response.user_id));
                    }
                    Ok((
                        (),
                        format!("{} on {}; {note}", response.user_id, response.device_id),
                    ))
                })
                .await;
        }
        None => report.not_run("token login, response read (user 2)", "get_token UIA round"),
    }

    // --- the rate limit (alice again, within the minute) -------------------------------------
    if login_token.is_some() {
        report
            .step("get_token again within the minute (429)", async {
                let seen =
                    exchange(&client, get_login_token::v1::Request::new(), token_a).await?;
                let (err, _) = seen.err(&[])?;
                let session = uia_info(&err)?.session.clone();
                let request = get_login_token::v1::Request {
                    auth: Some(password_auth(alice, &alice.password, session)),
                };
                let seen = exchange(&client, request, token_a).await?;
                let (err, note) = seen.err(&[])?;
                let err = matrix_error(&err)?;
                let Some(ErrorKind::LimitExceeded {
                    retry_after_ms: Some(ms),
                }) = err.kind()
                else {
                    return Err(format!("expected 429 M_LIMIT_EXCEEDED with retry_after_ms, got {err}"));
                };
                if err.status != StatusCode::TOO_MANY_REQUESTS {
                    return Err(format!("status {}", err.status));
                }
                let header = seen
                    .raw
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
                // Our MatrixError falls back to the header when the body has no
                // retry_after_ms: check that with Synapse's real header.
                let mut body: Value = serde_json::from_slice(seen.raw.body()).expect("checked");
                body.as_object_mut()
                    .expect("an error object")
                    .remove("retry_after_ms");
                let without = matrix_api::http::Response::builder()
                    .status(seen.raw.status())
                    .header(RETRY_AFTER, &header)
                    .body(serde_json::to_vec(&body).expect("JSON"))
                    .expect("valid response");
                let fallback = MatrixError::from_http_response(without).retry_after();
                if fallback != Some(Duration::from_secs(seconds)) {
                    return Err(format!("header fallback read {fallback:?}"));
                }
                Ok((
                    (),
                    format!(
                        "{} retry_after_ms {ms}, Retry-After: {seconds} (read as {}s without the body field); {note}",
                        err.status,
                        seconds
                    ),
                ))
            })
            .await;
    } else {
        report.not_run("get_token again within the minute (429)", "get_token");
    }

    // --- refresh tokens (carol) --------------------------------------------------------------
    report
        .step("refresh token (login with refresh_token, POST /refresh)", async {
            let mut request = login::v3::Request::new(login::v3::LoginInfo::password(
                &carol.user_id,
                &carol.password,
            ));
            request.refresh_token = true;
            let seen = exchange(&client, request, SendAccessToken::None).await?;
            let (response, note1) = seen.ok(&[])?;
            let (Some(refresh), Some(lifetime)) = (&response.refresh_token, response.expires_in)
            else {
                return Err("login gave no refresh_token / expires_in_ms".to_owned());
            };
            let seen = exchange(
                &client,
                refresh_token::v3::Request::new(refresh.clone()),
                SendAccessToken::None,
            )
            .await?;
            let (refreshed, note2) = seen.ok(&[])?;
            let me = flow::whoami(&client, &refreshed.access_token)
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
        })
        .await;

    // --- logout ------------------------------------------------------------------------------
    if let Some(b) = &device_b {
        report
            .step("logout (device B), then its token is refused", async {
                flow::logout(&client, b)
                    .await
                    .map_err(|e| format!("logout: {e}"))?;
                let seen = exchange(
                    &client,
                    whoami::v3::Request::new(),
                    SendAccessToken::IfRequired(&b.access_token),
                )
                .await?;
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
                flow::whoami(&client, &device_a.access_token)
                    .await
                    .map_err(|e| format!("device A was logged out too: {e}"))?;
                Ok((
                    (),
                    format!("{err} (soft_logout: false); device A still in; {note}"),
                ))
            })
            .await;
    } else {
        report.not_run("logout (device B)", "token login");
    }

    report
        .step(
            "logout/all (device A), then every token is refused",
            async {
                let second = flow::password_login(&client, &alice.user_id, &alice.password, None)
                    .await
                    .map_err(|e| format!("second login: {e}"))?;
                let seen = exchange(&client, logout_all::v3::Request::new(), token_a).await?;
                seen.ok(&[])?;
                let mut refused = Vec::new();
                for session in [&device_a, &second] {
                    match flow::whoami(&client, &session.access_token).await {
                        Err(ClientError::Response(FromHttpResponseError::Server(e))) => {
                            expect_kind(
                                &e,
                                StatusCode::UNAUTHORIZED,
                                &ErrorKind::UnknownToken { soft_logout: false },
                            )?;
                            refused.push(e.to_string());
                        }
                        other => {
                            return Err(format!(
                                "{} still answers: {:?}",
                                session.device_id,
                                other.map(|r| r.user_id)
                            ))
                        }
                    }
                }
                Ok((
                    (),
                    format!("both of alice's devices refused: {}", refused[0]),
                ))
            },
        )
        .await;
}
