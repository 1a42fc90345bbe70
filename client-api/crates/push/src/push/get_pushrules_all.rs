//! `GET /_matrix/client/*/pushrules/`: every push rule of the user, by scope.
//!
//! The only scope is `global`; the server's default rules (`.m.rule.master` and the others)
//! are listed with the user's own.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3pushrules>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use matrix_api::{metadata, request, response, Metadata};

    use crate::push::Ruleset;

    // The trailing slash is part of the path, as the specification writes it.
    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/pushrules/",
            1.1 => "/_matrix/client/v3/pushrules/",
        }
    };

    /// The request: nothing but the access token.
    #[request]
    #[derive(Default)]
    pub struct Request {}

    /// The response: the global ruleset.
    #[response]
    pub struct Response {
        /// The rules that apply to every device of the user.
        pub global: Ruleset,
    }

    impl Request {
        /// The request.
        pub fn new() -> Self {
            Request {}
        }
    }

    impl Response {
        /// A response with this global ruleset.
        pub fn new(global: Ruleset) -> Self {
            Response { global }
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::{OutgoingRequest, SendAccessToken, SupportedVersions};

        use super::Request;

        #[test]
        fn the_path_keeps_its_trailing_slash() {
            for (versions, path) in [
                (&["r0.6.1"][..], "/_matrix/client/r0/pushrules/"),
                (&["v1.1"][..], "/_matrix/client/v3/pushrules/"),
            ] {
                let sent = Request::new()
                    .try_into_http_request(
                        "https://hs",
                        SendAccessToken::IfRequired("t"),
                        &SupportedVersions::from_parts(
                            versions,
                            &std::collections::BTreeMap::<String, bool>::new(),
                        ),
                    )
                    .unwrap();
                assert_eq!(sent.uri().path(), path);
            }
        }
    }
}
