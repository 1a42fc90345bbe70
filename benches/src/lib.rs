//! The operations the benchmarks time, each in three columns: matrix-api ("ours"), Ruma, and
//! the hand-written floor (the least code producing the same bytes). [`verify`] checks before any
//! timing that the three columns produce the same method, URI, headers and body bytes (or parse
//! to the same values), so that no column can win by doing less.

pub mod alloc_count;
pub mod fixtures;
pub mod operations;
pub mod rows;

use std::borrow::Cow;
use std::sync::LazyLock;
use std::time::Duration;

use ruma_common::{OwnedDeviceId, OwnedUserId};
use serde::{Deserialize, Serialize};

pub const BASE: &str = "https://matrix.example.org";
pub const TOKEN: &str = "syt_YWxpY2U_aBcDeFgHiJkLmNoPqRsT_1a2B3c";
pub const USER: &str = "@alice:example.org";
pub const DEVICE: &str = "GHTYAJCE";
pub const LOGIN_TOKEN: &str = "mlt_0123456789abcdefghijklmnopqrstuv";
pub const SESSION: &str = "xYzAbCdEfGhIjKlMnOp";
pub const PASSWORD: &str = "correct horse battery staple";

pub type HttpRequest = http::Request<Vec<u8>>;
pub type HttpResponse = http::Response<Vec<u8>>;

// ---- server support for each column

pub fn ours_supported(unstable_only: bool) -> matrix_api::SupportedVersions {
    use matrix_api::MatrixVersion::*;
    let versions: &[_] = if unstable_only {
        &[V1_0, V1_6]
    } else {
        &[V1_0, V1_6, V1_7]
    };
    let supported = matrix_api::SupportedVersions::from_versions(versions);
    // Our declaration has each MSC3882 revision behind its flag; Ruma's calls revision 1's path
    // unflagged. A v1.6 server announcing revision 1 gets that path from both.
    if unstable_only {
        supported.with_feature("org.matrix.msc3882.get_login_token")
    } else {
        supported
    }
}

pub fn ruma_supported(unstable_only: bool) -> ruma_common::api::SupportedVersions {
    let versions: Vec<String> = if unstable_only {
        vec!["r0.6.1".into(), "v1.6".into()]
    } else {
        vec!["r0.6.1".into(), "v1.6".into(), "v1.7".into()]
    };
    ruma_common::api::SupportedVersions::from_parts(&versions, &Default::default())
}

/// The server's versions, built once: a client learns them once per server, not per request,
/// so building them is not part of a conversion.
pub static OURS_STABLE: LazyLock<matrix_api::SupportedVersions> =
    LazyLock::new(|| ours_supported(false));
pub static OURS_UNSTABLE: LazyLock<matrix_api::SupportedVersions> =
    LazyLock::new(|| ours_supported(true));
pub static RUMA_STABLE: LazyLock<ruma_common::api::SupportedVersions> =
    LazyLock::new(|| ruma_supported(false));
pub static RUMA_UNSTABLE: LazyLock<ruma_common::api::SupportedVersions> =
    LazyLock::new(|| ruma_supported(true));

// ---- inputs

pub mod ours {
    pub use matrix_client_api::account::whoami::v3 as whoami;
    pub use matrix_client_api::session::get_login_token::v1 as get_token;
    pub use matrix_client_api::session::login::v3 as login;
    pub use matrix_client_api::uiaa::{AuthData, Password, UiaaResponse, UserIdentifier};
}

pub mod ruma {
    pub use ruma_client_api::account::whoami::v3 as whoami;
    pub use ruma_client_api::session::get_login_token::v1 as get_token;
    pub use ruma_client_api::session::login::v3 as login;
    pub use ruma_client_api::uiaa::{
        AuthData, MatrixUserIdentifier, Password, UiaaResponse, UserIdentifier,
    };
}

pub fn ours_get_token(with_auth: bool) -> ours::get_token::Request {
    let auth = with_auth.then(|| {
        ours::AuthData::Password(ours::Password::new(
            ours::UserIdentifier::user(USER),
            PASSWORD,
            Some(SESSION.to_owned()),
        ))
    });
    ours::get_token::Request { auth }
}

pub fn ruma_get_token(with_auth: bool) -> ruma::get_token::Request {
    let mut request = ruma::get_token::Request::new();
    if with_auth {
        let mut password = ruma::Password::new(
            ruma::UserIdentifier::Matrix(ruma::MatrixUserIdentifier::new(USER.to_owned())),
            PASSWORD.to_owned(),
        );
        password.session = Some(SESSION.to_owned());
        request.auth = Some(ruma::AuthData::Password(password));
    }
    request
}

pub fn ours_login() -> ours::login::Request {
    let mut request = ours::login::Request::new(ours::login::LoginInfo::password(USER, PASSWORD));
    request.initial_device_display_name = Some("Jungle Phone".to_owned());
    request
}

pub fn ruma_login() -> ruma::login::Request {
    let mut request = ruma::login::Request::new(ruma::login::LoginInfo::Password(
        ruma::login::Password::new(
            ruma::UserIdentifier::Matrix(ruma::MatrixUserIdentifier::new(USER.to_owned())),
            PASSWORD.to_owned(),
        ),
    ));
    request.initial_device_display_name = Some("Jungle Phone".to_owned());
    request
}

pub fn ours_login_response() -> ours::login::Response {
    let mut response =
        ours::login::Response::new(USER.try_into().unwrap(), TOKEN.to_owned(), DEVICE.into());
    response.expires_in = Some(Duration::from_secs(60));
    response.refresh_token = Some("def456".to_owned());
    response
}

pub fn ruma_login_response() -> ruma::login::Response {
    let mut response =
        ruma::login::Response::new(USER.try_into().unwrap(), TOKEN.to_owned(), DEVICE.into());
    response.expires_in = Some(Duration::from_secs(60));
    response.refresh_token = Some("def456".to_owned());
    response
}

// ---- the floor: a fixed method, `base_url + path`, two headers, serde_json of plain structs

#[derive(Serialize, Deserialize)]
pub struct FloorIdentifier {
    #[serde(rename = "type")]
    pub kind: String,
    pub user: String,
}

#[derive(Serialize, Deserialize)]
pub struct FloorAuth {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identifier: Option<FloorIdentifier>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
}

#[derive(Serialize, Deserialize)]
pub struct FloorGetTokenRequest {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auth: Option<FloorAuth>,
}

#[derive(Serialize, Deserialize)]
pub struct FloorGetTokenResponse {
    pub expires_in_ms: u64,
    pub login_token: String,
}

#[derive(Serialize, Deserialize)]
pub struct FloorLoginRequest {
    #[serde(rename = "type")]
    pub kind: String,
    pub identifier: Option<FloorIdentifier>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub initial_device_display_name: Option<String>,
}

// The parsed structs use the same identifier types as the endpoints' (a user ID is checked as
// it is read): the floor is the least code giving the same values, so no column is measured
// skipping the checks the others make. Written out, an identifier is its string.
#[derive(Serialize, Deserialize)]
pub struct FloorLoginResponse {
    pub user_id: OwnedUserId,
    pub access_token: String,
    pub device_id: OwnedDeviceId,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_in_ms: Option<u64>,
}

#[derive(Serialize, Deserialize)]
pub struct FloorWhoami {
    pub user_id: OwnedUserId,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device_id: Option<OwnedDeviceId>,
}

#[derive(Deserialize)]
pub struct FloorFlow {
    pub stages: Vec<String>,
}

#[derive(Deserialize)]
pub struct FloorUiaa {
    pub flows: Vec<FloorFlow>,
    #[serde(default)]
    pub completed: Vec<String>,
    pub params: Option<Box<serde_json::value::RawValue>>,
    pub session: Option<String>,
}

pub fn floor_get_token_auth() -> FloorGetTokenRequest {
    FloorGetTokenRequest {
        auth: Some(FloorAuth {
            kind: "m.login.password".to_owned(),
            identifier: Some(FloorIdentifier {
                kind: "m.id.user".to_owned(),
                user: USER.to_owned(),
            }),
            password: Some(PASSWORD.to_owned()),
            session: Some(SESSION.to_owned()),
        }),
    }
}

pub fn floor_login() -> FloorLoginRequest {
    FloorLoginRequest {
        kind: "m.login.password".to_owned(),
        identifier: Some(FloorIdentifier {
            kind: "m.id.user".to_owned(),
            user: USER.to_owned(),
        }),
        password: Some(PASSWORD.to_owned()),
        initial_device_display_name: Some("Jungle Phone".to_owned()),
    }
}

pub fn floor_request<B: Serialize>(path: &str, token: &str, body: &B) -> HttpRequest {
    let mut request = http::Request::new(serde_json::to_vec(body).unwrap());
    *request.method_mut() = http::Method::POST;
    *request.uri_mut() = http::Uri::try_from(format!("{BASE}{path}")).unwrap();
    let headers = request.headers_mut();
    headers.insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("application/json"),
    );
    if !token.is_empty() {
        headers.insert(
            http::header::AUTHORIZATION,
            http::HeaderValue::try_from(format!("Bearer {token}")).unwrap(),
        );
    }
    request
}

pub fn floor_response<B: Serialize>(body: &B) -> HttpResponse {
    let mut response = http::Response::new(serde_json::to_vec(body).unwrap());
    response.headers_mut().insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("application/json"),
    );
    response
}

pub fn floor_parse_request<T: serde::de::DeserializeOwned>(request: HttpRequest) -> T {
    assert_eq!(request.method(), http::Method::POST);
    serde_json::from_slice(request.body()).unwrap()
}

pub fn floor_parse_response<T: serde::de::DeserializeOwned>(response: HttpResponse) -> T {
    assert!(response.status().is_success());
    serde_json::from_slice(response.body()).unwrap()
}

// ---- inputs of the parsers: the floor's own output, the bytes every column reads

pub fn get_token_http_plain() -> HttpRequest {
    floor_request(
        "/_matrix/client/v1/login/get_token",
        TOKEN,
        &FloorGetTokenRequest { auth: None },
    )
}

pub fn get_token_http_auth() -> HttpRequest {
    floor_request(
        "/_matrix/client/v1/login/get_token",
        TOKEN,
        &floor_get_token_auth(),
    )
}

pub fn get_token_response_http() -> HttpResponse {
    floor_response(&FloorGetTokenResponse {
        expires_in_ms: 120_000,
        login_token: LOGIN_TOKEN.to_owned(),
    })
}

pub fn login_http() -> HttpRequest {
    floor_request("/_matrix/client/v3/login", "", &floor_login())
}

pub fn floor_login_response() -> FloorLoginResponse {
    FloorLoginResponse {
        user_id: USER.try_into().unwrap(),
        access_token: TOKEN.to_owned(),
        device_id: DEVICE.into(),
        refresh_token: Some("def456".to_owned()),
        expires_in_ms: Some(60_000),
    }
}

pub fn login_response_http() -> HttpResponse {
    floor_response(&floor_login_response())
}

pub fn ruma_whoami() -> ruma::whoami::Response {
    let mut response = ruma::whoami::Response::new(USER.try_into().unwrap(), false);
    response.device_id = Some(DEVICE.into());
    response
}

pub fn whoami_http() -> HttpResponse {
    floor_response(&FloorWhoami {
        user_id: USER.try_into().unwrap(),
        device_id: Some(DEVICE.into()),
    })
}

pub fn ruma_token() -> ruma_common::api::auth_scheme::SendAccessToken<'static> {
    ruma_common::api::auth_scheme::SendAccessToken::IfRequired(TOKEN)
}

pub fn ours_token() -> matrix_api::SendAccessToken<'static> {
    matrix_api::SendAccessToken::IfRequired(TOKEN)
}

pub fn cow(
    versions: &ruma_common::api::SupportedVersions,
) -> Cow<'_, ruma_common::api::SupportedVersions> {
    Cow::Borrowed(versions)
}

/// Header names and values, sorted, for comparing columns.
pub type Headers = Vec<(String, Vec<u8>)>;

/// The wire form of a request, for comparing columns.
pub fn request_wire(request: &HttpRequest) -> (String, String, Headers, Vec<u8>) {
    let mut headers: Headers = request
        .headers()
        .iter()
        .map(|(n, v)| (n.as_str().to_owned(), v.as_bytes().to_vec()))
        .collect();
    headers.sort();
    (
        request.method().to_string(),
        request.uri().to_string(),
        headers,
        request.body().clone(),
    )
}

/// The wire form of a response.
pub fn response_wire(response: &HttpResponse) -> (u16, Headers, Vec<u8>) {
    let mut headers: Headers = response
        .headers()
        .iter()
        .map(|(n, v)| (n.as_str().to_owned(), v.as_bytes().to_vec()))
        .collect();
    headers.sort();
    (response.status().as_u16(), headers, response.body().clone())
}

pub const UIAA_BODY: &str = r#"{"flows":[{"stages":["m.login.password"]},{"stages":["m.login.sso"]}],"params":{},"session":"xYzAbCdEfGhIjKlMnOp","completed":[]}"#;

pub fn uiaa_response() -> HttpResponse {
    http::Response::builder()
        .status(401)
        .body(UIAA_BODY.as_bytes().to_vec())
        .unwrap()
}
