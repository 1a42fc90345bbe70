//! The `filter` query parameter of `/sync`: a filter ID, or a whole filter as JSON text.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::FilterDefinition;

/// The `filter` of `GET /sync`: the ID of a filter uploaded with
/// [`create_filter`](super::create_filter), or a whole filter sent inline.
///
/// On the wire both are one string: the ID as it is, or the filter as compact JSON. A server
/// tells them apart as the specification says, by whether the text starts with `{` (a filter
/// ID never does); text that starts with `{` but is no filter is an error, not an ID.
///
/// ```
/// use matrix_api::{OutgoingRequest, SendAccessToken, SupportedVersions, MatrixVersion};
/// use matrix_client_api::filter::FilterDefinition;
/// use matrix_client_api::sync::sync_events::v3::{Filter, Request};
///
/// let mut definition = FilterDefinition::new();
/// definition.room.timeline.limit = Some(20u32.into());
/// let request = Request { filter: Some(definition.into()), ..Request::new() };
/// let sent = request.try_into_http_request(
///     "https://hs",
///     SendAccessToken::IfRequired("t"),
///     &SupportedVersions::from_versions(&[MatrixVersion::V1_1]),
/// )?;
/// assert_eq!(
///     sent.uri().query(),
///     Some("filter=%7B%22room%22%3A%7B%22timeline%22%3A%7B%22limit%22%3A20%7D%7D%7D"),
/// );
///
/// // An uploaded filter goes by its ID.
/// let _by_id = Request { filter: Some(Filter::Id("66696p746572".to_owned())), ..Request::new() };
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Filter {
    /// The ID of an uploaded filter.
    Id(String),
    /// A filter sent inline (boxed: it is large, and an ID is the common case).
    Definition(Box<FilterDefinition>),
}

impl Filter {
    /// Reads the text of the query parameter.
    pub fn parse(text: &str) -> Result<Self, serde_json::Error> {
        if text.starts_with('{') {
            serde_json::from_str(text).map(|definition| Filter::Definition(Box::new(definition)))
        } else {
            Ok(Filter::Id(text.to_owned()))
        }
    }
}

impl From<FilterDefinition> for Filter {
    fn from(definition: FilterDefinition) -> Self {
        Filter::Definition(Box::new(definition))
    }
}

impl From<String> for Filter {
    fn from(id: String) -> Self {
        Filter::Id(id)
    }
}

impl Serialize for Filter {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Filter::Id(id) => serializer.serialize_str(id),
            Filter::Definition(definition) => {
                let text = serde_json::to_string(definition).map_err(serde::ser::Error::custom)?;
                serializer.serialize_str(&text)
            }
        }
    }
}

impl<'de> Deserialize<'de> for Filter {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = crate::string_enum::deserialize_string(deserializer)?;
        Filter::parse(&text).map_err(|err| D::Error::custom(format_args!("not a filter: {err}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_and_a_definition_are_told_apart() {
        assert_eq!(
            Filter::parse("66696p746572").unwrap(),
            Filter::Id("66696p746572".to_owned())
        );
        let Filter::Definition(definition) =
            Filter::parse(r#"{"room":{"include_leave":true}}"#).unwrap()
        else {
            panic!("not a definition");
        };
        assert!(definition.room.include_leave);
        assert!(Filter::parse("{not json").is_err());
    }

    #[test]
    fn both_are_one_string() {
        let mut definition = FilterDefinition::new();
        definition.room.timeline.limit = Some(5u32.into());
        let filter = Filter::from(definition);
        let text = serde_json::to_value(&filter).unwrap();
        assert_eq!(text, r#"{"room":{"timeline":{"limit":5}}}"#);
        assert_eq!(serde_json::from_value::<Filter>(text).unwrap(), filter);
        let id = Filter::Id("abc".to_owned());
        assert_eq!(serde_json::to_value(&id).unwrap(), "abc");
    }
}
