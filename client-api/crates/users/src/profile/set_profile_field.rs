//! `PUT /_matrix/client/*/profile/{userId}/{keyName}`: set one field of the logged-in user's
//! profile.
//!
//! The body is an object with one property, named after the field: `{"displayname":
//! "Alice"}`, `{"avatar_url": "mxc://…"}`, `{"m.tz": "Europe/London"}`, or any JSON under a
//! namespaced name of one's own. Every version has `displayname` and `avatar_url` (the paths
//! `/profile/{userId}/displayname` and `/profile/{userId}/avatar_url` of r0); other fields
//! came with Matrix v1.16 ([MSC4133](https://github.com/matrix-org/matrix-spec-proposals/pull/4133),
//! `uk.tcpip.msc4133` before it), and the `m.profile_fields` capability says which the user
//! may change. The whole profile must stay under 64 KiB.
//!
//! The path is chosen from the server's versions alone, as for
//! [`get_profile_field`](crate::profile::get_profile_field): an older server is sent the r0 or
//! v3 path whatever the field.
//!
//! A server checks that the body's field is the one the path names with
//! [`Request::value`](v3::Request::value), whose error answers `400 M_MISSING_PARAM`.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#put_matrixclientv3profileuseridkeyname>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::OwnedUserId;
    use serde_json::Value;

    use crate::profile::{FieldNameMismatch, ProfileField, ProfileFieldName};
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: PUT,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            unstable("uk.tcpip.msc4133") => "/_matrix/client/unstable/uk.tcpip.msc4133/profile/{user_id}/{key_name}",
            1.0 => "/_matrix/client/r0/profile/{user_id}/{key_name}",
            1.1 => "/_matrix/client/v3/profile/{user_id}/{key_name}",
        }
    };

    /// The request: whose profile, which field, and its new value.
    #[request]
    #[derive(PartialEq)]
    pub struct Request {
        /// The user whose field to set: the owner of the access token.
        #[api(path)]
        pub user_id: OwnedUserId,
        /// The field (`{keyName}` in the specification's path); the same as the body's.
        #[api(path, json = string)]
        pub key_name: ProfileFieldName,
        /// The field with its new value: the whole body.
        #[api(body)]
        pub field: ProfileField,
    }

    /// The response: empty on success.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {}

    impl Request {
        /// A request setting this field of this user's profile.
        pub fn new(user_id: OwnedUserId, field: ProfileField) -> Self {
            Request {
                user_id,
                key_name: field.name.clone(),
                field,
            }
        }

        /// The new value, when the body's field is the one the path names; a server answers
        /// the error (`MatrixError::from`) otherwise.
        pub fn value(&self) -> Result<&Value, FieldNameMismatch> {
            self.field.expect_name(&self.key_name)
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
        use matrix_api::error::{ErrorKind, MatrixError};
        use matrix_api::SupportedVersions;
        use matrix_api::{IncomingRequest, MatrixVersion, OutgoingRequest, SendAccessToken};
        use serde_json::json;

        use super::Request;
        use crate::profile::{ProfileField, ProfileFieldName};

        fn send(
            request: Request,
            server: &SupportedVersions,
        ) -> matrix_api::http::Request<Vec<u8>> {
            request
                .try_into_http_request("https://hs", SendAccessToken::IfRequired("t"), server)
                .unwrap()
        }

        #[test]
        fn an_old_server_still_gets_the_display_name() {
            let features = std::collections::BTreeMap::<String, bool>::new();
            let r0 = SupportedVersions::from_parts(&["r0.5.0"], &features);
            let request = Request::new(
                "@alice:example.org".try_into().unwrap(),
                ProfileField::display_name("Alice"),
            );
            let sent = send(request.clone(), &r0);
            assert_eq!(
                sent.uri().path(),
                "/_matrix/client/r0/profile/%40alice%3Aexample.org/displayname"
            );
            assert_eq!(sent.body(), br#"{"displayname":"Alice"}"#);
            let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
            assert_eq!(read, request);
            assert_eq!(read.value(), Ok(&json!("Alice")));

            let v1_1 = SupportedVersions::from_versions(&[MatrixVersion::V1_1]);
            let sent = send(request, &v1_1);
            assert_eq!(
                sent.uri().path(),
                "/_matrix/client/v3/profile/%40alice%3Aexample.org/displayname"
            );
        }

        #[test]
        fn a_body_naming_another_field_is_a_typed_error() {
            let request = matrix_api::http::Request::put(
                "/_matrix/client/v3/profile/%40alice%3Aexample.org/displayname",
            )
            .header("authorization", "Bearer t")
            .body(br#"{"m.tz":"Europe/London"}"#.to_vec())
            .unwrap();
            let read = Request::try_from_http_request(request, &[] as &[&str]).unwrap();
            assert_eq!(read.key_name, ProfileFieldName::DisplayName);
            let err = read.value().unwrap_err();
            let answer = MatrixError::from(err);
            assert_eq!(answer.status, 400);
            assert_eq!(answer.kind(), Some(&ErrorKind::MissingParam));

            // A body of other than one property does not read at all.
            let request = matrix_api::http::Request::put(
                "/_matrix/client/v3/profile/%40alice%3Aexample.org/displayname",
            )
            .header("authorization", "Bearer t")
            .body(b"{}".to_vec())
            .unwrap();
            let err = Request::try_from_http_request(request, &[] as &[&str]).unwrap_err();
            assert!(err.to_string().contains("the object is empty"), "{err}");
        }
    }
}
