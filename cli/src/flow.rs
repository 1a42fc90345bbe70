//! The steps of handing a login to a new device, on the shared endpoint types and the client
//! glue of `matrix_client_api::client`.

use std::fmt;
use std::time::Duration;

use matrix_api::error::MatrixError;
use matrix_api::redact::Redacted;
use matrix_api::selection::{Decision, Policy, Source};
use matrix_client_api::account::whoami;
use matrix_client_api::client::{self, ReqwestTransport, Transport};
use matrix_client_api::session::{get_login_token, login, logout};
use matrix_client_api::uiaa::{AuthData, Password, UiaaInfo, UiaaResponse, UserIdentifier};
use ruma_common::{OwnedDeviceId, OwnedUserId};

/// The client of one homeserver (and one session on it), over reqwest; the steps below take a
/// client over any transport.
pub type Client<T = ReqwestTransport> = client::Client<T>;
/// Why a call failed.
pub type ClientError<E> = client::ClientError<E>;

/// A client of `homeserver`, choosing paths under `policy`, probing for paths the server
/// announces but lacks.
pub fn connect(homeserver: &str, policy: Policy) -> Result<Client, String> {
    let http = reqwest::Client::builder()
        .user_agent(concat!("matrix-login/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| format!("HTTP client: {e}"))?;
    let client =
        Client::new(ReqwestTransport::with_client(http), homeserver).map_err(|e| e.to_string())?;
    Ok(client.with_policy(policy).with_probing(true))
}

/// Asks `/versions` now, so that discovery is a step of its own.
pub async fn discover<T: Transport>(client: &Client<T>) -> Result<(), String> {
    client
        .refresh(Source::Versions)
        .await
        .map_err(|e| format!("discovering the server: {e}"))
}

/// A logged-in device.
#[derive(Clone)]
pub struct LoggedIn {
    /// The user.
    pub user_id: OwnedUserId,
    /// The device.
    pub device_id: OwnedDeviceId,
    /// The device's access token.
    pub access_token: String,
}

impl LoggedIn {
    /// A client of the same server acting as this device.
    pub fn client<T: Transport + Clone>(&self, server: &Client<T>) -> Client<T> {
        server.with_session(Some(self.access_token.clone()))
    }
}

impl fmt::Debug for LoggedIn {
    // The access token is a secret; Debug output ends up in logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LoggedIn")
            .field("user_id", &self.user_id)
            .field("device_id", &self.device_id)
            .field("access_token", &Redacted)
            .finish()
    }
}

/// A login token and how long it stays valid.
#[derive(Clone)]
pub struct LoginToken {
    /// The token.
    pub token: String,
    /// Its lifetime from when it was issued.
    pub expires_in: Duration,
}

impl fmt::Debug for LoginToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LoginToken")
            .field("token", &Redacted)
            .field("expires_in", &self.expires_in)
            .finish()
    }
}

impl From<login::v3::Response> for LoggedIn {
    fn from(response: login::v3::Response) -> Self {
        LoggedIn {
            user_id: response.user_id,
            device_id: response.device_id,
            access_token: response.access_token,
        }
    }
}

fn login_request(info: login::v3::LoginInfo, device_name: Option<&str>) -> login::v3::Request {
    let mut request = login::v3::Request::new(info);
    request.initial_device_display_name = device_name.map(str::to_owned);
    request
}

/// Logs in with a password.
pub async fn password_login<T: Transport>(
    client: &Client<T>,
    user: &str,
    password: &str,
    device_name: Option<&str>,
) -> Result<LoggedIn, ClientError<MatrixError>> {
    let request = login_request(login::v3::LoginInfo::password(user, password), device_name);
    Ok(client.send(request).await?.into())
}

/// Logs in with a login token (`m.login.token`).
pub async fn token_login<T: Transport>(
    client: &Client<T>,
    token: &str,
    device_name: Option<&str>,
) -> Result<LoggedIn, ClientError<MatrixError>> {
    let request = login_request(login::v3::LoginInfo::token(token), device_name);
    Ok(client.send(request).await?.into())
}

/// Asks for a login token as the session of `device`, completing the server's
/// User-Interactive Authentication with the password. `on_uia` sees the server's UIA answer
/// before the password is sent. The path, and whether the server offers the endpoint at all,
/// come from what it announces.
pub async fn request_login_token<T: Transport>(
    device: &Client<T>,
    user_id: &OwnedUserId,
    password: &str,
    mut on_uia: impl FnMut(&UiaaInfo),
) -> Result<LoginToken, ClientError<UiaaResponse>> {
    let first = device.send(get_login_token::v1::Request::new()).await;
    let info = match first {
        Ok(response) => return Ok(response.into()),
        Err(err) => match err.server_error() {
            Some(UiaaResponse::AuthResponse(info)) => info.clone(),
            _ => return Err(err),
        },
    };
    on_uia(&info);
    let auth = AuthData::Password(Password::new(
        UserIdentifier::user(user_id.as_str()),
        password,
        info.session.clone(),
    ));
    let request = get_login_token::v1::Request { auth: Some(auth) };
    Ok(device.send(request).await?.into())
}

impl From<get_login_token::v1::Response> for LoginToken {
    fn from(response: get_login_token::v1::Response) -> Self {
        LoginToken {
            token: response.login_token,
            expires_in: response.expires_in,
        }
    }
}

/// Who the client's access token belongs to.
pub async fn whoami<T: Transport>(
    device: &Client<T>,
) -> Result<whoami::v3::Response, ClientError<MatrixError>> {
    device.send(whoami::v3::Request::new()).await
}

/// Ends the client's session.
pub async fn logout<T: Transport>(device: &Client<T>) -> Result<(), ClientError<MatrixError>> {
    device.send(logout::v3::Request::new()).await.map(drop)
}

/// An endpoint of the registry and the client's decision for it.
pub struct EndpointDecision {
    /// The module of `matrix-client-api` that declares it, such as `session::login::v3`.
    pub module: &'static str,
    /// `METHOD /newest/path`.
    pub endpoint: String,
    /// The path chosen, or why none, and why.
    pub decision: Decision,
}

/// The decision for every endpoint of the registry on this client's server: after `/versions`,
/// `GET /login` and, when the client has a token, `/capabilities`.
pub async fn decisions<T: Transport>(client: &Client<T>) -> Result<Vec<EndpointDecision>, String> {
    client
        .refresh(Source::LoginFlows)
        .await
        .map_err(|e| format!("GET /login: {e}"))?;
    let mut decisions = Vec::new();
    for endpoint in matrix_client_api::ENDPOINTS {
        let metadata = &endpoint.metadata;
        let decision = client
            .decide(metadata)
            .await
            .map_err(|e| format!("discovering the server: {e}"))?;
        decisions.push(EndpointDecision {
            module: endpoint.module,
            endpoint: metadata.describe(),
            decision,
        });
    }
    Ok(decisions)
}

/// Parses `--policy`: `default`, `stable-only`, `prefer-unstable` or `force:PATH`.
pub fn parse_policy(text: &str) -> Result<Policy, String> {
    match text {
        "default" => Ok(Policy::Default),
        "stable-only" => Ok(Policy::StableOnly),
        "prefer-unstable" => Ok(Policy::PreferUnstable),
        _ => match text.strip_prefix("force:") {
            Some(path) if path.starts_with('/') => Ok(Policy::Force(path.to_owned())),
            _ => Err(format!(
                "`{text}` is not a policy: default, stable-only, prefer-unstable or force:/PATH"
            )),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policies_parse() {
        assert_eq!(parse_policy("stable-only"), Ok(Policy::StableOnly));
        assert_eq!(
            parse_policy("force:/_matrix/client/v1/login/get_token"),
            Ok(Policy::Force(
                "/_matrix/client/v1/login/get_token".to_owned()
            ))
        );
        assert!(parse_policy("force:login")
            .unwrap_err()
            .contains("force:/PATH"));
        assert!(parse_policy("newest").is_err());
    }
}
