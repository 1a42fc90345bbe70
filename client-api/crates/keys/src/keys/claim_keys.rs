//! `POST /_matrix/client/*/keys/claim`: claim one-time keys of other devices to start Olm
//! sessions with them; each key is handed out once, and a device's fallback key when its
//! one-time keys have run out.
//!
//! Claimed keys are kept as the raw JSON the server sent, so their signatures can be checked
//! over the bytes received; `Raw::deserialize` reads one into ruma-common's
//! [`OneTimeKey`](ruma_common::encryption::OneTimeKey).
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3keysclaim>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use std::collections::BTreeMap;
    use std::time::Duration;

    use ruma_common::encryption::OneTimeKey;
    use ruma_common::serde::{JsonObject, Raw};
    use ruma_common::{
        OneTimeKeyAlgorithm, OwnedDeviceId, OwnedOneTimeKeyId, OwnedServerName, OwnedUserId,
    };

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/keys/claim",
            1.1 => "/_matrix/client/v3/keys/claim",
        }
    };

    /// The claimed keys: by user, device, and key ID (`<algorithm>:<key_id>`).
    pub type ClaimedKeys = BTreeMap<
        OwnedUserId,
        BTreeMap<OwnedDeviceId, BTreeMap<OwnedOneTimeKeyId, Raw<OneTimeKey>>>,
    >;

    /// The request: which algorithm of key to claim for each device.
    #[request]
    pub struct Request {
        /// How long to wait for remote servers (`timeout`, in milliseconds); the
        /// specification recommends 10 seconds.
        #[serde(
            with = "ruma_common::serde::duration::opt_ms",
            default,
            skip_serializing_if = "Option::is_none"
        )]
        #[api(json = integer)]
        pub timeout: Option<Duration>,
        /// The algorithm to claim a key of, by user and device.
        pub one_time_keys: BTreeMap<OwnedUserId, BTreeMap<OwnedDeviceId, OneTimeKeyAlgorithm>>,
    }

    /// The response: the keys claimed, and the servers that could not be reached.
    #[response]
    pub struct Response {
        /// The servers that could not be reached, each with what went wrong as the server
        /// reported it. A user or device without keys is no failure: it is simply not listed.
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        pub failures: BTreeMap<OwnedServerName, JsonObject>,
        /// The keys claimed.
        pub one_time_keys: ClaimedKeys,
    }

    impl Request {
        /// A request for these keys, with the server's default timeout.
        pub fn new(
            one_time_keys: BTreeMap<OwnedUserId, BTreeMap<OwnedDeviceId, OneTimeKeyAlgorithm>>,
        ) -> Self {
            Request {
                timeout: None,
                one_time_keys,
            }
        }
    }

    impl Response {
        /// A response with these keys and no failures.
        pub fn new(one_time_keys: ClaimedKeys) -> Self {
            Response {
                failures: BTreeMap::new(),
                one_time_keys,
            }
        }
    }

    #[cfg(test)]
    mod tests {
        use std::collections::BTreeMap;

        use matrix_api::{
            IncomingRequest, IncomingResponse, MatrixVersion, OutgoingRequest, SendAccessToken,
            SupportedVersions,
        };
        use ruma_common::{OneTimeKeyAlgorithm, OwnedDeviceId, OwnedUserId};

        use super::{Request, Response};

        #[test]
        fn the_request_names_an_algorithm_per_device() {
            let alice: OwnedUserId = "@alice:example.com".parse().unwrap();
            let device: OwnedDeviceId = "JLAFKJWSCS".into();
            let request = Request::new(BTreeMap::from([(
                alice.clone(),
                BTreeMap::from([(device.clone(), OneTimeKeyAlgorithm::SignedCurve25519)]),
            )]));
            let sent = request
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[MatrixVersion::V1_1]),
                )
                .unwrap();
            assert_eq!(
                sent.body(),
                br#"{"one_time_keys":{"@alice:example.com":{"JLAFKJWSCS":"signed_curve25519"}}}"#
            );
            let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
            assert_eq!(
                read.one_time_keys[&alice][&device],
                OneTimeKeyAlgorithm::SignedCurve25519
            );
        }

        #[test]
        fn claimed_keys_keep_their_bytes() {
            let key = r#"{"key":"zKbLg","signatures":{"@alice:example.com":{"ed25519:JLAFKJWSCS":"FLWx"}}}"#;
            let body = format!(
                r#"{{"failures":{{}},"one_time_keys":{{"@alice:example.com":{{"JLAFKJWSCS":{{"signed_curve25519:AAAAHg":{key}}}}}}}}}"#
            );
            let http = http::Response::builder()
                .status(200)
                .body(body.into_bytes())
                .unwrap();
            let read = Response::try_from_http_response(http).unwrap();
            let alice: OwnedUserId = "@alice:example.com".parse().unwrap();
            let device: OwnedDeviceId = "JLAFKJWSCS".into();
            let (id, claimed) = read.one_time_keys[&alice][&device]
                .first_key_value()
                .unwrap();
            assert_eq!(id.algorithm(), OneTimeKeyAlgorithm::SignedCurve25519);
            assert_eq!(claimed.json().get(), key);
            assert!(read.failures.is_empty());
        }
    }
}
