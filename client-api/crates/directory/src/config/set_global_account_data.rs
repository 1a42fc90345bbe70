//! `PUT /_matrix/client/*/user/{userId}/account_data/{type}`: store a JSON object in the
//! user's account data under an event type.
//!
//! The access token must be allowed to act for the user. The object replaces any stored under
//! the same type; the user's clients receive it in the `account_data` of their next sync.
//! Types the server manages itself, such as `m.fully_read` and `m.push_rules`, are refused
//! with `405 M_BAD_JSON`.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#put_matrixclientv3useruseridaccount_datatype>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::serde::{JsonObject, Raw};
    use ruma_common::OwnedUserId;

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: PUT,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/user/{user_id}/account_data/{event_type}",
            1.1 => "/_matrix/client/v3/user/{user_id}/account_data/{event_type}",
        }
    };

    /// The request: whose account data, under which type, and the object to store.
    #[request]
    pub struct Request {
        /// The user whose account data to set.
        #[api(path)]
        pub user_id: OwnedUserId,
        /// The event type to store it under, such as `m.direct` or a namespaced type of the
        /// client's own (`{type}` in the specification's path).
        #[api(path)]
        pub event_type: String,
        /// The object to store: the whole body, as raw JSON, so that it is sent exactly as
        /// given. Typed contents are ruma-events' matter: `Raw::new(&content)?.cast()`.
        #[api(body)]
        #[serde(deserialize_with = "crate::raw_object::deserialize")]
        pub data: Raw<JsonObject>,
    }

    /// The response: empty on success.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {}

    impl Request {
        /// A request storing `data` under `event_type` for this user.
        pub fn new(user_id: OwnedUserId, event_type: String, data: Raw<JsonObject>) -> Self {
            Request {
                user_id,
                event_type,
                data,
            }
        }
    }

    impl Response {
        /// The empty response.
        pub fn new() -> Self {
            Response {}
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::{IncomingRequest, OutgoingRequest, SendAccessToken, SupportedVersions};
        use ruma_common::serde::Raw;

        use super::Request;

        #[test]
        fn the_body_is_the_object_byte_for_byte_and_the_type_a_path_segment() {
            let text = r#"{ "z": 1, "a": {"nested": [1.50, "é"]} }"#;
            let raw = serde_json::value::RawValue::from_string(text.to_owned()).unwrap();
            let data = Raw::from_json(raw);
            let request = Request::new(
                "@alice:example.com".try_into().unwrap(),
                "org.example custom/config".to_owned(),
                data,
            );
            let sent = request
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[matrix_api::MatrixVersion::V1_0]),
                )
                .unwrap();
            assert_eq!(
                sent.uri().path(),
                "/_matrix/client/r0/user/%40alice%3Aexample.com/account_data/org.example%20custom%2Fconfig"
            );
            assert_eq!(sent.body(), text.as_bytes());
            let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
            assert_eq!(read.event_type, "org.example custom/config");
            assert_eq!(read.data.json().get(), text);
        }

        #[test]
        fn a_body_that_is_no_json_is_refused() {
            let request = matrix_api::http::Request::put(
                "/_matrix/client/v3/user/%40a%3Ab/account_data/m.direct",
            )
            .header("authorization", "Bearer t")
            .body(br#"{"a": "#.to_vec())
            .unwrap();
            let err = Request::try_from_http_request(request, &[] as &[&str]).unwrap_err();
            let answer = matrix_api::error::MatrixError::from(err);
            assert_eq!(answer.status, 400);
        }
    }
}
