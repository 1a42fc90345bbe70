//! Administration and discovery documents against Synapse. The discovery documents are asked
//! of the homeserver's own host, without a token: the client document Synapse builds from
//! `public_baseurl` (with another application's key from `extra_well_known_client_content`),
//! the support and policy server documents it does not serve, and the OAuth 2.0 server metadata
//! it answers only with delegation to an authorisation server, which the run does not configure.
//!
//! Then a server admin of the group's own (registered with `admin: true` through the shared
//! secret) and a plain user: whois as the plain user about themselves, as the admin about the
//! plain user, refused the other way round and for a user of another server. Synapse 1.163.2
//! has none of MSC4323's lock and suspend endpoints (its own admin API has others), so those
//! steps check that our client decides no path for them and that Synapse answers
//! `404 M_UNRECOGNIZED` on both of each endpoint's paths.

use matrix_api::error::{ErrorBody, ErrorKind, MatrixError};
use matrix_api::http::StatusCode;
use matrix_api::{FromHttpResponseError, IncomingResponse, OutgoingRequest, OutgoingResponse};
use matrix_client_api::admin::{
    get_user_info, is_user_locked, is_user_suspended, lock_user, suspend_user,
};
use matrix_client_api::discovery::{
    discover_homeserver, discover_policy_server, discover_support,
    get_authorization_server_metadata,
};
use matrix_login::flow::{self, Client};
use ruma_common::OwnedUserId;

use super::{users, User};
use crate::expect::expect_kind;
use crate::lossless::{exchange, exchange_on_path};
use crate::report::{Report, StepResult};
use crate::synapse::Admin;

/// The key of another application that scripts/interop-synapse.sh puts in the client discovery
/// document (`extra_well_known_client_content`).
const EXTRA_KEY: &str = "org.example.interop";

/// The group's steps, in order.
pub async fn run(report: &mut Report, client: &Client, synapse: &Admin<'_>) {
    discovery_steps(report, client).await;
    let admin = report
        .step(
            "admin: register a server admin and log in",
            register_admin(client, synapse),
        )
        .await;
    let plain = users(report, client, synapse, "admin", ["plain"]).await;
    let (Some(admin), Some([plain])) = (admin, plain) else {
        report.not_run(
            "admin: every step of the admin and the plain user",
            "admin: register and log in",
        );
        return;
    };
    whois_steps(report, &admin, &plain).await;
    moderation_steps(report, &admin, &plain.device.user_id).await;
}

// Discovery documents.

async fn discovery_steps(report: &mut Report, client: &Client) {
    report
        .step(
            "discovery: GET /.well-known/matrix/client (m.homeserver.base_url is the \
             public_baseurl; another application's key kept)",
            client_document(client),
        )
        .await;
    report
        .step(
            "discovery: GET /.well-known/matrix/support (Synapse serves none: 404, its HTML \
             body read as an error that is not JSON)",
            not_served(client, discover_support::Request::new()),
        )
        .await;
    report
        .step(
            "discovery: GET /.well-known/matrix/policy_server (Synapse serves none: 404, its \
             HTML body read as an error that is not JSON)",
            not_served(client, discover_policy_server::Request::new()),
        )
        .await;
    report
        .step(
            "discovery: GET /v1/auth_metadata (no OAuth 2.0 delegation: 404 M_UNRECOGNIZED on \
             the v1 path and on MSC2965's)",
            auth_metadata(client),
        )
        .await;
}

/// The client discovery document: the base URL is the server's, with the trailing `/` Synapse
/// gives `public_baseurl`; the extra key of the run's config comes back as sent.
async fn client_document(client: &Client) -> StepResult<()> {
    let (document, note) = exchange(client, discover_homeserver::Request::new())
        .await?
        .ok(&[])?;
    let expected = format!("{}/", client.homeserver().trim_end_matches('/'));
    if document.homeserver.base_url != expected {
        return Err(format!(
            "m.homeserver.base_url {}, expected {expected}",
            document.homeserver.base_url
        ));
    }
    let Some(extra) = document.other.get(EXTRA_KEY) else {
        return Err(format!(
            "no `{EXTRA_KEY}` (extra_well_known_client_content in the config); other keys: {:?}",
            document.other.keys().collect::<Vec<_>>()
        ));
    };
    let identity = match &document.identity_server {
        Some(server) => server.base_url.as_str(),
        None => "none",
    };
    Ok((
        (),
        format!("base_url {expected}, identity server {identity}, {EXTRA_KEY}: {extra}; {note}"),
    ))
}

/// A `.well-known` document Synapse does not serve: 404 from its web framework, with an HTML
/// page where a Matrix error would be JSON, which our types read as an error whose body is not
/// JSON (kept as bytes) rather than failing to read it.
async fn not_served<R>(client: &Client, request: R) -> StepResult<()>
where
    R: OutgoingRequest<EndpointError = MatrixError> + Clone,
{
    let seen = exchange(client, request).await?;
    let status = seen.raw.status();
    let content_type = seen
        .raw
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("no content type")
        .to_owned();
    match R::IncomingResponse::try_from_http_response(seen.raw) {
        Err(FromHttpResponseError::Server(err)) if err.status == StatusCode::NOT_FOUND => {
            match &err.body {
                ErrorBody::NotJson(bytes) => Ok((
                    (),
                    format!(
                        "{status} ({content_type}), {} bytes kept as the error's body",
                        bytes.len()
                    ),
                )),
                _ => Ok(((), format!("{status}: {err}"))),
            }
        }
        Err(err) => Err(format!("expected 404, got {status}: {err}")),
        Ok(_) => Err(format!("expected 404, got {status} with a document")),
    }
}

/// The OAuth 2.0 server metadata: Synapse registers the endpoint only with delegation to an
/// authorisation server, so both paths are unknown to it. The client decides the v1 path
/// (Synapse announces v1.15); MSC2965's is sent as well.
async fn auth_metadata(client: &Client) -> StepResult<()> {
    use get_authorization_server_metadata::v1::Request;
    let decided = client
        .decide(&Request::METADATA)
        .await
        .map_err(|e| format!("deciding the path: {e}"))?;
    let decided = decided.path().map_err(|e| e.to_string())?;
    let (err, note) = exchange(client, Request::new()).await?.err(&[])?;
    expect_kind(&err, StatusCode::NOT_FOUND, &ErrorKind::Unrecognized)
        .map_err(|e| format!("{decided}: {e}"))?;
    let unstable = "/_matrix/client/unstable/org.matrix.msc2965/auth_metadata";
    let (err2, note2) = exchange_on_path(client, Request::new(), unstable)
        .await?
        .err(&[])?;
    expect_kind(&err2, StatusCode::NOT_FOUND, &ErrorKind::Unrecognized)
        .map_err(|e| format!("{unstable}: {e}"))?;
    Ok((
        (),
        format!("{decided}: {err} ({note}); {unstable}: {err2} ({note2})"),
    ))
}

// Administration.

/// The group's server admin, registered through the shared secret with `admin: true` and
/// logged in with its password.
async fn register_admin(client: &Client, synapse: &Admin<'_>) -> StepResult<User> {
    let ([account], detail) = synapse.register_admins(["sysadmin"]).await?;
    let device = flow::password_login(client, &account.user_id, &account.password, None)
        .await
        .map_err(|e| format!("{}: password login: {e}", account.user_id))?;
    let client = device.client(client);
    let detail = format!("{detail} (admin), device {}", device.device_id);
    Ok((
        User {
            account,
            device,
            client,
        },
        detail,
    ))
}

async fn whois_steps(report: &mut Report, admin: &User, plain: &User) {
    let user = &plain.device.user_id;
    report
        .step(
            "admin: GET /admin/whois/{userId} (the plain user about themselves)",
            whois(plain, user),
        )
        .await;
    report
        .step(
            "admin: GET /admin/whois/{userId} (the admin about the plain user: Synapse's one \
             device \"\", a session, the connections of the plain user's requests)",
            whois(admin, user),
        )
        .await;
    report
        .step(
            "admin: GET /admin/whois/{userId} (the plain user about the admin: 403 M_FORBIDDEN)",
            whois_refused(
                plain,
                &admin.device.user_id,
                StatusCode::FORBIDDEN,
                ErrorKind::Forbidden,
            ),
        )
        .await;
    let remote: OwnedUserId = "@someone:elsewhere.example"
        .try_into()
        .expect("a valid user ID");
    report
        .step(
            "admin: GET /admin/whois/{userId} (the admin about a user of another server: 400 \
             M_UNKNOWN)",
            whois_refused(admin, &remote, StatusCode::BAD_REQUEST, ErrorKind::Unknown),
        )
        .await;
}

/// Whois about `user`, who has made requests by now (their own whois at least): Synapse files
/// every connection under the device ID `""`, in one session; each connection has the IP our
/// requests came from and a last-seen time.
async fn whois(asker: &User, user: &OwnedUserId) -> StepResult<()> {
    let request = get_user_info::v3::Request::new(user.clone());
    let (info, note) = exchange(&asker.client, request).await?.ok(&[])?;
    if info.user_id.as_ref() != Some(user) {
        return Err(format!("user_id {:?}, expected {user}", info.user_id));
    }
    let connections: Vec<_> = info
        .devices
        .values()
        .flat_map(|device| &device.sessions)
        .flat_map(|session| &session.connections)
        .collect();
    let Some(first) = connections.first() else {
        return Err(format!(
            "no connection in {} devices, though {user} has made requests",
            info.devices.len()
        ));
    };
    if first.ip.as_deref() != Some("127.0.0.1") || first.last_seen.is_none() {
        return Err(format!(
            "connection from {:?} last seen {:?}, expected 127.0.0.1 and a time",
            first.ip, first.last_seen
        ));
    }
    let devices: Vec<String> = info.devices.keys().map(|d| format!("{d:?}")).collect();
    Ok((
        (),
        format!(
            "{user}: devices [{}], {} connection(s), the first from {} with user agent {:?}; \
             {note}",
            devices.join(", "),
            connections.len(),
            first.ip.as_deref().unwrap_or_default(),
            first.user_agent.as_deref().unwrap_or_default()
        ),
    ))
}

/// Whois refused with this status and code.
async fn whois_refused(
    asker: &User,
    user: &OwnedUserId,
    status: StatusCode,
    kind: ErrorKind,
) -> StepResult<()> {
    let request = get_user_info::v3::Request::new(user.clone());
    let (err, note) = exchange(&asker.client, request).await?.err(&[])?;
    expect_kind(&err, status, &kind)?;
    Ok(((), format!("{user}: {err}; {note}")))
}

// Locking and suspension (MSC4323, Matrix v1.18).

async fn moderation_steps(report: &mut Report, admin: &User, user: &OwnedUserId) {
    let client = &admin.client;
    report
        .step(
            "admin: GET /v1/admin/suspend/{userId} (not in Synapse 1.163.2: no path decided, \
             404 M_UNRECOGNIZED on the v1 and MSC4323 paths)",
            not_implemented(client, is_user_suspended::v1::Request::new(user.clone())),
        )
        .await;
    report
        .step(
            "admin: PUT /v1/admin/suspend/{userId} (not in Synapse 1.163.2: no path decided, \
             404 M_UNRECOGNIZED on the v1 and MSC4323 paths)",
            not_implemented(client, suspend_user::v1::Request::new(user.clone(), true)),
        )
        .await;
    report
        .step(
            "admin: GET /v1/admin/lock/{userId} (not in Synapse 1.163.2: no path decided, \
             404 M_UNRECOGNIZED on the v1 and MSC4323 paths)",
            not_implemented(client, is_user_locked::v1::Request::new(user.clone())),
        )
        .await;
    report
        .step(
            "admin: PUT /v1/admin/lock/{userId} (not in Synapse 1.163.2: no path decided, 404 \
             M_UNRECOGNIZED on the v1 and MSC4323 paths)",
            not_implemented(client, lock_user::v1::Request::new(user.clone(), true)),
        )
        .await;
}

/// An endpoint Synapse announces neither the version (v1.18) nor the feature flag
/// (`uk.timedout.msc4323`) of: our client refuses to pick a path, and each of the endpoint's
/// paths, sent anyway, is unknown to Synapse.
async fn not_implemented<R>(client: &Client, request: R) -> StepResult<()>
where
    R: OutgoingRequest<EndpointError = MatrixError> + Clone,
    R::IncomingResponse: OutgoingResponse + Clone,
{
    let decision = client
        .decide(&R::METADATA)
        .await
        .map_err(|e| format!("deciding the path: {e}"))?;
    let refusal = match decision.path() {
        Ok(path) => {
            return Err(format!(
                "our client decided {path}; Synapse announces neither"
            ))
        }
        Err(refusal) => refusal,
    };
    let mut seen = Vec::new();
    for path in R::METADATA.history.all_paths() {
        let (err, note) = exchange_on_path(client, request.clone(), path)
            .await?
            .err(&[])
            .map_err(|e| format!("{path}: {e}"))?;
        expect_kind(&err, StatusCode::NOT_FOUND, &ErrorKind::Unrecognized)
            .map_err(|e| format!("{path}: {e}"))?;
        seen.push(format!("{path}: {err} ({note})"));
    }
    Ok(((), format!("no path ({refusal}); {}", seen.join("; "))))
}
