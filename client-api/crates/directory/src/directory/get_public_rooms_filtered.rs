//! `POST /_matrix/client/*/publicRooms`: search one page of a server's published room
//! directory.
//!
//! Like [`get_public_rooms`](super::get_public_rooms), with a [`Filter`](crate::directory::Filter)
//! on the rooms' text and types, and a choice of the rooms that application services list for
//! third-party networks; unlike it, the caller must be logged in.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3publicrooms>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use matrix_api::UInt;
    use ruma_common::OwnedServerName;

    use crate::directory::Filter;
    use matrix_api::{metadata, request, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/publicRooms",
            1.1 => "/_matrix/client/v3/publicRooms",
        }
    };

    /// The request: which server's directory, which page, and what to look for.
    #[request]
    #[derive(PartialEq, Eq, Default)]
    pub struct Request {
        /// The server whose directory to search (case-sensitive); the one asked when absent.
        #[api(query)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub server: Option<OwnedServerName>,
        /// The most rooms to return.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub limit: Option<UInt>,
        /// A `next_batch` or `prev_batch` token of an earlier response.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub since: Option<String>,
        /// What the rooms must match; every room when absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub filter: Option<Filter>,
        /// Whether to list the rooms of every third-party network the server's application
        /// services bridge too; absent means `false`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub include_all_networks: Option<bool>,
        /// The one third-party network to list (the `instance_id` of a protocol instance from
        /// `GET /thirdparty/protocols`); only when `include_all_networks` is not `true`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub third_party_instance_id: Option<String>,
    }

    /// The response: one page of rooms, and the tokens to page on; the same as
    /// [`get_public_rooms`](crate::directory::get_public_rooms)' response.
    pub use crate::directory::get_public_rooms::v3::Response;

    impl Request {
        /// A search of the first page of the asked server's directory, without filter.
        pub fn new() -> Self {
            Request::default()
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::{IncomingRequest, OutgoingRequest, SendAccessToken, SupportedVersions};
        use ruma_common::room::RoomType;
        use serde_json::json;

        use super::Request;
        use crate::directory::Filter;

        #[test]
        fn the_server_goes_in_the_query_and_the_search_in_the_body() {
            let versions = SupportedVersions::from_versions(&[matrix_api::MatrixVersion::V1_4]);
            let request = Request {
                server: Some("example.org".try_into().unwrap()),
                filter: Some(Filter {
                    generic_search_term: Some("foo".to_owned()),
                    room_types: Some(vec![None, Some(RoomType::Space)]),
                }),
                include_all_networks: Some(false),
                ..Request::new()
            };
            let sent = request
                .clone()
                .try_into_http_request("https://hs", SendAccessToken::IfRequired("t"), &versions)
                .unwrap();
            assert_eq!(
                sent.uri().path_and_query().unwrap(),
                "/_matrix/client/v3/publicRooms?server=example.org"
            );
            let body: serde_json::Value = serde_json::from_slice(sent.body()).unwrap();
            assert_eq!(
                body,
                json!({
                    "filter": { "generic_search_term": "foo", "room_types": [null, "m.space"] },
                    "include_all_networks": false,
                })
            );
            assert_eq!(
                Request::try_from_http_request(sent, &[] as &[&str]).unwrap(),
                request
            );
        }
    }
}
