//! `POST /_matrix/client/*/keys/signatures/upload`: publish signatures of keys: the user's
//! own devices and master key, or other users' master keys signed with the user-signing key.
//!
//! Each object sent is the key as published, with only its `signatures` grown, kept as raw JSON
//! so the bytes the server checks are those the client signed. Before v1.1 servers (and the
//! clients of MSC1756) used `/_matrix/client/unstable/keys/signatures/upload`.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3keyssignaturesupload>

pub mod v3 {
    //! The v3 generation of the endpoint (stable since Matrix v1.1).

    use std::collections::BTreeMap;

    use ruma_common::encryption::{CrossSigningKey, DeviceKeys};
    use ruma_common::serde::{JsonObject, Raw};
    use ruma_common::{
        OwnedBase64PublicKey, OwnedBase64PublicKeyOrDeviceId, OwnedDeviceId, OwnedUserId,
    };

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            unstable => "/_matrix/client/unstable/keys/signatures/upload",
            1.1 => "/_matrix/client/v3/keys/signatures/upload",
        }
    };

    /// Signed objects by user, then by key ID: a device ID for device keys, the unpadded
    /// base64 public key for a cross-signing key.
    pub type SignedKeys =
        BTreeMap<OwnedUserId, BTreeMap<OwnedBase64PublicKeyOrDeviceId, Raw<JsonObject>>>;

    /// The refused objects, by user and key ID, each with its error object.
    pub type Failures = BTreeMap<OwnedUserId, BTreeMap<OwnedBase64PublicKeyOrDeviceId, JsonObject>>;

    /// The request: the signed objects, as the whole body.
    #[request]
    #[derive(Default)]
    pub struct Request {
        /// The signed objects.
        #[api(body)]
        #[serde(deserialize_with = "objects::deserialize")]
        pub signed_keys: SignedKeys,
    }

    /// The response: the signatures the server refused; the others were stored.
    #[response]
    #[derive(Default, PartialEq, Eq)]
    pub struct Response {
        /// Why each refused object was refused, by user and key ID, as the server wrote it:
        /// an error object whose `errcode` is `M_INVALID_SIGNATURE` for a signature that does
        /// not verify. Kept whole because servers differ from the specification's
        /// `errcode`/`error` here: Synapse writes `status`, `errcode` and `message`.
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        pub failures: Failures,
    }

    impl Request {
        /// A request with these signed objects.
        pub fn new(signed_keys: SignedKeys) -> Self {
            Request { signed_keys }
        }

        /// Adds a device's keys, carrying the new signatures, under its device ID.
        pub fn add_device_keys(
            &mut self,
            user_id: OwnedUserId,
            device_id: OwnedDeviceId,
            keys: Raw<DeviceKeys>,
        ) {
            self.signed_keys
                .entry(user_id)
                .or_default()
                .insert(device_id.into(), keys.cast_unchecked());
        }

        /// Adds a cross-signing key, carrying the new signatures, under its public key.
        pub fn add_cross_signing_key(
            &mut self,
            user_id: OwnedUserId,
            public_key: OwnedBase64PublicKey,
            key: Raw<CrossSigningKey>,
        ) {
            self.signed_keys
                .entry(user_id)
                .or_default()
                .insert(public_key.into(), key.cast_unchecked());
        }
    }

    impl Response {
        /// A response without failures.
        pub fn new() -> Self {
            Response::default()
        }
    }

    /// Reads the signed objects, refusing any that is not a JSON object where it stands, so
    /// that the error names its user and key ID.
    mod objects {
        use std::collections::BTreeMap;

        use ruma_common::serde::Raw;
        use ruma_common::{OwnedBase64PublicKeyOrDeviceId, OwnedUserId};
        use serde::de::{Deserialize, Deserializer, Error};
        use serde_json::value::RawValue;

        use super::SignedKeys;

        struct SignedObject(Box<RawValue>);

        impl<'de> Deserialize<'de> for SignedObject {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let json = Box::<RawValue>::deserialize(deserializer)?;
                let found = match json.get().as_bytes().first() {
                    Some(b'{') => return Ok(SignedObject(json)),
                    Some(b'[') => "an array",
                    Some(b'"') => "a string",
                    Some(b't' | b'f') => "a boolean",
                    Some(b'n') => "null",
                    _ => "a number",
                };
                Err(D::Error::custom(format!(
                    "a signed key must be a JSON object, not {found}"
                )))
            }
        }

        pub(super) fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<SignedKeys, D::Error> {
            type Read =
                BTreeMap<OwnedUserId, BTreeMap<OwnedBase64PublicKeyOrDeviceId, SignedObject>>;
            let read = Read::deserialize(deserializer)?;
            Ok(read
                .into_iter()
                .map(|(user, keys)| {
                    let keys = keys
                        .into_iter()
                        .map(|(id, object)| (id, Raw::from_json(object.0)));
                    (user, keys.collect())
                })
                .collect())
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::{
            IncomingRequest, IncomingResponse, MatrixVersion, OutgoingRequest, OutgoingResponse,
            SendAccessToken, SupportedVersions,
        };
        use ruma_common::serde::Raw;
        use ruma_common::{OwnedBase64PublicKeyOrDeviceId, OwnedUserId};

        use super::{Request, Response};

        #[test]
        fn the_body_is_the_map_and_keeps_every_byte() {
            let device = r#"{"user_id":"@a:x","device_id":"HIJKLMN","algorithms":[],"keys":{"ed25519:HIJKLMN":"k"},"signatures":{"@a:x":{"ed25519:ssk":"sig"}}}"#;
            let master = r#"{"user_id":"@a:x","usage":["master"],"keys":{"ed25519:mpk":"mpk"},"signatures":{"@a:x":{"ed25519:HIJKLMN":"sig"}}}"#;
            let a: OwnedUserId = "@a:x".parse().unwrap();
            let mut request = Request::default();
            request.add_device_keys(
                a.clone(),
                "HIJKLMN".into(),
                Raw::from_json_string(device.to_owned()).unwrap(),
            );
            request.add_cross_signing_key(
                a.clone(),
                "base64+master+public+key".parse().unwrap(),
                Raw::from_json_string(master.to_owned()).unwrap(),
            );
            let sent = request
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[MatrixVersion::V1_1]),
                )
                .unwrap();
            let body =
                format!(r#"{{"@a:x":{{"HIJKLMN":{device},"base64+master+public+key":{master}}}}}"#);
            assert_eq!(sent.body(), body.as_bytes());
            let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
            let mpk: OwnedBase64PublicKeyOrDeviceId = "base64+master+public+key".into();
            assert_eq!(read.signed_keys[&a][&mpk].json().get(), master);
        }

        #[test]
        fn a_signed_key_that_is_no_object_is_refused_by_name() {
            let http = http::Request::post("/_matrix/client/v3/keys/signatures/upload")
                .header("authorization", "Bearer t")
                .body(br#"{"@a:x":{"DEV":{"user_id":"@a:x"},"OTHER":[1]}}"#.to_vec())
                .unwrap();
            let err = Request::try_from_http_request(http, &[] as &[&str]).unwrap_err();
            assert_eq!(
                err.to_string(),
                "JSON body, field `@a:x.OTHER`: a signed key must be a JSON object, not an array \
                 (line 1, column 46)"
            );
        }

        #[test]
        fn failures_are_kept_whole_by_user_and_key() {
            // Synapse's shape: `status` and `message` where the specification has `error`.
            let body = br#"{"failures":{"@a:x":{"HIJKLMN":{"errcode":"M_NOT_FOUND","message":"No self_signing key found for @a:x","status":404}}}}"#;
            let http = http::Response::builder()
                .status(200)
                .body(body.to_vec())
                .unwrap();
            let read = Response::try_from_http_response(http).unwrap();
            let a: OwnedUserId = "@a:x".parse().unwrap();
            let device: OwnedBase64PublicKeyOrDeviceId = "HIJKLMN".into();
            let failure = &read.failures[&a][&device];
            assert_eq!(failure["errcode"], "M_NOT_FOUND");
            assert_eq!(failure["status"], 404);
            let sent = read.try_into_http_response().unwrap();
            assert_eq!(sent.body(), body);
        }
    }
}
