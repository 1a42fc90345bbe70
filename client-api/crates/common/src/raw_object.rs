//! A whole body that must be a JSON object (an event, an event's content, account data), kept
//! byte for byte as `Raw<JsonObject>`. `Raw` alone takes any JSON, so a server would store `[1]`
//! as a message's content; this refuses it where it is read, naming what came instead.

use ruma_common::serde::{JsonObject, Raw};
use serde::de::{Deserialize, Deserializer, Error};
use serde_json::value::RawValue;

/// The `deserialize_with` of such bodies.
pub fn deserialize<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Raw<JsonObject>, D::Error> {
    let json = Box::<RawValue>::deserialize(deserializer)?;
    let text = json.get().trim_start();
    if text.starts_with('{') {
        return Ok(Raw::from_json(json));
    }
    let found = match text.as_bytes().first() {
        Some(b'[') => "an array",
        Some(b'"') => "a string",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    };
    Err(D::Error::custom(format!(
        "the body must be a JSON object, not {found}"
    )))
}
