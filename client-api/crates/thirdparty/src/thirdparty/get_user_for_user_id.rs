//! `GET /_matrix/client/*/thirdparty/user`: the third-party users a Matrix user represents.
//!
//! The specification has the server answer `404 M_NOT_FOUND` when the user represents none;
//! Synapse answers an empty list.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3thirdpartyuser>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::OwnedUserId;

    use crate::thirdparty::User;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/thirdparty/user",
            1.1 => "/_matrix/client/v3/thirdparty/user",
        }
    };

    /// The request: the Matrix user.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The Matrix user to look up (`userid` on the wire).
        #[api(query)]
        #[serde(rename = "userid")]
        pub user_id: OwnedUserId,
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
        /// A lookup of this user.
        pub fn new(user_id: OwnedUserId) -> Self {
            Request { user_id }
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
        fn the_user_is_the_userid_parameter() {
            let request = Request::new("@bob:matrix.org".try_into().unwrap());
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
                "/_matrix/client/v3/thirdparty/user?userid=%40bob%3Amatrix.org"
            );
            assert_eq!(
                Request::try_from_http_request(sent, &[] as &[&str]).unwrap(),
                request
            );
        }
    }
}
