//! Bad input to the server-side parsers: each gives a typed error naming the part that failed,
//! never a panic, and turns into the standard error response the specification asks for.

use http::{Method, StatusCode};
use matrix_api::error::{
    DeserializationError, ErrorKind, HeaderProblem, JsonErrorKind, MatrixError,
};
use matrix_api::{FromHttpRequestError, IncomingRequest, OutgoingResponse};
use matrix_api_tests::{get_messages, ping, redirect, send_message, upload};
use serde_json::json;

const SEND_PATH: &str = "/_matrix/client/v3/rooms/!r:x.org/send/m.room.message/1";

fn put(uri: &str, body: &str) -> http::Request<Vec<u8>> {
    http::Request::put(uri)
        .header("authorization", "Bearer tok")
        .body(body.as_bytes().to_vec())
        .unwrap()
}

fn no_args() -> &'static [&'static str] {
    &[]
}

/// The standard response a server sends for a request error: status and errcode.
fn answer(err: FromHttpRequestError) -> (StatusCode, serde_json::Value) {
    let response = MatrixError::from(err).try_into_http_response().unwrap();
    (
        response.status(),
        serde_json::from_slice(response.body()).unwrap(),
    )
}

#[test]
fn wrong_method() {
    let request = http::Request::get(SEND_PATH)
        .header("authorization", "Bearer tok")
        .body(Vec::new())
        .unwrap();
    let err = send_message::Request::try_from_http_request(request, no_args()).unwrap_err();
    assert_eq!(
        err,
        FromHttpRequestError::MethodMismatch {
            expected: Method::PUT,
            received: Method::GET
        }
    );
    assert_eq!(
        err.to_string(),
        "method GET is not allowed here; this endpoint takes PUT"
    );
    let (status, body) = answer(err);
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(body["errcode"], "M_UNRECOGNIZED");
}

#[test]
fn invalid_json_gives_its_position() {
    let err = send_message::Request::try_from_http_request(put(SEND_PATH, "{\"a\": }"), no_args())
        .unwrap_err();
    let FromHttpRequestError::Deserialization(DeserializationError::Json(json_err)) = &err else {
        panic!("expected a JSON error, got {err:?}");
    };
    assert_eq!(json_err.kind, JsonErrorKind::Syntax);
    assert_eq!((json_err.line, json_err.column), (1, 7));
    assert_eq!(
        err.to_string(),
        "JSON syntax error: expected value (line 1, column 7)"
    );
    let (status, body) = answer(err);
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["errcode"], "M_NOT_JSON");
}

#[test]
fn wrong_field_type_names_the_field() {
    let request = http::Request::post("/_matrix/client/v1/login/get_token")
        .header("authorization", "Bearer tok")
        .body(br#"{"auth": {"type": "m.login.dummy", "session": 5}}"#.to_vec())
        .unwrap();
    let err = matrix_client_api::session::get_login_token::v1::Request::try_from_http_request(
        request,
        no_args(),
    )
    .unwrap_err();
    let FromHttpRequestError::Deserialization(DeserializationError::Json(json_err)) = &err else {
        panic!("expected a JSON error, got {err:?}");
    };
    assert_eq!(json_err.kind, JsonErrorKind::Data);
    assert!(
        json_err
            .field
            .as_deref()
            .is_some_and(|f| f.starts_with("auth")),
        "{err}"
    );
    let (status, body) = answer(err);
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["errcode"], "M_BAD_JSON");
}

#[test]
fn missing_required_field_is_named() {
    let request = http::Request::post("/_matrix/client/v1/ping")
        .body(b"{}".to_vec())
        .unwrap();
    // `ping` has no body fields: `{}` is fine. A response type with a required field is not.
    ping::Request::try_from_http_request(request, no_args()).unwrap();

    let response = http::Response::builder()
        .status(200)
        .body(b"{}".to_vec())
        .unwrap();
    let err = <ping::Response as matrix_api::IncomingResponse>::try_from_http_response(response)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "could not read the server's response: JSON body, field `pong`: missing field `pong` \
         (line 1, column 2)"
    );
}

#[test]
fn bad_percent_encoding_in_a_path_segment() {
    let uri = "/_matrix/client/v3/rooms/!r:x.org/send/m.room.message/bad%zz";
    let err = send_message::Request::try_from_http_request(put(uri, "{}"), no_args()).unwrap_err();
    assert_eq!(
        err,
        FromHttpRequestError::Deserialization(DeserializationError::PathSegment {
            index: 2,
            name: "txn_id",
            message: "invalid percent-encoding `%zz`".to_owned(),
        })
    );
    assert_eq!(
        err.to_string(),
        "path segment 2 (`{txn_id}`): invalid percent-encoding `%zz`"
    );
    assert_eq!(answer(err).1["errcode"], "M_INVALID_PARAM");
}

#[test]
fn non_utf8_path_segment() {
    let uri = "/_matrix/client/v3/rooms/%FF%FE/send/m.room.message/1";
    let err = send_message::Request::try_from_http_request(put(uri, "{}"), no_args()).unwrap_err();
    assert!(
        matches!(
            &err,
            FromHttpRequestError::Deserialization(DeserializationError::PathSegment {
                index: 0,
                name: "room_id",
                ..
            })
        ),
        "{err:?}"
    );
}

#[test]
fn invalid_identifier_in_a_path_segment() {
    let err = send_message::Request::try_from_http_request(
        put(SEND_PATH, "{}"),
        &["not-a-room-id", "m.room.message", "1"],
    )
    .unwrap_err();
    let FromHttpRequestError::Deserialization(DeserializationError::PathSegment {
        index,
        name,
        ..
    }) = &err
    else {
        panic!("expected a path error, got {err:?}");
    };
    assert_eq!((*index, *name), (0, "room_id"));
}

#[test]
fn path_that_matches_no_template() {
    let err =
        send_message::Request::try_from_http_request(put("/elsewhere/1/2/3", "{}"), no_args())
            .unwrap_err();
    assert_eq!(
        err,
        FromHttpRequestError::PathMismatch {
            path: "/elsewhere/1/2/3".to_owned()
        }
    );
    assert_eq!(answer(err).0, StatusCode::NOT_FOUND);
}

#[test]
fn wrong_number_of_router_arguments() {
    let err = send_message::Request::try_from_http_request(put(SEND_PATH, "{}"), &["a", "b"])
        .unwrap_err();
    assert_eq!(
        err,
        FromHttpRequestError::PathArgumentCount {
            expected: 3,
            received: 2
        }
    );
}

#[test]
fn bad_query_names_the_parameter() {
    let request = http::Request::get("/_matrix/client/v3/rooms/!r:x.org/messages?dir=f&limit=many")
        .body(Vec::<u8>::new())
        .unwrap();
    let err = get_messages::Request::try_from_http_request(request, &["!r:x.org"]).unwrap_err();
    let FromHttpRequestError::Deserialization(DeserializationError::Query { parameter, .. }) = &err
    else {
        panic!("expected a query error, got {err:?}");
    };
    assert_eq!(parameter.as_deref(), Some("limit"));
    assert!(
        err.to_string().starts_with("query parameter `limit`: "),
        "{err}"
    );
    assert_eq!(answer(err).1["errcode"], "M_INVALID_PARAM");

    let missing = http::Request::get("/_matrix/client/v3/rooms/!r:x.org/messages?limit=3")
        .body(Vec::<u8>::new())
        .unwrap();
    let err = get_messages::Request::try_from_http_request(missing, &["!r:x.org"]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "query parameter `dir`: missing field `dir`"
    );

    let unknown_value = http::Request::get("/_matrix/client/redirect")
        .body(Vec::<u8>::new())
        .unwrap();
    let err = redirect::Request::try_from_http_request(unknown_value, no_args()).unwrap_err();
    assert!(err.to_string().contains("`redirectUrl`"), "{err}");
}

#[test]
fn missing_required_header() {
    let request = http::Request::post("/_matrix/media/v3/upload")
        .header("authorization", "Bearer t")
        .body(b"bytes".to_vec())
        .unwrap();
    let err = upload::Request::try_from_http_request(request, no_args()).unwrap_err();
    assert_eq!(
        err,
        FromHttpRequestError::Deserialization(DeserializationError::Header {
            name: http::header::CONTENT_TYPE,
            problem: HeaderProblem::Missing,
        })
    );
    assert_eq!(err.to_string(), "header `content-type` is missing");
}

#[test]
fn missing_access_token_answers_m_missing_token() {
    let request = http::Request::put(SEND_PATH).body(b"{}".to_vec()).unwrap();
    let err = send_message::Request::try_from_http_request(request, no_args()).unwrap_err();
    assert_eq!(err, FromHttpRequestError::MissingAccessToken);
    let error = MatrixError::from(err);
    assert_eq!(error.status, StatusCode::UNAUTHORIZED);
    let (status, body) = answer(FromHttpRequestError::MissingAccessToken);
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["errcode"], json!("M_MISSING_TOKEN"));
    let _ = ErrorKind::MissingToken;

    // The deprecated query parameter counts as a token.
    let request = http::Request::put(format!("{SEND_PATH}?access_token=tok"))
        .body(b"{}".to_vec())
        .unwrap();
    send_message::Request::try_from_http_request(request, no_args()).unwrap();
}

#[test]
fn garbage_never_panics() {
    let inputs: &[&[u8]] = &[
        b"",
        b"null",
        b"[]",
        b"\"x\"",
        b"{",
        b"\xff\xfe",
        b"{} trailing",
        b"123",
    ];
    for body in inputs {
        let request = http::Request::put(SEND_PATH)
            .header("authorization", "Bearer t")
            .body(body.to_vec())
            .unwrap();
        // Any outcome but a panic is acceptable; errors must describe themselves.
        if let Err(err) = send_message::Request::try_from_http_request(request, no_args()) {
            assert!(!err.to_string().is_empty());
        }
    }
}
