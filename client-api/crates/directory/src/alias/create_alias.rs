//! `PUT /_matrix/client/*/directory/room/{roomAlias}`: make a room alias point to a room.
//!
//! The alias must belong to the server asked (its server name after the `:`). An alias that
//! already exists gets `409`; an invalid one `400 M_INVALID_PARAM`.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#put_matrixclientv3directoryroomroomalias>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::{OwnedRoomAliasId, OwnedRoomId};

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: PUT,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/directory/room/{room_alias}",
            1.1 => "/_matrix/client/v3/directory/room/{room_alias}",
        }
    };

    /// The request: the alias, and the room it names.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The alias to create; percent-encoded in the path, as its `#` and `:` must be.
        #[api(path)]
        pub room_alias: OwnedRoomAliasId,
        /// The room the alias names.
        pub room_id: OwnedRoomId,
    }

    /// The response: empty on success.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {}

    impl Request {
        /// A request making `room_alias` name `room_id`.
        pub fn new(room_alias: OwnedRoomAliasId, room_id: OwnedRoomId) -> Self {
            Request {
                room_alias,
                room_id,
            }
        }
    }

    impl Response {
        /// The empty response.
        pub fn new() -> Self {
            Response {}
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::{IncomingRequest, OutgoingRequest, SendAccessToken, SupportedVersions};

        use super::Request;

        #[test]
        fn the_alias_is_percent_encoded_in_the_path_and_read_back() {
            let request = Request::new(
                "#monkeys:matrix.org".try_into().unwrap(),
                "!abnjk1jdasj98:capuchins.com".try_into().unwrap(),
            );
            let sent = request
                .clone()
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[matrix_api::MatrixVersion::V1_1]),
                )
                .unwrap();
            assert_eq!(
                sent.uri().path(),
                "/_matrix/client/v3/directory/room/%23monkeys%3Amatrix.org"
            );
            assert_eq!(
                sent.body(),
                br#"{"room_id":"!abnjk1jdasj98:capuchins.com"}"#
            );
            assert_eq!(
                Request::try_from_http_request(sent, &[] as &[&str]).unwrap(),
                request
            );
        }
    }
}
