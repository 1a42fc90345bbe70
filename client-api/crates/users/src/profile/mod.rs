//! Profiles: a user's display name, avatar and, since Matrix v1.16, any other field
//! ([MSC4133](https://github.com/matrix-org/matrix-spec-proposals/pull/4133)).
//!
//! The field endpoints carry one field as a JSON object with one property named after the
//! field, `{"displayname": "Alice"}`: [`ProfileField`] is that object, and
//! [`MaybeProfileField`] the answer that may also be `{}`.

pub mod delete_profile_field;
pub mod get_profile;
pub mod get_profile_field;
pub mod set_profile_field;

use std::fmt;

use matrix_api::error::{ErrorKind, MatrixError};
use matrix_api::http::StatusCode;
use matrix_api::json::{ExactValue, Key};
use ruma_common::OwnedMxcUri;
use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

/// The name of a profile field: `displayname`, `avatar_url`, `m.tz`, or a namespaced name of
/// its own (ruma-common's type, shared with Ruma).
pub use ruma_common::profile::ProfileFieldName;

/// Whether the field is one of the two every version of the specification has
/// (`displayname`, `avatar_url`), which servers older than Matrix v1.16 serve.
pub fn existed_before_extended_profiles(name: &ProfileFieldName) -> bool {
    matches!(
        name,
        ProfileFieldName::DisplayName | ProfileFieldName::AvatarUrl
    )
}

/// One profile field with its value, written as the object `{name: value}`.
#[derive(Clone, Debug, PartialEq)]
pub struct ProfileField {
    /// The field's name.
    pub name: ProfileFieldName,
    /// The field's value, as JSON: a string for `displayname`, an `mxc://` URI for
    /// `avatar_url`, a time zone name for `m.tz`, any JSON for a field of one's own.
    pub value: Value,
}

impl ProfileField {
    /// A field with this name and value.
    pub fn new(name: ProfileFieldName, value: Value) -> Self {
        ProfileField { name, value }
    }

    /// The `displayname` field.
    pub fn display_name(name: impl Into<String>) -> Self {
        ProfileField::new(ProfileFieldName::DisplayName, Value::String(name.into()))
    }

    /// The `avatar_url` field.
    pub fn avatar_url(url: OwnedMxcUri) -> Self {
        ProfileField::new(ProfileFieldName::AvatarUrl, Value::String(url.into()))
    }

    /// The field when it is named `expected`, the name of the path; else the error that says
    /// which name the body has instead.
    pub fn expect_name(&self, expected: &ProfileFieldName) -> Result<&Value, FieldNameMismatch> {
        if self.name == *expected {
            Ok(&self.value)
        } else {
            Err(FieldNameMismatch {
                expected: expected.clone(),
                found: Some(self.name.clone()),
            })
        }
    }
}

/// A profile field, or none: the object `{name: value}` or `{}`, which servers answer for a
/// field that is not set instead of `404` (Synapse does, for `displayname` and `avatar_url`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MaybeProfileField(pub Option<ProfileField>);

impl MaybeProfileField {
    /// The value when the field is the one named `expected`; `Ok(None)` for `{}`.
    pub fn expect_name(
        &self,
        expected: &ProfileFieldName,
    ) -> Result<Option<&Value>, FieldNameMismatch> {
        self.0
            .as_ref()
            .map(|field| field.expect_name(expected))
            .transpose()
    }
}

impl From<ProfileField> for MaybeProfileField {
    fn from(field: ProfileField) -> Self {
        MaybeProfileField(Some(field))
    }
}

/// The body of a field endpoint names another field than its path: a server answers it with
/// `400 M_MISSING_PARAM` (the body lacks the field the path names), a client reading an
/// answer has been given a field it did not ask for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldNameMismatch {
    /// The field the path names.
    pub expected: ProfileFieldName,
    /// The field the body has; `None` for an empty body.
    pub found: Option<ProfileFieldName>,
}

impl fmt::Display for FieldNameMismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the body has no property `{}`, the field of the path",
            self.expected
        )?;
        match &self.found {
            Some(found) => write!(f, " (it has `{found}`)"),
            None => f.write_str(" (it is empty)"),
        }
    }
}

impl std::error::Error for FieldNameMismatch {}

impl From<FieldNameMismatch> for MatrixError {
    fn from(err: FieldNameMismatch) -> Self {
        MatrixError::new(
            StatusCode::BAD_REQUEST,
            ErrorKind::MissingParam,
            err.to_string(),
        )
    }
}

impl Serialize for ProfileField {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry(self.name.as_str(), &self.value)?;
        map.end()
    }
}

impl Serialize for MaybeProfileField {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Some(field) => field.serialize(serializer),
            None => serializer.serialize_map(Some(0))?.end(),
        }
    }
}

impl<'de> Deserialize<'de> for MaybeProfileField {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_map(FieldVisitor)
            .map(MaybeProfileField)
    }
}

impl<'de> Deserialize<'de> for ProfileField {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(FieldVisitor)?.ok_or_else(|| {
            de::Error::custom("expected one property, the profile field: the object is empty")
        })
    }
}

/// Reads an object of at most one property.
struct FieldVisitor;

impl<'de> Visitor<'de> for FieldVisitor {
    type Value = Option<ProfileField>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object with one property, the profile field")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let Some(key) = map.next_key::<Key<'de>>()? else {
            return Ok(None);
        };
        let ExactValue(value) = map.next_value()?;
        let name = key.into_owned();
        if let Some(second) = map.next_key::<Key<'de>>()? {
            return Err(de::Error::custom(format_args!(
                "expected one property, the profile field: found `{name}` and `{}`",
                second.as_str()
            )));
        }
        Ok(Some(ProfileField::new(name.into(), value)))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::{FieldNameMismatch, MaybeProfileField, ProfileField, ProfileFieldName};

    #[test]
    fn a_field_is_an_object_of_one_property() {
        let field = ProfileField::display_name("Alice");
        assert_eq!(
            serde_json::to_value(&field).unwrap(),
            json!({ "displayname": "Alice" })
        );
        let read: ProfileField =
            serde_json::from_value(json!({ "m.tz": "Europe/London" })).unwrap();
        assert_eq!(read.name, ProfileFieldName::TimeZone);
        assert_eq!(read.value, "Europe/London");
        let custom: ProfileField =
            serde_json::from_str(r#"{"org.example.pets": ["cat", {"n": 1}]}"#).unwrap();
        assert_eq!(custom.name.as_str(), "org.example.pets");
        assert_eq!(
            serde_json::to_string(&custom).unwrap(),
            r#"{"org.example.pets":["cat",{"n":1}]}"#
        );
    }

    #[test]
    fn anything_but_one_property_is_refused_with_its_reason() {
        let err = serde_json::from_str::<ProfileField>("{}").unwrap_err();
        assert!(err.to_string().contains("the object is empty"), "{err}");
        let err =
            serde_json::from_str::<ProfileField>(r#"{"displayname":"A","avatar_url":"mxc://a/b"}"#)
                .unwrap_err();
        assert!(
            err.to_string()
                .contains("found `displayname` and `avatar_url`"),
            "{err}"
        );
        let err = serde_json::from_str::<ProfileField>(r#""Alice""#).unwrap_err();
        assert!(err.to_string().contains("one property"), "{err}");
        let err = serde_json::from_str::<ProfileField>(r#"{"x.y":{"a":1,"a":2}}"#).unwrap_err();
        assert!(err.to_string().contains("duplicate field"), "{err}");
    }

    #[test]
    fn only_two_fields_predate_extended_profiles() {
        assert!(super::existed_before_extended_profiles(
            &ProfileFieldName::DisplayName
        ));
        assert!(super::existed_before_extended_profiles(
            &ProfileFieldName::AvatarUrl
        ));
        assert!(!super::existed_before_extended_profiles(
            &ProfileFieldName::TimeZone
        ));
        assert!(!super::existed_before_extended_profiles(
            &"org.example.pets".into()
        ));
    }

    #[test]
    fn an_empty_answer_is_no_field() {
        let empty: MaybeProfileField = serde_json::from_str("{}").unwrap();
        assert_eq!(empty, MaybeProfileField(None));
        assert_eq!(serde_json::to_string(&empty).unwrap(), "{}");
        assert_eq!(empty.expect_name(&ProfileFieldName::DisplayName), Ok(None));
    }

    #[test]
    fn another_field_than_the_path_names_is_an_error() {
        let field = MaybeProfileField::from(ProfileField::display_name("Alice"));
        assert_eq!(
            field.expect_name(&ProfileFieldName::DisplayName),
            Ok(Some(&json!("Alice")))
        );
        let err = field.expect_name(&ProfileFieldName::AvatarUrl).unwrap_err();
        assert_eq!(
            err,
            FieldNameMismatch {
                expected: ProfileFieldName::AvatarUrl,
                found: Some(ProfileFieldName::DisplayName),
            }
        );
        assert_eq!(
            err.to_string(),
            "the body has no property `avatar_url`, the field of the path (it has `displayname`)"
        );
        let answer = matrix_api::error::MatrixError::from(err);
        assert_eq!(answer.status, 400);
        assert_eq!(
            answer.kind(),
            Some(&matrix_api::error::ErrorKind::MissingParam)
        );
    }
}
