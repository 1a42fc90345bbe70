//! Inputs the fuzz targets in `fuzz/` found bugs with, as ordinary tests: each is the HTTP
//! message the crash input stood for (shown by `cargo run --example show` in `fuzz/`), with the
//! invariant the target checks. The fuzz target and the commit that fixed it are named on each.

use matrix_api::error::{ErrorBody, MatrixError};
use matrix_api::{
    EndpointError, FromHttpResponseError, IncomingResponse, MatrixVersion, OutgoingResponse,
};
use matrix_api::{IncomingRequest, OutgoingRequest, SendAccessToken, SupportedVersions};
use matrix_client_api::media::create_content;
use matrix_client_api::session::{get_login_token, login};
use matrix_client_api::uiaa::UiaaResponse;

fn response(status: u16, body: &[u8]) -> http::Response<Vec<u8>> {
    http::Response::builder()
        .status(status)
        .body(body.to_vec())
        .unwrap()
}

/// What the client read from an error response, sent on by a server, reads the same.
fn assert_error_survives_resending<R>(status: u16, body: &[u8]) -> R::EndpointError
where
    R: IncomingResponse + std::fmt::Debug,
    R::EndpointError: Clone + PartialEq + std::fmt::Debug,
{
    let Err(FromHttpResponseError::Server(error)) =
        R::try_from_http_response(response(status, body))
    else {
        panic!("not read as an error")
    };
    let resent = error.clone().try_into_http_response().unwrap();
    assert_eq!(R::EndpointError::from_http_response(resent), error);
    error
}

/// client_response, crash-b42dfef2: an error body giving a key twice was kept as a JSON value
/// holding one of them. Sent on, `{"errcode": …, "type": null}` then read as the standard
/// shape: a different error than the one received. Such bodies are now kept as bytes.
#[test]
fn error_body_with_a_key_given_twice() {
    let body = br#"{"errcode":"m.login.password","type":null,"type":null,"type":null}"#;
    let error: MatrixError = assert_error_survives_resending::<login::v3::Response>(405, body);
    assert_eq!(error.body, ErrorBody::NotJson(body.to_vec()));

    // The same bug on the UIA path: a 401 that is not a UIA answer, collapsed to one of its
    // `flows`, read as one once sent on.
    let body = br#"{"flows":"m.login.password","flows":[]}"#;
    let error = assert_error_survives_resending::<get_login_token::v1::Response>(401, body);
    assert_eq!(
        error,
        UiaaResponse::MatrixError(MatrixError {
            status: http::StatusCode::UNAUTHORIZED,
            body: ErrorBody::NotJson(body.to_vec()),
        })
    );
}

/// matrix_version, crash-319378b6: `v1.0011` read as v1.11, a version the server never named. A
/// version number with a leading zero is now refused, as are `r0.x.y` ones.
#[test]
fn version_with_a_leading_zero() {
    for text in ["v1.0011", "v1.07", "v1.00", "r0.06.1"] {
        let err = text.parse::<MatrixVersion>().unwrap_err();
        assert_eq!(err.input(), text);
    }
    assert_eq!("v1.0".parse::<MatrixVersion>(), Ok(MatrixVersion::V1_0));
    assert_eq!("v1.10".parse::<MatrixVersion>(), Ok(MatrixVersion::V1_10));
    assert_eq!("r0.0.1".parse::<MatrixVersion>(), Ok(MatrixVersion::V1_0));
}

/// server_request, crash-1a1d53c5: `GET …/login/sso/redirect/?redirectUrl=…` was read with an
/// empty `{idp_id}`, which the client refuses to send (no server routes an empty segment): the
/// server understood what no client can say. An empty path parameter is now refused on both
/// sides, except an optional last segment (the empty state key).
#[test]
fn empty_path_parameter() {
    use matrix_api::IncomingRequest;
    use matrix_client_api::session::sso_login_with_provider;

    let request = http::Request::get(
        "https://hs/_matrix/client/unstable/org.matrix.msc2858/login/sso/redirect/?redirectUrl=v2.0",
    )
    .body(b"null".to_vec())
    .unwrap();
    let err = sso_login_with_provider::v3::Request::try_from_http_request(request, &[] as &[&str])
        .unwrap_err();
    assert!(err.to_string().contains("{idp_id}"), "{err}");
    assert!(err.to_string().contains("empty"), "{err}");
    let error = MatrixError::from(err);
    assert_eq!(error.status, http::StatusCode::BAD_REQUEST);
}

/// server_request, crash-69feeb32: `POST /_matrix/media/r0/upload` with the header
/// `content-type: "Bearer "` was read with its trailing space, which a client then refused to
/// send ("the value begins or ends with whitespace"). Whitespace around a header value is not
/// part of it (RFC 9110 §5.5), so it is now dropped when read.
#[test]
fn header_value_with_trailing_whitespace() {
    let request = http::Request::post("/_matrix/media/r0/upload?access_token=mat")
        .header("content-type", http::HeaderValue::from_static("Bearer "))
        .body(Vec::new())
        .unwrap();
    let read = create_content::v3::Request::try_from_http_request(request, &[] as &[&str]).unwrap();
    assert_eq!(read.content_type.as_deref(), Some("Bearer"));
    let sent = read
        .try_into_http_request(
            "https://matrix.example.org",
            SendAccessToken::Always("token"),
            &SupportedVersions::from_versions(MatrixVersion::ALL),
        )
        .unwrap();
    assert_eq!(sent.headers()["content-type"], "Bearer");
}
