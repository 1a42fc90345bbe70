//! `POST /_matrix/client/*/account/deactivate`: deactivates the user's account, so that nobody
//! can log in to it again.
//!
//! Protected by User-Interactive Authentication: the first call is answered `401` with the
//! stages to complete. The access token is optional, since a user may deactivate an account
//! they cannot log in to, and the server may offer other stages with one than without. The
//! homeserver unbinds the account's third-party identifiers from identity servers.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v3::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3accountdeactivate>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use crate::account::ThirdPartyIdRemovalStatus;
    use crate::uiaa::{AuthData, UiaaResponse};
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: true,
        authentication: AccessTokenOptional,
        history: {
            1.0 => "/_matrix/client/r0/account/deactivate",
            1.1 => "/_matrix/client/v3/account/deactivate",
        }
    };

    /// The request: UIA data, and what to do with the account's data.
    #[request(error = UiaaResponse)]
    #[derive(PartialEq, Eq, Default)]
    pub struct Request {
        /// Authentication for the current stage; absent on the first call, which the server
        /// answers with the stages to complete.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub auth: Option<AuthData>,
        /// The identity server to unbind every identifier from; by default the one each was
        /// bound through.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub id_server: Option<String>,
        /// Whether to erase the user's content as much as possible (since Matrix v1.10):
        /// users who join a room later see the user's events redacted. `false` is not written.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        pub erase: bool,
    }

    /// The response: whether the identifiers were unbound.
    #[response(error = UiaaResponse)]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// Whether every identifier was unbound from its identity server (`success` too when
        /// there was none).
        #[api(json = string)]
        pub id_server_unbind_result: ThirdPartyIdRemovalStatus,
    }

    impl Request {
        /// A first request, without authentication data or erasure.
        pub fn new() -> Self {
            Request::default()
        }
    }

    impl Response {
        /// A response with this result.
        pub fn new(id_server_unbind_result: ThirdPartyIdRemovalStatus) -> Self {
            Response {
                id_server_unbind_result,
            }
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::{FromHttpResponseError, IncomingRequest, IncomingResponse};
        use serde_json::json;

        use super::{Request, Response};
        use crate::account::ThirdPartyIdRemovalStatus;
        use crate::uiaa::UiaaResponse;

        #[test]
        fn a_401_is_the_uia_answer_and_a_token_is_optional() {
            let body = json!({
                "flows": [{ "stages": ["m.login.password"] }],
                "params": {},
                "session": "xxxxx",
            });
            let answer = http::Response::builder()
                .status(401)
                .body(serde_json::to_vec(&body).unwrap())
                .unwrap();
            match Response::try_from_http_response(answer) {
                Err(FromHttpResponseError::Server(UiaaResponse::AuthResponse(info))) => {
                    assert_eq!(info.session.as_deref(), Some("xxxxx"));
                }
                other => panic!("{other:?}"),
            }
            let ok = http::Response::builder()
                .status(200)
                .body(br#"{"id_server_unbind_result":"no-support"}"#.to_vec())
                .unwrap();
            let read = Response::try_from_http_response(ok).unwrap();
            assert_eq!(
                read.id_server_unbind_result,
                ThirdPartyIdRemovalStatus::NoSupport
            );
            let anonymous = http::Request::post("/_matrix/client/v3/account/deactivate")
                .body(br#"{"erase":true}"#.to_vec())
                .unwrap();
            let read = Request::try_from_http_request(anonymous, &[] as &[&str]).unwrap();
            assert!(read.erase && read.auth.is_none());
        }
    }
}
