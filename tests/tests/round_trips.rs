//! Client → `http::Request` → server → `http::Response` → client, for endpoints that together
//! use every attribute, asserting the exact wire form and the values after the trip.

use std::collections::BTreeMap;

use http::{header, Method, StatusCode};
use matrix_api::{
    FromHttpResponseError, IncomingRequest, IncomingResponse, MatrixVersion, OutgoingRequest,
    OutgoingResponse, SendAccessToken, SupportedVersions,
};
use matrix_api_tests::{
    end_session, get_messages, ping, redirect, search_terms, send_message, upload, TeapotError,
};
use serde_json::{json, Value};

const BASE: &str = "https://matrix.example.org";

fn server(versions: &[MatrixVersion]) -> SupportedVersions {
    SupportedVersions::from_versions(versions)
}

fn json_of(body: &[u8]) -> Value {
    serde_json::from_slice(body).expect("body is JSON")
}

fn header_of<'a, B>(request: &'a http::Request<B>, name: &str) -> Option<&'a str> {
    request.headers().get(name).map(|v| v.to_str().unwrap())
}

#[test]
fn send_message_with_three_path_parameters() {
    let content = json!({ "msgtype": "m.text", "body": "hello / ? # % world" });
    let request = send_message::Request {
        room_id: "!room:example.org".parse().unwrap(),
        event_type: "m.room.message".to_owned(),
        txn_id: "txn/1?#%é".into(),
        content: content.as_object().unwrap().clone(),
    };
    let http_request = request
        .clone()
        .try_into_http_request(
            &format!("{BASE}/"),
            SendAccessToken::IfRequired("secret"),
            &server(&[MatrixVersion::V1_1]),
        )
        .unwrap();

    assert_eq!(http_request.method(), Method::PUT);
    assert_eq!(
        http_request.uri().to_string(),
        "https://matrix.example.org/_matrix/client/v3/rooms/%21room%3Aexample.org/send/\
         m.room.message/txn%2F1%3F%23%25%C3%A9"
    );
    assert_eq!(
        header_of(&http_request, "authorization"),
        Some("Bearer secret")
    );
    assert_eq!(
        header_of(&http_request, "content-type"),
        Some("application/json")
    );
    assert_eq!(http_request.headers().len(), 2);
    assert_eq!(json_of(http_request.body()), content);

    // The server reads the parameters from the URI itself when the router passes none...
    let incoming =
        send_message::Request::try_from_http_request(http_request.clone(), &[] as &[&str]).unwrap();
    assert_eq!(incoming.room_id, request.room_id);
    assert_eq!(incoming.event_type, request.event_type);
    assert_eq!(incoming.txn_id, request.txn_id);
    assert_eq!(incoming.content, request.content);

    // ...and takes them from the router (already percent-decoded) when it does.
    let from_router = send_message::Request::try_from_http_request(
        http_request,
        &["!room:example.org", "m.room.message", "txn/1?#%é"],
    )
    .unwrap();
    assert_eq!(from_router.txn_id.as_str(), "txn/1?#%é");

    let response = send_message::Response {
        event_id: "$event:example.org".parse().unwrap(),
    };
    let http_response = response.try_into_http_response().unwrap();
    assert_eq!(http_response.status(), StatusCode::OK);
    assert_eq!(
        http_response.headers()[header::CONTENT_TYPE],
        "application/json"
    );
    assert_eq!(
        json_of(http_response.body()),
        json!({ "event_id": "$event:example.org" })
    );
    let parsed = send_message::Response::try_from_http_response(http_response).unwrap();
    assert_eq!(parsed.event_id.as_str(), "$event:example.org");
}

#[test]
fn r0_server_gets_the_r0_path() {
    let request = send_message::Request {
        room_id: "!r:x.org".parse().unwrap(),
        event_type: "m.room.message".to_owned(),
        txn_id: "1".into(),
        content: Default::default(),
    };
    let http_request = request
        .try_into_http_request(
            BASE,
            SendAccessToken::IfRequired("t"),
            &SupportedVersions::from_parts(&["r0.6.1"], &BTreeMap::<String, bool>::new()),
        )
        .unwrap();
    assert_eq!(
        http_request.uri().path(),
        "/_matrix/client/r0/rooms/%21r%3Ax.org/send/m.room.message/1"
    );
    // The r0 path reaches the same handler.
    let incoming =
        send_message::Request::try_from_http_request(http_request, &[] as &[&str]).unwrap();
    assert_eq!(incoming.room_id.as_str(), "!r:x.org");
}

#[test]
fn get_messages_query_and_header() {
    let request = get_messages::Request {
        room_id: "!room:example.org".parse().unwrap(),
        from: Some("t1 & t2=3".to_owned()),
        dir: get_messages::Direction::Backward,
        limit: 25,
        filter: None,
        trace_id: Some("abc-123".to_owned()),
    };
    let http_request = request
        .clone()
        .try_into_http_request(BASE, SendAccessToken::None, &server(&[MatrixVersion::V1_7]))
        .unwrap();
    assert_eq!(http_request.method(), Method::GET);
    assert_eq!(
        http_request.uri().to_string(),
        "https://matrix.example.org/_matrix/client/v3/rooms/%21room%3Aexample.org/messages\
         ?from=t1+%26+t2%3D3&dir=b&limit=25"
    );
    assert_eq!(header_of(&http_request, "x-trace-id"), Some("abc-123"));
    // Optional authentication without a token sends none; GET has no body or content type.
    assert_eq!(header_of(&http_request, "authorization"), None);
    assert_eq!(header_of(&http_request, "content-type"), None);
    assert!(http_request.body().is_empty());

    let incoming =
        get_messages::Request::try_from_http_request(http_request, &["!room:example.org"]).unwrap();
    assert_eq!(incoming.from.as_deref(), Some("t1 & t2=3"));
    assert_eq!(incoming.dir, get_messages::Direction::Backward);
    assert_eq!(incoming.limit, 25);
    assert_eq!(incoming.filter, None);
    assert_eq!(incoming.trace_id.as_deref(), Some("abc-123"));

    // The serde default applies to a parameter the client left out.
    let minimal = http::Request::get("/_matrix/client/v3/rooms/!r:x.org/messages?dir=f")
        .body(Vec::<u8>::new())
        .unwrap();
    let incoming = get_messages::Request::try_from_http_request(minimal, &["!r:x.org"]).unwrap();
    assert_eq!(
        (incoming.limit, incoming.dir),
        (10, get_messages::Direction::Forward)
    );
    assert_eq!(incoming.trace_id, None);

    let response = get_messages::Response {
        start: "s1".to_owned(),
        end: None,
        chunk: vec![json!({ "type": "m.room.message" })],
    };
    let http_response = response.try_into_http_response().unwrap();
    assert_eq!(
        json_of(http_response.body()),
        json!({ "start": "s1", "chunk": [{ "type": "m.room.message" }] })
    );
    let parsed = get_messages::Response::try_from_http_response(http_response).unwrap();
    assert_eq!(
        (parsed.start.as_str(), parsed.end, parsed.chunk.len()),
        ("s1", None, 1)
    );
}

#[test]
fn query_all_and_newtype_body() {
    let terms = BTreeMap::from([
        ("q".to_owned(), "rust matrix".to_owned()),
        ("lang".to_owned(), "en".to_owned()),
    ]);
    let request = search_terms::Request {
        terms: terms.clone(),
    };
    let http_request = request
        .try_into_http_request(BASE, SendAccessToken::IfRequired("unused"), &server(&[]))
        .unwrap();
    assert_eq!(
        http_request.uri().to_string(),
        "https://matrix.example.org/_matrix/client/unstable/org.example.search/terms\
         ?lang=en&q=rust+matrix"
    );
    // `authentication: None` never sends an `IfRequired` token.
    assert_eq!(header_of(&http_request, "authorization"), None);
    let incoming =
        search_terms::Request::try_from_http_request(http_request, &[] as &[&str]).unwrap();
    assert_eq!(incoming.terms, terms);

    let response = search_terms::Response {
        results: vec!["a".to_owned(), "b".to_owned()],
    };
    let http_response = response.try_into_http_response().unwrap();
    assert_eq!(json_of(http_response.body()), json!(["a", "b"]));
    let parsed = search_terms::Response::try_from_http_response(http_response).unwrap();
    assert_eq!(parsed.results, ["a", "b"]);
}

/// A PNG upload of `file` for a v1.11 server, as a client writes it.
fn upload_request(file: Vec<u8>, filename: Option<&str>) -> http::Request<Vec<u8>> {
    let request = upload::Request {
        content_type: "image/png".to_owned(),
        filename: filename.map(str::to_owned),
        file,
    };
    request
        .try_into_http_request(
            BASE,
            SendAccessToken::IfRequired("tok"),
            &server(&[MatrixVersion::V1_11]),
        )
        .unwrap()
}

#[test]
fn raw_bodies_headers_and_status() {
    let bytes = vec![0u8, 159, 146, 150, b'{'];
    let http_request = upload_request(bytes.clone(), Some("cat picture.png"));
    assert_eq!(http_request.method(), Method::POST);
    assert_eq!(
        http_request.uri().to_string(),
        "https://matrix.example.org/_matrix/media/v3/upload?filename=cat+picture.png"
    );
    assert_eq!(header_of(&http_request, "content-type"), Some("image/png"));
    assert_eq!(http_request.body(), &bytes);
    let incoming = upload::Request::try_from_http_request(http_request, &[] as &[&str]).unwrap();
    assert_eq!(incoming.content_type, "image/png");
    assert_eq!(incoming.filename.as_deref(), Some("cat picture.png"));
    assert_eq!(incoming.file, bytes);

    let response = upload::Response {
        content_type: "application/octet-stream".to_owned(),
        etag: None,
        echo: bytes.clone(),
    };
    let http_response = response.try_into_http_response().unwrap();
    assert_eq!(http_response.status(), StatusCode::CREATED);
    assert_eq!(
        http_response.headers()[header::CONTENT_TYPE],
        "application/octet-stream"
    );
    assert!(!http_response.headers().contains_key(header::ETAG));
    assert_eq!(http_response.body(), &bytes);
    let parsed = upload::Response::try_from_http_response(http_response).unwrap();
    assert_eq!((parsed.etag, parsed.echo), (None, bytes));
}

/// A raw body crosses every conversion without a copy when it is owned: the same buffer goes
/// from the client's request to the server's struct, and from the server's response to the
/// client's; a borrowed body is copied once.
#[test]
fn raw_bodies_are_moved_not_copied() {
    let bytes = vec![0xab; 1 << 20];
    let address = bytes.as_ptr();
    let http_request = upload_request(bytes, None);
    assert_eq!(http_request.body().as_ptr(), address);
    let incoming = upload::Request::try_from_http_request(http_request, &[] as &[&str]).unwrap();
    assert_eq!(incoming.file.as_ptr(), address);

    let response = upload::Response {
        content_type: "application/octet-stream".to_owned(),
        etag: None,
        echo: incoming.file,
    };
    let http_response = response.try_into_http_response().unwrap();
    assert_eq!(http_response.body().as_ptr(), address);
    // Through `Bytes`, as the axum glue holds a body: still the same buffer.
    let http_response = http_response.map(bytes::Bytes::from);
    let parsed = upload::Response::try_from_http_response(http_response).unwrap();
    assert_eq!(parsed.echo.as_ptr(), address);

    // A borrowed body is copied, and reads the same.
    let borrowed = http::Response::builder()
        .status(StatusCode::CREATED)
        .header(header::CONTENT_TYPE, "text/plain")
        .body(&b"hi"[..])
        .unwrap();
    let parsed = upload::Response::try_from_http_response(borrowed).unwrap();
    assert_eq!(parsed.echo, b"hi");
}

#[test]
fn body_none_sends_nothing_and_empty_responses_are_objects() {
    let http_request = end_session::Request {}
        .try_into_http_request(
            BASE,
            SendAccessToken::IfRequired("t"),
            &server(&[MatrixVersion::V1_1]),
        )
        .unwrap();
    assert_eq!(http_request.method(), Method::POST);
    assert_eq!(http_request.uri().path(), "/_matrix/client/v3/end_session");
    assert!(http_request.body().is_empty());
    assert_eq!(header_of(&http_request, "content-type"), None);
    end_session::Request::try_from_http_request(http_request, &[] as &[&str]).unwrap();

    let http_response = end_session::Response {}.try_into_http_response().unwrap();
    assert_eq!(json_of(http_response.body()), json!({}));
    end_session::Response::try_from_http_response(http_response).unwrap();
}

#[test]
fn post_without_body_fields_sends_an_empty_object() {
    let http_request = ping::Request {}
        .try_into_http_request(BASE, SendAccessToken::None, &server(&[MatrixVersion::V1_5]))
        .unwrap();
    assert_eq!(http_request.uri().path(), "/_matrix/client/v1/ping");
    assert_eq!(json_of(http_request.body()), json!({}));
    assert_eq!(
        header_of(&http_request, "content-type"),
        Some("application/json")
    );
}

#[test]
fn user_defined_error_type() {
    let error = TeapotError {
        text: "short and stout".to_owned(),
    };
    let http_response = error.clone().try_into_http_response().unwrap();
    assert_eq!(http_response.status(), StatusCode::IM_A_TEAPOT);
    match ping::Response::try_from_http_response(http_response) {
        Err(FromHttpResponseError::Server(parsed)) => assert_eq!(parsed, error),
        other => panic!("expected the teapot error, got {other:?}"),
    }
}

#[test]
fn redirect_with_location_header_and_renamed_query() {
    let request = redirect::Request {
        redirect_url: "https://app.example/cb?x=1".to_owned(),
    };
    let http_request = request
        .try_into_http_request(BASE, SendAccessToken::None, &server(&[]))
        .unwrap();
    assert_eq!(
        http_request.uri().to_string(),
        "https://matrix.example.org/_matrix/client/redirect?redirectUrl=https%3A%2F%2Fapp.example%2Fcb%3Fx%3D1"
    );
    let incoming = redirect::Request::try_from_http_request(http_request, &[] as &[&str]).unwrap();
    assert_eq!(incoming.redirect_url, "https://app.example/cb?x=1");

    let response = redirect::Response {
        location: "https://sso.example/login".to_owned(),
    };
    let http_response = response.try_into_http_response().unwrap();
    assert_eq!(http_response.status(), StatusCode::FOUND);
    assert_eq!(
        http_response.headers()[header::LOCATION],
        "https://sso.example/login"
    );
    let parsed = redirect::Response::try_from_http_response(http_response).unwrap();
    assert_eq!(parsed.location, "https://sso.example/login");
}

#[test]
fn header_value_with_line_break_is_an_error_not_an_injection() {
    let request = upload::Request {
        content_type: "text/plain\r\nX-Injected: yes".to_owned(),
        filename: None,
        file: vec![],
    };
    let err = request
        .try_into_http_request(
            BASE,
            SendAccessToken::IfRequired("t"),
            &server(&[MatrixVersion::V1_11]),
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "header `content-type` cannot be sent: the value contains a character not allowed in a \
         header (such as a line break or a control character)"
    );
}

#[test]
fn head_is_accepted_for_get() {
    let head = http::Request::head("/_matrix/client/redirect?redirectUrl=x")
        .body(Vec::<u8>::new())
        .unwrap();
    let incoming = redirect::Request::try_from_http_request(head, &[] as &[&str]).unwrap();
    assert_eq!(incoming.redirect_url, "x");
}

#[test]
fn missing_response_header_is_named() {
    let http_response = http::Response::builder()
        .status(302)
        .body(Vec::<u8>::new())
        .unwrap();
    let err = redirect::Response::try_from_http_response(http_response).unwrap_err();
    assert_eq!(
        err.to_string(),
        "could not read the server's response: header `location` is missing"
    );
}
