//! `GET /_matrix/client/*/profile/{userId}/{keyName}`: one field of a user's profile.
//!
//! The answer is an object with one property, named after the field: `{"displayname":
//! "Alice"}`. Every version has `displayname` and `avatar_url` (the paths
//! `/profile/{userId}/displayname` and `/profile/{userId}/avatar_url` of r0); any other field
//! came with Matrix v1.16 ([MSC4133](https://github.com/matrix-org/matrix-spec-proposals/pull/4133),
//! `uk.tcpip.msc4133` before it). A field that is not set is answered with `404`, or by some
//! servers with `{}` ([`MaybeProfileField`](crate::profile::MaybeProfileField)).
//!
//! The path is chosen from the server's versions alone: a server older than v1.16 is sent the
//! r0 or v3 path whatever the field, which serves `displayname` and `avatar_url`; it may not
//! know other fields.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3profileuseridkeyname>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::OwnedUserId;
    use serde_json::Value;

    use crate::profile::{FieldNameMismatch, MaybeProfileField, ProfileField, ProfileFieldName};
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: None,
        history: {
            unstable("uk.tcpip.msc4133") => "/_matrix/client/unstable/uk.tcpip.msc4133/profile/{user_id}/{key_name}",
            1.0 => "/_matrix/client/r0/profile/{user_id}/{key_name}",
            1.1 => "/_matrix/client/v3/profile/{user_id}/{key_name}",
        }
    };

    /// The request: whose profile, and which field.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The user whose field to get.
        #[api(path)]
        pub user_id: OwnedUserId,
        /// The field (`{keyName}` in the specification's path).
        #[api(path, json = string)]
        pub key_name: ProfileFieldName,
    }

    /// The response: the field, as the object `{keyName: value}`.
    #[response]
    #[derive(PartialEq, Default)]
    pub struct Response {
        /// The field; none when the server answered `{}`.
        #[api(body)]
        pub field: MaybeProfileField,
    }

    impl Request {
        /// A request for this field of this user's profile.
        pub fn new(user_id: OwnedUserId, key_name: ProfileFieldName) -> Self {
            Request { user_id, key_name }
        }
    }

    impl Response {
        /// A response with this field.
        pub fn new(field: ProfileField) -> Self {
            Response {
                field: field.into(),
            }
        }

        /// The value of the field the request named, `None` if the server answered `{}`; an
        /// error if it answered another field.
        pub fn value_of(
            &self,
            key_name: &ProfileFieldName,
        ) -> Result<Option<&Value>, FieldNameMismatch> {
            self.field.expect_name(key_name)
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::{IncomingRequest, SupportedVersions};
        use matrix_api::{IncomingResponse, MatrixVersion, OutgoingRequest, SendAccessToken};
        use serde_json::json;

        use super::{Request, Response};
        use crate::profile::ProfileFieldName;

        fn path(key: ProfileFieldName, server: &SupportedVersions) -> String {
            Request::new("@alice:example.org".try_into().unwrap(), key)
                .try_into_http_request("https://hs", SendAccessToken::None, server)
                .unwrap()
                .uri()
                .path()
                .to_owned()
        }

        #[test]
        fn an_old_server_gets_the_path_it_always_had() {
            let features = std::collections::BTreeMap::<String, bool>::new();
            let r0 = SupportedVersions::from_parts(&["r0.6.1"], &features);
            assert_eq!(
                path(ProfileFieldName::DisplayName, &r0),
                "/_matrix/client/r0/profile/%40alice%3Aexample.org/displayname"
            );
            let v1_1 = SupportedVersions::from_versions(&[MatrixVersion::V1_1]);
            assert_eq!(
                path(ProfileFieldName::AvatarUrl, &v1_1),
                "/_matrix/client/v3/profile/%40alice%3Aexample.org/avatar_url"
            );
            let v1_16 = SupportedVersions::from_versions(&[MatrixVersion::V1_16]);
            assert_eq!(
                path("org.example.pets".into(), &v1_16),
                "/_matrix/client/v3/profile/%40alice%3Aexample.org/org.example.pets"
            );
        }

        #[test]
        fn the_key_is_a_segment_and_the_answer_one_property_or_none() {
            let request = matrix_api::http::Request::get(
                "/_matrix/client/v3/profile/%40alice%3Aexample.org/m.tz",
            )
            .body(Vec::<u8>::new())
            .unwrap();
            let read = Request::try_from_http_request(request, &[] as &[&str]).unwrap();
            assert_eq!(read.key_name, ProfileFieldName::TimeZone);

            let answer = |body: &[u8]| {
                let http = matrix_api::http::Response::builder()
                    .status(200)
                    .body(body.to_vec());
                Response::try_from_http_response(http.unwrap())
            };
            let tz = answer(br#"{"m.tz":"Europe/London"}"#).unwrap();
            assert_eq!(
                tz.value_of(&ProfileFieldName::TimeZone),
                Ok(Some(&json!("Europe/London")))
            );
            assert!(tz.value_of(&ProfileFieldName::DisplayName).is_err());
            let unset = answer(b"{}").unwrap();
            assert_eq!(unset.value_of(&ProfileFieldName::DisplayName), Ok(None));
            let err = answer(br#"{"displayname":"A","m.tz":"UTC"}"#).unwrap_err();
            assert!(
                err.to_string().contains("found `displayname` and `m.tz`"),
                "{err}"
            );
        }
    }
}
