//! Tags a user puts on rooms (favourites, low priority, their own `u.*` tags), each with an
//! optional order among the rooms of the tag.
//!
//! The types shared by the tag endpoints are here: [`TagName`] and [`TagInfo`].

pub mod create_tag;
pub mod delete_tag;
pub mod get_tags;

use std::collections::BTreeMap;
use std::fmt;

use matrix_api::json::{read_object, unique_keys, ExactValue, Slot};
use ruma_common::serde::JsonObject;
use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::string_enum::string_enum;

string_enum! {
    /// The name of a tag. The specification names three; users' own tags start with `u.`
    /// ([`TagName::user`]), and clients may use namespaced names of their own.
    pub enum TagName {
        /// `m.favourite`: the user's favourite rooms.
        Favourite => "m.favourite",
        /// `m.lowpriority`: rooms the user cares little about.
        LowPriority => "m.lowpriority",
        /// `m.server_notice`: the room of the server's notices to the user.
        ServerNotice => "m.server_notice",
    }
}

impl TagName {
    /// A user-defined tag: `u.` followed by `name`, which may be any text.
    pub fn user(name: &str) -> Self {
        TagName::from(format!("u.{name}"))
    }

    /// The name of a user-defined tag (`u.work` → `work`); `None` for other tags.
    pub fn user_name(&self) -> Option<&str> {
        self.as_str().strip_prefix("u.")
    }
}

/// What a tag records about a room: its order among the tag's rooms, and anything else a
/// client stored with it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TagInfo {
    /// Where the room sorts among the rooms of the tag, in `[0, 1]`, lowest first. Only a
    /// finite number can be written.
    pub order: Option<f64>,
    /// Every other field, as it came. An `order` that is not a number (some clients wrote it
    /// as a string) is kept here too, so that it is written back unchanged; when
    /// [`order`](Self::order) is set, an `order` here is not written.
    pub other: JsonObject,
}

impl TagInfo {
    /// A tag without order.
    pub fn new() -> Self {
        TagInfo::default()
    }

    /// A tag with this order.
    pub fn with_order(order: f64) -> Self {
        TagInfo {
            order: Some(order),
            other: JsonObject::new(),
        }
    }
}

const ORDER: &str = "order";

/// The largest integer a JSON number carries exactly to every reader (2^53 - 1).
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

impl Serialize for TagInfo {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if let Some(order) = self.order {
            // serde_json writes a non-finite number as `null`, which no reader takes for one.
            if !order.is_finite() {
                return Err(serde::ser::Error::custom(format_args!(
                    "field `order`: {order} is not a number JSON can carry"
                )));
            }
            // A whole number is written as an integer, as the JavaScript clients that write
            // most tags do, so that their `1` is not sent back as `1.0`.
            if order.fract() == 0.0 && order.abs() <= MAX_SAFE_INTEGER {
                map.serialize_entry(ORDER, &(order as i64))?;
            } else {
                map.serialize_entry(ORDER, &order)?;
            }
        }
        for (name, value) in &self.other {
            if name != ORDER || self.order.is_none() {
                map.serialize_entry(name, value)?;
            }
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for TagInfo {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(TagInfoVisitor)
    }
}

struct TagInfoVisitor;

impl<'de> Visitor<'de> for TagInfoVisitor {
    type Value = TagInfo;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object of tag information")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<TagInfo, A::Error> {
        let mut order = Slot::<Value>::default();
        let mut other = read_object(map, |name, map| {
            if name != ORDER {
                return Ok(false);
            }
            order.read_with(map, ORDER, |map| map.next_value().map(|ExactValue(v)| v))?;
            Ok(true)
        })?;
        let order = match order.into_inner() {
            Some(Value::Number(number)) => number.as_f64(),
            Some(kept) => {
                other.insert(ORDER.to_owned(), kept);
                None
            }
            None => None,
        };
        Ok(TagInfo { order, other })
    }
}

/// The `tags` object of [`get_tags`]: refused when it names a tag twice.
pub(crate) fn deserialize_tags<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<BTreeMap<TagName, TagInfo>, D::Error> {
    let tags: BTreeMap<String, TagInfo> = unique_keys(deserializer)?;
    Ok(tags
        .into_iter()
        .map(|(name, info)| (name.into(), info))
        .collect())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::{TagInfo, TagName};

    #[test]
    fn tag_names_are_open_and_user_tags_have_a_helper() {
        assert_eq!(TagName::from("m.favourite"), TagName::Favourite);
        let work = TagName::user("Work stuff");
        assert_eq!(work.as_str(), "u.Work stuff");
        assert_eq!(work.user_name(), Some("Work stuff"));
        assert_eq!(TagName::LowPriority.user_name(), None);
    }

    #[test]
    fn tag_info_keeps_other_fields_and_an_order_that_is_no_number() {
        let sent = json!({ "order": 0.25, "org.example.colour": "red" });
        let info: TagInfo = serde_json::from_value(sent.clone()).unwrap();
        assert_eq!(info.order, Some(0.25));
        assert_eq!(info.other["org.example.colour"], "red");
        assert_eq!(serde_json::to_value(&info).unwrap(), sent);

        let stringly = json!({ "order": "0.5" });
        let info: TagInfo = serde_json::from_value(stringly.clone()).unwrap();
        assert_eq!(info.order, None);
        assert_eq!(serde_json::to_value(&info).unwrap(), stringly);

        let mut both = TagInfo::with_order(0.1);
        both.other.insert("order".to_owned(), json!("stale"));
        assert_eq!(
            serde_json::to_value(&both).unwrap(),
            json!({ "order": 0.1 })
        );

        assert_eq!(serde_json::to_value(TagInfo::new()).unwrap(), json!({}));

        for whole in [
            json!({ "order": 1 }),
            json!({ "order": 0 }),
            json!({ "order": -3 }),
        ] {
            let info: TagInfo = serde_json::from_value(whole.clone()).unwrap();
            assert_eq!(serde_json::to_string(&info).unwrap(), whole.to_string());
        }
        let huge = TagInfo::with_order(1e300);
        assert_eq!(serde_json::to_string(&huge).unwrap(), r#"{"order":1e+300}"#);
    }

    #[test]
    fn bad_tag_info_is_refused_with_its_field_named() {
        let err = serde_json::from_str::<TagInfo>(r#"{"order":0.1,"order":0.2}"#).unwrap_err();
        assert!(err.to_string().contains("duplicate field `order`"), "{err}");
        let err = serde_json::from_str::<TagInfo>("[]").unwrap_err();
        assert!(err.to_string().contains("tag information"), "{err}");
        let err = serde_json::to_string(&TagInfo::with_order(f64::NAN)).unwrap_err();
        assert!(err.to_string().contains("field `order`"), "{err}");
    }

    #[test]
    fn a_tag_named_twice_is_refused() {
        let err = super::deserialize_tags(&mut serde_json::Deserializer::from_str(
            r#"{"u.a":{},"u.a":{"order":1}}"#,
        ))
        .unwrap_err();
        assert!(err.to_string().contains("duplicate field `u.a`"), "{err}");
    }
}
