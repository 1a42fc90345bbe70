//! Reading a query string (`application/x-www-form-urlencoded`) into a request's query type.
//!
//! The values read are serde_html_form's, which writes the client's queries: the same pairs
//! (split at `&` and the first `=`, empty pieces skipped, `+` for a space, malformed escapes
//! kept as text, bytes that are not UTF-8 replaced), a repeated parameter read as a list, `on`
//! as `true`, and an empty value as `None` for an optional number or boolean, with the same
//! error messages. What differs is the cost: the pairs are grouped in one vector, by a linear
//! search while there are few, rather than through a hash map, and a failing value names its
//! parameter as it fails, so the error path need not read the query again.

use std::any::type_name;
use std::borrow::Cow;
use std::collections::HashMap;
use std::num::{
    NonZeroI128, NonZeroI16, NonZeroI32, NonZeroI64, NonZeroI8, NonZeroIsize, NonZeroU128,
    NonZeroU16, NonZeroU32, NonZeroU64, NonZeroU8, NonZeroUsize,
};

use serde::de::value::{Error, MapDeserializer, SeqDeserializer};
use serde::de::{self, DeserializeOwned, Error as _, IntoDeserializer, Unexpected};
use serde::forward_to_deserialize_any;

use crate::error::DeserializationError;
use crate::json::field_named_in;
use crate::percent::{find_byte, form_decode};

/// Reads `query` into `Q`; an error names the parameter at fault when one is.
pub(crate) fn parse_query<Q: DeserializeOwned>(query: &str) -> Result<Q, DeserializationError> {
    let mut grouped = Grouped::of(query);
    match Q::deserialize(Query(&mut grouped)) {
        Ok(value) => Ok(value),
        Err(err) => {
            let parse_again = |query: &str| from_query::<Q>(query).err().map(|err| err.to_string());
            Err(query_error(
                query,
                &err.to_string(),
                grouped.failed,
                &parse_again,
            ))
        }
    }
}

/// Reads `query` into `T`, with nothing but serde's error.
fn from_query<T: DeserializeOwned>(query: &str) -> Result<T, Error> {
    T::deserialize(Query(&mut Grouped::of(query)))
}

/// The pairs of a query, one entry per parameter in order of first appearance, with the
/// parameter whose value failed to read, if one did.
struct Grouped<'q> {
    query: &'q str,
    entries: Vec<(Cow<'q, str>, Values<'q>)>,
    /// The entry being read.
    next: usize,
    /// The parameter whose value failed, and how many times it was given.
    failed: Option<(String, usize)>,
}

/// The values of one parameter.
enum Values<'q> {
    One(Cow<'q, str>),
    Many(Vec<Cow<'q, str>>),
    /// Handed to the reader already.
    Taken,
}

/// Past this many parameters, grouping finds a repeated name through a hash map rather than
/// by comparing it with every name before it, so that a hostile query of thousands of
/// parameters costs linear time.
const LINEAR_SEARCH_MAX: usize = 16;

impl<'q> Grouped<'q> {
    fn of(query: &'q str) -> Self {
        let mut entries: Vec<(Cow<'q, str>, Values<'q>)> = Vec::new();
        let mut index: Option<HashMap<Cow<'q, str>, usize>> = None;
        for (Text(name), Text(value)) in pairs(query) {
            let found = match &mut index {
                Some(index) => index.get(&name).copied(),
                None => entries.iter().position(|(other, _)| *other == name),
            };
            match found {
                Some(at) => entries[at].1.push(value),
                None => {
                    if let Some(index) = &mut index {
                        index.insert(name.clone(), entries.len());
                    }
                    entries.push((name, Values::One(value)));
                    if index.is_none() && entries.len() > LINEAR_SEARCH_MAX {
                        let names = entries.iter().enumerate();
                        index = Some(names.map(|(at, (name, _))| (name.clone(), at)).collect());
                    }
                }
            }
        }
        Grouped {
            query,
            entries,
            next: 0,
            failed: None,
        }
    }
}

impl<'q> Values<'q> {
    fn push(&mut self, value: Cow<'q, str>) {
        match std::mem::replace(self, Values::Taken) {
            Values::One(first) => *self = Values::Many(vec![first, value]),
            Values::Many(mut values) => {
                values.push(value);
                *self = Values::Many(values);
            }
            Values::Taken => unreachable!("values are taken only after grouping"),
        }
    }

    fn count(&self) -> usize {
        match self {
            Values::One(_) => 1,
            Values::Many(values) => values.len(),
            Values::Taken => 0,
        }
    }
}

/// The query as a whole: a map of its parameters, whatever is asked for (or the sequence of
/// its pairs, as they come).
struct Query<'a, 'q>(&'a mut Grouped<'q>);

impl<'de> de::Deserializer<'de> for Query<'_, 'de> {
    type Error = Error;

    fn deserialize_any<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    fn deserialize_map<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_map(self.0)
    }

    fn deserialize_seq<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_seq(MapDeserializer::new(pairs(self.0.query)))
    }

    fn deserialize_unit<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        MapDeserializer::new(pairs(self.0.query)).end()?;
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: de::Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    forward_to_deserialize_any! {
        bool u8 u16 u32 u64 i8 i16 i32 i64 f32 f64 char str string option bytes byte_buf
        unit_struct tuple_struct struct identifier tuple enum ignored_any
    }
}

/// Every pair, in the order given, a repeated parameter's values where they stand.
fn pairs(query: &str) -> impl Iterator<Item = (Text<'_>, Text<'_>)> {
    // Split by byte search, not `str::split`: a query is a few dozen bytes, for which
    // `memchr`'s set-up costs more than the search.
    let mut rest = query;
    std::iter::from_fn(move || loop {
        if rest.is_empty() {
            return None;
        }
        let end = find_byte(rest.as_bytes(), b'&').unwrap_or(rest.len());
        let piece = &rest[..end];
        rest = rest.get(end + 1..).unwrap_or("");
        if piece.is_empty() {
            continue;
        }
        let (name, value) = match find_byte(piece.as_bytes(), b'=') {
            Some(at) => (&piece[..at], &piece[at + 1..]),
            None => (piece, ""),
        };
        return Some((Text(form_decode(name)), Text(form_decode(value))));
    })
}

impl<'de> de::MapAccess<'de> for Grouped<'de> {
    type Error = Error;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((name, _)) = self.entries.get(self.next) else {
            return Ok(None);
        };
        let text = match name {
            Cow::Borrowed(name) => Text(Cow::Borrowed(name)),
            Cow::Owned(name) => Text(Cow::Owned(name.clone())),
        };
        let read = seed.deserialize(text);
        if read.is_err() {
            let (name, values) = &self.entries[self.next];
            self.failed = Some((name.clone().into_owned(), values.count()));
        }
        read.map(Some)
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let (name, values) = &mut self.entries[self.next];
        self.next += 1;
        let count = values.count();
        let read = match std::mem::replace(values, Values::Taken) {
            Values::One(value) => seed.deserialize(Text(value)),
            Values::Many(values) => seed.deserialize(List(values)),
            Values::Taken => unreachable!("each value is read once"),
        };
        if read.is_err() {
            self.failed = Some((name.clone().into_owned(), count));
        }
        read
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len() - self.next)
    }
}

/// The optional types for which an empty value is `None`: the numbers and `bool`, which an
/// empty text cannot be. Compared by name: `TypeId` would need the visitor's value to be
/// `'static`, which serde does not promise, and two types of the same name within one program
/// are the same type for these.
const EMPTY_IS_NONE: [fn() -> &'static str; 27] = [
    type_name::<Option<bool>>,
    type_name::<Option<i8>>,
    type_name::<Option<i16>>,
    type_name::<Option<i32>>,
    type_name::<Option<i64>>,
    type_name::<Option<i128>>,
    type_name::<Option<isize>>,
    type_name::<Option<NonZeroI8>>,
    type_name::<Option<NonZeroI16>>,
    type_name::<Option<NonZeroI32>>,
    type_name::<Option<NonZeroI64>>,
    type_name::<Option<NonZeroI128>>,
    type_name::<Option<NonZeroIsize>>,
    type_name::<Option<u8>>,
    type_name::<Option<u16>>,
    type_name::<Option<u32>>,
    type_name::<Option<u64>>,
    type_name::<Option<u128>>,
    type_name::<Option<usize>>,
    type_name::<Option<NonZeroU8>>,
    type_name::<Option<NonZeroU16>>,
    type_name::<Option<NonZeroU32>>,
    type_name::<Option<NonZeroU64>>,
    type_name::<Option<NonZeroU128>>,
    type_name::<Option<NonZeroUsize>>,
    type_name::<Option<f32>>,
    type_name::<Option<f64>>,
];

/// One decoded value (or name).
struct Text<'q>(Cow<'q, str>);

impl<'de> IntoDeserializer<'de, Error> for Text<'de> {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

/// A number parsed from the text, then handed over as that number.
macro_rules! parsed {
    ($($method:ident => $ty:ty,)*) => {$(
        fn $method<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            match self.0.parse::<$ty>() {
                Ok(number) => number.into_deserializer().$method(visitor),
                Err(err) => Err(Error::custom(err)),
            }
        }
    )*};
}

impl<'de> de::Deserializer<'de> for Text<'de> {
    type Error = Error;

    fn deserialize_any<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Cow::Borrowed(text) => visitor.visit_borrowed_str(text),
            Cow::Owned(text) => visitor.visit_string(text),
        }
    }

    fn deserialize_option<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.0.is_empty() {
            let target = type_name::<V::Value>();
            if EMPTY_IS_NONE.iter().any(|name| name() == target) {
                return visitor.visit_none();
            }
        }
        visitor.visit_some(self)
    }

    fn deserialize_bool<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match &*self.0 {
            "true" | "on" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            other => Err(Error::invalid_value(
                Unexpected::Str(other),
                &"\"true\", \"on\" or \"false\"",
            )),
        }
    }

    fn deserialize_enum<V: de::Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_enum(self)
    }

    fn deserialize_newtype_struct<V: de::Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_seq(SeqDeserializer::new(std::iter::once(self)))
    }

    parsed! {
        deserialize_u8 => u8,
        deserialize_u16 => u16,
        deserialize_u32 => u32,
        deserialize_u64 => u64,
        deserialize_i8 => i8,
        deserialize_i16 => i16,
        deserialize_i32 => i32,
        deserialize_i64 => i64,
        deserialize_f32 => f32,
        deserialize_f64 => f64,
    }

    forward_to_deserialize_any! {
        char str string unit bytes byte_buf unit_struct tuple_struct struct identifier tuple
        ignored_any map
    }
}

impl<'de> de::EnumAccess<'de> for Text<'de> {
    type Error = Error;
    type Variant = UnitVariant;

    fn variant_seed<V: de::DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, UnitVariant), Error> {
        let variant = seed.deserialize(self.0.into_deserializer())?;
        Ok((variant, UnitVariant))
    }
}

/// A query value names a variant, with nothing inside.
struct UnitVariant;

impl<'de> de::VariantAccess<'de> for UnitVariant {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        Ok(())
    }

    fn newtype_variant_seed<T: de::DeserializeSeed<'de>>(
        self,
        _seed: T,
    ) -> Result<T::Value, Error> {
        Err(Error::custom("expected unit variant"))
    }

    fn tuple_variant<V: de::Visitor<'de>>(
        self,
        _len: usize,
        _visitor: V,
    ) -> Result<V::Value, Error> {
        Err(Error::custom("expected unit variant"))
    }

    fn struct_variant<V: de::Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Error> {
        Err(Error::custom("expected unit variant"))
    }
}

/// The methods of [`List`] that want one value, refused.
macro_rules! wants_one_value {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {$(
        fn $method<V: de::Visitor<'de>>(self, $($arg: $ty,)* _visitor: V) -> Result<V::Value, Error> {
            Err(one_value_wanted())
        }
    )*};
}

/// The values of a repeated parameter: a sequence, and nothing else.
struct List<'q>(Vec<Cow<'q, str>>);

impl<'de> de::Deserializer<'de> for List<'de> {
    type Error = Error;

    fn deserialize_any<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_seq<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_seq(SeqDeserializer::new(self.0.into_iter().map(Text)))
    }

    fn deserialize_option<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_ignored_any<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    wants_one_value! {
        deserialize_enum(_name: &'static str, _variants: &'static [&'static str]);
        deserialize_tuple(_len: usize);
        deserialize_struct(_name: &'static str, _fields: &'static [&'static str]);
        deserialize_unit_struct(_name: &'static str);
        deserialize_tuple_struct(_name: &'static str, _len: usize);
        deserialize_newtype_struct(_name: &'static str);
        deserialize_bool(); deserialize_char(); deserialize_str(); deserialize_string();
        deserialize_bytes(); deserialize_byte_buf(); deserialize_unit(); deserialize_u8();
        deserialize_u16(); deserialize_u32(); deserialize_u64(); deserialize_i8();
        deserialize_i16(); deserialize_i32(); deserialize_i64(); deserialize_f32();
        deserialize_f64(); deserialize_identifier(); deserialize_map();
    }
}

/// serde_html_form's message for a repeated parameter read as one value, which
/// [`query_error`] rewords once it knows the parameter.
fn one_value_wanted() -> Error {
    Error::custom(UNSUPPORTED_VALUE)
}

const UNSUPPORTED_VALUE: &str = "unsupported value";

/// The error for a query string, naming the failing parameter. Not generic.
///
/// A value (or name) that failed to read names its parameter: `failed`, with how many times
/// it was given. Any other error, such as a required parameter missing, names the parameter in
/// serde's message, or else, on this error path only, the query is read again without each
/// parameter in turn (`parse_again`, the same reader): the parameter whose removal makes the
/// error go away, or turns it into that parameter being missing, is the one at fault.
#[cold]
fn query_error(
    query: &str,
    message: &str,
    failed: Option<(String, usize)>,
    parse_again: &dyn Fn(&str) -> Option<String>,
) -> DeserializationError {
    let (parameter, given) = match failed {
        Some((name, given)) => (Some(name), given),
        None => (
            field_named_in(message).or_else(|| removed_to_fix(query, parse_again)),
            1,
        ),
    };
    let message = if given > 1 && message == UNSUPPORTED_VALUE {
        format!("given {given} times, but it takes one value")
    } else {
        message.to_owned()
    };
    DeserializationError::Query { parameter, message }
}

/// The first parameter whose removal from `query` makes `parse_again` succeed, or fail only
/// for want of that parameter.
fn removed_to_fix(query: &str, parse_again: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    let pairs: Vec<(Cow<'_, str>, Cow<'_, str>)> = pairs(query)
        .map(|(Text(name), Text(value))| (name, value))
        .collect();
    let mut tried: Vec<&str> = Vec::new();
    for (name, _) in &pairs {
        if tried.contains(&name.as_ref()) {
            continue;
        }
        tried.push(name);
        let without = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs.iter().filter(|(other, _)| other != name))
            .finish();
        let at_fault = match parse_again(&without) {
            None => true,
            Some(other) => other == format!("missing field `{name}`"),
        };
        if at_fault {
            return Some(name.clone().into_owned());
        }
    }
    None
}

#[cfg(test)]
mod tests;
