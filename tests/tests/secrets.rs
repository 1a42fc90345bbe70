//! Access tokens, passwords, login tokens and refresh tokens never show in `Debug` output or in
//! error messages: both end up in logs.

use std::time::Duration;

use matrix_api::{IncomingRequest, OutgoingRequest, SendAccessToken, SupportedVersions};
use matrix_client_api::session::{get_login_token, login, refresh_token};
use matrix_client_api::uiaa::{AuthData, Password, RegistrationToken, Token, UserIdentifier};

const SECRET: &str = "s3cr3t-VALUE-that-must-not-leak";

fn assert_hidden(what: &str, shown: &str) {
    assert!(!shown.contains(SECRET), "{what} leaks the secret: {shown}");
    assert!(
        shown.contains("<redacted>"),
        "{what} does not say a value is hidden: {shown}"
    );
}

#[test]
fn endpoint_types_redact_their_credentials() {
    let response = get_login_token::v1::Response::new(Duration::from_secs(120), SECRET.to_owned());
    assert_hidden("get_login_token::Response", &format!("{response:?}"));
    // Other fields are still shown.
    assert!(format!("{response:?}").contains("120s"));

    let mut response = login::v3::Response::new(
        "@a:x.org".try_into().unwrap(),
        SECRET.to_owned(),
        "DEV".into(),
    );
    response.refresh_token = Some(SECRET.to_owned());
    let shown = format!("{response:?}");
    assert_hidden("login::Response", &shown);
    assert!(
        shown.contains("@a:x.org") && shown.contains("DEV"),
        "{shown}"
    );

    let request = login::v3::Request::new(login::v3::LoginInfo::password("alice", SECRET));
    assert_hidden("login::Request (password)", &format!("{request:?}"));
    let request = login::v3::Request::new(login::v3::LoginInfo::token(SECRET));
    assert_hidden("login::Request (token)", &format!("{request:?}"));

    assert_hidden(
        "refresh::Request",
        &format!("{:?}", refresh_token::v3::Request::new(SECRET.to_owned())),
    );
    let mut response = refresh_token::v3::Response::new(SECRET.to_owned());
    response.refresh_token = Some(SECRET.to_owned());
    assert_hidden("refresh::Response", &format!("{response:?}"));
}

#[test]
fn uia_data_redacts_passwords_and_tokens() {
    let cases = [
        AuthData::Password(Password::new(UserIdentifier::user("alice"), SECRET, None)),
        AuthData::Token(Token::new(SECRET, "txn", None)),
        AuthData::RegistrationToken(RegistrationToken::new(SECRET, None)),
    ];
    for auth in cases {
        assert_hidden("AuthData", &format!("{auth:?}"));
        let request = get_login_token::v1::Request { auth: Some(auth) };
        assert_hidden("get_login_token::Request", &format!("{request:?}"));
    }
}

#[test]
fn access_token_offers_redact_the_token() {
    for offer in [
        SendAccessToken::IfRequired(SECRET),
        SendAccessToken::Always(SECRET),
        SendAccessToken::Appservice(SECRET),
    ] {
        assert_hidden("SendAccessToken", &format!("{offer:?}"));
    }
}

#[test]
fn error_messages_do_not_carry_tokens() {
    // A token that cannot be a header value: the error says so without repeating it.
    let bad = format!("{SECRET}\r\nX-Injected: 1");
    let err = get_login_token::v1::Request::new()
        .try_into_http_request(
            "https://hs",
            SendAccessToken::IfRequired(&bad),
            &SupportedVersions::from_versions(&[matrix_api::MatrixVersion::V1_7]),
        )
        .unwrap_err();
    assert!(!err.to_string().contains(SECRET), "{err}");
    assert!(!format!("{err:?}").contains(SECRET), "{err:?}");

    // A credential of the wrong JSON type is named, not echoed.
    let body = format!(r#"{{"type": "m.login.password", "user": "a", "password": ["{SECRET}"]}}"#);
    let request = http::Request::post("/_matrix/client/v3/login")
        .body(body.into_bytes())
        .unwrap();
    let err = login::v3::Request::try_from_http_request(request, &[] as &[&str]).unwrap_err();
    assert!(!err.to_string().contains(SECRET), "{err}");
}
