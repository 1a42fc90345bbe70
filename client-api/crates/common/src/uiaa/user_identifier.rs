//! [`UserIdentifier`]: who is authenticating, in a password stage and in `/login`.

use std::fmt;

use matrix_api::json::{read_tagged, Kept, Key, Slot, Tagged};
use ruma_common::serde::JsonObject;
use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::TYPE_FIELD;

const ID_USER: &str = "m.id.user";
const ID_THIRD_PARTY: &str = "m.id.thirdparty";
const ID_PHONE: &str = "m.id.phone";

/// Who is authenticating: the `identifier` of a password stage (and of `/login`).
///
/// On the wire an object tagged by `type`. An identifier type this crate does not model is
/// [`UserIdentifier::Unknown`], which keeps every field so that it can be passed on unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum UserIdentifier {
    /// `m.id.user`: a Matrix user ID or its localpart.
    User {
        /// The user ID (`@alice:example.org`) or localpart (`alice`).
        user: String,
    },
    /// `m.id.thirdparty`: a third-party identifier bound to the account, such as an email address.
    ThirdParty {
        /// The kind of identifier, such as `email` or `msisdn`.
        medium: String,
        /// The identifier itself, such as `alice@example.org`.
        address: String,
    },
    /// `m.id.phone`: a phone number as the user typed it, with the country it belongs to.
    Phone {
        /// The two-letter country code the number is from, such as `GB`.
        country: String,
        /// The number, in the format the user typed.
        phone: String,
    },
    /// Any other identifier type, with all its fields.
    Unknown {
        /// The `type`.
        id_type: String,
        /// Every field except `type`.
        extra: JsonObject,
    },
}

impl UserIdentifier {
    /// An `m.id.user` identifier.
    pub fn user(user: impl Into<String>) -> Self {
        UserIdentifier::User { user: user.into() }
    }

    /// An `m.id.thirdparty` identifier.
    pub fn third_party(medium: impl Into<String>, address: impl Into<String>) -> Self {
        UserIdentifier::ThirdParty {
            medium: medium.into(),
            address: address.into(),
        }
    }

    /// An `m.id.phone` identifier.
    pub fn phone(country: impl Into<String>, phone: impl Into<String>) -> Self {
        UserIdentifier::Phone {
            country: country.into(),
            phone: phone.into(),
        }
    }

    /// The `type` on the wire, such as `m.id.user`.
    pub fn id_type(&self) -> &str {
        match self {
            UserIdentifier::User { .. } => ID_USER,
            UserIdentifier::ThirdParty { .. } => ID_THIRD_PARTY,
            UserIdentifier::Phone { .. } => ID_PHONE,
            UserIdentifier::Unknown { id_type, .. } => id_type,
        }
    }
}

impl Serialize for UserIdentifier {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        // `type` first, so that readers like ours take the direct path.
        map.serialize_entry(TYPE_FIELD, self.id_type())?;
        match self {
            UserIdentifier::User { user } => map.serialize_entry("user", user)?,
            UserIdentifier::ThirdParty { medium, address } => {
                map.serialize_entry("medium", medium)?;
                map.serialize_entry("address", address)?;
            }
            UserIdentifier::Phone { country, phone } => {
                map.serialize_entry("country", country)?;
                map.serialize_entry("phone", phone)?;
            }
            UserIdentifier::Unknown { extra, .. } => {
                for (key, value) in extra.iter().filter(|(key, _)| *key != TYPE_FIELD) {
                    map.serialize_entry(key, value)?;
                }
            }
        }
        map.end()
    }
}

#[derive(Clone, Copy)]
enum KnownIdType {
    User,
    ThirdParty,
    Phone,
}

impl KnownIdType {
    /// The type's fields, in the order of the reader's slots.
    fn fields(self) -> &'static [&'static str] {
        match self {
            KnownIdType::User => &["user"],
            KnownIdType::ThirdParty => &["medium", "address"],
            KnownIdType::Phone => &["country", "phone"],
        }
    }
}

/// Reads a [`UserIdentifier`].
struct UserIdentifierReader;

impl Tagged for UserIdentifierReader {
    type Value = UserIdentifier;
    type Kind = KnownIdType;
    type Fields = [Slot<String>; 2];

    fn kind(id_type: &str) -> Option<KnownIdType> {
        match id_type {
            ID_USER => Some(KnownIdType::User),
            ID_THIRD_PARTY => Some(KnownIdType::ThirdParty),
            ID_PHONE => Some(KnownIdType::Phone),
            _ => None,
        }
    }

    #[inline]
    fn read_field<'de, A: MapAccess<'de>>(
        kind: Option<KnownIdType>,
        name: &str,
        fields: &mut Self::Fields,
        map: &mut A,
    ) -> Result<bool, A::Error> {
        match kind.and_then(|kind| kind.fields().iter().position(|field| *field == name)) {
            Some(slot) => fields[slot].read(map, name).map(|()| true),
            None => Ok(false),
        }
    }

    #[inline]
    fn build<E: de::Error>(
        id_type: Option<Key<'_>>,
        kind: Option<KnownIdType>,
        [first, second]: Self::Fields,
        mut rest: Kept,
    ) -> Result<Self::Value, E> {
        let id_type = id_type.ok_or_else(|| E::missing_field(TYPE_FIELD))?;
        Ok(match kind {
            Some(KnownIdType::User) => UserIdentifier::User {
                user: first.or_kept(&mut rest, "user")?,
            },
            Some(KnownIdType::ThirdParty) => UserIdentifier::ThirdParty {
                medium: first.or_kept(&mut rest, "medium")?,
                address: second.or_kept(&mut rest, "address")?,
            },
            Some(KnownIdType::Phone) => UserIdentifier::Phone {
                country: first.or_kept(&mut rest, "country")?,
                phone: second.or_kept(&mut rest, "phone")?,
            },
            None => UserIdentifier::Unknown {
                id_type: id_type.into_owned(),
                extra: rest.into_object(),
            },
        })
    }
}

impl<'de> Deserialize<'de> for UserIdentifier {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(UserIdentifierVisitor)
    }
}

struct UserIdentifierVisitor;

impl<'de> Visitor<'de> for UserIdentifierVisitor {
    type Value = UserIdentifier;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a user identifier object with a string `type`")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<UserIdentifier, A::Error> {
        read_tagged::<UserIdentifierReader, A>(map)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use super::*;
    use crate::uiaa::test_util::{assert_round_trip, object};

    #[test]
    fn user_identifier_variants_round_trip() {
        assert_round_trip(
            json!({ "type": "m.id.user", "user": "@alice:example.org" }),
            UserIdentifier::user("@alice:example.org"),
        );
        assert_round_trip(
            json!({ "type": "m.id.thirdparty", "medium": "email", "address": "alice@example.org" }),
            UserIdentifier::third_party("email", "alice@example.org"),
        );
        assert_round_trip(
            json!({ "type": "m.id.phone", "country": "GB", "phone": "07700900001" }),
            UserIdentifier::phone("GB", "07700900001"),
        );
        assert_round_trip(
            json!({ "type": "org.example.id", "nested": { "a": [1, 2] }, "n": 3 }),
            UserIdentifier::Unknown {
                id_type: "org.example.id".into(),
                extra: object(json!({ "nested": { "a": [1, 2] }, "n": 3 })),
            },
        );
    }

    #[test]
    fn user_identifier_type_may_come_last() {
        let id: UserIdentifier = serde_json::from_str(
            r#"{"address": "alice@example.org", "medium": "email", "type": "m.id.thirdparty"}"#,
        )
        .unwrap();
        assert_eq!(
            id,
            UserIdentifier::third_party("email", "alice@example.org")
        );
        assert_eq!(id.id_type(), "m.id.thirdparty");
    }

    #[test]
    fn user_identifier_errors_name_the_field() {
        let missing = serde_json::from_value::<UserIdentifier>(
            json!({ "type": "m.id.phone", "country": "GB" }),
        );
        assert!(missing
            .unwrap_err()
            .to_string()
            .contains("missing field `phone`"));

        let no_type = serde_json::from_value::<UserIdentifier>(json!({ "user": "alice" }));
        assert!(no_type
            .unwrap_err()
            .to_string()
            .contains("missing field `type`"));

        // Buffered before `type` was seen, then found to be of the wrong type.
        let wrong_type =
            serde_json::from_str::<UserIdentifier>(r#"{"user": 5, "type": "m.id.user"}"#);
        assert!(wrong_type.unwrap_err().to_string().contains("field `user`"));

        let duplicate = serde_json::from_str::<UserIdentifier>(
            r#"{"type": "m.id.user", "user": "a", "user": "b"}"#,
        );
        assert!(duplicate
            .unwrap_err()
            .to_string()
            .contains("duplicate field `user`"));
    }

    #[test]
    fn user_identifier_unknown_never_writes_type_twice() {
        let id = UserIdentifier::Unknown {
            id_type: "org.example.id".into(),
            extra: object(json!({ "type": "m.id.user", "k": "v" })),
        };
        let text = serde_json::to_string(&id).unwrap();
        assert_eq!(text.matches("\"type\"").count(), 1, "{text}");
        assert_eq!(
            serde_json::from_str::<Value>(&text).unwrap(),
            json!({ "type": "org.example.id", "k": "v" })
        );
    }
}
