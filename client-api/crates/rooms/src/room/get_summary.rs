//! `GET /_matrix/client/*/room_summary/{roomIdOrAlias}`: what a room is, before joining it.
//!
//! Its name, topic, avatar, size, join rule and type, for a room given by ID or alias: what a
//! client shows on a room link or a space child. A server may answer without an access token
//! for rooms anyone may join or read; with one, it adds the caller's membership.
//!
//! Before Matrix v1.15 servers served it under MSC3266's prefix, announced as
//! `im.nheko.summary`, at two paths: first `…/rooms/{roomIdOrAlias}/summary`, which the MSC
//! later called a mistake (an alias does not belong under `/rooms`), then
//! `…/summary/{roomIdOrAlias}` (Synapse from 1.106, which keeps the first). Both are declared,
//! so a server routes both; a client on such a server uses the first, which every
//! implementation serves.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v1::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv1room_summaryroomidoralias>

pub mod v1 {
    //! The v1 generation of the endpoint (stable since Matrix v1.15).

    use ruma_common::room::{JoinRuleKind, RoomType};
    use ruma_common::{
        EventEncryptionAlgorithm, OwnedMxcUri, OwnedRoomAliasId, OwnedRoomId, OwnedRoomOrAliasId,
        OwnedServerName, RoomVersionId,
    };

    /// The caller's membership, as `/members` filters by it.
    pub use crate::membership::get_member_events::v3::MembershipKind as Membership;
    use matrix_api::UInt;
    use matrix_api::{metadata, request, response, Metadata};

    // The client takes the last unstable path the server announces: the older path is listed
    // last on purpose, since Synapse before 1.106 serves only that one.
    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessTokenOptional,
        history: {
            unstable("im.nheko.summary") => "/_matrix/client/unstable/im.nheko.summary/summary/{room_id_or_alias}",
            unstable("im.nheko.summary") => "/_matrix/client/unstable/im.nheko.summary/rooms/{room_id_or_alias}/summary",
            1.15 => "/_matrix/client/v1/room_summary/{room_id_or_alias}",
        }
    };

    /// The request: the room, and servers that may know it.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The room's ID or one of its aliases.
        #[api(path)]
        pub room_id_or_alias: OwnedRoomOrAliasId,
        /// Servers to ask for the summary when this server is not in the room; the parameter
        /// is repeated, once per server.
        #[api(query)]
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub via: Vec<OwnedServerName>,
    }

    /// The response: the room's summary.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The room's ID.
        pub room_id: OwnedRoomId,
        /// The room's canonical alias, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub canonical_alias: Option<OwnedRoomAliasId>,
        /// The room's name, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub name: Option<String>,
        /// The room's plain-text topic, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub topic: Option<String>,
        /// The room's avatar, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub avatar_url: Option<OwnedMxcUri>,
        /// The `type` of the room's `m.room.create` event, such as `m.space`, if any.
        #[api(json = string)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub room_type: Option<RoomType>,
        /// How many members have joined.
        pub num_joined_members: UInt,
        /// The room's join rule, such as `public`, `knock` or `restricted`; absent means
        /// `public`.
        #[api(json = string)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub join_rule: Option<JoinRuleKind>,
        /// For a restricted room, the rooms whose members may join.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub allowed_room_ids: Vec<OwnedRoomId>,
        /// Whether anyone may read the room without joining.
        pub world_readable: bool,
        /// Whether guests may join.
        pub guest_can_join: bool,
        /// The encryption algorithm of an encrypted room, such as `m.megolm.v1.aes-sha2`.
        /// Also read as MSC3266's `im.nheko.summary.encryption`.
        #[serde(flatten, with = "unstable_names::encryption")]
        pub encryption: Option<EventEncryptionAlgorithm>,
        /// The room's version. Also read as MSC3266's `im.nheko.summary.room_version` or
        /// `im.nheko.summary.version`.
        #[serde(flatten, with = "unstable_names::room_version")]
        pub room_version: Option<RoomVersionId>,
        /// The caller's membership; absent when the request had no access token.
        #[api(json = string)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub membership: Option<Membership>,
    }

    /// The fields MSC3266 named with its prefix, as servers sent them before Matrix v1.15 (some
    /// send both names): read under any of their names, the stable one first, and written
    /// under the stable one only.
    mod unstable_names {
        use std::fmt;
        use std::marker::PhantomData;

        use matrix_api::json::{error_in_field, Key};
        use serde::de::{self, DeserializeOwned, IgnoredAny, MapAccess, Visitor};
        use serde::ser::SerializeMap;
        use serde::{Deserializer, Serialize, Serializer};

        /// A field's names, the stable one first.
        struct Names<T> {
            names: &'static [&'static str],
            value: PhantomData<T>,
        }

        impl<'de, T: DeserializeOwned> Visitor<'de> for Names<T> {
            type Value = Option<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a room summary object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<T>, A::Error> {
                // (index of the name in `names`, value): the lowest index wins.
                let mut found: Option<(usize, T)> = None;
                while let Some(key) = map.next_key::<Key<'de>>()? {
                    let Some(index) = self.names.iter().position(|name| *name == key.as_str())
                    else {
                        map.next_value::<IgnoredAny>()?;
                        continue;
                    };
                    let value: Option<T> = map
                        .next_value()
                        .map_err(|e| error_in_field(self.names[index], e))?;
                    match (&found, value) {
                        (Some((earlier, _)), _) if *earlier == index => {
                            return Err(de::Error::duplicate_field(self.names[index]))
                        }
                        (Some((earlier, _)), Some(value)) if index < *earlier => {
                            found = Some((index, value))
                        }
                        (None, Some(value)) => found = Some((index, value)),
                        _ => {}
                    }
                }
                Ok(found.map(|(_, value)| value))
            }
        }

        fn read<'de, D: Deserializer<'de>, T: DeserializeOwned>(
            input: D,
            names: &'static [&'static str],
        ) -> Result<Option<T>, D::Error> {
            input.deserialize_map(Names {
                names,
                value: PhantomData,
            })
        }

        fn write<S: Serializer, T: Serialize>(
            value: &Option<T>,
            name: &'static str,
            out: S,
        ) -> Result<S::Ok, S::Error> {
            let mut map = out.serialize_map(None)?;
            if let Some(value) = value {
                map.serialize_entry(name, value)?;
            }
            map.end()
        }

        macro_rules! field {
            ($module:ident: $ty:ty, [$stable:literal $(, $unstable:literal)*]) => {
                pub mod $module {
                    use super::*;

                    pub fn serialize<S: Serializer>(
                        value: &Option<$ty>,
                        out: S,
                    ) -> Result<S::Ok, S::Error> {
                        write(value, $stable, out)
                    }

                    pub fn deserialize<'de, D: Deserializer<'de>>(
                        input: D,
                    ) -> Result<Option<$ty>, D::Error> {
                        read(input, &[$stable $(, $unstable)*])
                    }

                    matrix_api::with_describe! {
                        use matrix_api::describe::{FieldDescription, JsonType};

                        /// The field under its stable name.
                        pub const FIELDS: &[FieldDescription] =
                            &[FieldDescription::body($stable, JsonType::String, false)];
                    }
                }
            };
        }

        field!(encryption: ruma_common::EventEncryptionAlgorithm, [
            "encryption",
            "im.nheko.summary.encryption"
        ]);
        field!(room_version: ruma_common::RoomVersionId, [
            "room_version",
            "im.nheko.summary.room_version",
            "im.nheko.summary.version"
        ]);
    }

    impl Request {
        /// A request for this room's summary, asking no other server.
        pub fn new(room_id_or_alias: OwnedRoomOrAliasId) -> Self {
            Request {
                room_id_or_alias,
                via: Vec::new(),
            }
        }
    }

    impl Response {
        /// A summary with the fields the specification requires; the rest absent.
        pub fn new(
            room_id: OwnedRoomId,
            num_joined_members: UInt,
            world_readable: bool,
            guest_can_join: bool,
        ) -> Self {
            Response {
                room_id,
                canonical_alias: None,
                name: None,
                topic: None,
                avatar_url: None,
                room_type: None,
                num_joined_members,
                join_rule: None,
                allowed_room_ids: Vec::new(),
                world_readable,
                guest_can_join,
                encryption: None,
                room_version: None,
                membership: None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use matrix_api::{IncomingRequest, OutgoingRequest, SendAccessToken, SupportedVersions};
    use std::collections::BTreeMap;

    use matrix_api::{IncomingResponse, OutgoingResponse};

    use super::v1::{Membership, Request, Response};

    #[test]
    fn via_repeats_and_the_path_takes_an_alias() {
        let mut request = Request::new("#monkeys:matrix.org".parse().unwrap());
        request.via = vec![
            "matrix.org".parse().unwrap(),
            "elsewhere.ca".parse().unwrap(),
        ];
        let announced = BTreeMap::from([("im.nheko.summary", true)]);
        let sent = request
            .clone()
            .try_into_http_request(
                "https://hs",
                SendAccessToken::None,
                &SupportedVersions::from_parts(&["v1.14"], &announced),
            )
            .unwrap();
        assert_eq!(
            sent.uri().path_and_query().unwrap(),
            "/_matrix/client/unstable/im.nheko.summary/rooms/%23monkeys%3Amatrix.org/summary?via=matrix.org&via=elsewhere.ca"
        );
        assert!(sent.headers().get("authorization").is_none());
        let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
        assert_eq!(read, request);

        let stable = request
            .try_into_http_request(
                "https://hs",
                SendAccessToken::IfRequired("t"),
                &SupportedVersions::from_parts(&["v1.15"], &BTreeMap::<String, bool>::new()),
            )
            .unwrap();
        assert!(stable
            .uri()
            .path()
            .starts_with("/_matrix/client/v1/room_summary/%23monkeys"));
        // The MSC's corrected unstable path reaches the same request on a server.
        let corrected = matrix_api::http::Request::get(
            "/_matrix/client/unstable/im.nheko.summary/summary/%21r%3Aexample.org",
        )
        .body(Vec::new())
        .unwrap();
        let read = Request::try_from_http_request(corrected, &[] as &[&str]).unwrap();
        assert_eq!(read.room_id_or_alias, "!r:example.org");
    }

    #[test]
    fn msc3266_names_are_read_and_the_stable_ones_written() {
        let body = r#"{"room_id":"!r:example.org","num_joined_members":1,"world_readable":false,"guest_can_join":false,"im.nheko.summary.version":"9","im.nheko.summary.room_version":"10","im.nheko.summary.encryption":"m.megolm.v1.aes-sha2"}"#;
        let answer = matrix_api::http::Response::builder()
            .status(200)
            .body(body.as_bytes().to_vec())
            .unwrap();
        let response = Response::try_from_http_response(answer).unwrap();
        assert_eq!(
            response.room_version.as_ref().map(|v| v.as_str()),
            Some("10")
        );
        assert_eq!(
            response.encryption.as_ref().map(|e| e.as_str()),
            Some("m.megolm.v1.aes-sha2")
        );
        let again = response.try_into_http_response().unwrap();
        assert_eq!(
            std::str::from_utf8(again.body()).unwrap(),
            r#"{"room_id":"!r:example.org","num_joined_members":1,"world_readable":false,"guest_can_join":false,"encryption":"m.megolm.v1.aes-sha2","room_version":"10"}"#
        );
        // Both names: the stable one counts.
        let both = r#"{"room_id":"!r:example.org","num_joined_members":1,"world_readable":false,"guest_can_join":false,"im.nheko.summary.room_version":"10","room_version":"11"}"#;
        let answer = matrix_api::http::Response::builder()
            .status(200)
            .body(both.as_bytes().to_vec())
            .unwrap();
        let response = Response::try_from_http_response(answer).unwrap();
        assert_eq!(
            response.room_version.as_ref().map(|v| v.as_str()),
            Some("11")
        );
        let odd = both.replace(r#""room_version":"11""#, r#""room_version":11"#);
        let answer = matrix_api::http::Response::builder()
            .status(200)
            .body(odd.into_bytes())
            .unwrap();
        let err = Response::try_from_http_response(answer).unwrap_err();
        assert!(err.to_string().contains("`room_version`"), "{err}");
    }

    #[test]
    fn a_summary_reads_and_writes_back_unchanged() {
        // An unauthenticated answer (no membership), and one with a membership this crate
        // does not name.
        for body in [
            r#"{"room_id":"!r:example.org","num_joined_members":3,"world_readable":false,"guest_can_join":true}"#,
            r#"{"room_id":"!r:example.org","room_type":"m.space","num_joined_members":3,"join_rule":"knock_restricted","allowed_room_ids":["!s:example.org"],"world_readable":true,"guest_can_join":false,"room_version":"12","membership":"org.example.pending"}"#,
        ] {
            let answer = matrix_api::http::Response::builder()
                .status(200)
                .body(body.as_bytes().to_vec())
                .unwrap();
            let response = Response::try_from_http_response(answer).unwrap();
            assert_ne!(response.membership, Some(Membership::Join));
            let again = response.try_into_http_response().unwrap();
            assert_eq!(std::str::from_utf8(again.body()).unwrap(), body);
        }
    }
}
