//! `GET /_matrix/client/*/rooms/{roomId}/members`: the `m.room.member` events of a room.
//!
//! The current members while the user is in the room, the members when they left otherwise;
//! `at` asks for the members at a point of the timeline (a `prev_batch` token of `/sync`).
//! `membership` and `not_membership` filter by membership; given both, an event matches either.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3roomsroomidmembers>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::serde::{JsonObject, Raw};
    use ruma_common::OwnedRoomId;

    use crate::string_enum::string_enum;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/rooms/{room_id}/members",
            1.1 => "/_matrix/client/v3/rooms/{room_id}/members",
        }
    };

    /// The request: the room, a point in time and the memberships wanted.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The room whose members to list.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// The pagination token of the point in time to list members at; the current state
        /// when absent.
        #[api(query)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub at: Option<String>,
        /// Only members with this membership.
        #[api(query, json = string)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub membership: Option<MembershipKind>,
        /// Only members without this membership.
        #[api(query, json = string)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub not_membership: Option<MembershipKind>,
    }

    /// The response: the member events.
    #[response]
    #[derive(Default)]
    pub struct Response {
        /// The `m.room.member` events, as the server sent them. Absent is read as empty.
        #[serde(default)]
        pub chunk: Vec<Raw<JsonObject>>,
    }

    string_enum! {
        /// A membership to filter members by.
        pub enum MembershipKind {
            /// Joined.
            Join => "join",
            /// Invited.
            Invite => "invite",
            /// Asking to join.
            Knock => "knock",
            /// Left, rejected an invite or was kicked.
            Leave => "leave",
            /// Banned.
            Ban => "ban",
        }
    }

    impl Request {
        /// A request for the current members of this room, unfiltered.
        pub fn new(room_id: OwnedRoomId) -> Self {
            Request {
                room_id,
                at: None,
                membership: None,
                not_membership: None,
            }
        }
    }

    impl Response {
        /// A response with these events.
        pub fn new(chunk: Vec<Raw<JsonObject>>) -> Self {
            Response { chunk }
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::SupportedVersions;
        use matrix_api::{IncomingRequest, MatrixVersion, OutgoingRequest, SendAccessToken};

        use super::{MembershipKind, Request};

        #[test]
        fn memberships_are_query_strings_and_unknown_ones_are_kept() {
            let mut request = Request::new("!r:hs".try_into().unwrap());
            request.membership = Some(MembershipKind::Join);
            request.not_membership = Some(MembershipKind::from("org.example.gone"));
            request.at = Some("t 1".to_owned());
            let sent = request
                .clone()
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[MatrixVersion::V1_1]),
                )
                .unwrap();
            assert_eq!(
                sent.uri().path_and_query().unwrap(),
                "/_matrix/client/v3/rooms/%21r%3Ahs/members\
                 ?at=t+1&membership=join&not_membership=org.example.gone",
            );
            let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
            assert_eq!(read, request);
        }
    }
}
