//! `POST /_matrix/client/*/login`: log in and get an access token.
//!
//! The client sends one of the login types `GET /login` listed (a password, a login token, an
//! application service assertion) and gets an access token bound to a device.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v3::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3login>

pub mod v3 {
    //! The v3 generation of the endpoint (and its r0 predecessor).

    use std::collections::BTreeMap;
    use std::fmt;
    use std::time::Duration;

    use matrix_api::json::{
        error_in_field, read_tagged, string_tag, ExactValue, Kept, Key, ReadFlattened, Slot,
        Tagged, TaggedFields,
    };
    use matrix_api::redact::{KeysOnly, Redacted};
    use ruma_common::serde::JsonObject;
    use ruma_common::{OwnedDeviceId, OwnedServerName, OwnedUserId};
    use serde::de::{self, MapAccess, Visitor};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use serde_json::Value;

    use crate::uiaa::UserIdentifier;
    use matrix_api::{metadata, request, response, Metadata};

    // `m.login.application_service` asserts the user with the appservice's token; every other
    // type sends none, hence "optional".
    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: true,
        authentication: AppserviceTokenOptional,
        history: {
            1.0 => "/_matrix/client/r0/login",
            1.1 => "/_matrix/client/v3/login",
        }
    };

    /// The request: the credentials and the device to log in.
    #[request]
    #[derive(PartialEq)]
    pub struct Request {
        /// The credentials, by login type.
        #[serde(flatten)]
        pub login_info: LoginInfo,
        /// The device to log in as; the server creates a new one when absent or unknown.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub device_id: Option<OwnedDeviceId>,
        /// The display name of a newly created device.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub initial_device_display_name: Option<String>,
        /// Whether the client supports refresh tokens (added in v1.3; `false` is not written).
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        pub refresh_token: bool,
    }

    /// The response: the new session.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The account's fully-qualified user ID.
        pub user_id: OwnedUserId,
        /// The access token of the new session.
        #[api(secret)]
        pub access_token: String,
        /// The homeserver's name. Deprecated: clients take it from `user_id`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub home_server: Option<OwnedServerName>,
        /// The logged-in device: the requested one, or one the server created.
        pub device_id: OwnedDeviceId,
        /// Client configuration the server suggests, as in `.well-known/matrix/client`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub well_known: Option<DiscoveryInfo>,
        /// A token for `POST /refresh`, when the client asked for one (v1.3).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[api(secret)]
        pub refresh_token: Option<String>,
        /// How long the access token lives (`expires_in_ms`); `None`: it does not expire.
        #[serde(
            with = "ruma_common::serde::duration::opt_ms",
            default,
            skip_serializing_if = "Option::is_none",
            rename = "expires_in_ms"
        )]
        pub expires_in: Option<Duration>,
    }

    impl Request {
        /// A request with these credentials, a new device and no refresh token.
        pub fn new(login_info: LoginInfo) -> Self {
            Request {
                login_info,
                device_id: None,
                initial_device_display_name: None,
                refresh_token: false,
            }
        }
    }

    impl Response {
        /// A response for this user, token and device.
        pub fn new(user_id: OwnedUserId, access_token: String, device_id: OwnedDeviceId) -> Self {
            Response {
                user_id,
                access_token,
                home_server: None,
                device_id,
                well_known: None,
                refresh_token: None,
                expires_in: None,
            }
        }
    }

    /// The credentials of a login, told apart by the `type` field.
    #[derive(Clone, PartialEq)]
    #[non_exhaustive]
    pub enum LoginInfo {
        /// `m.login.password`.
        Password(Password),
        /// `m.login.token`.
        Token(Token),
        /// `m.login.application_service`.
        ApplicationService(ApplicationService),
        /// A type this crate does not model, kept whole.
        Unknown(CustomLoginInfo),
    }

    /// `m.login.password`: who the user is and their password.
    #[derive(Clone, PartialEq, Eq)]
    pub struct Password {
        /// The user.
        pub identifier: UserIdentifier,
        /// The password.
        pub password: String,
    }

    /// `m.login.token`: a token from SSO or from `POST /login/get_token`.
    #[derive(Clone, PartialEq, Eq)]
    pub struct Token {
        /// The login token.
        pub token: String,
    }

    /// `m.login.application_service`: an appservice logs in one of its users.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct ApplicationService {
        /// The user.
        pub identifier: UserIdentifier,
    }

    /// A login type this crate does not model: its `type` and its other fields as sent.
    #[derive(Clone, PartialEq)]
    pub struct CustomLoginInfo {
        /// The `type` string.
        pub login_type: String,
        /// The other fields. They may hold credentials, so `Debug` shows only their names.
        pub data: JsonObject,
    }

    /// The `well_known` of a login response: where the client should find the homeserver and
    /// identity server from now on.
    #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub struct DiscoveryInfo {
        /// The homeserver.
        #[serde(rename = "m.homeserver")]
        pub homeserver: HomeserverInfo,
        /// The identity server.
        #[serde(
            rename = "m.identity_server",
            default,
            skip_serializing_if = "Option::is_none"
        )]
        pub identity_server: Option<IdentityServerInfo>,
        /// Other, application-specific properties, kept as sent.
        #[serde(flatten, deserialize_with = "matrix_api::json::unique_keys_exact")]
        pub other: BTreeMap<String, Value>,
    }

    /// The homeserver entry of [`DiscoveryInfo`].
    #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub struct HomeserverInfo {
        /// The homeserver's base URL.
        pub base_url: String,
    }

    /// The identity server entry of [`DiscoveryInfo`].
    #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub struct IdentityServerInfo {
        /// The identity server's base URL.
        pub base_url: String,
    }

    // The serde impls below are written by hand, so the macros cannot read these fields from
    // tokens: the flattened `login_info` lists them itself, as `Serialize` writes them and
    // `Deserialize` reads them (including the deprecated forms of `identifier`).
    matrix_api::with_describe! {
        impl matrix_api::describe::DescribeFields for LoginInfo {
            const FIELDS: &'static [matrix_api::describe::FieldDescription] = {
                use matrix_api::describe::{FieldDescription as Field, JsonType};
                &[
                    Field::body("type", JsonType::String, true),
                    Field::body("identifier", JsonType::Object, false),
                    Field::body("password", JsonType::String, false),
                    Field::body("token", JsonType::String, false),
                    Field::body("user", JsonType::String, false).deprecated(),
                    Field::body("medium", JsonType::String, false).deprecated(),
                    Field::body("address", JsonType::String, false).deprecated(),
                ]
            };
        }
    }

    impl LoginInfo {
        /// Password login for a user given by their localpart or user ID.
        pub fn password(user: impl Into<String>, password: impl Into<String>) -> Self {
            LoginInfo::Password(Password {
                identifier: UserIdentifier::user(user),
                password: password.into(),
            })
        }

        /// Token login.
        pub fn token(token: impl Into<String>) -> Self {
            LoginInfo::Token(Token {
                token: token.into(),
            })
        }

        /// The `type` string.
        pub fn login_type(&self) -> &str {
            match self {
                LoginInfo::Password(_) => "m.login.password",
                LoginInfo::Token(_) => "m.login.token",
                LoginInfo::ApplicationService(_) => "m.login.application_service",
                LoginInfo::Unknown(custom) => &custom.login_type,
            }
        }
    }

    // Passwords and tokens end up in logs through Debug; show that they are there, not what.
    impl fmt::Debug for Password {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.debug_struct("Password")
                .field("identifier", &self.identifier)
                .field("password", &Redacted)
                .finish()
        }
    }

    impl fmt::Debug for Token {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.debug_struct("Token").field("token", &Redacted).finish()
        }
    }

    impl fmt::Debug for CustomLoginInfo {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.debug_struct("CustomLoginInfo")
                .field("login_type", &self.login_type)
                .field("data", &KeysOnly(&self.data))
                .finish()
        }
    }

    impl fmt::Debug for LoginInfo {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match self {
                LoginInfo::Password(password) => password.fmt(f),
                LoginInfo::Token(token) => token.fmt(f),
                LoginInfo::ApplicationService(appservice) => appservice.fmt(f),
                LoginInfo::Unknown(custom) => custom.fmt(f),
            }
        }
    }

    impl Serialize for LoginInfo {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeMap;
            let mut map = serializer.serialize_map(None)?;
            map.serialize_entry("type", self.login_type())?;
            match self {
                LoginInfo::Password(Password {
                    identifier,
                    password,
                }) => {
                    map.serialize_entry("identifier", identifier)?;
                    map.serialize_entry("password", password)?;
                }
                LoginInfo::Token(Token { token }) => map.serialize_entry("token", token)?,
                LoginInfo::ApplicationService(ApplicationService { identifier }) => {
                    map.serialize_entry("identifier", identifier)?;
                }
                LoginInfo::Unknown(custom) => {
                    // `type` is written above; a second one would win on the server.
                    for (key, value) in custom.data.iter().filter(|(key, _)| *key != "type") {
                        map.serialize_entry(key, value)?;
                    }
                }
            }
            map.end()
        }
    }

    /// The login types read into typed fields; any other is kept whole as
    /// [`LoginInfo::Unknown`].
    #[derive(Clone, Copy)]
    enum KnownLoginType {
        Password,
        Token,
        ApplicationService,
    }

    impl KnownLoginType {
        fn reads_identifier(self) -> bool {
            matches!(
                self,
                KnownLoginType::Password | KnownLoginType::ApplicationService
            )
        }

        /// The reader's slot for the type's string field `name` (the deprecated forms of
        /// `identifier` included), if it is one.
        fn slot(self, name: &str) -> Option<usize> {
            let fields: &[&str] = match self {
                KnownLoginType::Password => &["password", "user", "medium", "address"],
                KnownLoginType::Token => &["token"],
                KnownLoginType::ApplicationService => &["user", "medium", "address"],
            };
            fields.iter().position(|field| *field == name)
        }
    }

    /// The typed fields of a login as it is read: the identifier, and the type's string fields
    /// as JSON, checked at the end so that an error names the field without echoing a
    /// credential.
    #[derive(Default)]
    struct LoginFields {
        identifier: Slot<UserIdentifier>,
        strings: [Slot<Value>; 4],
    }

    /// Reads a [`LoginInfo`].
    struct LoginInfoReader;

    impl Tagged for LoginInfoReader {
        type Value = LoginInfo;
        type Kind = KnownLoginType;
        type Fields = LoginFields;

        fn kind(login_type: &str) -> Option<KnownLoginType> {
            match login_type {
                "m.login.password" => Some(KnownLoginType::Password),
                "m.login.token" => Some(KnownLoginType::Token),
                "m.login.application_service" => Some(KnownLoginType::ApplicationService),
                _ => None,
            }
        }

        fn read_tag<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<Key<'de>>, A::Error> {
            string_tag(map, "`type` must be a string").map(Some)
        }

        #[inline]
        fn read_field<'de, A: MapAccess<'de>>(
            kind: Option<KnownLoginType>,
            name: &str,
            fields: &mut LoginFields,
            map: &mut A,
        ) -> Result<bool, A::Error> {
            let Some(kind) = kind else {
                return Ok(false);
            };
            if name == "identifier" && kind.reads_identifier() {
                // Read in place, its errors are reported inside it, which names them.
                fields
                    .identifier
                    .read_with(map, name, |map| map.next_value::<UserIdentifier>())?;
                return Ok(true);
            }
            match kind.slot(name) {
                Some(slot) => {
                    fields.strings[slot].read_with(map, name, |map| {
                        map.next_value::<ExactValue>().map(|value| value.0)
                    })?;
                    Ok(true)
                }
                None => Ok(false),
            }
        }

        #[inline]
        fn build<E: de::Error>(
            login_type: Option<Key<'_>>,
            kind: Option<KnownLoginType>,
            fields: LoginFields,
            rest: Kept,
        ) -> Result<Self::Value, E> {
            let login_type = login_type.ok_or_else(|| E::missing_field("type"))?;
            let Some(kind) = kind else {
                return Ok(LoginInfo::Unknown(CustomLoginInfo {
                    login_type: login_type.into_owned(),
                    data: rest.into_object(),
                }));
            };
            let mut read = ReadLogin { kind, fields, rest };
            Ok(match kind {
                KnownLoginType::Password => LoginInfo::Password(Password {
                    identifier: read.identifier()?,
                    password: read.string("password")?,
                }),
                KnownLoginType::Token => LoginInfo::Token(Token {
                    token: read.string("token")?,
                }),
                KnownLoginType::ApplicationService => {
                    LoginInfo::ApplicationService(ApplicationService {
                        identifier: read.identifier()?,
                    })
                }
            })
        }
    }

    impl<'de> Deserialize<'de> for LoginInfo {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_map(LoginInfoVisitor)
        }
    }

    struct LoginInfoVisitor;

    impl<'de> Visitor<'de> for LoginInfoVisitor {
        type Value = LoginInfo;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("login credentials with a string `type`")
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<LoginInfo, A::Error> {
            read_tagged::<LoginInfoReader, A>(map)
        }
    }

    /// A [`LoginInfo`] while it is read as the request body's flattened field, from the keys
    /// the body's other fields do not name, as they come.
    #[derive(Default)]
    pub struct LoginInfoFields<'de>(TaggedFields<'de, LoginInfoReader>);

    impl<'de> ReadFlattened<'de> for LoginInfo {
        type Fields = LoginInfoFields<'de>;

        #[inline]
        fn read_field<A: MapAccess<'de>>(
            fields: &mut LoginInfoFields<'de>,
            key: Key<'de>,
            map: &mut A,
        ) -> Result<(), A::Error> {
            fields.0.read(key, map)
        }

        #[inline]
        fn finish<E: de::Error>(fields: LoginInfoFields<'de>) -> Result<LoginInfo, E> {
            fields.0.finish()
        }
    }

    /// A login of a known type, read: its typed fields and those that came before `type`.
    struct ReadLogin {
        kind: KnownLoginType,
        fields: LoginFields,
        rest: Kept,
    }

    impl ReadLogin {
        /// Field `name`: from its slot, or from the fields that came before `type`.
        fn take(&mut self, name: &str) -> Option<Value> {
            let slot = self.kind.slot(name);
            let read =
                slot.and_then(|slot| std::mem::take(&mut self.fields.strings[slot]).into_inner());
            read.or_else(|| self.rest.remove(name))
        }

        fn has(&self, name: &str) -> bool {
            let slot = self.kind.slot(name);
            slot.is_some_and(|slot| self.fields.strings[slot].is_filled())
                || self.rest.contains_key(name)
        }

        fn string<E: de::Error>(&mut self, field: &'static str) -> Result<String, E> {
            match self.take(field) {
                Some(Value::String(value)) => Ok(value),
                // The value may be a credential: name the field, never echo what was sent.
                Some(_) => Err(E::custom(format_args!("`{field}` must be a string"))),
                None => Err(E::missing_field(field)),
            }
        }

        /// The `identifier`, or one built from the deprecated top-level `user`, or `medium`
        /// and `address`, that older clients still send.
        fn identifier<E: de::Error>(&mut self) -> Result<UserIdentifier, E> {
            if let Some(identifier) = std::mem::take(&mut self.fields.identifier).into_inner() {
                return Ok(identifier);
            }
            if let Some(identifier) = self.rest.remove("identifier") {
                // Read from the copy kept before the login's `type`, its errors carry no
                // place in the body: name the field.
                return UserIdentifier::deserialize(identifier)
                    .map_err(|err| error_in_field("identifier", err));
            }
            if self.has("user") {
                return Ok(UserIdentifier::user(self.string::<E>("user")?));
            }
            if self.has("medium") || self.has("address") {
                let medium = self.string::<E>("medium")?;
                let address = self.string::<E>("address")?;
                return Ok(UserIdentifier::third_party(medium, address));
            }
            Err(E::missing_field("identifier"))
        }
    }
}
