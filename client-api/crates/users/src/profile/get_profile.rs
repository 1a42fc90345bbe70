//! `GET /_matrix/client/*/profile/{userId}`: every field of a user's profile.
//!
//! The display name and avatar, the time zone (`m.tz`, since Matrix v1.16), and every other
//! field the user set (since v1.16, [MSC4133](https://github.com/matrix-org/matrix-spec-proposals/pull/4133)),
//! kept as JSON. No access token is needed, though servers may require one or refuse the
//! lookup (`403`); a user without profile is answered with `404`.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3profileuserid>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use std::collections::BTreeMap;

    use ruma_common::{OwnedMxcUri, OwnedUserId};
    use serde_json::Value;

    use crate::profile::ProfileField;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: None,
        history: {
            1.0 => "/_matrix/client/r0/profile/{user_id}",
            1.1 => "/_matrix/client/v3/profile/{user_id}",
        }
    };

    /// The request: whose profile.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The user whose profile to get.
        #[api(path)]
        pub user_id: OwnedUserId,
    }

    /// The response: the user's profile.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {
        /// The user's display name, if they set one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub displayname: Option<String>,
        /// The user's avatar, if they set one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub avatar_url: Option<OwnedMxcUri>,
        /// The user's time zone (`m.tz`, since Matrix v1.16), a name of the IANA time zone
        /// database such as `Europe/London`; servers need not check it.
        #[serde(rename = "m.tz", default, skip_serializing_if = "Option::is_none")]
        pub tz: Option<String>,
        /// Every other field, by name, as it came (since Matrix v1.16). The three names above
        /// are never read into it; one put there by hand would be written twice.
        #[serde(flatten, deserialize_with = "matrix_api::json::unique_keys_exact")]
        pub other: BTreeMap<String, Value>,
    }

    impl Request {
        /// A request for this user's profile.
        pub fn new(user_id: OwnedUserId) -> Self {
            Request { user_id }
        }
    }

    impl Response {
        /// An empty profile.
        pub fn new() -> Self {
            Response::default()
        }

        /// Every field of the profile, typed ones included, with its value as JSON.
        pub fn fields(&self) -> impl Iterator<Item = ProfileField> + '_ {
            let typed = [
                self.displayname.clone().map(ProfileField::display_name),
                self.avatar_url.clone().map(ProfileField::avatar_url),
                self.tz.clone().map(|tz| {
                    ProfileField::new(
                        crate::profile::ProfileFieldName::TimeZone,
                        Value::String(tz),
                    )
                }),
            ];
            let other = self
                .other
                .iter()
                .map(|(name, value)| ProfileField::new(name.as_str().into(), value.clone()));
            typed.into_iter().flatten().chain(other)
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::{IncomingResponse, OutgoingResponse};
        use serde_json::json;

        use super::Response;

        #[test]
        fn custom_fields_are_kept_beside_the_typed_ones() {
            let body = json!({
                "avatar_url": "mxc://matrix.org/SDGdghriugerRg",
                "displayname": "Alice Margatroid",
                "m.tz": "Europe/London",
                "m.example_field": "custom_value",
                "org.example.pets": [{ "name": "Tom" }],
            });
            let answer = matrix_api::http::Response::builder()
                .status(200)
                .body(serde_json::to_vec(&body).unwrap())
                .unwrap();
            let response = Response::try_from_http_response(answer).unwrap();
            assert_eq!(response.displayname.as_deref(), Some("Alice Margatroid"));
            assert_eq!(response.tz.as_deref(), Some("Europe/London"));
            assert_eq!(response.other.len(), 2);
            assert_eq!(response.fields().count(), 5);
            let sent = response.try_into_http_response().unwrap();
            let again: serde_json::Value = serde_json::from_slice(sent.body()).unwrap();
            assert_eq!(again, body);

            let twice = matrix_api::http::Response::builder()
                .status(200)
                .body(br#"{"x.y": 1, "x.y": 2}"#.to_vec())
                .unwrap();
            let err = Response::try_from_http_response(twice).unwrap_err();
            assert!(err.to_string().contains("duplicate field `x.y`"), "{err}");
        }
    }
}
