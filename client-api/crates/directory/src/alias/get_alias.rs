//! `GET /_matrix/client/*/directory/room/{roomAlias}`: resolve a room alias to its room.
//!
//! No access token is needed. For an alias of another server, the server asked resolves it
//! over federation. The answer lists servers that know the alias, which a client can pass as
//! `via` when it joins. An alias nobody maps gets `404 M_NOT_FOUND`.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3directoryroomroomalias>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::{OwnedRoomAliasId, OwnedRoomId, OwnedServerName};

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: None,
        history: {
            1.0 => "/_matrix/client/r0/directory/room/{room_alias}",
            1.1 => "/_matrix/client/v3/directory/room/{room_alias}",
        }
    };

    /// The request: the alias to resolve.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The alias; percent-encoded in the path, as its `#` and `:` must be.
        #[api(path)]
        pub room_alias: OwnedRoomAliasId,
    }

    /// The response: the room, and servers that know the alias.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The room the alias names. The specification's schema does not mark it required, but
        /// a resolution without it resolves nothing, so it is read as required.
        pub room_id: OwnedRoomId,
        /// Servers that know the alias, for joining the room through them. Read as empty when
        /// absent.
        #[serde(default)]
        pub servers: Vec<OwnedServerName>,
    }

    impl Request {
        /// A request resolving this alias.
        pub fn new(room_alias: OwnedRoomAliasId) -> Self {
            Request { room_alias }
        }
    }

    impl Response {
        /// A response naming this room, known to these servers.
        pub fn new(room_id: OwnedRoomId, servers: Vec<OwnedServerName>) -> Self {
            Response { room_id, servers }
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::{IncomingRequest, OutgoingRequest, SendAccessToken, SupportedVersions};

        use super::Request;

        #[test]
        fn the_alias_is_percent_encoded_and_no_token_is_sent() {
            let request = Request::new("#caf\u{e9}/x:example.org".try_into().unwrap());
            let sent = request
                .clone()
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[matrix_api::MatrixVersion::V1_0]),
                )
                .unwrap();
            assert_eq!(
                sent.uri().path(),
                "/_matrix/client/r0/directory/room/%23caf%C3%A9%2Fx%3Aexample.org"
            );
            assert!(sent.headers().get("authorization").is_none());
            let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
            assert_eq!(read.room_alias.as_str(), "#caf\u{e9}/x:example.org");
        }

        #[test]
        fn a_path_that_is_no_alias_is_refused_as_an_invalid_parameter() {
            let request =
                matrix_api::http::Request::get("/_matrix/client/v3/directory/room/monkeys")
                    .body(Vec::new())
                    .unwrap();
            let err = Request::try_from_http_request(request, &[] as &[&str]).unwrap_err();
            assert!(err.to_string().contains("room_alias"), "{err}");
            let answer = matrix_api::error::MatrixError::from(err);
            assert_eq!(answer.status, 400);
            assert_eq!(
                answer.kind(),
                Some(&matrix_api::error::ErrorKind::InvalidParam)
            );
        }
    }
}
