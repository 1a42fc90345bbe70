//! `GET /_matrix/client/*/keys/changes`: the users who changed their device keys between two
//! sync tokens (among those sharing a room with the caller), and those who left every
//! encrypted room shared with the caller.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3keyschanges>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::OwnedUserId;

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/keys/changes",
            1.1 => "/_matrix/client/v3/keys/changes",
        }
    };

    /// The request: the two sync tokens that bound the changes.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The start: a `next_batch` of an earlier `/sync`.
        #[api(query)]
        pub from: String,
        /// The end: a `next_batch` of a recent `/sync`, usually the latest.
        #[api(query)]
        pub to: String,
    }

    /// The response: who changed keys and who may have left.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {
        /// The users who added or removed devices with identity keys in the range.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub changed: Vec<OwnedUserId>,
        /// The users who may have left every encrypted room shared with the caller.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub left: Vec<OwnedUserId>,
    }

    impl Request {
        /// A request for the changes between these two sync tokens.
        pub fn new(from: String, to: String) -> Self {
            Request { from, to }
        }
    }

    impl Response {
        /// A response with these users.
        pub fn new(changed: Vec<OwnedUserId>, left: Vec<OwnedUserId>) -> Self {
            Response { changed, left }
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::SupportedVersions;
        use matrix_api::{IncomingRequest, MatrixVersion, OutgoingRequest, SendAccessToken};

        use super::Request;

        #[test]
        fn both_tokens_are_query_parameters_and_required() {
            let request = Request::new("s72594_4483_1934".to_owned(), "s75689/5632".to_owned());
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
                "/_matrix/client/v3/keys/changes?from=s72594_4483_1934&to=s75689%2F5632"
            );
            assert!(sent.body().is_empty());
            assert_eq!(
                Request::try_from_http_request(sent, &[] as &[&str]).unwrap(),
                request
            );

            let without_to = http::Request::get("/_matrix/client/v3/keys/changes?from=a")
                .header("authorization", "Bearer t")
                .body(Vec::<u8>::new())
                .unwrap();
            let err = Request::try_from_http_request(without_to, &[] as &[&str]).unwrap_err();
            assert!(err.to_string().contains("`to`"), "{err}");
        }
    }
}
