//! `GET /_matrix/client/*/login`: the login types the homeserver supports.
//!
//! A client asks before logging in, then picks one of the returned types as the `type` of
//! `POST /login`. Since v1.7 an `m.login.token` entry may say whether the server also offers
//! `POST /login/get_token`.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v3::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3login>

pub mod v3 {
    //! The v3 generation of the endpoint (and its r0 predecessor).

    use std::fmt;

    use matrix_api::json::{read_tagged, string_tag, Kept, Key, Tagged};
    use matrix_api::{metadata, request, response, Metadata};
    use ruma_common::serde::JsonObject;
    use ruma_common::OwnedMxcUri;
    use serde::de::{self, MapAccess, Visitor};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use serde_json::Value;

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: true,
        authentication: None,
        history: {
            1.0 => "/_matrix/client/r0/login",
            1.1 => "/_matrix/client/v3/login",
        }
    };

    /// The request: it has no parameters.
    #[request]
    #[derive(PartialEq, Eq, Default)]
    pub struct Request {}

    /// The response: the supported login types.
    #[response]
    #[derive(PartialEq)]
    pub struct Response {
        /// The login types, in the server's order. The specification does not require the
        /// field: a response without it reads as offering none (and is written with `[]`).
        #[serde(default)]
        pub flows: Vec<LoginType>,
    }

    impl Request {
        /// The request.
        pub fn new() -> Self {
            Request {}
        }
    }

    impl Response {
        /// A response listing these login types.
        pub fn new(flows: Vec<LoginType>) -> Self {
            Response { flows }
        }
    }

    impl matrix_api::selection::ServerSignal for Response {
        /// `m.login.token`'s `get_login_token: true` announces `POST /login/get_token`, under
        /// the name of the capability that gates it, `m.get_login_token`.
        fn teach(&self, view: &mut matrix_api::selection::ServerView) {
            let offered = self
                .flows
                .iter()
                .any(|flow| matches!(flow, LoginType::Token(token) if token.get_login_token));
            let flags = offered.then(|| ("m.get_login_token".to_owned(), true));
            view.learn_login_flags(flags);
        }
    }

    /// One login type the server supports, told apart by its `type` field.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    pub enum LoginType {
        /// `m.login.password`.
        Password,
        /// `m.login.token`.
        Token(TokenLoginType),
        /// `m.login.sso`.
        Sso(SsoLoginType),
        /// `m.login.application_service`.
        ApplicationService,
        /// A type this crate does not model, kept whole so that re-serialising loses nothing.
        Unknown(CustomLoginType),
    }

    /// `m.login.token`: login with a token from SSO or from `POST /login/get_token`.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct TokenLoginType {
        /// Whether the server offers `POST /login/get_token` (added in v1.7; `false` when
        /// absent, and then not written).
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        pub get_login_token: bool,
    }

    /// `m.login.sso`: login through a single sign-on identity provider.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct SsoLoginType {
        /// The identity providers to offer the user, each as its own button.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub identity_providers: Vec<IdentityProvider>,
        /// Whether OAuth 2.0 aware clients must offer only this flow (added in v1.18).
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        pub oauth_aware_preferred: bool,
    }

    /// An SSO identity provider, as listed by `m.login.sso`.
    #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub struct IdentityProvider {
        /// The provider's opaque ID, the `{idpId}` of `GET /login/sso/redirect/{idpId}`.
        pub id: String,
        /// A name to show the user.
        pub name: String,
        /// An `mxc://` URI of an icon to show beside the name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub icon: Option<OwnedMxcUri>,
        /// A hint of which well-known provider this is (`github`, `google`, …); an open set.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub brand: Option<String>,
    }

    impl IdentityProvider {
        /// A provider with this ID and name, without icon or brand.
        pub fn new(id: String, name: String) -> Self {
            IdentityProvider {
                id,
                name,
                icon: None,
                brand: None,
            }
        }
    }

    /// A login type this crate does not model: its `type` and every other field as sent.
    #[derive(Clone, Debug, PartialEq)]
    pub struct CustomLoginType {
        /// The `type` string.
        pub login_type: String,
        /// The other fields.
        pub data: JsonObject,
    }

    impl LoginType {
        /// The `type` string of this login type.
        pub fn login_type(&self) -> &str {
            match self {
                LoginType::Password => "m.login.password",
                LoginType::Token(_) => "m.login.token",
                LoginType::Sso(_) => "m.login.sso",
                LoginType::ApplicationService => "m.login.application_service",
                LoginType::Unknown(custom) => &custom.login_type,
            }
        }
    }

    impl Serialize for LoginType {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            // Each variant's fields plus `type`, as one flat object.
            let fields = match self {
                LoginType::Password | LoginType::ApplicationService => JsonObject::new(),
                LoginType::Token(token) => to_object(token).map_err(serde::ser::Error::custom)?,
                LoginType::Sso(sso) => to_object(sso).map_err(serde::ser::Error::custom)?,
                LoginType::Unknown(custom) => custom.data.clone(),
            };
            let mut object = JsonObject::with_capacity(fields.len() + 1);
            object.extend(fields);
            // After the fields: a `type` among an unknown type's fields must not replace it.
            object.insert(
                "type".to_owned(),
                Value::String(self.login_type().to_owned()),
            );
            object.serialize(serializer)
        }
    }

    fn to_object<T: Serialize>(value: &T) -> Result<JsonObject, serde_json::Error> {
        match serde_json::to_value(value)? {
            Value::Object(object) => Ok(object),
            _ => Ok(JsonObject::new()),
        }
    }

    /// The login types read into typed values; any other is kept whole.
    #[derive(Clone, Copy)]
    enum KnownLoginType {
        Password,
        Token,
        Sso,
        ApplicationService,
    }

    // Every field is kept until the end, where a known type reads the ones it defines: the
    // flows of `GET /login` are few and small.
    /// Reads a [`LoginType`].
    struct LoginTypeReader;

    impl Tagged for LoginTypeReader {
        type Value = LoginType;
        type Kind = KnownLoginType;
        type Fields = ();

        fn kind(login_type: &str) -> Option<KnownLoginType> {
            match login_type {
                "m.login.password" => Some(KnownLoginType::Password),
                "m.login.token" => Some(KnownLoginType::Token),
                "m.login.sso" => Some(KnownLoginType::Sso),
                "m.login.application_service" => Some(KnownLoginType::ApplicationService),
                _ => None,
            }
        }

        fn read_tag<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<Key<'de>>, A::Error> {
            string_tag(map, "`type` of a login flow must be a string").map(Some)
        }

        fn read_field<'de, A: MapAccess<'de>>(
            _: Option<KnownLoginType>,
            _: &str,
            (): &mut (),
            _: &mut A,
        ) -> Result<bool, A::Error> {
            Ok(false)
        }

        fn build<E: de::Error>(
            login_type: Option<Key<'_>>,
            kind: Option<KnownLoginType>,
            (): (),
            data: Kept,
        ) -> Result<Self::Value, E> {
            let data = data.into_object();
            let login_type = login_type.ok_or_else(|| E::missing_field("type"))?;
            Ok(match kind {
                Some(KnownLoginType::Password) => LoginType::Password,
                Some(KnownLoginType::ApplicationService) => LoginType::ApplicationService,
                Some(KnownLoginType::Token) => LoginType::Token(
                    serde_json::from_value(Value::Object(data)).map_err(E::custom)?,
                ),
                Some(KnownLoginType::Sso) => {
                    LoginType::Sso(serde_json::from_value(Value::Object(data)).map_err(E::custom)?)
                }
                None => LoginType::Unknown(CustomLoginType {
                    login_type: login_type.into_owned(),
                    data,
                }),
            })
        }
    }

    impl<'de> Deserialize<'de> for LoginType {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_map(LoginTypeVisitor)
        }
    }

    struct LoginTypeVisitor;

    impl<'de> Visitor<'de> for LoginTypeVisitor {
        type Value = LoginType;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a login flow with a string `type`")
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<LoginType, A::Error> {
            read_tagged::<LoginTypeReader, A>(map)
        }
    }
}
