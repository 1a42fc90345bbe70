//! `GET /_matrix/client/*/devices`: every device of the logged-in user.
//!
//! Each device comes with the name the user gave it and when and where it was last seen, for a
//! "sessions" list from which the user renames or logs out their other devices.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3devices>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use crate::device::Device;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/devices",
            1.1 => "/_matrix/client/v3/devices",
        }
    };

    /// The request: it has no parameters; the access token says whose devices to list.
    #[request]
    #[derive(PartialEq, Eq, Default)]
    pub struct Request {}

    /// The response: the user's devices.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {
        /// Every device of the user. Absent is read as none, and none is written as an
        /// empty list.
        #[serde(default)]
        pub devices: Vec<Device>,
    }

    impl Request {
        /// The request; it has nothing to fill in.
        pub fn new() -> Self {
            Request {}
        }
    }

    impl Response {
        /// A response listing these devices.
        pub fn new(devices: Vec<Device>) -> Self {
            Response { devices }
        }
    }
}
