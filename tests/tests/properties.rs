//! Property tests of every endpoint of the session API: for any valid `Request`, the client's
//! conversion and then the server's parsing give back an equal value; for any valid `Response`
//! (and error), the server's conversion and then the client's parsing do.
//!
//! The strategies (in [`strategy`]) generate realistic but awkward values: unicode text with
//! control characters, `/ ? # %`, spaces and non-ASCII; user IDs with historical localparts and
//! IPv6 server names; durations up to 2^53 - 1 ms, the largest the wire format carries. Where a
//! value is excluded, the comment says which rule of the specification or of the type makes it
//! invalid. Each property runs 64 cases (`PROPTEST_CASES` overrides this, for a deeper run).

use std::fmt::Debug;
use std::time::Duration;

use matrix_api::{
    FromHttpResponseError, IncomingRequest, IncomingResponse, IntoHttpError, MatrixVersion,
    OutgoingRequest, OutgoingResponse, SendAccessToken, SupportedVersions,
};
use matrix_client_api::account::whoami;
use matrix_client_api::discovery::{get_capabilities, get_supported_versions};
use matrix_client_api::session::{
    get_login_token, get_login_types, login, logout, logout_all, refresh_token, sso_login,
    sso_login_with_provider,
};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

use strategy::Env;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(64);
    ProptestConfig {
        cases,
        // Failures found here become named regression tests; no files are written.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Client → `http::Request` → server, as the URI came (absolute form) and as a router hands it
/// over (origin form).
fn request_round_trip<R>(request: R, env: &Env) -> Result<(), TestCaseError>
where
    R: OutgoingRequest + IncomingRequest + Clone + PartialEq + Debug,
{
    // A server without the endpoint still gets a request, on the newest path, so that every
    // case checks the conversion.
    let path = <R as OutgoingRequest>::METADATA
        .history
        .select_path(&env.server)
        .unwrap_or(<R as OutgoingRequest>::METADATA.history.canonical_path());
    let http_request = request
        .clone()
        .try_into_http_request_with_path(
            path,
            env.base_url,
            SendAccessToken::IfRequired(&env.access_token),
        )
        .map_err(|err| TestCaseError::fail(format!("client could not send it: {err}")))?;

    let mut origin_form = http_request.clone();
    let path_and_query = http_request
        .uri()
        .path_and_query()
        .expect("the client writes a path")
        .clone();
    *origin_form.uri_mut() = path_and_query.into();

    for http_request in [http_request, origin_form] {
        let uri = http_request.uri().clone();
        let parsed = <R as IncomingRequest>::try_from_http_request(http_request, &[] as &[&str])
            .map_err(|err| TestCaseError::fail(format!("server rejected `{uri}`: {err}")))?;
        prop_assert_eq!(&parsed, &request, "through `{}`", uri);
    }
    Ok(())
}

/// Server → `http::Response` → client.
fn response_round_trip<R>(response: R) -> Result<(), TestCaseError>
where
    R: OutgoingResponse + IncomingResponse + Clone + PartialEq + Debug,
    R::EndpointError: Debug,
{
    let http_response = response
        .clone()
        .try_into_http_response()
        .map_err(|err| TestCaseError::fail(format!("server could not send it: {err}")))?;
    let parsed = R::try_from_http_response(http_response)
        .map_err(|err| TestCaseError::fail(format!("client rejected it: {err:?}")))?;
    prop_assert_eq!(parsed, response);
    Ok(())
}

/// Server → error `http::Response` → client of endpoint `R`, which must see the same error.
fn error_round_trip<R>(error: R::EndpointError) -> Result<(), TestCaseError>
where
    R: IncomingResponse + Debug,
    R::EndpointError: Clone + PartialEq + Debug,
{
    let http_response = error
        .clone()
        .try_into_http_response()
        .map_err(|err| TestCaseError::fail(format!("server could not send it: {err}")))?;
    match R::try_from_http_response(http_response) {
        Err(FromHttpResponseError::Server(parsed)) => prop_assert_eq!(parsed, error),
        other => prop_assert!(false, "expected the server's error, got {:?}", other),
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    // ---- POST /login/get_token

    #[test]
    fn get_login_token_request(request in strategy::get_login_token_request(), env in strategy::env()) {
        request_round_trip(request, &env)?;
    }

    #[test]
    fn get_login_token_response(response in strategy::get_login_token_response()) {
        response_round_trip(response)?;
    }

    #[test]
    fn get_login_token_uia_and_errors(error in strategy::uiaa_response()) {
        error_round_trip::<get_login_token::v1::Response>(error)?;
    }

    #[test]
    fn get_login_token_lifetime_beyond_the_wire_is_refused(
        ms in strategy::MAX_MS + 1..=u64::MAX,
        token in strategy::text(),
    ) {
        let response = get_login_token::v1::Response::new(Duration::from_millis(ms), token);
        let err = response.try_into_http_response().unwrap_err();
        prop_assert!(matches!(err, IntoHttpError::Json { .. }), "{:?}", err);
    }

    // ---- GET /login

    #[test]
    fn get_login_types_request(env in strategy::env()) {
        request_round_trip(get_login_types::v3::Request::new(), &env)?;
    }

    #[test]
    fn get_login_types_response(response in strategy::get_login_types_response()) {
        response_round_trip(response)?;
    }

    // ---- POST /login

    #[test]
    fn login_request(request in strategy::login_request(), env in strategy::env()) {
        request_round_trip(request, &env)?;
    }

    #[test]
    fn login_response(response in strategy::login_response()) {
        response_round_trip(response)?;
    }

    #[test]
    fn login_errors(error in strategy::matrix_error()) {
        error_round_trip::<login::v3::Response>(error)?;
    }

    // ---- POST /refresh

    #[test]
    fn refresh_token_request(refresh in strategy::text(), env in strategy::env()) {
        request_round_trip(refresh_token::v3::Request::new(refresh), &env)?;
    }

    #[test]
    fn refresh_token_response(response in strategy::refresh_token_response()) {
        response_round_trip(response)?;
    }

    // ---- POST /logout, POST /logout/all: nothing to vary but the server and the token.

    #[test]
    fn logout_request_and_response(env in strategy::env()) {
        request_round_trip(logout::v3::Request::new(), &env)?;
        response_round_trip(logout::v3::Response::new())?;
    }

    #[test]
    fn logout_all_request_and_response(env in strategy::env()) {
        request_round_trip(logout_all::v3::Request::new(), &env)?;
        response_round_trip(logout_all::v3::Response::new())?;
    }

    // ---- GET /login/sso/redirect

    #[test]
    fn sso_login_request(
        redirect_url in strategy::text(),
        action in strategy::sso_action(),
        env in strategy::env(),
    ) {
        request_round_trip(sso_login::v3::Request { redirect_url, action }, &env)?;
    }

    #[test]
    fn sso_login_response(location in strategy::header_text()) {
        response_round_trip(sso_login::v3::Response::new(location))?;
    }

    // ---- GET /login/sso/redirect/{idp_id}

    #[test]
    fn sso_login_with_provider_request(
        idp_id in strategy::path_text(),
        redirect_url in strategy::text(),
        action in strategy::sso_action(),
        env in strategy::env(),
    ) {
        let request = sso_login_with_provider::v3::Request { idp_id, redirect_url, action };
        request_round_trip(request.clone(), &env)?;

        // A router passes the parameter already percent-decoded.
        let http_request = request
            .clone()
            .try_into_http_request(env.base_url, SendAccessToken::None, &env.server)
            .unwrap();
        let parsed = sso_login_with_provider::v3::Request::try_from_http_request(
            http_request,
            &[request.idp_id.as_str()],
        );
        prop_assert_eq!(parsed, Ok(request));
    }

    #[test]
    fn sso_login_with_provider_response(location in strategy::header_text()) {
        response_round_trip(sso_login_with_provider::v3::Response::new(location))?;
    }

    // ---- GET /account/whoami

    #[test]
    fn whoami_request(env in strategy::env()) {
        request_round_trip(whoami::v3::Request::new(), &env)?;
    }

    #[test]
    fn whoami_response(
        user_id in strategy::user_id(),
        device_id in proptest::option::of(strategy::device_id()),
        is_guest in any::<bool>(),
    ) {
        response_round_trip(whoami::v3::Response { user_id, device_id, is_guest })?;
    }

    #[test]
    fn whoami_errors(error in strategy::matrix_error()) {
        error_round_trip::<whoami::v3::Response>(error)?;
    }

    // ---- GET /versions

    #[test]
    fn get_supported_versions_request(env in strategy::env()) {
        request_round_trip(get_supported_versions::Request::new(), &env)?;
    }

    #[test]
    fn get_supported_versions_response(response in strategy::get_supported_versions_response()) {
        response_round_trip(response)?;
    }

    // ---- GET /capabilities

    #[test]
    fn get_capabilities_request(env in strategy::env()) {
        request_round_trip(get_capabilities::v3::Request::new(), &env)?;
    }

    #[test]
    fn get_capabilities_response(capabilities in strategy::capabilities()) {
        response_round_trip(get_capabilities::v3::Response::new(capabilities))?;
    }

    // ---- Versions

    #[test]
    fn matrix_version_display_parses_back(version in proptest::sample::select(MatrixVersion::ALL)) {
        prop_assert_eq!(version.to_string().parse::<MatrixVersion>(), Ok(version));
    }

    #[test]
    fn any_v1_minor_parses(minor in any::<u64>()) {
        let expected = MatrixVersion::from_minor(minor).unwrap_or(MatrixVersion::LATEST);
        prop_assert_eq!(format!("v1.{minor}").parse::<MatrixVersion>(), Ok(expected));
    }
}

/// The strategies, shared by every endpoint above.
mod strategy {
    use std::net::{Ipv4Addr, Ipv6Addr};
    use std::time::Duration;

    use http::StatusCode;
    use matrix_api::error::{ErrorBody, ErrorKind, MatrixError, StandardErrorBody};
    use matrix_api::{MatrixVersion, OutgoingResponse, SupportedVersions};
    use matrix_client_api::discovery::{get_capabilities, get_supported_versions};
    use matrix_client_api::session::login::v3::{
        ApplicationService, CustomLoginInfo, DiscoveryInfo, HomeserverInfo, IdentityServerInfo,
        LoginInfo,
    };
    use matrix_client_api::session::{
        get_login_token, get_login_types, login, refresh_token, sso_login,
    };
    use matrix_client_api::uiaa::{
        AuthData, AuthFlow, Password, RegistrationToken, Token, UiaaInfo, UiaaResponse,
        UserIdentifier,
    };
    use proptest::collection::{btree_map, vec};
    use proptest::option;
    use proptest::prelude::*;
    use ruma_common::serde::JsonObject;
    use ruma_common::{OwnedDeviceId, OwnedMxcUri, OwnedServerName, OwnedUserId};
    use serde_json::Value;

    /// The largest duration `expires_in_ms` can carry: 2^53 - 1 ms (JSON's safe integers).
    pub const MAX_MS: u64 = (1 << 53) - 1;

    /// Where a request goes and what the client knows of the server.
    #[derive(Clone, Debug)]
    pub struct Env {
        pub base_url: &'static str,
        pub access_token: String,
        pub server: SupportedVersions,
    }

    /// A base URL, a token, and a server that supports one to four spec versions (so that the
    /// r0, v3 and unstable paths are all chosen in turn) and some feature flags.
    pub fn env() -> impl Strategy<Value = Env> {
        let base_url = prop::sample::select(
            &[
                "https://matrix.example.org",
                "https://matrix.example.org/",
                "http://127.0.0.1:8008",
                "http://[::1]:8448/",
                "https://xn--bcher-kva.example",
            ][..],
        );
        // Tokens are opaque, but travel in `Authorization: Bearer`: RFC 6750's b64token.
        let access_token = "[A-Za-z0-9._~+/-]{1,40}=*";
        let versions = prop::sample::subsequence(MatrixVersion::ALL.to_vec(), 1..=4);
        let features = prop::sample::subsequence(
            vec![
                "org.matrix.msc3882",
                "org.matrix.msc3882.get_login_token",
                "org.matrix.msc2918",
                "org.matrix.msc2858",
            ],
            0..=4,
        );
        (base_url, access_token, versions, features).prop_map(
            |(base_url, access_token, versions, features)| {
                let mut server = SupportedVersions::from_versions(&versions);
                server.features = features.into_iter().map(str::to_owned).collect();
                Env {
                    base_url,
                    access_token,
                    server,
                }
            },
        )
    }

    // ---- Text

    /// Any text: every Unicode scalar value, control characters included, and a good share of
    /// the characters that mean something in URIs, JSON and forms; sometimes empty.
    pub fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            3 => "(?s).{0,24}",
            3 => "[/?#% +&=;:@!$'()*,.~_a-zA-Z0-9\"\\\\éß漢字😀\u{7f}\u{80}\u{202e}\u{feff}\u{fffd}-]{0,16}",
            1 => Just(String::new()),
        ]
    }

    /// A path parameter: like [`text`], with the values that try to change the route.
    pub fn path_text() -> impl Strategy<Value = String> {
        // Not empty: an empty segment is refused on both sides (`path_parameters.rs`).
        prop_oneof![
            4 => text().prop_filter("a path segment is not empty", |text| !text.is_empty()),
            1 => prop::sample::select(&[".", "..", "/", "../..", "%2F", "%", "?", "#", " ", "a/../b"][..])
                .prop_map(str::to_owned),
        ]
    }

    /// A header value as HTTP allows it (RFC 9110 §5.5): visible characters, with spaces and
    /// tabs only inside. Bytes beyond ASCII are "obs-text", which recipients must accept as
    /// opaque data; in a `String` field they are UTF-8, as a server sending an IRI in
    /// `Location` writes them.
    pub fn header_text() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => "([!-~]([ !-~\t]{0,30}[!-~])?)?",
            2 => "([!-~é漢😀\u{80}\u{fffd}]([ !-~\té漢😀\u{80}\u{fffd}]{0,30}[!-~é漢😀\u{80}\u{fffd}])?)?",
            1 => "https://idp\\.example/auth\\?state=[a-zA-Z0-9%]{0,20}&redirect=[!-~]{0,10}",
        ]
    }

    /// A type string that is none of `known`, so that it parses as the `Unknown` variant.
    fn unknown_type(known: &'static [&'static str]) -> impl Strategy<Value = String> {
        prop_oneof![
            "m\\.(login|id)\\.[a-z_.]{1,12}",
            "org\\.example\\.[a-z]{1,8}",
            text(),
        ]
        .prop_filter("a known type", move |t| !known.contains(&t.as_str()))
    }

    // ---- JSON

    /// Any JSON value: integers over the whole `i64` and `u64` ranges, every finite `f64`,
    /// [`text`] strings and keys, nested up to three levels.
    pub fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<f64>().prop_filter_map("not finite", |f| {
                serde_json::Number::from_f64(f).map(Value::Number)
            }),
            text().prop_map(Value::String),
        ];
        leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                vec(inner.clone(), 0..4).prop_map(Value::Array),
                btree_map(text(), inner, 0..4)
                    .prop_map(|map| Value::Object(map.into_iter().collect())),
            ]
        })
    }

    /// A JSON object whose keys are none of `reserved`.
    pub fn json_object_without(
        reserved: &'static [&'static str],
    ) -> impl Strategy<Value = JsonObject> {
        btree_map(text(), json_value(), 0..4).prop_map(move |map| {
            map.into_iter()
                .filter(|(key, _)| !reserved.contains(&key.as_str()))
                .collect()
        })
    }

    /// A duration in whole milliseconds, up to [`MAX_MS`]; the ends of the range are common.
    pub fn duration() -> impl Strategy<Value = Duration> {
        prop_oneof![
            1 => Just(0),
            1 => Just(MAX_MS),
            3 => 0..=MAX_MS,
            3 => 0..=86_400_000u64,
        ]
        .prop_map(Duration::from_millis)
    }

    // ---- Identifiers

    /// A user ID localpart: the characters new IDs may use (`a-z 0-9 . _ = - / +`), or a
    /// historical one of any printable ASCII but `:` (spec appendix, "Historical user IDs").
    pub fn localpart() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-z0-9._=/+-]{1,24}",
            "[!-9;-~]{1,24}",
            prop::sample::select(&["=", "/", "..", "+", "_", "%2F", "@", "!#?%&"][..])
                .prop_map(str::to_owned),
        ]
    }

    /// A server name: a DNS name, an IPv4 address or a bracketed IPv6 address, with or
    /// without a port.
    pub fn server_name_text() -> impl Strategy<Value = String> {
        let host = prop_oneof![
            "[a-zA-Z0-9-]{1,12}(\\.[a-zA-Z0-9-]{1,12}){0,3}",
            any::<[u8; 4]>().prop_map(|ip| Ipv4Addr::from(ip).to_string()),
            any::<[u16; 8]>().prop_map(|ip| format!("[{}]", Ipv6Addr::from(ip))),
        ];
        (host, option::of(any::<u16>())).prop_map(|(host, port)| match port {
            Some(port) => format!("{host}:{port}"),
            None => host,
        })
    }

    pub fn server_name() -> impl Strategy<Value = OwnedServerName> {
        server_name_text()
            .prop_map(|name| OwnedServerName::try_from(name).expect("valid server name"))
    }

    /// A user ID, at most 255 bytes long as the specification requires.
    pub fn user_id() -> impl Strategy<Value = OwnedUserId> {
        (localpart(), server_name_text()).prop_filter_map(
            "longer than 255 bytes",
            |(local, server)| {
                let id = format!("@{local}:{server}");
                (id.len() <= 255).then(|| OwnedUserId::try_from(id).expect("valid user ID"))
            },
        )
    }

    /// A device ID: opaque to clients, so any text.
    pub fn device_id() -> impl Strategy<Value = OwnedDeviceId> {
        text().prop_map(OwnedDeviceId::from)
    }

    fn mxc_uri() -> impl Strategy<Value = OwnedMxcUri> {
        (server_name_text(), "[A-Za-z0-9_-]{1,24}")
            .prop_map(|(server, media)| OwnedMxcUri::from(format!("mxc://{server}/{media}")))
    }

    // ---- UIA

    pub fn user_identifier() -> impl Strategy<Value = UserIdentifier> {
        prop_oneof![
            prop_oneof![user_id().prop_map(|id| id.to_string()), localpart(), text()]
                .prop_map(UserIdentifier::user),
            (text(), text())
                .prop_map(|(medium, address)| UserIdentifier::third_party(medium, address)),
            (text(), text()).prop_map(|(country, phone)| UserIdentifier::phone(country, phone)),
            // `extra` is "every field except `type`".
            (
                unknown_type(&["m.id.user", "m.id.thirdparty", "m.id.phone"]),
                json_object_without(&["type"])
            )
                .prop_map(|(id_type, extra)| UserIdentifier::Unknown { id_type, extra }),
        ]
    }

    pub fn auth_data() -> impl Strategy<Value = AuthData> {
        let session = || option::of(text());
        prop_oneof![
            (user_identifier(), text(), session()).prop_map(|(identifier, password, session)| {
                AuthData::Password(Password::new(identifier, password, session))
            }),
            session().prop_map(|session| AuthData::Dummy { session }),
            (text(), text(), session()).prop_map(|(token, txn_id, session)| AuthData::Token(
                Token::new(token, txn_id, session)
            )),
            (text(), session()).prop_map(|(token, session)| AuthData::RegistrationToken(
                RegistrationToken::new(token, session)
            )),
            text().prop_map(|session| AuthData::FallbackAcknowledgement { session }),
            // `extra` is "every field except `type` and `session`".
            (
                unknown_type(&[
                    "m.login.password",
                    "m.login.dummy",
                    "m.login.token",
                    "m.login.registration_token"
                ]),
                session(),
                json_object_without(&["type", "session"]),
            )
                .prop_map(|(auth_type, session, extra)| AuthData::Unknown {
                    auth_type,
                    session,
                    extra
                }),
        ]
    }

    /// An error code this crate has no variant for, with fields that are none of `reserved`.
    fn other_error_kind(reserved: &'static [&'static str]) -> impl Strategy<Value = ErrorKind> {
        (
            prop_oneof!["M_[A-Z_]{1,16}", "[A-Z]{2,6}\\.[A-Z_]{1,12}", text()]
                .prop_filter("a known code", |code| {
                    !ErrorKind::KNOWN_CODES.contains(&code.as_str())
                }),
            json_object_without(reserved),
        )
            .prop_map(|(errcode, extra)| ErrorKind::Other { errcode, extra })
    }

    fn error_kind(reserved: &'static [&'static str]) -> impl Strategy<Value = ErrorKind> {
        prop_oneof![
            prop::sample::select(vec![
                ErrorKind::Forbidden,
                ErrorKind::MissingToken,
                ErrorKind::BadJson,
                ErrorKind::NotJson,
                ErrorKind::NotFound,
                ErrorKind::UserDeactivated,
                ErrorKind::Unrecognized,
                ErrorKind::InvalidParam,
                ErrorKind::MissingParam,
                ErrorKind::Unknown,
            ]),
            any::<bool>().prop_map(|soft_logout| ErrorKind::UnknownToken { soft_logout }),
            option::of(any::<u64>())
                .prop_map(|retry_after_ms| ErrorKind::LimitExceeded { retry_after_ms }),
            other_error_kind(reserved),
        ]
    }

    fn standard_error_body(
        reserved: &'static [&'static str],
    ) -> impl Strategy<Value = StandardErrorBody> {
        (error_kind(reserved), text())
            .prop_map(|(kind, message)| StandardErrorBody::new(kind, message))
    }

    /// An error status: 400 to 999.
    fn error_status() -> impl Strategy<Value = StatusCode> {
        prop_oneof![
            prop::sample::select(vec![400u16, 401, 403, 404, 405, 429, 500, 502, 503]),
            400..=999u16,
        ]
        .prop_map(|status| StatusCode::from_u16(status).expect("in range"))
    }

    /// Any error body a server may send: the standard shape, other JSON (that is not the
    /// standard shape, which would read as it), or bytes that are not JSON.
    pub fn matrix_error() -> impl Strategy<Value = MatrixError> {
        let body = prop_oneof![
            3 => standard_error_body(&[]).prop_map(ErrorBody::Standard),
            1 => json_value()
                .prop_filter("the standard shape", |value| {
                    !value.get("errcode").is_some_and(Value::is_string)
                })
                .prop_map(ErrorBody::Json),
            1 => vec(any::<u8>(), 0..64)
                .prop_filter("JSON", |bytes| serde_json::from_slice::<Value>(bytes).is_err())
                .prop_map(ErrorBody::NotJson),
        ];
        (error_status(), body).prop_map(|(status, body)| MatrixError { status, body })
    }

    pub fn uiaa_info() -> impl Strategy<Value = UiaaInfo> {
        let stage = prop_oneof![
            prop::sample::select(&["m.login.password", "m.login.dummy", "m.login.token"][..])
                .prop_map(str::to_owned),
            text(),
        ];
        let flows = vec(vec(stage.clone(), 0..3).prop_map(AuthFlow::new), 0..3);
        // An unknown code's fields sit next to the UIA fields, so they cannot reuse their names.
        let auth_error = option::of(standard_error_body(&[
            "flows",
            "completed",
            "params",
            "session",
        ]));
        (
            flows,
            vec(stage, 0..3),
            json_object_without(&[]),
            option::of(text()),
            auth_error,
        )
            .prop_map(|(flows, completed, params, session, auth_error)| UiaaInfo {
                flows,
                completed,
                params,
                session,
                auth_error,
            })
    }

    /// What a UIA endpoint answers instead of its response: a 401 asking for authentication, or
    /// any other error (except a 401 whose body is itself a UIA answer, which reads as one).
    pub fn uiaa_response() -> impl Strategy<Value = UiaaResponse> {
        prop_oneof![
            uiaa_info().prop_map(UiaaResponse::AuthResponse),
            matrix_error()
                .prop_filter("a 401 with a UIA body", |error| {
                    error.status != StatusCode::UNAUTHORIZED || {
                        let sent = error.clone().try_into_http_response().unwrap();
                        serde_json::from_slice::<UiaaInfo>(sent.body()).is_err()
                    }
                })
                .prop_map(UiaaResponse::MatrixError),
        ]
    }

    // ---- Endpoints

    pub fn get_login_token_request() -> impl Strategy<Value = get_login_token::v1::Request> {
        option::of(auth_data()).prop_map(|auth| get_login_token::v1::Request { auth })
    }

    pub fn get_login_token_response() -> impl Strategy<Value = get_login_token::v1::Response> {
        (duration(), text())
            .prop_map(|(expires_in, token)| get_login_token::v1::Response::new(expires_in, token))
    }

    pub fn login_type() -> impl Strategy<Value = get_login_types::v3::LoginType> {
        use get_login_types::v3::{
            CustomLoginType, IdentityProvider, LoginType, SsoLoginType, TokenLoginType,
        };
        let provider = (text(), text(), option::of(mxc_uri()), option::of(text())).prop_map(
            |(id, name, icon, brand)| IdentityProvider {
                id,
                name,
                icon,
                brand,
            },
        );
        prop_oneof![
            Just(LoginType::Password),
            Just(LoginType::ApplicationService),
            any::<bool>()
                .prop_map(|get_login_token| LoginType::Token(TokenLoginType { get_login_token })),
            (vec(provider, 0..3), any::<bool>()).prop_map(
                |(identity_providers, oauth_aware_preferred)| {
                    LoginType::Sso(SsoLoginType {
                        identity_providers,
                        oauth_aware_preferred,
                    })
                }
            ),
            // `data` is "the other fields", so not `type`.
            (
                unknown_type(&[
                    "m.login.password",
                    "m.login.token",
                    "m.login.sso",
                    "m.login.application_service"
                ]),
                json_object_without(&["type"]),
            )
                .prop_map(|(login_type, data)| LoginType::Unknown(CustomLoginType {
                    login_type,
                    data
                })),
        ]
    }

    pub fn get_login_types_response() -> impl Strategy<Value = get_login_types::v3::Response> {
        vec(login_type(), 0..4).prop_map(get_login_types::v3::Response::new)
    }

    pub fn login_info() -> impl Strategy<Value = LoginInfo> {
        use login::v3::{Password, Token};
        prop_oneof![
            (user_identifier(), text()).prop_map(|(identifier, password)| LoginInfo::Password(
                Password {
                    identifier,
                    password
                }
            )),
            text().prop_map(|token| LoginInfo::Token(Token { token })),
            user_identifier().prop_map(|identifier| LoginInfo::ApplicationService(
                ApplicationService { identifier }
            )),
            // The login type's fields share the request's object with the request's own fields,
            // so a custom type's field cannot take one of their names.
            (
                unknown_type(&[
                    "m.login.password",
                    "m.login.token",
                    "m.login.application_service"
                ]),
                json_object_without(&[
                    "type",
                    "device_id",
                    "initial_device_display_name",
                    "refresh_token"
                ]),
            )
                .prop_map(|(login_type, data)| LoginInfo::Unknown(CustomLoginInfo {
                    login_type,
                    data
                })),
        ]
    }

    pub fn login_request() -> impl Strategy<Value = login::v3::Request> {
        (
            login_info(),
            option::of(device_id()),
            option::of(text()),
            any::<bool>(),
        )
            .prop_map(
                |(login_info, device_id, initial_device_display_name, refresh_token)| {
                    login::v3::Request {
                        login_info,
                        device_id,
                        initial_device_display_name,
                        refresh_token,
                    }
                },
            )
    }

    fn base_url() -> impl Strategy<Value = String> {
        prop_oneof![
            server_name_text().prop_map(|server| format!("https://{server}")),
            text(),
        ]
    }

    pub fn discovery_info() -> impl Strategy<Value = DiscoveryInfo> {
        (
            base_url(),
            option::of(base_url()),
            // Other properties share the object with `m.homeserver` and `m.identity_server`.
            json_object_without(&["m.homeserver", "m.identity_server"]),
        )
            .prop_map(|(homeserver, identity_server, other)| DiscoveryInfo {
                homeserver: HomeserverInfo {
                    base_url: homeserver,
                },
                identity_server: identity_server.map(|base_url| IdentityServerInfo { base_url }),
                other: other.into_iter().collect(),
            })
    }

    pub fn login_response() -> impl Strategy<Value = login::v3::Response> {
        (
            user_id(),
            text(),
            option::of(server_name()),
            device_id(),
            option::of(discovery_info()),
            option::of(text()),
            option::of(duration()),
        )
            .prop_map(
                |(
                    user_id,
                    access_token,
                    home_server,
                    device_id,
                    well_known,
                    refresh_token,
                    expires_in,
                )| {
                    login::v3::Response {
                        user_id,
                        access_token,
                        home_server,
                        device_id,
                        well_known,
                        refresh_token,
                        expires_in,
                    }
                },
            )
    }

    pub fn refresh_token_response() -> impl Strategy<Value = refresh_token::v3::Response> {
        (text(), option::of(text()), option::of(duration())).prop_map(
            |(access_token, refresh_token, expires_in)| refresh_token::v3::Response {
                access_token,
                refresh_token,
                expires_in,
            },
        )
    }

    pub fn sso_action() -> impl Strategy<Value = Option<sso_login::v3::SsoRedirectAction>> {
        use sso_login::v3::SsoRedirectAction;
        option::of(prop_oneof![
            Just(SsoRedirectAction::Login),
            Just(SsoRedirectAction::Register)
        ])
    }

    pub fn get_supported_versions_response(
    ) -> impl Strategy<Value = get_supported_versions::Response> {
        let version = prop_oneof![
            prop::sample::select(MatrixVersion::ALL).prop_map(|v| v.to_string()),
            "r0\\.[0-9]\\.[0-9]",
            "v[0-9]{1,2}\\.[0-9]{1,3}",
            text(),
        ];
        let feature = prop_oneof!["org\\.matrix\\.msc[0-9]{4}", text()];
        (vec(version, 0..6), btree_map(feature, any::<bool>(), 0..4)).prop_map(
            |(versions, unstable_features)| get_supported_versions::Response {
                versions,
                unstable_features,
            },
        )
    }

    pub fn capabilities() -> impl Strategy<Value = get_capabilities::v3::Capabilities> {
        use get_capabilities::v3::{
            Capabilities, ChangePasswordCapability, GetLoginTokenCapability,
        };
        // A typed capability's key is read into its field, never into `other`.
        let other = btree_map(
            prop_oneof!["m\\.[a-z_]{1,16}", "com\\.example\\.[a-z]{1,8}", text()],
            json_value(),
            0..4,
        )
        .prop_map(|mut other| {
            other.remove("m.change_password");
            other.remove("m.get_login_token");
            other
        });
        (
            option::of(any::<bool>().prop_map(ChangePasswordCapability::new)),
            option::of(any::<bool>().prop_map(GetLoginTokenCapability::new)),
            other,
        )
            .prop_map(|(change_password, get_login_token, other)| Capabilities {
                change_password,
                get_login_token,
                other,
            })
    }
}

// ---- Values the strategies leave out because they are not valid, checked to fail loudly or to
// ---- keep their own type, never to become a different valid value.

#[test]
fn custom_login_type_field_named_type_does_not_change_the_type() {
    use get_login_types::v3::{CustomLoginType, LoginType};
    let flows = vec![LoginType::Unknown(CustomLoginType {
        login_type: "org.example.custom".to_owned(),
        data: serde_json::json!({ "type": "m.login.password", "x": 1 })
            .as_object()
            .unwrap()
            .clone(),
    })];
    let sent = get_login_types::v3::Response::new(flows)
        .try_into_http_response()
        .unwrap();
    let parsed = get_login_types::v3::Response::try_from_http_response(sent).unwrap();
    assert_eq!(parsed.flows[0].login_type(), "org.example.custom");
}

#[test]
fn custom_login_info_field_named_type_does_not_change_the_type() {
    use login::v3::{CustomLoginInfo, LoginInfo};
    let request = login::v3::Request::new(LoginInfo::Unknown(CustomLoginInfo {
        login_type: "org.example.custom".to_owned(),
        data: serde_json::json!({ "type": "m.login.token", "token": "t" })
            .as_object()
            .unwrap()
            .clone(),
    }));
    let sent = request
        .try_into_http_request(
            "https://hs",
            SendAccessToken::None,
            &SupportedVersions::from_versions(&[MatrixVersion::V1_1]),
        )
        .unwrap();
    let body = String::from_utf8(sent.body().clone()).unwrap();
    assert_eq!(body.matches("\"type\"").count(), 1, "{body}");
    let parsed = login::v3::Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
    assert_eq!(parsed.login_info.login_type(), "org.example.custom");
}
