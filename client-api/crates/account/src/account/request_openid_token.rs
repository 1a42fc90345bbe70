//! `POST /_matrix/client/*/user/{userId}/openid/request_token`: a token that proves the user's
//! identity to a third party.
//!
//! The third party (an integration manager, a widget's backend) gives the token to the user's
//! homeserver over federation (`GET /_matrix/federation/v1/openid/userinfo`) and learns the
//! user's ID. The token is good for nothing else: not for `/sync`, not for another OpenID
//! token. The user in the path must be the token's owner.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3useruseridopenidrequest_token>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use std::time::Duration;

    use ruma_common::{OwnedServerName, OwnedUserId};

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/user/{user_id}/openid/request_token",
            1.1 => "/_matrix/client/v3/user/{user_id}/openid/request_token",
        }
    };

    /// The request: the user, with the empty object the specification reserves as the body.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The user to prove, who must own the access token.
        #[api(path)]
        pub user_id: OwnedUserId,
    }

    /// The response: the OpenID token and where to check it.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The token the third party hands to the homeserver to learn who the user is.
        #[api(secret)]
        pub access_token: String,
        /// The kind of token: `Bearer`.
        #[api(json = string)]
        pub token_type: TokenType,
        /// The homeserver the third party asks, over federation.
        pub matrix_server_name: OwnedServerName,
        /// How long the token stays valid (`expires_in`, in whole seconds).
        #[serde(with = "ruma_common::serde::duration::secs")]
        pub expires_in: Duration,
    }

    crate::string_enum::string_enum! {
        /// The kind of an OpenID token, as OAuth 2.0 names it.
        pub enum TokenType {
            /// A bearer token: whoever holds it may use it.
            Bearer => "Bearer",
        }
    }

    impl Request {
        /// A request for a token proving this user.
        pub fn new(user_id: OwnedUserId) -> Self {
            Request { user_id }
        }
    }

    impl Response {
        /// A response with this bearer token, server and lifetime.
        pub fn new(
            access_token: String,
            matrix_server_name: OwnedServerName,
            expires_in: Duration,
        ) -> Self {
            Response {
                access_token,
                token_type: TokenType::Bearer,
                matrix_server_name,
                expires_in,
            }
        }
    }

    #[cfg(test)]
    mod tests {
        use std::time::Duration;

        use matrix_api::{
            IncomingRequest, IncomingResponse, OutgoingRequest, OutgoingResponse, SendAccessToken,
            SupportedVersions,
        };

        use super::{Request, Response, TokenType};

        #[test]
        fn the_body_is_an_empty_object() {
            let request = Request::new("@alice:example.com".try_into().unwrap());
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
                "/_matrix/client/v3/user/%40alice%3Aexample.com/openid/request_token"
            );
            assert_eq!(sent.body(), b"{}");
            assert_eq!(
                Request::try_from_http_request(sent, &[] as &[&str]).unwrap(),
                request
            );
        }

        #[test]
        fn expires_in_is_seconds_and_the_token_is_not_shown() {
            let body = br#"{"access_token":"SomeT0kenHere","token_type":"Bearer","matrix_server_name":"example.com","expires_in":3600}"#;
            let answer = matrix_api::http::Response::builder()
                .status(200)
                .body(body.to_vec())
                .unwrap();
            let response = Response::try_from_http_response(answer).unwrap();
            assert_eq!(response.token_type, TokenType::Bearer);
            assert_eq!(response.expires_in, Duration::from_secs(3600));
            assert!(!format!("{response:?}").contains("SomeT0ken"));
            let again = response.try_into_http_response().unwrap();
            assert_eq!(again.body().as_slice(), body.as_slice());
        }
    }
}
