//! Keeping credentials out of `Debug` output, which ends up in logs.
//!
//! `#[api(secret)]` fields are shown as [`Redacted`] by the `Debug` the macros generate; types
//! with hand-written `Debug` impls use the same wrappers, so every secret reads the same way.

use std::fmt;

use ruma_common::serde::JsonObject;

/// Shown by `Debug` as `<redacted>`, in place of a credential.
#[derive(Clone, Copy)]
pub struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Shown by `Debug` as the object's keys, each with a [`Redacted`] value: for objects of an
/// unknown shape whose values may be credentials.
pub struct KeysOnly<'a>(pub &'a JsonObject);

impl fmt::Debug for KeysOnly<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.0.keys().map(|key| (key, Redacted)))
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_that_a_secret_is_there_not_what() {
        assert_eq!(format!("{:?}", Redacted), "<redacted>");
        let object = serde_json::json!({ "password": "hunter2", "pin": 1234 });
        let shown = format!("{:?}", KeysOnly(object.as_object().unwrap()));
        assert_eq!(shown, r#"{"password": <redacted>, "pin": <redacted>}"#);
    }
}
