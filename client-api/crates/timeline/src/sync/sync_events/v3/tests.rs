//! The shapes of `/sync` that a mistake would break: the filter's two forms in the query, the
//! timeout in milliseconds, and objects that are present but empty.

use std::time::Duration;

use matrix_api::{
    IncomingRequest, IncomingResponse, MatrixVersion, OutgoingRequest, OutgoingResponse,
    SendAccessToken, SupportedVersions,
};
use ruma_common::presence::PresenceState;
use serde_json::json;

use super::{Request, Response};
use crate::filter::{Filter, FilterDefinition};

fn send(request: Request) -> http::Request<Vec<u8>> {
    request
        .try_into_http_request(
            "https://hs",
            SendAccessToken::IfRequired("t"),
            &SupportedVersions::from_versions(&[MatrixVersion::V1_1]),
        )
        .unwrap()
}

fn read(query: &str) -> Result<Request, matrix_api::FromHttpRequestError> {
    let request = http::Request::get(format!("/_matrix/client/v3/sync?{query}"))
        .header("authorization", "Bearer t")
        .body(Vec::new())
        .unwrap();
    Request::try_from_http_request(request, &[] as &[&str])
}

#[test]
fn an_inline_filter_is_encoded_json_and_reads_back() {
    let mut definition = FilterDefinition::new();
    definition.room.timeline.limit = Some(10u32.into());
    definition.room.rooms = Some(vec!["!a:example.org".parse().unwrap()]);
    let request = Request {
        filter: Some(definition.clone().into()),
        since: Some("s72594_4483_1934".to_owned()),
        timeout: Some(Duration::from_secs(30)),
        set_presence: PresenceState::Unavailable,
        ..Request::new()
    };
    let sent = send(request);
    assert_eq!(
        sent.uri().query(),
        Some(
            "filter=%7B%22room%22%3A%7B%22rooms%22%3A%5B%22%21a%3Aexample.org%22%5D%2C\
             %22timeline%22%3A%7B%22limit%22%3A10%7D%7D%7D&since=s72594_4483_1934\
             &set_presence=unavailable&timeout=30000"
        )
    );
    let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
    assert_eq!(read.filter, Some(Filter::from(definition)));
    assert_eq!(read.timeout, Some(Duration::from_millis(30000)));
    assert_eq!(read.set_presence, PresenceState::Unavailable);
    assert!(!read.full_state && !read.use_state_after);
}

#[test]
fn a_filter_id_is_sent_as_it_is() {
    let request = Request {
        filter: Some(Filter::Id("66696p746572".to_owned())),
        full_state: true,
        use_state_after: true,
        ..Request::new()
    };
    let sent = send(request);
    assert_eq!(
        sent.uri().query(),
        Some("filter=66696p746572&full_state=true&use_state_after=true")
    );
    let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
    assert_eq!(read.filter, Some(Filter::Id("66696p746572".to_owned())));
    assert!(read.full_state && read.use_state_after);
    // Nothing set, nothing sent: the defaults are the server's.
    assert_eq!(send(Request::new()).uri().query(), None);
}

#[test]
fn a_bad_filter_or_timeout_names_its_parameter() {
    let err = read("filter=%7B%22room%22%3A1%7D").unwrap_err();
    assert!(
        err.to_string()
            .starts_with("query parameter `filter`: not a filter"),
        "{err}"
    );
    let err = read("timeout=soon").unwrap_err();
    assert!(err.to_string().contains("`timeout`"), "{err}");
    // Unknown presence values are kept, not refused.
    assert_eq!(
        read("set_presence=busy").unwrap().set_presence.as_str(),
        "busy"
    );
}

#[test]
fn present_but_empty_objects_stay_present() {
    let body = json!({
        "next_batch": "s1",
        "rooms": {
            "join": {
                "!a:example.org": {
                    "state_after": { "events": [] },
                    "timeline": { "events": [], "limited": true, "prev_batch": "p" },
                    "unread_thread_notifications": { "$root": { "notification_count": 2 } },
                },
            },
            "leave": {},
        },
        "device_one_time_keys_count": { "signed_curve25519": 50 },
        "device_unused_fallback_key_types": [],
    });
    let response = http::Response::builder()
        .status(200)
        .body(serde_json::to_vec(&body).unwrap())
        .unwrap();
    let response = Response::try_from_http_response(response).unwrap();
    let rooms = response.rooms.as_ref().unwrap();
    assert!(rooms.leave.as_ref().unwrap().is_empty());
    assert!(rooms.invite.is_none());
    let joined = &rooms.join.as_ref().unwrap()[&"!a:example.org"
        .parse::<ruma_common::OwnedRoomId>()
        .unwrap()];
    assert!(joined.state.is_none());
    assert!(joined.state_after.as_ref().unwrap().events.is_empty());
    let sent = response.try_into_http_response().unwrap();
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(sent.body()).unwrap(),
        body
    );
}
