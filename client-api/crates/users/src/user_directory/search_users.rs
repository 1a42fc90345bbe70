//! `POST /_matrix/client/*/user_directory/search`: find users by user ID or display name.
//!
//! The server searches at least the users the caller can see through rooms (those sharing a
//! room with them, and those in public or world-readable rooms), case-insensitively, and may
//! use the collation of the language the request's `Accept-Language` names. At most `limit`
//! results come back (10 unless asked), with `limited` set when more matched.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3user_directorysearch>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use matrix_api::UInt;
    use ruma_common::{OwnedMxcUri, OwnedUserId};
    use serde::{Deserialize, Serialize};

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/user_directory/search",
            1.1 => "/_matrix/client/v3/user_directory/search",
        }
    };

    /// The request: what to search for, and how many results at most.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The text to find in user IDs and display names.
        pub search_term: String,
        /// The most results to return; 10 when absent, and 10 is not written.
        #[serde(default = "default_limit", skip_serializing_if = "is_default_limit")]
        pub limit: UInt,
        /// The languages the user reads (`Accept-Language`), for the server's collation.
        #[api(header = ACCEPT_LANGUAGE)]
        pub language: Option<String>,
    }

    /// The response: the users found.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The users found, best match first.
        pub results: Vec<User>,
        /// Whether more users matched than [`limit`](Request::limit) let through.
        pub limited: bool,
    }

    /// One user the search found.
    #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub struct User {
        /// The user's ID.
        pub user_id: OwnedUserId,
        /// The user's display name, if they have one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub display_name: Option<String>,
        /// The user's avatar, if they have one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub avatar_url: Option<OwnedMxcUri>,
    }

    /// The number of results a server returns when the request does not say: 10.
    pub fn default_limit() -> UInt {
        matrix_api::uint!(10)
    }

    fn is_default_limit(limit: &UInt) -> bool {
        *limit == default_limit()
    }

    impl Request {
        /// A search for this term, with the default limit.
        pub fn new(search_term: String) -> Self {
            Request {
                search_term,
                limit: default_limit(),
                language: None,
            }
        }
    }

    impl Response {
        /// A response with these users.
        pub fn new(results: Vec<User>, limited: bool) -> Self {
            Response { results, limited }
        }
    }

    impl User {
        /// A user known only by their ID.
        pub fn new(user_id: OwnedUserId) -> Self {
            User {
                user_id,
                display_name: None,
                avatar_url: None,
            }
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::uint;
        use matrix_api::SupportedVersions;
        use matrix_api::{IncomingRequest, MatrixVersion, OutgoingRequest, SendAccessToken};

        use super::{default_limit, Request};

        fn send(request: Request) -> matrix_api::http::Request<Vec<u8>> {
            request
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[MatrixVersion::V1_0]),
                )
                .unwrap()
        }

        #[test]
        fn the_default_limit_is_ten_and_the_language_a_header() {
            let sent = send(Request::new("ali".to_owned()));
            assert_eq!(
                sent.uri().path(),
                "/_matrix/client/r0/user_directory/search"
            );
            assert_eq!(sent.body(), br#"{"search_term":"ali"}"#);
            assert!(sent.headers().get("accept-language").is_none());
            let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
            assert_eq!(read.limit, default_limit());

            let mut request = Request::new("ali".to_owned());
            request.limit = uint!(50);
            request.language = Some("de-CH, de;q=0.9".to_owned());
            let sent = send(request.clone());
            assert_eq!(sent.body(), br#"{"search_term":"ali","limit":50}"#);
            assert_eq!(sent.headers()["accept-language"], "de-CH, de;q=0.9");
            assert_eq!(
                Request::try_from_http_request(sent, &[] as &[&str]).unwrap(),
                request
            );
        }
    }
}
