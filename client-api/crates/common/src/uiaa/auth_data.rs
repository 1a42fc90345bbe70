//! [`AuthData`]: the `auth` field a client sends to complete one stage, and the stages this
//! crate models.

use std::fmt;

use matrix_api::json::{read_tagged, Kept, Key, Secret, Slot, Tagged};
use matrix_api::redact::{KeysOnly, Redacted};
use ruma_common::serde::JsonObject;
use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{UserIdentifier, SESSION_FIELD, TYPE_FIELD};

const LOGIN_PASSWORD: &str = "m.login.password";
const LOGIN_DUMMY: &str = "m.login.dummy";
const LOGIN_TOKEN: &str = "m.login.token";
const LOGIN_REGISTRATION_TOKEN: &str = "m.login.registration_token";

/// The `m.login.password` stage: an identifier and the account's password.
#[derive(Clone, PartialEq, Eq)]
pub struct Password {
    /// Whose password this is.
    pub identifier: UserIdentifier,
    /// The password. Never shown by `Debug`.
    pub password: String,
    /// The UIA session the server gave, if this is not the first request.
    pub session: Option<String>,
}

impl Password {
    /// A password stage.
    pub fn new(
        identifier: UserIdentifier,
        password: impl Into<String>,
        session: Option<String>,
    ) -> Self {
        Password {
            identifier,
            password: password.into(),
            session,
        }
    }
}

impl fmt::Debug for Password {
    // Debug output ends up in logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Password")
            .field("identifier", &self.identifier)
            .field("password", &Redacted)
            .field("session", &self.session)
            .finish()
    }
}

/// The `m.login.token` stage: a login token the server issued earlier, for example through
/// `/login/get_token`.
#[derive(Clone, PartialEq, Eq)]
pub struct Token {
    /// The token. Never shown by `Debug`.
    pub token: String,
    /// A nonce the client makes up for this request and reuses when it retries, so the server can
    /// tie the single-use token to this client.
    pub txn_id: String,
    /// The UIA session the server gave, if this is not the first request.
    pub session: Option<String>,
}

impl Token {
    /// A token stage.
    pub fn new(
        token: impl Into<String>,
        txn_id: impl Into<String>,
        session: Option<String>,
    ) -> Self {
        Token {
            token: token.into(),
            txn_id: txn_id.into(),
            session,
        }
    }
}

impl fmt::Debug for Token {
    // Debug output ends up in logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Token")
            .field("token", &Redacted)
            .field("txn_id", &self.txn_id)
            .field("session", &self.session)
            .finish()
    }
}

/// The `m.login.registration_token` stage: a token that allows registering an account.
#[derive(Clone, PartialEq, Eq)]
pub struct RegistrationToken {
    /// The token. Never shown by `Debug`.
    pub token: String,
    /// The UIA session the server gave, if this is not the first request.
    pub session: Option<String>,
}

impl RegistrationToken {
    /// A registration-token stage.
    pub fn new(token: impl Into<String>, session: Option<String>) -> Self {
        RegistrationToken {
            token: token.into(),
            session,
        }
    }
}

impl fmt::Debug for RegistrationToken {
    // Debug output ends up in logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RegistrationToken")
            .field("token", &Redacted)
            .field("session", &self.session)
            .finish()
    }
}

/// The `auth` field a client sends to complete one stage of User-Interactive Authentication.
///
/// On the wire an object tagged by `type`, except for [`AuthData::FallbackAcknowledgement`],
/// which has no `type`. An authentication type this crate does not model is
/// [`AuthData::Unknown`], which keeps every field; fields a known type does not define are
/// dropped. `Debug` never shows a credential.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AuthData {
    /// `m.login.password`.
    Password(Password),
    /// `m.login.dummy`: a stage that asks for nothing, used to pick a flow.
    Dummy {
        /// The UIA session the server gave, if this is not the first request.
        session: Option<String>,
    },
    /// `m.login.token`.
    Token(Token),
    /// `m.login.registration_token`.
    RegistrationToken(RegistrationToken),
    /// `{"session": "…"}` with no `type`: the client says it completed the stage out of band,
    /// through the fallback web page.
    FallbackAcknowledgement {
        /// The UIA session the server gave.
        session: String,
    },
    /// Any other authentication type, with all its fields.
    Unknown {
        /// The `type`.
        auth_type: String,
        /// The UIA session the server gave, if this is not the first request.
        session: Option<String>,
        /// Every field except `type` and `session`. `Debug` shows only the keys, since they
        /// may be credentials.
        extra: JsonObject,
    },
}

impl AuthData {
    /// An `m.login.password` stage.
    pub fn password(
        identifier: UserIdentifier,
        password: impl Into<String>,
        session: Option<String>,
    ) -> Self {
        AuthData::Password(Password::new(identifier, password, session))
    }

    /// An `m.login.dummy` stage.
    pub fn dummy(session: Option<String>) -> Self {
        AuthData::Dummy { session }
    }

    /// An `m.login.token` stage.
    pub fn token(
        token: impl Into<String>,
        txn_id: impl Into<String>,
        session: Option<String>,
    ) -> Self {
        AuthData::Token(Token::new(token, txn_id, session))
    }

    /// An `m.login.registration_token` stage.
    pub fn registration_token(token: impl Into<String>, session: Option<String>) -> Self {
        AuthData::RegistrationToken(RegistrationToken::new(token, session))
    }

    /// The acknowledgement that a stage was completed through the fallback web page.
    pub fn fallback_acknowledgement(session: impl Into<String>) -> Self {
        AuthData::FallbackAcknowledgement {
            session: session.into(),
        }
    }

    /// The UIA session this answer belongs to, if any.
    pub fn session(&self) -> Option<&str> {
        match self {
            AuthData::Password(Password { session, .. })
            | AuthData::Dummy { session }
            | AuthData::Token(Token { session, .. })
            | AuthData::RegistrationToken(RegistrationToken { session, .. })
            | AuthData::Unknown { session, .. } => session.as_deref(),
            AuthData::FallbackAcknowledgement { session } => Some(session),
        }
    }

    /// The `type` on the wire, such as `m.login.password`; `None` for the fallback
    /// acknowledgement, which has none.
    pub fn auth_type(&self) -> Option<&str> {
        match self {
            AuthData::Password(_) => Some(LOGIN_PASSWORD),
            AuthData::Dummy { .. } => Some(LOGIN_DUMMY),
            AuthData::Token(_) => Some(LOGIN_TOKEN),
            AuthData::RegistrationToken(_) => Some(LOGIN_REGISTRATION_TOKEN),
            AuthData::FallbackAcknowledgement { .. } => None,
            AuthData::Unknown { auth_type, .. } => Some(auth_type),
        }
    }
}

impl From<Password> for AuthData {
    fn from(password: Password) -> Self {
        AuthData::Password(password)
    }
}

impl From<Token> for AuthData {
    fn from(token: Token) -> Self {
        AuthData::Token(token)
    }
}

impl From<RegistrationToken> for AuthData {
    fn from(token: RegistrationToken) -> Self {
        AuthData::RegistrationToken(token)
    }
}

impl fmt::Debug for AuthData {
    // Debug output ends up in logs: the variants that hold credentials redact them.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AuthData::Password(password) => f.debug_tuple("Password").field(password).finish(),
            AuthData::Dummy { session } => {
                f.debug_struct("Dummy").field("session", session).finish()
            }
            AuthData::Token(token) => f.debug_tuple("Token").field(token).finish(),
            AuthData::RegistrationToken(token) => {
                f.debug_tuple("RegistrationToken").field(token).finish()
            }
            AuthData::FallbackAcknowledgement { session } => f
                .debug_struct("FallbackAcknowledgement")
                .field("session", session)
                .finish(),
            AuthData::Unknown {
                auth_type,
                session,
                extra,
            } => f
                .debug_struct("Unknown")
                .field("auth_type", auth_type)
                .field("session", session)
                .field("extra", &KeysOnly(extra))
                .finish(),
        }
    }
}

impl Serialize for AuthData {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if let Some(auth_type) = self.auth_type() {
            map.serialize_entry(TYPE_FIELD, auth_type)?;
        }
        match self {
            AuthData::Password(Password {
                identifier,
                password,
                ..
            }) => {
                map.serialize_entry("identifier", identifier)?;
                map.serialize_entry("password", password)?;
            }
            AuthData::Token(Token { token, txn_id, .. }) => {
                map.serialize_entry("token", token)?;
                map.serialize_entry("txn_id", txn_id)?;
            }
            AuthData::RegistrationToken(RegistrationToken { token, .. }) => {
                map.serialize_entry("token", token)?;
            }
            AuthData::Unknown { extra, .. } => {
                for (key, value) in extra {
                    if key != TYPE_FIELD && key != SESSION_FIELD {
                        map.serialize_entry(key, value)?;
                    }
                }
            }
            AuthData::Dummy { .. } | AuthData::FallbackAcknowledgement { .. } => {}
        }
        if let Some(session) = self.session() {
            map.serialize_entry(SESSION_FIELD, session)?;
        }
        map.end()
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum KnownAuthType {
    Password,
    Dummy,
    Token,
    RegistrationToken,
}

impl KnownAuthType {
    /// The type's string fields besides `session`, in the order of the reader's slots. They are
    /// all credentials or sit next to one, so they are read as [`Secret`]s.
    fn string_fields(self) -> &'static [&'static str] {
        match self {
            KnownAuthType::Password => &["password"],
            KnownAuthType::Dummy => &[],
            KnownAuthType::Token => &["token", "txn_id"],
            KnownAuthType::RegistrationToken => &["token"],
        }
    }
}

/// The typed fields of an `auth` object as it is read.
#[derive(Default)]
struct AuthFields {
    /// Whether `session` was seen, then its value (null counts as absent).
    session: Slot<Option<String>>,
    identifier: Slot<UserIdentifier>,
    strings: [Slot<Secret>; 2],
}

/// Reads a [`AuthData`].
struct AuthDataReader;

impl Tagged for AuthDataReader {
    type Value = AuthData;
    type Kind = KnownAuthType;
    type Fields = AuthFields;

    fn kind(auth_type: &str) -> Option<KnownAuthType> {
        match auth_type {
            LOGIN_PASSWORD => Some(KnownAuthType::Password),
            LOGIN_DUMMY => Some(KnownAuthType::Dummy),
            LOGIN_TOKEN => Some(KnownAuthType::Token),
            LOGIN_REGISTRATION_TOKEN => Some(KnownAuthType::RegistrationToken),
            _ => None,
        }
    }

    /// A null `type` is no type: the fallback acknowledgement has none.
    fn read_tag<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<Key<'de>>, A::Error> {
        map.next_value()
    }

    #[inline]
    fn read_field<'de, A: MapAccess<'de>>(
        kind: Option<KnownAuthType>,
        name: &str,
        fields: &mut AuthFields,
        map: &mut A,
    ) -> Result<bool, A::Error> {
        if name == SESSION_FIELD {
            fields.session.read(map, SESSION_FIELD)?;
            return Ok(true);
        }
        let Some(kind) = kind else {
            return Ok(false);
        };
        if name == "identifier" && kind == KnownAuthType::Password {
            fields.identifier.read(map, name)?;
            return Ok(true);
        }
        match kind.string_fields().iter().position(|field| *field == name) {
            Some(slot) => fields.strings[slot].read(map, name).map(|()| true),
            None => Ok(false),
        }
    }

    #[inline]
    fn build<E: de::Error>(
        auth_type: Option<Key<'_>>,
        kind: Option<KnownAuthType>,
        fields: AuthFields,
        mut rest: Kept,
    ) -> Result<Self::Value, E> {
        let session = fields.session.into_inner().flatten();
        let Some(auth_type) = auth_type else {
            // Only the fallback acknowledgement may leave out `type`, and it must have a session.
            return match session {
                Some(session) => Ok(AuthData::FallbackAcknowledgement { session }),
                None => Err(E::missing_field(TYPE_FIELD)),
            };
        };
        let [first, second] = fields.strings;
        let rest = &mut rest;
        Ok(match kind {
            Some(KnownAuthType::Password) => AuthData::Password(Password {
                identifier: fields.identifier.or_kept(rest, "identifier")?,
                password: first.or_kept::<E>(rest, "password")?.0,
                session,
            }),
            Some(KnownAuthType::Dummy) => AuthData::Dummy { session },
            Some(KnownAuthType::Token) => AuthData::Token(Token {
                token: first.or_kept::<E>(rest, "token")?.0,
                txn_id: second.or_kept::<E>(rest, "txn_id")?.0,
                session,
            }),
            Some(KnownAuthType::RegistrationToken) => {
                AuthData::RegistrationToken(RegistrationToken {
                    token: first.or_kept::<E>(rest, "token")?.0,
                    session,
                })
            }
            None => AuthData::Unknown {
                auth_type: auth_type.into_owned(),
                session,
                extra: std::mem::take(rest).into_object(),
            },
        })
    }
}

impl<'de> Deserialize<'de> for AuthData {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(AuthDataVisitor)
    }
}

struct AuthDataVisitor;

impl<'de> Visitor<'de> for AuthDataVisitor {
    type Value = AuthData;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a User-Interactive Authentication `auth` object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<AuthData, A::Error> {
        read_tagged::<AuthDataReader, A>(map)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use super::*;
    use crate::uiaa::test_util::{assert_round_trip, auth_error, object};

    #[test]
    fn password_round_trips() {
        assert_round_trip(
            json!({
                "type": "m.login.password",
                "identifier": { "type": "m.id.user", "user": "alice" },
                "password": "hunter2",
                "session": "xyz",
            }),
            AuthData::password(UserIdentifier::user("alice"), "hunter2", Some("xyz".into())),
        );
        assert_round_trip(
            json!({
                "type": "m.login.password",
                "identifier": { "type": "m.id.thirdparty", "medium": "email", "address": "a@b.c" },
                "password": "hunter2",
            }),
            AuthData::from(Password::new(
                UserIdentifier::third_party("email", "a@b.c"),
                "hunter2",
                None,
            )),
        );
    }

    #[test]
    fn dummy_round_trips() {
        assert_round_trip(
            json!({ "type": "m.login.dummy", "session": "abc" }),
            AuthData::dummy(Some("abc".into())),
        );
        assert_round_trip(json!({ "type": "m.login.dummy" }), AuthData::dummy(None));
    }

    #[test]
    fn token_round_trips() {
        assert_round_trip(
            json!({ "type": "m.login.token", "token": "tok", "txn_id": "nonce1", "session": "s" }),
            AuthData::token("tok", "nonce1", Some("s".into())),
        );
        assert_round_trip(
            json!({ "type": "m.login.token", "token": "tok", "txn_id": "nonce1" }),
            AuthData::from(Token::new("tok", "nonce1", None)),
        );
        // The spec requires the nonce.
        let err = auth_error(json!({ "type": "m.login.token", "token": "tok" }));
        assert!(err.contains("missing field `txn_id`"), "{err}");
    }

    #[test]
    fn registration_token_round_trips() {
        assert_round_trip(
            json!({ "type": "m.login.registration_token", "token": "fBVFdqVE", "session": "s" }),
            AuthData::registration_token("fBVFdqVE", Some("s".into())),
        );
        assert_round_trip(
            json!({ "type": "m.login.registration_token", "token": "fBVFdqVE" }),
            AuthData::from(RegistrationToken::new("fBVFdqVE", None)),
        );
    }

    #[test]
    fn fallback_acknowledgement_round_trips() {
        assert_round_trip(
            json!({ "session": "abc" }),
            AuthData::fallback_acknowledgement("abc"),
        );
        let parsed: AuthData = serde_json::from_value(json!({ "session": "abc" })).unwrap();
        assert_eq!(parsed.auth_type(), None);
        assert_eq!(parsed.session(), Some("abc"));
        // A null `type` is no type.
        let null_type: AuthData =
            serde_json::from_value(json!({ "type": null, "session": "abc" })).unwrap();
        assert_eq!(null_type, AuthData::fallback_acknowledgement("abc"));
    }

    #[test]
    fn no_type_and_no_session_is_an_error() {
        let err = auth_error(json!({}));
        assert!(err.contains("missing field `type`"), "{err}");
        let err = auth_error(json!({ "session": null }));
        assert!(err.contains("missing field `type`"), "{err}");
    }

    #[test]
    fn unknown_type_round_trips_with_every_field() {
        let input = json!({
            "type": "example.type.foo",
            "session": "xxxxx",
            "example_credential": "verypoorsharedsecret",
            "nested": { "password": 1 },
        });
        assert_round_trip(
            input,
            AuthData::Unknown {
                auth_type: "example.type.foo".into(),
                session: Some("xxxxx".into()),
                extra: object(json!({
                    "example_credential": "verypoorsharedsecret",
                    "nested": { "password": 1 },
                })),
            },
        );
        // Fields that known types read as strings are kept whatever their type.
        assert_round_trip(
            json!({ "type": "m.login.recaptcha", "response": "r", "token": 7, "password": [1] }),
            AuthData::Unknown {
                auth_type: "m.login.recaptcha".into(),
                session: None,
                extra: object(json!({ "response": "r", "token": 7, "password": [1] })),
            },
        );
    }

    #[test]
    fn unknown_type_never_writes_type_or_session_twice() {
        let auth = AuthData::Unknown {
            auth_type: "org.example".into(),
            session: Some("real".into()),
            extra: object(json!({ "type": "m.login.dummy", "session": "shadow", "k": 1 })),
        };
        let text = serde_json::to_string(&auth).unwrap();
        assert_eq!(text.matches("\"type\"").count(), 1, "{text}");
        assert_eq!(text.matches("\"session\"").count(), 1, "{text}");
        assert_eq!(
            serde_json::from_str::<Value>(&text).unwrap(),
            json!({ "type": "org.example", "session": "real", "k": 1 })
        );
    }

    #[test]
    fn known_types_drop_fields_they_do_not_define() {
        let parsed: AuthData =
            serde_json::from_value(json!({ "type": "m.login.dummy", "foo": "bar" })).unwrap();
        assert_eq!(parsed, AuthData::dummy(None));
    }

    #[test]
    fn fields_before_type_are_read_the_same() {
        let parsed: AuthData = serde_json::from_str(
            r#"{
                "session": "s",
                "password": "hunter2",
                "identifier": {"user": "alice", "type": "m.id.user"},
                "type": "m.login.password"
            }"#,
        )
        .unwrap();
        assert_eq!(
            parsed,
            AuthData::password(UserIdentifier::user("alice"), "hunter2", Some("s".into()))
        );

        let token: AuthData =
            serde_json::from_str(r#"{"txn_id": "n", "type": "m.login.token", "token": "t"}"#)
                .unwrap();
        assert_eq!(token, AuthData::token("t", "n", None));
    }

    #[test]
    fn password_without_password_names_the_field() {
        let err = auth_error(json!({
            "type": "m.login.password",
            "identifier": { "type": "m.id.user", "user": "alice" },
        }));
        assert!(err.contains("missing field `password`"), "{err}");

        let err = auth_error(json!({ "type": "m.login.password", "password": "p" }));
        assert!(err.contains("missing field `identifier`"), "{err}");

        // The error inside the identifier is reported too.
        let err = auth_error(json!({
            "type": "m.login.password",
            "identifier": { "type": "m.id.user" },
            "password": "p",
        }));
        assert!(err.contains("missing field `user`"), "{err}");
    }

    #[test]
    fn mistyped_credentials_are_not_echoed_in_errors() {
        // Read directly, after `type`.
        let direct = serde_json::from_str::<AuthData>(
            r#"{"type": "m.login.password", "identifier": {"type": "m.id.user", "user": "a"},
                "password": 987654321}"#,
        )
        .unwrap_err()
        .to_string();
        assert!(!direct.contains("987654321"), "{direct}");
        assert!(direct.contains("a string"), "{direct}");

        // Buffered before `type`, converted afterwards.
        let buffered = auth_error(json!({
            "token": 987654321,
            "type": "m.login.registration_token",
        }));
        assert!(!buffered.contains("987654321"), "{buffered}");
        assert!(buffered.contains("field `token`"), "{buffered}");
    }

    #[test]
    fn duplicate_fields_are_errors() {
        let err = serde_json::from_str::<AuthData>(
            r#"{"type": "m.login.registration_token", "token": "a", "token": "b"}"#,
        )
        .unwrap_err();
        assert!(err.to_string().contains("duplicate field `token`"), "{err}");

        // Once buffered before the type, once read directly after it.
        let err = serde_json::from_str::<AuthData>(
            r#"{"token": "a", "type": "m.login.registration_token", "token": "b"}"#,
        )
        .unwrap_err();
        assert!(err.to_string().contains("duplicate field `token`"), "{err}");

        let err =
            serde_json::from_str::<AuthData>(r#"{"session": "a", "session": "b"}"#).unwrap_err();
        assert!(
            err.to_string().contains("duplicate field `session`"),
            "{err}"
        );
    }

    #[test]
    fn session_and_auth_type_accessors() {
        let cases = [
            (
                AuthData::password(UserIdentifier::user("a"), "p", Some("s1".into())),
                Some("m.login.password"),
                Some("s1"),
            ),
            (AuthData::dummy(None), Some("m.login.dummy"), None),
            (
                AuthData::token("t", "n", Some("s2".into())),
                Some("m.login.token"),
                Some("s2"),
            ),
            (
                AuthData::registration_token("t", None),
                Some("m.login.registration_token"),
                None,
            ),
            (AuthData::fallback_acknowledgement("s3"), None, Some("s3")),
            (
                AuthData::Unknown {
                    auth_type: "x.y".into(),
                    session: Some("s4".into()),
                    extra: JsonObject::new(),
                },
                Some("x.y"),
                Some("s4"),
            ),
        ];
        for (auth, auth_type, session) in cases {
            assert_eq!(auth.auth_type(), auth_type, "{auth:?}");
            assert_eq!(auth.session(), session, "{auth:?}");
        }
    }

    #[test]
    fn debug_of_password_redacts_it() {
        let password = Password::new(UserIdentifier::user("alice"), "hunter2", Some("s".into()));
        let debug = format!("{password:?}");
        assert!(!debug.contains("hunter2"), "{debug}");
        assert!(
            debug.contains("<redacted>") && debug.contains("alice"),
            "{debug}"
        );

        let alternate = format!("{password:#?}");
        assert!(!alternate.contains("hunter2"), "{alternate}");
    }

    #[test]
    fn debug_of_token_redacts_it() {
        let token = Token::new("secret-login-token", "nonce1", None);
        let debug = format!("{token:?}");
        assert!(!debug.contains("secret-login-token"), "{debug}");
        assert!(
            debug.contains("<redacted>") && debug.contains("nonce1"),
            "{debug}"
        );
    }

    #[test]
    fn debug_of_registration_token_redacts_it() {
        let token = RegistrationToken::new("secret-reg-token", None);
        let debug = format!("{token:?}");
        assert!(!debug.contains("secret-reg-token"), "{debug}");
        assert!(debug.contains("<redacted>"), "{debug}");
    }

    #[test]
    fn debug_of_auth_data_redacts_every_credential() {
        let cases = [
            (
                AuthData::password(UserIdentifier::user("alice"), "hunter2", None),
                "hunter2",
            ),
            (
                AuthData::token("secret-login-token", "n", None),
                "secret-login-token",
            ),
            (
                AuthData::registration_token("secret-reg-token", None),
                "secret-reg-token",
            ),
            (
                AuthData::Unknown {
                    auth_type: "example.type.foo".into(),
                    session: None,
                    extra: object(json!({ "example_credential": "verypoorsharedsecret" })),
                },
                "verypoorsharedsecret",
            ),
        ];
        for (auth, secret) in cases {
            for debug in [format!("{auth:?}"), format!("{auth:#?}")] {
                assert!(!debug.contains(secret), "{debug}");
                assert!(debug.contains("<redacted>"), "{debug}");
            }
        }
        // The keys of unknown fields are still shown, which is what one needs to debug.
        let unknown = AuthData::Unknown {
            auth_type: "example.type.foo".into(),
            session: None,
            extra: object(json!({ "example_credential": "x" })),
        };
        assert!(format!("{unknown:?}").contains("example_credential"));
    }
}
