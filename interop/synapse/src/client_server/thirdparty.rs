//! Third-party lookups, the TURN server, OpenID tokens and the application service ping against
//! Synapse, as one user (theo) and the run's application service meet them.
//!
//! The application service `scripts/interop-synapse.sh` registers (`interop-bridge`, protocol
//! `irc`) has no URL, so Synapse cannot ask it anything: every lookup answers what Synapse makes
//! of a bridge it cannot reach (interop/FINDINGS.md), and the ping is refused for want of a URL.
//! The script configures a TURN server with a shared secret, so theo's TURN credentials are
//! checked against the secret: the password is the HMAC-SHA1 of the username.
//!
//! Every answer goes through our types ([`exchange`], checked lossless), errors included.

use std::collections::BTreeMap;
use std::time::{Duration, SystemTime};

use hmac::{Hmac, Mac};
use matrix_api::error::{ErrorBody, ErrorKind, MatrixError};
use matrix_api::http::StatusCode;
use matrix_api::{OutgoingRequest, OutgoingResponse, SendAccessToken};
use matrix_client_api::account::request_openid_token;
use matrix_client_api::appservice::request_ping;
use matrix_client_api::thirdparty::{
    get_location_for_protocol, get_location_for_room_alias, get_protocol, get_protocols,
    get_user_for_protocol, get_user_for_user_id,
};
use matrix_client_api::voip::get_turn_server_info;
use matrix_login::flow::Client;
use ruma_common::serde::base64::Standard;
use ruma_common::serde::Base64;
use sha1::Sha1;

use super::{users, User};
use crate::expect::expect_kind;
use crate::lossless::{exchange, exchange_with_token, Seen};
use crate::report::{Report, StepResult};
use crate::synapse::Admin;

/// The application service `scripts/interop-synapse.sh` registers: its ID, its token and the
/// protocol it bridges.
const APPSERVICE_ID: &str = "interop-bridge";
const APPSERVICE_TOKEN: &str = "interop-as-token";
const PROTOCOL: &str = "irc";

/// The TURN settings `scripts/interop-synapse.sh` writes (`turn_uris`, `turn_shared_secret`,
/// `turn_user_lifetime`).
const TURN_URIS: [&str; 2] = [
    "turn:turn.interop.invalid:3478?transport=udp",
    "turns:turn.interop.invalid:5349?transport=tcp",
];
const TURN_SECRET: &str = "interop-turn-secret";
const TURN_LIFETIME: Duration = Duration::from_secs(3600);

/// The group's steps.
pub async fn run(report: &mut Report, client: &Client, synapse: &Admin<'_>) {
    let Some([theo]) = users(report, client, synapse, "thirdparty", ["theo"]).await else {
        report.not_run(
            "thirdparty: every other step",
            "thirdparty: register and log in theo",
        );
        return;
    };
    protocol_steps(report, &theo).await;
    lookup_steps(report, &theo).await;
    turn_step(report, &theo).await;
    openid_steps(report, &theo).await;
    ping_steps(report, &theo).await;
}

/// An error of this status and `errcode`, read through our types.
fn refused<R>(seen: Seen<R>, status: StatusCode, kind: ErrorKind) -> StepResult<()>
where
    R: OutgoingRequest<EndpointError = MatrixError>,
    R::IncomingResponse: OutgoingResponse + Clone,
{
    let (err, note) = seen.err(&[])?;
    expect_kind(&err, status, &kind)?;
    Ok(((), format!("{err}; {note}")))
}

/// An empty list of results, as Synapse answers every lookup its bridges cannot serve.
fn no_results<T>(found: &[T], note: String) -> StepResult<()> {
    if !found.is_empty() {
        return Err(format!(
            "expected no results (the bridge has no URL), got {}",
            found.len()
        ));
    }
    Ok(((), format!("200 []; {note}")))
}

// Protocols.

/// The protocol metadata: Synapse fails on the URL-less bridge's protocol, and answers a
/// protocol nobody bridges with a 404 that has no `errcode`.
async fn protocol_steps(report: &mut Report, theo: &User) {
    report
        .step(
            "thirdparty: GET /thirdparty/protocols (irc's only bridge has no URL: 500 M_UNKNOWN)",
            async {
                let seen = exchange(&theo.client, get_protocols::v3::Request::new()).await?;
                refused(seen, StatusCode::INTERNAL_SERVER_ERROR, ErrorKind::Unknown)
            },
        )
        .await;
    report
        .step(
            "thirdparty: GET /thirdparty/protocol/{protocol} (irc: 500 M_UNKNOWN, as for the \
             list)",
            async {
                let request = get_protocol::v3::Request::new(PROTOCOL.to_owned());
                let seen = exchange(&theo.client, request).await?;
                refused(seen, StatusCode::INTERNAL_SERVER_ERROR, ErrorKind::Unknown)
            },
        )
        .await;
    report
        .step(
            "thirdparty: GET /thirdparty/protocol/{protocol} (xmpp, bridged by no one: 404 with \
             `error` and no `errcode`, kept as JSON)",
            async {
                let request = get_protocol::v3::Request::new("xmpp".to_owned());
                let seen = exchange(&theo.client, request).await?;
                let (err, note) = seen.err(&[])?;
                match &err.body {
                    ErrorBody::Json(body)
                        if err.status == StatusCode::NOT_FOUND
                            && body.get("errcode").is_none()
                            && body.get("error").is_some() =>
                    {
                        Ok(((), format!("404 {body}; {note}")))
                    }
                    _ => Err(format!(
                        "expected 404 with only `error` (Synapse's answer), got {err}"
                    )),
                }
            },
        )
        .await;
}

// Lookups.

/// The four lookups: by the protocol's fields (sent as query parameters of their own names) and
/// the reverse ones by alias and user ID. Synapse answers each `200 []`, where the
/// specification says `404`.
async fn lookup_steps(report: &mut Report, theo: &User) {
    let fields = |pairs: [(&str, &str); 2]| -> BTreeMap<String, String> {
        pairs
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect()
    };
    report
        .step(
            "thirdparty: GET /thirdparty/location/{protocol} (irc, network and channel as query \
             parameters: 200 [])",
            async {
                let mut request = get_location_for_protocol::v3::Request::new(PROTOCOL.to_owned());
                request.fields = fields([("network", "irc.example.org"), ("channel", "#matrix")]);
                let seen = exchange(&theo.client, request).await?;
                let (response, note) = seen.ok(&[])?;
                no_results(&response.locations, note)
            },
        )
        .await;
    report
        .step(
            "thirdparty: GET /thirdparty/user/{protocol} (irc, network and nickname as query \
             parameters: 200 [])",
            async {
                let mut request = get_user_for_protocol::v3::Request::new(PROTOCOL.to_owned());
                request.fields = fields([("network", "irc.example.org"), ("nickname", "theo")]);
                let seen = exchange(&theo.client, request).await?;
                let (response, note) = seen.ok(&[])?;
                no_results(&response.users, note)
            },
        )
        .await;
    report
        .step(
            "thirdparty: GET /thirdparty/location (alias #irc_#matrix:localhost: 200 [])",
            async {
                let alias = "#irc_#matrix:localhost"
                    .try_into()
                    .map_err(|e| format!("alias: {e}"))?;
                let request = get_location_for_room_alias::v3::Request::new(alias);
                let seen = exchange(&theo.client, request).await?;
                let (response, note) = seen.ok(&[])?;
                no_results(&response.locations, note)
            },
        )
        .await;
    report
        .step(
            "thirdparty: GET /thirdparty/user (userid theo: 200 [])",
            async {
                let request = get_user_for_user_id::v3::Request::new(theo.device.user_id.clone());
                let seen = exchange(&theo.client, request).await?;
                let (response, note) = seen.ok(&[])?;
                no_results(&response.users, note)
            },
        )
        .await;
}

// The TURN server.

/// Theo's TURN credentials: `{expiry}:{user ID}` with the expiry a lifetime from now, the
/// password the HMAC-SHA1 of the username under the shared secret (padded base64), the URIs
/// and the lifetime as configured.
async fn turn_step(report: &mut Report, theo: &User) {
    report
        .step(
            "voip: GET /voip/turnServer (shared-secret credentials: username expiry:theo, \
             password HMAC-SHA1, the configured uris, ttl 3600 s)",
            async {
                let seen = exchange(&theo.client, get_turn_server_info::v3::Request::new()).await?;
                let (turn, note) = seen.ok(&[])?;
                let (expiry, user) = turn
                    .username
                    .split_once(':')
                    .ok_or_else(|| format!("username {:?} has no `expiry:`", turn.username))?;
                if user != theo.device.user_id.as_str() {
                    return Err(format!("username names {user}, not theo"));
                }
                let expiry: u64 = expiry
                    .parse()
                    .map_err(|e| format!("expiry {expiry:?}: {e}"))?;
                let now = SystemTime::now()
                    .duration_since(SystemTime::UNIX_EPOCH)
                    .map_err(|e| e.to_string())?
                    .as_secs();
                let lifetime = TURN_LIFETIME.as_secs();
                if expiry.abs_diff(now + lifetime) > 120 {
                    return Err(format!(
                        "expiry {expiry} is not about {lifetime} s from now ({now})"
                    ));
                }
                let mut mac =
                    Hmac::<Sha1>::new_from_slice(TURN_SECRET.as_bytes()).expect("any key");
                mac.update(turn.username.as_bytes());
                // Synapse pads, as TURN servers compute it; ruma-common writes Matrix's unpadded
                // form, and 20 bytes need one `=`.
                let expected = format!(
                    "{}=",
                    Base64::<Standard, _>::new(mac.finalize().into_bytes()).encode()
                );
                if turn.password != expected {
                    return Err("the password is not the HMAC-SHA1 of the username".to_owned());
                }
                if turn.uris != TURN_URIS {
                    return Err(format!("uris {:?}, configured {TURN_URIS:?}", turn.uris));
                }
                if turn.ttl != TURN_LIFETIME {
                    return Err(format!("ttl {:?}, configured {TURN_LIFETIME:?}", turn.ttl));
                }
                Ok((
                    (),
                    format!(
                        "username {}, password checked, {} uris, ttl {} s; {note}",
                        turn.username,
                        turn.uris.len(),
                        turn.ttl.as_secs()
                    ),
                ))
            },
        )
        .await;
}

// OpenID.

/// A token for theo, and none for another user.
async fn openid_steps(report: &mut Report, theo: &User) {
    report
        .step(
            "openid: POST /user/{userId}/openid/request_token (theo: a Bearer token for \
             localhost, expires_in 3600 s)",
            async {
                let request = request_openid_token::v3::Request::new(theo.device.user_id.clone());
                let seen = exchange(&theo.client, request).await?;
                let (token, note) = seen.ok(&[])?;
                if token.token_type != request_openid_token::v3::TokenType::Bearer {
                    return Err(format!("token_type {}", token.token_type));
                }
                if token.matrix_server_name != theo.device.user_id.server_name() {
                    return Err(format!(
                        "matrix_server_name {}, theo is on {}",
                        token.matrix_server_name,
                        theo.device.user_id.server_name()
                    ));
                }
                if token.access_token.is_empty() || token.expires_in != Duration::from_secs(3600) {
                    return Err(format!(
                        "expected a token valid 3600 s, got {} characters valid {:?}",
                        token.access_token.len(),
                        token.expires_in
                    ));
                }
                Ok((
                    (),
                    format!(
                        "Bearer token of {} characters for {}, expires_in {} s; {note}",
                        token.access_token.len(),
                        token.matrix_server_name,
                        token.expires_in.as_secs()
                    ),
                ))
            },
        )
        .await;
    report
        .step(
            "openid: POST /user/{userId}/openid/request_token (another user's ID: 403 \
             M_FORBIDDEN)",
            async {
                let other = "@someone-else:localhost"
                    .try_into()
                    .map_err(|e| format!("user ID: {e}"))?;
                let request = request_openid_token::v3::Request::new(other);
                let seen = exchange(&theo.client, request).await?;
                refused(seen, StatusCode::FORBIDDEN, ErrorKind::Forbidden)
            },
        )
        .await;
}

// The application service ping.

/// The bridge pings itself (refused: it has no URL), another service, and theo tries with his
/// own token.
async fn ping_steps(report: &mut Report, theo: &User) {
    report
        .step(
            "appservice: POST /appservice/{appserviceId}/ping (interop-bridge with its token, no \
             URL: 400 M_URL_NOT_SET)",
            async {
                let seen = ping(
                    theo,
                    APPSERVICE_ID,
                    SendAccessToken::Appservice(APPSERVICE_TOKEN),
                )
                .await?;
                refused(seen, StatusCode::BAD_REQUEST, ErrorKind::UrlNotSet)
            },
        )
        .await;
    report
        .step(
            "appservice: POST /appservice/{appserviceId}/ping (another service's ID with \
             interop-bridge's token: 403 M_FORBIDDEN)",
            async {
                let seen = ping(
                    theo,
                    "someone-else",
                    SendAccessToken::Appservice(APPSERVICE_TOKEN),
                )
                .await?;
                refused(seen, StatusCode::FORBIDDEN, ErrorKind::Forbidden)
            },
        )
        .await;
    report
        .step(
            "appservice: POST /appservice/{appserviceId}/ping (theo's user token: 403 \
             M_FORBIDDEN)",
            async {
                let token = SendAccessToken::Always(theo.device.access_token.as_str());
                let seen = ping(theo, APPSERVICE_ID, token).await?;
                refused(seen, StatusCode::FORBIDDEN, ErrorKind::Forbidden)
            },
        )
        .await;
}

/// A ping of this application service with this token, passing a transaction ID. Any client of
/// the server decides the path; the token is the one given.
async fn ping(
    theo: &User,
    id: &str,
    token: SendAccessToken<'_>,
) -> Result<Seen<request_ping::v1::Request>, String> {
    let mut request = request_ping::v1::Request::new(id.to_owned());
    request.transaction_id = Some("interop-ping-1".into());
    exchange_with_token(&theo.client, request, token).await
}
