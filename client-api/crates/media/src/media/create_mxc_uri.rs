//! `POST /_matrix/media/v1/create`: reserve an `mxc://` URI now and upload its content later.
//!
//! A client can send an event pointing at the URI before the upload finishes; the content
//! follows with [`create_content_async`](super::create_content_async). Servers may expire an
//! unused URI and limit how many pending uploads a user has (`429 M_LIMIT_EXCEEDED`).
//! Asynchronous uploads came with Matrix v1.7
//! ([MSC2246](https://github.com/matrix-org/matrix-spec-proposals/pull/2246)).
//!
//! The documentation of [`v1::Request`] lists the method, authentication and paths, written
//! from the declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixmediav1create>

pub mod v1 {
    //! The v1 generation of the endpoint (stable since Matrix v1.7).

    use ruma_common::{MilliSecondsSinceUnixEpoch, OwnedMxcUri};

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            unstable("fi.mau.msc2246") => "/_matrix/media/unstable/fi.mau.msc2246/create",
            1.7 => "/_matrix/media/v1/create",
        }
    };

    /// The request: it has no parameters and is sent without a body, as the specification
    /// declares none; a server still reads one that carries `{}`, as some clients send.
    #[request(body = none)]
    #[derive(PartialEq, Eq, Default)]
    pub struct Request {}

    /// The response: the reserved URI and until when it stays reserved.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The `mxc://` URI the content will be available at once uploaded.
        pub content_uri: OwnedMxcUri,
        /// When the URI expires if no upload has started; servers should send it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub unused_expires_at: Option<MilliSecondsSinceUnixEpoch>,
    }

    impl Request {
        /// The request; it has nothing to fill in.
        pub fn new() -> Self {
            Request {}
        }
    }

    impl Response {
        /// The answer for this URI, without an expiry.
        pub fn new(content_uri: OwnedMxcUri) -> Self {
            Response {
                content_uri,
                unused_expires_at: None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use matrix_api::{
        IncomingRequest, IncomingResponse, MatrixVersion, OutgoingRequest, OutgoingResponse,
        SendAccessToken, SupportedVersions, UInt,
    };
    use ruma_common::MilliSecondsSinceUnixEpoch;
    use serde_json::json;

    use super::v1::{Request, Response};

    #[test]
    fn the_request_has_no_body_and_a_server_accepts_an_empty_object() {
        let sent = Request::new()
            .try_into_http_request(
                "https://hs",
                SendAccessToken::IfRequired("t"),
                &SupportedVersions::from_versions(&[MatrixVersion::V1_7]),
            )
            .unwrap();
        assert_eq!(sent.method(), "POST");
        assert_eq!(sent.uri().path(), "/_matrix/media/v1/create");
        assert!(sent.body().is_empty());
        Request::try_from_http_request(sent, &[] as &[&str]).unwrap();

        let with_object = matrix_api::http::Request::post("/_matrix/media/v1/create")
            .header("authorization", "Bearer t")
            .header("content-type", "application/json")
            .body(b"{}".to_vec())
            .unwrap();
        Request::try_from_http_request(with_object, &[] as &[&str]).unwrap();
    }

    #[test]
    fn the_expiry_is_a_millisecond_timestamp() {
        let body = json!({
            "content_uri": "mxc://example.com/AQwafuaFswefuhsfAFAgsw",
            "unused_expires_at": 1647257217083u64
        });
        let http = matrix_api::http::Response::builder()
            .body(serde_json::to_vec(&body).unwrap())
            .unwrap();
        let read = Response::try_from_http_response(http).unwrap();
        assert_eq!(
            read.unused_expires_at,
            Some(MilliSecondsSinceUnixEpoch(
                UInt::new(1647257217083).unwrap()
            ))
        );
        let written = read.try_into_http_response().unwrap();
        let json: serde_json::Value = serde_json::from_slice(written.body()).unwrap();
        assert_eq!(json, body);
    }
}
