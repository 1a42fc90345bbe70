//! The path decisions as the `matrix-login` binary prints them, against the Synapse that serves
//! get_token (`login_via_existing_session.enabled: true`): without a session the capability
//! gate is opened by `GET /login`'s `get_login_token: true`, with one by `/capabilities`; every
//! endpoint of the registry has a path (but those newer than Synapse, which have none); and
//! `get-token --policy prefer-unstable` takes the unstable revision-0 path, which Synapse still
//! serves, as its access log confirms. A forced
//! path (`--policy force:PATH`) is get_token's alone: the other endpoints, discovery and login
//! included, keep the default policy's, and a forced path the server lacks fails without
//! probing.
//!
//! dave is the one user here whose get_token must succeed (Synapse allows one a minute each);
//! frank's forced get_token is answered 404 before Synapse's rate limiter counts it.

use matrix_login::flow::{self, Client};
use serde_json::Value;

use crate::cli::{at, expect_str, AccessLog, LoggedRequest, MatrixLogin};
use crate::report::{Report, StepResult};
use crate::session::STABLE_GET_TOKEN;
use crate::synapse::{beyond_synapse, Account};

/// MSC3882 revision 0's path, announced by `org.matrix.msc3882` in `/versions`.
pub const REVISION_0: &str = "/_matrix/client/unstable/org.matrix.msc3882/login/token";
/// MSC3882 revision 1's path, announced by the capability `org.matrix.msc3882.get_login_token`
/// (which Synapse does not list).
pub const REVISION_1: &str = "/_matrix/client/unstable/org.matrix.msc3882/login/get_token";
/// Every path get_token ever had, for reading the access log.
pub const GET_TOKEN_PATHS: [&str; 3] = [REVISION_0, REVISION_1, STABLE_GET_TOKEN];
/// How `matrix-login versions` names get_token in `endpoints`.
pub const GET_TOKEN_ENDPOINT: &str = "POST /_matrix/client/v1/login/get_token";

/// The steps, in order; `users` are dave and frank. `log` is the Synapse's log file, if the
/// script gave it.
pub async fn run(
    report: &mut Report,
    bin: &MatrixLogin,
    client: &Client,
    users: &[Account; 2],
    log: Option<&AccessLog>,
) {
    let [dave, frank] = users;
    let base_url = client.homeserver();
    report
        .step(
            "matrix-login versions: get_token by newest_stable, gate open from GET /login",
            versions_without_session(bin, base_url),
        )
        .await;
    report
        .step(
            "matrix-login versions --access-token: gate open from /capabilities",
            versions_with_session(bin, client, dave),
        )
        .await;
    report
        .step(
            "matrix-login versions --policy force:REVISION_0: forced for get_token only",
            versions_forced(bin, client, dave),
        )
        .await;
    let prefer_unstable = "matrix-login get-token --policy prefer-unstable: the revision-0 path";
    let forced = "matrix-login get-token --policy force:REVISION_1: Synapse's 404, no probing";
    let Some(log) = log else {
        for name in [prefer_unstable, forced] {
            report
                .step::<()>(name, async {
                    Err("no --log given: Synapse's access log is what shows the path taken".into())
                })
                .await;
        }
        return;
    };
    report
        .step(
            prefer_unstable,
            get_token_prefer_unstable(bin, client, dave, log),
        )
        .await;
    report
        .step(forced, get_token_forced_missing(bin, client, frank, log))
        .await;
}

/// No session: `/capabilities` cannot be asked, so `GET /login`'s `get_login_token: true` is
/// what opens the gate.
async fn versions_without_session(bin: &MatrixLogin, base_url: &str) -> StepResult<()> {
    let run = bin
        .run(&["versions", "--homeserver", base_url, "--json"], None)
        .await?;
    run.expect_exit(0, true)?;
    let json = &run.json;
    expect_missing(json, &["capabilities"])?;
    let count = every_endpoint_has_a_path(json)?;
    let entry = get_token_entry(json)?;
    expect_chosen(entry, STABLE_GET_TOKEN, "newest_stable")?;
    expect_str(entry, "/decision/gate/state/state", "open")?;
    expect_str(entry, "/decision/gate/state/source", "login_flows")?;
    expect_str(json, "/enabled/m.get_login_token", "login_flows")?;
    expect_candidate(entry, REVISION_0, "outranked", None)?;
    Ok((
        (),
        format!(
            "{count} endpoints, each with a chosen path; get_token: {}",
            at(entry, "/summary")?
        ),
    ))
}

/// With a session (dave's, logged in for this), `/capabilities` is read and decides the gate.
async fn versions_with_session(
    bin: &MatrixLogin,
    client: &Client,
    dave: &Account,
) -> StepResult<()> {
    let session = flow::password_login(client, &dave.user_id, &dave.password, None)
        .await
        .map_err(|e| format!("password login of {}: {e}", dave.user_id))?;
    let base_url = client.homeserver();
    let args = [
        "versions",
        "--homeserver",
        base_url,
        "--access-token",
        &session.access_token,
        "--json",
    ];
    let run = bin.run(&args, None).await;
    // The session was only for this; a failed logout is the step's failure too.
    flow::logout(&session.client(client))
        .await
        .map_err(|e| format!("logging the session out again: {e}"))?;
    let run = run?;
    run.expect_exit(0, true)?;
    let json = &run.json;
    expect_missing(json, &[])?;
    let count = every_endpoint_has_a_path(json)?;
    let entry = get_token_entry(json)?;
    expect_chosen(entry, STABLE_GET_TOKEN, "newest_stable")?;
    expect_str(entry, "/decision/gate/state/state", "open")?;
    expect_str(entry, "/decision/gate/state/source", "capabilities")?;
    Ok((
        (),
        format!(
            "{count} endpoints, each with a chosen path; get_token: {}",
            at(entry, "/summary")?
        ),
    ))
}

/// `versions --policy force:REVISION_0` with a session: get_token takes the forced path (its
/// gate still read from `/capabilities`), every other endpoint keeps the path the default
/// policy gives it (a forced path is one endpoint's), and the command itself, whose discovery
/// asks `/capabilities` and `GET /login`, succeeds.
async fn versions_forced(bin: &MatrixLogin, client: &Client, dave: &Account) -> StepResult<()> {
    let session = flow::password_login(client, &dave.user_id, &dave.password, None)
        .await
        .map_err(|e| format!("password login of {}: {e}", dave.user_id))?;
    let policy = format!("force:{REVISION_0}");
    let args = [
        "versions",
        "--homeserver",
        client.homeserver(),
        "--access-token",
        &session.access_token,
        "--policy",
        &policy,
        "--json",
    ];
    let run = bin.run(&args, None).await;
    flow::logout(&session.client(client))
        .await
        .map_err(|e| format!("logging the session out again: {e}"))?;
    let run = run?;
    run.expect_exit(0, true)?;
    let json = &run.json;
    expect_missing(json, &[])?;
    let entry = get_token_entry(json)?;
    expect_chosen(entry, REVISION_0, "forced")?;
    expect_str(entry, "/decision/gate/state/source", "capabilities")?;
    let endpoints = at(json, "/endpoints")?
        .as_array()
        .ok_or("`endpoints` is not an array")?;
    let mut others = 0;
    for other in endpoints
        .iter()
        .filter(|e| e["endpoint"] != GET_TOKEN_ENDPOINT)
    {
        let name = &other["endpoint"];
        expect_str(other, "/decision/policy/policy", "default")
            .map_err(|e| format!("{name}: {e}"))?;
        if beyond_synapse(name) {
            continue;
        }
        let rule = at(other, "/decision/chosen/rule").map_err(|e| format!("{name}: {e}"))?;
        if rule == "forced" {
            return Err(format!("{name}: forced, though the path is get_token's"));
        }
        others += 1;
    }
    Ok((
        (),
        format!(
            "get_token: {}; {others} other endpoints keep the default policy's path",
            at(entry, "/summary")?
        ),
    ))
}

/// `get-token --policy force:REVISION_1` for frank: the password login and discovery work under
/// the forced policy, the forced path is the one requested, and Synapse's `404 M_UNRECOGNIZED`
/// there is the command's error: a forced path has no fallback to probe.
async fn get_token_forced_missing(
    bin: &MatrixLogin,
    client: &Client,
    frank: &Account,
    log: &AccessLog,
) -> StepResult<()> {
    let policy = format!("force:{REVISION_1}");
    let args = [
        "get-token",
        "--homeserver",
        client.homeserver(),
        "--user",
        &frank.user_id,
        "--password-stdin",
        "--policy",
        &policy,
        "--json",
    ];
    let mark = log.mark()?;
    let run = bin.run(&args, Some(&frank.password)).await?;
    run.expect_exit(1, false)?;
    step_data(&run.json, "password login")?;
    let error = at(&run.json, "/error")?;
    if !error.as_str().is_some_and(|e| e.contains("M_UNRECOGNIZED")) {
        return Err(format!("error {error} does not name M_UNRECOGNIZED"));
    }
    let seen = log.wait_for(mark, &GET_TOKEN_PATHS, 1).await?;
    let expected = [LoggedRequest {
        status: 404,
        request: format!("POST {REVISION_1}"),
    }];
    if seen != expected {
        return Err(format!(
            "Synapse's log: expected [{}], got [{}]",
            list(&expected),
            list(&seen)
        ));
    }
    Ok((
        (),
        format!(
            "exit 1, error: {error}; Synapse's log: {}, nothing after",
            list(&seen)
        ),
    ))
}

/// `get-token --policy prefer-unstable` for dave: Synapse announces `org.matrix.msc3882`, so
/// revision 0's path comes first, and Synapse still serves it (a UIA 401, then the token).
/// The binary prints the path it decided on; Synapse's access log says which path the
/// requests really took (a `404 M_UNRECOGNIZED` there would have made the client probe the
/// next path). The token must then log dave in.
async fn get_token_prefer_unstable(
    bin: &MatrixLogin,
    client: &Client,
    dave: &Account,
    log: &AccessLog,
) -> StepResult<()> {
    let args = [
        "get-token",
        "--homeserver",
        client.homeserver(),
        "--user",
        &dave.user_id,
        "--password-stdin",
        "--policy",
        "prefer-unstable",
        "--json",
    ];
    let mark = log.mark()?;
    let run = bin.run(&args, Some(&dave.password)).await?;
    run.expect_exit(0, true)?;
    let json = &run.json;
    expect_str(json, "/path", REVISION_0)?;
    let data = step_data(json, "get login token")?;
    expect_str(data, "/decision/policy/policy", "prefer_unstable")?;
    expect_chosen(data, REVISION_0, "announced_unstable")?;
    expect_str(
        data,
        "/decision/chosen/evidence/signal/name",
        "org.matrix.msc3882",
    )?;
    expect_str(data, "/decision/chosen/evidence/source", "versions")?;
    expect_candidate(data, REVISION_1, "not_announced", None)?;

    let seen = log.wait_for(mark, &GET_TOKEN_PATHS, 2).await?;
    let expected = [
        LoggedRequest {
            status: 401,
            request: format!("POST {REVISION_0}"),
        },
        LoggedRequest {
            status: 200,
            request: format!("POST {REVISION_0}"),
        },
    ];
    if seen != expected {
        return Err(format!(
            "Synapse's log: expected [{}], got [{}]",
            list(&expected),
            list(&seen)
        ));
    }

    let token = at(json, "/login_token")?
        .as_str()
        .ok_or("`/login_token` is not a string")?;
    let device = flow::token_login(client, token, None)
        .await
        .map_err(|e| format!("logging in with the token: {e}"))?;
    if device.user_id.as_str() != dave.user_id {
        return Err(format!(
            "the token logged in {}, not {}",
            device.user_id, dave.user_id
        ));
    }
    flow::logout(&device.client(client))
        .await
        .map_err(|e| format!("logging the token's device out: {e}"))?;
    Ok((
        (),
        format!(
            "token from {REVISION_0} (announced_unstable: org.matrix.msc3882 in /versions); \
             Synapse's log: {}, no 404, so no probing; the token logged {} in",
            list(&seen),
            device.user_id
        ),
    ))
}

/// The requests, for a line.
fn list(requests: &[LoggedRequest]) -> String {
    let shown: Vec<String> = requests.iter().map(ToString::to_string).collect();
    shown.join(", ")
}

/// `versions --json`'s `missing` is exactly `sources`.
pub fn expect_missing(json: &Value, sources: &[&str]) -> Result<(), String> {
    let missing = at(json, "/missing")?;
    if *missing != serde_json::json!(sources) {
        return Err(format!("`missing` is {missing}, expected {sources:?}"));
    }
    Ok(())
}

/// Every endpoint `versions --json` lists has a chosen path, the same in `path` and in the
/// decision; gives how many there are. `except` is an endpoint left to the caller.
pub fn endpoints_with_a_path(json: &Value, except: Option<&str>) -> Result<usize, String> {
    let endpoints = at(json, "/endpoints")?
        .as_array()
        .ok_or("`endpoints` is not an array")?;
    if endpoints.is_empty() {
        return Err("`endpoints` is empty".to_owned());
    }
    let mut count = 0;
    for entry in endpoints {
        let endpoint = at(entry, "/endpoint")?;
        if except.is_some_and(|e| endpoint == e) {
            continue;
        }
        let path = at(entry, "/path")?;
        let chosen = entry.pointer("/decision/chosen/path");
        if beyond_synapse(endpoint) {
            if !path.is_null() || chosen.is_some() {
                return Err(format!(
                    "{endpoint}: expected no path (Synapse announces neither v1.18 nor \
                     MSC4323), got path {path}"
                ));
            }
            continue;
        }
        if !path.is_string() || chosen != Some(path) {
            return Err(format!(
                "{endpoint}: expected a chosen path, got path {path}, decision {}",
                at(entry, "/summary")?
            ));
        }
        count += 1;
    }
    Ok(count)
}

/// [`endpoints_with_a_path`] with no exception.
fn every_endpoint_has_a_path(json: &Value) -> Result<usize, String> {
    endpoints_with_a_path(json, None)
}

/// get_token's entry in `versions --json`'s `endpoints`.
pub fn get_token_entry(json: &Value) -> Result<&Value, String> {
    at(json, "/endpoints")?
        .as_array()
        .and_then(|all| all.iter().find(|e| e["endpoint"] == GET_TOKEN_ENDPOINT))
        .ok_or_else(|| format!("no {GET_TOKEN_ENDPOINT} among `endpoints`"))
}

/// The decision under `value` chose `path` by `rule`.
pub fn expect_chosen(value: &Value, path: &str, rule: &str) -> Result<(), String> {
    if let Some(refused) = value.pointer("/decision/refused") {
        return Err(format!("expected {path} by {rule}, but refused: {refused}"));
    }
    expect_str(value, "/decision/chosen/path", path)?;
    expect_str(value, "/decision/chosen/rule", rule)
}

/// The `data` of the step named `name` in a command's `steps`.
fn step_data<'a>(json: &'a Value, name: &str) -> Result<&'a Value, String> {
    at(json, "/steps")?
        .as_array()
        .and_then(|steps| steps.iter().find(|s| s["name"] == name))
        .map(|step| &step["data"])
        .ok_or_else(|| format!("no step \"{name}\" in `steps`"))
}

/// The candidate `path` of the decision under `entry` lost for `reason` (and, when given, as
/// said by `source`).
pub fn expect_candidate(
    entry: &Value,
    path: &str,
    reason: &str,
    source: Option<&str>,
) -> Result<(), String> {
    let candidate = at(entry, "/decision/candidates")?
        .as_array()
        .and_then(|all| all.iter().find(|c| c["path"] == path))
        .ok_or_else(|| format!("no candidate {path}"))?;
    let expected = match source {
        Some(source) => serde_json::json!({ "reason": reason, "source": source }),
        None => serde_json::json!({ "reason": reason }),
    };
    if candidate["reason"] != expected {
        return Err(format!(
            "candidate {path}: reason {}, expected {expected}",
            candidate["reason"]
        ));
    }
    Ok(())
}
