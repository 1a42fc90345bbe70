//! What a JSON body that does not parse is told as: the kind of problem, the field it is about
//! and where in the text.
//!
//! serde_json reports where in the text a value failed to fit its type (line and column) but not
//! under which keys. Reading the body again with a path-tracking deserializer would say, but it
//! compiles every body type's reader a second time. Instead this scans the text up to the error
//! position, keeping the stack of keys and array indexes it is inside: one small function,
//! compiled once, on the error path only.

use crate::error::{JsonError, JsonErrorKind};

/// A body's parse error, with the failing field found from the error's position. Not generic:
/// compiled once, and reached only on the error path.
#[cold]
pub(crate) fn describe_json_error(bytes: &[u8], err: &serde_json::Error) -> JsonError {
    let mut error = json_error_without_field(err);
    if let Some((field, message)) = field_prefixed(&error.message) {
        let field = within_object_at(bytes, err.line(), err.column(), field);
        (error.field, error.message) = (Some(field), message.to_owned());
        return error;
    }
    if error.kind == JsonErrorKind::Data {
        // A missing field is reported at the end of its object, as are values checked after
        // reading: only the message tells them apart.
        let about_the_object = error.message.starts_with("missing field `");
        error.field = field_at(bytes, err.line(), err.column(), !about_the_object)
            .or_else(|| field_named_in(&error.message));
    }
    error
}

/// Everything about a JSON error but the failing field; not generic, so compiled once.
fn json_error_without_field(err: &serde_json::Error) -> JsonError {
    let kind = match err.classify() {
        serde_json::error::Category::Data => JsonErrorKind::Data,
        serde_json::error::Category::Eof => JsonErrorKind::Eof,
        serde_json::error::Category::Syntax | serde_json::error::Category::Io => {
            JsonErrorKind::Syntax
        }
    };
    let full = err.to_string();
    let position = format!(" at line {} column {}", err.line(), err.column());
    let message = full.strip_suffix(&position).unwrap_or(&full).to_owned();
    JsonError {
        kind,
        field: None,
        message,
        line: err.line(),
        column: err.column(),
    }
}

/// Makes the error a deserializer of several fields (one read through `#[serde(flatten)]`,
/// whose errors serde reports at the end of the object) returns about one of them: the
/// request or response error then names `field`, wherever the error is reported, inside the
/// object where it is reported when that object is nested.
///
/// A message that is itself such an error, from the reader of an object inside `field`, names
/// the path to the field inside.
///
/// ```
/// let err: serde_json::Error = matrix_api::json::error_in_field("expires_in_ms", "not an integer");
/// assert_eq!(err.to_string(), "field `expires_in_ms`: not an integer");
///
/// let inner: serde_json::Error = matrix_api::json::error_in_field("user", "expected a string");
/// let err: serde_json::Error = matrix_api::json::error_in_field("identifier", inner);
/// assert_eq!(err.to_string(), "field `identifier.user`: expected a string");
/// ```
pub fn error_in_field<E: serde::de::Error>(field: &str, message: impl std::fmt::Display) -> E {
    let message = message.to_string();
    match field_prefixed(&message) {
        Some((inner, message)) => E::custom(format_args!("field `{field}.{inner}`: {message}")),
        None => E::custom(format_args!("field `{field}`: {message}")),
    }
}

/// The path of `field` (`a` or `a.b`), named by an [`error_in_field`] error reported at `line`
/// and `column`. The reader that names a field knows the object it reads but not where that
/// object sits; it reports at the end of the object, which may be nested (a UIA stage's `auth`,
/// a login's `identifier`): the path is then the object's and the field's; or just after the
/// field's own value, or at the end of an object inside the field, where the place's path
/// already ends with the field's first names, which are said once.
fn within_object_at(bytes: &[u8], line: usize, column: usize, field: &str) -> String {
    let Some(at) = field_at(bytes, line, column, false) else {
        return field.to_owned();
    };
    // Each end of `at` made of whole names, longest first.
    let starts = std::iter::once(0).chain(at.match_indices('.').map(|(i, _)| i + 1));
    for start in starts {
        let end = &at[start..];
        if field == end || (field.starts_with(end) && field[end.len()..].starts_with('.')) {
            return format!("{}{field}", &at[..start]);
        }
    }
    format!("{at}.{field}")
}

/// The field and message of an [`error_in_field`] error.
fn field_prefixed(message: &str) -> Option<(&str, &str)> {
    let rest = message.strip_prefix("field `")?;
    let (field, rest) = rest.split_once('`')?;
    Some((field, rest.strip_prefix(": ")?))
}

/// serde reports a missing or duplicated field at its parent; its name is only in the message.
/// Query strings are read by serde too, so their errors name parameters the same way.
pub(crate) fn field_named_in(message: &str) -> Option<String> {
    let rest = message
        .strip_prefix("missing field `")
        .or_else(|| message.strip_prefix("duplicate field `"))?;
    rest.split_once('`').map(|(name, _)| name.to_owned())
}

/// Where a scan stands inside one object or array.
enum Frame {
    /// Inside an object: the key of the member being read, once its key is known.
    Object {
        key: Option<String>,
        expecting_key: bool,
    },
    /// Inside an array: the index of the element being read.
    Array { index: usize },
}

/// The byte offset of serde_json's `line` (1-based) and `column` (bytes from the line's start).
fn offset_of(bytes: &[u8], line: usize, column: usize) -> Option<usize> {
    let line_start = if line <= 1 {
        0
    } else {
        bytes
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .nth(line - 2)
            .map(|(i, _)| i + 1)?
    };
    Some((line_start + column).min(bytes.len()))
}

/// The path (`a.b`, `list[2].c`) of the value being read at `line`/`column` of `bytes`, as
/// serde_json reports a data error; `None` at the top level or when the text cannot tell.
///
/// A value that a type checks after reading it (an identifier's syntax, say) is reported once
/// the object holding it has been read to its end when it is that object's last member; with
/// `into_closed_object` the path then names that member. An error about the object itself (a
/// missing field) is reported at the same place and must not name it.
fn field_at(bytes: &[u8], line: usize, column: usize, into_closed_object: bool) -> Option<String> {
    let end = offset_of(bytes, line, column)?;
    let mut stack: Vec<Frame> = Vec::new();
    // The object the last significant character closed, while nothing else has come since.
    let mut just_closed: Option<Frame> = None;
    let mut i = 0;
    while i < end {
        let byte = bytes[i];
        if !byte.is_ascii_whitespace() {
            just_closed = None;
        }
        match byte {
            b'{' => stack.push(Frame::Object {
                key: None,
                expecting_key: true,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                just_closed = stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { expecting_key, .. }) => *expecting_key = true,
                None => {}
            },
            b'"' => {
                let close = string_end(bytes, i)?;
                if let Some(Frame::Object { key, expecting_key }) = stack.last_mut() {
                    if *expecting_key {
                        // A key's escapes are decoded, so the path names the key as the type
                        // knows it.
                        *key = serde_json::from_slice::<String>(&bytes[i..=close]).ok();
                        *expecting_key = false;
                    }
                }
                i = close;
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object { key: None, .. } => break,
            Frame::Array { index } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    if let (true, Some(Frame::Object { key: Some(key), .. })) = (into_closed_object, just_closed) {
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(&key);
    }
    (!path.is_empty()).then_some(path)
}

/// The index of the quote closing the string that opens at `open`.
fn string_end(bytes: &[u8], open: usize) -> Option<usize> {
    let mut i = open + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Some(i),
            _ => i += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The path serde_json's own error position leads to, for a body read as `T`.
    fn path_of<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> Option<String> {
        let err = serde_json::from_str::<T>(text).unwrap_err();
        let missing = err.to_string().starts_with("missing field");
        field_at(text.as_bytes(), err.line(), err.column(), !missing)
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Outer {
        count: u32,
        #[serde(default)]
        nested: Option<Inner>,
        #[serde(default)]
        list: Vec<Inner>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Inner {
        name: String,
    }

    #[test]
    fn names_the_field_whose_value_does_not_fit() {
        assert_eq!(
            path_of::<Outer>(r#"{"count": "three"}"#).as_deref(),
            Some("count")
        );
        assert_eq!(
            path_of::<Outer>(r#"{"count": 1, "nested": {"name": 5}}"#).as_deref(),
            Some("nested.name")
        );
        assert_eq!(
            path_of::<Outer>(r#"{"count": 1, "list": [{"name": "a"}, {"name": []}]}"#).as_deref(),
            Some("list[1].name")
        );
        assert_eq!(
            path_of::<Outer>("{\n  \"nested\": {\"name\": \"x\"},\n  \"count\": -1\n}").as_deref(),
            Some("count")
        );
    }

    #[test]
    fn a_missing_field_is_reported_at_its_object() {
        // At the top level the object has no name; the message names the field.
        assert_eq!(path_of::<Outer>(r#"{"nested": null}"#), None);
        assert_eq!(
            path_of::<Outer>(r#"{"count": 1, "nested": {}}"#).as_deref(),
            Some("nested")
        );
    }

    #[test]
    fn a_value_checked_after_reading_is_named_wherever_it_comes() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Whoami {
            user_id: ruma_common::OwnedUserId,
            device_id: Option<String>,
        }
        for text in [
            r#"{"user_id": "joe", "device_id": "D"}"#,
            r#"{"device_id": "D", "user_id": "joe"}"#,
            "{\"device_id\": \"D\", \"user_id\": \"joe\"\n}\n",
        ] {
            assert_eq!(
                path_of::<Whoami>(text).as_deref(),
                Some("user_id"),
                "{text}"
            );
        }
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Holder {
            list: Vec<Whoami>,
        }
        assert_eq!(
            path_of::<Holder>(r#"{"list": [{"user_id": "@a:b"}, {"user_id": "joe"}]}"#).as_deref(),
            Some("list[1].user_id")
        );
    }

    #[test]
    fn keys_are_decoded_and_strings_skipped() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Odd {
            #[serde(rename = "a.b\"c")]
            odd: u8,
            text: String,
        }
        assert_eq!(
            path_of::<Odd>(r#"{"text": "{[,\"", "a.b\"c": true}"#).as_deref(),
            Some("a.b\"c")
        );
    }

    #[test]
    fn a_named_field_is_placed_inside_the_object_it_was_reported_in() {
        // Where serde_json reports: `at` is the path of the place, as `field_at` finds it.
        let text = br#"{"auth": {"password": 5, "type": "m.login.password"}, "k": {"a": 1}}"#;
        let end_of_auth = text.iter().position(|&b| b == b'}').unwrap() + 1;
        assert_eq!(
            within_object_at(text, 1, end_of_auth, "password"),
            "auth.password"
        );
        // A name the reader's caller already nested.
        assert_eq!(
            within_object_at(text, 1, end_of_auth, "auth.password"),
            "auth.password"
        );
        // Just after the named field's own value.
        let after_k = text.len() - 1;
        assert_eq!(within_object_at(text, 1, after_k, "k"), "k");
        assert_eq!(within_object_at(text, 1, after_k, "k.a"), "k.a");
        // At the top level, and a name that only looks like the end of the place's.
        assert_eq!(
            within_object_at(text, 1, text.len(), "password"),
            "password"
        );
        assert_eq!(within_object_at(text, 1, after_k, "kk"), "k.kk");
    }

    #[test]
    fn positions_past_the_text_are_tolerated() {
        assert_eq!(field_at(b"{\"a\": 1", 1, 99, true).as_deref(), Some("a"));
        assert_eq!(field_at(b"{\"a", 1, 3, true), None);
        assert_eq!(field_at(b"", 5, 0, true), None);
    }
}
