//! The bodies of the six `…/requestToken` endpoints, which ask the homeserver to send a
//! validation token to an email address or phone number: registration, password reset and
//! adding a contact. The three email endpoints take [`EmailValidation`] and the three phone
//! endpoints [`MsisdnValidation`], each flattened into the request body; all six answer with
//! [`TokenResponse`]: a session ID and an optional `submit_url`.
//!
//! The email and phone fields come from the Identity Service API's definitions, which the
//! Client-Server API reuses; `id_server` and `id_access_token` are the Client-Server API's own.

use std::fmt;

use matrix_api::redact::Redacted;
use matrix_api::{response, UInt};
use ruma_common::{OwnedClientSecret, OwnedSessionId};
use serde::{Deserialize, Serialize};

/// The response of every `…/requestToken` endpoint (each module re-exports it as its
/// `Response`): the validation session.
#[response]
#[derive(PartialEq, Eq)]
pub struct TokenResponse {
    /// The validation session, passed on with the client secret to complete it.
    pub sid: OwnedSessionId,
    /// Where the client submits the token the user received, as to the Identity Service API's
    /// `submitToken`; absent when the user validates without the client.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submit_url: Option<String>,
}

impl TokenResponse {
    /// A response for this session, without a submit URL.
    pub fn new(sid: OwnedSessionId) -> Self {
        TokenResponse {
            sid,
            submit_url: None,
        }
    }
}

/// A request for a validation token sent by email.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailValidation {
    /// A secret the client makes up for this validation attempt, sent again when the token is
    /// submitted and when the address is added to the account.
    pub client_secret: OwnedClientSecret,
    /// The email address to validate.
    pub email: String,
    /// Incremented by the client for each new attempt; a repeat of the last number sends no
    /// new email, so a retried request is idempotent.
    pub send_attempt: UInt,
    /// Where the server should send the user once the address is validated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_link: Option<String>,
    /// The identity server to validate through (hostname, optionally with a port); ignored
    /// when the homeserver validates itself. Deprecated for registration and password reset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_server: Option<String>,
    /// An access token registered with `id_server`; required when `id_server` is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_access_token: Option<String>,
}

/// A request for a validation token sent by SMS.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MsisdnValidation {
    /// A secret the client makes up for this validation attempt, sent again when the token is
    /// submitted and when the number is added to the account.
    pub client_secret: OwnedClientSecret,
    /// The two-letter ISO 3166-1 alpha-2 country code that `phone_number` is read in.
    pub country: String,
    /// The phone number to validate.
    pub phone_number: String,
    /// Incremented by the client for each new attempt; a repeat of the last number sends no
    /// new message, so a retried request is idempotent.
    pub send_attempt: UInt,
    /// Where the server should send the user once the number is validated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_link: Option<String>,
    /// The identity server to validate through (hostname, optionally with a port); ignored
    /// when the homeserver validates itself. Deprecated for registration and password reset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_server: Option<String>,
    /// An access token registered with `id_server`; required when `id_server` is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_access_token: Option<String>,
}

impl EmailValidation {
    /// A request for this address, with this client secret and attempt number.
    pub fn new(client_secret: OwnedClientSecret, email: String, send_attempt: UInt) -> Self {
        EmailValidation {
            client_secret,
            email,
            send_attempt,
            next_link: None,
            id_server: None,
            id_access_token: None,
        }
    }
}

impl MsisdnValidation {
    /// A request for this number, read in this country, with this client secret and attempt
    /// number.
    pub fn new(
        client_secret: OwnedClientSecret,
        country: String,
        phone_number: String,
        send_attempt: UInt,
    ) -> Self {
        MsisdnValidation {
            client_secret,
            country,
            phone_number,
            send_attempt,
            next_link: None,
            id_server: None,
            id_access_token: None,
        }
    }
}

// The client secret and the identity server's token are credentials: whoever holds the
// secret and the session ID can add the validated address to their own account.
impl fmt::Debug for EmailValidation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EmailValidation")
            .field("client_secret", &Redacted)
            .field("email", &self.email)
            .field("send_attempt", &self.send_attempt)
            .field("next_link", &self.next_link)
            .field("id_server", &self.id_server)
            .field(
                "id_access_token",
                &self.id_access_token.as_ref().map(|_| Redacted),
            )
            .finish()
    }
}

impl fmt::Debug for MsisdnValidation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MsisdnValidation")
            .field("client_secret", &Redacted)
            .field("country", &self.country)
            .field("phone_number", &self.phone_number)
            .field("send_attempt", &self.send_attempt)
            .field("next_link", &self.next_link)
            .field("id_server", &self.id_server)
            .field(
                "id_access_token",
                &self.id_access_token.as_ref().map(|_| Redacted),
            )
            .finish()
    }
}

matrix_api::with_describe! {
    impl matrix_api::describe::DescribeFields for EmailValidation {
        const FIELDS: &'static [matrix_api::describe::FieldDescription] = {
            use matrix_api::describe::{FieldDescription as Field, JsonType};
            &[
                Field::body("client_secret", JsonType::String, true),
                Field::body("email", JsonType::String, true),
                Field::body("send_attempt", JsonType::Integer, true),
                Field::body("next_link", JsonType::String, false),
                Field::body("id_server", JsonType::String, false),
                Field::body("id_access_token", JsonType::String, false),
            ]
        };
    }

    impl matrix_api::describe::DescribeFields for MsisdnValidation {
        const FIELDS: &'static [matrix_api::describe::FieldDescription] = {
            use matrix_api::describe::{FieldDescription as Field, JsonType};
            &[
                Field::body("client_secret", JsonType::String, true),
                Field::body("country", JsonType::String, true),
                Field::body("phone_number", JsonType::String, true),
                Field::body("send_attempt", JsonType::Integer, true),
                Field::body("next_link", JsonType::String, false),
                Field::body("id_server", JsonType::String, false),
                Field::body("id_access_token", JsonType::String, false),
            ]
        };
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::{EmailValidation, MsisdnValidation};

    #[test]
    fn email_round_trips_and_hides_the_secrets() {
        let body = json!({
            "client_secret": "monkeys_are_GREAT",
            "email": "alice@example.org",
            "send_attempt": 1,
            "id_server": "id.example.com",
            "id_access_token": "abc123",
        });
        let read: EmailValidation = serde_json::from_value(body.clone()).unwrap();
        assert_eq!(read.email, "alice@example.org");
        assert_eq!(serde_json::to_value(&read).unwrap(), body);
        let shown = format!("{read:?}");
        assert!(
            !shown.contains("monkeys") && !shown.contains("abc123"),
            "{shown}"
        );
    }

    #[test]
    fn msisdn_needs_its_fields_and_a_valid_secret() {
        let body = json!({
            "client_secret": "s3cret",
            "country": "GB",
            "phone_number": "07700900001",
            "send_attempt": 2,
        });
        let read: MsisdnValidation = serde_json::from_value(body.clone()).unwrap();
        assert_eq!(serde_json::to_value(&read).unwrap(), body);
        let err = serde_json::from_value::<MsisdnValidation>(json!({
            "client_secret": "s3cret", "country": "GB", "send_attempt": 2,
        }))
        .unwrap_err();
        assert!(err.to_string().contains("phone_number"), "{err}");
        // The client secret's grammar is `[0-9a-zA-Z.=_-]`, at most 255 characters.
        let bad = json!({
            "client_secret": "not secret!", "country": "GB", "phone_number": "1", "send_attempt": 2,
        });
        assert!(serde_json::from_value::<MsisdnValidation>(bad).is_err());
    }

    #[test]
    fn an_endpoint_flattens_the_body_and_answers_with_the_session() {
        use matrix_api::{IncomingRequest, IncomingResponse, MatrixVersion, OutgoingRequest};
        use matrix_api::{SendAccessToken, SupportedVersions};

        use crate::account::request_3pid_management_token_via_email::v3::{Request, Response};

        let validation = EmailValidation::new(
            "monkeys_are_GREAT".try_into().unwrap(),
            "alice@example.org".to_owned(),
            1_u32.into(),
        );
        let sent = Request::new(validation.clone())
            .try_into_http_request(
                "https://hs",
                SendAccessToken::None,
                &SupportedVersions::from_versions(&[MatrixVersion::V1_0]),
            )
            .unwrap();
        assert_eq!(
            sent.uri().path(),
            "/_matrix/client/r0/account/3pid/email/requestToken"
        );
        assert_eq!(
            serde_json::from_slice::<serde_json::Value>(sent.body()).unwrap(),
            json!({
                "client_secret": "monkeys_are_GREAT",
                "email": "alice@example.org",
                "send_attempt": 1,
            })
        );
        let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
        assert_eq!(read.validation, validation);

        let answer = |body: &str| {
            let response = http::Response::builder().status(200);
            Response::try_from_http_response(response.body(body.as_bytes().to_vec()).unwrap())
        };
        let session = answer(r#"{"sid":"123abc"}"#).unwrap();
        assert_eq!((session.sid.as_str(), session.submit_url), ("123abc", None));
        let err = answer(r#"{"submit_url":"https://example.org"}"#).unwrap_err();
        assert!(err.to_string().contains("sid"), "{err}");
    }
}
