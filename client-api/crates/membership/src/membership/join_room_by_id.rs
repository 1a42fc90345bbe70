//! `POST /_matrix/client/*/rooms/{roomId}/join`: join a room whose ID the client knows.
//!
//! The server joins the user if the room's rules allow it (an invite, a public or restricted
//! room), over federation when it is not in the room yet. A room known only by alias is joined
//! with [`join_room_by_id_or_alias`](super::join_room_by_id_or_alias).
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3roomsroomidjoin>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::OwnedRoomId;

    use crate::membership::ThirdPartySigned;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/rooms/{room_id}/join",
            1.1 => "/_matrix/client/v3/rooms/{room_id}/join",
        }
    };

    /// The request: the room, and optionally the proof of a third-party invite.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The room to join.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// A signed third-party invite that the server checks against the room's pending
        /// `m.room.third_party_invite`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub third_party_signed: Option<ThirdPartySigned>,
        /// The reason put on the membership event (since Matrix v1.1).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub reason: Option<String>,
    }

    /// The response: the room joined.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The ID of the joined room.
        pub room_id: OwnedRoomId,
    }

    impl Request {
        /// A request to join this room, without a third-party invite or reason.
        pub fn new(room_id: OwnedRoomId) -> Self {
            Request {
                room_id,
                third_party_signed: None,
                reason: None,
            }
        }
    }

    impl Response {
        /// A response for this room.
        pub fn new(room_id: OwnedRoomId) -> Self {
            Response { room_id }
        }
    }

    #[cfg(test)]
    mod tests {
        use std::collections::BTreeMap;

        use matrix_api::SupportedVersions;
        use matrix_api::{IncomingRequest, MatrixVersion, OutgoingRequest, SendAccessToken};
        use serde_json::json;

        use super::{Request, ThirdPartySigned};

        #[test]
        fn third_party_proof_and_reason_round_trip() {
            let mut request = Request::new("!d41d8cd:matrix.org".try_into().unwrap());
            request.reason = Some("Looking for support".to_owned());
            request.third_party_signed = Some(ThirdPartySigned::new(
                "@alice:example.org".try_into().unwrap(),
                "@bob:example.org".try_into().unwrap(),
                "random8nonce".to_owned(),
                BTreeMap::from([(
                    "example.org".try_into().unwrap(),
                    BTreeMap::from([("ed25519:0".to_owned(), "some9signature".to_owned())]),
                )]),
            ));
            let sent = request
                .clone()
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[MatrixVersion::V1_0]),
                )
                .unwrap();
            assert_eq!(
                sent.uri().path(),
                "/_matrix/client/r0/rooms/%21d41d8cd%3Amatrix.org/join"
            );
            let body: serde_json::Value = serde_json::from_slice(sent.body()).unwrap();
            assert_eq!(
                body,
                json!({
                    "third_party_signed": {
                        "sender": "@alice:example.org",
                        "mxid": "@bob:example.org",
                        "token": "random8nonce",
                        "signatures": { "example.org": { "ed25519:0": "some9signature" } },
                    },
                    "reason": "Looking for support",
                })
            );
            assert_eq!(
                Request::try_from_http_request(sent, &[] as &[&str]).unwrap(),
                request
            );
        }
    }
}
