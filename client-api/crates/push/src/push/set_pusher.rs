//! `POST /_matrix/client/*/pushers/set`: create, change or delete a pusher.
//!
//! A pusher is named by its `app_id` and `pushkey`.
//! [`PusherAction::Set`](v3::PusherAction::Set) creates or updates it;
//! [`PusherAction::Delete`](v3::PusherAction::Delete) deletes it, written as `"kind": null` with
//! the two names and nothing else.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3pushersset>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use matrix_api::{metadata, request, response, Metadata};
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use serde_json::Value;

    use crate::push::Pusher;

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/pushers/set",
            1.1 => "/_matrix/client/v3/pushers/set",
        }
    };

    /// The request: what to do with the pusher.
    #[request]
    pub struct Request {
        /// Set or delete: the whole body.
        #[serde(flatten)]
        pub action: PusherAction,
    }

    /// The response: empty on success.
    #[response]
    #[derive(Default)]
    pub struct Response {}

    impl Request {
        /// A request doing this.
        pub fn new(action: PusherAction) -> Self {
            Request { action }
        }

        /// A request creating or updating this pusher, removing any other user's pusher of the
        /// same `app_id` and `pushkey`.
        pub fn set(pusher: Pusher) -> Self {
            Request::new(PusherAction::Set {
                pusher,
                append: false,
            })
        }

        /// A request deleting the pusher of this `app_id` and `pushkey`.
        pub fn delete(app_id: String, pushkey: String) -> Self {
            Request::new(PusherAction::Delete { app_id, pushkey })
        }
    }

    impl Response {
        /// The empty response.
        pub fn new() -> Self {
            Response {}
        }
    }

    /// What to do with a pusher.
    #[derive(Clone, Debug, PartialEq)]
    pub enum PusherAction {
        /// Create the pusher, or update it if one of its `app_id` and `pushkey` exists.
        Set {
            /// The pusher.
            pusher: Pusher,
            /// Keep other users' pushers of the same `app_id` and `pushkey` (otherwise the
            /// server removes them). Always written, `false` by default.
            append: bool,
        },
        /// Delete the pusher: `"kind": null`.
        Delete {
            /// The application of the pusher.
            app_id: String,
            /// The pusher's key.
            pushkey: String,
        },
    }

    #[derive(Serialize)]
    struct SetBody<'a> {
        #[serde(flatten)]
        pusher: &'a Pusher,
        append: bool,
    }

    #[derive(Serialize)]
    struct DeleteBody<'a> {
        kind: Option<&'a str>,
        app_id: &'a str,
        pushkey: &'a str,
    }

    impl Serialize for PusherAction {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            match self {
                PusherAction::Set { pusher, append } => SetBody {
                    pusher,
                    append: *append,
                }
                .serialize(serializer),
                PusherAction::Delete { app_id, pushkey } => DeleteBody {
                    kind: None,
                    app_id,
                    pushkey,
                }
                .serialize(serializer),
            }
        }
    }

    impl<'de> Deserialize<'de> for PusherAction {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let mut body = serde_json::Map::<String, Value>::deserialize(deserializer)?;
            match body.get("kind") {
                None => Err(D::Error::missing_field("kind")),
                Some(Value::Null) => {
                    let mut name = |field: &'static str| match body.remove(field) {
                        Some(Value::String(value)) => Ok(value),
                        Some(_) => Err(D::Error::custom(format!(
                            "field `{field}`: expected a string"
                        ))),
                        None => Err(D::Error::missing_field(field)),
                    };
                    Ok(PusherAction::Delete {
                        app_id: name("app_id")?,
                        pushkey: name("pushkey")?,
                    })
                }
                Some(_) => {
                    let append = match body.remove("append") {
                        None => false,
                        Some(Value::Bool(append)) => append,
                        Some(_) => {
                            return Err(D::Error::custom("field `append`: expected a boolean"))
                        }
                    };
                    // The pusher's fields are the body's own, so its errors are said as they
                    // are: a missing field then names itself.
                    let pusher =
                        Pusher::deserialize(Value::Object(body)).map_err(D::Error::custom)?;
                    Ok(PusherAction::Set { pusher, append })
                }
            }
        }
    }

    // The body's fields as the specification lists them: those of a set are optional because
    // a delete leaves them out.
    matrix_api::with_describe! {
        impl matrix_api::describe::DescribeFields for PusherAction {
            const FIELDS: &'static [matrix_api::describe::FieldDescription] = {
                use matrix_api::describe::{FieldDescription as Field, JsonType};
                &[
                    Field::body("kind", JsonType::String, true),
                    Field::body("app_id", JsonType::String, true),
                    Field::body("pushkey", JsonType::String, true),
                    Field::body("app_display_name", JsonType::String, false),
                    Field::body("device_display_name", JsonType::String, false),
                    Field::body("profile_tag", JsonType::String, false),
                    Field::body("lang", JsonType::String, false),
                    Field::body("data", JsonType::Object, false),
                    Field::body("append", JsonType::Boolean, false),
                ]
            };
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::{IncomingRequest, OutgoingRequest, SendAccessToken, SupportedVersions};

        use super::{PusherAction, Request};
        use crate::push::{Pusher, PusherData, PusherKind};

        fn sent(request: Request) -> http::Request<Vec<u8>> {
            request
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_versions(&[matrix_api::MatrixVersion::V1_1]),
                )
                .unwrap()
        }

        fn pusher() -> Pusher {
            Pusher {
                pushkey: "key".to_owned(),
                kind: PusherKind::Http,
                app_id: "org.example.app".to_owned(),
                app_display_name: "App".to_owned(),
                device_display_name: "Phone".to_owned(),
                profile_tag: None,
                lang: "en".to_owned(),
                data: PusherData::http("https://gw/_matrix/push/v1/notify".to_owned()),
            }
        }

        #[test]
        fn a_delete_is_kind_null_with_the_two_names() {
            let request = sent(Request::delete(
                "org.example.app".to_owned(),
                "key".to_owned(),
            ));
            assert_eq!(
                request.body(),
                br#"{"kind":null,"app_id":"org.example.app","pushkey":"key"}"#
            );
            let read = Request::try_from_http_request(request, &[] as &[&str]).unwrap();
            assert_eq!(
                read.action,
                PusherAction::Delete {
                    app_id: "org.example.app".to_owned(),
                    pushkey: "key".to_owned()
                }
            );
        }

        #[test]
        fn a_set_is_the_pusher_with_append() {
            let request = sent(Request::set(pusher()));
            assert_eq!(
                request.body(),
                br#"{"pushkey":"key","kind":"http","app_id":"org.example.app","app_display_name":"App","device_display_name":"Phone","lang":"en","data":{"url":"https://gw/_matrix/push/v1/notify"},"append":false}"#
            );
            let read = Request::try_from_http_request(request, &[] as &[&str]).unwrap();
            assert_eq!(
                read.action,
                PusherAction::Set {
                    pusher: pusher(),
                    append: false
                }
            );
        }

        #[test]
        fn bad_bodies_name_what_is_wrong() {
            for (body, expected) in [
                (
                    r#"{"app_id":"a","pushkey":"k"}"#,
                    "field `kind`: missing field `kind`",
                ),
                (
                    r#"{"kind":null,"app_id":"a"}"#,
                    "field `pushkey`: missing field `pushkey`",
                ),
                (
                    r#"{"kind":null,"app_id":1,"pushkey":"k"}"#,
                    "field `app_id`",
                ),
                (
                    r#"{"kind":"http","app_id":"a","pushkey":"k"}"#,
                    "field `app_display_name`: missing field `app_display_name`",
                ),
                (r#"{"kind":"http","append":"yes"}"#, "field `append`"),
            ] {
                let request = http::Request::post("/_matrix/client/v3/pushers/set")
                    .header("authorization", "Bearer t")
                    .body(body.as_bytes().to_vec())
                    .unwrap();
                let err = Request::try_from_http_request(request, &[] as &[&str]).unwrap_err();
                assert!(err.to_string().contains(expected), "{body}: {err}");
            }
        }
    }
}
