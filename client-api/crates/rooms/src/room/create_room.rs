//! `POST /_matrix/client/*/createRoom`: create a room, with its first state and invitations in
//! one call.
//!
//! The server sends the `m.room.create` event (with `creation_content`), the creator's join,
//! the power levels (with `power_level_content_override` applied), the canonical alias for
//! `room_alias_name`, the events of the `preset`, then `initial_state`, `name` and `topic`, and
//! finally the invitations. Event contents travel as raw JSON, exactly as given.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v3::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3createroom>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::serde::{JsonObject, Raw};
    use ruma_common::{OwnedRoomId, OwnedUserId, RoomVersionId};
    use serde::{Deserialize, Serialize};

    use crate::string_enum::string_enum;
    use matrix_api::{metadata, request, response, Metadata};

    /// The directory's [`Visibility`], for the new room.
    pub use crate::directory::Visibility;
    /// The invitation's [`Invite3pid`].
    pub use crate::membership::invite_user::v3::Invite3pid;

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/createRoom",
            1.1 => "/_matrix/client/v3/createRoom",
        }
    };

    /// The request: the new room's configuration; every field is optional.
    #[request]
    #[derive(Default)]
    pub struct Request {
        /// Extra keys of the `m.room.create` event's content, such as `m.federate` or
        /// `type`; the server overwrites `creator` and `room_version`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub creation_content: Option<Raw<JsonObject>>,
        /// State events to send after those of the preset, in this order; `name` and
        /// `topic` override theirs.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub initial_state: Vec<Raw<InitialStateEvent>>,
        /// Users to invite.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub invite: Vec<OwnedUserId>,
        /// Third-party identifiers to invite, through an identity server.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub invite_3pid: Vec<Invite3pid>,
        /// Whether the invitations mark the room as a direct chat (`is_direct` on the
        /// invitees' `m.room.member` events).
        #[serde(default, skip_serializing_if = "ruma_common::serde::is_default")]
        pub is_direct: bool,
        /// The room's name, sent as an `m.room.name` event.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub name: Option<String>,
        /// Applied on top of the default `m.room.power_levels` content before it is sent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub power_level_content_override: Option<Raw<JsonObject>>,
        /// A set of state defaults; absent, the server derives it from `visibility`.
        #[api(json = string)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub preset: Option<RoomPreset>,
        /// The local part of an alias to create on this server, which becomes the canonical
        /// alias: `foo` for `#foo:example.org`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub room_alias_name: Option<String>,
        /// The room version; absent, the server's default. An unsupported one is refused with
        /// `400 M_UNSUPPORTED_ROOM_VERSION`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub room_version: Option<RoomVersionId>,
        /// The room's topic, sent as an `m.room.topic` event.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub topic: Option<String>,
        /// Whether the room is listed in the server's published room directory; absent means
        /// `private`.
        #[api(json = string)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub visibility: Option<Visibility>,
    }

    /// The response: the new room.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The new room's ID.
        pub room_id: OwnedRoomId,
    }

    impl Request {
        /// A request with the server's defaults for everything.
        pub fn new() -> Self {
            Request::default()
        }
    }

    impl Response {
        /// The response for this room.
        pub fn new(room_id: OwnedRoomId) -> Self {
            Response { room_id }
        }
    }

    string_enum! {
        /// A preset of `createRoom`: the join rules, history visibility and guest access the
        /// room starts with.
        pub enum RoomPreset {
            /// Invitation only; guests may join.
            PrivateChat => "private_chat",
            /// Anyone may join; no guests.
            PublicChat => "public_chat",
            /// As `private_chat`, and every invitee gets the creator's power level.
            TrustedPrivateChat => "trusted_private_chat",
        }
    }

    /// One event of `initial_state`: held as [`Raw`] in the request, so that a server reads
    /// exactly what the client wrote; [`Raw::deserialize`] gives this view.
    #[derive(Clone, Debug, Serialize, Deserialize)]
    pub struct InitialStateEvent {
        /// The event type, such as `m.room.join_rules`.
        #[serde(rename = "type")]
        pub event_type: String,
        /// The state key; absent on the wire means the empty string.
        #[serde(default)]
        pub state_key: String,
        /// The event's content.
        pub content: Raw<JsonObject>,
    }

    impl InitialStateEvent {
        /// An event with this type, state key and content.
        pub fn new(event_type: String, state_key: String, content: Raw<JsonObject>) -> Self {
            InitialStateEvent {
                event_type,
                state_key,
                content,
            }
        }

        /// The event as an entry of [`Request::initial_state`].
        pub fn to_raw(&self) -> Raw<InitialStateEvent> {
            Raw::new(self).expect("a string-keyed struct of strings and JSON serialises")
        }
    }
}

#[cfg(test)]
mod tests {
    use matrix_api::SupportedVersions;
    use matrix_api::{IncomingRequest, MatrixVersion, OutgoingRequest, SendAccessToken};
    use ruma_common::serde::Raw;
    use serde_json::{json, Value};

    use super::v3::{InitialStateEvent, Request, RoomPreset, Visibility};

    #[test]
    fn contents_travel_verbatim_and_unknown_strings_are_kept() {
        // Key order and a number of many digits survive: the contents are raw JSON.
        let body = r#"{"creation_content":{"m.federate":false,"type":"m.space"},"initial_state":[{"type":"m.room.join_rules","content":{"join_rule":"knock","z":1.50}}],"preset":"org.example.preset","visibility":"public"}"#;
        let request = matrix_api::http::Request::post("/_matrix/client/v3/createRoom")
            .header("authorization", "Bearer t")
            .body(body.as_bytes().to_vec())
            .unwrap();
        let read = Request::try_from_http_request(request, &[] as &[&str]).unwrap();
        assert_eq!(read.visibility, Some(Visibility::Public));
        assert_eq!(read.preset.as_ref().unwrap().as_str(), "org.example.preset");
        let event = read.initial_state[0].deserialize().unwrap();
        assert_eq!(
            (event.event_type.as_str(), event.state_key.as_str()),
            ("m.room.join_rules", "")
        );
        let sent = read
            .try_into_http_request(
                "https://hs",
                SendAccessToken::IfRequired("t"),
                &SupportedVersions::from_versions(&[MatrixVersion::V1_1]),
            )
            .unwrap();
        assert_eq!(std::str::from_utf8(sent.body()).unwrap(), body);
    }

    #[test]
    fn an_empty_request_is_an_empty_object() {
        let mut request = Request::new();
        let content = Raw::new(
            &json!({ "join_rule": "public" })
                .as_object()
                .unwrap()
                .clone(),
        )
        .unwrap();
        let sent = request
            .clone()
            .try_into_http_request(
                "https://hs",
                SendAccessToken::IfRequired("t"),
                &SupportedVersions::from_versions(&[MatrixVersion::V1_0]),
            )
            .unwrap();
        assert_eq!(sent.uri().path(), "/_matrix/client/r0/createRoom");
        assert_eq!(sent.body(), b"{}");
        request.preset = Some(RoomPreset::TrustedPrivateChat);
        request.initial_state =
            vec![
                InitialStateEvent::new("m.room.join_rules".to_owned(), String::new(), content)
                    .to_raw(),
            ];
        let sent = request
            .try_into_http_request(
                "https://hs",
                SendAccessToken::IfRequired("t"),
                &SupportedVersions::from_versions(&[MatrixVersion::V1_1]),
            )
            .unwrap();
        let body: Value = serde_json::from_slice(sent.body()).unwrap();
        assert_eq!(
            body,
            json!({
                "initial_state": [{ "type": "m.room.join_rules", "state_key": "", "content": { "join_rule": "public" } }],
                "preset": "trusted_private_chat",
            })
        );
    }
}
