//! The bigger rows: `/sync` (50 KB and 1 MB), `/messages`, sending a message, `createRoom`, a
//! 1 MiB media upload, `/keys/query` and `/keys/upload`, each in the three columns of
//! [`crate::operations`], and [`verify`], their checks before timing.
//!
//! The inputs of the response rows are the committed fixtures ([`crate::fixtures`]); those of
//! the request rows are built here. A write row's typed input is what the same column parses
//! from the wire form, built outside the timing, so that every column writes the same values.
//!
//! The checks write each column's parsed value back with the same column and compare the
//! result with the input: a column that parses less than the others (drops a room, an event,
//! a field) writes less, and the check fails. Bodies are compared as bytes between ours and the
//! floor (whose structs declare their fields in our order), and as `serde_json::Value`s
//! wherever the order of fields differs, which is said at each place.
//!
//! | row | conversion | input | batch |
//! | --- | --- | --- | ---: |
//! | sync http→response, 50 KB | client: `http::Response` → `sync_events::v3::Response` | `fixtures/sync-50k.json` (53,461 bytes): 7 joined rooms (summary, state, timeline of 9–15 events, typing and receipts, room account data, unread counts), 2 invites, 2 left rooms, presence, account data, to-device, device lists, key counts | 16 |
//! | sync response→http, 50 KB | server: `Response` → `http::Response` | the same, as each column reads it | 16 |
//! | sync http→response, 1 MB | client | `fixtures/sync-1m.json` (1,005,227 bytes): 130 joined rooms of 8–24 timeline events (2,084 in all), the rest as above | 4 |
//! | sync response→http, 1 MB | server | the same | 4 |
//! | messages http→response, 80 events | client: `get_message_events::v3` | `fixtures/messages.json` (36,142 bytes): `start`, `end`, 80 events, 8 member events in `state` | 16 |
//! | send message request→http | client: `send_message_event::v3::Request` → `http::Request` | a formatted `m.room.message` reply with a mention, non-ASCII text | 64 |
//! | send message http→request | server | the same | 64 |
//! | createRoom request→http | client: `create_room::v3` | name, topic, 3 invites, 3 initial state events, power level override, creation content, room version 11, preset, alias, visibility | 64 |
//! | createRoom http→request | server | the same | 64 |
//! | upload request→http, 1 MiB | client: `media::create_content::v3` | 1 MiB, `Content-Type` and `filename` | 4 |
//! | upload http→request, 1 MiB | server | the same | 4 |
//! | keys/query http→response, 20 users | client: `keys::get_keys::v3` | `fixtures/keys-query.json` (36,602 bytes): 20 users × 1–4 devices, master and self-signing keys, the caller's user-signing key, one failure | 16 |
//! | keys/upload request→http, 50 keys | client: `keys::upload_keys::v3` | `fixtures/keys-upload.json` (12,167 bytes): device keys, 50 signed one-time keys, a fallback key | 64 |

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::LazyLock;

use matrix_api::{IncomingRequest as _, IncomingResponse as _};
use ruma_common::api::{
    IncomingRequestExt as _, IncomingResponseExt as _, OutgoingRequestExt as _,
    OutgoingResponseExt as _,
};
use ruma_common::{
    OneTimeKeyAlgorithm, OwnedDeviceId, OwnedOneTimeKeyId, OwnedRoomId, OwnedServerName,
    OwnedTransactionId, OwnedUserId, RoomVersionId,
};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;

use crate::fixtures::{KEYS_QUERY, KEYS_UPLOAD, MESSAGES, SYNC_1M, SYNC_50K};
use crate::operations::{borrowed_request, borrowed_response, Measure, Op, BATCH};
use crate::*;

/// Our endpoints of these rows.
pub mod ours_api {
    pub use matrix_client_api::keys::get_keys::v3 as get_keys;
    pub use matrix_client_api::keys::upload_keys::v3 as upload_keys;
    pub use matrix_client_api::media::create_content::v3 as upload;
    pub use matrix_client_api::message::get_message_events::v3 as messages;
    pub use matrix_client_api::message::send_message_event::v3 as send;
    pub use matrix_client_api::room::create_room::v3 as create_room;
    pub use matrix_client_api::sync::sync_events::v3 as sync;
}

/// Ruma's, at the same module paths.
pub mod ruma_api {
    pub use ruma_client_api::keys::get_keys::v3 as get_keys;
    pub use ruma_client_api::keys::upload_keys::v3 as upload_keys;
    pub use ruma_client_api::media::create_content::v3 as upload;
    pub use ruma_client_api::message::get_message_events::v3 as messages;
    pub use ruma_client_api::message::send_message_event::v3 as send;
    pub use ruma_client_api::room::create_room::v3 as create_room;
    pub use ruma_client_api::sync::sync_events::v3 as sync;
}

use ours_api as o;
use ruma_api as r;

/// An event or other JSON kept as it came, as ours and Ruma keep events.
type Json = Box<RawValue>;

// ---- the floor's structs. Identifiers have the endpoints' types (they are checked as they are
// read); events stay raw JSON as both endpoints keep them; fields are declared in our order, so
// that ours and the floor write the same bytes.

/// A list of events.
#[derive(Serialize, Deserialize)]
pub struct FloorEvents {
    /// The events, raw.
    #[serde(default)]
    pub events: Vec<Json>,
}

/// A sync's timeline of a room.
#[derive(Serialize, Deserialize)]
pub struct FloorTimeline {
    /// Whether the events were cut short.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub limited: bool,
    /// The token to page back from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prev_batch: Option<String>,
    /// The events, raw.
    pub events: Vec<Json>,
}

/// A room's summary.
#[derive(Serialize, Deserialize)]
pub struct FloorSummary {
    /// The heroes.
    #[serde(rename = "m.heroes", skip_serializing_if = "Option::is_none")]
    pub heroes: Option<Vec<OwnedUserId>>,
    /// Joined members.
    #[serde(
        rename = "m.joined_member_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub joined_member_count: Option<u64>,
    /// Invited members.
    #[serde(
        rename = "m.invited_member_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub invited_member_count: Option<u64>,
}

/// Unread notification counts.
#[derive(Serialize, Deserialize)]
pub struct FloorUnread {
    /// Highlights.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub highlight_count: Option<u64>,
    /// All.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notification_count: Option<u64>,
}

/// A joined room of a sync.
#[derive(Serialize, Deserialize)]
pub struct FloorJoined {
    /// See [`FloorSummary`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<FloorSummary>,
    /// State before the timeline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<FloorEvents>,
    /// The timeline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeline: Option<FloorTimeline>,
    /// Typing and receipts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ephemeral: Option<FloorEvents>,
    /// Room account data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_data: Option<FloorEvents>,
    /// Unread counts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unread_notifications: Option<FloorUnread>,
}

/// An invited room.
#[derive(Serialize, Deserialize)]
pub struct FloorInvited {
    /// The stripped state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invite_state: Option<FloorEvents>,
}

/// A left room.
#[derive(Serialize, Deserialize)]
pub struct FloorLeft {
    /// State before the timeline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<FloorEvents>,
    /// The timeline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeline: Option<FloorTimeline>,
    /// Room account data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_data: Option<FloorEvents>,
}

/// The rooms of a sync.
#[derive(Serialize, Deserialize)]
pub struct FloorRooms {
    /// Joined rooms.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub join: Option<BTreeMap<OwnedRoomId, FloorJoined>>,
    /// Invitations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invite: Option<BTreeMap<OwnedRoomId, FloorInvited>>,
    /// Left rooms.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub leave: Option<BTreeMap<OwnedRoomId, FloorLeft>>,
}

/// Device list changes.
#[derive(Serialize, Deserialize)]
pub struct FloorDeviceLists {
    /// Changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changed: Option<Vec<OwnedUserId>>,
    /// Left.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub left: Option<Vec<OwnedUserId>>,
}

/// A `/sync` response.
#[derive(Serialize, Deserialize)]
pub struct FloorSync {
    /// The next token.
    pub next_batch: String,
    /// See [`FloorRooms`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rooms: Option<FloorRooms>,
    /// Presence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub presence: Option<FloorEvents>,
    /// Global account data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_data: Option<FloorEvents>,
    /// To-device events.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_device: Option<FloorEvents>,
    /// See [`FloorDeviceLists`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device_lists: Option<FloorDeviceLists>,
    /// One-time key counts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device_one_time_keys_count: Option<BTreeMap<OneTimeKeyAlgorithm, u64>>,
    /// Unused fallback key algorithms.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device_unused_fallback_key_types: Option<Vec<OneTimeKeyAlgorithm>>,
}

/// A `/messages` page.
#[derive(Serialize, Deserialize)]
pub struct FloorMessages {
    /// Where the page starts.
    pub start: String,
    /// Where it ends.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// The events, raw.
    pub chunk: Vec<Json>,
    /// The state of their senders, raw.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub state: Vec<Json>,
}

/// A `/keys/query` response.
#[derive(Serialize, Deserialize)]
pub struct FloorKeysQuery {
    /// Unreachable servers, each with the error read as a JSON object, as ours does.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub failures: BTreeMap<OwnedServerName, serde_json::Map<String, Value>>,
    /// Device keys by user and device, raw.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub device_keys: BTreeMap<OwnedUserId, BTreeMap<OwnedDeviceId, Json>>,
    /// Master keys, raw.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub master_keys: BTreeMap<OwnedUserId, Json>,
    /// Self-signing keys, raw.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub self_signing_keys: BTreeMap<OwnedUserId, Json>,
    /// User-signing keys, raw.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub user_signing_keys: BTreeMap<OwnedUserId, Json>,
}

/// A `/keys/upload` body.
#[derive(Serialize, Deserialize)]
pub struct FloorKeysUpload {
    /// The device's keys, raw.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device_keys: Option<Json>,
    /// One-time keys, raw.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub one_time_keys: BTreeMap<OwnedOneTimeKeyId, Json>,
    /// Fallback keys, raw.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fallback_keys: BTreeMap<OwnedOneTimeKeyId, Json>,
}

/// A `createRoom` preset.
#[derive(Serialize, Deserialize, PartialEq, Eq, Debug)]
#[serde(rename_all = "snake_case")]
pub enum FloorPreset {
    /// Invite only, history shared.
    PrivateChat,
    /// Public join rule.
    PublicChat,
    /// Invite only, invitees admins.
    TrustedPrivateChat,
}

/// A room directory visibility.
#[derive(Serialize, Deserialize, PartialEq, Eq, Debug)]
#[serde(rename_all = "snake_case")]
pub enum FloorVisibility {
    /// Listed.
    Public,
    /// Not listed.
    Private,
}

/// A `createRoom` body, its fields in the alphabetical order ours and Ruma declare them in.
#[derive(Serialize, Deserialize)]
pub struct FloorCreateRoom {
    /// `m.room.create` content, raw.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creation_content: Option<Json>,
    /// Initial state events, raw.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub initial_state: Vec<Json>,
    /// Users to invite.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub invite: Vec<OwnedUserId>,
    /// A direct chat.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub is_direct: bool,
    /// The name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Power levels over the preset's, raw.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub power_level_content_override: Option<Json>,
    /// The preset.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preset: Option<FloorPreset>,
    /// The local part of an alias.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub room_alias_name: Option<String>,
    /// The room version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub room_version: Option<RoomVersionId>,
    /// The topic.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// Directory visibility.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub visibility: Option<FloorVisibility>,
}

/// A message to send: the path's parts and the content.
pub struct FloorSend {
    /// The room.
    pub room_id: OwnedRoomId,
    /// The event type.
    pub event_type: String,
    /// The transaction ID.
    pub txn_id: OwnedTransactionId,
    /// The content, raw: it is the body, byte for byte.
    pub content: Json,
}

/// A media upload: type, name and bytes.
pub struct FloorUpload {
    /// The `Content-Type`.
    pub content_type: String,
    /// The `filename` query parameter.
    pub filename: String,
    /// The file.
    pub file: Vec<u8>,
}

// ---- the floor's path handling: percent-encoding of a path segment or query value (every
// byte but the unreserved ones, as ours and Ruma do), and decoding.

/// Percent-encodes every byte but RFC 3986's unreserved characters.
pub fn percent_encode(out: &mut String, text: &str) {
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(HEX[(byte >> 4) as usize] as char);
            out.push(HEX[(byte & 15) as usize] as char);
        }
    }
}

/// Percent-decodes a path segment or query value (`+` is not a space here: the floor's
/// values have none), borrowing when there is nothing to decode.
pub fn percent_decode(text: &str) -> Cow<'_, str> {
    if !text.contains('%') {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Cow::Owned(String::from_utf8(out).unwrap())
}

// ---- inputs

/// The room messages are sent to.
pub const ROOM: &str = "!aBcDeFgHiJkLmNoPqR:example.org";
/// The send's transaction ID.
pub const TXN: &str = "m1764547200000.17";
/// The message sent: a formatted reply with a mention.
pub const MESSAGE: &str = r#"{"msgtype":"m.text","body":"> <@bob:example.org> shall we meet tomorrow at ten?\n\nYes — ten works, café on the corner ☕","format":"org.matrix.custom.html","formatted_body":"<mx-reply><blockquote><a href=\"https://matrix.to/#/!aBcDeFgHiJkLmNoPqR:example.org/$Px7-SImsOXGtaMCKtB2zylrUWJyjQT9OjVUPbWf2RLo\">In reply to</a> <a href=\"https://matrix.to/#/@bob:example.org\">@bob:example.org</a><br>shall we meet tomorrow at ten?</blockquote></mx-reply>Yes — ten works, café on the corner ☕","m.mentions":{"user_ids":["@bob:example.org"]},"m.relates_to":{"m.in_reply_to":{"event_id":"$Px7-SImsOXGtaMCKtB2zylrUWJyjQT9OjVUPbWf2RLo"}}}"#;
/// The uploaded file's name.
pub const FILENAME: &str = "IMG_20261130_101500.jpg";
/// The uploaded file's type.
pub const FILE_TYPE: &str = "image/jpeg";
/// The uploaded file: 1 MiB of bytes that are not all alike.
pub static FILE: LazyLock<Vec<u8>> = LazyLock::new(|| {
    (0..1u32 << 20)
        .map(|i| (i.wrapping_mul(31) % 251) as u8)
        .collect()
});

fn raw(json: &str) -> Json {
    RawValue::from_string(json.to_owned()).unwrap()
}

/// The `createRoom` body: every field a client sets in practice.
pub fn floor_create_room() -> FloorCreateRoom {
    FloorCreateRoom {
        creation_content: Some(raw(r#"{"m.federate":true}"#)),
        initial_state: vec![
            raw(
                r#"{"type":"m.room.encryption","state_key":"","content":{"algorithm":"m.megolm.v1.aes-sha2","rotation_period_ms":604800000}}"#,
            ),
            raw(
                r#"{"type":"m.room.history_visibility","state_key":"","content":{"history_visibility":"joined"}}"#,
            ),
            raw(
                r#"{"type":"m.room.guest_access","state_key":"","content":{"guest_access":"forbidden"}}"#,
            ),
        ],
        invite: [
            "@bob:example.org",
            "@carol:matrix.org",
            "@dmitri:example.com",
        ]
        .into_iter()
        .map(|u| u.try_into().unwrap())
        .collect(),
        is_direct: false,
        name: Some("Release planning — Q1 🚀".to_owned()),
        power_level_content_override: Some(raw(
            r#"{"users":{"@alice:example.org":100,"@bob:example.org":50},"events":{"m.room.name":50,"m.room.topic":50},"invite":50}"#,
        )),
        preset: Some(FloorPreset::PrivateChat),
        room_alias_name: Some("release-planning".to_owned()),
        room_version: Some(RoomVersionId::V11),
        topic: Some("Dates, owners and the release notes of the first quarter".to_owned()),
        visibility: Some(FloorVisibility::Public),
    }
}

fn floor_send_input() -> FloorSend {
    FloorSend {
        room_id: ROOM.try_into().unwrap(),
        event_type: "m.room.message".to_owned(),
        txn_id: TXN.into(),
        content: raw(MESSAGE),
    }
}

fn floor_upload_input() -> FloorUpload {
    FloorUpload {
        content_type: FILE_TYPE.to_owned(),
        filename: FILENAME.to_owned(),
        file: FILE.clone(),
    }
}

// ---- the floor's conversions

/// The floor's send: PUT to the path with the room and transaction ID encoded, the content
/// as the body, moved.
pub fn floor_send(b: FloorSend) -> HttpRequest {
    let mut uri = String::with_capacity(128);
    uri.push_str(BASE);
    uri.push_str("/_matrix/client/v3/rooms/");
    percent_encode(&mut uri, b.room_id.as_str());
    uri.push_str("/send/");
    percent_encode(&mut uri, &b.event_type);
    uri.push('/');
    percent_encode(&mut uri, b.txn_id.as_str());
    let body: Box<str> = b.content.into();
    let mut request = http::Request::new(body.into_boxed_bytes().into_vec());
    *request.method_mut() = http::Method::PUT;
    *request.uri_mut() = http::Uri::try_from(uri).unwrap();
    let headers = request.headers_mut();
    headers.insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("application/json"),
    );
    headers.insert(
        http::header::AUTHORIZATION,
        http::HeaderValue::try_from(format!("Bearer {TOKEN}")).unwrap(),
    );
    request
}

/// The floor's server side of send: the path's three parts, decoded and checked, and the body.
pub fn floor_parse_send(request: HttpRequest) -> FloorSend {
    assert_eq!(request.method(), http::Method::PUT);
    let path = request.uri().path();
    let mut parts = path
        .strip_prefix("/_matrix/client/v3/rooms/")
        .unwrap()
        .split('/');
    let room_id = parts.next().unwrap();
    assert_eq!(parts.next(), Some("send"));
    let (event_type, txn_id) = (parts.next().unwrap(), parts.next().unwrap());
    FloorSend {
        room_id: percent_decode(room_id).as_ref().try_into().unwrap(),
        event_type: percent_decode(event_type).into_owned(),
        txn_id: percent_decode(txn_id).as_ref().into(),
        content: serde_json::from_slice(request.body()).unwrap(),
    }
}

/// The floor's upload: POST with the name in the query, the type in a header, the bytes moved
/// into the body.
pub fn floor_upload(b: FloorUpload) -> HttpRequest {
    let mut uri = String::with_capacity(96);
    uri.push_str(BASE);
    uri.push_str("/_matrix/media/v3/upload?filename=");
    percent_encode(&mut uri, &b.filename);
    let mut request = http::Request::new(b.file);
    *request.method_mut() = http::Method::POST;
    *request.uri_mut() = http::Uri::try_from(uri).unwrap();
    let headers = request.headers_mut();
    headers.insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::try_from(b.content_type).unwrap(),
    );
    headers.insert(
        http::header::AUTHORIZATION,
        http::HeaderValue::try_from(format!("Bearer {TOKEN}")).unwrap(),
    );
    request
}

/// The floor's server side of the upload: the type, the name and the body, moved.
pub fn floor_parse_upload(request: HttpRequest) -> FloorUpload {
    assert_eq!(request.method(), http::Method::POST);
    let (parts, file) = request.into_parts();
    let filename = parts
        .uri
        .query()
        .and_then(|q| q.strip_prefix("filename="))
        .unwrap();
    FloorUpload {
        content_type: parts.headers[http::header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .to_owned(),
        filename: percent_decode(filename).into_owned(),
        file,
    }
}

/// A fixture as the server's answer: status 200, JSON, the bytes copied (outside the timing).
fn json_response(body: &[u8]) -> HttpResponse {
    let mut response = http::Response::new(body.to_vec());
    response.headers_mut().insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("application/json"),
    );
    response
}

fn sync_50k_http() -> HttpResponse {
    json_response(&SYNC_50K)
}

fn sync_1m_http() -> HttpResponse {
    json_response(&SYNC_1M)
}

fn messages_http() -> HttpResponse {
    json_response(&MESSAGES)
}

fn keys_query_http() -> HttpResponse {
    json_response(&KEYS_QUERY)
}

/// The send request every server-side column reads: the floor's.
pub fn send_http() -> HttpRequest {
    floor_send(floor_send_input())
}

/// The `createRoom` request every server-side column reads.
pub fn create_room_http() -> HttpRequest {
    floor_request("/_matrix/client/v3/createRoom", TOKEN, &floor_create_room())
}

/// The 1 MiB upload every server-side column reads.
pub fn upload_http() -> HttpRequest {
    floor_upload(floor_upload_input())
}

/// The `/keys/upload` request: the fixture's keys, written by the floor.
pub fn keys_upload_http() -> HttpRequest {
    floor_request(
        "/_matrix/client/v3/keys/upload",
        TOKEN,
        &floor_keys_upload_input(),
    )
}

fn floor_keys_upload_input() -> FloorKeysUpload {
    serde_json::from_slice(&KEYS_UPLOAD).unwrap()
}

/// Ruma's router hands its server side the path's parameters, decoded.
const SEND_PATH_ARGS: [&str; 3] = [ROOM, "m.room.message", TXN];

// Each column's parsers, as plain functions: the write rows build their inputs with them.

fn ours_send(request: HttpRequest) -> o::send::Request {
    o::send::Request::try_from_http_request(request, &[] as &[&str]).unwrap()
}

fn ruma_send(request: HttpRequest) -> r::send::Request {
    borrowed_request(request, |r| {
        r::send::Request::try_from_http_request(r, &SEND_PATH_ARGS).unwrap()
    })
}

fn ours_create_room(request: HttpRequest) -> o::create_room::Request {
    o::create_room::Request::try_from_http_request(request, &[] as &[&str]).unwrap()
}

fn ruma_create_room(request: HttpRequest) -> r::create_room::Request {
    borrowed_request(request, |r| {
        r::create_room::Request::try_from_http_request(r, &[] as &[&str]).unwrap()
    })
}

fn ours_upload(request: HttpRequest) -> o::upload::Request {
    o::upload::Request::try_from_http_request(request, &[] as &[&str]).unwrap()
}

fn ruma_upload(request: HttpRequest) -> r::upload::Request {
    borrowed_request(request, |r| {
        r::upload::Request::try_from_http_request(r, &[] as &[&str]).unwrap()
    })
}

fn ours_keys_upload(request: HttpRequest) -> o::upload_keys::Request {
    o::upload_keys::Request::try_from_http_request(request, &[] as &[&str]).unwrap()
}

fn ruma_keys_upload(request: HttpRequest) -> r::upload_keys::Request {
    borrowed_request(request, |r| {
        r::upload_keys::Request::try_from_http_request(r, &[] as &[&str]).unwrap()
    })
}

fn ours_sync(response: HttpResponse) -> o::sync::Response {
    o::sync::Response::try_from_http_response(response).unwrap()
}

fn ruma_sync(response: HttpResponse) -> r::sync::Response {
    borrowed_response(response, |r| {
        r::sync::Response::try_from_http_response(r).unwrap()
    })
}

fn ours_messages(response: HttpResponse) -> o::messages::Response {
    o::messages::Response::try_from_http_response(response).unwrap()
}

fn ruma_messages(response: HttpResponse) -> r::messages::Response {
    borrowed_response(response, |r| {
        r::messages::Response::try_from_http_response(r).unwrap()
    })
}

fn ours_keys_query(response: HttpResponse) -> o::get_keys::Response {
    o::get_keys::Response::try_from_http_response(response).unwrap()
}

fn ruma_keys_query(response: HttpResponse) -> r::get_keys::Response {
    borrowed_response(response, |r| {
        r::get_keys::Response::try_from_http_response(r).unwrap()
    })
}

// Each column's writers.

fn ours_write_request<R: matrix_api::OutgoingRequest>(request: R) -> HttpRequest {
    request
        .try_into_http_request(BASE, ours_token(), &OURS_STABLE)
        .unwrap()
}

fn ruma_write_request<R>(request: R) -> HttpRequest
where
    R: ruma_common::api::OutgoingRequest<
        Authentication = ruma_common::api::auth_scheme::AccessToken,
        PathBuilder = ruma_common::api::path_builder::VersionHistory,
    >,
{
    request
        .try_into_http_request::<Vec<u8>>(BASE, ruma_token(), cow(&RUMA_STABLE))
        .unwrap()
}

fn ours_write_response<R: matrix_api::OutgoingResponse>(response: R) -> HttpResponse {
    response.try_into_http_response().unwrap()
}

fn ruma_write_response<R: ruma_common::api::OutgoingResponse>(response: R) -> HttpResponse {
    response.try_into_http_response::<Vec<u8>>().unwrap()
}

/// Calls per timed block of the 50 KB rows and the other mid-sized ones.
const MID_BATCH: u64 = 16;
/// Calls per timed block of the 1 MB and 1 MiB rows.
const BIG_BATCH: u64 = 4;

/// The rows of this module, in the table's order.
pub fn rows() -> Vec<Box<dyn Measure>> {
    vec![
        Box::new(Op {
            name: "sync http→response, 50 KB",
            batch: MID_BATCH,
            ours: (sync_50k_http, ours_sync),
            ruma: (sync_50k_http, ruma_sync),
            floor: (sync_50k_http, floor_parse_response::<FloorSync>),
        }),
        Box::new(Op {
            name: "sync response→http, 50 KB",
            batch: MID_BATCH,
            ours: (|| ours_sync(sync_50k_http()), ours_write_response),
            ruma: (|| ruma_sync(sync_50k_http()), ruma_write_response),
            floor: (
                || floor_parse_response::<FloorSync>(sync_50k_http()),
                |b| floor_response(&b),
            ),
        }),
        Box::new(Op {
            name: "sync http→response, 1 MB",
            batch: BIG_BATCH,
            ours: (sync_1m_http, ours_sync),
            ruma: (sync_1m_http, ruma_sync),
            floor: (sync_1m_http, floor_parse_response::<FloorSync>),
        }),
        Box::new(Op {
            name: "sync response→http, 1 MB",
            batch: BIG_BATCH,
            ours: (|| ours_sync(sync_1m_http()), ours_write_response),
            ruma: (|| ruma_sync(sync_1m_http()), ruma_write_response),
            floor: (
                || floor_parse_response::<FloorSync>(sync_1m_http()),
                |b| floor_response(&b),
            ),
        }),
        Box::new(Op {
            name: "messages http→response, 80 events",
            batch: MID_BATCH,
            ours: (messages_http, ours_messages),
            ruma: (messages_http, ruma_messages),
            floor: (messages_http, floor_parse_response::<FloorMessages>),
        }),
        Box::new(Op {
            name: "send message request→http",
            batch: BATCH,
            ours: (|| ours_send(send_http()), ours_write_request),
            ruma: (|| ruma_send(send_http()), ruma_write_request),
            floor: (floor_send_input, floor_send),
        }),
        Box::new(Op {
            name: "send message http→request",
            batch: BATCH,
            ours: (send_http, ours_send),
            ruma: (send_http, ruma_send),
            floor: (send_http, floor_parse_send),
        }),
        Box::new(Op {
            name: "createRoom request→http",
            batch: BATCH,
            ours: (|| ours_create_room(create_room_http()), ours_write_request),
            ruma: (|| ruma_create_room(create_room_http()), ruma_write_request),
            floor: (floor_create_room, |b| {
                floor_request("/_matrix/client/v3/createRoom", TOKEN, &b)
            }),
        }),
        Box::new(Op {
            name: "createRoom http→request",
            batch: BATCH,
            ours: (create_room_http, ours_create_room),
            ruma: (create_room_http, ruma_create_room),
            floor: (create_room_http, floor_parse_request::<FloorCreateRoom>),
        }),
        Box::new(Op {
            name: "upload request→http, 1 MiB",
            batch: BIG_BATCH,
            ours: (|| ours_upload(upload_http()), ours_write_request),
            ruma: (|| ruma_upload(upload_http()), ruma_write_request),
            floor: (floor_upload_input, floor_upload),
        }),
        Box::new(Op {
            name: "upload http→request, 1 MiB",
            batch: BIG_BATCH,
            ours: (upload_http, ours_upload),
            ruma: (upload_http, ruma_upload),
            floor: (upload_http, floor_parse_upload),
        }),
        Box::new(Op {
            name: "keys/query http→response, 20 users",
            batch: MID_BATCH,
            ours: (keys_query_http, ours_keys_query),
            ruma: (keys_query_http, ruma_keys_query),
            floor: (keys_query_http, floor_parse_response::<FloorKeysQuery>),
        }),
        Box::new(Op {
            name: "keys/upload request→http, 50 keys",
            batch: BATCH,
            ours: (|| ours_keys_upload(keys_upload_http()), ours_write_request),
            ruma: (|| ruma_keys_upload(keys_upload_http()), ruma_write_request),
            floor: (floor_keys_upload_input, |b| {
                floor_request("/_matrix/client/v3/keys/upload", TOKEN, &b)
            }),
        }),
    ]
}

// ---- the checks

fn json_of(row: &str, column: &str, body: &[u8]) -> Value {
    serde_json::from_slice(body)
        .unwrap_or_else(|e| panic!("{row}: {column}'s body is not JSON: {e}"))
}

/// Where two JSON values first differ, as a JSON pointer, for the panic message.
fn first_difference(a: &Value, b: &Value, at: String) -> String {
    match (a, b) {
        (Value::Object(a), Value::Object(b)) => {
            for key in a.keys().chain(b.keys()) {
                match (a.get(key), b.get(key)) {
                    (Some(x), Some(y)) if x == y => {}
                    (Some(x), Some(y)) => return first_difference(x, y, format!("{at}/{key}")),
                    (x, y) => return format!("{at}/{key}: {x:?} vs {y:?}"),
                }
            }
            at
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (x, y)) in x.iter().zip(y).enumerate() {
                if x != y {
                    return first_difference(x, y, format!("{at}/{i}"));
                }
            }
            at
        }
        _ => format!("{at}: {a} vs {b}"),
    }
}

fn same_json(row: &str, what: &str, expected: &Value, got: &Value) {
    if expected != got {
        panic!(
            "{row}: {what} differs from the input at {}",
            first_difference(expected, got, String::new())
        );
    }
}

/// A response read and written back by each column: the same status and headers from all
/// three, the same body bytes from ours and the floor (its structs declare our field order),
/// and the same JSON value as the input from all three. Ruma's body is compared as a value only:
/// it writes `rooms.leave` before `join`, and `JoinedRoom`'s fields in its own order.
fn check_response(row: &str, input: &[u8], written: [HttpResponse; 3]) {
    let expected = json_of(row, "the fixture", input);
    let [ours, ruma, floor] = written.map(|r| response_wire(&r));
    assert_eq!(
        (ours.0, &ours.1),
        (ruma.0, &ruma.1),
        "{row}: ours' and Ruma's status or headers differ"
    );
    assert_eq!(
        (ours.0, &ours.1),
        (floor.0, &floor.1),
        "{row}: ours' and the floor's status or headers differ"
    );
    for (column, body) in [
        ("ours", &ours.2),
        ("Ruma", &ruma.2),
        ("the floor", &floor.2),
    ] {
        same_json(
            row,
            &format!("{column}, read and written back,"),
            &expected,
            &json_of(row, column, body),
        );
    }
    assert!(
        ours.2 == floor.2,
        "{row}: ours' and the floor's body bytes differ"
    );
}

/// A request read and written back by each column, or written from the typed values the
/// column read: the same method, URI and headers from all three, and the same body, as bytes
/// when `bytes` is set and otherwise as JSON values (the fixture's keys are sorted, so its
/// order is not the endpoints').
fn check_request(row: &str, input: &HttpRequest, written: [HttpRequest; 3], bytes: bool) {
    let input = request_wire(input);
    let [ours, mut ruma, floor] = written.map(|r| request_wire(&r));
    // Ruma leaves the path's `!` and `:` as they are (RFC 3986 allows them in a segment); ours
    // and the floor encode every byte but the unreserved ones. Both decode to the same path, so
    // Ruma's URI is compared decoded, the others' as written.
    if ruma.1 != input.1 {
        assert_eq!(
            percent_decode(&ruma.1),
            percent_decode(&input.1),
            "{row}: Ruma's URI differs from the input, even decoded"
        );
        ruma.1.clone_from(&input.1);
    }
    for (column, wire) in [("ours", &ours), ("Ruma", &ruma), ("the floor", &floor)] {
        assert_eq!(
            (&wire.0, &wire.1, &wire.2),
            (&input.0, &input.1, &input.2),
            "{row}: {column}'s method, URI or headers differ from the input"
        );
        if bytes {
            assert!(
                wire.3 == input.3,
                "{row}: {column}'s body bytes differ from the input"
            );
        }
    }
    if !bytes {
        let expected = json_of(row, "the input", &input.3);
        for (column, body) in [
            ("ours", &ours.3),
            ("Ruma", &ruma.3),
            ("the floor", &floor.3),
        ] {
            same_json(row, column, &expected, &json_of(row, column, body));
        }
    }
}

/// Fails loudly if any column's output differs from the others, in any row of this module.
pub fn verify() {
    // Responses: each column reads the fixture and writes it back; the write rows write what
    // their column read, so this checks both directions.
    for (row, input) in [("sync, 50 KB", &*SYNC_50K), ("sync, 1 MB", &*SYNC_1M)] {
        let http = || json_response(input);
        check_response(
            row,
            input,
            [
                ours_write_response(ours_sync(http())),
                ruma_write_response(ruma_sync(http())),
                floor_response(&floor_parse_response::<FloorSync>(http())),
            ],
        );
        // And what each read, counted: rooms of each kind and the timeline events.
        let ours = ours_sync(http());
        let ruma = ruma_sync(http());
        let rooms = ours.rooms.as_ref().unwrap();
        let join = rooms.join.as_ref().unwrap();
        assert_eq!(join.len(), ruma.rooms.join.len(), "{row}: joined rooms");
        assert_eq!(
            rooms.invite.as_ref().map_or(0, |r| r.len()),
            ruma.rooms.invite.len(),
            "{row}: invites"
        );
        assert_eq!(
            rooms.leave.as_ref().map_or(0, |r| r.len()),
            ruma.rooms.leave.len(),
            "{row}: left rooms"
        );
        for (id, room) in join {
            let theirs = &ruma.rooms.join[id];
            assert_eq!(
                room.timeline.as_ref().map_or(0, |t| t.events.len()),
                theirs.timeline.events.len(),
                "{row}: timeline of {id}"
            );
        }
    }
    check_response(
        "messages",
        &MESSAGES,
        [
            ours_write_response(ours_messages(messages_http())),
            ruma_write_response(ruma_messages(messages_http())),
            floor_response(&floor_parse_response::<FloorMessages>(messages_http())),
        ],
    );
    check_response(
        "keys/query",
        &KEYS_QUERY,
        [
            ours_write_response(ours_keys_query(keys_query_http())),
            ruma_write_response(ruma_keys_query(keys_query_http())),
            floor_response(&floor_parse_response::<FloorKeysQuery>(keys_query_http())),
        ],
    );

    // Requests: the server side of each column reads the floor's request, the client side
    // writes what it read; the result must be the request read.
    check_request(
        "send message",
        &send_http(),
        [
            ours_write_request(ours_send(send_http())),
            ruma_write_request(ruma_send(send_http())),
            floor_send(floor_parse_send(send_http())),
        ],
        true,
    );
    let (ours, ruma, floor) = (
        ours_send(send_http()),
        ruma_send(send_http()),
        floor_parse_send(send_http()),
    );
    assert_eq!(
        (
            ours.room_id.as_str(),
            ours.event_type.as_str(),
            ours.txn_id.as_str(),
            ours.content.json().get()
        ),
        (
            floor.room_id.as_str(),
            floor.event_type.as_str(),
            floor.txn_id.as_str(),
            floor.content.get()
        ),
        "send message: ours and the floor read different values"
    );
    assert_eq!(
        (
            ruma.room_id.as_str(),
            ruma.event_type.to_string(),
            ruma.txn_id.as_str(),
            ruma.body.json().get()
        ),
        (
            floor.room_id.as_str(),
            floor.event_type.clone(),
            floor.txn_id.as_str(),
            floor.content.get()
        ),
        "send message: Ruma and the floor read different values"
    );
    check_request(
        "createRoom",
        &create_room_http(),
        [
            ours_write_request(ours_create_room(create_room_http())),
            ruma_write_request(ruma_create_room(create_room_http())),
            floor_request(
                "/_matrix/client/v3/createRoom",
                TOKEN,
                &floor_parse_request::<FloorCreateRoom>(create_room_http()),
            ),
        ],
        true,
    );
    check_request(
        "upload",
        &upload_http(),
        [
            ours_write_request(ours_upload(upload_http())),
            ruma_write_request(ruma_upload(upload_http())),
            floor_upload(floor_parse_upload(upload_http())),
        ],
        true,
    );
    check_request(
        "keys/upload",
        &keys_upload_http(),
        [
            ours_write_request(ours_keys_upload(keys_upload_http())),
            ruma_write_request(ruma_keys_upload(keys_upload_http())),
            floor_request(
                "/_matrix/client/v3/keys/upload",
                TOKEN,
                &floor_parse_request::<FloorKeysUpload>(keys_upload_http()),
            ),
        ],
        true,
    );
    // The floor's request is written from the fixture, whose keys are sorted: the same keys
    // and values, in the endpoints' order.
    same_json(
        "keys/upload",
        "the floor's request",
        &json_of("keys/upload", "the fixture", &KEYS_UPLOAD),
        &json_of("keys/upload", "the floor", keys_upload_http().body()),
    );
}
