//! Readers for JSON objects that mix fields a type knows with fields it keeps as they came: one
//! for objects with typed keys plus the rest ([`read_object`]), and one for objects whose
//! `type` field decides which keys are typed ([`Tagged`], [`read_tagged`]).
//!
//! Both read the input once, borrow keys where the input lends them, keep the unknown fields as
//! [`ExactValue`]s and refuse an object that gives a key twice, at any depth: a map or a
//! `serde_json::Value` would silently keep one of the two, and the other could be what the
//! server acts on.

use std::fmt;

use ruma_common::serde::JsonObject;
use serde::de::{self, DeserializeOwned, MapAccess, Unexpected, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use super::exact::{duplicate_key, ExactValue, Key, KeyVisitor};

/// Reads the rest of an object: each key goes to `known` first, which reads the value when the
/// key is one it knows (returning `true`); every other key is kept, with its value, in the
/// returned object.
///
/// A key given twice is refused: among the kept keys here, among the known ones by their
/// [`Slot`]s. A key kept before it became known (a field that came before the `type` that
/// decides it) and then given again is refused too.
#[inline]
pub fn read_object<'de, A, F>(mut map: A, mut known: F) -> Result<JsonObject, A::Error>
where
    A: MapAccess<'de>,
    F: FnMut(&str, &mut A) -> Result<bool, A::Error>,
{
    let mut rest = Kept::default();
    while let Some(key) = map.next_key::<Key<'de>>()? {
        read_key(&mut rest, key, &mut map, &mut known)?;
    }
    Ok(rest.into_object())
}

/// One key of an object read by [`read_object`] or [`TaggedFields`]: refused when it was kept
/// already, read by `known` when it knows it, and kept with its value otherwise.
#[inline]
fn read_key<'de, A: MapAccess<'de>>(
    rest: &mut Kept,
    key: Key<'de>,
    map: &mut A,
    known: impl FnOnce(&str, &mut A) -> Result<bool, A::Error>,
) -> Result<(), A::Error> {
    let name = key.as_str();
    if rest.contains_key(name) {
        return Err(duplicate_key(name));
    }
    if !known(name, map)? {
        let ExactValue(value) = map.next_value()?;
        rest.0
            .get_or_insert_with(JsonObject::new)
            .insert(key.into_owned(), value);
    }
    Ok(())
}

/// The fields of an object kept as they came while it is read, for [`Tagged::build`]: no map
/// at all until one is kept. Most objects have only keys their type knows, and then none is
/// made or dropped (an empty `JsonObject`'s drop alone is about 60 instructions, on a login
/// of 6,000).
#[derive(Debug, Default)]
pub struct Kept(Option<JsonObject>);

impl Kept {
    /// Whether field `name` was kept.
    #[inline]
    pub fn contains_key(&self, name: &str) -> bool {
        self.0.as_ref().is_some_and(|kept| kept.contains_key(name))
    }

    /// Takes field `name` out, if it was kept.
    #[inline]
    pub fn remove(&mut self, name: &str) -> Option<Value> {
        self.0.as_mut().and_then(|kept| kept.remove(name))
    }

    /// The fields kept, as an object (empty if none was).
    #[inline]
    pub fn into_object(self) -> JsonObject {
        self.0.unwrap_or_default()
    }
}

/// The value of one known field while an object is read: empty until the field is seen, and a
/// second sighting is refused.
#[derive(Debug)]
pub struct Slot<T>(Option<T>);

impl<T> Default for Slot<T> {
    fn default() -> Self {
        Slot(None)
    }
}

impl<T> Slot<T> {
    /// Reads the field's value into the slot; `duplicate field` if it already holds one.
    #[inline]
    pub fn read<'de, A: MapAccess<'de>>(&mut self, map: &mut A, name: &str) -> Result<(), A::Error>
    where
        T: Deserialize<'de>,
    {
        self.read_with(map, name, |map| map.next_value())
    }

    /// [`Slot::read`] with a reader of the caller's, for values that need more than their type's
    /// `Deserialize` (a message that names the field, a different type on the wire).
    #[inline]
    pub fn read_with<'de, A: MapAccess<'de>>(
        &mut self,
        map: &mut A,
        name: &str,
        read: impl FnOnce(&mut A) -> Result<T, A::Error>,
    ) -> Result<(), A::Error> {
        if self.0.is_some() {
            return Err(duplicate_key(name));
        }
        self.0 = Some(read(map)?);
        Ok(())
    }

    /// Whether the field was seen.
    #[inline]
    pub fn is_filled(&self) -> bool {
        self.0.is_some()
    }

    /// The value, if the field was seen.
    #[inline]
    pub fn into_inner(self) -> Option<T> {
        self.0
    }

    /// The value read into the slot, or else the one kept in `rest` before the field was known
    /// (converted to `T`, an error naming the field if it does not fit); `missing field` if
    /// there is neither.
    #[inline]
    pub fn or_kept<E: de::Error>(self, rest: &mut Kept, name: &'static str) -> Result<T, E>
    where
        T: DeserializeOwned,
    {
        if let Some(value) = self.0 {
            return Ok(value);
        }
        match rest.remove(name) {
            Some(value) => T::deserialize(value)
                .map_err(|err| E::custom(format_args!("field `{name}`: {err}"))),
            None => Err(E::missing_field(name)),
        }
    }
}

/// How to read a type whose JSON form is an object tagged by a string field, `type`: the tag
/// decides which other fields are typed, and a tag the type does not model keeps every field.
/// Implemented by a (private) reader type, so that the kinds and fields stay private too.
///
/// JSON does not order an object's keys, so the tag may come after the fields it decides.
/// [`read_tagged`] reads fields that arrive once the tag is known straight into the type's
/// [`Slot`]s ([`Tagged::read_field`]) and keeps the ones that came before it as JSON, which
/// [`Tagged::build`] then takes with [`Slot::or_kept`]. The input is read once either way.
pub trait Tagged {
    /// The type read.
    type Value;
    /// The tags the type models.
    type Kind: Copy;
    /// The typed fields, read so far.
    type Fields: Default;

    /// The name of the tag field.
    const TAG: &'static str = "type";

    /// The kind a tag names, `None` for one the type does not model.
    fn kind(tag: &str) -> Option<Self::Kind>;

    /// Reads the value of the tag field: `Ok(None)` where the type accepts a `null` tag as
    /// absent. By default only a string is a tag, refused otherwise with serde's own wording;
    /// [`string_tag`] refuses with a message of the type's.
    ///
    /// The tag is borrowed from the input where it can be: a tag the type models is only
    /// matched, and [`Tagged::build`] copies it out for one it does not.
    fn read_tag<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<Key<'de>>, A::Error> {
        map.next_value::<Key<'de>>().map(Some)
    }

    /// Reads field `name` into `fields` when it is one the type reads directly, given the kind
    /// known so far (`None` before the tag, or for a tag the type does not model); returns
    /// whether it did. A field it does not read is kept.
    fn read_field<'de, A: MapAccess<'de>>(
        kind: Option<Self::Kind>,
        name: &str,
        fields: &mut Self::Fields,
        map: &mut A,
    ) -> Result<bool, A::Error>;

    /// The value, from the tag (if the object had one), its kind as [`Tagged::kind`] named it
    /// when it was read (`None` without a tag, or for one the type does not model), the typed
    /// fields and the fields kept.
    fn build<E: de::Error>(
        tag: Option<Key<'_>>,
        kind: Option<Self::Kind>,
        fields: Self::Fields,
        rest: Kept,
    ) -> Result<Self::Value, E>;
}

/// For [`Tagged::read_tag`]: the tag, which must be a string, refused otherwise with `message`
/// (a type whose wording is its own; a syntax error in the value is still reported as one).
#[inline]
pub fn string_tag<'de, A: MapAccess<'de>>(
    map: &mut A,
    message: &'static str,
) -> Result<Key<'de>, A::Error> {
    map.next_value_seed(StringTag(message))
}

/// Reads a string as a [`Key`], and refuses any other value with its message.
struct StringTag(&'static str);

impl<'de> de::DeserializeSeed<'de> for StringTag {
    type Value = Key<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key<'de>, D::Error> {
        // `deserialize_any`, so that every other kind of value reaches a method below.
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for StringTag {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }

    // A string is read as a key is.
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
        KeyVisitor.visit_borrowed_str(v)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
        KeyVisitor.visit_str(v)
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
        KeyVisitor.visit_string(v)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Key<'de>, E> {
        Err(E::custom(self.0))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Key<'de>, E> {
        Err(E::custom(self.0))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Key<'de>, E> {
        Err(E::custom(self.0))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Key<'de>, E> {
        Err(E::custom(self.0))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Key<'de>, E> {
        Err(E::custom(self.0))
    }

    fn visit_none<E: de::Error>(self) -> Result<Key<'de>, E> {
        Err(E::custom(self.0))
    }

    fn visit_some<D: Deserializer<'de>>(self, _: D) -> Result<Key<'de>, D::Error> {
        Err(de::Error::custom(self.0))
    }

    fn visit_seq<S: de::SeqAccess<'de>>(self, _: S) -> Result<Key<'de>, S::Error> {
        Err(de::Error::custom(self.0))
    }

    fn visit_map<M: MapAccess<'de>>(self, _: M) -> Result<Key<'de>, M::Error> {
        Err(de::Error::custom(self.0))
    }
}

/// Reads the rest of an object as `T` says; for the tagged type's `Visitor::visit_map`.
#[inline]
pub fn read_tagged<'de, T: Tagged, A: MapAccess<'de>>(mut map: A) -> Result<T::Value, A::Error> {
    let mut fields = TaggedFields::<T>::default();
    while let Some(key) = map.next_key::<Key<'de>>()? {
        fields.read(key, &mut map)?;
    }
    fields.finish()
}

/// A tagged object while it is read, key by key: by [`read_tagged`], or as a flattened field
/// (a [`ReadFlattened`](super::ReadFlattened) implementation's `Fields`), which is handed the
/// keys its struct does not name.
pub struct TaggedFields<'de, T: Tagged> {
    tag: Slot<Option<Key<'de>>>,
    kind: Option<T::Kind>,
    fields: T::Fields,
    rest: Kept,
}

impl<T: Tagged> Default for TaggedFields<'_, T> {
    fn default() -> Self {
        TaggedFields {
            tag: Slot::default(),
            kind: None,
            fields: T::Fields::default(),
            rest: Kept::default(),
        }
    }
}

impl<'de, T: Tagged> TaggedFields<'de, T> {
    /// Reads the value of `key`: the tag, a field the type reads, or one it keeps. A key given
    /// twice is refused, as [`read_object`] refuses it.
    #[inline]
    pub fn read<A: MapAccess<'de>>(&mut self, key: Key<'de>, map: &mut A) -> Result<(), A::Error> {
        let (tag, kind, fields) = (&mut self.tag, &mut self.kind, &mut self.fields);
        read_key(&mut self.rest, key, map, |name, map| {
            if name == T::TAG {
                tag.read_with(map, T::TAG, T::read_tag)?;
                *kind = tag
                    .0
                    .as_ref()
                    .and_then(Option::as_ref)
                    .map(Key::as_str)
                    .and_then(T::kind);
                return Ok(true);
            }
            T::read_field(*kind, name, fields, map)
        })
    }

    /// The value, once the object has ended.
    #[inline]
    pub fn finish<E: de::Error>(self) -> Result<T::Value, E> {
        T::build(
            self.tag.into_inner().flatten(),
            self.kind,
            self.fields,
            self.rest,
        )
    }
}

/// A credential read from JSON: a string, and a value of any other type is reported without
/// echoing it, because deserialization errors end up in logs and a mistyped password is still a
/// password.
pub struct Secret(pub String);

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // `deserialize_any` so that numbers and booleans reach the visitor below; asking for a
        // string makes serde_json report them itself, with their value.
        deserializer.deserialize_any(SecretVisitor)
    }
}

struct SecretVisitor;

impl<'de> Visitor<'de> for SecretVisitor {
    type Value = Secret;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Secret, E> {
        Ok(Secret(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Secret, E> {
        Ok(Secret(v))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Secret, E> {
        Err(E::invalid_type(Unexpected::Other("a boolean"), &self))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Secret, E> {
        Err(E::invalid_type(Unexpected::Other("a number"), &self))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Secret, E> {
        Err(E::invalid_type(Unexpected::Other("a number"), &self))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Secret, E> {
        Err(E::invalid_type(Unexpected::Other("a number"), &self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    /// `{"a": …, "b": …}` with typed `a`, and everything else kept.
    #[derive(Debug, PartialEq)]
    struct WithRest {
        a: Option<u8>,
        rest: JsonObject,
    }

    impl<'de> Deserialize<'de> for WithRest {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = WithRest;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("an object")
                }
                fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<WithRest, A::Error> {
                    let mut a = Slot::default();
                    let rest = read_object(map, |name, map| match name {
                        "a" => a.read(map, "a").map(|()| true),
                        _ => Ok(false),
                    })?;
                    Ok(WithRest {
                        a: a.into_inner(),
                        rest,
                    })
                }
            }
            deserializer.deserialize_map(V)
        }
    }

    #[test]
    fn typed_keys_and_the_rest() {
        let read: WithRest = serde_json::from_str(r#"{"b": [1, {"c": null}], "a": 7}"#).unwrap();
        assert_eq!(read.a, Some(7));
        assert_eq!(Value::Object(read.rest), json!({ "b": [1, { "c": null }] }));
        for text in [
            r#"{"a": 1, "a": 2}"#,
            r#"{"b": 1, "b": 2}"#,
            r#"{"b": {"x": 1, "x": 1}}"#,
        ] {
            let err = serde_json::from_str::<WithRest>(text).unwrap_err();
            assert!(
                err.to_string().starts_with("duplicate field"),
                "{text}: {err}"
            );
        }
    }

    /// `{"type": "n", "n": 1}` is typed; any other tag keeps its fields.
    #[derive(Debug, PartialEq)]
    enum Shape {
        Number(u8),
        Other(String, JsonObject),
    }

    struct ShapeReader;

    impl Tagged for ShapeReader {
        type Value = Shape;
        type Kind = ();
        type Fields = Slot<u8>;

        fn kind(tag: &str) -> Option<()> {
            (tag == "n").then_some(())
        }

        fn read_field<'de, A: MapAccess<'de>>(
            kind: Option<()>,
            name: &str,
            fields: &mut Slot<u8>,
            map: &mut A,
        ) -> Result<bool, A::Error> {
            if kind.is_some() && name == "n" {
                fields.read(map, name)?;
                return Ok(true);
            }
            Ok(false)
        }

        fn build<E: de::Error>(
            tag: Option<Key<'_>>,
            kind: Option<()>,
            fields: Slot<u8>,
            mut rest: Kept,
        ) -> Result<Shape, E> {
            let tag = tag.ok_or_else(|| E::missing_field("type"))?;
            match kind {
                Some(()) => Ok(Shape::Number(fields.or_kept(&mut rest, "n")?)),
                None => Ok(Shape::Other(tag.into_owned(), rest.into_object())),
            }
        }
    }

    impl<'de> Deserialize<'de> for Shape {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = Shape;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("a shape")
                }
                fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Shape, A::Error> {
                    read_tagged::<ShapeReader, A>(map)
                }
            }
            deserializer.deserialize_map(V)
        }
    }

    #[test]
    fn the_tag_may_come_before_or_after_its_fields() {
        for text in [r#"{"type": "n", "n": 5}"#, r#"{"n": 5, "type": "n"}"#] {
            assert_eq!(
                serde_json::from_str::<Shape>(text).unwrap(),
                Shape::Number(5)
            );
        }
        let other: Shape = serde_json::from_str(r#"{"n": 5, "type": "x"}"#).unwrap();
        assert_eq!(
            other,
            Shape::Other("x".into(), json!({ "n": 5 }).as_object().unwrap().clone())
        );
    }

    #[test]
    fn tagged_objects_refuse_what_they_cannot_keep() {
        for (text, message) in [
            (r#"{"n": 1, "type": "n", "n": 2}"#, "duplicate field `n`"),
            (r#"{"type": "n", "n": 1, "n": 2}"#, "duplicate field `n`"),
            (
                r#"{"type": "n", "type": "n", "n": 2}"#,
                "duplicate field `type`",
            ),
            (
                r#"{"type": 7, "n": 2}"#,
                "invalid type: integer `7`, expected a string",
            ),
            (r#"{"type": null}"#, "invalid type: null, expected a string"),
            (r#"{"n": 2}"#, "missing field `type`"),
            (r#"{"type": "n"}"#, "missing field `n`"),
            (
                r#"{"n": "five", "type": "n"}"#,
                "field `n`: invalid type: string \"five\"",
            ),
        ] {
            let err = serde_json::from_str::<Shape>(text).unwrap_err().to_string();
            assert!(err.starts_with(message), "{text}: {err}");
        }
    }

    #[test]
    fn secrets_are_not_echoed() {
        assert_eq!(serde_json::from_str::<Secret>(r#""pw""#).unwrap().0, "pw");
        for text in ["123456", "true", "1.5"] {
            let err = serde_json::from_str::<Secret>(text)
                .err()
                .unwrap()
                .to_string();
            assert!(!err.contains(text), "{err}");
            assert!(err.contains("expected a string"), "{err}");
        }
    }

    /// `{"tag": …}` read with [`string_tag`]: whether the tag was borrowed, and its text.
    fn read_string_tag(text: &str) -> Result<(bool, String), serde_json::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = (bool, String);
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(bool, String), A::Error> {
                map.next_key::<Key<'de>>()?;
                let tag = string_tag(&mut map, "the tag must be a string")?;
                Ok((matches!(tag, Key::Borrowed(_)), tag.into_owned()))
            }
        }
        let mut deserializer = serde_json::Deserializer::from_str(text);
        serde::Deserializer::deserialize_map(&mut deserializer, V)
    }

    #[test]
    fn string_tags_are_borrowed_and_anything_else_gets_the_message() {
        assert_eq!(
            read_string_tag(r#"{"t": "m.x"}"#).unwrap(),
            (true, "m.x".into())
        );
        // An escape has to be decoded into a string of its own.
        assert_eq!(
            read_string_tag(r#"{"t": "m.\u0078"}"#).unwrap(),
            (false, "m.x".into())
        );
        for value in ["7", "-7", "1.5", "true", "null", "[\"m.x\"]", r#"{"a": 1}"#] {
            let err = read_string_tag(&format!(r#"{{"t": {value}}}"#)).unwrap_err();
            assert!(
                err.to_string().starts_with("the tag must be a string"),
                "{value}: {err}"
            );
        }
        // A syntax error in the value is still one, with its position.
        let err = read_string_tag(r#"{"t": tru}"#).unwrap_err();
        assert!(err.is_syntax(), "{err}");
    }

    /// Whether reading `text` as a `Shape`, key by key, made a map for the fields it kept, and
    /// the value then built.
    fn shape_keeping(text: &str) -> (bool, Shape) {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = (bool, Shape);
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(bool, Shape), A::Error> {
                let mut fields = TaggedFields::<ShapeReader>::default();
                while let Some(key) = map.next_key::<Key<'de>>()? {
                    fields.read(key, &mut map)?;
                }
                Ok((fields.rest.0.is_some(), fields.finish()?))
            }
        }
        let mut deserializer = serde_json::Deserializer::from_str(text);
        serde::Deserializer::deserialize_map(&mut deserializer, V).unwrap()
    }

    #[test]
    fn a_map_is_made_only_for_fields_kept() {
        assert_eq!(
            shape_keeping(r#"{"type": "n", "n": 3}"#),
            (false, Shape::Number(3))
        );
        // `n` came before the tag that makes it known: kept, then taken.
        assert_eq!(
            shape_keeping(r#"{"n": 3, "type": "n"}"#),
            (true, Shape::Number(3))
        );
        let kept = json!({ "n": 3 }).as_object().unwrap().clone();
        let other = Shape::Other("o".into(), kept);
        assert_eq!(shape_keeping(r#"{"type": "o", "n": 3}"#), (true, other));
        // An unknown tag with nothing else still gets its (empty) object.
        let bare = Shape::Other("o".into(), JsonObject::new());
        assert_eq!(shape_keeping(r#"{"type": "o"}"#), (false, bare));
    }
}
