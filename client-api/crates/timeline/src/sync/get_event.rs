//! `GET /_matrix/client/*/events/{eventId}`: one event by its ID alone, without its room.
//! Deprecated since r0: `GET /rooms/{roomId}/event/{eventId}` and `/context` replace it.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3eventseventid>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::serde::{JsonObject, Raw};
    use ruma_common::OwnedEventId;

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/events/{event_id}",
            1.0 => deprecated,
            1.1 => "/_matrix/client/v3/events/{event_id}",
        }
    };

    /// The request: the event's ID.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The event.
        #[api(path)]
        pub event_id: OwnedEventId,
    }

    /// The response: the event.
    #[response]
    pub struct Response {
        /// The event, as the server sent it: the whole body.
        #[api(body)]
        #[serde(deserialize_with = "crate::raw_object::deserialize")]
        pub event: Raw<JsonObject>,
    }

    impl Request {
        /// A request for this event.
        pub fn new(event_id: OwnedEventId) -> Self {
            Request { event_id }
        }
    }

    impl Response {
        /// A response with this event.
        pub fn new(event: Raw<JsonObject>) -> Self {
            Response { event }
        }
    }
}
