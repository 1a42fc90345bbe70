//! `POST /_matrix/client/*/join/{roomIdOrAlias}`: join a room by its ID or one of its aliases.
//!
//! An alias is resolved by the server. For a room the server is not in yet, the client names
//! servers to join through: `via` since Matrix v1.12, and `server_name` before it (deprecated in
//! v1.12, removed from the specification in v1.14, but the only name older servers know).
//! [`Request::with_servers`](v3::Request::with_servers) fills both, so that servers of every
//! version read the list; a server reads it with [`Request::servers`](v3::Request::servers).
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3joinroomidoralias>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::{OwnedRoomId, OwnedRoomOrAliasId, OwnedServerName};

    use crate::membership::ThirdPartySigned;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/join/{room_id_or_alias}",
            1.1 => "/_matrix/client/v3/join/{room_id_or_alias}",
        }
    };

    /// The request: the room, the servers to join through, and optionally the proof of a
    /// third-party invite.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The room's ID or alias (`#` and `:` are percent-encoded in the path).
        #[api(path)]
        pub room_id_or_alias: OwnedRoomOrAliasId,
        /// The servers to try joining through, one of which must be in the room (since Matrix
        /// v1.12): the query parameter repeated, `via=a&via=b`.
        #[api(query)]
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub via: Vec<OwnedServerName>,
        /// The same list under its name before Matrix v1.12, for older servers.
        #[api(query)]
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        #[deprecated = "read by servers before Matrix v1.12 only: fill both lists with \
                        `Request::with_servers`, read them with `Request::servers`"]
        pub server_name: Vec<OwnedServerName>,
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
        /// The ID of the joined room (an alias resolved).
        pub room_id: OwnedRoomId,
    }

    impl Request {
        /// A request to join this room, with no servers to join through.
        #[allow(deprecated)]
        pub fn new(room_id_or_alias: OwnedRoomOrAliasId) -> Self {
            Request {
                room_id_or_alias,
                via: Vec::new(),
                server_name: Vec::new(),
                third_party_signed: None,
                reason: None,
            }
        }

        /// A request to join this room through these servers, written as both `via` and
        /// `server_name` so that servers before Matrix v1.12 read them too.
        #[allow(deprecated)]
        pub fn with_servers(
            room_id_or_alias: OwnedRoomOrAliasId,
            servers: Vec<OwnedServerName>,
        ) -> Self {
            Request {
                server_name: servers.clone(),
                via: servers,
                ..Request::new(room_id_or_alias)
            }
        }

        /// The servers to join through, as a server reads them: `via`, or `server_name` from
        /// a client older than Matrix v1.12.
        #[allow(deprecated)]
        pub fn servers(&self) -> &[OwnedServerName] {
            crate::membership::servers_read(&self.via, &self.server_name)
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
        use matrix_api::SupportedVersions;
        use matrix_api::{IncomingRequest, MatrixVersion, OutgoingRequest, SendAccessToken};

        use super::Request;

        fn send(request: Request) -> matrix_api::http::Request<Vec<u8>> {
            request
                .try_into_http_request(
                    "https://hs.example",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[MatrixVersion::V1_12]),
                )
                .unwrap()
        }

        #[test]
        fn alias_is_percent_encoded_and_servers_repeat_under_both_names() {
            let request = Request::with_servers(
                "#monkeys:matrix.org".try_into().unwrap(),
                vec![
                    "matrix.org".try_into().unwrap(),
                    "elsewhere.ca".try_into().unwrap(),
                ],
            );
            let sent = send(request.clone());
            assert_eq!(
                sent.uri().path_and_query().unwrap(),
                "/_matrix/client/v3/join/%23monkeys%3Amatrix.org\
                 ?via=matrix.org&via=elsewhere.ca\
                 &server_name=matrix.org&server_name=elsewhere.ca",
            );
            assert_eq!(sent.body(), b"{}");
            let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
            assert_eq!(read, request);
            assert_eq!(read.room_id_or_alias.as_str(), "#monkeys:matrix.org");
        }

        #[test]
        fn server_reads_via_or_else_the_old_server_name() {
            let read = |uri: &str| {
                let http = matrix_api::http::Request::post(uri)
                    .header("authorization", "Bearer t")
                    .body(b"{}".to_vec())
                    .unwrap();
                Request::try_from_http_request(http, &[] as &[&str]).unwrap()
            };
            let new = read("/_matrix/client/v3/join/%21r%3Ahs?via=a.example&via=b.example");
            assert_eq!(new.room_id_or_alias.as_str(), "!r:hs");
            assert_eq!(new.servers(), ["a.example", "b.example"]);
            let old = read("/_matrix/client/r0/join/%23a%3Ahs?server_name=c.example");
            assert_eq!(old.room_id_or_alias.as_str(), "#a:hs");
            assert_eq!(old.servers(), ["c.example"]);
            let both =
                read("/_matrix/client/v3/join/%23a%3Ahs?server_name=c.example&via=d.example");
            assert_eq!(both.servers(), ["d.example"]);
        }

        #[test]
        fn a_router_s_decoded_alias_is_read_as_is() {
            let http =
                matrix_api::http::Request::post("/_matrix/client/v3/join/%23monkeys%3Amatrix.org")
                    .header("authorization", "Bearer t")
                    .body(b"{}".to_vec())
                    .unwrap();
            let read = Request::try_from_http_request(http, &["#monkeys:matrix.org"]).unwrap();
            assert_eq!(read.room_id_or_alias.as_str(), "#monkeys:matrix.org");
            assert!(read.room_id_or_alias.is_room_alias_id());
        }

        #[test]
        fn a_bad_server_name_is_named() {
            let http =
                matrix_api::http::Request::post("/_matrix/client/v3/join/%23a%3Ahs?via=bad%20name")
                    .header("authorization", "Bearer t")
                    .body(b"{}".to_vec())
                    .unwrap();
            let err = Request::try_from_http_request(http, &[] as &[&str]).unwrap_err();
            assert!(err.to_string().contains("`via`"), "{err}");
        }
    }
}
