//! `GET /_matrix/client/*/devices/{deviceId}`: one device of the logged-in user.
//!
//! A device the user does not have is answered with `404 M_NOT_FOUND`.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3devicesdeviceid>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::{MilliSecondsSinceUnixEpoch, OwnedDeviceId};

    use crate::device::Device;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/devices/{device_id}",
            1.1 => "/_matrix/client/v3/devices/{device_id}",
        }
    };

    /// The request: which device.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The device to describe.
        #[api(path)]
        pub device_id: OwnedDeviceId,
    }

    /// The response: the device, as the fields of the body.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The device's ID.
        pub device_id: OwnedDeviceId,
        /// The name the user gave the device; absent if none was set.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub display_name: Option<String>,
        /// The IP address the device was last seen at (possibly a few minutes out of date).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub last_seen_ip: Option<String>,
        /// When the device was last seen (possibly a few minutes out of date).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub last_seen_ts: Option<MilliSecondsSinceUnixEpoch>,
    }

    impl Request {
        /// A request for this device.
        pub fn new(device_id: OwnedDeviceId) -> Self {
            Request { device_id }
        }
    }

    impl Response {
        /// A response describing this device.
        pub fn new(device: Device) -> Self {
            let Device {
                device_id,
                display_name,
                last_seen_ip,
                last_seen_ts,
            } = device;
            Response {
                device_id,
                display_name,
                last_seen_ip,
                last_seen_ts,
            }
        }

        /// The device the response describes.
        pub fn into_device(self) -> Device {
            Device {
                device_id: self.device_id,
                display_name: self.display_name,
                last_seen_ip: self.last_seen_ip,
                last_seen_ts: self.last_seen_ts,
            }
        }
    }

    impl From<Device> for Response {
        fn from(device: Device) -> Self {
            Response::new(device)
        }
    }

    impl From<Response> for Device {
        fn from(response: Response) -> Self {
            response.into_device()
        }
    }
}
