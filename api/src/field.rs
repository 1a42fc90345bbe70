//! What the type of each kind of field needs, as traits every suitable type implements on its
//! own: a type that lacks something gets one compile error, on the field's type, naming what it
//! needs.
//!
//! | field | its type implements | so it may be |
//! | --- | --- | --- |
//! | `#[api(path)]` | [`PathParameter`] | anything that serializes to and deserializes from one string: `String`, ruma-common's identifiers (`OwnedRoomId`, `OwnedTransactionId`, …), integers, `bool`, an enum of unit variants (renamed as the wire names them) |
//! | `#[api(query)]`, `#[api(query_all)]` | [`QueryParameter`] | the same, an `Option` of it (absent when `None`), a `Vec` of it (the parameter repeated); for `query_all`, a struct or a map |
//! | `#[api(header = NAME)]` | [`HeaderParameter`] | `String`, `http::HeaderValue`, or an `Option` of either (no header when `None`), or a type implementing [`HeaderField`] |
//!
//! Each also implements `Clone` and `Debug`, which the macros implement for the struct field by
//! field. A query field with serde functions of its own (`#[serde(with = …)]`,
//! `serialize_with`, `deserialize_with`) is held to `Clone` and `Debug` only: its functions
//! decide the rest. Body fields are written and read by serde directly; a whole body
//! (`#[api(body)]`) of ruma-common's `Raw` type has its JSON text moved into the message as it
//! is, without being written again.
//!
//! The methods are what the generated code calls, through the trait, so that rustc checks the
//! one bound at the field's type; they are not meant to be called by hand.

use std::fmt::Debug;

use http::HeaderValue;
use serde::de::DeserializeOwned;
use serde::{Deserializer, Serialize, Serializer};

use crate::error::{DeserializationError, HeaderProblem, IntoHttpError};
use crate::header::HeaderField;
use crate::segment::read_segment;
pub use crate::segment::{PathValue, SegmentError};

/// A type an `#[api(path)]` field can have: one piece of text, through serde.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a path parameter",
    label = "a path field's type must serialize to and deserialize from one string, and \
             implement `Clone` and `Debug`",
    note = "a `{{param}}` of the path is filled with one piece of text: use `String`, an \
            identifier of ruma-common (such as `OwnedRoomId` or `OwnedTransactionId`), an \
            integer, or an enum of unit variants that derives `Serialize` and `Deserialize`"
)]
pub trait PathParameter: Sized {
    /// The value, for the request builder.
    #[doc(hidden)]
    fn path_value(&self) -> &dyn PathValue;
    /// Reads the value from a percent-decoded segment.
    #[doc(hidden)]
    fn read_segment(text: &str) -> Result<Self, SegmentError>;
    /// `Clone::clone`.
    #[doc(hidden)]
    fn clone_field(&self) -> Self;
    /// The value as `Debug`.
    #[doc(hidden)]
    fn debug_field(&self) -> &dyn Debug;
}

#[diagnostic::do_not_recommend]
impl<T: Serialize + DeserializeOwned + Clone + Debug> PathParameter for T {
    fn path_value(&self) -> &dyn PathValue {
        self
    }

    fn read_segment(text: &str) -> Result<Self, SegmentError> {
        read_segment(text)
    }

    fn clone_field(&self) -> Self {
        self.clone()
    }

    fn debug_field(&self) -> &dyn Debug {
        self
    }
}

/// A type an `#[api(query)]` or `#[api(query_all)]` field can have: written and read back as
/// `serde_html_form` writes and reads it (by the runtime's own writer and reader, held to it).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a query parameter",
    label = "a query field's type must implement `Serialize`, `Deserialize`, `Clone` and \
             `Debug`",
    note = "a query parameter is text: use `String`, an identifier of ruma-common, an integer, \
            `bool`, an enum of unit variants, an `Option` of one of these (left out when \
            `None`) or a `Vec` (the parameter repeated); or give the field \
            `#[serde(with = \"…\")]`"
)]
pub trait QueryParameter: Sized {
    /// Serializes the value as one field of the query.
    #[doc(hidden)]
    fn serialize_query<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
    /// Deserializes the value as one field of the query.
    #[doc(hidden)]
    fn deserialize_query<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>;
    /// The whole query string, for a `query_all` field.
    #[doc(hidden)]
    fn write_query(&self, out: &mut String) -> Result<(), IntoHttpError>;
    /// Reads the whole query string, for a `query_all` field.
    #[doc(hidden)]
    fn read_query(query: &str) -> Result<Self, DeserializationError>;
    /// `Clone::clone`.
    #[doc(hidden)]
    fn clone_field(&self) -> Self;
    /// The value as `Debug`.
    #[doc(hidden)]
    fn debug_field(&self) -> &dyn Debug;
}

#[diagnostic::do_not_recommend]
impl<T: Serialize + DeserializeOwned + Clone + Debug> QueryParameter for T {
    fn serialize_query<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.serialize(serializer)
    }

    fn deserialize_query<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // The query's values are borrowed from a string the reader owns; `T` owns its data.
        T::deserialize(deserializer)
    }

    fn write_query(&self, out: &mut String) -> Result<(), IntoHttpError> {
        crate::outgoing::push_query(out, self)
    }

    fn read_query(query: &str) -> Result<Self, DeserializationError> {
        crate::query::parse_query(query)
    }

    fn clone_field(&self) -> Self {
        self.clone()
    }

    fn debug_field(&self) -> &dyn Debug {
        self
    }
}

/// A type an `#[api(header = NAME)]` field can have.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the value of a header",
    label = "a header field's type must implement `matrix_api::HeaderField`, `Clone` and \
             `Debug`",
    note = "use `String` or `http::HeaderValue` (a required header), an `Option` of either (an \
            optional one), or implement `matrix_api::HeaderField` for the type"
)]
pub trait HeaderParameter: Sized {
    /// [`HeaderField::to_header_value`].
    #[doc(hidden)]
    fn to_header(&self) -> Option<Result<HeaderValue, String>>;
    /// [`HeaderField::from_header_value`].
    #[doc(hidden)]
    fn from_header(value: Option<&HeaderValue>) -> Result<Self, HeaderProblem>;
    /// `Clone::clone`.
    #[doc(hidden)]
    fn clone_field(&self) -> Self;
    /// The value as `Debug`.
    #[doc(hidden)]
    fn debug_field(&self) -> &dyn Debug;
}

#[diagnostic::do_not_recommend]
impl<T: HeaderField + Clone + Debug> HeaderParameter for T {
    fn to_header(&self) -> Option<Result<HeaderValue, String>> {
        self.to_header_value()
    }

    fn from_header(value: Option<&HeaderValue>) -> Result<Self, HeaderProblem> {
        T::from_header_value(value)
    }

    fn clone_field(&self) -> Self {
        self.clone()
    }

    fn debug_field(&self) -> &dyn Debug {
        self
    }
}
