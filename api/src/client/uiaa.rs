//! User-Interactive Authentication (UIA): how a server asks for more proof of identity before it
//! completes a request, and how the client gives it.
//!
//! The server answers `401` with a [`UiaaInfo`]: the flows of stages it accepts, the stages
//! already completed and a `session`. The client repeats the request with an `auth` field
//! ([`AuthData`]) completing one stage at a time and passing the `session` back. Endpoints that
//! use UIA have [`UiaaResponse`] as their error type.
//!
//! Types and fields this crate does not model are kept as they came, so that a server's or a
//! client's extension passes through unchanged.

use std::fmt;

use crate::{
    error::{MatrixError, StandardErrorBody},
    json::{ExactObject, ExactValue, Key},
    EndpointError, IntoHttpError, OutgoingResponse,
};
use bytes::BufMut;
use http::{header::CONTENT_TYPE, HeaderValue, StatusCode};
use ruma_common::serde::JsonObject;
use serde::{
    de::{self, DeserializeOwned, MapAccess, Unexpected, Visitor},
    ser::SerializeMap,
    Deserialize, Deserializer, Serialize, Serializer,
};

const TYPE_FIELD: &str = "type";
const SESSION_FIELD: &str = "session";

const ID_USER: &str = "m.id.user";
const ID_THIRD_PARTY: &str = "m.id.thirdparty";
const ID_PHONE: &str = "m.id.phone";

const LOGIN_PASSWORD: &str = "m.login.password";
const LOGIN_DUMMY: &str = "m.login.dummy";
const LOGIN_TOKEN: &str = "m.login.token";
const LOGIN_REGISTRATION_TOKEN: &str = "m.login.registration_token";

// ---------------------------------------------------------------------------------------------
// Reading objects tagged by `type`
//
// JSON does not order an object's keys, so `type` may come after the fields it decides. Fields
// that arrive once the type is known are read straight into their typed slot; fields that come
// before it are kept as JSON values and converted at the end. The input is read once either way.
// ---------------------------------------------------------------------------------------------

fn duplicate_field<E: de::Error>(key: &str) -> E {
    E::custom(format_args!("duplicate field `{key}`"))
}

/// The value of field `name`: the one read directly, or else the one buffered before the type
/// was known.
fn take_field<T: DeserializeOwned, E: de::Error>(
    direct: Option<T>,
    buffered: &mut JsonObject,
    name: &'static str,
) -> Result<T, E> {
    if let Some(value) = direct {
        return Ok(value);
    }
    match buffered.remove(name) {
        Some(value) => {
            T::deserialize(value).map_err(|err| E::custom(format_args!("field `{name}`: {err}")))
        }
        None => Err(E::missing_field(name)),
    }
}

/// A credential read from JSON. A value of the wrong type is reported without echoing it, because
/// deserialization errors end up in logs and a mistyped password is still a password.
struct Secret(String);

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // `deserialize_any` so that numbers and booleans reach the visitor below; asking for a
        // string makes serde_json report them itself, with their value.
        deserializer.deserialize_any(SecretVisitor)
    }
}

struct SecretVisitor;

impl<'de> Visitor<'de> for SecretVisitor {
    type Value = Secret;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Secret, E> {
        Ok(Secret(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Secret, E> {
        Ok(Secret(v))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Secret, E> {
        Err(E::invalid_type(Unexpected::Other("a boolean"), &self))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Secret, E> {
        Err(E::invalid_type(Unexpected::Other("a number"), &self))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Secret, E> {
        Err(E::invalid_type(Unexpected::Other("a number"), &self))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Secret, E> {
        Err(E::invalid_type(Unexpected::Other("a number"), &self))
    }
}

fn take_secret<E: de::Error>(
    direct: Option<String>,
    buffered: &mut JsonObject,
    name: &'static str,
) -> Result<String, E> {
    take_field(direct.map(Secret), buffered, name).map(|secret| secret.0)
}

/// Writes `<redacted>` in place of a secret in `Debug` output.
struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// The keys of an object whose values may be credentials, with the values redacted.
struct KeysOnly<'a>(&'a JsonObject);

impl fmt::Debug for KeysOnly<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.0.keys().map(|key| (key, Redacted)))
            .finish()
    }
}

// ---------------------------------------------------------------------------------------------
// UserIdentifier
// ---------------------------------------------------------------------------------------------

/// Who is authenticating: the `identifier` of a password stage (and of `/login`).
///
/// On the wire an object tagged by `type`. An identifier type this crate does not model is
/// [`UserIdentifier::Unknown`], which keeps every field so that it can be passed on unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum UserIdentifier {
    /// `m.id.user`: a Matrix user ID or its localpart.
    User {
        /// The user ID (`@alice:example.org`) or localpart (`alice`).
        user: String,
    },
    /// `m.id.thirdparty`: a third-party identifier bound to the account, such as an email address.
    ThirdParty {
        /// The kind of identifier, such as `email` or `msisdn`.
        medium: String,
        /// The identifier itself, such as `alice@example.org`.
        address: String,
    },
    /// `m.id.phone`: a phone number as the user typed it, with the country it belongs to.
    Phone {
        /// The two-letter country code the number is from, such as `GB`.
        country: String,
        /// The number, in the format the user typed.
        phone: String,
    },
    /// Any other identifier type, with all its fields.
    Unknown {
        /// The `type`.
        id_type: String,
        /// Every field except `type`.
        extra: JsonObject,
    },
}

impl UserIdentifier {
    /// An `m.id.user` identifier.
    pub fn user(user: impl Into<String>) -> Self {
        UserIdentifier::User { user: user.into() }
    }

    /// An `m.id.thirdparty` identifier.
    pub fn third_party(medium: impl Into<String>, address: impl Into<String>) -> Self {
        UserIdentifier::ThirdParty {
            medium: medium.into(),
            address: address.into(),
        }
    }

    /// An `m.id.phone` identifier.
    pub fn phone(country: impl Into<String>, phone: impl Into<String>) -> Self {
        UserIdentifier::Phone {
            country: country.into(),
            phone: phone.into(),
        }
    }

    /// The `type` on the wire, such as `m.id.user`.
    pub fn id_type(&self) -> &str {
        match self {
            UserIdentifier::User { .. } => ID_USER,
            UserIdentifier::ThirdParty { .. } => ID_THIRD_PARTY,
            UserIdentifier::Phone { .. } => ID_PHONE,
            UserIdentifier::Unknown { id_type, .. } => id_type,
        }
    }
}

impl Serialize for UserIdentifier {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        // `type` first, so that readers like ours take the direct path.
        map.serialize_entry(TYPE_FIELD, self.id_type())?;
        match self {
            UserIdentifier::User { user } => map.serialize_entry("user", user)?,
            UserIdentifier::ThirdParty { medium, address } => {
                map.serialize_entry("medium", medium)?;
                map.serialize_entry("address", address)?;
            }
            UserIdentifier::Phone { country, phone } => {
                map.serialize_entry("country", country)?;
                map.serialize_entry("phone", phone)?;
            }
            UserIdentifier::Unknown { extra, .. } => {
                for (key, value) in extra.iter().filter(|(key, _)| *key != TYPE_FIELD) {
                    map.serialize_entry(key, value)?;
                }
            }
        }
        map.end()
    }
}

#[derive(Clone, Copy)]
enum KnownIdType {
    User,
    ThirdParty,
    Phone,
}

impl KnownIdType {
    fn from_type(id_type: &str) -> Option<Self> {
        match id_type {
            ID_USER => Some(KnownIdType::User),
            ID_THIRD_PARTY => Some(KnownIdType::ThirdParty),
            ID_PHONE => Some(KnownIdType::Phone),
            _ => None,
        }
    }

    /// The type's fields, in the order of the reader's slots.
    fn fields(self) -> &'static [&'static str] {
        match self {
            KnownIdType::User => &["user"],
            KnownIdType::ThirdParty => &["medium", "address"],
            KnownIdType::Phone => &["country", "phone"],
        }
    }
}

impl<'de> Deserialize<'de> for UserIdentifier {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(UserIdentifierVisitor)
    }
}

struct UserIdentifierVisitor;

impl<'de> Visitor<'de> for UserIdentifierVisitor {
    type Value = UserIdentifier;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a user identifier object with a string `type`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<UserIdentifier, A::Error> {
        let mut id_type: Option<String> = None;
        let mut known: Option<KnownIdType> = None;
        let mut slots: [Option<String>; 2] = [None, None];
        let mut rest = JsonObject::new();
        while let Some(key) = map.next_key::<Key<'de>>()? {
            let name = key.as_str();
            if name == TYPE_FIELD {
                if id_type.is_some() {
                    return Err(duplicate_field(TYPE_FIELD));
                }
                let value: String = map.next_value()?;
                known = KnownIdType::from_type(&value);
                id_type = Some(value);
                continue;
            }
            if rest.contains_key(name) {
                return Err(duplicate_field(name));
            }
            match known.and_then(|k| k.fields().iter().position(|field| *field == name)) {
                Some(slot) => {
                    if slots[slot].is_some() {
                        return Err(duplicate_field(name));
                    }
                    slots[slot] = Some(map.next_value()?);
                }
                None => {
                    rest.insert(key.into_owned(), map.next_value::<ExactValue>()?.0);
                }
            }
        }

        let id_type = id_type.ok_or_else(|| de::Error::missing_field(TYPE_FIELD))?;
        let [first, second] = slots;
        Ok(match KnownIdType::from_type(&id_type) {
            Some(KnownIdType::User) => UserIdentifier::User {
                user: take_field(first, &mut rest, "user")?,
            },
            Some(KnownIdType::ThirdParty) => UserIdentifier::ThirdParty {
                medium: take_field(first, &mut rest, "medium")?,
                address: take_field(second, &mut rest, "address")?,
            },
            Some(KnownIdType::Phone) => UserIdentifier::Phone {
                country: take_field(first, &mut rest, "country")?,
                phone: take_field(second, &mut rest, "phone")?,
            },
            None => UserIdentifier::Unknown {
                id_type,
                extra: rest,
            },
        })
    }
}

// ---------------------------------------------------------------------------------------------
// AuthData
// ---------------------------------------------------------------------------------------------

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
    fn from_type(auth_type: &str) -> Option<Self> {
        match auth_type {
            LOGIN_PASSWORD => Some(KnownAuthType::Password),
            LOGIN_DUMMY => Some(KnownAuthType::Dummy),
            LOGIN_TOKEN => Some(KnownAuthType::Token),
            LOGIN_REGISTRATION_TOKEN => Some(KnownAuthType::RegistrationToken),
            _ => None,
        }
    }

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

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<AuthData, A::Error> {
        // `Option<Option<_>>`: whether the key was seen, then its value (null counts as absent).
        let mut auth_type: Option<Option<String>> = None;
        let mut session: Option<Option<String>> = None;
        let mut known: Option<KnownAuthType> = None;
        let mut identifier: Option<UserIdentifier> = None;
        let mut slots: [Option<String>; 2] = [None, None];
        let mut rest = JsonObject::new();
        while let Some(key) = map.next_key::<Key<'de>>()? {
            match key.as_str() {
                TYPE_FIELD => {
                    if auth_type.is_some() {
                        return Err(duplicate_field(TYPE_FIELD));
                    }
                    let value: Option<String> = map.next_value()?;
                    known = value.as_deref().and_then(KnownAuthType::from_type);
                    auth_type = Some(value);
                }
                SESSION_FIELD => {
                    if session.is_some() {
                        return Err(duplicate_field(SESSION_FIELD));
                    }
                    session = Some(map.next_value()?);
                }
                name if rest.contains_key(name) => return Err(duplicate_field(name)),
                "identifier" if known == Some(KnownAuthType::Password) => {
                    if identifier.is_some() {
                        return Err(duplicate_field("identifier"));
                    }
                    identifier = Some(map.next_value()?);
                }
                name => match known.and_then(|k| k.string_fields().iter().position(|f| *f == name))
                {
                    Some(slot) => {
                        if slots[slot].is_some() {
                            return Err(duplicate_field(name));
                        }
                        slots[slot] = Some(map.next_value::<Secret>()?.0);
                    }
                    None => {
                        rest.insert(key.into_owned(), map.next_value::<ExactValue>()?.0);
                    }
                },
            }
        }

        let session = session.flatten();
        let Some(auth_type) = auth_type.flatten() else {
            // Only the fallback acknowledgement may leave out `type`, and it must have a session.
            return match session {
                Some(session) => Ok(AuthData::FallbackAcknowledgement { session }),
                None => Err(de::Error::missing_field(TYPE_FIELD)),
            };
        };
        let [first, second] = slots;
        Ok(match KnownAuthType::from_type(&auth_type) {
            Some(KnownAuthType::Password) => AuthData::Password(Password {
                identifier: take_field(identifier, &mut rest, "identifier")?,
                password: take_secret(first, &mut rest, "password")?,
                session,
            }),
            Some(KnownAuthType::Dummy) => AuthData::Dummy { session },
            Some(KnownAuthType::Token) => AuthData::Token(Token {
                token: take_secret(first, &mut rest, "token")?,
                txn_id: take_secret(second, &mut rest, "txn_id")?,
                session,
            }),
            Some(KnownAuthType::RegistrationToken) => {
                AuthData::RegistrationToken(RegistrationToken {
                    token: take_secret(first, &mut rest, "token")?,
                    session,
                })
            }
            None => AuthData::Unknown {
                auth_type,
                session,
                extra: rest,
            },
        })
    }
}

// ---------------------------------------------------------------------------------------------
// UiaaInfo
// ---------------------------------------------------------------------------------------------

/// One way to complete authentication: the stages to complete, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthFlow {
    /// The authentication type of each stage, such as `m.login.password`.
    pub stages: Vec<String>,
}

impl AuthFlow {
    /// A flow of these stages.
    pub fn new(stages: Vec<String>) -> Self {
        AuthFlow { stages }
    }
}

/// The body of a `401` that asks for User-Interactive Authentication.
///
/// When the client's last attempt at a stage failed, the server says why with the standard
/// `errcode` and `error` fields next to the others; they are [`UiaaInfo::auth_error`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UiaaInfo {
    /// The flows the server accepts; completing any one of them completes authentication.
    pub flows: Vec<AuthFlow>,
    /// The stages the client has already completed in this session.
    pub completed: Vec<String>,
    /// What the client needs for some stages, keyed by authentication type, such as the public
    /// key of a captcha. Absent on the wire reads as empty; it is always written, since some
    /// clients expect it.
    pub params: JsonObject,
    /// The session the client passes back in its next attempt.
    pub session: Option<String>,
    /// Why the previous attempt at a stage failed, if it did.
    pub auth_error: Option<StandardErrorBody>,
}

impl UiaaInfo {
    /// An answer offering these flows, with nothing completed yet.
    pub fn new(flows: Vec<AuthFlow>) -> Self {
        UiaaInfo {
            flows,
            ..Default::default()
        }
    }
}

const FLOWS_FIELD: &str = "flows";
const COMPLETED_FIELD: &str = "completed";
const PARAMS_FIELD: &str = "params";

impl Serialize for UiaaInfo {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry(FLOWS_FIELD, &self.flows)?;
        if !self.completed.is_empty() {
            map.serialize_entry(COMPLETED_FIELD, &self.completed)?;
        }
        map.serialize_entry(PARAMS_FIELD, &self.params)?;
        if let Some(session) = &self.session {
            map.serialize_entry(SESSION_FIELD, session)?;
        }
        if let Some(error) = &self.auth_error {
            // An unknown error code's extra fields must not repeat the keys written above.
            error.serialize_fields(
                &mut map,
                &[FLOWS_FIELD, COMPLETED_FIELD, PARAMS_FIELD, SESSION_FIELD],
            )?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for UiaaInfo {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(UiaaInfoVisitor)
    }
}

struct UiaaInfoVisitor;

impl<'de> Visitor<'de> for UiaaInfoVisitor {
    type Value = UiaaInfo;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a User-Interactive Authentication object with a `flows` list")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<UiaaInfo, A::Error> {
        let mut flows: Option<Vec<AuthFlow>> = None;
        let mut completed: Option<Option<Vec<String>>> = None;
        let mut params: Option<Option<ExactObject>> = None;
        let mut session: Option<Option<String>> = None;
        let mut errcode: Option<String> = None;
        let mut message: Option<Option<String>> = None;
        // Other fields belong to the error, if there is one; which of them matter depends on
        // `errcode`.
        let mut rest = JsonObject::new();

        fn set<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
            map: &mut A,
            slot: &mut Option<T>,
            key: &str,
        ) -> Result<(), A::Error> {
            if slot.is_some() {
                return Err(duplicate_field(key));
            }
            *slot = Some(map.next_value()?);
            Ok(())
        }

        while let Some(key) = map.next_key::<Key<'de>>()? {
            match key.as_str() {
                FLOWS_FIELD => set(&mut map, &mut flows, FLOWS_FIELD)?,
                COMPLETED_FIELD => set(&mut map, &mut completed, COMPLETED_FIELD)?,
                PARAMS_FIELD => set(&mut map, &mut params, PARAMS_FIELD)?,
                SESSION_FIELD => set(&mut map, &mut session, SESSION_FIELD)?,
                StandardErrorBody::ERRCODE_FIELD => {
                    set(&mut map, &mut errcode, StandardErrorBody::ERRCODE_FIELD)?
                }
                StandardErrorBody::ERROR_FIELD => {
                    set(&mut map, &mut message, StandardErrorBody::ERROR_FIELD)?
                }
                name if rest.contains_key(name) => return Err(duplicate_field(name)),
                _ => {
                    rest.insert(key.into_owned(), map.next_value::<ExactValue>()?.0);
                }
            }
        }

        let auth_error = match errcode {
            Some(errcode) => Some(StandardErrorBody::from_wire_fields(
                errcode,
                message.flatten(),
                rest,
            )?),
            None => None,
        };
        Ok(UiaaInfo {
            flows: flows.ok_or_else(|| de::Error::missing_field(FLOWS_FIELD))?,
            completed: completed.flatten().unwrap_or_default(),
            params: params.flatten().map(|params| params.0).unwrap_or_default(),
            session: session.flatten(),
            auth_error,
        })
    }
}

// ---------------------------------------------------------------------------------------------
// UiaaResponse
// ---------------------------------------------------------------------------------------------

/// The error type of endpoints that use User-Interactive Authentication: either the server asks
/// for (more) authentication, or it answers with an ordinary error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UiaaResponse {
    /// A `401` asking the client to complete a stage.
    AuthResponse(UiaaInfo),
    /// Any other error.
    MatrixError(MatrixError),
}

impl From<MatrixError> for UiaaResponse {
    fn from(err: MatrixError) -> Self {
        UiaaResponse::MatrixError(err)
    }
}

impl EndpointError for UiaaResponse {
    fn from_http_response<T: AsRef<[u8]>>(response: http::Response<T>) -> Self {
        // A 401 without `flows` is an ordinary error, such as M_UNKNOWN_TOKEN.
        if response.status() == StatusCode::UNAUTHORIZED {
            if let Ok(info) = serde_json::from_slice::<UiaaInfo>(response.body().as_ref()) {
                return UiaaResponse::AuthResponse(info);
            }
        }
        UiaaResponse::MatrixError(MatrixError::from_http_response(response))
    }
}

impl OutgoingResponse for UiaaResponse {
    fn try_into_http_response<T: Default + BufMut>(
        self,
    ) -> Result<http::Response<T>, IntoHttpError> {
        match self {
            UiaaResponse::AuthResponse(info) => {
                let mut buf = T::default();
                serde_json::to_writer((&mut buf).writer(), &info).map_err(|err| {
                    IntoHttpError::Json {
                        message: err.to_string(),
                    }
                })?;
                let mut response = http::Response::new(buf);
                *response.status_mut() = StatusCode::UNAUTHORIZED;
                response
                    .headers_mut()
                    .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                Ok(response)
            }
            UiaaResponse::MatrixError(err) => err.try_into_http_response(),
        }
    }
}

impl fmt::Display for UiaaResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UiaaResponse::AuthResponse(info) => {
                write!(
                    f,
                    "{}: authentication required; flows:",
                    StatusCode::UNAUTHORIZED
                )?;
                for (i, flow) in info.flows.iter().enumerate() {
                    let separator = if i == 0 { " " } else { " | " };
                    write!(f, "{separator}{}", flow.stages.join(" → "))?;
                }
                if info.flows.is_empty() {
                    f.write_str(" none")?;
                }
                if !info.completed.is_empty() {
                    write!(f, "; completed: {}", info.completed.join(", "))?;
                }
                if let Some(error) = &info.auth_error {
                    write!(f, "; {error}")?;
                }
                Ok(())
            }
            UiaaResponse::MatrixError(err) => err.fmt(f),
        }
    }
}

impl std::error::Error for UiaaResponse {}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use super::*;
    use crate::error::{ErrorBody, ErrorKind};

    fn response(status: u16, body: &str) -> http::Response<Vec<u8>> {
        http::Response::builder()
            .status(status)
            .body(body.as_bytes().to_vec())
            .unwrap()
    }

    fn object(value: Value) -> JsonObject {
        match value {
            Value::Object(object) => object,
            other => panic!("not an object: {other}"),
        }
    }

    /// Parses `input` as `T`, checks it is `expected`, and that writing it back gives `input`.
    fn assert_round_trip<T>(input: Value, expected: T)
    where
        T: Serialize + DeserializeOwned + PartialEq + fmt::Debug,
    {
        let parsed: T = serde_json::from_value(input.clone()).unwrap();
        assert_eq!(parsed, expected);
        assert_eq!(serde_json::to_value(&parsed).unwrap(), input);
        // From text too: serde_json's reader and `Value` take different paths through serde.
        let from_text: T = serde_json::from_str(&input.to_string()).unwrap();
        assert_eq!(from_text, expected);
    }

    fn auth_error(value: Value) -> String {
        serde_json::from_value::<AuthData>(value)
            .unwrap_err()
            .to_string()
    }

    // --- UserIdentifier ---

    #[test]
    fn user_identifier_variants_round_trip() {
        assert_round_trip(
            json!({ "type": "m.id.user", "user": "@alice:example.org" }),
            UserIdentifier::user("@alice:example.org"),
        );
        assert_round_trip(
            json!({ "type": "m.id.thirdparty", "medium": "email", "address": "alice@example.org" }),
            UserIdentifier::third_party("email", "alice@example.org"),
        );
        assert_round_trip(
            json!({ "type": "m.id.phone", "country": "GB", "phone": "07700900001" }),
            UserIdentifier::phone("GB", "07700900001"),
        );
        assert_round_trip(
            json!({ "type": "org.example.id", "nested": { "a": [1, 2] }, "n": 3 }),
            UserIdentifier::Unknown {
                id_type: "org.example.id".into(),
                extra: object(json!({ "nested": { "a": [1, 2] }, "n": 3 })),
            },
        );
    }

    #[test]
    fn user_identifier_type_may_come_last() {
        let id: UserIdentifier = serde_json::from_str(
            r#"{"address": "alice@example.org", "medium": "email", "type": "m.id.thirdparty"}"#,
        )
        .unwrap();
        assert_eq!(
            id,
            UserIdentifier::third_party("email", "alice@example.org")
        );
        assert_eq!(id.id_type(), "m.id.thirdparty");
    }

    #[test]
    fn user_identifier_errors_name_the_field() {
        let missing = serde_json::from_value::<UserIdentifier>(
            json!({ "type": "m.id.phone", "country": "GB" }),
        );
        assert!(missing
            .unwrap_err()
            .to_string()
            .contains("missing field `phone`"));

        let no_type = serde_json::from_value::<UserIdentifier>(json!({ "user": "alice" }));
        assert!(no_type
            .unwrap_err()
            .to_string()
            .contains("missing field `type`"));

        // Buffered before `type` was seen, then found to be of the wrong type.
        let wrong_type =
            serde_json::from_str::<UserIdentifier>(r#"{"user": 5, "type": "m.id.user"}"#);
        assert!(wrong_type.unwrap_err().to_string().contains("field `user`"));

        let duplicate = serde_json::from_str::<UserIdentifier>(
            r#"{"type": "m.id.user", "user": "a", "user": "b"}"#,
        );
        assert!(duplicate
            .unwrap_err()
            .to_string()
            .contains("duplicate field `user`"));
    }

    #[test]
    fn user_identifier_unknown_never_writes_type_twice() {
        let id = UserIdentifier::Unknown {
            id_type: "org.example.id".into(),
            extra: object(json!({ "type": "m.id.user", "k": "v" })),
        };
        let text = serde_json::to_string(&id).unwrap();
        assert_eq!(text.matches("\"type\"").count(), 1, "{text}");
        assert_eq!(
            serde_json::from_str::<Value>(&text).unwrap(),
            json!({ "type": "org.example.id", "k": "v" })
        );
    }

    // --- AuthData ---

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

    // --- UiaaInfo and UiaaResponse ---

    const UIA_BODY: &str =
        r#"{"flows":[{"stages":["m.login.password"]}],"params":{},"session":"xyz"}"#;

    #[test]
    fn parses_the_uia_401() {
        let parsed = UiaaResponse::from_http_response(response(401, UIA_BODY));
        let UiaaResponse::AuthResponse(info) = &parsed else {
            panic!("expected an auth response, got {parsed:?}");
        };
        assert_eq!(info.session.as_deref(), Some("xyz"));
        assert_eq!(
            info.flows,
            vec![AuthFlow::new(vec!["m.login.password".into()])]
        );
        assert!(info.completed.is_empty());
        assert!(info.params.is_empty());
        assert_eq!(info.auth_error, None);
        assert_eq!(
            serde_json::to_value(info).unwrap(),
            serde_json::from_str::<Value>(UIA_BODY).unwrap()
        );
    }

    #[test]
    fn uia_info_keeps_completed_and_params() {
        let input = json!({
            "flows": [
                { "stages": ["m.login.password"] },
                { "stages": ["m.login.email.identity", "m.login.msisdn"] },
            ],
            "completed": ["m.login.password"],
            "params": { "m.login.terms": { "policies": { "privacy": { "version": "1" } } } },
            "session": "s",
        });
        let info: UiaaInfo = serde_json::from_value(input.clone()).unwrap();
        assert_eq!(info.completed, vec!["m.login.password".to_owned()]);
        assert_eq!(
            info.flows[1].stages,
            vec!["m.login.email.identity", "m.login.msisdn"]
        );
        assert_eq!(
            info.params["m.login.terms"]["policies"]["privacy"]["version"],
            json!("1")
        );
        assert_eq!(serde_json::to_value(&info).unwrap(), input);
    }

    #[test]
    fn uia_info_with_only_flows() {
        let info: UiaaInfo = serde_json::from_value(json!({ "flows": [] })).unwrap();
        assert_eq!(info, UiaaInfo::new(Vec::new()));
        // `params` is always written.
        assert_eq!(
            serde_json::to_value(&info).unwrap(),
            json!({ "flows": [], "params": {} })
        );

        let err = serde_json::from_value::<UiaaInfo>(json!({ "session": "s" })).unwrap_err();
        assert!(err.to_string().contains("missing field `flows`"), "{err}");

        let err = serde_json::from_value::<UiaaInfo>(json!({ "flows": [{}] })).unwrap_err();
        assert!(err.to_string().contains("missing field `stages`"), "{err}");
    }

    #[test]
    fn uia_401_with_failed_stage_has_auth_error() {
        let body = json!({
            "errcode": "M_FORBIDDEN",
            "error": "Invalid password",
            "completed": ["example.type.foo"],
            "flows": [{ "stages": ["example.type.foo", "m.login.password"] }],
            "params": {},
            "session": "xxxxxx",
        });
        let parsed = UiaaResponse::from_http_response(response(401, &body.to_string()));
        let UiaaResponse::AuthResponse(info) = &parsed else {
            panic!("expected an auth response, got {parsed:?}");
        };
        assert_eq!(
            info.auth_error,
            Some(StandardErrorBody::new(
                ErrorKind::Forbidden,
                "Invalid password"
            ))
        );
        assert_eq!(info.completed, vec!["example.type.foo".to_owned()]);
        assert_eq!(serde_json::to_value(info).unwrap(), body);
        assert_eq!(
            parsed.to_string(),
            "401 Unauthorized: authentication required; flows: example.type.foo → \
             m.login.password; completed: example.type.foo; [M_FORBIDDEN] Invalid password"
        );
    }

    #[test]
    fn uia_auth_error_with_unknown_code_keeps_its_fields() {
        let body = json!({
            "flows": [{ "stages": ["m.login.password"] }],
            "params": {},
            "errcode": "ORG_EXAMPLE_NEW",
            "error": "new",
            "detail": { "x": 1 },
        });
        let info: UiaaInfo = serde_json::from_value(body.clone()).unwrap();
        assert_eq!(
            info.auth_error,
            Some(StandardErrorBody::new(
                ErrorKind::Other {
                    errcode: "ORG_EXAMPLE_NEW".into(),
                    extra: object(json!({ "detail": { "x": 1 } })),
                },
                "new"
            ))
        );
        assert_eq!(serde_json::to_value(&info).unwrap(), body);
    }

    #[test]
    fn uia_auth_error_extra_never_repeats_uia_keys() {
        let mut info = UiaaInfo::new(vec![AuthFlow::new(vec!["m.login.dummy".into()])]);
        info.session = Some("real".into());
        info.auth_error = Some(StandardErrorBody::new(
            ErrorKind::Other {
                errcode: "X_NEW".into(),
                extra: object(json!({ "session": "shadow", "flows": [], "k": 1 })),
            },
            "",
        ));
        let text = serde_json::to_string(&info).unwrap();
        assert_eq!(text.matches("\"session\"").count(), 1, "{text}");
        assert_eq!(text.matches("\"flows\"").count(), 1, "{text}");
        assert_eq!(
            serde_json::from_str::<Value>(&text).unwrap(),
            json!({
                "flows": [{ "stages": ["m.login.dummy"] }],
                "params": {},
                "session": "real",
                "errcode": "X_NEW",
                "k": 1,
            })
        );
    }

    #[test]
    fn uia_401_without_flows_is_a_matrix_error() {
        let parsed = UiaaResponse::from_http_response(response(
            401,
            r#"{"errcode":"M_UNKNOWN_TOKEN","error":"Invalid access token","soft_logout":true}"#,
        ));
        assert_eq!(
            parsed,
            UiaaResponse::MatrixError(MatrixError::new(
                StatusCode::UNAUTHORIZED,
                ErrorKind::UnknownToken { soft_logout: true },
                "Invalid access token"
            ))
        );
        assert_eq!(
            parsed.to_string(),
            "401 Unauthorized: [M_UNKNOWN_TOKEN] Invalid access token"
        );
    }

    #[test]
    fn flows_with_another_status_are_not_uia() {
        let parsed = UiaaResponse::from_http_response(response(400, UIA_BODY));
        let UiaaResponse::MatrixError(err) = parsed else {
            panic!("expected a Matrix error, got {parsed:?}");
        };
        assert_eq!(err.status, StatusCode::BAD_REQUEST);
        assert_eq!(
            err.body,
            ErrorBody::Json(serde_json::from_str(UIA_BODY).unwrap())
        );
    }

    #[test]
    fn uia_401_with_malformed_flows_is_kept_as_a_matrix_error() {
        let parsed =
            UiaaResponse::from_http_response(response(401, r#"{"flows":"m.login.password"}"#));
        let UiaaResponse::MatrixError(err) = parsed else {
            panic!("expected a Matrix error, got {parsed:?}");
        };
        assert_eq!(
            err.body,
            ErrorBody::Json(json!({ "flows": "m.login.password" }))
        );

        let html = UiaaResponse::from_http_response(response(401, "<html>nope</html>"));
        assert_eq!(
            html,
            UiaaResponse::MatrixError(MatrixError {
                status: StatusCode::UNAUTHORIZED,
                body: ErrorBody::NotJson(b"<html>nope</html>".to_vec()),
            })
        );
    }

    #[test]
    fn limit_exceeded_through_uiaa_response() {
        let parsed = UiaaResponse::from_http_response(response(
            429,
            r#"{"errcode":"M_LIMIT_EXCEEDED","error":"Too many requests","retry_after_ms":60000}"#,
        ));
        let UiaaResponse::MatrixError(err) = &parsed else {
            panic!("expected a Matrix error, got {parsed:?}");
        };
        assert_eq!(
            err.kind(),
            Some(&ErrorKind::LimitExceeded {
                retry_after_ms: Some(60000)
            })
        );

        let with_header = http::Response::builder()
            .status(429)
            .header("Retry-After", "7")
            .body(br#"{"errcode":"M_LIMIT_EXCEEDED","error":"Too many requests"}"#.to_vec())
            .unwrap();
        let UiaaResponse::MatrixError(err) = UiaaResponse::from_http_response(with_header) else {
            panic!("expected a Matrix error");
        };
        assert_eq!(
            err.kind(),
            Some(&ErrorKind::LimitExceeded {
                retry_after_ms: Some(7000)
            })
        );
    }

    #[test]
    fn outgoing_auth_response() {
        let mut info = UiaaInfo::new(vec![
            AuthFlow::new(vec!["m.login.password".into()]),
            AuthFlow::new(vec![
                "m.login.registration_token".into(),
                "m.login.dummy".into(),
            ]),
        ]);
        info.session = Some("xyz".into());
        info.auth_error = Some(StandardErrorBody::new(
            ErrorKind::Forbidden,
            "Invalid password",
        ));
        let response = UiaaResponse::AuthResponse(info.clone())
            .try_into_http_response::<Vec<u8>>()
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(response.headers()[CONTENT_TYPE], "application/json");
        assert_eq!(
            serde_json::from_slice::<Value>(response.body()).unwrap(),
            json!({
                "flows": [
                    { "stages": ["m.login.password"] },
                    { "stages": ["m.login.registration_token", "m.login.dummy"] },
                ],
                "params": {},
                "session": "xyz",
                "errcode": "M_FORBIDDEN",
                "error": "Invalid password",
            })
        );
        // And the client reads back what the server wrote.
        assert_eq!(
            UiaaResponse::from_http_response(response),
            UiaaResponse::AuthResponse(info)
        );
    }

    #[test]
    fn outgoing_matrix_error_is_delegated() {
        let err = MatrixError::new(
            StatusCode::TOO_MANY_REQUESTS,
            ErrorKind::LimitExceeded {
                retry_after_ms: Some(2500),
            },
            "Too many requests",
        );
        let response = UiaaResponse::from(err)
            .try_into_http_response::<Vec<u8>>()
            .unwrap();
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(response.headers()[CONTENT_TYPE], "application/json");
        assert_eq!(response.headers()[http::header::RETRY_AFTER], "3");
        assert_eq!(
            serde_json::from_slice::<Value>(response.body()).unwrap(),
            json!({
                "errcode": "M_LIMIT_EXCEEDED",
                "error": "Too many requests",
                "retry_after_ms": 2500,
            })
        );
    }

    #[test]
    fn display_of_auth_response_without_flows() {
        let shown = UiaaResponse::AuthResponse(UiaaInfo::default()).to_string();
        assert_eq!(
            shown,
            "401 Unauthorized: authentication required; flows: none"
        );
    }
}
