//! User-Interactive Authentication (UIA): how a server asks for more proof of identity before it
//! completes a request, and how the client gives it.
//!
//! The server answers `401` with a [`UiaaInfo`]: the flows of stages it accepts, the stages
//! already completed and a `session`. The client repeats the request with an `auth` field
//! ([`AuthData`]) completing one stage at a time and passing the `session` back. Endpoints that
//! use UIA have [`UiaaResponse`] as their error type.
//!
//! Types and fields this crate does not model are kept as they came, so that a server's or a
//! client's extension passes through unchanged.

mod auth_data;
mod info;
mod response;
mod user_identifier;

pub use auth_data::{AuthData, Password, RegistrationToken, Token};
pub use info::{AuthFlow, UiaaInfo};
pub use response::UiaaResponse;
pub use user_identifier::UserIdentifier;

const TYPE_FIELD: &str = "type";
const SESSION_FIELD: &str = "session";

#[cfg(test)]
mod test_util {
    use std::fmt;

    use ruma_common::serde::JsonObject;
    use serde::de::DeserializeOwned;
    use serde::Serialize;
    use serde_json::Value;

    use super::AuthData;

    pub fn response(status: u16, body: &str) -> http::Response<Vec<u8>> {
        http::Response::builder()
            .status(status)
            .body(body.as_bytes().to_vec())
            .unwrap()
    }

    pub fn object(value: Value) -> JsonObject {
        match value {
            Value::Object(object) => object,
            other => panic!("not an object: {other}"),
        }
    }

    /// Parses `input` as `T`, checks it is `expected`, and that writing it back gives `input`.
    pub fn assert_round_trip<T>(input: Value, expected: T)
    where
        T: Serialize + DeserializeOwned + PartialEq + fmt::Debug,
    {
        let parsed: T = serde_json::from_value(input.clone()).unwrap();
        assert_eq!(parsed, expected);
        assert_eq!(serde_json::to_value(&parsed).unwrap(), input);
        // From text too: serde_json's reader and `Value` take different paths through serde.
        let from_text: T = serde_json::from_str(&input.to_string()).unwrap();
        assert_eq!(from_text, expected);
    }

    pub fn auth_error(value: Value) -> String {
        serde_json::from_value::<AuthData>(value)
            .unwrap_err()
            .to_string()
    }
}
