//! `GET /_matrix/client/*/admin/whois/{userId}`: the devices of a user, and from where and with
//! what software each of their sessions last connected.
//!
//! Servers usually let only a server admin, or the user themselves, ask; who else may is up to
//! the server. Synapse answers its admins about any local user and files every connection under
//! one device with an empty ID.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v3::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3adminwhoisuserid>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use std::collections::BTreeMap;

    use ruma_common::{MilliSecondsSinceUnixEpoch, OwnedUserId};
    use serde::{Deserialize, Serialize};

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/admin/whois/{user_id}",
            1.1 => "/_matrix/client/v3/admin/whois/{user_id}",
        }
    };

    /// The request: the user to look up.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The user to look up.
        #[api(path)]
        pub user_id: OwnedUserId,
    }

    /// The response: the user's devices, sessions and connections.
    ///
    /// The specification requires neither field, so a server may leave either out; a missing
    /// `devices` reads as no devices.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {
        /// The user the answer is about.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub user_id: Option<OwnedUserId>,
        /// Each device of the user by its ID. The keys stay strings: Synapse writes every
        /// connection under the empty device ID `""`, which is no device a client could name.
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        pub devices: BTreeMap<String, DeviceInfo>,
    }

    /// One device of the user.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct DeviceInfo {
        /// The device's sessions: what was done with the access token of each login.
        #[serde(default)]
        pub sessions: Vec<SessionInfo>,
    }

    /// One session of a device.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct SessionInfo {
        /// The connections of the session.
        #[serde(default)]
        pub connections: Vec<ConnectionInfo>,
    }

    /// One connection of a session: where it came from, when, and with which client.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct ConnectionInfo {
        /// The IP address the session was most recently seen from.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub ip: Option<String>,
        /// When the session was last active.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub last_seen: Option<MilliSecondsSinceUnixEpoch>,
        /// The user agent the session last sent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub user_agent: Option<String>,
    }

    impl Request {
        /// A request about this user.
        pub fn new(user_id: OwnedUserId) -> Self {
            Request { user_id }
        }
    }

    impl Response {
        /// An answer about no one with no devices; fill in the fields.
        pub fn new() -> Self {
            Response::default()
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::{IncomingResponse, OutgoingRequest, SendAccessToken, SupportedVersions};

        use super::{Request, Response};

        #[test]
        fn the_user_id_is_percent_encoded_into_the_path() {
            let request = Request::new("@peter:rabbit.rocks".try_into().unwrap());
            let sent = request
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[matrix_api::MatrixVersion::V1_1]),
                )
                .unwrap();
            assert_eq!(
                sent.uri().path(),
                "/_matrix/client/v3/admin/whois/%40peter%3Arabbit.rocks"
            );
        }

        #[test]
        fn synapse_s_empty_device_id_and_missing_fields_read() {
            let body = br#"{"user_id":"@u:hs","devices":{"":{"sessions":[{"connections":[{"ip":"127.0.0.1","last_seen":1,"user_agent":null}]}]}}}"#;
            let response = http::Response::builder()
                .status(200)
                .body(body.to_vec())
                .unwrap();
            let read = Response::try_from_http_response(response).unwrap();
            let connection = &read.devices[""].sessions[0].connections[0];
            assert_eq!(connection.ip.as_deref(), Some("127.0.0.1"));
            assert_eq!(connection.user_agent, None);
            let empty = http::Response::builder()
                .status(200)
                .body(b"{}".to_vec())
                .unwrap();
            assert_eq!(
                Response::try_from_http_response(empty).unwrap(),
                Response::new()
            );
        }
    }
}
