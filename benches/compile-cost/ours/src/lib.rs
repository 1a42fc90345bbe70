//! Eight client-server endpoints declared with matrix-api's `metadata!`, `#[request]` and
//! `#[response]`, with client and server conversions, for measuring what the macros cost the
//! crate that declares them. `../ruma` declares the same endpoints, field for field, with Ruma's
//! macros.

/// `POST /_matrix/client/*/login/get_token`: a single-use token to log in another device.
pub mod get_login_token {
    use std::time::Duration;

    use matrix_client_api::uiaa::{AuthData, UiaaResponse};
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            unstable("org.matrix.msc3882") => "/_matrix/client/unstable/org.matrix.msc3882/login/get_token",
            1.7 => "/_matrix/client/v1/login/get_token",
        }
    };

    /// The request: User-Interactive Authentication data, once the server asks for it.
    #[request(error = UiaaResponse)]
    #[derive(Default)]
    pub struct Request {
        /// The authentication stage being completed.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub auth: Option<AuthData>,
    }

    /// The response: the token and its lifetime.
    #[response(error = UiaaResponse)]
    pub struct Response {
        /// How long the token is accepted.
        #[serde(with = "ruma_common::serde::duration::ms", rename = "expires_in_ms")]
        pub expires_in: Duration,
        /// The token for an `m.login.token` login.
        #[api(secret)]
        pub login_token: String,
    }

    impl Request {
        /// A request without authentication data.
        pub fn new() -> Self {
            Self::default()
        }
    }

    impl Response {
        /// A response with this lifetime and token.
        pub fn new(expires_in: Duration, login_token: String) -> Self {
            Self {
                expires_in,
                login_token,
            }
        }
    }
}

/// `POST /_matrix/client/*/login`: log in and get an access token.
pub mod login {
    use std::time::Duration;

    use matrix_client_api::session::login::v3::{DiscoveryInfo, LoginInfo};
    use matrix_api::{metadata, request, response, Metadata};
    use ruma_common::{OwnedDeviceId, OwnedServerName, OwnedUserId};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: true,
        authentication: AppserviceTokenOptional,
        history: {
            1.0 => "/_matrix/client/r0/login",
            1.1 => "/_matrix/client/v3/login",
        }
    };

    /// The request: credentials and the device to log in.
    #[request]
    pub struct Request {
        /// The credentials, by login type.
        #[serde(flatten)]
        pub login_info: LoginInfo,
        /// The device to log in as.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub device_id: Option<OwnedDeviceId>,
        /// A display name for a newly created device.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub initial_device_display_name: Option<String>,
        /// Whether the client supports refresh tokens.
        #[serde(default, skip_serializing_if = "ruma_common::serde::is_default")]
        pub refresh_token: bool,
    }

    /// The response: the new session.
    #[response]
    pub struct Response {
        /// The logged-in user.
        pub user_id: OwnedUserId,
        /// The session's access token.
        #[api(secret)]
        pub access_token: String,
        /// The homeserver's name (deprecated in the specification).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub home_server: Option<OwnedServerName>,
        /// The logged-in device.
        pub device_id: OwnedDeviceId,
        /// Client configuration suggested by the server.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub well_known: Option<DiscoveryInfo>,
        /// A refresh token, when the client asked for one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[api(secret)]
        pub refresh_token: Option<String>,
        /// The access token's lifetime; `None` when it does not expire.
        #[serde(
            with = "ruma_common::serde::duration::opt_ms",
            default,
            skip_serializing_if = "Option::is_none",
            rename = "expires_in_ms"
        )]
        pub expires_in: Option<Duration>,
    }

    impl Request {
        /// A request with these credentials.
        pub fn new(login_info: LoginInfo) -> Self {
            Self {
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
            Self {
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
}

/// `GET /_matrix/client/*/account/whoami`: the owner of the access token.
pub mod whoami {
    use matrix_api::{metadata, request, response, Metadata};
    use ruma_common::{OwnedDeviceId, OwnedUserId};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/account/whoami",
            1.1 => "/_matrix/client/v3/account/whoami",
        }
    };

    /// The request: no parameters.
    #[request]
    #[derive(Default)]
    pub struct Request {}

    /// The response: the token's user and device.
    #[response]
    pub struct Response {
        /// The user.
        pub user_id: OwnedUserId,
        /// The device, if the token has one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub device_id: Option<OwnedDeviceId>,
        /// Whether the user is a guest.
        #[serde(default, skip_serializing_if = "ruma_common::serde::is_default")]
        pub is_guest: bool,
    }

    impl Request {
        /// The request.
        pub fn new() -> Self {
            Self {}
        }
    }

    impl Response {
        /// A response for this user and device.
        pub fn new(user_id: OwnedUserId, device_id: Option<OwnedDeviceId>) -> Self {
            Self {
                user_id,
                device_id,
                is_guest: false,
            }
        }
    }
}

/// `POST /_matrix/client/*/logout`: end the session of the access token.
pub mod logout {
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/logout",
            1.1 => "/_matrix/client/v3/logout",
        }
    };

    /// The request: no body at all.
    #[request(body = none)]
    #[derive(Default)]
    pub struct Request {}

    /// The response: an empty object.
    #[response]
    #[derive(Default)]
    pub struct Response {}

    impl Request {
        /// The request.
        pub fn new() -> Self {
            Self {}
        }
    }

    impl Response {
        /// The response.
        pub fn new() -> Self {
            Self {}
        }
    }
}

/// `GET /_matrix/client/*/profile/{user_id}/displayname`: a user's display name.
pub mod get_display_name {
    use matrix_api::{metadata, request, response, Metadata};
    use ruma_common::OwnedUserId;

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: None,
        history: {
            1.0 => "/_matrix/client/r0/profile/{user_id}/displayname",
            1.1 => "/_matrix/client/v3/profile/{user_id}/displayname",
        }
    };

    /// The request: whose display name.
    #[request]
    pub struct Request {
        /// The user.
        #[api(path)]
        pub user_id: OwnedUserId,
    }

    /// The response: the display name, if set.
    #[response]
    #[derive(Default)]
    pub struct Response {
        /// The display name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub displayname: Option<String>,
    }

    impl Request {
        /// A request for this user.
        pub fn new(user_id: OwnedUserId) -> Self {
            Self { user_id }
        }
    }

    impl Response {
        /// A response with this display name.
        pub fn new(displayname: Option<String>) -> Self {
            Self { displayname }
        }
    }
}

/// `PUT /_matrix/client/*/profile/{user_id}/displayname`: set the user's display name.
pub mod set_display_name {
    use matrix_api::{metadata, request, response, Metadata};
    use ruma_common::OwnedUserId;

    const METADATA: Metadata = metadata! {
        method: PUT,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/profile/{user_id}/displayname",
            1.1 => "/_matrix/client/v3/profile/{user_id}/displayname",
        }
    };

    /// The request: the user and the new display name.
    #[request]
    pub struct Request {
        /// The user.
        #[api(path)]
        pub user_id: OwnedUserId,
        /// The new display name; `None` removes it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub displayname: Option<String>,
    }

    /// The response: an empty object.
    #[response]
    #[derive(Default)]
    pub struct Response {}

    impl Request {
        /// A request setting this user's display name.
        pub fn new(user_id: OwnedUserId, displayname: Option<String>) -> Self {
            Self {
                user_id,
                displayname,
            }
        }
    }

    impl Response {
        /// The response.
        pub fn new() -> Self {
            Self {}
        }
    }
}

/// `PUT /_matrix/client/*/rooms/{room_id}/send/{event_type}/{txn_id}`: send a message event.
pub mod send_message_event {
    use matrix_api::{metadata, request, response, Metadata};
    use ruma_common::serde::JsonObject;
    use ruma_common::{OwnedEventId, OwnedRoomId};

    const METADATA: Metadata = metadata! {
        method: PUT,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/rooms/{room_id}/send/{event_type}/{txn_id}",
            1.1 => "/_matrix/client/v3/rooms/{room_id}/send/{event_type}/{txn_id}",
        }
    };

    /// The request: the room, the event type, the transaction ID and the content.
    #[request]
    pub struct Request {
        /// The room.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// The event type, such as `m.room.message`.
        #[api(path)]
        pub event_type: String,
        /// The client's transaction ID, which makes the request idempotent. A `String`, not
        /// `OwnedTransactionId`: path parameters are parsed with `FromStr`, which that type lacks.
        #[api(path)]
        pub txn_id: String,
        /// The event content: the whole body.
        #[api(body)]
        pub body: JsonObject,
    }

    /// The response: the new event's ID.
    #[response]
    pub struct Response {
        /// The event ID.
        pub event_id: OwnedEventId,
    }

    impl Request {
        /// A request sending this content.
        pub fn new(
            room_id: OwnedRoomId,
            event_type: String,
            txn_id: String,
            body: JsonObject,
        ) -> Self {
            Self {
                room_id,
                event_type,
                txn_id,
                body,
            }
        }
    }

    impl Response {
        /// A response with this event ID.
        pub fn new(event_id: OwnedEventId) -> Self {
            Self { event_id }
        }
    }
}

/// `GET /_matrix/client/*/rooms/{room_id}/messages`: a page of a room's timeline.
pub mod get_message_events {
    use matrix_api::{metadata, request, response, Metadata};
    use ruma_common::serde::{JsonObject, Raw};
    use ruma_common::OwnedRoomId;
    use serde::{Deserialize, Serialize};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/rooms/{room_id}/messages",
            1.1 => "/_matrix/client/v3/rooms/{room_id}/messages",
        }
    };

    /// The direction to paginate in.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub enum Direction {
        /// Towards older events (`b`).
        #[default]
        #[serde(rename = "b")]
        Backward,
        /// Towards newer events (`f`).
        #[serde(rename = "f")]
        Forward,
    }

    fn default_limit() -> u32 {
        10
    }

    fn is_default_limit(limit: &u32) -> bool {
        *limit == default_limit()
    }

    /// The request: the room and where and how far to paginate.
    #[request]
    pub struct Request {
        /// The room.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// The token to start from; the end of the timeline in the direction when absent.
        #[api(query)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub from: Option<String>,
        /// The token to stop at.
        #[api(query)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub to: Option<String>,
        /// The direction.
        #[api(query)]
        pub dir: Direction,
        /// The maximum number of events.
        #[api(query)]
        #[serde(default = "default_limit", skip_serializing_if = "is_default_limit")]
        pub limit: u32,
        /// A JSON-encoded `RoomEventFilter`.
        #[api(query)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub filter: Option<String>,
    }

    /// The response: a chunk of events and the tokens around it.
    #[response]
    #[derive(Default)]
    pub struct Response {
        /// The token the chunk starts at.
        pub start: String,
        /// The token to continue from; absent at the end of the timeline.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub end: Option<String>,
        /// The events.
        #[serde(default)]
        pub chunk: Vec<Raw<JsonObject>>,
        /// State events relevant to `chunk` (with lazy-loading of members).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub state: Vec<Raw<JsonObject>>,
    }

    impl Request {
        /// A request for the default number of events from the given end of the timeline.
        pub fn new(room_id: OwnedRoomId, dir: Direction) -> Self {
            Self {
                room_id,
                from: None,
                to: None,
                dir,
                limit: default_limit(),
                filter: None,
            }
        }
    }

    impl Response {
        /// An empty response.
        pub fn new() -> Self {
            Self::default()
        }
    }
}
