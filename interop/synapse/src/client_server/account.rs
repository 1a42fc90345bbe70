//! Accounts against Synapse, as a new user lives them: the name is checked and registered
//! through `POST /register` and its User-Interactive Authentication (the project's Synapse has
//! open registration without verification, so the one stage is `m.login.dummy`); a taken name
//! and a guest are refused; the user lists their (no) third-party identifiers, tries the 3PID
//! endpoints that need an identity server or a validation session none of which this Synapse
//! has, and changes the password through a `m.login.password` UIA round. A second, throw-away
//! account is registered without logging in, then deactivated through UIA. The six
//! `…/requestToken` endpoints are refused, Synapse having neither email nor SMS configured.
//!
//! The group registers its own users through the endpoint it tests, so no other group's user
//! has its password changed or its account deactivated.

use std::time::SystemTime;

use matrix_api::error::{ErrorKind, MatrixError};
use matrix_api::http::StatusCode;
use matrix_api::{OutgoingRequest, OutgoingResponse, UInt};
use matrix_client_api::account::request_token::{EmailValidation, MsisdnValidation};
use matrix_client_api::account::{
    add_3pid, add_3pid_deprecated, bind_3pid, change_password, check_registration_token_validity,
    deactivate, delete_3pid, get_3pids, get_username_availability, register,
    request_3pid_management_token_via_email, request_3pid_management_token_via_msisdn,
    request_password_change_token_via_email, request_password_change_token_via_msisdn,
    request_registration_token_via_email, request_registration_token_via_msisdn, unbind_3pid,
    whoami, ThirdPartyIdRemovalStatus,
};
use matrix_client_api::uiaa::{AuthData, UiaaInfo, UiaaResponse, UserIdentifier};
use matrix_login::flow::{self, Client, LoggedIn};
use ruma_common::thirdparty::Medium;
use ruma_common::{OwnedClientSecret, OwnedSessionId};

use crate::expect::{expect_kind, matrix_error, uia_info};
use crate::lossless::exchange;
use crate::report::{Report, StepResult};
use crate::synapse::Admin;

/// The names of this run's accounts: fresh per run, so a rerun against the same server is not
/// refused.
struct Names {
    /// The user who registers, lists identifiers and changes the password.
    main: String,
    /// The throw-away account that is deactivated.
    spare: String,
    /// The password both are registered with.
    password: String,
    /// A client secret for the validation sessions that do not exist.
    client_secret: OwnedClientSecret,
}

impl Names {
    fn new() -> Names {
        let suffix = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() % 1_000_000);
        Names {
            main: format!("acct{suffix}"),
            spare: format!("acctgone{suffix}"),
            password: format!("acct-pass-{suffix}"),
            client_secret: format!("interop-secret-{suffix}")
                .try_into()
                .expect("a valid client secret"),
        }
    }
}

/// The group's steps, in the order of the session.
pub async fn run(report: &mut Report, client: &Client, _synapse: &Admin<'_>) {
    let names = Names::new();
    report
        .step(
            "account: GET /register/available (a free name)",
            available(client, &names.main),
        )
        .await;
    let main = report
        .step(
            "account: POST /register (UIA: 401 offering m.login.dummy, then registered with it)",
            register_with_dummy(client, &names),
        )
        .await;
    report
        .step_after(
            "account: GET /register/available (a taken name, 400 M_USER_IN_USE)",
            main.as_ref(),
            (
                "account: GET /register/available (taken)",
                "account: POST /register",
            ),
            |_| taken(client, &names.main),
        )
        .await;
    report
        .step_after(
            "account: POST /register (a taken name, 400 M_USER_IN_USE before any stage)",
            main.as_ref(),
            ("account: POST /register (taken)", "account: POST /register"),
            |_| register_taken(client, &names),
        )
        .await;
    report
        .step(
            "account: POST /register?kind=guest (guest access off, 403 M_UNKNOWN)",
            register_guest(client),
        )
        .await;
    report
        .step(
            "account: GET /v1/register/m.login.registration_token/validity (tokens off)",
            token_validity(client),
        )
        .await;
    request_token_steps(report, client, &names).await;
    let Some(main) = main else {
        report.not_run(
            "account: every step of the registered user",
            "account: POST /register",
        );
        return;
    };
    threepid_steps(report, client, &main, &names).await;
    report
        .step(
            "account: POST /account/password (UIA: 401 offering m.login.password, then changed; \
             the old password refused, the new one works, the token kept)",
            change_the_password(client, &main, &names),
        )
        .await;
    let spare = report
        .step(
            "account: POST /register (inhibit_login: no token or device in the answer)",
            register_without_login(client, &names),
        )
        .await;
    report
        .step_after(
            "account: POST /account/deactivate (UIA: 401 offering m.login.password, then \
             deactivated with erase; its token and password refused)",
            spare,
            (
                "account: POST /account/deactivate",
                "account: POST /register (inhibit_login)",
            ),
            |spare| deactivate_spare(client, spare, &names),
        )
        .await;
}

// Registration.

/// `GET /register/available` for a name nobody has.
async fn available(client: &Client, name: &str) -> StepResult<()> {
    let request = get_username_availability::v3::Request::new(name.to_owned());
    let (response, note) = exchange(client, request).await?.ok(&[])?;
    if !response.available {
        return Err("available: false".to_owned());
    }
    Ok(((), format!("{name}: available; {note}")))
}

/// `GET /register/available` for the registered name: 400 `M_USER_IN_USE`.
async fn taken(client: &Client, name: &str) -> StepResult<()> {
    let request = get_username_availability::v3::Request::new(name.to_owned());
    let (err, note) = exchange(client, request).await?.err(&[])?;
    expect_kind(&err, StatusCode::BAD_REQUEST, &ErrorKind::UserInUse)?;
    Ok(((), format!("{name}: {err}; {note}")))
}

/// The main user's registration: the first call, without `auth`, is answered `401` with the
/// flows (one, `m.login.dummy`) and a session; the second completes the dummy stage and gives
/// the session of a new device.
async fn register_with_dummy(client: &Client, names: &Names) -> StepResult<LoggedIn> {
    let mut request = register::v3::Request::new();
    request.username = Some(names.main.clone());
    request.password = Some(names.password.clone());
    request.initial_device_display_name = Some("interop account device".to_owned());
    let (err, note1) = exchange(client, request.clone())
        .await?
        .err(&[])
        .map_err(|e| format!("first call: {e}"))?;
    let info = uia_info(&err)?;
    let session = offers(info, "m.login.dummy")?;
    request.auth = Some(AuthData::dummy(Some(session)));
    let (response, note2) = exchange(client, request)
        .await?
        .ok(&[])
        .map_err(|e| format!("with the dummy stage: {e}"))?;
    if response.user_id.localpart() != names.main {
        return Err(format!("registered as {}", response.user_id));
    }
    let (Some(access_token), Some(device_id)) = (response.access_token, response.device_id) else {
        return Err("no access token or device in the answer".to_owned());
    };
    let device = LoggedIn {
        user_id: response.user_id,
        device_id,
        access_token,
    };
    // The new token works.
    let me = flow::whoami(&device.client(client))
        .await
        .map_err(|e| format!("whoami with the new token: {e}"))?;
    if me.user_id != device.user_id {
        return Err(format!("whoami says {}", me.user_id));
    }
    let detail = format!(
        "401 offered {} ({note1}); {} on device {} ({note2}), whoami agrees",
        flows(info),
        device.user_id,
        device.device_id
    );
    Ok((device, detail))
}

/// A second registration of the main user's name is refused before any UIA stage.
async fn register_taken(client: &Client, names: &Names) -> StepResult<()> {
    let mut request = register::v3::Request::new();
    request.username = Some(names.main.clone());
    request.password = Some(names.password.clone());
    let (err, note) = exchange(client, request).await?.err(&[])?;
    let err = matrix_error(&err)?;
    expect_kind(err, StatusCode::BAD_REQUEST, &ErrorKind::UserInUse)?;
    Ok(((), format!("{err}; {note}")))
}

/// A guest registration, which the project's Synapse does not allow (`allow_guest_access` is
/// off by default): 403, before any UIA, with `M_UNKNOWN` where the specification's example
/// has `M_FORBIDDEN` (interop/FINDINGS.md).
async fn register_guest(client: &Client) -> StepResult<()> {
    let request = register::v3::Request {
        kind: register::v3::RegistrationKind::Guest,
        ..register::v3::Request::new()
    };
    let seen = exchange(client, request).await?;
    let (err, note) = seen.err(&[])?;
    let err = matrix_error(&err)?;
    expect_kind(err, StatusCode::FORBIDDEN, &ErrorKind::Unknown)?;
    Ok(((), format!("{err}; {note}")))
}

/// The registration token check with registration open and tokens not required: Synapse knows
/// no token, so an unknown one is `valid: false` (the specification's answer for a token the
/// server does not recognise).
async fn token_validity(client: &Client) -> StepResult<()> {
    let request =
        check_registration_token_validity::v1::Request::new("interop-no-such-token".to_owned());
    let seen = exchange(client, request).await?;
    let status = seen.raw.status();
    let (response, note) = seen.ok(&[])?;
    if response.valid {
        return Err("an unknown token is valid".to_owned());
    }
    Ok(((), format!("{status}: valid: false; {note}")))
}

/// The throw-away account, registered with `inhibit_login`: the answer has the user ID and no
/// session; the account then logs in with its password for the deactivation.
async fn register_without_login(client: &Client, names: &Names) -> StepResult<LoggedIn> {
    let mut request = register::v3::Request::new();
    request.username = Some(names.spare.clone());
    request.password = Some(names.password.clone());
    request.inhibit_login = true;
    let (err, _) = exchange(client, request.clone()).await?.err(&[])?;
    let session = offers(uia_info(&err)?, "m.login.dummy")?;
    request.auth = Some(AuthData::dummy(Some(session)));
    let (response, note) = exchange(client, request).await?.ok(&[])?;
    if response.access_token.is_some() || response.device_id.is_some() {
        return Err("a session despite inhibit_login".to_owned());
    }
    let device = flow::password_login(client, response.user_id.as_str(), &names.password, None)
        .await
        .map_err(|e| format!("password login: {e}"))?;
    let detail = format!(
        "{} without a session ({note}), then logged in on {}",
        response.user_id, device.device_id
    );
    Ok((device, detail))
}

// The validation tokens.

/// The six `…/requestToken` endpoints. The project's Synapse has neither email nor SMS
/// configured, so each is refused; what each must answer is in its step's name. Synapse does
/// not serve the phone number password reset at all (interop/FINDINGS.md).
async fn request_token_steps(report: &mut Report, client: &Client, names: &Names) {
    let email = EmailValidation::new(
        names.client_secret.clone(),
        format!("{}@example.org", names.main),
        UInt::from(1_u32),
    );
    let msisdn = MsisdnValidation::new(
        names.client_secret.clone(),
        "GB".to_owned(),
        "07700900001".to_owned(),
        UInt::from(1_u32),
    );
    let unknown = (StatusCode::BAD_REQUEST, ErrorKind::Unknown);
    let not_served = (StatusCode::NOT_FOUND, ErrorKind::Unrecognized);
    let not_supported = (
        StatusCode::BAD_REQUEST,
        ErrorKind::ThreepidMediumNotSupported,
    );
    report
        .step(
            "account: POST /register/email/requestToken (no email configured, 400 M_UNKNOWN)",
            refused(
                client,
                request_registration_token_via_email::v3::Request::new(email.clone()),
                &unknown,
            ),
        )
        .await;
    report
        .step(
            "account: POST /register/msisdn/requestToken (no SMS configured, 400 M_UNKNOWN)",
            refused(
                client,
                request_registration_token_via_msisdn::v3::Request::new(msisdn.clone()),
                &unknown,
            ),
        )
        .await;
    report
        .step(
            "account: POST /account/password/email/requestToken (no email configured, 400 M_UNKNOWN)",
            refused(
                client,
                request_password_change_token_via_email::v3::Request::new(email.clone()),
                &unknown,
            ),
        )
        .await;
    report
        .step(
            "account: POST /account/password/msisdn/requestToken (not served, 404 M_UNRECOGNIZED)",
            refused(
                client,
                request_password_change_token_via_msisdn::v3::Request::new(msisdn.clone()),
                &not_served,
            ),
        )
        .await;
    report
        .step(
            "account: POST /account/3pid/email/requestToken (no email configured, 400 \
             M_THREEPID_MEDIUM_NOT_SUPPORTED)",
            refused(
                client,
                request_3pid_management_token_via_email::v3::Request::new(email),
                &not_supported,
            ),
        )
        .await;
    report
        .step(
            "account: POST /account/3pid/msisdn/requestToken (no SMS configured, 400 \
             M_THREEPID_MEDIUM_NOT_SUPPORTED)",
            refused(
                client,
                request_3pid_management_token_via_msisdn::v3::Request::new(msisdn),
                &not_supported,
            ),
        )
        .await;
}

/// A request answered with an ordinary Matrix error of this status and code, read losslessly.
async fn refused<R>(
    client: &Client,
    request: R,
    (status, kind): &(StatusCode, ErrorKind),
) -> StepResult<()>
where
    R: OutgoingRequest<EndpointError = MatrixError> + Clone,
    R::IncomingResponse: OutgoingResponse + Clone,
{
    let (err, note) = exchange(client, request).await?.err(&[])?;
    expect_kind(&err, *status, kind)?;
    Ok(((), format!("{err}; {note}")))
}

// Third-party identifiers.

/// The main user's 3PID steps: the list (empty), adding one without a validated session
/// (after a UIA round), binding through an identity server that is not there, the deprecated
/// `POST /account/3pid`, and removing and unbinding an identifier the user does not have.
async fn threepid_steps(report: &mut Report, client: &Client, main: &LoggedIn, names: &Names) {
    let device = main.client(client);
    report
        .step("account: GET /account/3pid (none)", list_threepids(&device))
        .await;
    report
        .step(
            "account: POST /account/3pid/add (UIA: 401 offering m.login.password, then 400 \
             M_THREEPID_AUTH_FAILED for a session never validated)",
            add_unvalidated(&device, main, names),
        )
        .await;
    report
        .step(
            "account: POST /account/3pid/bind (an identity server that is not there, 500 M_UNKNOWN)",
            bind_nowhere(&device, names),
        )
        .await;
    report
        .step(
            "account: POST /account/3pid (deprecated; a session never validated, 400 \
             M_THREEPID_AUTH_FAILED)",
            add_deprecated(&device, names),
        )
        .await;
    let address = format!("{}@example.org", names.main);
    report
        .step(
            "account: POST /account/3pid/delete (an address bound through no identity server: \
             no-support)",
            delete_unknown(&device, &address),
        )
        .await;
    report
        .step(
            "account: POST /account/3pid/unbind (an address bound through no identity server: \
             no-support)",
            unbind_unknown(&device, &address),
        )
        .await;
}

/// `GET /account/3pid`: a new account has no identifiers.
async fn list_threepids(device: &Client) -> StepResult<()> {
    let (response, note) = exchange(device, get_3pids::v3::Request::new())
        .await?
        .ok(&[])?;
    if !response.threepids.is_empty() {
        return Err(format!("identifiers: {:?}", response.threepids));
    }
    Ok(((), format!("threepids: []; {note}")))
}

/// `POST /account/3pid/add` asks for the password first, then refuses a session that was never
/// validated.
async fn add_unvalidated(device: &Client, main: &LoggedIn, names: &Names) -> StepResult<()> {
    let mut request = add_3pid::v3::Request::new(names.client_secret.clone(), no_session());
    let (err, note1) = exchange(device, request.clone()).await?.err(&[])?;
    let info = uia_info(&err)?;
    let session = offers(info, "m.login.password")?;
    request.auth = Some(password_auth(main, &names.password, session));
    let (err, note2) = exchange(device, request).await?.err(&[])?;
    let err = matrix_error(&err)?;
    expect_kind(err, StatusCode::BAD_REQUEST, &ErrorKind::ThreepidAuthFailed)?;
    Ok((
        (),
        format!(
            "401 offered {} ({note1}); then {err} ({note2})",
            flows(info)
        ),
    ))
}

/// `POST /account/3pid/bind` with an identity server on a closed loopback port: Synapse cannot
/// reach it and answers `500 M_UNKNOWN` rather than passing on an identity server's error
/// (interop/FINDINGS.md).
async fn bind_nowhere(device: &Client, names: &Names) -> StepResult<()> {
    let request = bind_3pid::v3::Request::new(
        names.client_secret.clone(),
        "127.0.0.1:9".to_owned(),
        "interop-identity-token".to_owned(),
        no_session(),
    );
    let (err, note) = exchange(device, request).await?.err(&[])?;
    expect_kind(&err, StatusCode::INTERNAL_SERVER_ERROR, &ErrorKind::Unknown)?;
    Ok(((), format!("{err}; {note}")))
}

/// The deprecated `POST /account/3pid`, whose credentials name no validated session: Synapse
/// looks the session up on its own side, as `3pid/add` does, without calling the identity
/// server named.
async fn add_deprecated(device: &Client, names: &Names) -> StepResult<()> {
    let request =
        add_3pid_deprecated::v3::Request::new(add_3pid_deprecated::v3::ThreePidCredentials {
            client_secret: names.client_secret.clone(),
            id_server: "127.0.0.1:9".to_owned(),
            id_access_token: "interop-identity-token".to_owned(),
            sid: no_session(),
        });
    let (err, note) = exchange(device, request).await?.err(&[])?;
    expect_kind(
        &err,
        StatusCode::BAD_REQUEST,
        &ErrorKind::ThreepidAuthFailed,
    )?;
    Ok(((), format!("{err}; {note}")))
}

/// `POST /account/3pid/delete` of an address the account does not have: with no identity
/// server named and none on record, the specification asks for `no-support`.
async fn delete_unknown(device: &Client, address: &str) -> StepResult<()> {
    let request = delete_3pid::v3::Request::new(Medium::Email, address.to_owned());
    let (response, note) = exchange(device, request).await?.ok(&[])?;
    let result = &response.id_server_unbind_result;
    if *result != ThirdPartyIdRemovalStatus::NoSupport {
        return Err(format!("id_server_unbind_result: {result}"));
    }
    Ok(((), format!("id_server_unbind_result: {result}; {note}")))
}

/// `POST /account/3pid/unbind` of an address bound to no identity server: `no-support`, as for
/// deletion.
async fn unbind_unknown(device: &Client, address: &str) -> StepResult<()> {
    let request = unbind_3pid::v3::Request::new(Medium::Email, address.to_owned());
    let (response, note) = exchange(device, request).await?.ok(&[])?;
    let result = &response.id_server_unbind_result;
    if *result != ThirdPartyIdRemovalStatus::NoSupport {
        return Err(format!("id_server_unbind_result: {result}"));
    }
    Ok(((), format!("id_server_unbind_result: {result}; {note}")))
}

// Password and deactivation.

/// The main user changes the password through a `m.login.password` round, keeping the other
/// devices; the old password is then refused and the new one logs in, and the device's token
/// still works.
async fn change_the_password(client: &Client, main: &LoggedIn, names: &Names) -> StepResult<()> {
    let device = main.client(client);
    let new_password = format!("{}-changed", names.password);
    let mut request = change_password::v3::Request::new(new_password.clone());
    request.logout_devices = false;
    let (err, note1) = exchange(&device, request.clone()).await?.err(&[])?;
    let info = uia_info(&err)?;
    let session = offers(info, "m.login.password")?;
    request.auth = Some(password_auth(main, &names.password, session));
    let (_, note2) = exchange(&device, request).await?.ok(&[])?;
    let old = flow::password_login(client, main.user_id.as_str(), &names.password, None).await;
    match old {
        Err(e) if e.server_error().and_then(MatrixError::kind) == Some(&ErrorKind::Forbidden) => {}
        other => {
            return Err(format!(
                "the old password: {:?}",
                other.map(|d| d.device_id)
            ))
        }
    }
    let new = flow::password_login(client, main.user_id.as_str(), &new_password, None)
        .await
        .map_err(|e| format!("the new password: {e}"))?;
    let (me, _) = exchange(&device, whoami::v3::Request::new())
        .await?
        .ok(&[])
        .map_err(|e| format!("the device's token after the change: {e}"))?;
    if me.user_id != main.user_id {
        return Err(format!("whoami says {}", me.user_id));
    }
    Ok((
        (),
        format!(
            "401 offered {} ({note1}); 200 ({note2}); old password 403, new one logged in on {}, \
             the token kept",
            flows(info),
            new.device_id
        ),
    ))
}

/// The throw-away account deactivates itself through a `m.login.password` round, asking for
/// erasure (it has no identifiers, so the unbind result must be `success`); afterwards its
/// token is unknown and its password refused: Synapse forgets the password of a deactivated
/// account, so the login gets `403 M_FORBIDDEN` rather than `M_USER_DEACTIVATED`.
async fn deactivate_spare(client: &Client, spare: LoggedIn, names: &Names) -> StepResult<()> {
    let device = spare.client(client);
    let mut request = deactivate::v3::Request::new();
    request.erase = true;
    let (err, note1) = exchange(&device, request.clone()).await?.err(&[])?;
    let info = uia_info(&err)?;
    let session = offers(info, "m.login.password")?;
    request.auth = Some(password_auth(&spare, &names.password, session));
    let (response, note2) = exchange(&device, request).await?.ok(&[])?;
    let result = &response.id_server_unbind_result;
    if *result != ThirdPartyIdRemovalStatus::Success {
        return Err(format!("id_server_unbind_result: {result}"));
    }
    let (err, _) = exchange(&device, whoami::v3::Request::new())
        .await?
        .err(&[])
        .map_err(|e| format!("whoami after deactivation: {e}"))?;
    let unknown = ErrorKind::UnknownToken { soft_logout: false };
    expect_kind(&err, StatusCode::UNAUTHORIZED, &unknown)?;
    let login = flow::password_login(client, spare.user_id.as_str(), &names.password, None).await;
    let refused = match login {
        Err(e) => e
            .server_error()
            .cloned()
            .ok_or(format!("login after deactivation: {e}"))?,
        Ok(d) => return Err(format!("logged in after deactivation on {}", d.device_id)),
    };
    expect_kind(&refused, StatusCode::FORBIDDEN, &ErrorKind::Forbidden)?;
    Ok((
        (),
        format!(
            "401 offered {} ({note1}); id_server_unbind_result: {result} ({note2}); whoami: \
             {err}; login: {refused}",
            flows(info)
        ),
    ))
}

// UIA helpers.

/// The session of a UIA answer that offers a flow made of `stage` alone.
fn offers(info: &UiaaInfo, stage: &str) -> Result<String, String> {
    let offered = info
        .flows
        .iter()
        .any(|flow| flow.stages.len() == 1 && flow.stages[0] == stage);
    if !offered {
        return Err(format!("UIA offered {}, not [{stage}]", flows(info)));
    }
    if info.auth_error.is_some() {
        return Err(format!(
            "the first UIA answer carries an error: {}",
            UiaaResponse::AuthResponse(info.clone())
        ));
    }
    info.session
        .clone()
        .ok_or_else(|| "no UIA session".to_owned())
}

/// The flows of a UIA answer, as `[a+b, c]`.
fn flows(info: &UiaaInfo) -> String {
    let flows: Vec<String> = info.flows.iter().map(|f| f.stages.join("+")).collect();
    format!("[{}]", flows.join(", "))
}

/// The `m.login.password` stage for this device's user.
fn password_auth(device: &LoggedIn, password: &str, session: String) -> AuthData {
    let user = UserIdentifier::user(device.user_id.as_str());
    AuthData::password(user, password, Some(session))
}

/// A validation session that was never started.
fn no_session() -> OwnedSessionId {
    "interopnosuchsession"
        .try_into()
        .expect("a valid session ID")
}
