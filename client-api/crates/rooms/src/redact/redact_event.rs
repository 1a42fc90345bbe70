//! `PUT /_matrix/client/*/rooms/{roomId}/redact/{eventId}/{txnId}`: strip an event of its
//! content.
//!
//! The server sends an `m.room.redaction` event; what stays of the redacted event is what the
//! room version's redaction rules keep. It cannot be undone. Users may redact their own events
//! with the `m.room.redaction` power level, and others' with the `redact` power level. The
//! transaction ID makes a retried request idempotent.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v3::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#put_matrixclientv3roomsroomidredacteventidtxnid>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::{OwnedEventId, OwnedRoomId, OwnedTransactionId};

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: PUT,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/rooms/{room_id}/redact/{event_id}/{txn_id}",
            1.1 => "/_matrix/client/v3/rooms/{room_id}/redact/{event_id}/{txn_id}",
        }
    };

    /// The request: the event to redact, and why.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The room the event is in.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// The event to redact.
        #[api(path)]
        pub event_id: OwnedEventId,
        /// Makes a retried request idempotent: unique per access token.
        #[api(path)]
        pub txn_id: OwnedTransactionId,
        /// Why the event is redacted, shown to the room's members.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub reason: Option<String>,
    }

    /// The response: the redaction event.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The ID of the `m.room.redaction` event.
        pub event_id: OwnedEventId,
    }

    impl Request {
        /// A request redacting this event without a reason.
        pub fn new(
            room_id: OwnedRoomId,
            event_id: OwnedEventId,
            txn_id: OwnedTransactionId,
        ) -> Self {
            Request {
                room_id,
                event_id,
                txn_id,
                reason: None,
            }
        }
    }

    impl Response {
        /// The response with the redaction's event ID.
        pub fn new(event_id: OwnedEventId) -> Self {
            Response { event_id }
        }
    }
}
