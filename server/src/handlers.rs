//! What the reference server does for each endpoint, on typed requests and responses.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::State;
use http::StatusCode;
use matrix_api::axum::Incoming;
use matrix_api::error::{ErrorKind, MatrixError, StandardErrorBody};
use matrix_api::MatrixVersion;
use matrix_client_api::uiaa::{AuthData, AuthFlow, UiaaInfo, UiaaResponse, UserIdentifier};
use matrix_client_api::{account, discovery, session};
use ruma_common::OwnedUserId;

use crate::generation::{LoginTokenGeneration, MSC3882, MSC3882_CAPABILITY};
use crate::revision0;
use crate::store::{random_device_id, random_token, LoginToken, Session, Store, UiaSession};
use crate::{AppState, RateLimit};

/// The only UIA stage this server offers.
const PASSWORD_STAGE: &str = "m.login.password";

fn error(status: StatusCode, kind: ErrorKind, message: &str) -> MatrixError {
    MatrixError::new(status, kind, message)
}

fn forbidden(message: &str) -> MatrixError {
    error(StatusCode::FORBIDDEN, ErrorKind::Forbidden, message)
}

/// The session of an access token; errors as the specification says for missing, unknown and
/// expired tokens.
fn authenticate(state: &AppState, token: Option<&str>) -> Result<(String, Session), MatrixError> {
    let Some(token) = token else {
        return Err(error(
            StatusCode::UNAUTHORIZED,
            ErrorKind::MissingToken,
            "Missing access token",
        ));
    };
    let mut store = state.store();
    let Some(session) = store.sessions.get_mut(token) else {
        return Err(error(
            StatusCode::UNAUTHORIZED,
            ErrorKind::UnknownToken { soft_logout: false },
            "Unknown access token",
        ));
    };
    if session.expires_at.is_some_and(|at| at <= Instant::now()) {
        // Expired but refreshable: the client can get a new token without logging in again.
        return Err(error(
            StatusCode::UNAUTHORIZED,
            ErrorKind::UnknownToken { soft_logout: true },
            "Access token has expired",
        ));
    }
    let previous = session.previous_refresh_token.take();
    let session = session.clone();
    if let Some(previous) = previous {
        store.refresh_tokens.remove(&previous);
    }
    Ok((token.to_owned(), session))
}

pub(crate) async fn versions(
    State(state): State<Arc<AppState>>,
    _: Incoming<discovery::get_supported_versions::Request>,
) -> Result<discovery::get_supported_versions::Response, MatrixError> {
    let generation = state.config.login_token;
    let newest = generation.newest_version();
    let versions = MatrixVersion::ALL
        .iter()
        .filter(|v| (MatrixVersion::V1_1..=newest).contains(v))
        .map(|v| v.to_string())
        .collect();
    let mut response = discovery::get_supported_versions::Response::new(versions);
    // Synapse still announces revision 0's flag with the stable endpoint, though it no longer
    // serves revision 0's path: so does this server, for clients to cope with.
    let msc3882 = matches!(
        generation,
        LoginTokenGeneration::R0 | LoginTokenGeneration::Stable
    );
    if msc3882 {
        response.unstable_features.insert(MSC3882.to_owned(), true);
    }
    Ok(response)
}

pub(crate) fn capabilities(
    state: Arc<AppState>,
    incoming: Incoming<discovery::get_capabilities::v3::Request>,
) -> Result<discovery::get_capabilities::v3::Response, MatrixError> {
    use discovery::get_capabilities::v3::{
        Capabilities, ChangePasswordCapability, GetLoginTokenCapability,
    };
    authenticate(&state, incoming.access_token.as_deref())?;
    let mut capabilities = Capabilities::new();
    capabilities.change_password = Some(ChangePasswordCapability::new(false));
    match state.config.login_token {
        // Revision 0 predates any capability for the endpoint.
        LoginTokenGeneration::R0 => {}
        LoginTokenGeneration::R1 => {
            let enabled = serde_json::json!({ "enabled": true });
            capabilities
                .other
                .insert(MSC3882_CAPABILITY.to_owned(), enabled);
        }
        LoginTokenGeneration::Stable => {
            capabilities.get_login_token = Some(GetLoginTokenCapability::new(true));
        }
        LoginTokenGeneration::Off => {
            capabilities.get_login_token = Some(GetLoginTokenCapability::new(false));
        }
    }
    Ok(discovery::get_capabilities::v3::Response::new(capabilities))
}

pub(crate) async fn login_types(
    State(state): State<Arc<AppState>>,
    _: Incoming<session::get_login_types::v3::Request>,
) -> Result<session::get_login_types::v3::Response, MatrixError> {
    use session::get_login_types::v3::{IdentityProvider, LoginType, SsoLoginType, TokenLoginType};
    let mut flows = vec![LoginType::Password];
    if let Some(get_login_token) = state.config.login_token.token_flow() {
        flows.push(LoginType::Token(TokenLoginType { get_login_token }));
    }
    if let Some(provider) = &state.config.sso_provider {
        flows.push(LoginType::Sso(SsoLoginType {
            identity_providers: vec![IdentityProvider::new(
                provider.id.clone(),
                provider.name.clone(),
            )],
            oauth_aware_preferred: false,
        }));
    }
    Ok(session::get_login_types::v3::Response::new(flows))
}

pub(crate) fn login(
    state: Arc<AppState>,
    Incoming { request, .. }: Incoming<session::login::v3::Request>,
) -> Result<session::login::v3::Response, MatrixError> {
    use session::login::v3::LoginInfo;
    let user_id = match &request.login_info {
        LoginInfo::Password(password) => {
            let user_id = identified_user(&state, &password.identifier)
                .ok_or_else(|| forbidden("Invalid username or password"))?;
            if !state.store().check_password(&user_id, &password.password) {
                return Err(forbidden("Invalid username or password"));
            }
            user_id
        }
        LoginInfo::Token(token) => {
            // Taken out of the map in one step: of two concurrent logins with one token,
            // exactly one finds it.
            let login_token = state.store().login_tokens.remove(&token.token);
            match login_token {
                Some(LoginToken {
                    user_id,
                    expires_at,
                }) if expires_at > Instant::now() => user_id,
                Some(_) => return Err(forbidden("The login token has expired")),
                None => return Err(forbidden("Invalid login token")),
            }
        }
        _ => {
            return Err(error(
                StatusCode::BAD_REQUEST,
                ErrorKind::Unknown,
                "Bad login type.",
            ))
        }
    };
    let device_id = request.device_id.unwrap_or_else(random_device_id);
    let refresh = request
        .refresh_token
        .then_some(state.config.refreshable_token_lifetime);
    let (access_token, session) =
        state
            .store()
            .start_session(user_id.clone(), device_id.clone(), refresh);
    let mut response = session::login::v3::Response::new(user_id, access_token, device_id);
    response.refresh_token = session.refresh_token;
    response.expires_in = refresh;
    Ok(response)
}

/// The local user an identifier names, if it names one of ours.
fn identified_user(state: &AppState, identifier: &UserIdentifier) -> Option<OwnedUserId> {
    let UserIdentifier::User { user } = identifier else {
        return None;
    };
    let user_id = state.user_id(user)?;
    state.store().has_user(&user_id).then_some(user_id)
}

// The error type is the endpoint's (`UiaaResponse`, whose UIA variant is large by nature);
// this runs once per request, so moving it is cheaper than boxing it.
#[allow(clippy::result_large_err)]
pub(crate) fn get_login_token(
    state: Arc<AppState>,
    Incoming {
        request,
        access_token,
        ..
    }: Incoming<session::get_login_token::v1::Request>,
) -> Result<session::get_login_token::v1::Response, UiaaResponse> {
    let (lifetime, login_token) = issue_login_token(&state, access_token.as_deref(), request.auth)?;
    Ok(session::get_login_token::v1::Response::new(
        lifetime,
        login_token,
    ))
}

/// Revision 0's endpoint: the same token, its lifetime in whole seconds, rounded up so that a
/// short lifetime is not announced as 0.
#[allow(clippy::result_large_err)]
pub(crate) fn get_login_token_revision0(
    state: Arc<AppState>,
    Incoming {
        request,
        access_token,
        ..
    }: Incoming<revision0::Request>,
) -> Result<revision0::Response, UiaaResponse> {
    let (lifetime, login_token) = issue_login_token(&state, access_token.as_deref(), request.auth)?;
    let seconds = lifetime.as_millis().div_ceil(1000);
    Ok(revision0::Response {
        expires_in: matrix_api::UInt::try_from(seconds).unwrap_or(matrix_api::UInt::MAX),
        login_token,
    })
}

/// A login token for the session of `access_token`, after User-Interactive Authentication
/// with the password and within the rate limit: its lifetime and the token.
#[allow(clippy::result_large_err)]
fn issue_login_token(
    state: &AppState,
    access_token: Option<&str>,
    auth: Option<AuthData>,
) -> Result<(Duration, String), UiaaResponse> {
    let (_, session) = authenticate(state, access_token)?;
    let user_id = session.user_id;
    check_rate_limit(state, &user_id)?;

    let flows = vec![AuthFlow::new(vec![PASSWORD_STAGE.to_owned()])];
    let Some(auth) = auth else {
        // Every call goes through User-Interactive Authentication: start a session.
        let uia_session = random_token("uia_");
        state
            .store()
            .uia_sessions
            .insert(uia_session.clone(), UiaSession { user_id });
        let mut info = UiaaInfo::new(flows);
        info.session = Some(uia_session);
        return Err(UiaaResponse::AuthResponse(info));
    };

    let session_id = auth.session().map(str::to_owned);
    let owned_session = session_id.as_deref().is_some_and(|id| {
        state
            .store()
            .uia_sessions
            .get(id)
            .is_some_and(|s| s.user_id == user_id)
    });
    if !owned_session {
        return Err(error(
            StatusCode::BAD_REQUEST,
            ErrorKind::Unknown,
            "Unknown UIA session",
        )
        .into());
    }
    let password_ok = match &auth {
        AuthData::Password(password) => {
            identified_user(state, &password.identifier).as_ref() == Some(&user_id)
                && state.store().check_password(&user_id, &password.password)
        }
        _ => false,
    };
    if !password_ok {
        let mut info = UiaaInfo::new(flows);
        info.session = session_id;
        info.auth_error = Some(StandardErrorBody::new(
            ErrorKind::Forbidden,
            "Invalid password",
        ));
        return Err(UiaaResponse::AuthResponse(info));
    }

    let mut store = state.store();
    if let Some(id) = &session_id {
        store.uia_sessions.remove(id);
    }
    // Checked again under the same lock as the issue, so parallel calls cannot both pass.
    over_limit(&mut store, state.config.login_token_rate_limit, &user_id)?;
    store
        .token_issues
        .entry(user_id.clone())
        .or_default()
        .push_back(Instant::now());
    let login_token = random_token("mlt_");
    let lifetime = state.config.login_token_lifetime;
    store.login_tokens.insert(
        login_token.clone(),
        LoginToken {
            user_id,
            expires_at: Instant::now() + lifetime,
        },
    );
    Ok((lifetime, login_token))
}

/// `429 M_LIMIT_EXCEEDED` when the user was issued as many login tokens as the limit allows
/// within its period.
fn check_rate_limit(state: &AppState, user_id: &OwnedUserId) -> Result<(), MatrixError> {
    over_limit(
        &mut state.store(),
        state.config.login_token_rate_limit,
        user_id,
    )
}

fn over_limit(
    store: &mut Store,
    limit: RateLimit,
    user_id: &OwnedUserId,
) -> Result<(), MatrixError> {
    let now = Instant::now();
    let issued = store.token_issues.entry(user_id.clone()).or_default();
    while issued
        .front()
        .is_some_and(|at| now.duration_since(*at) >= limit.per)
    {
        issued.pop_front();
    }
    if issued.len() < limit.tokens as usize {
        return Ok(());
    }
    let oldest = *issued
        .front()
        .expect("at least one issue when over the limit");
    let wait = limit
        .per
        .saturating_sub(now.duration_since(oldest))
        .max(Duration::from_millis(1));
    let retry_after_ms = u64::try_from(wait.as_millis()).unwrap_or(u64::MAX);
    Err(error(
        StatusCode::TOO_MANY_REQUESTS,
        ErrorKind::LimitExceeded {
            retry_after_ms: Some(retry_after_ms),
        },
        "Too many login tokens requested",
    ))
}

pub(crate) fn refresh(
    state: Arc<AppState>,
    Incoming { request, .. }: Incoming<session::refresh_token::v3::Request>,
) -> Result<session::refresh_token::v3::Response, MatrixError> {
    let unknown = || {
        error(
            StatusCode::UNAUTHORIZED,
            ErrorKind::UnknownToken { soft_logout: false },
            "Unknown refresh token",
        )
    };
    let mut store = state.store();
    let old_access = store
        .refresh_tokens
        .remove(&request.refresh_token)
        .ok_or_else(unknown)?;
    let old = store.sessions.remove(&old_access).ok_or_else(unknown)?;
    let lifetime = state.config.refreshable_token_lifetime;
    let (access_token, mut new) = store.start_session(old.user_id, old.device_id, Some(lifetime));
    // The old refresh token stays valid until the new tokens are first used.
    store
        .refresh_tokens
        .insert(request.refresh_token.clone(), access_token.clone());
    new.previous_refresh_token = Some(request.refresh_token);
    store.sessions.insert(access_token.clone(), new.clone());
    let mut response = session::refresh_token::v3::Response::new(access_token);
    response.refresh_token = new.refresh_token;
    response.expires_in = Some(lifetime);
    Ok(response)
}

pub(crate) fn whoami(
    state: Arc<AppState>,
    incoming: Incoming<account::whoami::v3::Request>,
) -> Result<account::whoami::v3::Response, MatrixError> {
    let (_, session) = authenticate(&state, incoming.access_token.as_deref())?;
    Ok(account::whoami::v3::Response::new(
        session.user_id,
        Some(session.device_id),
    ))
}

pub(crate) fn logout(
    state: Arc<AppState>,
    incoming: Incoming<session::logout::v3::Request>,
) -> Result<session::logout::v3::Response, MatrixError> {
    let (access_token, _) = authenticate(&state, incoming.access_token.as_deref())?;
    state.store().end_session(&access_token);
    Ok(session::logout::v3::Response::new())
}

pub(crate) fn logout_all(
    state: Arc<AppState>,
    incoming: Incoming<session::logout_all::v3::Request>,
) -> Result<session::logout_all::v3::Response, MatrixError> {
    let (_, session) = authenticate(&state, incoming.access_token.as_deref())?;
    let mut store = state.store();
    let tokens: Vec<String> = store
        .sessions
        .iter()
        .filter(|(_, s)| s.user_id == session.user_id)
        .map(|(token, _)| token.clone())
        .collect();
    for token in tokens {
        store.end_session(&token);
    }
    Ok(session::logout_all::v3::Response::new())
}

fn sso_redirect(
    state: &AppState,
    idp_id: Option<&str>,
    redirect_url: &str,
) -> Result<String, MatrixError> {
    let provider = state
        .config
        .sso_provider
        .as_ref()
        .filter(|p| idp_id.is_none_or(|id| id == p.id))
        .ok_or_else(|| {
            error(
                StatusCode::NOT_FOUND,
                ErrorKind::Unrecognized,
                "No such identity provider",
            )
        })?;
    let query: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("redirectUrl", redirect_url)
        .finish();
    let separator = if provider.authorize_url.contains('?') {
        '&'
    } else {
        '?'
    };
    Ok(format!("{}{separator}{query}", provider.authorize_url))
}

pub(crate) async fn sso_login(
    State(state): State<Arc<AppState>>,
    Incoming { request, .. }: Incoming<session::sso_login::v3::Request>,
) -> Result<session::sso_login::v3::Response, MatrixError> {
    Ok(session::sso_login::v3::Response::new(sso_redirect(
        &state,
        None,
        &request.redirect_url,
    )?))
}

pub(crate) async fn sso_login_with_provider(
    State(state): State<Arc<AppState>>,
    Incoming { request, .. }: Incoming<session::sso_login_with_provider::v3::Request>,
) -> Result<session::sso_login_with_provider::v3::Response, MatrixError> {
    let location = sso_redirect(&state, Some(&request.idp_id), &request.redirect_url)?;
    Ok(session::sso_login_with_provider::v3::Response::new(
        location,
    ))
}
