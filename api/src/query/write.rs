//! Writing a request's query type as a query string (`application/x-www-form-urlencoded`).
//!
//! The text is serde_html_form's, byte for byte, for every value it writes (the tests hold it
//! to that): pairs joined by `&`, names and values escaped as `form_urlencoded` escapes them
//! (letters, digits and `*-._` as they are, `+` for a space, `%XX` for every other byte),
//! `None` left out, a list as its parameter repeated, a unit variant as its name, numbers as
//! `itoa` and `zmij` write them. What differs is the cost and the errors: the pairs go
//! straight into the URI being built, an unescaped run copied whole, where serde_html_form
//! passes every value through layers of sinks and escapes byte by byte; and a value that
//! cannot be written names its parameter and says what it is, where serde_html_form says
//! "unsupported value".

use std::borrow::Cow;

use serde::ser::{self, Error as _, Impossible, Serialize, Serializer};

use crate::percent::{push_escaped, FORM_KEEPS};
use crate::text_ser::{refuse, see_through};

/// Appends the pairs of `query` to `out`, `&` before each but the first it writes.
pub(crate) fn write_query<Q: Serialize + ?Sized>(
    out: &mut String,
    query: &Q,
) -> Result<(), WriteError> {
    let start = out.len();
    query.serialize(Whole(&mut Pairs { out, start }))
}

/// Why a query could not be written: serde's own message error, as the reader's.
pub(crate) type WriteError = serde::de::value::Error;

/// `err`, as the value of parameter `name` failed with it: every failure of a value, the
/// value's own `Serialize` errors among them, names its parameter.
fn in_parameter(err: WriteError, name: &str) -> WriteError {
    WriteError::custom(format!("parameter `{name}`: {err}"))
}

/// The query being written: `out` from `start` on.
struct Pairs<'a> {
    out: &'a mut String,
    start: usize,
}

impl Pairs<'_> {
    fn push(&mut self, name: &str, value: &str) {
        if self.out.len() > self.start {
            self.out.push('&');
        }
        push_form_escaped(self.out, name);
        self.out.push('=');
        push_form_escaped(self.out, value);
    }
}

/// `form_urlencoded`'s escaping.
#[inline]
fn push_form_escaped(out: &mut String, text: &str) {
    push_escaped(out, text, &FORM_KEEPS, true);
}

fn not_a_query(what: &str) -> WriteError {
    WriteError::custom(format!(
        "a query is written from a struct, a map or a list of (name, value) pairs, and this \
         value is {what}"
    ))
}

fn not_a_value(what: &str) -> WriteError {
    WriteError::custom(format!(
        "a query value is one piece of text or a list of them, and this value is {what}"
    ))
}

fn not_a_name(what: &str) -> WriteError {
    WriteError::custom(format!(
        "a query parameter's name is one piece of text, and this one is {what}"
    ))
}

fn not_a_pair(what: &str) -> WriteError {
    WriteError::custom(format!(
        "each element of a list of query pairs is a (name, value) pair, and this one is {what}"
    ))
}

fn not_utf8(err: std::str::Utf8Error) -> String {
    format!("bytes that are not UTF-8 ({err})")
}

/// Serializer methods that write a number as text through `self.$text(&str)`: integers as
/// `itoa` writes them, floats as `zmij` does, as serde_html_form writes them.
macro_rules! numbers_as_text {
    ($text:ident) => {
        numbers_as_text!(@ $text, itoa; serialize_i8 i8, serialize_i16 i16, serialize_i32 i32,
            serialize_i64 i64, serialize_i128 i128, serialize_u8 u8, serialize_u16 u16,
            serialize_u32 u32, serialize_u64 u64, serialize_u128 u128);
        numbers_as_text!(@ $text, zmij; serialize_f32 f32, serialize_f64 f64);
    };
    (@ $text:ident, $writer:ident; $($method:ident $ty:ty),*) => {$(
        fn $method(self, v: $ty) -> Result<Self::Ok, WriteError> {
            self.$text($writer::Buffer::new().format(v))
        }
    )*};
}

/// The query as a whole: a struct or map of parameters, or a list of pairs.
struct Whole<'p, 'a>(&'p mut Pairs<'a>);

impl<'p, 'a> Serializer for Whole<'p, 'a> {
    type Ok = ();
    type Error = WriteError;
    type SerializeSeq = PairList<'p, 'a>;
    type SerializeTuple = PairList<'p, 'a>;
    type SerializeTupleStruct = Impossible<(), WriteError>;
    type SerializeTupleVariant = Impossible<(), WriteError>;
    type SerializeMap = Entries<'p, 'a>;
    type SerializeStruct = Fields<'p, 'a>;
    type SerializeStructVariant = Impossible<(), WriteError>;

    refuse!(|_, what| not_a_query(what);
        bool, numbers, char, str, bytes, unit_variant, newtype_variant, tuple_struct,
        tuple_variant, struct_variant,);

    fn serialize_unit(self) -> Result<(), WriteError> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), WriteError> {
        Ok(())
    }
    fn serialize_none(self) -> Result<(), WriteError> {
        Ok(())
    }
    see_through!();
    fn serialize_seq(self, _: Option<usize>) -> Result<PairList<'p, 'a>, WriteError> {
        Ok(PairList(self.0))
    }
    fn serialize_tuple(self, _: usize) -> Result<PairList<'p, 'a>, WriteError> {
        Ok(PairList(self.0))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Entries<'p, 'a>, WriteError> {
        Ok(Entries {
            pairs: self.0,
            name: None,
        })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Fields<'p, 'a>, WriteError> {
        Ok(Fields(self.0))
    }
}

/// A struct's fields, each a parameter.
struct Fields<'p, 'a>(&'p mut Pairs<'a>);

impl ser::SerializeStruct for Fields<'_, '_> {
    type Ok = ();
    type Error = WriteError;

    #[inline]
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), WriteError> {
        value
            .serialize(Value {
                pairs: self.0,
                name,
                in_list: false,
            })
            .map_err(|err| in_parameter(err, name))
    }

    fn end(self) -> Result<(), WriteError> {
        Ok(())
    }
}

/// A map's entries, each a parameter; `name` is the key given before its value.
struct Entries<'p, 'a> {
    pairs: &'p mut Pairs<'a>,
    name: Option<Cow<'static, str>>,
}

impl ser::SerializeMap for Entries<'_, '_> {
    type Ok = ();
    type Error = WriteError;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), WriteError> {
        self.name = Some(key.serialize(Name)?);
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WriteError> {
        let name = self.name.take().ok_or_else(|| {
            WriteError::custom("a map gave a value before its key, which a query cannot write")
        })?;
        value
            .serialize(Value {
                pairs: self.pairs,
                name: &name,
                in_list: false,
            })
            .map_err(|err| in_parameter(err, &name))
    }

    fn serialize_entry<K: Serialize + ?Sized, V: Serialize + ?Sized>(
        &mut self,
        key: &K,
        value: &V,
    ) -> Result<(), WriteError> {
        let name = key.serialize(Name)?;
        value
            .serialize(Value {
                pairs: self.pairs,
                name: &name,
                in_list: false,
            })
            .map_err(|err| in_parameter(err, &name))
    }

    fn end(self) -> Result<(), WriteError> {
        Ok(())
    }
}

/// A list of (name, value) pairs, each element one pair (or `None`, none).
struct PairList<'p, 'a>(&'p mut Pairs<'a>);

impl ser::SerializeSeq for PairList<'_, '_> {
    type Ok = ();
    type Error = WriteError;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, pair: &T) -> Result<(), WriteError> {
        pair.serialize(OnePair(self.0))
    }

    fn end(self) -> Result<(), WriteError> {
        Ok(())
    }
}

impl ser::SerializeTuple for PairList<'_, '_> {
    type Ok = ();
    type Error = WriteError;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, pair: &T) -> Result<(), WriteError> {
        pair.serialize(OnePair(self.0))
    }

    fn end(self) -> Result<(), WriteError> {
        Ok(())
    }
}

/// One element of a list of pairs.
struct OnePair<'p, 'a>(&'p mut Pairs<'a>);

impl<'p, 'a> Serializer for OnePair<'p, 'a> {
    type Ok = ();
    type Error = WriteError;
    type SerializeSeq = Impossible<(), WriteError>;
    type SerializeTuple = NameThenValue<'p, 'a>;
    type SerializeTupleStruct = Impossible<(), WriteError>;
    type SerializeTupleVariant = Impossible<(), WriteError>;
    type SerializeMap = Impossible<(), WriteError>;
    type SerializeStruct = Impossible<(), WriteError>;
    type SerializeStructVariant = Impossible<(), WriteError>;

    refuse!(|_, what| not_a_pair(what);
        bool, numbers, char, str, bytes, unit, unit_struct, unit_variant, newtype_variant, seq,
        tuple_struct, tuple_variant, map, struct, struct_variant,);

    fn serialize_none(self) -> Result<(), WriteError> {
        Ok(())
    }
    see_through!();
    fn serialize_tuple(self, len: usize) -> Result<NameThenValue<'p, 'a>, WriteError> {
        if len != 2 {
            return Err(not_a_pair(&format!("a tuple of {len}")));
        }
        Ok(NameThenValue {
            pairs: self.0,
            name: None,
            written: false,
        })
    }
}

/// A pair's two elements.
struct NameThenValue<'p, 'a> {
    pairs: &'p mut Pairs<'a>,
    name: Option<Cow<'static, str>>,
    written: bool,
}

impl ser::SerializeTuple for NameThenValue<'_, '_> {
    type Ok = ();
    type Error = WriteError;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, element: &T) -> Result<(), WriteError> {
        match (&self.name, self.written) {
            (None, false) => self.name = Some(element.serialize(Name)?),
            (Some(name), false) => {
                element
                    .serialize(Value {
                        pairs: self.pairs,
                        name,
                        in_list: false,
                    })
                    .map_err(|err| in_parameter(err, name))?;
                self.written = true;
            }
            _ => return Err(not_a_pair("a tuple of more than two")),
        }
        Ok(())
    }

    fn end(self) -> Result<(), WriteError> {
        if self.written {
            Ok(())
        } else {
            Err(not_a_pair("a tuple that ended early"))
        }
    }
}

/// A parameter's name: text, or a value written as text.
struct Name;

impl Name {
    fn owned(self, text: &str) -> Result<Cow<'static, str>, WriteError> {
        Ok(Cow::Owned(text.to_owned()))
    }
}

impl Serializer for Name {
    type Ok = Cow<'static, str>;
    type Error = WriteError;
    type SerializeSeq = Impossible<Self::Ok, WriteError>;
    type SerializeTuple = Impossible<Self::Ok, WriteError>;
    type SerializeTupleStruct = Impossible<Self::Ok, WriteError>;
    type SerializeTupleVariant = Impossible<Self::Ok, WriteError>;
    type SerializeMap = Impossible<Self::Ok, WriteError>;
    type SerializeStruct = Impossible<Self::Ok, WriteError>;
    type SerializeStructVariant = Impossible<Self::Ok, WriteError>;

    refuse!(|_, what| not_a_name(what);
        unit, newtype_variant, seq, tuple, tuple_struct, tuple_variant, map, struct,
        struct_variant,);

    fn serialize_bool(self, v: bool) -> Result<Self::Ok, WriteError> {
        Ok(Cow::Borrowed(if v { "true" } else { "false" }))
    }
    numbers_as_text!(owned);
    fn serialize_char(self, v: char) -> Result<Self::Ok, WriteError> {
        self.owned(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<Self::Ok, WriteError> {
        self.owned(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Self::Ok, WriteError> {
        match std::str::from_utf8(v) {
            Ok(text) => self.serialize_str(text),
            Err(err) => Err(not_a_name(&not_utf8(err))),
        }
    }
    fn serialize_none(self) -> Result<Self::Ok, WriteError> {
        Err(not_a_name("`None`"))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<Self::Ok, WriteError> {
        Err(not_a_name("an `Option`"))
    }
    fn serialize_unit_struct(self, name: &'static str) -> Result<Self::Ok, WriteError> {
        Ok(Cow::Borrowed(name))
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<Self::Ok, WriteError> {
        Ok(Cow::Borrowed(variant))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<Self::Ok, WriteError> {
        value.serialize(self)
    }
}

/// One parameter's value: written as a pair, or as many pairs for a list (`in_list` once
/// inside one, where a second list cannot be written).
struct Value<'p, 'a, 'n> {
    pairs: &'p mut Pairs<'a>,
    name: &'n str,
    in_list: bool,
}

impl Value<'_, '_, '_> {
    fn text(self, text: &str) -> Result<(), WriteError> {
        self.pairs.push(self.name, text);
        Ok(())
    }
}

impl<'p, 'a, 'n> Serializer for Value<'p, 'a, 'n> {
    type Ok = ();
    type Error = WriteError;
    type SerializeSeq = Repeated<'p, 'a, 'n>;
    type SerializeTuple = Impossible<(), WriteError>;
    type SerializeTupleStruct = Impossible<(), WriteError>;
    type SerializeTupleVariant = Impossible<(), WriteError>;
    type SerializeMap = Impossible<(), WriteError>;
    type SerializeStruct = Impossible<(), WriteError>;
    type SerializeStructVariant = Impossible<(), WriteError>;

    refuse!(|_, what| not_a_value(what);
        unit, newtype_variant, tuple, tuple_struct, tuple_variant, map, struct,
        struct_variant,);

    fn serialize_bool(self, v: bool) -> Result<(), WriteError> {
        self.text(if v { "true" } else { "false" })
    }
    numbers_as_text!(text);
    fn serialize_char(self, v: char) -> Result<(), WriteError> {
        self.text(v.encode_utf8(&mut [0; 4]))
    }
    #[inline]
    fn serialize_str(self, v: &str) -> Result<(), WriteError> {
        self.text(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), WriteError> {
        match std::str::from_utf8(v) {
            Ok(text) => self.text(text),
            Err(err) => Err(not_a_value(&not_utf8(err))),
        }
    }
    fn serialize_none(self) -> Result<(), WriteError> {
        Ok(())
    }
    fn serialize_unit_struct(self, name: &'static str) -> Result<(), WriteError> {
        self.text(name)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), WriteError> {
        self.text(variant)
    }
    see_through!();
    fn serialize_seq(self, _: Option<usize>) -> Result<Repeated<'p, 'a, 'n>, WriteError> {
        if self.in_list {
            return Err(not_a_value("a list inside a list"));
        }
        Ok(Repeated {
            pairs: self.pairs,
            name: self.name,
        })
    }
}

/// A list's elements, each written as the parameter again.
struct Repeated<'p, 'a, 'n> {
    pairs: &'p mut Pairs<'a>,
    name: &'n str,
}

impl ser::SerializeSeq for Repeated<'_, '_, '_> {
    type Ok = ();
    type Error = WriteError;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WriteError> {
        value.serialize(Value {
            pairs: self.pairs,
            name: self.name,
            in_list: true,
        })
    }

    fn end(self) -> Result<(), WriteError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    //! The writer against serde_html_form, the writer it replaces: the same bytes for every
    //! value either writes, an error where it errs, and errors that name the parameter.

    use std::collections::BTreeMap;

    use js_int::UInt;
    use proptest::prelude::*;
    use ruma_common::MilliSecondsSinceUnixEpoch;
    use serde::{Deserialize, Serialize};

    use super::*;

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    enum Dir {
        #[serde(rename = "b")]
        Backward,
        #[serde(rename = "f")]
        Forward,
    }

    #[derive(Debug, Clone, PartialEq, Serialize)]
    struct Unit;

    /// One field of each kind the endpoints' query types have, and some they do not.
    #[derive(Debug, Clone, Serialize)]
    struct Every {
        s: Option<String>,
        n: Option<u64>,
        i: Option<i64>,
        u: Option<UInt>,
        b: Option<bool>,
        flag: bool,
        list: Vec<String>,
        dir: Option<Dir>,
        f: Option<f64>,
        f32: Option<f32>,
        big: Option<i128>,
        ts: Option<MilliSecondsSinceUnixEpoch>,
        c: Option<char>,
        lists: Option<Vec<Option<UInt>>>,
        twice: Option<Option<String>>,
        unit: Option<Unit>,
        #[serde(with = "serde_bytes_as_str")]
        bytes: Vec<u8>,
        #[serde(flatten)]
        rest: BTreeMap<String, String>,
    }

    /// A field written as bytes, which serde_html_form takes when they are UTF-8.
    mod serde_bytes_as_str {
        pub fn serialize<S: serde::Serializer>(v: &[u8], s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(v)
        }
    }

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            3 => "[a-z0-9 *._~+&=%/?#-]{0,12}",
            1 => any::<String>(),
        ]
    }

    fn every() -> impl Strategy<Value = Every> {
        let dir = prop_oneof![Just(Dir::Backward), Just(Dir::Forward)];
        let scalars = (
            proptest::option::of(text()),
            any::<Option<u64>>(),
            any::<Option<i64>>(),
            proptest::option::of((0..=u64::from(UInt::MAX)).prop_map(|n| UInt::new(n).unwrap())),
            any::<Option<bool>>(),
            any::<bool>(),
            proptest::collection::vec(text(), 0..3),
            proptest::option::of(dir),
            any::<Option<f64>>(),
            any::<Option<f32>>(),
            any::<Option<i128>>(),
        );
        let more = (
            proptest::option::of(
                (0..=u64::from(UInt::MAX))
                    .prop_map(|n| MilliSecondsSinceUnixEpoch(UInt::new(n).unwrap())),
            ),
            any::<Option<char>>(),
            proptest::option::of(proptest::collection::vec(
                proptest::option::of((0..100u32).prop_map(UInt::from)),
                0..3,
            )),
            proptest::option::of(proptest::option::of(text())),
            any::<bool>(),
            prop_oneof![
                text().prop_map(String::into_bytes),
                proptest::collection::vec(any::<u8>(), 0..4)
            ],
            proptest::collection::btree_map(text(), text(), 0..3),
        );
        (scalars, more).prop_map(
            |(
                (s, n, i, u, b, flag, list, dir, f, f32, big),
                (ts, c, lists, twice, unit, bytes, rest),
            )| Every {
                s,
                n,
                i,
                u,
                b,
                flag,
                list,
                dir,
                f,
                f32,
                big,
                ts,
                c,
                lists,
                twice,
                unit: unit.then_some(Unit),
                bytes,
                rest,
            },
        )
    }

    fn ours<Q: Serialize + ?Sized>(query: &Q) -> Result<String, WriteError> {
        let mut out = String::new();
        write_query(&mut out, query).map(|()| out)
    }

    /// Both writers' text, or whether each failed.
    fn assert_same<Q: Serialize + std::fmt::Debug + ?Sized>(query: &Q) {
        let theirs = serde_html_form::to_string(query);
        match (ours(query), theirs) {
            (Ok(ours), Ok(theirs)) => assert_eq!(ours, theirs, "{query:?}"),
            (Err(_), Err(_)) => {}
            (ours, theirs) => panic!("{query:?}: ours {ours:?}, serde_html_form {theirs:?}"),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn the_same_text_as_serde_html_form(query in every()) {
            assert_same(&query);
        }

        #[test]
        fn pairs_and_maps_as_serde_html_form_writes_them(
            pairs in proptest::collection::vec((text(), proptest::option::of(text())), 0..4),
        ) {
            assert_same(&pairs);
            let map: BTreeMap<_, _> = pairs.iter().cloned().collect();
            assert_same(&map);
            let optional_pairs: Vec<Option<(String, String)>> = pairs
                .iter()
                .map(|(name, value)| value.clone().map(|value| (name.clone(), value)))
                .collect();
            assert_same(&optional_pairs);
        }

        #[test]
        fn what_is_written_reads_back(
            s in proptest::option::of(text()),
            list in proptest::collection::vec(text(), 0..3),
            n in any::<Option<u64>>(),
        ) {
            #[derive(Debug, PartialEq, Serialize, Deserialize)]
            struct Query {
                s: Option<String>,
                #[serde(default)]
                list: Vec<String>,
                n: Option<u64>,
            }
            let query = Query { s, list, n };
            let written = ours(&query).unwrap();
            prop_assert_eq!(crate::query::parse_query::<Query>(&written).unwrap(), query);
        }
    }

    #[test]
    fn pairs_follow_what_is_already_written() {
        #[derive(Serialize)]
        struct Query<'a> {
            filename: Option<&'a str>,
            dir: Dir,
        }
        let mut out = "https://h/_matrix/media/v3/upload?".to_owned();
        let query = Query {
            filename: Some("my cat & me.jpg"),
            dir: Dir::Backward,
        };
        write_query(&mut out, &query).unwrap();
        assert_eq!(
            out,
            "https://h/_matrix/media/v3/upload?filename=my+cat+%26+me.jpg&dir=b"
        );
        // Nothing to write: nothing written, not even a separator.
        let mut out = "x?".to_owned();
        write_query(
            &mut out,
            &Query {
                filename: None,
                dir: Dir::Forward,
            },
        )
        .unwrap();
        write_query(&mut out, &BTreeMap::<String, String>::new()).unwrap();
        assert_eq!(out, "x?dir=f");
    }

    #[test]
    fn what_cannot_be_written_fails_as_in_serde_html_form_and_says_why() {
        #[derive(Debug, Serialize)]
        enum WithValue {
            Some(String),
        }
        #[derive(Debug, Serialize)]
        struct Nested {
            inner: Every2,
        }
        #[derive(Debug, Serialize)]
        struct Every2 {
            x: u8,
        }
        #[derive(Debug, Serialize)]
        struct Lists {
            rooms: Vec<Vec<String>>,
        }
        #[derive(Debug, Serialize)]
        struct Variant {
            dir: WithValue,
        }
        #[derive(Debug, Serialize)]
        struct UnitValue {
            nothing: (),
        }
        #[derive(Debug, Serialize)]
        struct MapValue {
            filter: BTreeMap<String, String>,
        }
        let message = |result: Result<String, WriteError>| result.unwrap_err().to_string();

        let nested = Nested {
            inner: Every2 { x: 1 },
        };
        assert_same(&nested);
        assert_eq!(
            message(ours(&nested)),
            "parameter `inner`: a query value is one piece of text or a list of them, and this \
             value is the struct `Every2`"
        );
        let lists = Lists {
            rooms: vec![vec!["a".to_owned()]],
        };
        assert_same(&lists);
        assert_eq!(
            message(ours(&lists)),
            "parameter `rooms`: a query value is one piece of text or a list of them, and this \
             value is a list inside a list"
        );
        let variant = Variant {
            dir: WithValue::Some("x".to_owned()),
        };
        assert_same(&variant);
        assert!(message(ours(&variant)).contains("`dir`: "));
        assert!(message(ours(&variant)).ends_with("the variant `Some` with a value"));
        let unit = UnitValue { nothing: () };
        assert_same(&unit);
        assert!(message(ours(&unit)).starts_with("parameter `nothing`: "));
        let map = MapValue {
            filter: BTreeMap::from([("a".to_owned(), "b".to_owned())]),
        };
        assert_same(&map);
        assert!(message(ours(&map)).ends_with("this value is a map"));
        let bytes = BTreeMap::from([("raw", serde_bytes_value(&[0xFF]))]);
        assert_same(&bytes);
        assert!(message(ours(&bytes)).contains("`raw`: "));
        assert!(message(ours(&bytes)).contains("not UTF-8"));

        // A value's own error, too, names the parameter.
        #[derive(Debug, Serialize)]
        struct Custom {
            #[serde(serialize_with = "refuse_always")]
            since: String,
        }
        fn refuse_always<S: serde::Serializer>(_: &str, _: S) -> Result<S::Ok, S::Error> {
            Err(ser::Error::custom("not now"))
        }
        let custom = Custom {
            since: "s1".to_owned(),
        };
        assert_same(&custom);
        assert_eq!(message(ours(&custom)), "parameter `since`: not now");

        // Not a query at all.
        for (what, result) in [
            ("a string", ours("text")),
            ("a number", ours(&5)),
            ("a boolean", ours(&true)),
            ("the variant `b`", ours(&Dir::Backward)),
        ] {
            assert!(message(result).ends_with(&format!("this value is {what}")));
        }
        assert_same("text");
        assert_same(&5);
        assert_same(&Dir::Backward);
        // A pair that is not two elements, a name that is not text.
        let triples = vec![("a", "b", "c")];
        assert_same(&triples);
        assert!(message(ours(&triples)).ends_with("this one is a tuple of 3"));
        let optional_names = BTreeMap::from([(Some("a"), "b")]);
        assert_same(&optional_names);
        assert!(message(ours(&optional_names)).ends_with("this one is an `Option`"));
        let list_names = vec![(vec!["a"], "b")];
        assert_same(&list_names);
        assert!(message(ours(&list_names)).ends_with("this one is a list"));
    }

    /// A value serde writes as bytes.
    fn serde_bytes_value(bytes: &[u8]) -> impl Serialize + std::fmt::Debug + '_ {
        #[derive(Debug)]
        struct Bytes<'a>(&'a [u8]);
        impl Serialize for Bytes<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(self.0)
            }
        }
        Bytes(bytes)
    }

    #[test]
    fn names_are_text_numbers_and_unit_variants_as_serde_html_form_writes_them() {
        assert_same(&BTreeMap::from([(1u32, "one"), (20, "twenty")]));
        assert_same(&BTreeMap::from([(true, "yes")]));
        assert_same(&vec![(Dir::Forward, "x")]);
        assert_same(&BTreeMap::from([('é', "x")]));
        assert_same(&vec![(1.5f64, "x"), (f64::NAN, "y")]);
        assert_eq!(
            ours(&BTreeMap::from([(1u32, "one"), (20, "a b")])).unwrap(),
            "1=one&20=a+b"
        );
    }
}
