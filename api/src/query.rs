//! Reading a query string (`application/x-www-form-urlencoded`) into a request's query type;
//! [`write`] writes one.
//!
//! The values read are serde_html_form's, the reader this one replaced: the same pairs
//! (split at `&` and the first `=`, empty pieces skipped, `+` for a space, malformed escapes
//! kept as text, bytes that are not UTF-8 replaced), a repeated parameter read as a list, `on`
//! as `true`, and an empty value as `None` for an optional number or boolean, with the same
//! error messages. What differs is the cost: a query of a few parameters, none given twice
//! (nearly every query), is read pair by pair as written, with nothing allocated; any other is
//! grouped in one vector rather than through a hash map; and a failing value names its
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
use crate::percent::{find_byte, find_form_escape, form_decode};

pub(crate) mod write;

/// Reads `query` into `Q`; an error names the parameter at fault when one is.
pub(crate) fn parse_query<Q: DeserializeOwned>(query: &str) -> Result<Q, DeserializationError> {
    let mut params = Params::of(query);
    match Q::deserialize(Query(&mut params)) {
        Ok(value) => Ok(value),
        Err(err) => {
            let parse_again = |query: &str| from_query::<Q>(query).err().map(|err| err.to_string());
            Err(query_error(
                query,
                &err.to_string(),
                params.failed,
                &parse_again,
            ))
        }
    }
}

/// Reads `query` into `T`, with nothing but serde's error.
fn from_query<T: DeserializeOwned>(query: &str) -> Result<T, Error> {
    T::deserialize(Query(&mut Params::of(query)))
}

/// The parameters of a query, in order of first appearance, with the parameter whose value
/// failed to read, if one did.
struct Params<'q> {
    query: &'q str,
    source: Source<'q>,
    /// The parameter whose value failed, and how many times it was given.
    failed: Option<(String, usize)>,
}

/// Where the parameters come from.
// The stream's pairs are inline on purpose: the common query allocates nothing.
#[allow(clippy::large_enum_variant)]
enum Source<'q> {
    /// The pairs as written, split once, when no name is given twice: nothing to group, nothing
    /// allocated. Each is decoded as it is read; `current` is the pair whose name was read last.
    Stream {
        pairs: [(&'q str, &'q str); STREAM_MAX],
        len: usize,
        next: usize,
        current: Option<(Cow<'q, str>, &'q str)>,
    },
    /// Grouped by name, a repeated parameter's values together.
    Grouped {
        entries: Vec<(Cow<'q, str>, Values<'q>)>,
        /// The entry being read.
        next: usize,
    },
}

/// The values of one parameter.
enum Values<'q> {
    One(Cow<'q, str>),
    Many(Vec<Cow<'q, str>>),
    /// Handed to the reader already.
    Taken,
}

/// At most this many parameters are read straight from the query, without grouping: more
/// than any endpoint of the Client-Server API takes (a legacy thumbnail takes seven, `/sync`
/// six).
const STREAM_MAX: usize = 8;

/// Past this many parameters, grouping finds a repeated name through a hash map rather than by
/// comparing it with every name before it, so that a hostile query of thousands of parameters
/// costs linear time.
const LINEAR_SEARCH_MAX: usize = 16;

impl<'q> Params<'q> {
    fn of(query: &'q str) -> Self {
        // Built in place: the pairs are split straight into the stream's array, which grouped
        // entries replace when a name repeats, may decode like another, or there are too many.
        let mut params = Params {
            query,
            source: Source::Stream {
                pairs: [("", ""); STREAM_MAX],
                len: 0,
                next: 0,
                current: None,
            },
            failed: None,
        };
        if let Source::Stream { pairs, len, .. } = &mut params.source {
            if !split_distinct_plain_names(query, pairs, len) {
                params.source = Source::Grouped {
                    entries: grouped(query),
                    next: 0,
                };
            }
        }
        params
    }
}

/// Splits `query` into `pairs` (`len` of them) as written, and says whether there are at most
/// [`STREAM_MAX`] and no name is given twice. Names are compared as written, so only
/// names without `%` or `+`, which read as written, count as plain: two names written apart
/// may decode alike.
fn split_distinct_plain_names<'q>(
    query: &'q str,
    pairs: &mut [(&'q str, &'q str); STREAM_MAX],
    len: &mut usize,
) -> bool {
    for (name, value) in (RawPairs { rest: query }) {
        if *len == STREAM_MAX
            || find_form_escape(name.as_bytes()).is_some()
            || pairs[..*len].iter().any(|(other, _)| *other == name)
        {
            return false;
        }
        pairs[*len] = (name, value);
        *len += 1;
    }
    true
}

/// The parameters of `query` grouped by name, in order of first appearance.
fn grouped(query: &str) -> Vec<(Cow<'_, str>, Values<'_>)> {
    let mut entries: Vec<(Cow<'_, str>, Values<'_>)> = Vec::new();
    let mut index: Option<HashMap<Cow<'_, str>, usize>> = None;
    for (Text(name), Text(value)) in Pairs::of(query) {
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
    entries
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
struct Query<'a, 'q>(&'a mut Params<'q>);

impl<'de> de::Deserializer<'de> for Query<'_, 'de> {
    type Error = Error;

    fn deserialize_any<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    fn deserialize_map<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_map(self.0)
    }

    fn deserialize_seq<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_seq(MapDeserializer::new(Pairs::of(self.0.query)))
    }

    fn deserialize_unit<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        MapDeserializer::new(Pairs::of(self.0.query)).end()?;
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

/// Every pair as written, in the order given, a repeated parameter's values where they stand.
struct RawPairs<'q> {
    rest: &'q str,
}

impl<'q> Iterator for RawPairs<'q> {
    type Item = (&'q str, &'q str);

    fn next(&mut self) -> Option<Self::Item> {
        // Split by byte search, not `str::split`: a query is a few dozen bytes, for which
        // `memchr`'s set-up costs more than the search.
        loop {
            if self.rest.is_empty() {
                return None;
            }
            let end = find_byte(self.rest.as_bytes(), b'&').unwrap_or(self.rest.len());
            let piece = &self.rest[..end];
            self.rest = self.rest.get(end + 1..).unwrap_or("");
            if piece.is_empty() {
                continue;
            }
            return Some(match find_byte(piece.as_bytes(), b'=') {
                Some(at) => (&piece[..at], &piece[at + 1..]),
                None => (piece, ""),
            });
        }
    }
}

/// Every name and value of `query`, decoded, in the order given: for a reader of one
/// parameter (the access token), with the same decoding as the query types get.
pub(crate) fn decoded_pairs(query: &str) -> impl Iterator<Item = (Cow<'_, str>, Cow<'_, str>)> {
    Pairs::of(query).map(|(Text(name), Text(value))| (name, value))
}

/// Every pair, decoded.
struct Pairs<'q>(RawPairs<'q>);

impl<'q> Pairs<'q> {
    fn of(query: &'q str) -> Self {
        Pairs(RawPairs { rest: query })
    }
}

impl<'q> Iterator for Pairs<'q> {
    type Item = (Text<'q>, Text<'q>);

    fn next(&mut self) -> Option<Self::Item> {
        let (name, value) = self.0.next()?;
        Some((Text(form_decode(name)), Text(form_decode(value))))
    }
}

impl<'de> de::MapAccess<'de> for Params<'de> {
    type Error = Error;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let (name, count) = match &mut self.source {
            Source::Stream {
                pairs,
                len,
                next,
                current,
            } => {
                let Some(&(name, value)) = pairs[..*len].get(*next) else {
                    return Ok(None);
                };
                *next += 1;
                // A plain name reads as written.
                let name = Cow::Borrowed(name);
                *current = Some((name.clone(), value));
                (name, 1)
            }
            Source::Grouped { entries, next } => {
                let Some((name, values)) = entries.get(*next) else {
                    return Ok(None);
                };
                (name.clone(), values.count())
            }
        };
        let read = seed.deserialize(Text(name.clone()));
        if read.is_err() {
            self.failed = Some((name.into_owned(), count));
        }
        read.map(Some)
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let (name, count, read) = match &mut self.source {
            Source::Stream { current, .. } => {
                let (name, value) = current.take().expect("a value is read after its name");
                let read = seed.deserialize(Text(form_decode(value)));
                (name, 1, read)
            }
            Source::Grouped { entries, next } => {
                let (name, values) = &mut entries[*next];
                *next += 1;
                let count = values.count();
                let read = match std::mem::replace(values, Values::Taken) {
                    Values::One(value) => seed.deserialize(Text(value)),
                    Values::Many(values) => seed.deserialize(List(values)),
                    Values::Taken => unreachable!("each value is read once"),
                };
                (name.clone(), count, read)
            }
        };
        if read.is_err() {
            self.failed = Some((name.into_owned(), count));
        }
        read
    }

    fn size_hint(&self) -> Option<usize> {
        Some(match &self.source {
            Source::Stream { len, next, .. } => len - next,
            Source::Grouped { entries, next } => entries.len() - next,
        })
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
    let pairs: Vec<(Cow<'_, str>, Cow<'_, str>)> = decoded_pairs(query).collect();
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
