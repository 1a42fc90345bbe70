//! `POST /_matrix/client/*/login/get_token`: a login token for signing in another device.
//!
//! A user logged in on one device asks for a short-lived, single-use token and hands it to a
//! second device, which logs in with `m.login.token`. The server protects the call with
//! User-Interactive Authentication and rate-limits it strictly.
//!
//! The endpoint had three generations, all declared here so that one client reaches every
//! server that has it ([MSC3882](https://github.com/matrix-org/matrix-spec-proposals/pull/3882)):
//!
//! | generation | path | announced by | lifetime field |
//! | --- | --- | --- | --- |
//! | revision 0 (Synapse 1.69–1.85) | `…/unstable/org.matrix.msc3882/login/token` | `org.matrix.msc3882` in `/versions`' `unstable_features` | `expires_in` (seconds) |
//! | revision 1 | `…/unstable/org.matrix.msc3882/login/get_token` | the capability `org.matrix.msc3882.get_login_token` | `expires_in_ms` |
//! | stable (Matrix v1.7) | `/_matrix/client/v1/login/get_token` | v1.7, gated by the capability `m.get_login_token` | `expires_in_ms` |
//!
//! The capability gates the stable path: a server that lists it disabled, or does not list
//! it, is not called ([`Metadata::decide`](matrix_api::Metadata::decide) refuses with
//! [`EndpointNotAvailable`](matrix_api::IntoHttpError::EndpointNotAvailable)). The response
//! reads either lifetime field and writes `expires_in_ms`.
//!
//! The documentation of [`v1::Request`] lists the method, authentication and paths, written
//! from the declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv1loginget_token>

pub mod v1 {
    //! The v1 generation of the endpoint (stable since Matrix v1.7).

    use std::time::Duration;

    use crate::uiaa::{AuthData, UiaaResponse};
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: true,
        authentication: AccessToken,
        capability: "m.get_login_token",
        history: {
            unstable("org.matrix.msc3882") => "/_matrix/client/unstable/org.matrix.msc3882/login/token",
            unstable("org.matrix.msc3882.get_login_token") => "/_matrix/client/unstable/org.matrix.msc3882/login/get_token",
            1.7 => "/_matrix/client/v1/login/get_token",
        }
    };

    /// The request: only the User-Interactive Authentication data, once the server asks for it.
    #[request(error = UiaaResponse)]
    #[derive(PartialEq, Eq, Default)]
    pub struct Request {
        /// Authentication for the current stage; absent on the first call, which the server
        /// answers with the stages to complete.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub auth: Option<AuthData>,
    }

    /// The response: the login token and how long it stays valid.
    #[response(error = UiaaResponse)]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// How long the token stays valid: `expires_in_ms` on the wire, or revision 0's
        /// `expires_in` in seconds.
        #[serde(flatten, with = "expiry")]
        pub expires_in: Duration,
        /// The single-use login token.
        #[api(secret)]
        pub login_token: String,
    }

    impl Request {
        /// A first request, without authentication data.
        pub fn new() -> Self {
            Request::default()
        }
    }

    impl Response {
        /// The lifetime the specification recommends when the server has no other preference.
        pub const DEFAULT_EXPIRATION: Duration = Duration::from_secs(2 * 60);

        /// A response with this lifetime and token.
        pub fn new(expires_in: Duration, login_token: String) -> Self {
            Response {
                expires_in,
                login_token,
            }
        }

        /// A response with the default lifetime of two minutes.
        pub fn with_default_expiration_duration(login_token: String) -> Self {
            Response::new(Self::DEFAULT_EXPIRATION, login_token)
        }
    }

    /// The token's lifetime: `expires_in_ms`, or revision 0's `expires_in` in whole seconds
    /// (when both are sent, `expires_in_ms`); always written as `expires_in_ms`.
    mod expiry {
        use std::time::Duration;

        use std::fmt;

        use matrix_api::json::{error_in_field, Key};
        use matrix_api::UInt;
        use serde::de::{self, IgnoredAny, MapAccess, Visitor};
        use serde::{Deserializer, Serialize, Serializer};

        #[derive(Serialize)]
        struct Written {
            expires_in_ms: UInt,
        }

        pub fn serialize<S: Serializer>(lifetime: &Duration, out: S) -> Result<S::Ok, S::Error> {
            let millis = UInt::try_from(lifetime.as_millis()).map_err(|_| {
                serde::ser::Error::custom(format!(
                    "field `expires_in_ms`: {lifetime:?} is more milliseconds than JSON carries \
                     exactly (2^53 - 1)"
                ))
            })?;
            Written {
                expires_in_ms: millis,
            }
            .serialize(out)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(input: D) -> Result<Duration, D::Error> {
            input.deserialize_map(Lifetime)
        }

        /// Reads the two fields among the others the flattened object holds. Serde reports a
        /// flattened field's errors at the end of the object, so each error names its field.
        struct Lifetime;

        impl<'de> Visitor<'de> for Lifetime {
            type Value = Duration;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object with `expires_in_ms`")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Duration, A::Error> {
                let (mut millis, mut seconds) = (None, None);
                // `Key` borrows the name from the input; a `Cow<str>` would allocate every one.
                while let Some(key) = map.next_key::<Key<'de>>()? {
                    let (slot, field) = match key.as_str() {
                        "expires_in_ms" => (&mut millis, "expires_in_ms"),
                        "expires_in" => (&mut seconds, "expires_in"),
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                            continue;
                        }
                    };
                    if slot.is_some() {
                        return Err(de::Error::duplicate_field(field));
                    }
                    let value: UInt = map.next_value().map_err(|e| error_in_field(field, e))?;
                    *slot = Some(u64::from(value));
                }
                match (millis, seconds) {
                    (Some(millis), _) => Ok(Duration::from_millis(millis)),
                    (None, Some(seconds)) => Ok(Duration::from_secs(seconds)),
                    (None, None) => Err(de::Error::missing_field("expires_in_ms")),
                }
            }
        }

        matrix_api::with_describe! {
            use matrix_api::describe::{FieldDescription, JsonType};

            /// The field as the stable endpoint writes it.
            pub const FIELDS: &[FieldDescription] =
                &[FieldDescription::body("expires_in_ms", JsonType::Integer, true)];
        }
    }
}
