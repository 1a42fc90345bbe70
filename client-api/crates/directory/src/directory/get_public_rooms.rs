//! `GET /_matrix/client/*/publicRooms`: one page of a server's published room directory.
//!
//! The specification asks for no access token, so none is sent with
//! `SendAccessToken::IfRequired`; servers may still want one (Synapse does unless
//! `allow_public_rooms_without_auth` is on): send it with `SendAccessToken::Always` there.
//! `server` reads another server's directory
//! through this one. Pages are walked with the `next_batch` and `prev_batch` tokens of the
//! response; the server decides the order of the rooms (largest first before Matrix v1.19).
//! To search the directory, use
//! [`get_public_rooms_filtered`](super::get_public_rooms_filtered).
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3publicrooms>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use matrix_api::UInt;
    use ruma_common::OwnedServerName;

    use crate::directory::PublicRoomsChunk;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: None,
        history: {
            1.0 => "/_matrix/client/r0/publicRooms",
            1.1 => "/_matrix/client/v3/publicRooms",
        }
    };

    /// The request: which page, how long, and of which server's directory.
    #[request]
    #[derive(PartialEq, Eq, Default)]
    pub struct Request {
        /// The most rooms to return.
        #[api(query)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub limit: Option<UInt>,
        /// A `next_batch` or `prev_batch` token of an earlier response: the token alone says
        /// which way to page.
        #[api(query)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub since: Option<String>,
        /// The server whose directory to list (case-sensitive); the one asked when absent.
        #[api(query)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub server: Option<OwnedServerName>,
    }

    /// The response: one page of rooms, and the tokens to page on.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The rooms of this page.
        pub chunk: Vec<PublicRoomsChunk>,
        /// The token for the next page; absent on the last one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub next_batch: Option<String>,
        /// The token for the previous page; absent on the first one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub prev_batch: Option<String>,
        /// The server's estimate of how many rooms it lists in all, if it has one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub total_room_count_estimate: Option<UInt>,
    }

    impl Request {
        /// The first page of the asked server's directory, at the server's page size.
        pub fn new() -> Self {
            Request::default()
        }
    }

    impl Response {
        /// A page with these rooms, without tokens or estimate.
        pub fn new(chunk: Vec<PublicRoomsChunk>) -> Self {
            Response {
                chunk,
                next_batch: None,
                prev_batch: None,
                total_room_count_estimate: None,
            }
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::uint;
        use matrix_api::{IncomingRequest, OutgoingRequest, SendAccessToken, SupportedVersions};

        use super::Request;

        #[test]
        fn the_query_carries_only_what_is_set() {
            let versions = SupportedVersions::from_versions(&[matrix_api::MatrixVersion::V1_0]);
            let request = Request {
                limit: Some(uint!(10)),
                since: Some("p190 q".to_owned()),
                server: Some("example.org".try_into().unwrap()),
            };
            let sent = request
                .clone()
                .try_into_http_request("https://hs", SendAccessToken::None, &versions)
                .unwrap();
            assert_eq!(
                sent.uri().path_and_query().unwrap(),
                "/_matrix/client/r0/publicRooms?limit=10&since=p190+q&server=example.org"
            );
            assert!(sent.headers().get("authorization").is_none());
            assert_eq!(
                Request::try_from_http_request(sent, &[] as &[&str]).unwrap(),
                request
            );

            let bare = Request::new()
                .try_into_http_request("https://hs", SendAccessToken::None, &versions)
                .unwrap();
            assert_eq!(bare.uri().query(), None);
        }
    }
}
