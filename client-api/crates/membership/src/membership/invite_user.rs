//! `POST /_matrix/client/*/rooms/{roomId}/invite`: invite someone to a room.
//!
//! The specification documents two operations on this path, told apart by the body: an invite
//! by Matrix user ID (`user_id`, with an optional `reason`), and an invite by third-party
//! identifier (an email address, say: `id_server`, `id_access_token`, `medium`, `address`),
//! which the server resolves through the identity server, or else turns into a pending
//! `m.room.third_party_invite`. One declaration serves both, with the
//! [`InvitationRecipient`](v3::InvitationRecipient) flattened into the body.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3roomsroomidinvite>
//! (by user ID; the form by third-party identifier is under
//! <https://spec.matrix.org/latest/client-server-api/#third-party-invites>).

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use std::fmt;

    use ruma_common::{OwnedRoomId, OwnedUserId};
    use serde::de::{self, MapAccess, Visitor};
    use serde::ser::SerializeMap;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::string_enum::string_enum;
    use matrix_api::json::{error_in_field, read_object, Slot};
    use matrix_api::redact::Redacted;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/rooms/{room_id}/invite",
            1.1 => "/_matrix/client/v3/rooms/{room_id}/invite",
        }
    };

    /// The request: the room, who to invite, and optionally why.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The room to invite to.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// The invitee, by user ID or by third-party identifier.
        #[serde(flatten)]
        pub recipient: InvitationRecipient,
        /// The reason put on the membership event (since Matrix v1.1). The specification
        /// defines it for invites by user ID; servers ignore it on a third-party invite.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub reason: Option<String>,
    }

    /// The response: empty.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {}

    /// Who to invite: the two forms of the body.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub enum InvitationRecipient {
        /// A Matrix user: `user_id`.
        UserId {
            /// The invitee.
            user_id: OwnedUserId,
        },
        /// A third-party identifier, resolved by an identity server.
        ThirdPartyId(Invite3pid),
    }

    /// An invitee by third-party identifier, and the identity server that resolves it.
    #[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Invite3pid {
        /// The identity server's hostname and port.
        pub id_server: String,
        /// An access token the user registered with the identity server.
        pub id_access_token: String,
        /// The kind of identifier, such as `email`.
        pub medium: Medium,
        /// The identifier, such as an email address.
        pub address: String,
    }

    string_enum! {
        /// The kind of a third-party identifier.
        pub enum Medium {
            /// An email address.
            Email => "email",
            /// A phone number, as MSISDN.
            Msisdn => "msisdn",
        }
    }

    impl Request {
        /// A request to invite this recipient to this room, without a reason.
        pub fn new(room_id: OwnedRoomId, recipient: InvitationRecipient) -> Self {
            Request {
                room_id,
                recipient,
                reason: None,
            }
        }
    }

    impl Response {
        /// The empty response.
        pub fn new() -> Self {
            Response {}
        }
    }

    impl From<OwnedUserId> for InvitationRecipient {
        fn from(user_id: OwnedUserId) -> Self {
            InvitationRecipient::UserId { user_id }
        }
    }

    impl From<Invite3pid> for InvitationRecipient {
        fn from(invite: Invite3pid) -> Self {
            InvitationRecipient::ThirdPartyId(invite)
        }
    }

    impl Invite3pid {
        /// An invitee with this identifier, resolved by this identity server.
        pub fn new(
            id_server: String,
            id_access_token: String,
            medium: Medium,
            address: String,
        ) -> Self {
            Invite3pid {
                id_server,
                id_access_token,
                medium,
                address,
            }
        }
    }

    // The identity server token is a credential: `Debug` shows that it is there, not what.
    impl fmt::Debug for Invite3pid {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.debug_struct("Invite3pid")
                .field("id_server", &self.id_server)
                .field("id_access_token", &Redacted)
                .field("medium", &self.medium)
                .field("address", &self.address)
                .finish()
        }
    }

    /// The body fields of each form, in the order [`RecipientFields`] holds them.
    const USER_FIELDS: [&str; 1] = ["user_id"];
    const THIRD_PARTY_FIELDS: [&str; 4] = ["id_server", "id_access_token", "medium", "address"];

    impl Serialize for InvitationRecipient {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            match self {
                InvitationRecipient::UserId { user_id } => {
                    let mut map = serializer.serialize_map(Some(1))?;
                    map.serialize_entry("user_id", user_id)?;
                    map.end()
                }
                InvitationRecipient::ThirdPartyId(invite) => invite.serialize(serializer),
            }
        }
    }

    impl<'de> Deserialize<'de> for InvitationRecipient {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_map(RecipientVisitor)
        }
    }

    /// The string fields of both forms as they are read: `user_id`, then the four of a
    /// third-party invite.
    #[derive(Default)]
    struct RecipientFields([Slot<String>; 5]);

    struct RecipientVisitor;

    impl<'de> Visitor<'de> for RecipientVisitor {
        type Value = InvitationRecipient;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an invite by `user_id` or by third-party identifier")
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            let mut fields = RecipientFields::default();
            // The rest of the body belongs to the request's other fields.
            read_object(map, |name, map| {
                let Some(slot) = USER_FIELDS
                    .iter()
                    .chain(&THIRD_PARTY_FIELDS)
                    .position(|field| *field == name)
                else {
                    return Ok(false);
                };
                fields.0[slot].read_with(map, name, |map| {
                    map.next_value::<String>()
                        .map_err(|err| error_in_field(name, err))
                })?;
                Ok(true)
            })?;
            fields.build()
        }
    }

    impl RecipientFields {
        fn build<E: de::Error>(self) -> Result<InvitationRecipient, E> {
            let [user_id, id_server, id_access_token, medium, address] =
                self.0.map(Slot::into_inner);
            let third_party = [&id_server, &id_access_token, &medium, &address];
            let given: Vec<&str> = THIRD_PARTY_FIELDS
                .iter()
                .zip(third_party)
                .filter(|(_, value)| value.is_some())
                .map(|(name, _)| *name)
                .collect();
            match (user_id, given.is_empty()) {
                (Some(user_id), true) => {
                    let user_id = OwnedUserId::try_from(user_id)
                        .map_err(|err| error_in_field::<E>("user_id", err))?;
                    Ok(InvitationRecipient::UserId { user_id })
                }
                (Some(_), false) => Err(error_in_field(
                    "user_id",
                    format_args!(
                        "an invite by user ID cannot also carry a third-party identifier \
                         (`{}`): send one or the other",
                        given.join("`, `")
                    ),
                )),
                // Worded as serde's own, so that the error names `user_id` as the field.
                (None, true) => Err(E::custom(
                    "missing field `user_id` (or, for an invite by third-party identifier, \
                     `id_server`, `id_access_token`, `medium` and `address`)",
                )),
                (None, false) => {
                    let take = |value: Option<String>, name: &'static str| {
                        value.ok_or_else(|| E::missing_field(name))
                    };
                    Ok(InvitationRecipient::ThirdPartyId(Invite3pid {
                        id_server: take(id_server, "id_server")?,
                        id_access_token: take(id_access_token, "id_access_token")?,
                        medium: Medium::from(take(medium, "medium")?),
                        address: take(address, "address")?,
                    }))
                }
            }
        }
    }

    // The serde impls above are written by hand: the flattened `recipient` lists its fields
    // itself. Each is optional because each form requires fields the other lacks.
    matrix_api::with_describe! {
        impl matrix_api::describe::DescribeFields for InvitationRecipient {
            const FIELDS: &'static [matrix_api::describe::FieldDescription] = {
                use matrix_api::describe::{FieldDescription as Field, JsonType};
                &[
                    Field::body("user_id", JsonType::String, false),
                    Field::body("id_server", JsonType::String, false),
                    Field::body("id_access_token", JsonType::String, false),
                    Field::body("medium", JsonType::String, false),
                    Field::body("address", JsonType::String, false),
                ]
            };
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::SupportedVersions;
        use matrix_api::{IncomingRequest, MatrixVersion, OutgoingRequest, SendAccessToken};
        use serde_json::{json, Value};

        use super::{InvitationRecipient, Invite3pid, Medium, Request};

        fn send(request: Request) -> matrix_api::http::Request<Vec<u8>> {
            request
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[MatrixVersion::V1_1]),
                )
                .unwrap()
        }

        fn receive(body: Value) -> Result<Request, String> {
            receive_bytes(serde_json::to_vec(&body).unwrap())
        }

        fn receive_bytes(body: Vec<u8>) -> Result<Request, String> {
            let http = matrix_api::http::Request::post("/_matrix/client/v3/rooms/%21r%3Ahs/invite")
                .header("authorization", "Bearer t")
                .body(body)
                .unwrap();
            Request::try_from_http_request(http, &[] as &[&str]).map_err(|err| err.to_string())
        }

        fn body(http: &matrix_api::http::Request<Vec<u8>>) -> Value {
            serde_json::from_slice(http.body()).unwrap()
        }

        #[test]
        fn by_user_id_both_ways() {
            let user: ruma_common::OwnedUserId = "@cheeky_monkey:matrix.org".try_into().unwrap();
            let mut request = Request::new("!r:hs".try_into().unwrap(), user.into());
            request.reason = Some("Welcome to the team!".to_owned());
            let sent = send(request.clone());
            assert_eq!(
                sent.uri().path(),
                "/_matrix/client/v3/rooms/%21r%3Ahs/invite"
            );
            assert_eq!(
                body(&sent),
                json!({ "user_id": "@cheeky_monkey:matrix.org", "reason": "Welcome to the team!" })
            );
            assert_eq!(
                Request::try_from_http_request(sent, &[] as &[&str]).unwrap(),
                request
            );
        }

        #[test]
        fn by_third_party_id_both_ways() {
            let invite = Invite3pid::new(
                "matrix.org".to_owned(),
                "abc123_OpaqueString".to_owned(),
                Medium::Email,
                "cheeky@monkey.com".to_owned(),
            );
            let request = Request::new("!r:hs".try_into().unwrap(), invite.into());
            let sent = send(request.clone());
            let expected = json!({
                "id_server": "matrix.org",
                "id_access_token": "abc123_OpaqueString",
                "medium": "email",
                "address": "cheeky@monkey.com",
            });
            assert_eq!(body(&sent), expected);
            assert_eq!(
                Request::try_from_http_request(sent, &[] as &[&str]).unwrap(),
                request
            );
            let read = receive(expected).unwrap();
            assert!(
                matches!(read.recipient, InvitationRecipient::ThirdPartyId(ref i) if i.medium == Medium::Email)
            );
            // The token is a credential: Debug shows that it is there, not what.
            assert!(!format!("{read:?}").contains("abc123"));
        }

        #[test]
        fn a_body_of_neither_or_both_forms_is_refused_by_name() {
            let err = receive(json!({ "reason": "hi" })).unwrap_err();
            assert!(
                err.contains("field `user_id`") && err.contains("`id_server`"),
                "{err}"
            );
            let err = receive(json!({ "user_id": "@a:hs", "medium": "email" })).unwrap_err();
            assert!(
                err.contains("`user_id`") && err.contains("identifier (`medium`)"),
                "{err}"
            );
            let err = receive(json!({ "id_server": "is", "medium": "email", "address": "a@b" }))
                .unwrap_err();
            assert!(err.contains("id_access_token"), "{err}");
            let err = receive(json!({ "user_id": "alice" })).unwrap_err();
            assert!(err.contains("user_id"), "{err}");
            let err = receive(json!({ "user_id": 5 })).unwrap_err();
            assert!(err.contains("user_id"), "{err}");
            let err =
                receive_bytes(br#"{"user_id":"@a:hs","user_id":"@b:hs"}"#.to_vec()).unwrap_err();
            assert!(err.contains("user_id"), "{err}");
        }
    }
}
