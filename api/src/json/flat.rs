//! Reading a JSON body with one `#[serde(flatten)]` field without serde's buffering.
//!
//! serde reads a struct with a flattened field by keeping every key the struct does not name,
//! with its value, as an owned tree of its private `Content`, and then reading the flattened
//! type from that tree: each of its keys and values is parsed, allocated, walked and dropped on
//! top of the type's own reading. A type that implements [`ReadFlattened`] is instead handed
//! its keys one at a time, as the input is read, with the other fields of the struct read in
//! place by serde's own derived reader ([`read_split`]). `#[request]` and `#[response]` take
//! this way for a body whose one flattened field has such a type, and serde's otherwise.

use std::marker::PhantomData;

use serde::de::value::{BorrowedStrDeserializer, StringDeserializer};
use serde::de::{self, DeserializeOwned, DeserializeSeed, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::exact::Key;

/// A type that can be read as a flattened field from the keys its struct does not name, handed
/// over one at a time as they are read.
///
/// It sees exactly the keys serde's flattening would give it, in the input's order, so reading
/// it this way or from a whole object must give the same value and the same errors. A key given
/// twice is the reader's to refuse, as the type's own `Deserialize` does.
///
/// The macros use it for a type that implements it for every lifetime, as its `Deserialize`
/// is (`impl<'de> ReadFlattened<'de> for T`), and where the field has no `with` or
/// `deserialize_with` of its own. The type still implements `Deserialize` (and `Serialize`):
/// serde derives the body's own reader and writer whatever way it is then read. One reader can
/// serve both, as here:
///
/// ```
/// use std::collections::BTreeMap;
/// use std::fmt;
///
/// use matrix_api::json::{duplicate_key, Key, ReadFlattened};
/// use matrix_api::{metadata, request, response, IncomingRequest, Metadata};
/// use serde::de::{self, MapAccess, Visitor};
/// use serde::{Deserialize, Deserializer, Serialize};
/// use serde_json::Value;
///
/// /// Every key of the body its other fields do not name, kept as sent.
/// #[derive(Clone, Debug, Default, PartialEq, Serialize)]
/// pub struct Extra(BTreeMap<String, Value>);
///
/// impl<'de> ReadFlattened<'de> for Extra {
///     type Fields = Extra;
///
///     fn read_field<A: MapAccess<'de>>(
///         extra: &mut Extra,
///         key: Key<'de>,
///         map: &mut A,
///     ) -> Result<(), A::Error> {
///         if extra.0.contains_key(key.as_str()) {
///             return Err(duplicate_key(key.as_str()));
///         }
///         extra.0.insert(key.into_owned(), map.next_value()?);
///         Ok(())
///     }
///
///     fn finish<E: de::Error>(extra: Extra) -> Result<Extra, E> {
///         Ok(extra)
///     }
/// }
///
/// // Read as a whole object (by serde's flattening too), through the same reader.
/// impl<'de> Deserialize<'de> for Extra {
///     fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Extra, D::Error> {
///         struct ExtraVisitor;
///         impl<'de> Visitor<'de> for ExtraVisitor {
///             type Value = Extra;
///             fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
///                 f.write_str("an object")
///             }
///             fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Extra, A::Error> {
///                 let mut extra = Extra::default();
///                 while let Some(key) = map.next_key()? {
///                     Extra::read_field(&mut extra, key, &mut map)?;
///                 }
///                 Extra::finish(extra)
///             }
///         }
///         deserializer.deserialize_map(ExtraVisitor)
///     }
/// }
///
/// // With the `describe` feature, a flattened field's type lists the fields it writes: here, none
/// // known in advance.
/// matrix_api::with_describe! {
///     impl matrix_api::describe::DescribeFields for Extra {
///         const FIELDS: &'static [matrix_api::describe::FieldDescription] = &[];
///     }
/// }
///
/// const METADATA: Metadata = metadata! {
///     method: POST,
///     rate_limited: false,
///     authentication: None,
///     history: { 1.1 => "/_matrix/client/v3/org.example/things" }
/// };
///
/// #[request]
/// pub struct Request {
///     pub name: String,
///     #[serde(flatten)]
///     pub extra: Extra,
/// }
///
/// #[response]
/// pub struct Response {}
///
/// let body = br#"{"colour": "teal", "name": "a thing", "size": [1, 2]}"#.to_vec();
/// let http = http::Request::post("/_matrix/client/v3/org.example/things").body(body)?;
/// let request = Request::try_from_http_request(http, &[] as &[&str])?;
/// assert_eq!(request.name, "a thing");
/// assert_eq!(Vec::from_iter(request.extra.0.keys()), ["colour", "size"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait ReadFlattened<'de>: Sized {
    /// What has been read so far.
    type Fields: Default;

    /// Reads the value of `key` (it must take the value, with [`MapAccess::next_value`] or one
    /// of its kind, even to skip it).
    fn read_field<A: MapAccess<'de>>(
        fields: &mut Self::Fields,
        key: Key<'de>,
        map: &mut A,
    ) -> Result<(), A::Error>;

    /// The value, once the object has ended.
    fn finish<E: de::Error>(fields: Self::Fields) -> Result<Self, E>;
}

/// Reads an object whose keys are split between `R`, a struct serde derives `Deserialize` for
/// (the other fields, with all their attributes), and `F`, the flattened field: every key among
/// the names serde gives for `R`'s fields (their renames and aliases) goes to `R`, every other
/// to `F`.
///
/// `R`'s own reader refuses its duplicate fields and reports its missing ones, as it would in
/// the whole struct, and before any error of `F`'s at the end of the object, as serde does; a
/// value of the wrong kind (not an object) is refused with "a JSON object", the wording of the
/// bodies the macros derive. One order differs: a value `F`'s reader refuses is reported as it
/// is read, where serde, which reads a flattened field only once the object has ended, reports
/// `R`'s errors first. A body with mistakes in both parts may so be refused for another of
/// them, never accepted.
pub fn read_split<'de, F, R, D>(deserializer: D) -> Result<(F, R), D::Error>
where
    F: ReadFlattened<'de>,
    R: Deserialize<'de>,
    D: Deserializer<'de>,
{
    deserializer.deserialize_map(SplitVisitor(PhantomData))
}

struct SplitVisitor<F, R>(PhantomData<fn() -> (F, R)>);

impl<'de, F: ReadFlattened<'de>, R: Deserialize<'de>> Visitor<'de> for SplitVisitor<F, R> {
    type Value = (F, R);

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(F, R), A::Error> {
        let mut fields = F::Fields::default();
        let rest = R::deserialize(Split::<A, F, F::Fields> {
            map,
            fields: &mut fields,
            flat: PhantomData,
        })?;
        Ok((F::finish(fields)?, rest))
    }
}

/// The object as `R`'s derived reader sees it: `deserialize_struct` tells which names are
/// `R`'s, and the map it is handed yields only those.
struct Split<'f, A, F, S> {
    map: A,
    fields: &'f mut S,
    flat: PhantomData<fn() -> F>,
}

impl<'de, A, F, S> Deserializer<'de> for Split<'_, A, F, S>
where
    A: MapAccess<'de>,
    F: ReadFlattened<'de, Fields = S>,
{
    type Error = A::Error;

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        names: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        visitor.visit_map(SplitMap::<A, F, S> {
            map: self.map,
            names,
            fields: self.fields,
            flat: PhantomData,
        })
    }

    // A derived struct asks for a struct; anything else is given the whole map as the
    // flattened field's, none of it as its own.
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, A::Error> {
        self.deserialize_struct("", &[], visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// See [`Split`]: the keys in `names`, and their values, pass through; every other key is read
/// by the flattened field's reader on the way.
struct SplitMap<'f, A, F, S> {
    map: A,
    names: &'static [&'static str],
    fields: &'f mut S,
    flat: PhantomData<fn() -> F>,
}

impl<'de, A, F, S> MapAccess<'de> for SplitMap<'_, A, F, S>
where
    A: MapAccess<'de>,
    F: ReadFlattened<'de, Fields = S>,
{
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        while let Some(key) = self.map.next_key::<Key<'de>>()? {
            if self.names.contains(&key.as_str()) {
                return match key {
                    Key::Borrowed(key) => seed.deserialize(BorrowedStrDeserializer::new(key)),
                    Key::Owned(key) => seed.deserialize(StringDeserializer::new(key)),
                }
                .map(Some);
            }
            F::read_field(self.fields, key, &mut self.map)?;
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }
}

/// Names the flattened field's type in generated code, for [`ReadByFields`] and
/// [`ReadBySerde`] to choose between.
pub struct Flat<F>(PhantomData<fn() -> F>);

impl<F> Flat<F> {
    /// The one value.
    pub const NEW: Flat<F> = Flat(PhantomData);
}

/// A JSON body read with [`read_split`], for a flattened field of type `F` that implements
/// [`ReadFlattened`]. Generated code calls `(&&Flat::<F>::NEW).json_body(…)`: method lookup
/// finds this implementation, on `&&Flat<F>`, before [`ReadBySerde`]'s on `&Flat<F>`, and it
/// applies only where `F` implements the trait.
pub trait ReadByFields<F> {
    /// The body `B`, read as `R` (its other fields) and `F` and joined with `join`.
    fn json_body<B, R, J>(self, bytes: &[u8], join: J) -> Result<B, crate::error::JsonError>
    where
        B: DeserializeOwned,
        R: DeserializeOwned,
        J: FnOnce(F, R) -> B;
}

impl<F: for<'de> ReadFlattened<'de>> ReadByFields<F> for &&Flat<F> {
    #[inline]
    fn json_body<B, R, J>(self, bytes: &[u8], join: J) -> Result<B, crate::error::JsonError>
    where
        B: DeserializeOwned,
        R: DeserializeOwned,
        J: FnOnce(F, R) -> B,
    {
        crate::body::json_body_with(bytes, |input| read_split::<F, R, _>(input))
            .map(|(flat, rest)| join(flat, rest))
    }
}

/// A JSON body read as serde derives it, buffering the flattened field: for an `F` without
/// [`ReadFlattened`] (see [`ReadByFields`]).
pub trait ReadBySerde<F> {
    /// The body `B`, through its own `Deserialize`.
    fn json_body<B, R, J>(self, bytes: &[u8], join: J) -> Result<B, crate::error::JsonError>
    where
        B: DeserializeOwned,
        R: DeserializeOwned,
        J: FnOnce(F, R) -> B;
}

impl<F> ReadBySerde<F> for &Flat<F> {
    #[inline]
    fn json_body<B, R, J>(self, bytes: &[u8], _join: J) -> Result<B, crate::error::JsonError>
    where
        B: DeserializeOwned,
        R: DeserializeOwned,
        J: FnOnce(F, R) -> B,
    {
        crate::body::json_body(bytes)
    }
}

#[cfg(test)]
mod tests {
    use serde::de::Error as _;
    use serde_json::{json, Value};

    use super::*;

    /// The keys a flattened field is given, in order, and which way it was read.
    #[derive(Debug, PartialEq)]
    struct Keys {
        keys: Vec<(String, Value)>,
        via: &'static str,
    }

    // A key `fail` fails the read at once, and a key `fail_at_end` at the end, either way.
    impl<'de> ReadFlattened<'de> for Keys {
        type Fields = Vec<(String, Value)>;

        fn read_field<A: MapAccess<'de>>(
            fields: &mut Self::Fields,
            key: Key<'de>,
            map: &mut A,
        ) -> Result<(), A::Error> {
            if key.as_str() == "fail" {
                return Err(A::Error::custom("`fail` is refused"));
            }
            fields.push((key.into_owned(), map.next_value()?));
            Ok(())
        }

        fn finish<E: de::Error>(keys: Self::Fields) -> Result<Keys, E> {
            if keys.iter().any(|(key, _)| key == "fail_at_end") {
                return Err(E::custom("`fail_at_end` is refused"));
            }
            Ok(Keys {
                keys,
                via: "fields",
            })
        }
    }

    impl<'de> Deserialize<'de> for Keys {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Keys, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = Keys;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("an object")
                }
                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Keys, A::Error> {
                    let mut fields = Vec::new();
                    while let Some(key) = map.next_key::<Key<'de>>()? {
                        Keys::read_field(&mut fields, key, &mut map)?;
                    }
                    Keys::finish(fields).map(|keys| Keys {
                        via: "serde",
                        ..keys
                    })
                }
            }
            deserializer.deserialize_map(V)
        }
    }

    /// The same keys, for a type without [`ReadFlattened`].
    #[derive(Debug, PartialEq, Deserialize)]
    struct SerdeOnly(Keys);

    /// The other fields, with the attributes that change which keys are theirs.
    #[derive(Debug, PartialEq, Deserialize)]
    struct Rest {
        #[serde(rename = "b_wire", alias = "b_alias")]
        b: Option<u8>,
        #[serde(default)]
        c: u8,
        #[serde(skip_deserializing)]
        d: u8,
        e: String,
    }

    /// The whole body, as serde derives it.
    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(expecting = "a JSON object")]
    struct Whole<F> {
        #[serde(flatten)]
        flat: F,
        #[serde(rename = "b_wire", alias = "b_alias")]
        b: Option<u8>,
        #[serde(default)]
        c: u8,
        #[serde(skip_deserializing)]
        d: u8,
        e: String,
    }

    fn join<F>(flat: F, Rest { b, c, d, e }: Rest) -> Whole<F> {
        Whole { flat, b, c, d, e }
    }

    /// Through `ReadByFields` where `Keys` implements `ReadFlattened`, as generated code calls.
    fn by_fields(input: &str) -> Result<Whole<Keys>, String> {
        #[allow(unused_imports)]
        use super::{ReadByFields as _, ReadBySerde as _};
        (&&Flat::<Keys>::NEW)
            .json_body::<Whole<Keys>, Rest, _>(input.as_bytes(), join)
            .map_err(|err| err.message)
    }

    /// serde's own reading of the same body.
    fn by_serde(input: &str) -> Result<Whole<Keys>, String> {
        crate::body::json_body::<Whole<Keys>>(input.as_bytes()).map_err(|err| err.message)
    }

    fn keys(via: &'static str, keys: &[(&str, Value)]) -> Keys {
        let keys = keys
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        Keys { keys, via }
    }

    #[test]
    fn each_key_goes_to_the_fields_serde_names_or_else_to_the_flattened_field() {
        // `d` is skipped by `Rest`, so serde names it nowhere: the flattened field gets it.
        let input = r#"{"a": 1, "b_wire": 2, "x": {"y": [null]}, "e": "s", "d": 5, "c": 3}"#;
        let read = by_fields(input).unwrap();
        let flat = keys(
            "fields",
            &[
                ("a", json!(1)),
                ("x", json!({"y": [null]})),
                ("d", json!(5)),
            ],
        );
        assert_eq!(
            read,
            Whole {
                flat,
                b: Some(2),
                c: 3,
                d: 0,
                e: "s".into()
            }
        );
        let by_serde = by_serde(input).unwrap();
        assert_eq!(by_serde.flat.keys, read.flat.keys);
        assert_eq!(
            (by_serde.b, by_serde.c, by_serde.d, by_serde.e),
            (read.b, read.c, read.d, read.e)
        );
    }

    #[test]
    fn aliases_escaped_keys_defaults_and_an_empty_body() {
        let read = by_fields(r#"{"b_alias": 7, "\u0065": "escaped", "\u0061": true}"#).unwrap();
        assert_eq!(read.flat, keys("fields", &[("a", json!(true))]));
        assert_eq!((read.b, read.c, read.e.as_str()), (Some(7), 0, "escaped"));
        // An empty body reads as `{}`, whose one required field is missing.
        assert_eq!(by_fields("").unwrap_err(), "missing field `e`");
    }

    #[test]
    fn errors_are_the_ones_serde_gives_for_the_whole_struct() {
        for input in [
            r#"{"e": "s", "e": "t"}"#,
            r#"{"b_wire": 1, "b_alias": 2, "e": ""}"#,
            r#"{"a": 1}"#,
            r#"{"e": 5}"#,
            r#"{"e": "s", "b_wire": 300}"#,
            r#"{"e": "s", "fail": 1}"#,
            r#"{"e": "s", "fail_at_end": 1}"#,
            r#"[1, 2]"#,
            r#""text""#,
            r#"{"e": "s"} trailing"#,
            r#"{"e": "s", "a": "#,
            r#"{"e": "s", "a": [1, }"#,
        ] {
            let (ours, serde) = (by_fields(input), by_serde(input));
            assert!(ours.is_err(), "{input}: {ours:?}");
            assert_eq!(ours, serde, "{input}");
        }
    }

    #[test]
    fn a_body_of_the_flattened_field_alone_hands_it_every_key() {
        #[derive(Debug, Deserialize)]
        struct Nothing {}
        let read = |bytes: &[u8]| {
            crate::body::json_body_with(bytes, |input| read_split::<Keys, Nothing, _>(input))
        };
        let (flat, Nothing {}) = read(br#"{"e": "s", "\u0062_wire": 1, "a": null}"#).unwrap();
        let expected = [("e", json!("s")), ("b_wire", json!(1)), ("a", Value::Null)];
        assert_eq!(flat, keys("fields", &expected));
        let err = read(br#"{"fail_at_end": 1}"#).unwrap_err();
        assert_eq!(err.message, "`fail_at_end` is refused");
    }

    #[test]
    fn a_type_without_a_reader_is_read_by_serde() {
        #[allow(unused_imports)]
        use super::{ReadByFields as _, ReadBySerde as _};
        let input = br#"{"a": 1, "e": "s"}"#;
        // Called as generated code calls it, for whichever type it names.
        #[allow(clippy::needless_borrow)]
        let read = (&&Flat::<SerdeOnly>::NEW)
            .json_body::<Whole<SerdeOnly>, Rest, _>(input, join)
            .unwrap();
        assert_eq!(read.flat, SerdeOnly(keys("serde", &[("a", json!(1))])));
        assert_eq!(read.e, "s");
    }
}
