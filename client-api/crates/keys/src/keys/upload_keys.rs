//! `POST /_matrix/client/*/keys/upload`: publish the calling device's identity keys, one-time
//! keys and fallback keys; the answer counts the one-time keys the server still holds.
//!
//! Keys are signed objects, so each is kept as the raw JSON the client wrote: re-serialising
//! a parsed key would risk changing the bytes its signature covers. `Raw::deserialize` reads
//! one into ruma-common's [`DeviceKeys`](ruma_common::encryption::DeviceKeys) or
//! [`OneTimeKey`](ruma_common::encryption::OneTimeKey).
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3keysupload>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use std::collections::BTreeMap;

    use matrix_api::UInt;
    use ruma_common::encryption::{DeviceKeys, OneTimeKey};
    use ruma_common::serde::Raw;
    use ruma_common::{OneTimeKeyAlgorithm, OwnedOneTimeKeyId};

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/keys/upload",
            1.1 => "/_matrix/client/v3/keys/upload",
        }
    };

    /// One-time or fallback keys by key ID (`<algorithm>:<key_id>`, such as
    /// `signed_curve25519:AAAAHg`).
    pub type OneTimeKeys = BTreeMap<OwnedOneTimeKeyId, Raw<OneTimeKey>>;

    /// The request: whichever keys the device publishes now; all are optional.
    #[request]
    #[derive(Default)]
    pub struct Request {
        /// The device's identity keys; absent when they were published before.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub device_keys: Option<Raw<DeviceKeys>>,
        /// New one-time keys for pre-key messages.
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        pub one_time_keys: OneTimeKeys,
        /// The key to hand out once the one-time keys run out, at most one per algorithm,
        /// marked `"fallback": true` when signed (Matrix v1.2, MSC2732).
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        pub fallback_keys: OneTimeKeys,
    }

    /// The response: how many unclaimed one-time keys the server holds for the device.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The count per algorithm; an algorithm left out has none.
        pub one_time_key_counts: BTreeMap<OneTimeKeyAlgorithm, UInt>,
    }

    impl Request {
        /// A request that publishes nothing yet; fill in the keys to upload.
        pub fn new() -> Self {
            Request::default()
        }
    }

    impl Response {
        /// A response with these counts.
        pub fn new(one_time_key_counts: BTreeMap<OneTimeKeyAlgorithm, UInt>) -> Self {
            Response {
                one_time_key_counts,
            }
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::{
            IncomingRequest, IncomingResponse, MatrixVersion, OutgoingRequest, SendAccessToken,
            SupportedVersions,
        };
        use ruma_common::OneTimeKeyAlgorithm;

        use super::{Request, Response};

        const BODY: &str = r#"{"device_keys":{"user_id":"@a:x","device_id":"D","algorithms":["m.olm.v1.curve25519-aes-sha2"],"keys":{"ed25519:D":"k"},"signatures":{"@a:x":{"ed25519:D":"s"}}},"one_time_keys":{"curve25519:AAAAAQ":"plain","signed_curve25519:AAAAHg":{"key":"zKbL","signatures":{"@a:x":{"ed25519:D":"sig"}}}},"fallback_keys":{"signed_curve25519:AAAAGj":{"key":"fb","fallback":true,"signatures":{"@a:x":{"ed25519:D":"sig"}}}}}"#;

        #[test]
        fn keys_are_kept_byte_for_byte_under_their_composite_ids() {
            let http = http::Request::post("/_matrix/client/v3/keys/upload")
                .header("authorization", "Bearer t")
                .body(BODY.as_bytes().to_vec())
                .unwrap();
            let read = Request::try_from_http_request(http, &[] as &[&str]).unwrap();
            let ids: Vec<_> = read.one_time_keys.keys().map(|id| id.as_str()).collect();
            assert_eq!(ids, ["curve25519:AAAAAQ", "signed_curve25519:AAAAHg"]);
            let signed = read.one_time_keys.values().nth(1).unwrap();
            assert_eq!(
                signed.json().get(),
                r#"{"key":"zKbL","signatures":{"@a:x":{"ed25519:D":"sig"}}}"#
            );
            let (fallback_id, _) = read.fallback_keys.first_key_value().unwrap();
            assert_eq!(
                fallback_id.algorithm(),
                OneTimeKeyAlgorithm::SignedCurve25519
            );
            assert_eq!(fallback_id.key_name().as_str(), "AAAAGj");
            let device = read.device_keys.as_ref().unwrap().deserialize().unwrap();
            assert_eq!(device.device_id, "D");

            let sent = read
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[MatrixVersion::V1_0]),
                )
                .unwrap();
            assert_eq!(sent.uri().path(), "/_matrix/client/r0/keys/upload");
            assert_eq!(sent.body(), BODY.as_bytes());
        }

        #[test]
        fn an_empty_upload_sends_an_empty_object() {
            let sent = Request::new()
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[MatrixVersion::V1_1]),
                )
                .unwrap();
            assert_eq!(sent.body(), b"{}");
        }

        #[test]
        fn counts_are_keyed_by_algorithm() {
            let http = http::Response::builder()
                .status(200)
                .body(
                    br#"{"one_time_key_counts":{"signed_curve25519":20,"org.example.new":1}}"#
                        .to_vec(),
                )
                .unwrap();
            let read = Response::try_from_http_response(http).unwrap();
            assert_eq!(
                read.one_time_key_counts[&OneTimeKeyAlgorithm::SignedCurve25519],
                20_u32.into()
            );
            assert_eq!(
                read.one_time_key_counts[&"org.example.new".into()],
                1_u32.into()
            );
        }
    }
}
