//! Reading free-form JSON (unknown fields kept for passing on, unknown error codes, custom login
//! types) without losing anything.
//!
//! `serde_json::Value` and maps keep the last of a key given twice, silently: a login body with
//! two `password`s, or an unknown type's field given twice, would read as one of them. These
//! readers refuse such an object instead, as the derived and hand-written readers of known
//! fields already do (`duplicate field`).

use std::collections::BTreeMap;
use std::fmt;

use ruma_common::serde::JsonObject;
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// A JSON value in which no object gives a key twice.
pub struct ExactValue(pub Value);

/// A JSON object in which no object gives a key twice, at any depth.
pub struct ExactObject(pub JsonObject);

impl<'de> Deserialize<'de> for ExactValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(ExactValueVisitor)
            .map(ExactValue)
    }
}

impl<'de> Deserialize<'de> for ExactObject {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ExactObjectVisitor)
    }
}

struct ExactObjectVisitor;

impl<'de> Visitor<'de> for ExactObjectVisitor {
    type Value = ExactObject;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ExactObject, A::Error> {
        exact_object(map).map(ExactObject)
    }
}

/// Reads the rest of an object into a `JsonObject` directly (no intermediate map), refusing a
/// key given twice at any depth.
pub(crate) fn exact_object<'de, A: MapAccess<'de>>(mut map: A) -> Result<JsonObject, A::Error> {
    let mut object = JsonObject::new();
    while let Some(key) = map.next_key::<Key<'de>>()? {
        if object.contains_key(key.as_str()) {
            return Err(duplicate_key(key.as_str()));
        }
        let ExactValue(value) = map.next_value()?;
        object.insert(key.into_owned(), value);
    }
    Ok(object)
}

/// An object's key, borrowed from the input when it can be, so that readers which match keys
/// against the fields they know allocate only for the keys they keep.
pub enum Key<'de> {
    /// Borrowed from the input.
    Borrowed(&'de str),
    /// Unescaped, or read from an input that lends nothing.
    Owned(String),
}

impl Key<'_> {
    /// The key.
    pub fn as_str(&self) -> &str {
        match self {
            Key::Borrowed(key) => key,
            Key::Owned(key) => key,
        }
    }

    /// The key, owned.
    pub fn into_owned(self) -> String {
        match self {
            Key::Borrowed(key) => key.to_owned(),
            Key::Owned(key) => key,
        }
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

/// Reads a [`Key`]: a string, borrowed where the input lends it.
pub(super) struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
        Ok(Key::Borrowed(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
        Ok(Key::Owned(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
        Ok(Key::Owned(v))
    }
}

/// For `#[serde(deserialize_with = "matrix_api::json::unique_keys")]` on a map field (`flatten`
/// included): the map, refused when a key is given twice.
pub fn unique_keys<'de, D, V>(deserializer: D) -> Result<BTreeMap<String, V>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de>,
{
    deserializer.deserialize_map(UniqueKeys(Default::default()))
}

/// [`unique_keys`] for a map of JSON values, which are read as [`ExactValue`]s.
pub fn unique_keys_exact<'de, D>(deserializer: D) -> Result<BTreeMap<String, Value>, D::Error>
where
    D: Deserializer<'de>,
{
    let map = deserializer.deserialize_map(UniqueKeys::<ExactValue>(Default::default()))?;
    Ok(map.into_iter().map(|(key, value)| (key, value.0)).collect())
}

/// The error for a key given twice, worded like serde's own (`duplicate field `x``).
pub fn duplicate_key<E: de::Error>(key: &str) -> E {
    E::custom(format_args!("duplicate field `{key}`"))
}

struct UniqueKeys<V>(std::marker::PhantomData<V>);

impl<'de, V: Deserialize<'de>> Visitor<'de> for UniqueKeys<V> {
    type Value = BTreeMap<String, V>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut object = BTreeMap::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                return Err(duplicate_key(&key));
            }
            let value = map.next_value()?;
            object.insert(key, value);
        }
        Ok(object)
    }
}

struct ExactValueVisitor;

impl<'de> Visitor<'de> for ExactValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        // JSON has no NaN or infinity, so a finite number always comes here.
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(ExactValue(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Value, A::Error> {
        exact_object(map).map(Value::Object)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_value_reads() {
        let text =
            r#"[{"a": {"b": 1.5e300, "c": null}}, -0, 18446744073709551616, "\u00e9", true]"#;
        let exact: ExactValue = serde_json::from_str(text).unwrap();
        assert_eq!(exact.0, serde_json::from_str::<Value>(text).unwrap());
        // Through a `Value` too, as a type read from an already parsed object does.
        let value: Value = serde_json::from_str(text).unwrap();
        assert_eq!(
            serde_json::from_value::<ExactValue>(value.clone())
                .unwrap()
                .0,
            value
        );
    }

    #[test]
    fn refuses_a_key_given_twice_at_any_depth() {
        for text in [r#"{"a": 1, "a": 1}"#, r#"[{"x": {"a": 1, "a": 2}}]"#] {
            let err = serde_json::from_str::<ExactValue>(text).err().unwrap();
            assert!(err.to_string().starts_with("duplicate field `a`"), "{err}");
        }
        assert!(serde_json::from_str::<ExactObject>(r#"{"x": [{"a": 1, "a": 2}]}"#).is_err());
        let mut de = serde_json::Deserializer::from_str(r#"{"f": true, "f": false}"#);
        assert!(unique_keys::<_, bool>(&mut de).is_err());
    }
}
