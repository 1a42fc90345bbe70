//! Path parameters of any type that serde writes and reads as one string: ruma-common's
//! identifiers (the transaction ID among them, which has no `FromStr`), strings, enums whose
//! variants are renamed, integers; percent-encoded on the way out, decoded on the way in.

mod common;

use common::{v1_1, HS};
use matrix_api::{
    FromHttpRequestError, IncomingRequest, IncomingResponse, IntoHttpError, OutgoingRequest,
    OutgoingResponse, SendAccessToken,
};
use matrix_api_tests::{get_state, get_thing, send_message, send_receipt};
use ruma_common::OwnedTransactionId;
use serde_json::json;

#[test]
fn send_with_identifier_path_parameters_round_trips() {
    let request = send_message::Request {
        room_id: "!room/1:example.org".parse().unwrap(),
        event_type: "m.room.message".to_owned(),
        txn_id: OwnedTransactionId::from("m1 7?#%"),
        content: json!({ "body": "hi" }).as_object().unwrap().clone(),
    };
    // Client → server.
    let sent = request
        .clone()
        .try_into_http_request(HS, SendAccessToken::IfRequired("t"), &v1_1())
        .unwrap();
    assert_eq!(
        sent.uri().path(),
        "/_matrix/client/v3/rooms/%21room%2F1%3Aexample.org/send/m.room.message/m1%207%3F%23%25"
    );
    let received = send_message::Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
    assert_eq!(received.room_id, request.room_id);
    assert_eq!(received.txn_id, request.txn_id);
    assert_eq!(received.event_type, request.event_type);
    // Server → client.
    let response = send_message::Response {
        event_id: "$e:example.org".parse().unwrap(),
    };
    let answer = response.try_into_http_response().unwrap();
    let read = send_message::Response::try_from_http_response(answer).unwrap();
    assert_eq!(read.event_id.as_str(), "$e:example.org");
}

#[test]
fn an_enum_path_parameter_is_its_renamed_variant() {
    for (receipt_type, segment) in [
        (send_receipt::ReceiptType::Read, "m.read"),
        (send_receipt::ReceiptType::ReadPrivate, "m.read.private"),
        (send_receipt::ReceiptType::FullyRead, "m.fully_read"),
    ] {
        let request = send_receipt::Request {
            room_id: "!r:example.org".parse().unwrap(),
            receipt_type,
            event_id: "$ev/1:example.org".parse().unwrap(),
        };
        let sent = request
            .clone()
            .try_into_http_request(HS, SendAccessToken::IfRequired("t"), &v1_1())
            .unwrap();
        assert_eq!(
            sent.uri().path(),
            format!(
                "/_matrix/client/v3/rooms/%21r%3Aexample.org/receipt/{segment}/%24ev%2F1%3Aexample.org"
            )
        );
        let received = send_receipt::Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
        assert_eq!(received.receipt_type, receipt_type);
        assert_eq!(received.event_id, request.event_id);
        // A router's (already decoded) arguments read the same.
        let routed = send_receipt::Request::try_from_http_request(
            http_post(&format!("/_matrix/client/v3/rooms/x/receipt/{segment}/y")),
            &["!r:example.org", segment, "$ev/1:example.org"],
        )
        .unwrap();
        assert_eq!(routed.receipt_type, receipt_type);
    }
}

fn http_post(path: &str) -> matrix_api::http::Request<Vec<u8>> {
    matrix_api::http::Request::post(path)
        .header("authorization", "Bearer t")
        .body(b"{}".to_vec())
        .unwrap()
}

#[test]
fn an_unknown_variant_or_a_bad_identifier_names_the_segment() {
    let err = send_receipt::Request::try_from_http_request(
        http_post("/_matrix/client/v3/rooms/%21r%3Ax/receipt/m.unknown/%24e%3Ax"),
        &[] as &[&str],
    )
    .unwrap_err();
    let message = err.to_string();
    assert!(
        message.starts_with("path segment 1 (`{receipt_type}`): unknown variant `m.unknown`"),
        "{message}"
    );
    assert!(matches!(err, FromHttpRequestError::Deserialization(_)));
    let err = send_receipt::Request::try_from_http_request(
        http_post("/_matrix/client/v3/rooms/not-a-room/receipt/m.read/%24e%3Ax"),
        &[] as &[&str],
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("path segment 0 (`{room_id}`): "),
        "{err}"
    );
}

#[test]
fn a_value_without_text_is_refused_by_the_client() {
    let request = get_thing::Request {
        thing: json!(["a", "b"]),
    };
    let err = request
        .try_into_http_request(HS, SendAccessToken::None, &v1_1())
        .unwrap_err();
    assert_eq!(
        err,
        IntoHttpError::PathParameter {
            name: "thing".to_owned(),
            message: "a path parameter is one piece of text, and this value is a list".to_owned(),
        }
    );
    let request = get_thing::Request { thing: json!(7) };
    let sent = request
        .try_into_http_request(HS, SendAccessToken::None, &v1_1())
        .unwrap();
    assert_eq!(sent.uri().path(), "/_matrix/client/v3/things/7");
}

#[test]
fn an_empty_state_key_leaves_its_segment_out_and_reads_back_from_every_form() {
    let request = |state_key: &str| get_state::Request {
        room_id: "!r:example.org".parse().unwrap(),
        event_type: "m.room.name".to_owned(),
        state_key: state_key.to_owned(),
    };
    let send = |state_key: &str| {
        request(state_key)
            .try_into_http_request(HS, SendAccessToken::IfRequired("t"), &v1_1())
            .unwrap()
    };
    let base = "/_matrix/client/v3/rooms/%21r%3Aexample.org/state/m.room.name";
    assert_eq!(send("").uri().path(), base);
    assert_eq!(send("@a:b").uri().path(), format!("{base}/%40a%3Ab"));
    // The server reads the empty key from the form clients send and from the one with a slash.
    for (path, key) in [(base.to_owned(), ""), (format!("{base}/"), "")] {
        let http = matrix_api::http::Request::get(format!("{HS}{path}"))
            .header("authorization", "Bearer t")
            .body(Vec::<u8>::new())
            .unwrap();
        let read = get_state::Request::try_from_http_request(http, &[] as &[&str]).unwrap();
        assert_eq!(read.state_key, key, "{path}");
        assert_eq!(read.event_type, "m.room.name");
    }
    let read = get_state::Request::try_from_http_request(send("@a:b"), &[] as &[&str]).unwrap();
    assert_eq!(read.state_key, "@a:b");
    // A router that matched the short route passes one argument fewer.
    let args = ["!r:example.org", "m.room.name"];
    let read = get_state::Request::try_from_http_request(send(""), &args).unwrap();
    assert_eq!(read.event_type, "m.room.name");
    assert_eq!(read.state_key, "");
}

#[test]
fn an_empty_path_parameter_elsewhere_is_refused_by_the_client() {
    let request = send_message::Request {
        room_id: "!room:example.org".parse().unwrap(),
        event_type: String::new(),
        txn_id: OwnedTransactionId::from("m1"),
        content: Default::default(),
    };
    let err = request
        .try_into_http_request(HS, SendAccessToken::IfRequired("t"), &v1_1())
        .unwrap_err();
    assert!(
        matches!(&err, IntoHttpError::PathParameter { name, .. } if name == "event_type"),
        "{err:?}"
    );
    assert!(err.to_string().contains("empty"), "{err}");
}
