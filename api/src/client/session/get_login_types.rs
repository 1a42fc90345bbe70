//! `GET /_matrix/client/*/login`: the login types the homeserver supports.
//!
//! A client asks before logging in, then picks one of the returned types as the `type` of
//! `POST /login`. Since v1.7 an `m.login.token` entry may say whether the server also offers
//! `POST /login/get_token`.
//!
//! | versions | path |
//! | --- | --- |
//! | v1.0 (r0) | `/_matrix/client/r0/login` |
//! | v1.1 and later | `/_matrix/client/v3/login` |
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3login>

pub mod v3 {
    //! The v3 generation of the endpoint (and its r0 predecessor).

    use ruma_common::serde::JsonObject;
    use ruma_common::OwnedMxcUri;
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use serde_json::Value;

    use crate::json::ExactObject;
    use crate::{metadata, request, response, Metadata};

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

    impl<'de> Deserialize<'de> for LoginType {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let ExactObject(mut object) = ExactObject::deserialize(deserializer)?;
            let login_type = match object.remove("type") {
                Some(Value::String(login_type)) => login_type,
                Some(_) => return Err(D::Error::custom("`type` of a login flow must be a string")),
                None => return Err(D::Error::missing_field("type")),
            };
            let rest = Value::Object(object);
            Ok(match login_type.as_str() {
                "m.login.password" => LoginType::Password,
                "m.login.application_service" => LoginType::ApplicationService,
                "m.login.token" => {
                    LoginType::Token(serde_json::from_value(rest).map_err(D::Error::custom)?)
                }
                "m.login.sso" => {
                    LoginType::Sso(serde_json::from_value(rest).map_err(D::Error::custom)?)
                }
                _ => {
                    let Value::Object(data) = rest else {
                        unreachable!("built as an object")
                    };
                    LoginType::Unknown(CustomLoginType { login_type, data })
                }
            })
        }
    }
}
