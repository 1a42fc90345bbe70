//! The steps of handing a login to a new device, on the shared endpoint types.

use std::fmt;
use std::time::Duration;

use matrix_api::error::MatrixError;
use matrix_api::redact::Redacted;
use matrix_api::{
    FromHttpResponseError, Metadata, SendAccessToken, SupportedVersions, VersioningDecision,
};
use matrix_client_api::account::whoami;
use matrix_client_api::session::{get_login_token, login, logout};
use matrix_client_api::uiaa::{AuthData, Password, UiaaInfo, UiaaResponse, UserIdentifier};
use ruma_common::{OwnedDeviceId, OwnedUserId};

use crate::client::{Client, ClientError};

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
pub async fn password_login(
    client: &Client,
    user: &str,
    password: &str,
    device_name: Option<&str>,
) -> Result<LoggedIn, ClientError<MatrixError>> {
    let request = login_request(login::v3::LoginInfo::password(user, password), device_name);
    Ok(client.send(request, SendAccessToken::None).await?.into())
}

/// Logs in with a login token (`m.login.token`).
pub async fn token_login(
    client: &Client,
    token: &str,
    device_name: Option<&str>,
) -> Result<LoggedIn, ClientError<MatrixError>> {
    let request = login_request(login::v3::LoginInfo::token(token), device_name);
    Ok(client.send(request, SendAccessToken::None).await?.into())
}

/// Asks for a login token, completing the server's User-Interactive Authentication with the
/// password. `on_uia` sees the server's UIA answer before the password is sent.
pub async fn request_login_token(
    client: &Client,
    session: &LoggedIn,
    password: &str,
    mut on_uia: impl FnMut(&UiaaInfo),
) -> Result<LoginToken, ClientError<UiaaResponse>> {
    let token = SendAccessToken::IfRequired(&session.access_token);
    let first = client
        .send(get_login_token::v1::Request::new(), token)
        .await;
    let info = match first {
        Ok(response) => return Ok(response.into()),
        Err(ClientError::Response(FromHttpResponseError::Server(UiaaResponse::AuthResponse(
            info,
        )))) => info,
        Err(other) => return Err(other),
    };
    on_uia(&info);
    let auth = AuthData::Password(Password::new(
        UserIdentifier::user(session.user_id.as_str()),
        password,
        info.session.clone(),
    ));
    let request = get_login_token::v1::Request { auth: Some(auth) };
    Ok(client.send(request, token).await?.into())
}

impl From<get_login_token::v1::Response> for LoginToken {
    fn from(response: get_login_token::v1::Response) -> Self {
        LoginToken {
            token: response.login_token,
            expires_in: response.expires_in,
        }
    }
}

/// Who the access token belongs to.
pub async fn whoami(
    client: &Client,
    access_token: &str,
) -> Result<whoami::v3::Response, ClientError<MatrixError>> {
    client
        .send(
            whoami::v3::Request::new(),
            SendAccessToken::IfRequired(access_token),
        )
        .await
}

/// Ends the session.
pub async fn logout(client: &Client, session: &LoggedIn) -> Result<(), ClientError<MatrixError>> {
    client
        .send(
            logout::v3::Request::new(),
            SendAccessToken::IfRequired(&session.access_token),
        )
        .await
        .map(drop)
}

/// An endpoint, the path this client would use for it, and why.
pub struct PathChoice {
    /// `METHOD /newest/path`.
    pub endpoint: String,
    /// The chosen path, or why there is none.
    pub path: Result<&'static str, matrix_api::IntoHttpError>,
    /// Why this path.
    pub reason: String,
}

/// The path chosen for each endpoint of the registry on this server, with the reason.
pub fn path_choices(supported: &SupportedVersions) -> Vec<PathChoice> {
    matrix_client_api::ENDPOINTS
        .iter()
        .map(|endpoint| choose(&endpoint.metadata, supported))
        .collect()
}

fn choose(metadata: &Metadata, supported: &SupportedVersions) -> PathChoice {
    let history = &metadata.history;
    let newest = supported.versions.iter().next_back();
    let server = newest.map_or("no known version".to_owned(), |v| {
        format!("server speaks {v}")
    });
    let reason = match (history.versioning_decision(supported), history.added_in()) {
        _ if history.unversioned_path().is_some() => "one unversioned path".to_owned(),
        (VersioningDecision::Stable { deprecated }, added) => {
            let since = added.map_or("by feature flag".to_owned(), |v| format!("since {v}"));
            let deprecated = if deprecated { ", deprecated" } else { "" };
            format!("stable {since}; {server}{deprecated}")
        }
        (VersioningDecision::Unstable, added) => {
            let announced = history
                .unstable_paths()
                .iter()
                .filter_map(|p| p.feature)
                .find(|f| supported.has_feature(f));
            match (announced, added) {
                (Some(feature), _) => format!("unstable: server announces {feature}"),
                (None, Some(v)) => format!("unstable: stable needs {v}, {server}"),
                (None, None) => "unstable: no stable path yet".to_owned(),
            }
        }
        (VersioningDecision::Removed, _) => format!("removed; {server}"),
        (VersioningDecision::NotSupported, _) => format!("not supported; {server}"),
    };
    PathChoice {
        endpoint: format!("{} {}", metadata.method, history.canonical_path()),
        path: history.select_path(supported),
        reason,
    }
}
