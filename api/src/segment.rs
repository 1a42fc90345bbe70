//! A path parameter through serde: any type that serializes to and deserializes from one string
//! (every ruma-common identifier, an enum of renamed unit variants, an integer, `String`) fills
//! a `{param}` of a path, so a path field needs no `Display` or `FromStr`.

use std::fmt::{self, Display};

use serde::de::{self, DeserializeOwned, IntoDeserializer, Visitor};
use serde::ser::{self, Impossible, Serialize};

use crate::text_ser::{refuse, see_through};

/// Why a value cannot be a path segment, or a segment cannot be read as a value.
#[derive(Debug)]
pub struct SegmentError(String);

impl Display for SegmentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SegmentError {}

impl ser::Error for SegmentError {
    fn custom<T: Display>(msg: T) -> Self {
        SegmentError(msg.to_string())
    }
}

impl de::Error for SegmentError {
    fn custom<T: Display>(msg: T) -> Self {
        SegmentError(msg.to_string())
    }
}

/// Writes `value`'s text into `out` (not yet percent-encoded). Strings, characters, numbers,
/// booleans and unit variants have a text; anything else is refused, naming what it is.
pub(crate) fn write_segment<T: Serialize + ?Sized>(
    value: &T,
    out: &mut dyn fmt::Write,
) -> Result<(), SegmentError> {
    value.serialize(SegmentSerializer { out })
}

/// A path parameter's value, behind one object-safe interface so that the request builder is
/// compiled once for every type.
pub trait PathValue {
    /// Writes the value's text (not yet percent-encoded).
    fn write_to(&self, out: &mut dyn fmt::Write) -> Result<(), SegmentError>;
}

impl<T: Serialize + ?Sized> PathValue for T {
    fn write_to(&self, out: &mut dyn fmt::Write) -> Result<(), SegmentError> {
        write_segment(self, out)
    }
}

/// Reads a path segment (already percent-decoded) as a `T`.
pub(crate) fn read_segment<T: DeserializeOwned>(text: &str) -> Result<T, SegmentError> {
    T::deserialize(SegmentDeserializer { text })
}

struct SegmentSerializer<'a> {
    out: &'a mut dyn fmt::Write,
}

impl SegmentSerializer<'_> {
    fn text(self, text: impl Display) -> Result<(), SegmentError> {
        write!(self.out, "{text}").map_err(|_| SegmentError("the text could not be written".into()))
    }
}

fn not_text(what: &str) -> SegmentError {
    SegmentError(format!(
        "a path parameter is one piece of text, and this value is {what}"
    ))
}

impl ser::Serializer for SegmentSerializer<'_> {
    type Ok = ();
    type Error = SegmentError;
    type SerializeSeq = Impossible<(), SegmentError>;
    type SerializeTuple = Impossible<(), SegmentError>;
    type SerializeTupleStruct = Impossible<(), SegmentError>;
    type SerializeTupleVariant = Impossible<(), SegmentError>;
    type SerializeMap = Impossible<(), SegmentError>;
    type SerializeStruct = Impossible<(), SegmentError>;
    type SerializeStructVariant = Impossible<(), SegmentError>;

    refuse!(|_, what| not_text(what);
        bytes, unit, unit_struct, newtype_variant, seq, tuple, tuple_struct, tuple_variant, map,
        struct, struct_variant,);

    fn serialize_bool(self, v: bool) -> Result<(), SegmentError> {
        self.text(v)
    }
    fn serialize_i8(self, v: i8) -> Result<(), SegmentError> {
        self.text(v)
    }
    fn serialize_i16(self, v: i16) -> Result<(), SegmentError> {
        self.text(v)
    }
    fn serialize_i32(self, v: i32) -> Result<(), SegmentError> {
        self.text(v)
    }
    fn serialize_i64(self, v: i64) -> Result<(), SegmentError> {
        self.text(v)
    }
    fn serialize_i128(self, v: i128) -> Result<(), SegmentError> {
        self.text(v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), SegmentError> {
        self.text(v)
    }
    fn serialize_u16(self, v: u16) -> Result<(), SegmentError> {
        self.text(v)
    }
    fn serialize_u32(self, v: u32) -> Result<(), SegmentError> {
        self.text(v)
    }
    fn serialize_u64(self, v: u64) -> Result<(), SegmentError> {
        self.text(v)
    }
    fn serialize_u128(self, v: u128) -> Result<(), SegmentError> {
        self.text(v)
    }
    fn serialize_f32(self, v: f32) -> Result<(), SegmentError> {
        self.text(v)
    }
    fn serialize_f64(self, v: f64) -> Result<(), SegmentError> {
        self.text(v)
    }
    fn serialize_char(self, v: char) -> Result<(), SegmentError> {
        self.text(v)
    }
    fn serialize_str(self, v: &str) -> Result<(), SegmentError> {
        self.out
            .write_str(v)
            .map_err(|_| SegmentError("the text could not be written".into()))
    }
    fn serialize_none(self) -> Result<(), SegmentError> {
        Err(SegmentError(
            "a path parameter cannot be absent, and this value is `None`".into(),
        ))
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), SegmentError> {
        self.serialize_str(variant)
    }
    see_through!();
}

/// Reads one segment's text: as a string for whatever asks for text (identifiers, `String`,
/// enums), and parsed for whatever asks for a number or a boolean.
struct SegmentDeserializer<'a> {
    text: &'a str,
}

impl SegmentDeserializer<'_> {
    fn parse<T: std::str::FromStr>(&self, what: &str) -> Result<T, SegmentError> {
        self.text
            .parse()
            .map_err(|_| SegmentError(format!("`{}` is not {what}", self.text)))
    }
}

macro_rules! parsed {
    ($($method:ident => $visit:ident: $ty:ty, $what:literal;)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SegmentError> {
            visitor.$visit(self.parse::<$ty>($what)?)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for SegmentDeserializer<'_> {
    type Error = SegmentError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SegmentError> {
        visitor.visit_str(self.text)
    }

    parsed! {
        deserialize_bool => visit_bool: bool, "`true` or `false`";
        deserialize_i8 => visit_i8: i8, "an integer from -128 to 127";
        deserialize_i16 => visit_i16: i16, "an integer from -32768 to 32767";
        deserialize_i32 => visit_i32: i32, "a 32-bit integer";
        deserialize_i64 => visit_i64: i64, "a 64-bit integer";
        deserialize_i128 => visit_i128: i128, "a 128-bit integer";
        deserialize_u8 => visit_u8: u8, "an integer from 0 to 255";
        deserialize_u16 => visit_u16: u16, "an integer from 0 to 65535";
        deserialize_u32 => visit_u32: u32, "a non-negative 32-bit integer";
        deserialize_u64 => visit_u64: u64, "a non-negative 64-bit integer";
        deserialize_u128 => visit_u128: u128, "a non-negative 128-bit integer";
        deserialize_f32 => visit_f32: f32, "a number";
        deserialize_f64 => visit_f64: f64, "a number";
        deserialize_char => visit_char: char, "a single character";
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, SegmentError> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, SegmentError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, SegmentError> {
        // A unit variant, named by the text.
        visitor.visit_enum(self.text.into_deserializer())
    }

    serde::forward_to_deserialize_any! {
        str string bytes byte_buf unit unit_struct seq tuple tuple_struct map struct
        identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ruma_common::{OwnedRoomId, OwnedTransactionId};
    use serde::Deserialize;

    #[derive(Debug, PartialEq, serde::Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Override,
        #[serde(rename = "m.fully_read")]
        FullyRead,
    }

    fn text<T: Serialize>(value: &T) -> Result<String, String> {
        let mut out = String::new();
        write_segment(value, &mut out).map_err(|err| err.to_string())?;
        Ok(out)
    }

    #[test]
    fn identifiers_enums_and_numbers_round_trip() {
        let room: OwnedRoomId = "!room:example.org".try_into().unwrap();
        assert_eq!(text(&room).unwrap(), "!room:example.org");
        assert_eq!(
            read_segment::<OwnedRoomId>("!room:example.org").unwrap(),
            room
        );
        let txn = OwnedTransactionId::from("txn 1");
        assert_eq!(text(&txn).unwrap(), "txn 1");
        assert_eq!(read_segment::<OwnedTransactionId>("txn 1").unwrap(), txn);
        assert_eq!(text(&Kind::FullyRead).unwrap(), "m.fully_read");
        assert_eq!(read_segment::<Kind>("override").unwrap(), Kind::Override);
        assert_eq!(text(&42u32).unwrap(), "42");
        assert_eq!(read_segment::<u32>("42").unwrap(), 42);
        assert_eq!(read_segment::<js_int::UInt>("7").unwrap(), js_int::uint!(7));
        assert!(read_segment::<bool>("true").unwrap());
        assert_eq!(read_segment::<String>("a/b").unwrap(), "a/b");
    }

    #[test]
    fn what_has_no_text_is_refused_by_name() {
        assert_eq!(
            text(&vec![1, 2]).unwrap_err(),
            "a path parameter is one piece of text, and this value is a list"
        );
        assert!(text(&None::<String>).unwrap_err().contains("`None`"));
        #[derive(serde::Serialize)]
        struct Marker;
        #[derive(serde::Serialize)]
        struct Pair {
            a: u8,
        }
        for (what, err) in [
            ("`()`", text(&())),
            ("the unit struct `Marker`", text(&Marker)),
            ("the struct `Pair`", text(&Pair { a: 1 })),
            ("a map", text(&std::collections::BTreeMap::<u8, u8>::new())),
            ("a tuple", text(&(1, 2))),
        ] {
            assert_eq!(
                err.unwrap_err(),
                format!("a path parameter is one piece of text, and this value is {what}")
            );
        }
        let err = read_segment::<u8>("300").unwrap_err().to_string();
        assert_eq!(err, "`300` is not an integer from 0 to 255");
        let err = read_segment::<Kind>("m.unknown").unwrap_err().to_string();
        assert!(err.contains("unknown variant `m.unknown`"), "{err}");
        let err = read_segment::<OwnedRoomId>("room").unwrap_err().to_string();
        assert!(!err.is_empty());
    }
}
