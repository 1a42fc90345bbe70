//! `POST /_matrix/client/*/knock/{roomIdOrAlias}`: ask to join a room.
//!
//! The knock is accepted or refused later, out of band: the client watches `/sync` for an
//! invite. As with joining by alias, the client names servers to knock through: `via` since
//! Matrix v1.12, and `server_name` before it (deprecated in v1.12, removed from the
//! specification in v1.14); [`Request::with_servers`](v3::Request::with_servers) fills both.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3knockroomidoralias>

pub mod v3 {
    //! The v3 generation of the endpoint (since Matrix v1.1).

    use ruma_common::{OwnedRoomId, OwnedRoomOrAliasId, OwnedServerName};

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            1.1 => "/_matrix/client/v3/knock/{room_id_or_alias}",
        }
    };

    /// The request: the room, the servers to knock through, and optionally why.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The room's ID or alias (`#` and `:` are percent-encoded in the path).
        #[api(path)]
        pub room_id_or_alias: OwnedRoomOrAliasId,
        /// The servers to try knocking through, one of which must be in the room (since Matrix
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
        /// The reason put on the membership event.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub reason: Option<String>,
    }

    /// The response: the room knocked on.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The ID of the room (an alias resolved).
        pub room_id: OwnedRoomId,
    }

    impl Request {
        /// A request to knock on this room, with no servers to knock through.
        #[allow(deprecated)]
        pub fn new(room_id_or_alias: OwnedRoomOrAliasId) -> Self {
            Request {
                room_id_or_alias,
                via: Vec::new(),
                server_name: Vec::new(),
                reason: None,
            }
        }

        /// A request to knock on this room through these servers, written as both `via` and
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

        /// The servers to knock through, as a server reads them: `via`, or `server_name` from
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

        #[test]
        fn alias_and_servers_round_trip() {
            let mut request = Request::with_servers(
                "#monkeys:matrix.org".try_into().unwrap(),
                vec!["matrix.org".try_into().unwrap()],
            );
            request.reason = Some("Looking for support".to_owned());
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
                "/_matrix/client/v3/knock/%23monkeys%3Amatrix.org?via=matrix.org&server_name=matrix.org",
            );
            assert_eq!(sent.body(), br#"{"reason":"Looking for support"}"#);
            let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
            assert_eq!(read, request);
            assert_eq!(read.servers(), ["matrix.org"]);
        }
    }
}
