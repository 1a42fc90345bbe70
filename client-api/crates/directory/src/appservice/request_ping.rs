//! `POST /_matrix/client/v1/appservice/{appserviceId}/ping`: an application service asks the
//! homeserver to call it back (`POST /_matrix/app/v1/ping`), to learn at startup whether the
//! homeserver reaches it.
//!
//! Only the application service itself may ask, with its `as_token`; the ID in the path must
//! be its own, or the server answers `403 M_FORBIDDEN`. The ping's failures have error codes
//! of their own, all typed in [`ErrorKind`](matrix_api::error::ErrorKind):
//!
//! | status | `errcode` | meaning |
//! | --- | --- | --- |
//! | 400 | `M_URL_NOT_SET` | the application service has no URL configured |
//! | 502 | `M_BAD_STATUS` | it answered with an error status, kept in `status` and `body` |
//! | 502 | `M_CONNECTION_FAILED` | the homeserver could not connect |
//! | 504 | `M_CONNECTION_TIMEOUT` | the connection timed out |
//!
//! Before Matrix v1.7 the endpoint was
//! [MSC2659](https://github.com/matrix-org/matrix-spec-proposals/pull/2659)'s, under
//! `/_matrix/client/unstable/fi.mau.msc2659/`, announced by the flag `fi.mau.msc2659`; servers
//! that had the stable path before they announced v1.7 announced `fi.mau.msc2659.stable`. The
//! MSC let the unstable endpoint prefix its error codes `FI.MAU.MSC2659_` instead of `M_`:
//! those are kept as unknown codes.
//!
//! Specification: <https://spec.matrix.org/latest/application-service-api/#post_matrixclientv1appserviceappserviceidping>

pub mod v1 {
    //! The v1 generation of the endpoint (stable since Matrix v1.7).

    use std::time::Duration;

    use ruma_common::OwnedTransactionId;

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: false,
        authentication: AppserviceToken,
        history: {
            unstable("fi.mau.msc2659") => "/_matrix/client/unstable/fi.mau.msc2659/appservice/{appservice_id}/ping",
            1.7 | stable("fi.mau.msc2659.stable") => "/_matrix/client/v1/appservice/{appservice_id}/ping",
        }
    };

    /// The request: the application service to ping, and a transaction ID to pass on.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The application service's ID (`id` in its registration), which must be the caller's.
        #[api(path)]
        pub appservice_id: String,
        /// Passed on in the homeserver's `POST /_matrix/app/v1/ping`, so that the application
        /// service recognises its own ping.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub transaction_id: Option<OwnedTransactionId>,
    }

    /// The response: the ping succeeded.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// How long the homeserver's call to the application service took (`duration_ms`).
        #[serde(rename = "duration_ms", with = "ruma_common::serde::duration::ms")]
        pub duration: Duration,
    }

    impl Request {
        /// A ping of this application service, without transaction ID.
        pub fn new(appservice_id: String) -> Self {
            Request {
                appservice_id,
                transaction_id: None,
            }
        }
    }

    impl Response {
        /// A response with the call's duration.
        pub fn new(duration: Duration) -> Self {
            Response { duration }
        }
    }

    #[cfg(test)]
    mod tests {
        use std::collections::BTreeMap;
        use std::time::Duration;

        use matrix_api::error::{ErrorKind, MatrixError};
        use matrix_api::{
            FromHttpResponseError, IncomingRequest, IncomingResponse, OutgoingRequest,
            SendAccessToken, SupportedVersions,
        };

        use super::{Request, Response};

        fn send(request: &Request, versions: &[&str], flags: &[(&str, bool)]) -> String {
            let flags: BTreeMap<&str, bool> = flags.iter().copied().collect();
            let sent = request
                .clone()
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::Appservice("as_token"),
                    &SupportedVersions::from_parts(versions, &flags),
                )
                .unwrap();
            assert_eq!(sent.headers()["authorization"], "Bearer as_token");
            let path = sent.uri().path().to_owned();
            assert_eq!(
                Request::try_from_http_request(sent, &[] as &[&str]).unwrap(),
                *request
            );
            path
        }

        #[test]
        fn the_path_follows_the_server_and_the_transaction_id_is_optional() {
            let mut request = Request::new("telegram".to_owned());
            assert_eq!(
                send(&request, &["v1.7"], &[]),
                "/_matrix/client/v1/appservice/telegram/ping"
            );
            assert_eq!(
                send(&request, &["v1.5"], &[("fi.mau.msc2659.stable", true)]),
                "/_matrix/client/v1/appservice/telegram/ping"
            );
            assert_eq!(
                send(&request, &["v1.5"], &[("fi.mau.msc2659", true)]),
                "/_matrix/client/unstable/fi.mau.msc2659/appservice/telegram/ping"
            );

            let sent = request
                .clone()
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::Appservice("as_token"),
                    &SupportedVersions::from_versions(&[matrix_api::MatrixVersion::V1_7]),
                )
                .unwrap();
            assert_eq!(sent.body(), b"{}");
            request.transaction_id = Some("mautrix-go_1683636478256400935_123".into());
            let sent = request
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::Appservice("as_token"),
                    &SupportedVersions::from_versions(&[matrix_api::MatrixVersion::V1_7]),
                )
                .unwrap();
            assert_eq!(
                sent.body(),
                br#"{"transaction_id":"mautrix-go_1683636478256400935_123"}"#
            );
        }

        fn answer(status: u16, body: &str) -> Result<Response, FromHttpResponseError<MatrixError>> {
            let answer = matrix_api::http::Response::builder()
                .status(status)
                .body(body.as_bytes().to_vec())
                .unwrap();
            Response::try_from_http_response(answer)
        }

        #[test]
        fn the_duration_is_milliseconds_and_each_failure_is_typed() {
            let ok = answer(200, r#"{"duration_ms":123}"#).unwrap();
            assert_eq!(ok.duration, Duration::from_millis(123));

            let kind_of = |status, body| match answer(status, body) {
                Err(FromHttpResponseError::Server(error)) => error.kind().cloned(),
                other => panic!("{other:?}"),
            };
            assert_eq!(
                kind_of(400, r#"{"errcode":"M_URL_NOT_SET","error":"no URL"}"#),
                Some(ErrorKind::UrlNotSet)
            );
            assert_eq!(
                kind_of(
                    502,
                    r#"{"errcode":"M_BAD_STATUS","error":"Ping returned status 401","status":401,"body":"{\"errcode\": \"M_UNKNOWN_TOKEN\"}"}"#
                ),
                Some(ErrorKind::BadStatus {
                    status: Some(401),
                    body: Some(r#"{"errcode": "M_UNKNOWN_TOKEN"}"#.to_owned()),
                })
            );
            assert_eq!(
                kind_of(502, r#"{"errcode":"M_CONNECTION_FAILED"}"#),
                Some(ErrorKind::ConnectionFailed)
            );
            assert_eq!(
                kind_of(504, r#"{"errcode":"M_CONNECTION_TIMEOUT"}"#),
                Some(ErrorKind::ConnectionTimeout)
            );
        }
    }
}
