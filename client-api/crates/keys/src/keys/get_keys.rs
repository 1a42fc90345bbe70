//! `POST /_matrix/client/*/keys/query`: download the identity keys of users' devices and their
//! cross-signing keys.
//!
//! Each key is kept as the raw JSON the server sent, so the signatures a client checks cover
//! exactly the bytes it reads; `Raw::deserialize` reads one into ruma-common's
//! [`DeviceKeys`](ruma_common::encryption::DeviceKeys) or
//! [`CrossSigningKey`](ruma_common::encryption::CrossSigningKey).
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3keysquery>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use std::collections::BTreeMap;
    use std::time::Duration;

    use ruma_common::encryption::{CrossSigningKey, DeviceKeys};
    use ruma_common::serde::{JsonObject, Raw};
    use ruma_common::{OwnedDeviceId, OwnedServerName, OwnedUserId};

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/keys/query",
            1.1 => "/_matrix/client/v3/keys/query",
        }
    };

    /// Cross-signing keys by the user they belong to.
    pub type CrossSigningKeys = BTreeMap<OwnedUserId, Raw<CrossSigningKey>>;

    /// The request: whose devices to look up.
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
        /// The devices to look up per user; an empty list asks for every device of the user.
        pub device_keys: BTreeMap<OwnedUserId, Vec<OwnedDeviceId>>,
    }

    /// The response: the keys found, and the servers that could not be reached.
    #[response]
    #[derive(Default)]
    pub struct Response {
        /// The servers that could not be reached, each with what went wrong as the server
        /// reported it. An unknown user or device is no failure: it is simply not listed.
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        pub failures: BTreeMap<OwnedServerName, JsonObject>,
        /// Each device's identity keys, by user and device, as uploaded with `/keys/upload`
        /// plus the `unsigned` data servers add.
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        pub device_keys: BTreeMap<OwnedUserId, BTreeMap<OwnedDeviceId, Raw<DeviceKeys>>>,
        /// The users' master keys, with the signatures the caller may see (Matrix v1.1).
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        pub master_keys: CrossSigningKeys,
        /// The users' self-signing keys (Matrix v1.1).
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        pub self_signing_keys: CrossSigningKeys,
        /// The caller's own user-signing key, when the caller asked for their own devices.
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        pub user_signing_keys: CrossSigningKeys,
    }

    impl Request {
        /// A request for these devices per user (an empty list for all of a user's devices),
        /// with the server's default timeout.
        pub fn new(device_keys: BTreeMap<OwnedUserId, Vec<OwnedDeviceId>>) -> Self {
            Request {
                timeout: None,
                device_keys,
            }
        }
    }

    impl Response {
        /// A response that found no keys.
        pub fn new() -> Self {
            Response::default()
        }
    }

    #[cfg(test)]
    mod tests {
        use std::collections::BTreeMap;
        use std::time::Duration;

        use matrix_api::{
            IncomingRequest, IncomingResponse, MatrixVersion, OutgoingRequest, SendAccessToken,
            SupportedVersions,
        };
        use ruma_common::encryption::KeyUsage;
        use ruma_common::{OwnedDeviceId, OwnedServerName, OwnedUserId};

        use super::{Request, Response};

        #[test]
        fn an_empty_device_list_asks_for_every_device() {
            let alice: OwnedUserId = "@alice:example.com".parse().unwrap();
            let mut request = Request::new(BTreeMap::from([(alice.clone(), Vec::new())]));
            request.timeout = Some(Duration::from_secs(10));
            let sent = request
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[MatrixVersion::V1_1]),
                )
                .unwrap();
            assert_eq!(
                sent.body(),
                br#"{"timeout":10000,"device_keys":{"@alice:example.com":[]}}"#
            );
            let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
            assert!(read.device_keys[&alice].is_empty());
            assert_eq!(read.timeout, Some(Duration::from_secs(10)));
        }

        #[test]
        fn keys_keep_their_bytes_and_failures_their_servers() {
            let device = r#"{"user_id":"@a:x","device_id":"D","algorithms":[],"keys":{"ed25519:D":"k"},"signatures":{"@a:x":{"ed25519:D":"s"}},"unsigned":{"device_display_name":"phone"}}"#;
            let master = r#"{"user_id":"@a:x","usage":["master"],"keys":{"ed25519:pub":"pub"}}"#;
            let body = format!(
                r#"{{"failures":{{"other.example":{{"status":503,"message":"down"}}}},"device_keys":{{"@a:x":{{"D":{device}}}}},"master_keys":{{"@a:x":{master}}}}}"#
            );
            let http = http::Response::builder()
                .status(200)
                .body(body.clone().into_bytes())
                .unwrap();
            let read = Response::try_from_http_response(http).unwrap();
            let a: OwnedUserId = "@a:x".parse().unwrap();
            let d: OwnedDeviceId = "D".into();
            assert_eq!(read.device_keys[&a][&d].json().get(), device);
            assert_eq!(read.master_keys[&a].json().get(), master);
            let key = read.master_keys[&a].deserialize().unwrap();
            assert_eq!(key.usage, [KeyUsage::Master]);
            let server: OwnedServerName = "other.example".parse().unwrap();
            let failure = &read.failures[&server];
            assert_eq!(failure["status"], 503);
            assert!(read.self_signing_keys.is_empty());
        }
    }
}
