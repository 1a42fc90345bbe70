//! `PUT /_matrix/client/*/directory/list/appservice/{networkId}/{roomId}`: list a room in an
//! application service's published room directory for one third-party network, or take it
//! off.
//!
//! Only an application service may call it, with its `as_token`; the network is one of the
//! protocols the service registered. Clients see these rooms through
//! [`get_public_rooms_filtered`](crate::directory::get_public_rooms_filtered)' network
//! choices.
//!
//! Specification: <https://spec.matrix.org/latest/application-service-api/#put_matrixclientv3directorylistappservicenetworkidroomid>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::OwnedRoomId;

    use crate::directory::Visibility;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: PUT,
        rate_limited: false,
        authentication: AppserviceToken,
        history: {
            1.0 => "/_matrix/client/r0/directory/list/appservice/{network_id}/{room_id}",
            1.1 => "/_matrix/client/v3/directory/list/appservice/{network_id}/{room_id}",
        }
    };

    /// The request: the network, the room and its new visibility.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The protocol (network) whose directory to change, as the application service
        /// registered it.
        #[api(path)]
        pub network_id: String,
        /// The room.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// Whether the room is listed.
        #[api(json = string)]
        pub visibility: Visibility,
    }

    /// The response: empty on success.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {}

    impl Request {
        /// A request giving this room this visibility in this network's directory.
        pub fn new(network_id: String, room_id: OwnedRoomId, visibility: Visibility) -> Self {
            Request {
                network_id,
                room_id,
                visibility,
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
        use matrix_api::{
            IncomingRequest, IntoHttpError, OutgoingRequest, SendAccessToken, SupportedVersions,
        };

        use super::Request;
        use crate::directory::Visibility;

        #[test]
        fn only_the_application_service_token_is_sent() {
            let versions = SupportedVersions::from_versions(&[matrix_api::MatrixVersion::V1_1]);
            let request = Request::new(
                "irc".to_owned(),
                "!somewhere:example.org".try_into().unwrap(),
                Visibility::Public,
            );
            let err = request
                .clone()
                .try_into_http_request("https://hs", SendAccessToken::IfRequired("user"), &versions)
                .unwrap_err();
            assert!(
                matches!(err, IntoHttpError::NeedsAuthentication { .. }),
                "{err}"
            );

            let sent = request
                .clone()
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::Appservice("as_token"),
                    &versions,
                )
                .unwrap();
            assert_eq!(
                sent.uri().path(),
                "/_matrix/client/v3/directory/list/appservice/irc/%21somewhere%3Aexample.org"
            );
            assert_eq!(sent.headers()["authorization"], "Bearer as_token");
            assert_eq!(sent.body(), br#"{"visibility":"public"}"#);
            assert_eq!(
                Request::try_from_http_request(sent, &[] as &[&str]).unwrap(),
                request
            );
        }
    }
}
