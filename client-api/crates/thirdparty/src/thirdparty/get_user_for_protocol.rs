//! `GET /_matrix/client/*/thirdparty/user/{protocol}`: the Matrix users that represent a
//! third-party user, found by the protocol's own fields.
//!
//! The fields are the protocol's `user_fields` (see
//! [`get_protocol`](crate::thirdparty::get_protocol)), sent as query parameters of their own
//! names: `?network=irc.example.org&nickname=alice`. The specification has the
//! server answer `404 M_NOT_FOUND` when no user is found; Synapse answers an empty list.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3thirdpartyuserprotocol>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use std::collections::BTreeMap;

    use crate::thirdparty::User;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/thirdparty/user/{protocol}",
            1.1 => "/_matrix/client/v3/thirdparty/user/{protocol}",
        }
    };

    /// The request: the protocol and the values of its fields.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The protocol, such as `irc`.
        #[api(path)]
        pub protocol: String,
        /// The protocol's fields that identify the user, by name: each is one query parameter,
        /// and the whole query string is read into this map.
        #[api(query_all)]
        pub fields: BTreeMap<String, String>,
    }

    /// The response: the users found.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {
        /// The users found: the whole body, a JSON array.
        #[api(body)]
        pub users: Vec<User>,
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
        /// A response with these users.
        pub fn new(users: Vec<User>) -> Self {
            Response { users }
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::{IncomingRequest, OutgoingRequest, SendAccessToken, SupportedVersions};

        use super::Request;

        #[test]
        fn a_server_reads_every_parameter_as_a_field() {
            let incoming = matrix_api::http::Request::get(
                "/_matrix/client/v3/thirdparty/user/gitter?user=jim&room=matrix-org%2Fmatrix-spec",
            )
            .header("authorization", "Bearer t")
            .body(Vec::<u8>::new())
            .unwrap();
            let read = Request::try_from_http_request(incoming, &["gitter"]).unwrap();
            assert_eq!(read.protocol, "gitter");
            assert_eq!(read.fields["user"], "jim");
            assert_eq!(read.fields["room"], "matrix-org/matrix-spec");

            let sent = read
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[matrix_api::MatrixVersion::V1_1]),
                )
                .unwrap();
            assert_eq!(
                sent.uri().query(),
                Some("room=matrix-org%2Fmatrix-spec&user=jim")
            );
        }
    }
}
