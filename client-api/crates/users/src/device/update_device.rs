//! `PUT /_matrix/client/*/devices/{deviceId}`: rename one of the logged-in user's devices.
//!
//! Without `display_name` the device is left as it is. Since Matrix v1.17 an application
//! service may also create a device of one of its users this way; the server then answers
//! `201 Created` instead of `200 OK` (read the same by [`v3::Response`]).
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#put_matrixclientv3devicesdeviceid>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::OwnedDeviceId;

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: PUT,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/devices/{device_id}",
            1.1 => "/_matrix/client/v3/devices/{device_id}",
        }
    };

    /// The request: which device, and its new name.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The device to update.
        #[api(path)]
        pub device_id: OwnedDeviceId,
        /// The device's new name; `None` leaves the name unchanged.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub display_name: Option<String>,
    }

    /// The response: empty on success.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {}

    impl Request {
        /// A request that changes nothing yet: set [`display_name`](Self::display_name).
        pub fn new(device_id: OwnedDeviceId) -> Self {
            Request {
                device_id,
                display_name: None,
            }
        }

        /// A request renaming the device.
        pub fn rename(device_id: OwnedDeviceId, display_name: String) -> Self {
            Request {
                device_id,
                display_name: Some(display_name),
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
        use matrix_api::{IncomingRequest, SupportedVersions};
        use matrix_api::{IncomingResponse, MatrixVersion, OutgoingRequest, SendAccessToken};

        use super::{Request, Response};

        #[test]
        fn the_name_is_the_body_and_the_device_a_segment() {
            let request = Request::rename("QBUAZIFURK".into(), "My other phone".to_owned());
            let sent = request
                .clone()
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[MatrixVersion::V1_0]),
                )
                .unwrap();
            assert_eq!(sent.uri().path(), "/_matrix/client/r0/devices/QBUAZIFURK");
            assert_eq!(sent.body(), br#"{"display_name":"My other phone"}"#);
            let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
            assert_eq!(read, request);

            // No name: an empty object, which leaves the device as it is.
            let sent = Request::new("QBUAZIFURK".into())
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[MatrixVersion::V1_1]),
                )
                .unwrap();
            assert_eq!(sent.body(), b"{}");
        }

        #[test]
        fn a_created_device_is_read_too() {
            let created = matrix_api::http::Response::builder()
                .status(201)
                .body(b"{}".to_vec())
                .unwrap();
            assert_eq!(
                Response::try_from_http_response(created).unwrap(),
                Response {}
            );
        }
    }
}
