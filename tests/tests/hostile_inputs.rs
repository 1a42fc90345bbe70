//! A catalogue of named hostile inputs, each with the exact outcome it must produce: a typed
//! error naming the failing part, or a value that keeps exactly what was sent. Never a panic,
//! never a different valid value.

use matrix_api::error::{DeserializationError, ErrorBody, ErrorKind, JsonErrorKind};
use matrix_api::{
    FromHttpRequestError, FromHttpResponseError, IncomingRequest, IncomingResponse,
    OutgoingRequest, SendAccessToken, SupportedVersions,
};
use matrix_api_tests::{get_messages, send_message};
use matrix_client_api::session::get_login_token::v1;
use matrix_client_api::session::login;
use matrix_client_api::uiaa::UiaaResponse;

const GET_TOKEN: &str = "/_matrix/client/v1/login/get_token";

fn get_token_request(body: &[u8]) -> Result<v1::Request, FromHttpRequestError> {
    let request = http::Request::post(GET_TOKEN)
        .header("authorization", "Bearer t")
        .body(body.to_vec())
        .unwrap();
    v1::Request::try_from_http_request(request, &[] as &[&str])
}

// The endpoint's own error type is large by nature; tests move it once.
#[allow(clippy::result_large_err)]
fn get_token_response(body: &str) -> Result<v1::Response, FromHttpResponseError<UiaaResponse>> {
    let response = http::Response::builder()
        .status(200)
        .body(body.as_bytes().to_vec())
        .unwrap();
    v1::Response::try_from_http_response(response)
}

fn send_to(path: &str) -> Result<send_message::Request, FromHttpRequestError> {
    let request = http::Request::put(path)
        .header("authorization", "Bearer t")
        .body(b"{}".to_vec())
        .unwrap();
    send_message::Request::try_from_http_request(request, &[] as &[&str])
}

#[test]
fn non_utf8_path_segment() {
    let err = send_to("/_matrix/client/v3/rooms/!r:x.org/send/m.room.message/%C3%28").unwrap_err();
    assert_eq!(
        err.to_string(),
        "path segment 2 (`{txn_id}`): not valid UTF-8 after percent-decoding"
    );
}

#[test]
fn encoded_slash_and_dots_stay_inside_the_value() {
    let request = send_to("/_matrix/client/v3/rooms/!r:x.org/send/m.room%2Fmessage/..").unwrap();
    assert_eq!(
        (request.event_type.as_str(), request.txn_id.as_str()),
        ("m.room/message", "..")
    );
    let request = send_to("/_matrix/client/v3/rooms/!r:x.org/send/a/%2E%2E").unwrap();
    assert_eq!(request.txn_id.as_str(), "..");

    // And the client never lets a value change the route.
    let outgoing = send_message::Request {
        room_id: "!r:x.org".parse().unwrap(),
        event_type: "../../admin".to_owned(),
        txn_id: "..".into(),
        content: Default::default(),
    }
    .try_into_http_request(
        "https://hs",
        SendAccessToken::IfRequired("t"),
        &SupportedVersions::from_versions(&[matrix_api::MatrixVersion::V1_1]),
    )
    .unwrap();
    assert_eq!(
        outgoing.uri().path(),
        "/_matrix/client/v3/rooms/%21r%3Ax.org/send/..%2F..%2Fadmin/%2E%2E"
    );
}

#[test]
fn query_parameter_given_twice() {
    let request = http::Request::get("/_matrix/client/v3/rooms/!r:x.org/messages?dir=f&dir=b")
        .body(Vec::<u8>::new())
        .unwrap();
    let err = get_messages::Request::try_from_http_request(request, &["!r:x.org"]).unwrap_err();
    assert_eq!(
        err,
        FromHttpRequestError::Deserialization(DeserializationError::Query {
            parameter: Some("dir".to_owned()),
            message: "given 2 times, but it takes one value".to_owned(),
        })
    );
}

#[test]
fn six_thousand_query_parameters() {
    // As many as a URI holds (64 KiB): parameters the endpoint does not take are passed over,
    // and a repeated one among them is still found and named.
    let many: String = (0..6_000).map(|i| format!("p{i}=x&")).collect();
    let get = |query: &str| {
        let uri = format!("/_matrix/client/v3/rooms/!r:x.org/messages?{many}{query}");
        let request = http::Request::get(uri).body(Vec::<u8>::new()).unwrap();
        get_messages::Request::try_from_http_request(request, &["!r:x.org"])
    };
    let read = get("dir=b&from=t1").unwrap();
    assert_eq!(read.dir, get_messages::Direction::Backward);
    assert_eq!(read.from.as_deref(), Some("t1"));
    let err = get("dir=b&p17=y&dir=f").unwrap_err();
    assert_eq!(
        err,
        FromHttpRequestError::Deserialization(DeserializationError::Query {
            parameter: Some("dir".to_owned()),
            message: "given 2 times, but it takes one value".to_owned(),
        })
    );
}

#[test]
fn json_nested_ten_thousand_levels() {
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    let body = format!(r#"{{"auth": {{"type": "m.login.dummy", "x": {deep}}}}}"#);
    let err = get_token_request(body.as_bytes()).unwrap_err();
    let FromHttpRequestError::Deserialization(DeserializationError::Json(json)) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(json.kind, JsonErrorKind::Syntax);
    assert_eq!(json.message, "recursion limit exceeded");
}

#[test]
fn a_64_mib_string_field() {
    let token = "a".repeat(64 << 20);
    let body = format!(r#"{{"expires_in_ms": 1000, "login_token": "{token}"}}"#);
    let response = get_token_response(&body).unwrap();
    assert_eq!(response.login_token.len(), 64 << 20);
}

#[test]
fn expires_in_ms_out_of_range() {
    let cases = [
        ("-1", "invalid value: integer `-1`, expected u64"),
        ("1.5", "invalid type: floating point `1.5`, expected u64"),
        (
            "9223372036854775808",
            "invalid value: integer `9223372036854775808`, expected an integer between 0 and 2^53 - 1",
        ),
        (
            "18446744073709551616",
            "invalid type: floating point `1.8446744073709552e+19`, expected u64",
        ),
    ];
    for (value, message) in cases {
        let body = format!(r#"{{"expires_in_ms": {value}, "login_token": "t"}}"#);
        let err = get_token_response(&body).unwrap_err();
        let FromHttpResponseError::Deserialization(DeserializationError::Json(json)) = &err else {
            panic!("{value}: {err:?}")
        };
        assert_eq!(json.field.as_deref(), Some("expires_in_ms"), "{value}");
        assert_eq!(json.message, message, "{value}");
    }
    // The largest value the wire format allows (2^53 - 1 ms) is accepted.
    let body = r#"{"expires_in_ms": 9007199254740991, "login_token": "t"}"#;
    let response = get_token_response(body).unwrap();
    assert_eq!(response.expires_in.as_millis(), 9_007_199_254_740_991);
}

#[test]
fn duplicated_key() {
    let err = get_token_response(r#"{"expires_in_ms": 1, "login_token": "a", "login_token": "b"}"#)
        .unwrap_err();
    let FromHttpResponseError::Deserialization(DeserializationError::Json(json)) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(json.field.as_deref(), Some("login_token"));
    assert_eq!(json.message, "duplicate field `login_token`");

    let err = get_token_request(
        br#"{"auth": {"type": "m.login.dummy", "session": "a", "session": "b"}}"#,
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("duplicate field `session`"),
        "{err}"
    );
}

/// Decision: the `Content-Type` of a request is not checked. Synapse does not check it either,
/// and clients such as `curl -d` send `application/x-www-form-urlencoded` with JSON bodies; the
/// body itself must still be JSON.
#[test]
fn content_type_that_is_not_json() {
    let request = http::Request::post(GET_TOKEN)
        .header("authorization", "Bearer t")
        .header("content-type", "text/plain")
        .body(br#"{"auth": {"type": "m.login.dummy", "session": "s"}}"#.to_vec())
        .unwrap();
    let request = v1::Request::try_from_http_request(request, &[] as &[&str]).unwrap();
    assert_eq!(request.auth.unwrap().session(), Some("s"));
}

#[test]
fn empty_body_on_get_token_means_an_empty_object() {
    assert!(get_token_request(b"").unwrap().auth.is_none());
}

#[test]
fn null_body() {
    let err = get_token_request(b"null").unwrap_err();
    assert_eq!(
        err.to_string(),
        "JSON body: invalid type: null, expected a JSON object (line 1, column 4)"
    );
}

#[test]
fn trailing_garbage_after_the_json() {
    let err = get_token_request(b"{} {}").unwrap_err();
    assert_eq!(
        err.to_string(),
        "JSON syntax error: trailing characters (line 1, column 4)"
    );
}

#[test]
fn uia_401_whose_flows_is_not_a_list() {
    let body = r#"{"flows": "m.login.password", "session": "xyz"}"#;
    let response = http::Response::builder()
        .status(401)
        .body(body.as_bytes().to_vec())
        .unwrap();
    let err = v1::Response::try_from_http_response(response).unwrap_err();
    // Not a UIA answer: kept whole as a Matrix error body, nothing lost.
    let FromHttpResponseError::Server(UiaaResponse::MatrixError(error)) = err else {
        panic!("{err:?}")
    };
    assert_eq!(error.status, http::StatusCode::UNAUTHORIZED);
    assert_eq!(
        error.body,
        ErrorBody::Json(serde_json::from_str(body).unwrap())
    );
}

/// Decision: a `Retry-After` that is an HTTP date (allowed by RFC 9110) is not turned into a
/// delay; only `retry_after_ms` or a number of seconds are. The error is still a typed
/// `M_LIMIT_EXCEEDED`.
#[test]
fn retry_after_that_is_a_date() {
    let response = http::Response::builder()
        .status(429)
        .header("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT")
        .body(br#"{"errcode": "M_LIMIT_EXCEEDED", "error": "slow down"}"#.to_vec())
        .unwrap();
    let err = v1::Response::try_from_http_response(response).unwrap_err();
    let FromHttpResponseError::Server(UiaaResponse::MatrixError(error)) = err else {
        panic!("{err:?}")
    };
    assert_eq!(
        error.kind(),
        Some(&ErrorKind::LimitExceeded {
            retry_after_ms: None
        })
    );
}

/// A key given twice in JSON the types keep free-form (a custom login type's fields, unknown
/// capabilities, UIA `params`, `well_known` extras, feature flags) is refused like one in a
/// known field, rather than read as the last of its values.
#[test]
fn duplicated_key_in_free_form_json() {
    use matrix_client_api::discovery::{get_capabilities, get_supported_versions};
    use matrix_client_api::session::get_login_types;

    fn ok(body: &str) -> http::Response<Vec<u8>> {
        http::Response::builder()
            .status(200)
            .body(body.as_bytes().to_vec())
            .unwrap()
    }
    fn login_request(body: &str) -> Result<login::v3::Request, FromHttpRequestError> {
        let request = http::Request::post("/_matrix/client/v3/login")
            .body(body.as_bytes().to_vec())
            .unwrap();
        login::v3::Request::try_from_http_request(request, &[] as &[&str])
    }
    fn assert_duplicate(err: impl std::fmt::Display, key: &str) {
        let err = err.to_string();
        assert!(err.contains(&format!("duplicate field `{key}`")), "{err}");
    }

    let err = login_request(
        r#"{"type": "m.login.password", "identifier": {"type": "m.id.user", "user": "a"},
            "password": "first", "password": "second"}"#,
    )
    .unwrap_err();
    assert_duplicate(err, "password");
    let err = login_request(r#"{"type": "org.example.login", "k": 1, "k": 2}"#).unwrap_err();
    assert_duplicate(err, "k");
    let err = get_token_request(br#"{"auth": {"type": "org.example", "k": {"a": 1, "a": 2}}}"#)
        .unwrap_err();
    assert_duplicate(err, "a");

    let err = get_login_types::v3::Response::try_from_http_response(ok(
        r#"{"flows": [{"type": "org.example.login", "k": 1, "k": 2}]}"#,
    ))
    .unwrap_err();
    assert_duplicate(err, "k");
    let err = get_capabilities::v3::Response::try_from_http_response(ok(
        r#"{"capabilities": {"m.room_versions": {}, "m.room_versions": {"default": "9"}}}"#,
    ))
    .unwrap_err();
    assert_duplicate(err, "m.room_versions");
    let err = get_supported_versions::Response::try_from_http_response(ok(
        r#"{"versions": ["v1.7"], "unstable_features": {"f": true, "f": false}}"#,
    ))
    .unwrap_err();
    assert_duplicate(err, "f");
    let err = login::v3::Response::try_from_http_response(ok(
        r#"{"user_id": "@a:b.org", "access_token": "t", "device_id": "D",
            "well_known": {"m.homeserver": {"base_url": "https://b.org"}, "o": 1, "o": 2}}"#,
    ))
    .unwrap_err();
    assert_duplicate(err, "o");

    // A 401 whose `params` gives a key twice is no UIA answer: kept as the bytes that came.
    let body = br#"{"flows": [], "params": {"a": 1, "a": 2}}"#;
    let response = http::Response::builder()
        .status(401)
        .body(body.to_vec())
        .unwrap();
    let err = v1::Response::try_from_http_response(response).unwrap_err();
    let FromHttpResponseError::Server(UiaaResponse::MatrixError(error)) = err else {
        panic!("{err:?}")
    };
    assert_eq!(error.body, ErrorBody::NotJson(body.to_vec()));
}

/// An error inside a nested object names the path to it and says what is wrong once, whether
/// the object was read in place or kept until its parent's `type` came.
#[test]
fn errors_inside_nested_objects_name_their_path() {
    fn json_error(err: FromHttpRequestError) -> (Option<String>, String) {
        let FromHttpRequestError::Deserialization(DeserializationError::Json(json)) = err else {
            panic!("{err:?}")
        };
        (json.field, json.message)
    }
    fn login(body: &str) -> (Option<String>, String) {
        let request = http::Request::post("/_matrix/client/v3/login")
            .body(body.as_bytes().to_vec())
            .unwrap();
        json_error(login::v3::Request::try_from_http_request(request, &[] as &[&str]).unwrap_err())
    }
    let missing_user = (
        Some("identifier".to_owned()),
        "missing field `user`".to_owned(),
    );
    for body in [
        r#"{"type": "m.login.password", "identifier": {"type": "m.id.user"}, "password": "x"}"#,
        r#"{"identifier": {"type": "m.id.user"}, "password": "x", "type": "m.login.password"}"#,
    ] {
        assert_eq!(login(body), missing_user, "{body}");
    }
    assert_eq!(
        login(r#"{"type": "m.login.password", "identifier": {"user": "a"}, "password": "x"}"#),
        (
            Some("identifier".to_owned()),
            "missing field `type`".to_owned()
        )
    );
    assert_eq!(
        login(
            r#"{"type": "m.login.password", "identifier": {"type": "m.id.phone", "country": "GB"},
                "password": "x"}"#
        ),
        (
            Some("identifier".to_owned()),
            "missing field `phone`".to_owned()
        )
    );
    let (field, message) = login(
        r#"{"type": "m.login.password", "identifier": {"type": "m.id.user", "user": 5},
            "password": "x"}"#,
    );
    assert_eq!(field.as_deref(), Some("identifier.user"));
    assert_eq!(message, "invalid type: integer `5`, expected a string");
    // Kept until the login's `type`, read without a place in the body: the field holding it.
    let (field, message) = login(
        r#"{"identifier": {"type": "m.id.user", "user": 5}, "password": "x",
            "type": "m.login.password"}"#,
    );
    assert_eq!(field.as_deref(), Some("identifier"));
    assert_eq!(message, "invalid type: integer `5`, expected a string");
    // A field the identifier kept until its own `type`, then found of the wrong type.
    let (field, message) = login(
        r#"{"type": "m.login.password", "identifier": {"user": 5, "type": "m.id.user"},
            "password": "x"}"#,
    );
    assert_eq!(field.as_deref(), Some("identifier.user"), "{message}");

    // A UIA stage's fields, sent before its `type`, inside the request's `auth`.
    let (field, message) = json_error(
        get_token_request(
            br#"{"auth": {"identifier": {"type": "m.id.user", "user": "a"}, "password": 5,
                 "type": "m.login.password"}}"#,
        )
        .unwrap_err(),
    );
    assert_eq!(field.as_deref(), Some("auth.password"), "{message}");
    let (field, message) = json_error(
        get_token_request(
            br#"{"auth": {"password": "x", "identifier": {"type": "m.id.user"},
                 "type": "m.login.password"}}"#,
        )
        .unwrap_err(),
    );
    assert_eq!(field.as_deref(), Some("auth.identifier"), "{message}");
    assert!(message.contains("missing field `user`"), "{message}");
}

/// An access token that cannot be sent is refused before anything is sent, naming the header:
/// an empty one, which a server would read as no token, and one with a line break.
#[test]
fn an_access_token_that_cannot_be_sent_is_refused() {
    use matrix_client_api::account::whoami;

    let versions = SupportedVersions::from_versions(&[matrix_api::MatrixVersion::V1_1]);
    let send = |token| {
        whoami::v3::Request::new().try_into_http_request(
            "https://hs.example",
            SendAccessToken::IfRequired(token),
            &versions,
        )
    };
    for (token, message) in [
        ("", "the access token is empty"),
        (" \t", "the access token is empty"),
        (
            "tok\nen",
            "the access token contains a character not allowed in a header",
        ),
    ] {
        let err = send(token).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("header `authorization` cannot be sent: {message}"),
            "{token:?}"
        );
    }
    let request = send("syt_abc").unwrap();
    assert_eq!(request.headers()["authorization"], "Bearer syt_abc");
}
