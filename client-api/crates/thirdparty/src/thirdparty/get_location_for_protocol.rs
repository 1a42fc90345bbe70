//! `GET /_matrix/client/*/thirdparty/location/{protocol}`: the Matrix portal rooms of a
//! third-party location, found by the protocol's own fields.
//!
//! The fields are the protocol's `location_fields` (see
//! [`get_protocol`](crate::thirdparty::get_protocol)), sent as query parameters of their own
//! names: `?network=irc.example.org&channel=%23matrix`. The specification has the
//! server answer `404 M_NOT_FOUND` when no portal room is found; Synapse answers an empty list.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3thirdpartylocationprotocol>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use std::collections::BTreeMap;

    use crate::thirdparty::Location;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/thirdparty/location/{protocol}",
            1.1 => "/_matrix/client/v3/thirdparty/location/{protocol}",
        }
    };

    /// The request: the protocol and the values of its fields.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The protocol, such as `irc`.
        #[api(path)]
        pub protocol: String,
        /// The protocol's fields that identify the location, by name: each is one query
        /// parameter, and the whole query string is read into this map.
        #[api(query_all)]
        pub fields: BTreeMap<String, String>,
    }

    /// The response: the portal rooms found.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {
        /// The locations found: the whole body, a JSON array.
        #[api(body)]
        pub locations: Vec<Location>,
    }

    impl Request {
        /// A search of this protocol without fields; add them to [`fields`](Self::fields).
        pub fn new(protocol: String) -> Self {
            Request {
                protocol,
                fields: BTreeMap::new(),
            }
        }
    }

    impl Response {
        /// A response with these locations.
        pub fn new(locations: Vec<Location>) -> Self {
            Response { locations }
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::{
            IncomingRequest, IncomingResponse, MatrixVersion, OutgoingRequest, SendAccessToken,
            SupportedVersions,
        };

        use super::{Request, Response};

        #[test]
        fn each_field_is_a_query_parameter_beside_the_path() {
            let mut request = Request::new("irc".to_owned());
            request
                .fields
                .insert("network".to_owned(), "irc.example.org".to_owned());
            request
                .fields
                .insert("channel".to_owned(), "#matrix dev".to_owned());
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
                "/_matrix/client/v3/thirdparty/location/irc?channel=%23matrix+dev&network=irc.example.org"
            );
            assert!(sent.body().is_empty());
            let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
            assert_eq!(read, request);

            // No fields: no query string at all.
            let bare = Request::new("irc".to_owned())
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[MatrixVersion::V1_0]),
                )
                .unwrap();
            assert_eq!(
                bare.uri().path_and_query().unwrap(),
                "/_matrix/client/r0/thirdparty/location/irc"
            );
        }

        #[test]
        fn the_body_is_an_array_of_locations() {
            let body = br##"[{"alias":"#freenode_#matrix:matrix.org","protocol":"irc","fields":{"channel":"#matrix","network":"freenode"}}]"##;
            let answer = matrix_api::http::Response::builder()
                .status(200)
                .body(body.to_vec())
                .unwrap();
            let response = Response::try_from_http_response(answer).unwrap();
            assert_eq!(response.locations[0].alias, "#freenode_#matrix:matrix.org");
            assert_eq!(response.locations[0].fields["channel"], "#matrix");
        }
    }
}
