//! `PUT /_matrix/client/*/sendToDevice/{eventType}/{txnId}`: send an event of one type to
//! devices of users, each device its own content (encryption keys, verification steps);
//! `*` as the device addresses every device of that user.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#put_matrixclientv3sendtodeviceeventtypetxnid>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use std::collections::BTreeMap;

    use ruma_common::serde::{JsonObject, Raw};
    use ruma_common::to_device::DeviceIdOrAllDevices;
    use ruma_common::{OwnedTransactionId, OwnedUserId};

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: PUT,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/sendToDevice/{event_type}/{txn_id}",
            1.1 => "/_matrix/client/v3/sendToDevice/{event_type}/{txn_id}",
        }
    };

    /// The messages, by user and then by device (or `*`, every device of the user); each
    /// content is kept as sent.
    pub type Messages = BTreeMap<OwnedUserId, BTreeMap<DeviceIdOrAllDevices, Raw<JsonObject>>>;

    /// The request: the type, the transaction, and the content for each device.
    #[request]
    pub struct Request {
        /// The type of every event sent, such as `m.room_key_request`.
        #[api(path)]
        pub event_type: String,
        /// The client's ID for this send, unique per access token.
        #[api(path)]
        pub txn_id: OwnedTransactionId,
        /// The content for each device.
        pub messages: Messages,
    }

    /// The response: empty; the messages were accepted.
    #[response]
    #[derive(Default, PartialEq, Eq)]
    pub struct Response {}

    impl Request {
        /// A request to send these messages.
        pub fn new(event_type: String, txn_id: OwnedTransactionId, messages: Messages) -> Self {
            Request {
                event_type,
                txn_id,
                messages,
            }
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
        use matrix_api::SupportedVersions;
        use matrix_api::{IncomingRequest, MatrixVersion, OutgoingRequest, SendAccessToken};
        use ruma_common::to_device::DeviceIdOrAllDevices;

        use super::Request;

        #[test]
        fn devices_and_every_device_are_keys() {
            // Devices sort before `*`, as the key type orders them.
            let body = r#"{"messages":{"@a:example.org":{"DEV":{"k":2},"*":{"k":1}}}}"#;
            let http = http::Request::put("/_matrix/client/v3/sendToDevice/m.x/7")
                .header("authorization", "Bearer t")
                .body(body.as_bytes().to_vec())
                .unwrap();
            let read = Request::try_from_http_request(http, &[] as &[&str]).unwrap();
            let devices = &read.messages[&"@a:example.org"
                .parse::<ruma_common::OwnedUserId>()
                .unwrap()];
            assert_eq!(
                devices[&DeviceIdOrAllDevices::AllDevices].json().get(),
                r#"{"k":1}"#
            );
            assert!(devices.contains_key(&DeviceIdOrAllDevices::DeviceId("DEV".into())));
            let sent = read
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[MatrixVersion::V1_1]),
                )
                .unwrap();
            assert_eq!(sent.body(), body.as_bytes());
        }
    }
}
