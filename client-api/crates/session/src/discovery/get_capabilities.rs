//! `GET /_matrix/client/*/capabilities`: what the logged-in user may do on this server.
//!
//! Unlike `/versions`, which describes the server, capabilities may differ from user to user
//! (one may change their password, another may not), so the call needs an access token. Each
//! capability is a JSON object under a namespaced key. The two this crate reads
//! ([`change_password`](v3::Capabilities::change_password) and
//! [`get_login_token`](v3::Capabilities::get_login_token)) are typed; every other one is kept
//! as raw JSON in [`other`](v3::Capabilities::other), so nothing the server sent is lost when a
//! response is read and sent on.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v3::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3capabilities>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use std::collections::BTreeMap;
    use std::fmt;

    use serde::de::{MapAccess, Visitor};
    use serde::ser::SerializeMap;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use serde_json::Value;

    use matrix_api::json::{read_object, Slot};
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/capabilities",
            1.1 => "/_matrix/client/v3/capabilities",
        }
    };

    /// The request: it has no parameters; the access token says whose capabilities to list.
    #[request]
    #[derive(PartialEq, Eq, Default)]
    pub struct Request {}

    /// The response: the user's capabilities.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// Every capability the server announced.
        pub capabilities: Capabilities,
    }

    impl Request {
        /// The request; it has nothing to fill in.
        pub fn new() -> Self {
            Request {}
        }
    }

    impl Response {
        /// A response with these capabilities.
        pub fn new(capabilities: Capabilities) -> Self {
            Response { capabilities }
        }
    }

    /// The `capabilities` object: typed fields for the capabilities this crate reads, and the
    /// rest as the server sent them.
    ///
    /// On the wire this is one flat JSON object keyed by capability name. A key of a typed field
    /// is always read into that field, and on writing only the typed field counts: an entry
    /// under `m.change_password` or `m.get_login_token` in [`other`](Self::other) is not
    /// written, so the object never carries the same key twice.
    #[derive(Clone, Debug, Default, PartialEq, Eq)]
    pub struct Capabilities {
        /// `m.change_password`: whether the user may change their password. The specification
        /// tells clients to assume they may when the server does not say.
        pub change_password: Option<ChangePasswordCapability>,
        /// `m.get_login_token`: whether the user may ask for a token to log in another device
        /// (`POST /login/get_token`). The specification tells clients to assume they may not
        /// when the server does not say.
        pub get_login_token: Option<GetLoginTokenCapability>,
        /// Every other capability by name, such as `m.room_versions`, `m.set_displayname` or a
        /// server's own `com.example.*`, as raw JSON so it re-serialises unchanged.
        pub other: BTreeMap<String, Value>,
    }

    impl Capabilities {
        /// No capabilities announced.
        pub fn new() -> Self {
            Capabilities::default()
        }
    }

    /// The `m.change_password` capability.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub struct ChangePasswordCapability {
        /// Whether the user may change their password.
        pub enabled: bool,
    }

    impl ChangePasswordCapability {
        /// The capability with this setting.
        pub fn new(enabled: bool) -> Self {
            ChangePasswordCapability { enabled }
        }
    }

    /// The `m.get_login_token` capability.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub struct GetLoginTokenCapability {
        /// Whether the user may generate login tokens for other devices.
        pub enabled: bool,
    }

    impl GetLoginTokenCapability {
        /// The capability with this setting.
        pub fn new(enabled: bool) -> Self {
            GetLoginTokenCapability { enabled }
        }
    }

    impl Capabilities {
        /// Every capability with an `enabled` flag, by name: the typed ones and any other
        /// that has one (such as revision 1 of MSC3882's `org.matrix.msc3882.get_login_token`).
        pub fn enabled_flags(&self) -> impl Iterator<Item = (&str, bool)> + '_ {
            let typed = [
                (CHANGE_PASSWORD, self.change_password.map(|c| c.enabled)),
                (GET_LOGIN_TOKEN, self.get_login_token.map(|c| c.enabled)),
            ]
            .into_iter()
            .filter_map(|(name, enabled)| Some((name, enabled?)));
            let other = self.other.iter().filter_map(|(name, value)| {
                let enabled = value.as_object()?.get("enabled")?.as_bool()?;
                Some((name.as_str(), enabled))
            });
            typed.chain(other)
        }
    }

    impl matrix_api::selection::ServerSignal for Response {
        /// Every capability with an `enabled` flag; the view then takes any capability this
        /// answer leaves out as not offered.
        fn teach(&self, view: &mut matrix_api::selection::ServerView) {
            let flags = self.capabilities.enabled_flags();
            view.learn_capabilities(flags.map(|(name, on)| (name.to_owned(), on)));
        }
    }

    const CHANGE_PASSWORD: &str = "m.change_password";
    const GET_LOGIN_TOKEN: &str = "m.get_login_token";

    // Written by hand rather than with `#[serde(flatten)]`: flattening a map next to typed
    // fields would write a typed key twice whenever `other` also holds it.
    impl Serialize for Capabilities {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(None)?;
            if let Some(change_password) = &self.change_password {
                map.serialize_entry(CHANGE_PASSWORD, change_password)?;
            }
            if let Some(get_login_token) = &self.get_login_token {
                map.serialize_entry(GET_LOGIN_TOKEN, get_login_token)?;
            }
            for (name, value) in &self.other {
                if name != CHANGE_PASSWORD && name != GET_LOGIN_TOKEN {
                    map.serialize_entry(name, value)?;
                }
            }
            map.end()
        }
    }

    impl<'de> Deserialize<'de> for Capabilities {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_map(CapabilitiesVisitor)
        }
    }

    struct CapabilitiesVisitor;

    impl<'de> Visitor<'de> for CapabilitiesVisitor {
        type Value = Capabilities;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a JSON object of capabilities")
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Capabilities, A::Error> {
            let mut change_password = Slot::default();
            let mut get_login_token = Slot::default();
            let other = read_object(map, |name, map| {
                match name {
                    CHANGE_PASSWORD => change_password.read(map, name)?,
                    GET_LOGIN_TOKEN => get_login_token.read(map, name)?,
                    _ => return Ok(false),
                }
                Ok(true)
            })?;
            Ok(Capabilities {
                change_password: change_password.into_inner().flatten(),
                get_login_token: get_login_token.into_inner().flatten(),
                other: other.into_iter().collect(),
            })
        }
    }
}
