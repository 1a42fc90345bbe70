//! A whole body that must be a JSON object (an event, an event's content, account data), kept
//! byte for byte as `Raw<JsonObject>`. `Raw` alone takes any JSON, so a server would store `[1]`
//! as a message's content; this refuses it where it is read, naming what came instead.

use ruma_common::serde::{JsonObject, Raw};
use serde::de::{Deserialize, Deserializer, Error};
use serde_json::value::RawValue;

/// The `deserialize_with` of such bodies.
pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
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

#[cfg(test)]
mod tests {
    use matrix_api::{IncomingRequest, OutgoingRequest, SendAccessToken, SupportedVersions};

    use crate::message::send_message_event::v3::Request;

    fn put(body: &str) -> http::Request<Vec<u8>> {
        http::Request::put("https://hs/_matrix/client/v3/rooms/%21r%3Ax/send/m.room.message/t1")
            .header("authorization", "Bearer t")
            .body(body.as_bytes().to_vec())
            .unwrap()
    }

    #[test]
    fn an_object_is_kept_byte_for_byte_and_anything_else_refused() {
        let body = r#"{ "body": "hi",  "msgtype": "m.text" }"#;
        let read = Request::try_from_http_request(put(body), &[] as &[&str]).unwrap();
        assert_eq!(read.content.json().get(), body.trim());
        let sent = read
            .try_into_http_request(
                "https://hs",
                SendAccessToken::IfRequired("t"),
                &SupportedVersions::from_versions(&[matrix_api::MatrixVersion::V1_1]),
            )
            .unwrap();
        assert_eq!(sent.body(), body.trim().as_bytes());
        for (body, found) in [
            ("[1]", "an array"),
            ("\"x\"", "a string"),
            ("3", "a number"),
        ] {
            let err = Request::try_from_http_request(put(body), &[] as &[&str]).unwrap_err();
            assert!(
                err.to_string()
                    .contains(&format!("must be a JSON object, not {found}")),
                "{body}: {err}"
            );
        }
    }
}
