//! `PUT /_matrix/client/*/admin/suspend/{userId}`: suspends a local user, or lifts the
//! suspension.
//!
//! A suspended account may still log in and read, but the server refuses most of what it would
//! change with `403 M_USER_SUSPENDED`; unlike deactivation this is undone by sending `false`.
//! Only a server admin may call it, and not on another admin (`403 M_FORBIDDEN`).
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v1::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#put_matrixclientv1adminsuspenduserid>

pub mod v1 {
    //! The v1 generation of the endpoint, after MSC4323's unstable path.

    use ruma_common::OwnedUserId;

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: PUT,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            unstable("uk.timedout.msc4323") => "/_matrix/client/unstable/uk.timedout.msc4323/admin/suspend/{user_id}",
            1.18 => "/_matrix/client/v1/admin/suspend/{user_id}",
        }
    };

    /// The request: the user and the status to give them.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The local user to suspend or release.
        #[api(path)]
        pub user_id: OwnedUserId,
        /// `true` to suspend the account, `false` to lift the suspension.
        pub suspended: bool,
    }

    /// The response: the user's status now.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// Whether the account is suspended.
        pub suspended: bool,
    }

    impl Request {
        /// A request to give this user this status.
        pub fn new(user_id: OwnedUserId, suspended: bool) -> Self {
            Request { user_id, suspended }
        }
    }

    impl Response {
        /// The answer.
        pub fn new(suspended: bool) -> Self {
            Response { suspended }
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::{
            IncomingRequest, MatrixVersion, OutgoingRequest, SendAccessToken, SupportedVersions,
        };

        use super::Request;

        fn send(versions: &SupportedVersions) -> http::Request<Vec<u8>> {
            Request::new("@peter:rabbit.rocks".try_into().unwrap(), true)
                .try_into_http_request("https://hs", SendAccessToken::IfRequired("t"), versions)
                .unwrap()
        }

        #[test]
        fn the_stable_path_from_v1_18_and_the_body_round_trips() {
            let sent = send(&SupportedVersions::from_versions(&[MatrixVersion::V1_18]));
            assert_eq!(
                sent.uri().path(),
                "/_matrix/client/v1/admin/suspend/%40peter%3Arabbit.rocks"
            );
            assert_eq!(sent.body(), br#"{"suspended":true}"#);
            let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
            assert_eq!(
                read,
                Request::new("@peter:rabbit.rocks".try_into().unwrap(), true)
            );
        }

        #[test]
        fn the_msc4323_path_before_v1_18() {
            let mut versions = SupportedVersions::from_versions(&[MatrixVersion::V1_17]);
            versions.features.insert("uk.timedout.msc4323".to_owned());
            let sent = send(&versions);
            assert_eq!(
                sent.uri().path(),
                "/_matrix/client/unstable/uk.timedout.msc4323/admin/suspend/%40peter%3Arabbit.rocks"
            );
        }
    }
}
