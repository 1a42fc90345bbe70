//! `GET /_matrix/client/v1/rooms/{roomId}/hierarchy`: walk the tree of rooms below a space.
//!
//! The server pages depth-first through the space's `m.space.child` rooms (asking other
//! servers about rooms it does not know), returning for each room its summary and, for a
//! space, its child events. `max_depth` and `suggested_only` are fixed by the first page.
//!
//! Stable since Matrix v1.2 ([MSC2946](https://github.com/matrix-org/matrix-spec-proposals/pull/2946));
//! servers before it (Synapse from 1.41) served it at
//! `/_matrix/client/unstable/org.matrix.msc2946/rooms/{roomId}/hierarchy`, without announcing
//! it reliably, so the client uses that path on any server without v1.2.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv1roomsroomidhierarchy>

pub mod v1 {
    //! The v1 generation of the endpoint (stable since Matrix v1.2).

    use matrix_api::UInt;
    use ruma_common::room::{JoinRuleKind, RoomType};
    use ruma_common::serde::{JsonObject, Raw};
    use ruma_common::{
        EventEncryptionAlgorithm, OwnedMxcUri, OwnedRoomAliasId, OwnedRoomId, RoomVersionId,
    };
    use serde::{Deserialize, Serialize};

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            unstable => "/_matrix/client/unstable/org.matrix.msc2946/rooms/{room_id}/hierarchy",
            1.2 => "/_matrix/client/v1/rooms/{room_id}/hierarchy",
        }
    };

    /// The request: the space, where to continue, and how far to go.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The space at the top of the tree.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// The `next_batch` of the previous page; the first page when absent.
        #[api(query)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub from: Option<String>,
        /// The most rooms in one page (greater than zero); the server's default when absent.
        #[api(query)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub limit: Option<UInt>,
        /// How deep below the space to go; the server's default when absent.
        #[api(query)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub max_depth: Option<UInt>,
        /// Whether to follow only the children their space marks `suggested`.
        #[api(query)]
        #[serde(default, skip_serializing_if = "ruma_common::serde::is_default")]
        pub suggested_only: bool,
    }

    /// The response: one page of rooms.
    #[response]
    pub struct Response {
        /// The token for the next page; absent on the last.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub next_batch: Option<String>,
        /// The rooms of this page, the space itself first on the first page.
        pub rooms: Vec<SpaceHierarchyRoomsChunk>,
    }

    /// One room of the tree: its summary and, for a space, its children.
    #[derive(Clone, Debug, Serialize, Deserialize)]
    pub struct SpaceHierarchyRoomsChunk {
        /// The room's canonical alias.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub canonical_alias: Option<OwnedRoomAliasId>,
        /// The room's name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub name: Option<String>,
        /// How many members are joined.
        pub num_joined_members: UInt,
        /// The room.
        pub room_id: OwnedRoomId,
        /// The room's plain-text topic.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub topic: Option<String>,
        /// Whether users who have not joined may read the room.
        pub world_readable: bool,
        /// Whether guests may join.
        pub guest_can_join: bool,
        /// The room's avatar.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub avatar_url: Option<OwnedMxcUri>,
        /// The room's join rule; absent means `public`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub join_rule: Option<JoinRuleKind>,
        /// The room's type from its creation event, `m.space` for a space (Matrix v1.4).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub room_type: Option<RoomType>,
        /// The rooms whose members may join this restricted room (Matrix v1.15).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub allowed_room_ids: Option<Vec<OwnedRoomId>>,
        /// The room's encryption algorithm, if encrypted (Matrix v1.15).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub encryption: Option<EventEncryptionAlgorithm>,
        /// The room's version (Matrix v1.15).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub room_version: Option<RoomVersionId>,
        /// The space's `m.space.child` events as stripped state with `origin_server_ts`; empty
        /// for a room that is not a space.
        pub children_state: Vec<Raw<JsonObject>>,
    }

    impl Request {
        /// A request for the first page below this space, with the server's defaults.
        pub fn new(room_id: OwnedRoomId) -> Self {
            Request {
                room_id,
                from: None,
                limit: None,
                max_depth: None,
                suggested_only: false,
            }
        }
    }

    impl Response {
        /// A last page with these rooms.
        pub fn new(rooms: Vec<SpaceHierarchyRoomsChunk>) -> Self {
            Response {
                next_batch: None,
                rooms,
            }
        }
    }

    impl SpaceHierarchyRoomsChunk {
        /// A room with its required fields, and no summary or children beyond them.
        pub fn new(
            room_id: OwnedRoomId,
            num_joined_members: UInt,
            world_readable: bool,
            guest_can_join: bool,
        ) -> Self {
            SpaceHierarchyRoomsChunk {
                canonical_alias: None,
                name: None,
                num_joined_members,
                room_id,
                topic: None,
                world_readable,
                guest_can_join,
                avatar_url: None,
                join_rule: None,
                room_type: None,
                allowed_room_ids: None,
                encryption: None,
                room_version: None,
                children_state: Vec::new(),
            }
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::{IncomingRequest, MatrixVersion, OutgoingRequest, SendAccessToken};
        use matrix_api::{SupportedVersions, UInt};

        use super::{JoinRuleKind, Request, Response, RoomType};

        fn send(
            request: Request,
            versions: &[MatrixVersion],
        ) -> matrix_api::http::Request<Vec<u8>> {
            request
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(versions),
                )
                .unwrap()
        }

        #[test]
        fn query_round_trips_and_old_servers_get_the_msc_path() {
            let mut request = Request::new("!space:hs".try_into().unwrap());
            request.from = Some("next".to_owned());
            request.limit = Some(UInt::from(20u32));
            request.max_depth = Some(UInt::from(5u32));
            request.suggested_only = true;
            let sent = send(request.clone(), &[MatrixVersion::V1_2]);
            assert_eq!(
                sent.uri().path_and_query().unwrap(),
                "/_matrix/client/v1/rooms/%21space%3Ahs/hierarchy\
                 ?from=next&limit=20&max_depth=5&suggested_only=true",
            );
            assert_eq!(
                Request::try_from_http_request(sent, &[] as &[&str]).unwrap(),
                request
            );
            let old = send(
                Request::new("!space:hs".try_into().unwrap()),
                &[MatrixVersion::V1_1],
            );
            assert_eq!(
                old.uri().path_and_query().unwrap(),
                "/_matrix/client/unstable/org.matrix.msc2946/rooms/%21space%3Ahs/hierarchy",
            );
        }

        #[test]
        fn rooms_read_and_write_back_unchanged() {
            use matrix_api::{IncomingResponse, OutgoingResponse};

            let body = r#"{"next_batch":"n","rooms":[{"name":"S","num_joined_members":42,"room_id":"!space:example.org","world_readable":true,"guest_can_join":false,"join_rule":"org.example.rule","room_type":"m.space","children_state":[{"type":"m.space.child","state_key":"!a:example.org","content":{"via":["example.org"]},"sender":"@alice:example.org","origin_server_ts":1629413349153}]}]}"#;
            let answer = matrix_api::http::Response::builder()
                .status(200)
                .body(body.as_bytes().to_vec())
                .unwrap();
            let read = Response::try_from_http_response(answer).unwrap();
            let room = &read.rooms[0];
            assert_eq!(room.room_type, Some(RoomType::Space));
            assert_eq!(
                room.join_rule.as_ref().map(JoinRuleKind::as_str),
                Some("org.example.rule")
            );
            assert_eq!(room.children_state.len(), 1);
            let written = read.clone().try_into_http_response().unwrap();
            assert_eq!(std::str::from_utf8(written.body()).unwrap(), body);
            // Read back, it is written again as the same bytes.
            let again = Response::try_from_http_response(written)
                .unwrap()
                .try_into_http_response()
                .unwrap();
            assert_eq!(again.body(), body.as_bytes());
        }
    }
}
