//! `GET /_matrix/client/*/register/m.login.registration_token/validity`: whether a
//! registration token is still valid.
//!
//! A point-in-time check before registering with the `m.login.registration_token` stage: the
//! token may still run out before it is used. An unknown token is `valid: false`; a server
//! that does not allow registration at all answers `403 M_FORBIDDEN`.
//!
//! The endpoint was added by [MSC3231](https://github.com/matrix-org/matrix-spec-proposals/pull/3231)
//! under an unstable path, which servers served (without announcing a feature) before
//! Matrix v1.2 made it stable under `v1`.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v1::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv1registermloginregistration_tokenvalidity>

pub mod v1 {
    //! The v1 generation of the endpoint (stable since Matrix v1.2).

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: true,
        authentication: None,
        history: {
            unstable => "/_matrix/client/unstable/org.matrix.msc3231/register/org.matrix.msc3231.login.registration_token/validity",
            1.2 => "/_matrix/client/v1/register/m.login.registration_token/validity",
        }
    };

    /// The request: the token to check.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The registration token.
        #[api(query, secret)]
        pub token: String,
    }

    /// The response: whether the token is valid now.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// `true` if the token can be used now; `false` for a used up, expired or unknown one.
        pub valid: bool,
    }

    impl Request {
        /// A request for this token.
        pub fn new(token: String) -> Self {
            Request { token }
        }
    }

    impl Response {
        /// A response with this answer.
        pub fn new(valid: bool) -> Self {
            Response { valid }
        }
    }

    #[cfg(test)]
    mod tests {
        use std::collections::BTreeMap;

        use matrix_api::{MatrixVersion, OutgoingRequest, SendAccessToken, SupportedVersions};

        use super::Request;

        #[test]
        fn unstable_path_before_v1_2_and_the_token_is_hidden() {
            let request = Request::new("fBVFdqVE".to_owned());
            assert!(!format!("{request:?}").contains("fBVFdqVE"));
            let no_features = BTreeMap::<String, bool>::new();
            for (versions, path) in [
                (
                    SupportedVersions::from_parts(&["v1.1"], &no_features),
                    "/_matrix/client/unstable/org.matrix.msc3231/register/org.matrix.msc3231.login.registration_token/validity",
                ),
                (
                    SupportedVersions::from_versions(&[MatrixVersion::V1_2]),
                    "/_matrix/client/v1/register/m.login.registration_token/validity",
                ),
            ] {
                let sent = request
                    .clone()
                    .try_into_http_request("https://hs", SendAccessToken::None, &versions)
                    .unwrap();
                assert_eq!(sent.uri().path(), path);
                assert_eq!(sent.uri().query(), Some("token=fBVFdqVE"));
            }
        }
    }
}
