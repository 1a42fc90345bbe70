//! `DELETE /_matrix/client/*/profile/{userId}/{keyName}`: remove one field, name and value,
//! from the logged-in user's profile (since Matrix v1.16).
//!
//! Setting a field to `null` stores `null`; this removes it. A field that is not set is no
//! error. Before v1.16, servers of
//! [MSC4133](https://github.com/matrix-org/matrix-spec-proposals/pull/4133) announce the stable
//! path with `uk.tcpip.msc4133.stable` (Synapse 1.163, which announces v1.15, does) and the
//! unstable one with `uk.tcpip.msc4133`.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#delete_matrixclientv3profileuseridkeyname>

pub mod v3 {
    //! The v3 generation of the endpoint (since Matrix v1.16).

    use ruma_common::OwnedUserId;

    use crate::profile::ProfileFieldName;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: DELETE,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            unstable("uk.tcpip.msc4133") => "/_matrix/client/unstable/uk.tcpip.msc4133/profile/{user_id}/{key_name}",
            1.16 | stable("uk.tcpip.msc4133.stable") => "/_matrix/client/v3/profile/{user_id}/{key_name}",
        }
    };

    /// The request: whose profile, and which field.
    #[request(body = none)]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The user whose field to remove: the owner of the access token.
        #[api(path)]
        pub user_id: OwnedUserId,
        /// The field (`{keyName}` in the specification's path).
        #[api(path, json = string)]
        pub key_name: ProfileFieldName,
    }

    /// The response: empty on success.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {}

    impl Request {
        /// A request removing this field of this user's profile.
        pub fn new(user_id: OwnedUserId, key_name: ProfileFieldName) -> Self {
            Request { user_id, key_name }
        }
    }

    impl Response {
        /// The empty response.
        pub fn new() -> Self {
            Response {}
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::{MatrixVersion, OutgoingRequest, SendAccessToken, SupportedVersions};

        use super::Request;

        #[test]
        fn stable_from_v1_16_or_its_flag_and_unstable_before() {
            let request = Request::new("@alice:example.org".try_into().unwrap(), "m.tz".into());
            let send = |server: &SupportedVersions| {
                request
                    .clone()
                    .try_into_http_request("https://hs", SendAccessToken::IfRequired("t"), server)
                    .map(|sent| sent.uri().path().to_owned())
            };
            let v1_16 = SupportedVersions::from_versions(&[MatrixVersion::V1_16]);
            assert_eq!(
                send(&v1_16).unwrap(),
                "/_matrix/client/v3/profile/%40alice%3Aexample.org/m.tz"
            );
            let stable = std::collections::BTreeMap::from([("uk.tcpip.msc4133.stable", true)]);
            let synapse = SupportedVersions::from_parts(&["v1.15"], &stable);
            assert_eq!(
                send(&synapse).unwrap(),
                "/_matrix/client/v3/profile/%40alice%3Aexample.org/m.tz"
            );
            let features = std::collections::BTreeMap::from([("uk.tcpip.msc4133", true)]);
            let msc = SupportedVersions::from_parts(&["v1.15"], &features);
            assert_eq!(
                send(&msc).unwrap(),
                "/_matrix/client/unstable/uk.tcpip.msc4133/profile/%40alice%3Aexample.org/m.tz"
            );
        }
    }
}
