//! `GET /_matrix/client/*/thirdparty/location`: the third-party locations a Matrix room alias
//! is a portal to.
//!
//! The specification has the server answer `404 M_NOT_FOUND` when the alias is not a portal;
//! Synapse answers an empty list.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3thirdpartylocation>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::OwnedRoomAliasId;

    use crate::thirdparty::Location;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/thirdparty/location",
            1.1 => "/_matrix/client/v3/thirdparty/location",
        }
    };

    /// The request: the room alias.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The Matrix room alias to look up.
        #[api(query)]
        pub alias: OwnedRoomAliasId,
    }

    /// The response: the locations found.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {
        /// The locations found: the whole body, a JSON array.
        #[api(body)]
        pub locations: Vec<Location>,
    }

    impl Request {
        /// A lookup of this alias.
        pub fn new(alias: OwnedRoomAliasId) -> Self {
            Request { alias }
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
        use matrix_api::error::ErrorKind;
        use matrix_api::{IncomingRequest, OutgoingRequest, SendAccessToken, SupportedVersions};

        use super::Request;

        #[test]
        fn the_alias_is_one_query_parameter() {
            let request = Request::new("#matrix:matrix.org".try_into().unwrap());
            let sent = request
                .clone()
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[matrix_api::MatrixVersion::V1_1]),
                )
                .unwrap();
            assert_eq!(
                sent.uri().path_and_query().unwrap(),
                "/_matrix/client/v3/thirdparty/location?alias=%23matrix%3Amatrix.org"
            );
            assert_eq!(
                Request::try_from_http_request(sent, &[] as &[&str]).unwrap(),
                request
            );

            let not_an_alias = matrix_api::http::Request::get(
                "/_matrix/client/v3/thirdparty/location?alias=matrix",
            )
            .header("authorization", "Bearer t")
            .body(Vec::<u8>::new())
            .unwrap();
            let err = Request::try_from_http_request(not_an_alias, &[] as &[&str]).unwrap_err();
            assert!(err.to_string().contains("`alias`"), "{err}");
            let answer = matrix_api::error::MatrixError::from(err);
            assert_eq!(answer.kind(), Some(&ErrorKind::InvalidParam));
        }
    }
}
