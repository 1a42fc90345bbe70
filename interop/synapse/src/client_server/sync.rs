//! Syncing, filters, messages, context, search and to-device messages against Synapse, as two
//! users live them: sia makes a public room (published, world-readable) and a world-readable
//! lobby; sol joins the room and they talk about a quokka. Sol syncs (initially, then
//! incrementally, with an inline filter and with a stored one), pages through the room with
//! `/messages` both ways, jumps to a message's context and searches for the quokka; sia sends
//! to-device messages to sol's first device and to all his devices, which his syncs show. Last
//! come the deprecated endpoints `/sync` replaced: the global and the room initial sync, the
//! event stream, one event by ID, and peeking into the lobby (room initial sync and event
//! stream) without joining it.
//!
//! Every answer goes through our types ([`exchange`], checked lossless), and what each step
//! did is checked on what came back: the event IDs of the messages sent, in the order each
//! endpoint promises.

use std::collections::BTreeSet;
use std::fmt::Display;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use matrix_api::Metadata;
use matrix_api::{uint, UInt};
use matrix_client_api::context::get_context;
use matrix_client_api::filter::{create_filter, get_filter, Filter, FilterDefinition};
use matrix_client_api::membership::join_room_by_id;
use matrix_client_api::message::get_message_events::v3::Direction;
use matrix_client_api::message::{get_message_events, send_message_event};
use matrix_client_api::receipt::create_receipt;
use matrix_client_api::receipt::create_receipt::v3::ReceiptType;
use matrix_client_api::room::create_room;
use matrix_client_api::room::create_room::v3::{InitialStateEvent, RoomPreset, Visibility};
use matrix_client_api::search::search_events;
use matrix_client_api::search::search_events::v3::{
    Categories, Criteria, EventContext, Grouping, GroupingKey, Groupings, OrderBy, SearchKey,
};
use matrix_client_api::sync::initial_sync::v3::Membership;
use matrix_client_api::sync::sync_events::v3::JoinedRoom;
use matrix_client_api::sync::{
    get_event, get_events, initial_sync, room_initial_sync, sync_events,
};
use matrix_client_api::to_device::send_event_to_device;
use matrix_login::flow::{self, Client};
use ruma_common::serde::{JsonObject, Raw};
use ruma_common::to_device::DeviceIdOrAllDevices;
use ruma_common::{OwnedEventId, OwnedRoomId, OwnedTransactionId, RoomId};
use serde_json::{json, Value};

use super::{users, User};
use crate::lossless::{exchange, RawResponse};
use crate::report::{Report, StepResult};
use crate::synapse::Admin;

/// The group's name, the prefix of its steps.
const GROUP: &str = "sync";

/// The word sol searches for; three of the messages hold it.
const TERM: &str = "quokka";

/// The type of the to-device messages sia sends.
const TO_DEVICE_TYPE: &str = "org.example.sync.ping";

/// How long the long-polling calls may wait: long enough for an event already there, short
/// enough that a missing one fails the step soon.
const WAIT: Duration = Duration::from_secs(2);

/// The conversation in the public room, in order: who says it (sia: `true`) and what.
const CONVERSATION: [(bool, &str); 5] = [
    (true, "good morning, the quokka is awake"),
    (false, "morning! what is it up to?"),
    (true, "the quokka found breakfast"),
    (false, "quokka pictures please"),
    (true, "here is one, with leaves"),
];

/// Sia's message after sol's initial sync, for the incremental one.
const AFTER_SYNC: &str = "one more, after your sync";
/// Sia's message for the old event stream.
const FOR_THE_STREAM: &str = "back on the old event stream";
/// Sia's first message in the lobby, before sol peeks.
const LOBBY_OPEN: &str = "the lobby is open";
/// Sia's message in the lobby while sol peeks.
const LOBBY_NEWS: &str = "news for whoever peeks";

/// The rooms sia makes.
struct Rooms {
    /// Public and published, world-readable history; sol joins it.
    room: OwnedRoomId,
    /// Public join rule, world-readable history, not published; sol peeks into it.
    lobby: OwnedRoomId,
}

/// A message sent, as the steps look for it.
#[derive(Clone, Debug)]
struct Sent {
    event_id: OwnedEventId,
    /// Sent by sia (else by sol).
    by_sia: bool,
    body: &'static str,
}

/// The group's steps, in the order of the session.
pub async fn run(report: &mut Report, client: &Client, synapse: &Admin<'_>) {
    let Some([sia, sol]) = users(report, client, synapse, GROUP, ["sia", "sol"]).await else {
        report.not_run(
            "sync: every other step",
            "sync: register and log in sia, sol",
        );
        return;
    };
    let sol2 = report
        .step(
            "sync: POST /login (sol's second device, for to-device messages)",
            second_device(client, &sol),
        )
        .await;
    let name = "sync: POST /createRoom (sia: a published public room and an unpublished lobby, \
                both world-readable)";
    let Some(rooms) = report.step(name, create_rooms(&sia)).await else {
        report.not_run("sync: every other step", "sync: POST /createRoom");
        return;
    };
    let joined = report
        .step(
            "sync: POST /rooms/{roomId}/join (sol joins the public room)",
            join(&sol, &rooms.room),
        )
        .await;
    let name = "sync: PUT /rooms/{roomId}/send/{eventType}/{txnId} (sia and sol: five \
                m.room.message, three with the search term; sia opens the lobby)";
    let Some(conversation) = report
        .step_after(
            name,
            joined,
            (name, "sync: POST /rooms/{roomId}/join"),
            |()| converse(&sia, &sol, &rooms),
        )
        .await
    else {
        report.not_run(
            "sync: every other step",
            "sync: PUT /rooms/{roomId}/send/{eventType}/{txnId}",
        );
        return;
    };
    report
        .step(
            "sync: PUT /rooms/{roomId}/send/{eventType}/{txnId} (sia retries with the same \
             txnId: the same event, not a new one)",
            retry_send(&sia, &rooms.room, &conversation),
        )
        .await;
    let (after_sync, since) = syncing(report, &rooms, &sia, &sol, &conversation).await;
    let mut messages: Vec<Sent> = conversation.clone();
    messages.extend(after_sync);
    filters(report, &rooms, &sia, &sol, &messages).await;
    paging(report, &rooms, &sia, &sol, &messages).await;
    report
        .step(
            "sync: GET /rooms/{roomId}/context/{eventId} (sol: sia's second quokka message, \
             limit 2, m.room.message and m.room.name only: one before, one after, the name as state)",
            context(&sol, &rooms.room, &conversation),
        )
        .await;
    searching(report, &rooms, &sol, &conversation).await;
    to_device(report, &sia, &sol, sol2.as_ref(), since).await;
    deprecated(report, &rooms, &sia, &sol, &messages).await;
}

/// Sol's syncs: the initial one, then sia says one more thing and sol's incremental sync
/// shows just that. Gives the message, and the incremental sync's `next_batch`.
async fn syncing(
    report: &mut Report,
    rooms: &Rooms,
    sia: &User,
    sol: &User,
    conversation: &[Sent],
) -> (Option<Sent>, Option<String>) {
    let initial = report
        .step(
            "sync: GET /sync (sol, initial: the public room joined, its timeline ending with \
             the five messages, no lobby)",
            initial_sync_step(sol, rooms, conversation),
        )
        .await;
    let name = "sync: PUT /rooms/{roomId}/send/{eventType}/{txnId} (sia: one more message after \
                sol's initial sync)";
    let sent = report
        .step(name, send(sia, &rooms.room, true, AFTER_SYNC))
        .await;
    let name = "sync: GET /sync (sol, since the initial next_batch, timeout: only sia's new \
                message)";
    let needs = initial.zip(sent.clone());
    let next_batch = report
        .step_after(
            name,
            needs,
            (name, "sync: GET /sync (sol, initial) or the message"),
            |(since, sent)| incremental_sync(sol, &rooms.room, since, sent),
        )
        .await;
    (sent, next_batch)
}

/// The inline filter, then the stored one: uploaded, read back, and used by its ID.
async fn filters(report: &mut Report, rooms: &Rooms, sia: &User, sol: &User, messages: &[Sent]) {
    report
        .step(
            "sync: GET /sync (sol, an inline filter: timeline limit 1 of m.room.message: \
             the newest message only, limited, a prev_batch)",
            inline_filter_sync(sol, &rooms.room, messages),
        )
        .await;
    let definition = stored_filter(sia, rooms);
    let filter_id = report
        .step(
            "sync: POST /user/{userId}/filter (sol: sia's messages, timeline limit 2, state \
             m.room.name only, event_fields, no presence)",
            upload_filter(sol, &definition),
        )
        .await;
    report
        .step_after(
            "sync: GET /user/{userId}/filter/{filterId} (sol: the stored filter read back equal)",
            filter_id.clone(),
            (
                "sync: GET /user/{userId}/filter/{filterId}",
                "sync: POST /user/{userId}/filter",
            ),
            |id| download_filter(sol, id, &definition),
        )
        .await;
    report
        .step_after(
            "sync: GET /sync (sol, the stored filter by ID: sia's two newest messages, only \
             the fields asked for, the room name as the only state)",
            filter_id,
            (
                "sync: GET /sync (the stored filter)",
                "sync: POST /user/{userId}/filter",
            ),
            |id| stored_filter_sync(sol, &rooms.room, id, messages),
        )
        .await;
}

/// `/messages` both ways: the newest three backwards from the end; forwards from the start to
/// that page's end, sia's only; then backwards to the room's start and past it.
async fn paging(report: &mut Report, rooms: &Rooms, sia: &User, sol: &User, messages: &[Sent]) {
    let end = report
        .step(
            "sync: GET /rooms/{roomId}/messages (sol: dir=b from the end, limit 3, \
             m.room.message only: the three newest, newest first)",
            newest_page(sol, &rooms.room, messages),
        )
        .await;
    report
        .step_after(
            "sync: GET /rooms/{roomId}/messages (sol: dir=f from the start to the first page's \
             end, sia's m.room.message only: her older messages, oldest first)",
            end.clone(),
            (
                "sync: GET /rooms/{roomId}/messages (dir=f)",
                "sync: GET /rooms/{roomId}/messages (dir=b)",
            ),
            |to| forward_to(sol, sia, &rooms.room, to, messages),
        )
        .await;
    report
        .step_after(
            "sync: GET /rooms/{roomId}/messages (sol: dir=b from the first page's end to the \
             room's creation, then an empty page without end)",
            end,
            (
                "sync: GET /rooms/{roomId}/messages (to the start)",
                "sync: GET /rooms/{roomId}/messages (dir=b)",
            ),
            |from| back_to_start(sol, &rooms.room, from, messages),
        )
        .await;
}

/// Sol searches for the term, newest first, two results a page: the first page with context,
/// state and groups, then the rest by `next_batch`.
async fn searching(report: &mut Report, rooms: &Rooms, sol: &User, conversation: &[Sent]) {
    let quokkas: Vec<&Sent> = conversation
        .iter()
        .filter(|m| m.body.contains(TERM))
        .rev()
        .collect();
    let next_batch = report
        .step(
            "sync: POST /search (sol: room events, the term in content.body, order_by recent, \
             limit 2, context, state, grouped by room: the two newest, a next_batch)",
            search_first(sol, &rooms.room, &quokkas),
        )
        .await;
    report
        .step_after(
            "sync: POST /search (sol: the same, from next_batch: the oldest, no next_batch)",
            next_batch,
            (
                "sync: POST /search (next_batch)",
                "sync: POST /search (the first page)",
            ),
            |next| search_next(sol, &rooms.room, next, &quokkas),
        )
        .await;
}

/// Sia sends to sol's first device by ID and to all of sol's devices; sol's first device sees
/// both in an incremental sync, his second device only the one for all devices.
async fn to_device(
    report: &mut Report,
    sia: &User,
    sol: &User,
    sol2: Option<&User>,
    since: Option<String>,
) {
    let first_device = DeviceIdOrAllDevices::DeviceId(sol.device.device_id.clone());
    let to_one = report
        .step(
            "sync: PUT /sendToDevice/{eventType}/{txnId} (sia to sol's first device by ID)",
            send_to_device(sia, sol, first_device, "to your first device"),
        )
        .await;
    let to_all = report
        .step(
            "sync: PUT /sendToDevice/{eventType}/{txnId} (sia to every device of sol: *)",
            send_to_device(
                sia,
                sol,
                DeviceIdOrAllDevices::AllDevices,
                "to every device",
            ),
        )
        .await;
    let sent = to_one.zip(to_all);
    report
        .step_after(
            "sync: GET /sync (sol's first device, since the incremental next_batch: both \
             to-device messages, in order)",
            sent.and(since),
            (
                "sync: GET /sync (to_device, first device)",
                "sync: PUT /sendToDevice or the incremental sync",
            ),
            |since| {
                to_device_sync(
                    sol,
                    Some(since),
                    sia,
                    &["to your first device", "to every device"],
                )
            },
        )
        .await;
    report
        .step_after(
            "sync: GET /sync (sol's second device, initial: the * message only)",
            sent.and(sol2),
            (
                "sync: GET /sync (to_device, second device)",
                "sync: PUT /sendToDevice or the second device's login",
            ),
            |sol2| to_device_sync(sol2, None, sia, &["to every device"]),
        )
        .await;
}

/// The deprecated endpoints: the global initial sync, then the event stream from its end; one
/// event by ID; the room initial sync, joined and peeking; the event stream of the lobby.
async fn deprecated(report: &mut Report, rooms: &Rooms, sia: &User, sol: &User, messages: &[Sent]) {
    let read = report
        .step(
            "sync: POST /rooms/{roomId}/receipt/m.read/{eventId} (sol reads the newest message, \
             for the receipts Synapse adds to the initial syncs)",
            read_receipt(sol, &rooms.room, messages),
        )
        .await;
    let end = report
        .step(
            "sync: GET /initialSync (sol, limit 2, deprecated: the public room joined and \
             published, its two newest events; no lobby)",
            global_initial_sync(sol, &rooms.room, messages, read.is_some()),
        )
        .await;
    let name = "sync: PUT /rooms/{roomId}/send/{eventType}/{txnId} (sia: a message for the old \
                event stream)";
    let streamed = report
        .step(name, send(sia, &rooms.room, true, FOR_THE_STREAM))
        .await;
    report
        .step_after(
            "sync: GET /events (sol, deprecated: from the initial sync's end, timeout: sia's \
             new message)",
            end.zip(streamed.clone()),
            (
                "sync: GET /events (from the initial sync's end)",
                "sync: GET /initialSync or the message",
            ),
            |(from, sent)| event_stream(sol, None, from, sent),
        )
        .await;
    report
        .step_after(
            "sync: GET /events/{eventId} (sol, deprecated: sia's message by its ID alone)",
            streamed.clone(),
            (
                "sync: GET /events/{eventId}",
                "sync: PUT /rooms/{roomId}/send/{eventType}/{txnId}",
            ),
            |sent| one_event(sol, &rooms.room, sent),
        )
        .await;
    report
        .step(
            "sync: GET /rooms/{roomId}/initialSync (sol, a member: membership join, the room's \
             state and newest messages)",
            room_snapshot(
                sol,
                &rooms.room,
                true,
                streamed.as_ref().map(|s| s.body),
                read.is_some(),
            ),
        )
        .await;
    let peeked = report
        .step(
            "sync: GET /rooms/{roomId}/initialSync (sol peeks into the world-readable lobby \
             without joining: no membership, sia's message)",
            room_snapshot(sol, &rooms.lobby, false, Some(LOBBY_OPEN), false),
        )
        .await;
    let name = "sync: PUT /rooms/{roomId}/send/{eventType}/{txnId} (sia: a message in the lobby \
                while sol peeks)";
    let news = report
        .step(name, send(sia, &rooms.lobby, true, LOBBY_NEWS))
        .await;
    report
        .step_after(
            "sync: GET /events?room_id (sol peeks into the lobby from its initialSync's end, \
             timeout: sia's new message)",
            peeked.zip(news),
            (
                "sync: GET /events?room_id",
                "sync: GET /rooms/{roomId}/initialSync (peek) or the lobby message",
            ),
            |(from, sent)| event_stream(sol, Some(&rooms.lobby), from, sent),
        )
        .await;
}

// Setting up: a second device, the rooms, the conversation.

/// Sol logs in again: a second device.
async fn second_device(client: &Client, sol: &User) -> StepResult<User> {
    let device = flow::password_login(client, &sol.account.user_id, &sol.account.password, None)
        .await
        .map_err(|e| format!("password login: {e}"))?;
    if device.device_id == sol.device.device_id {
        return Err(format!("the same device {} again", device.device_id));
    }
    let detail = format!(
        "{} on {} and {}",
        device.user_id, sol.device.device_id, device.device_id
    );
    let second = User {
        account: sol.account.clone(),
        client: device.client(client),
        device,
    };
    Ok((second, detail))
}

/// A state event of `createRoom`'s `initial_state`.
fn state_event(event_type: &str, content: Value) -> Result<Raw<InitialStateEvent>, String> {
    let content = raw_object(content)?;
    Ok(InitialStateEvent::new(event_type.to_owned(), String::new(), content).to_raw())
}

/// A transaction ID not used before in this run (the users are new each run).
fn txn_id() -> OwnedTransactionId {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    OwnedTransactionId::from(format!("sync-{}", NEXT.fetch_add(1, Ordering::Relaxed)))
}

/// A JSON object as the raw content our types carry.
fn raw_object(value: Value) -> Result<Raw<JsonObject>, String> {
    Raw::from_json_string(value.to_string()).map_err(|e| e.to_string())
}

/// Sia makes the two rooms, both with the `public_chat` preset and world-readable history.
async fn create_rooms(sia: &User) -> StepResult<Rooms> {
    let mut ids = Vec::new();
    let mut notes = BTreeSet::new();
    for (name, visibility) in [
        ("Quokka watch", Visibility::Public),
        ("Quokka lobby", Visibility::Private),
    ] {
        let mut request = create_room::v3::Request::new();
        request.preset = Some(RoomPreset::PublicChat);
        request.visibility = Some(visibility);
        request.name = Some(name.to_owned());
        request.initial_state = vec![state_event(
            "m.room.history_visibility",
            json!({ "history_visibility": "world_readable" }),
        )?];
        let seen = exchange(&sia.client, request).await?;
        let (response, note) = seen.ok(&[])?;
        ids.push(response.room_id);
        notes.insert(note);
    }
    let [room, lobby] = <[OwnedRoomId; 2]>::try_from(ids).expect("two rooms made");
    let detail = format!("room {room}, lobby {lobby}; {}", distinct_notes(notes));
    Ok((Rooms { room, lobby }, detail))
}

/// `user` joins `room` by its ID.
async fn join(user: &User, room: &OwnedRoomId) -> StepResult<()> {
    let request = join_room_by_id::v3::Request::new(room.clone());
    let seen = exchange(&user.client, request).await?;
    let (response, note) = seen.ok(&[])?;
    if response.room_id != *room {
        return Err(format!("joined {}, expected {room}", response.room_id));
    }
    Ok(((), format!("{} joined {room}; {note}", user.device.user_id)))
}

/// The content of an `m.room.message` of this text.
fn text(body: &str) -> Result<Raw<JsonObject>, String> {
    raw_object(json!({ "msgtype": "m.text", "body": body }))
}

/// One `m.room.message` of `body` from `user`, with a transaction ID of its own.
async fn send_with(
    user: &User,
    room: &OwnedRoomId,
    txn_id: OwnedTransactionId,
    body: &str,
) -> Result<(OwnedEventId, String), String> {
    let request = send_message_event::v3::Request::new(
        room.clone(),
        "m.room.message".to_owned(),
        txn_id,
        text(body)?,
    );
    let seen = exchange(&user.client, request).await?;
    let (response, note) = seen.ok(&[])?;
    Ok((response.event_id, note))
}

/// The step that sends one message of `body` from `user` (sia if `by_sia`).
async fn send(
    user: &User,
    room: &OwnedRoomId,
    by_sia: bool,
    body: &'static str,
) -> StepResult<Sent> {
    let (event_id, note) = send_with(user, room, txn_id(), body).await?;
    let detail = format!("{event_id}; {note}");
    Ok((
        Sent {
            event_id,
            by_sia,
            body,
        },
        detail,
    ))
}

/// The conversation, each message sent by its speaker with a transaction ID of its own; sia
/// opens the lobby.
async fn converse(sia: &User, sol: &User, rooms: &Rooms) -> StepResult<Vec<Sent>> {
    let mut sent = Vec::new();
    let mut notes = BTreeSet::new();
    for (i, (by_sia, body)) in CONVERSATION.into_iter().enumerate() {
        let user = if by_sia { sia } else { sol };
        let txn_id = OwnedTransactionId::from(format!("conversation-{i}"));
        let (event_id, note) = send_with(user, &rooms.room, txn_id, body).await?;
        notes.insert(note);
        sent.push(Sent {
            event_id,
            by_sia,
            body,
        });
    }
    let (lobby, note) = send_with(sia, &rooms.lobby, txn_id(), LOBBY_OPEN).await?;
    notes.insert(note);
    let distinct: BTreeSet<&OwnedEventId> = sent.iter().map(|m| &m.event_id).collect();
    if distinct.len() != sent.len() {
        return Err(format!("event IDs repeat: {sent:?}"));
    }
    let detail = format!(
        "{} messages in the room, {lobby} in the lobby; {}",
        sent.len(),
        distinct_notes(notes)
    );
    Ok((sent, detail))
}

/// Sia sends her first message's transaction again: Synapse answers with the first event.
async fn retry_send(sia: &User, room: &OwnedRoomId, conversation: &[Sent]) -> StepResult<()> {
    let first = &conversation[0];
    let txn_id = OwnedTransactionId::from("conversation-0".to_owned());
    let (event_id, note) = send_with(sia, room, txn_id, first.body).await?;
    if event_id != first.event_id {
        return Err(format!(
            "the retry made {event_id}, expected the first send's {}",
            first.event_id
        ));
    }
    Ok(((), format!("{event_id} again; {note}")))
}

// Reading events.

/// An event as JSON.
fn json_of(raw: &Raw<JsonObject>) -> Result<Value, String> {
    serde_json::from_str(raw.json().get()).map_err(|e| format!("an event is not JSON: {e}"))
}

/// The `event_id` of each event (empty for an event without one).
fn event_ids(events: &[Raw<JsonObject>]) -> Result<Vec<String>, String> {
    events
        .iter()
        .map(|raw| {
            Ok(json_of(raw)?["event_id"]
                .as_str()
                .unwrap_or_default()
                .to_owned())
        })
        .collect()
}

/// The `event_id`s of these messages.
fn ids_of<'a>(messages: impl IntoIterator<Item = &'a Sent>) -> Vec<String> {
    messages
        .into_iter()
        .map(|m| m.event_id.to_string())
        .collect()
}

/// The `type` of each event.
fn event_types(events: &[Raw<JsonObject>]) -> Result<Vec<String>, String> {
    events
        .iter()
        .map(|raw| {
            Ok(json_of(raw)?["type"]
                .as_str()
                .unwrap_or_default()
                .to_owned())
        })
        .collect()
}

/// The notes of several exchanges, each once.
fn distinct_notes(notes: BTreeSet<String>) -> String {
    notes.into_iter().collect::<Vec<_>>().join(", ")
}

/// The path our client takes for an endpoint, with its deprecation, for the step's line.
async fn decided(user: &User, metadata: &Metadata) -> Result<String, String> {
    let decision = user
        .client
        .decide(metadata)
        .await
        .map_err(|e| format!("deciding the path: {e}"))?;
    Ok(decision.to_string())
}

/// Fails with `what` when `got` is not `want`.
fn expect_eq<T: PartialEq + std::fmt::Debug>(
    what: impl Display,
    got: T,
    want: T,
) -> Result<(), String> {
    if got == want {
        Ok(())
    } else {
        Err(format!("{what}: got {got:?}, expected {want:?}"))
    }
}

// Syncing.

/// One `/sync` of `user`'s, checked lossless.
async fn sync(
    user: &User,
    request: sync_events::v3::Request,
) -> Result<(sync_events::v3::Response, String), String> {
    let seen = exchange(&user.client, request).await?;
    seen.ok(&[])
}

/// The joined room's part of a sync response.
fn joined_room<'a>(
    response: &'a sync_events::v3::Response,
    room: &RoomId,
) -> Result<&'a JoinedRoom, String> {
    response
        .rooms
        .as_ref()
        .and_then(|rooms| rooms.join.as_ref())
        .and_then(|join| join.get(room))
        .ok_or_else(|| format!("{room} is not among the joined rooms"))
}

/// The event IDs of a joined room's timeline, and whether it was limited.
fn timeline(room: &JoinedRoom) -> Result<(Vec<String>, bool, Option<&String>), String> {
    let timeline = room.timeline.as_ref().ok_or("the room has no timeline")?;
    Ok((
        event_ids(&timeline.events)?,
        timeline.limited,
        timeline.prev_batch.as_ref(),
    ))
}

/// Sol's initial sync: the room joined, the conversation at the end of its timeline, the
/// lobby in no part of the answer.
async fn initial_sync_step(sol: &User, rooms: &Rooms, conversation: &[Sent]) -> StepResult<String> {
    let (response, note) = sync(sol, sync_events::v3::Request::new()).await?;
    let room = joined_room(&response, &rooms.room)?;
    let (ids, limited, _) = timeline(room)?;
    let want = ids_of(conversation);
    if !ids.ends_with(&want) {
        return Err(format!("the timeline {ids:?} does not end with {want:?}"));
    }
    let lobby = rooms.lobby.as_str();
    let body = serde_json::to_string(&response.rooms).map_err(|e| e.to_string())?;
    if body.contains(lobby) {
        return Err(format!("the lobby {lobby} is in sol's sync"));
    }
    let detail = format!(
        "next_batch {}, {} timeline events (limited: {limited}) ending with the five; {note}",
        response.next_batch,
        ids.len()
    );
    Ok((response.next_batch, detail))
}

/// Sol's sync since `since`: the room's timeline is exactly sia's new message.
async fn incremental_sync(
    sol: &User,
    room: &OwnedRoomId,
    since: String,
    sent: Sent,
) -> StepResult<String> {
    let mut request = sync_events::v3::Request::new();
    request.since = Some(since.clone());
    request.timeout = Some(WAIT);
    let (response, note) = sync(sol, request).await?;
    let (ids, limited, _) = timeline(joined_room(&response, room)?)?;
    expect_eq("the timeline since the initial sync", ids, ids_of([&sent]))?;
    expect_eq("limited", limited, false)?;
    let detail = format!(
        "since {since}: the timeline is [{}], not limited; next_batch {}; {note}",
        sent.event_id, response.next_batch
    );
    Ok((response.next_batch, detail))
}

/// An initial sync with a filter written into the query: one `m.room.message` in the
/// timeline, the newest, with the gap before it said.
async fn inline_filter_sync(sol: &User, room: &OwnedRoomId, messages: &[Sent]) -> StepResult<()> {
    let mut definition = FilterDefinition::new();
    definition.room.timeline.limit = Some(uint!(1));
    definition.room.timeline.types = Some(vec!["m.room.message".to_owned()]);
    let mut request = sync_events::v3::Request::new();
    request.filter = Some(Filter::from(definition));
    let (response, note) = sync(sol, request).await?;
    let (ids, limited, prev_batch) = timeline(joined_room(&response, room)?)?;
    let newest = messages.last().ok_or("no messages")?;
    expect_eq("the filtered timeline", ids, ids_of([newest]))?;
    expect_eq("limited", limited, true)?;
    let prev_batch = prev_batch.ok_or("no prev_batch on a limited timeline")?;
    Ok((
        (),
        format!(
            "timeline [{}], limited, prev_batch {prev_batch}; {note}",
            newest.event_id
        ),
    ))
}

/// The filter sol stores: sia's messages in the public room, two at most, with only the fields
/// a message list needs; the room's name as its only state; no presence.
fn stored_filter(sia: &User, rooms: &Rooms) -> FilterDefinition {
    let mut definition = FilterDefinition::new();
    definition.event_fields = Some(
        ["type", "sender", "event_id", "content.body"]
            .map(str::to_owned)
            .to_vec(),
    );
    definition.presence.not_types = vec!["*".to_owned()];
    definition.room.rooms = Some(vec![rooms.room.clone()]);
    definition.room.timeline.limit = Some(uint!(2));
    definition.room.timeline.senders = Some(vec![sia.device.user_id.clone()]);
    definition.room.timeline.types = Some(vec!["m.room.message".to_owned()]);
    definition.room.state.types = Some(vec!["m.room.name".to_owned()]);
    definition
}

/// Sol uploads the filter; gives its ID.
async fn upload_filter(sol: &User, definition: &FilterDefinition) -> StepResult<String> {
    let request = create_filter::v3::Request::new(sol.device.user_id.clone(), definition.clone());
    let seen = exchange(&sol.client, request).await?;
    let (response, note) = seen.ok(&[])?;
    if response.filter_id.starts_with('{') {
        return Err(format!(
            "the filter ID {} starts with {{, which no ID may",
            response.filter_id
        ));
    }
    let detail = format!("filter_id {}; {note}", response.filter_id);
    Ok((response.filter_id, detail))
}

/// Sol reads the filter back: the definition he uploaded.
async fn download_filter(sol: &User, id: String, definition: &FilterDefinition) -> StepResult<()> {
    let request = get_filter::v3::Request::new(sol.device.user_id.clone(), id.clone());
    let seen = exchange(&sol.client, request).await?;
    let (response, note) = seen.ok(&[])?;
    expect_eq("the filter read back", &response.filter, definition)?;
    Ok(((), format!("filter {id} equal to the one uploaded; {note}")))
}

/// An initial sync by the stored filter's ID: sia's two newest messages with only the fields
/// asked for, the room's name as its only state, and no presence.
async fn stored_filter_sync(
    sol: &User,
    room: &OwnedRoomId,
    id: String,
    messages: &[Sent],
) -> StepResult<()> {
    let mut request = sync_events::v3::Request::new();
    request.filter = Some(Filter::Id(id.clone()));
    let (response, note) = sync(sol, request).await?;
    let joined = joined_room(&response, room)?;
    let (ids, limited, _) = timeline(joined)?;
    let sias: Vec<&Sent> = messages.iter().filter(|m| m.by_sia).collect();
    let want = ids_of(sias[sias.len() - 2..].iter().copied());
    expect_eq("the filtered timeline", ids, want)?;
    expect_eq("limited", limited, true)?;
    let fields: BTreeSet<&str> = ["content", "event_id", "sender", "type"].into();
    let events = joined.timeline.as_ref().map_or(&[][..], |t| &t.events[..]);
    for raw in events {
        let event = json_of(raw)?;
        let keys: BTreeSet<&str> = event
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default();
        let content: Vec<&str> = event["content"]
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default();
        if keys != fields || content != ["body"] {
            return Err(format!("event_fields not applied: {event}"));
        }
    }
    let state = joined.state.as_ref().map_or(&[][..], |s| &s.events[..]);
    expect_eq(
        "the state's types",
        event_types(state)?,
        vec!["m.room.name".to_owned()],
    )?;
    if let Some(presence) = response.presence.as_ref().filter(|p| !p.events.is_empty()) {
        return Err(format!(
            "{} presence events despite the filter",
            presence.events.len()
        ));
    }
    Ok((
        (),
        format!(
            "filter {id}: timeline of sia's two newest, limited, only {fields:?} and \
             content.body; state [m.room.name]; no presence; {note}"
        ),
    ))
}

// Paging.

/// One page of `/messages`, checked lossless.
async fn page(
    sol: &User,
    request: get_message_events::v3::Request,
) -> Result<(get_message_events::v3::Response, String), String> {
    let seen = exchange(&sol.client, request).await?;
    seen.ok(&[])
}

/// The three newest messages, newest first, from the end of the room; gives the page's end.
async fn newest_page(sol: &User, room: &OwnedRoomId, messages: &[Sent]) -> StepResult<String> {
    let mut request = get_message_events::v3::Request::new(room.clone(), Direction::Backward);
    request.limit = Some(uint!(3));
    request.filter.types = Some(vec!["m.room.message".to_owned()]);
    let (response, note) = page(sol, request).await?;
    let want = ids_of(messages.iter().rev().take(3));
    expect_eq("the page", event_ids(&response.chunk)?, want)?;
    let end = response
        .end
        .ok_or("no end token, though older messages remain")?;
    let detail = format!(
        "3 events, newest first; start {}, end {end}; {note}",
        response.start
    );
    Ok((end, detail))
}

/// Sia's messages from the room's start up to the first page's end, oldest first.
async fn forward_to(
    sol: &User,
    sia: &User,
    room: &OwnedRoomId,
    to: String,
    messages: &[Sent],
) -> StepResult<()> {
    let mut request = get_message_events::v3::Request::new(room.clone(), Direction::Forward);
    request.to = Some(to.clone());
    request.limit = Some(uint!(20));
    request.filter.types = Some(vec!["m.room.message".to_owned()]);
    request.filter.senders = Some(vec![sia.device.user_id.clone()]);
    let (response, note) = page(sol, request).await?;
    let older = &messages[..messages.len() - 3];
    let want = ids_of(older.iter().filter(|m| m.by_sia));
    let count = want.len();
    expect_eq("the page", event_ids(&response.chunk)?, want)?;
    Ok((
        (),
        format!(
            "{count} of sia's messages, oldest first, to {to}; end {:?}; {note}",
            response.end
        ),
    ))
}

/// Backwards from the first page's end past the room's creation: every older event, the
/// `m.room.create` last; then a page with nothing and no `end`.
async fn back_to_start(
    sol: &User,
    room: &OwnedRoomId,
    from: String,
    messages: &[Sent],
) -> StepResult<()> {
    let mut request = get_message_events::v3::Request::backward(room.clone(), from);
    request.limit = Some(uint!(50));
    let (response, note) = page(sol, request).await?;
    let ids = event_ids(&response.chunk)?;
    let older = ids_of(messages[..messages.len() - 3].iter().rev());
    if !ids.starts_with(&older) {
        return Err(format!("the page {ids:?} does not start with {older:?}"));
    }
    let types = event_types(&response.chunk)?;
    if types.last().map(String::as_str) != Some("m.room.create") {
        return Err(format!(
            "the page does not end with m.room.create: {types:?}"
        ));
    }
    let end = response.end.ok_or("no end token after a full page")?;
    let request = get_message_events::v3::Request::backward(room.clone(), end.clone());
    let (past, past_note) = page(sol, request).await?;
    if !past.chunk.is_empty() || past.end.is_some() {
        return Err(format!(
            "past the creation: {} events, end {:?}; expected none and no end",
            past.chunk.len(),
            past.end
        ));
    }
    Ok((
        (),
        format!(
            "{} events down to m.room.create, end {end}; then an empty page without end; \
             {note}, {past_note}",
            ids.len()
        ),
    ))
}

// Context.

/// The context of sia's second quokka message: sol's message before it, sol's after it, and
/// the room's name as the state the filter lets through.
async fn context(sol: &User, room: &OwnedRoomId, conversation: &[Sent]) -> StepResult<()> {
    let (before, event, after) = (&conversation[1], &conversation[2], &conversation[3]);
    let mut request = get_context::v3::Request::new(room.clone(), event.event_id.clone());
    request.limit = Some(uint!(2));
    // The filter applies to the state too, as the specification says: the name is the only
    // state event it lets through, and no name event is near the messages.
    request.filter.types = Some(vec!["m.room.message".to_owned(), "m.room.name".to_owned()]);
    let seen = exchange(&sol.client, request).await?;
    let (response, note) = seen.ok(&[])?;
    let got = response.event.as_ref().ok_or("no event")?;
    expect_eq(
        "the event",
        json_of(got)?["event_id"].as_str(),
        Some(event.event_id.as_str()),
    )?;
    expect_eq(
        "events_before",
        event_ids(&response.events_before)?,
        ids_of([before]),
    )?;
    expect_eq(
        "events_after",
        event_ids(&response.events_after)?,
        ids_of([after]),
    )?;
    let (Some(start), Some(end)) = (&response.start, &response.end) else {
        return Err(format!(
            "start {:?}, end {:?}",
            response.start, response.end
        ));
    };
    let state = event_types(&response.state)?;
    expect_eq("the state's types", state, vec!["m.room.name".to_owned()])?;
    Ok((
        (),
        format!(
            "{}: one before, one after; start {start}, end {end}; state filtered too: \
             [m.room.name]; {note}",
            event.event_id
        ),
    ))
}

// Search.

/// The criteria of sol's search: the term in the public room, newest first, two a page.
fn criteria(room: &OwnedRoomId) -> Criteria {
    let mut criteria = Criteria::new(TERM.to_owned());
    // The body only: the room's name holds the term too.
    criteria.keys = Some(vec![SearchKey::ContentBody]);
    criteria.order_by = Some(OrderBy::Recent);
    criteria.filter.limit = Some(uint!(2));
    criteria.filter.rooms = Some(vec![room.clone()]);
    criteria
}

/// The event IDs of the results.
fn result_ids(results: &search_events::v3::ResultRoomEvents) -> Result<Vec<String>, String> {
    results
        .results
        .iter()
        .map(|r| {
            let event = r.result.as_ref().ok_or("a result without its event")?;
            Ok(json_of(event)?["event_id"]
                .as_str()
                .unwrap_or_default()
                .to_owned())
        })
        .collect()
}

/// One search, checked lossless; gives the room events found.
async fn search(
    sol: &User,
    request: search_events::v3::Request,
) -> Result<(search_events::v3::ResultRoomEvents, String), String> {
    let seen = exchange(&sol.client, request).await?;
    let (response, note) = seen.ok(&[])?;
    let found = response
        .search_categories
        .room_events
        .ok_or("no room_events in the answer")?;
    Ok((found, note))
}

/// The first page: the two newest messages with the term, each with its context; the room's
/// state; the group of the room; and a `next_batch`.
async fn search_first(sol: &User, room: &OwnedRoomId, quokkas: &[&Sent]) -> StepResult<String> {
    let mut criteria = criteria(room);
    criteria.event_context = Some(EventContext {
        before_limit: Some(uint!(1)),
        after_limit: Some(uint!(1)),
        include_profile: Some(true),
    });
    criteria.include_state = Some(true);
    criteria.groupings = Some(Groupings {
        group_by: vec![Grouping {
            key: Some(GroupingKey::RoomId),
        }],
    });
    let request = search_events::v3::Request::new(Categories {
        room_events: Some(criteria),
    });
    let (found, note) = search(sol, request).await?;
    let want = ids_of(quokkas[..2].iter().copied());
    expect_eq("the results", result_ids(&found)?, want.clone())?;
    expect_eq("count", found.count, Some(UInt::from(quokkas.len() as u32)))?;
    if !found.highlights.iter().any(|h| h == TERM) {
        return Err(format!("highlights {:?} lack {TERM}", found.highlights));
    }
    for result in &found.results {
        let context = result.context.as_ref().ok_or("a result without context")?;
        if context.events_before.len() != 1 || context.events_after.len() != 1 {
            return Err(format!(
                "context of {} before, {} after; expected one each",
                context.events_before.len(),
                context.events_after.len()
            ));
        }
        if context.profile_info.is_empty() {
            return Err("no profile_info though include_profile".to_owned());
        }
    }
    let state = found.state.get(room).ok_or("no state of the room")?;
    if !event_types(state)?.iter().any(|t| t == "m.room.create") {
        return Err("the room's state has no m.room.create".to_owned());
    }
    let group = found
        .groups
        .get(&GroupingKey::RoomId)
        .and_then(|groups| groups.get(room.as_str()))
        .ok_or("no group of the room")?;
    let grouped: Vec<String> = group.results.iter().map(ToString::to_string).collect();
    expect_eq("the room group's results", grouped, want)?;
    let next = found.next_batch.clone().ok_or("no next_batch")?;
    Ok((
        next.clone(),
        format!(
            "2 of count {}, newest first, each with context and profiles; the room's state; \
             the room's group; highlights {:?}; next_batch {next}; {note}",
            quokkas.len(),
            found.highlights
        ),
    ))
}

/// The next page: the oldest message with the term, and no more. The criteria travel again,
/// as the specification asks of a `next_batch` call.
async fn search_next(
    sol: &User,
    room: &OwnedRoomId,
    next: String,
    quokkas: &[&Sent],
) -> StepResult<()> {
    let mut request = search_events::v3::Request::new(Categories {
        room_events: Some(criteria(room)),
    });
    request.next_batch = Some(next.clone());
    let (found, note) = search(sol, request).await?;
    let want = ids_of(quokkas[2..].iter().copied());
    expect_eq("the results", result_ids(&found)?, want)?;
    if let Some(more) = &found.next_batch {
        return Err(format!("a next_batch {more} after the last result"));
    }
    Ok((
        (),
        format!("from {next}: the oldest, no next_batch; {note}"),
    ))
}

// To-device messages.

/// Sia sends one to-device message to `device` of sol's.
async fn send_to_device(
    sia: &User,
    sol: &User,
    device: DeviceIdOrAllDevices,
    note_text: &str,
) -> StepResult<()> {
    let content = raw_object(json!({ "note": note_text }))?;
    let messages = [(
        sol.device.user_id.clone(),
        [(device.clone(), content)].into(),
    )]
    .into();
    let request =
        send_event_to_device::v3::Request::new(TO_DEVICE_TYPE.to_owned(), txn_id(), messages);
    let seen = exchange(&sia.client, request).await?;
    let (_, note) = seen.ok(&[])?;
    Ok((
        (),
        format!(
            "{TO_DEVICE_TYPE} to {} {device}; {note}",
            sol.device.user_id
        ),
    ))
}

/// A sync of `user`'s device shows exactly these to-device notes from sia, in order.
async fn to_device_sync(
    user: &User,
    since: Option<String>,
    sia: &User,
    notes: &[&str],
) -> StepResult<()> {
    let mut request = sync_events::v3::Request::new();
    request.since = since;
    request.timeout = Some(WAIT);
    let (response, note) = sync(user, request).await?;
    let events = response
        .to_device
        .as_ref()
        .map_or(&[][..], |b| &b.events[..]);
    let mut got = Vec::new();
    for raw in events {
        let event = json_of(raw)?;
        if event["type"] != TO_DEVICE_TYPE || event["sender"] != sia.device.user_id.as_str() {
            return Err(format!("an unexpected to-device event: {event}"));
        }
        got.push(
            event["content"]["note"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
        );
    }
    expect_eq(
        "the to-device notes",
        got,
        notes.iter().map(|n| (*n).to_owned()).collect(),
    )?;
    Ok((
        (),
        format!(
            "device {}: {notes:?} from {}; {note}",
            user.device.device_id, sia.device.user_id
        ),
    ))
}

// The deprecated endpoints.

/// Sol reads the newest message: a receipt, which Synapse's initial syncs carry.
async fn read_receipt(sol: &User, room: &OwnedRoomId, messages: &[Sent]) -> StepResult<()> {
    let newest = messages.last().ok_or("no messages sent")?;
    let request =
        create_receipt::v3::Request::new(room.clone(), ReceiptType::Read, newest.event_id.clone());
    let seen = exchange(&sol.client, request).await?;
    let (_, note) = seen.ok(&[])?;
    Ok(((), format!("m.read at {}; {note}", newest.event_id)))
}

/// The fields Synapse adds to the answers of the initial syncs, which the specification's do
/// not have (FINDINGS.md, "The initial syncs: Synapse adds `receipts`"): `receipts` (the
/// rooms' `m.receipt` events) in both, and `presence` (the members' presence) in the room's.
/// Our types follow the specification.
const INITIAL_SYNC_EXTRAS: [&str; 1] = ["receipts"];
const ROOM_INITIAL_SYNC_EXTRAS: [&str; 2] = ["presence", "receipts"];

/// How many receipt events Synapse's answer carries in its `receipts`, which our types do not
/// model; when sol has read the room there is one, his.
fn synapse_receipts(raw: &RawResponse, sol: &User, read: bool) -> Result<String, String> {
    let body: Value = serde_json::from_slice(raw.body()).map_err(|e| e.to_string())?;
    let receipts = body["receipts"].as_array().map_or(0, Vec::len);
    let mentions_sol = body["receipts"]
        .to_string()
        .contains(sol.device.user_id.as_str());
    if read && (receipts != 1 || !mentions_sol) {
        return Err(format!(
            "expected Synapse's receipts to hold sol's read receipt: {}",
            body["receipts"]
        ));
    }
    Ok(format!("Synapse's receipts: {receipts} event(s)"))
}

/// Sol's global initial sync with two messages a room: the public room, joined and published,
/// ending with the newest message; gives the `end` to stream from.
async fn global_initial_sync(
    sol: &User,
    room: &OwnedRoomId,
    messages: &[Sent],
    read: bool,
) -> StepResult<String> {
    let path = decided(sol, &initial_sync::v3::Request::METADATA).await?;
    let mut request = initial_sync::v3::Request::new();
    request.limit = Some(uint!(2));
    let seen = exchange(&sol.client, request).await?;
    let (response, note) = seen.ok(&INITIAL_SYNC_EXTRAS)?;
    let receipts = synapse_receipts(&seen.raw, sol, read)?;
    let rooms: Vec<&OwnedRoomId> = response.rooms.iter().map(|r| &r.room_id).collect();
    expect_eq("the rooms", rooms, vec![room])?;
    let info = &response.rooms[0];
    expect_eq("membership", &info.membership, &Membership::Join)?;
    expect_eq(
        "visibility",
        info.visibility.as_ref(),
        Some(&initial_sync::v3::Visibility::Public),
    )?;
    let chunk = info.messages.as_ref().ok_or("no messages")?;
    let newest = messages.last().ok_or("no messages sent")?;
    let ids = event_ids(&chunk.chunk)?;
    if ids.len() != 2 || ids.last() != Some(&newest.event_id.to_string()) {
        return Err(format!(
            "messages {ids:?}: expected two, the last {}",
            newest.event_id
        ));
    }
    if info.state.is_empty() {
        return Err("no state".to_owned());
    }
    let detail = format!(
        "{path}; one room, join, public, messages ending with {}, {} state events; end {}; \
         {receipts}; {note}",
        newest.event_id,
        info.state.len(),
        response.end
    );
    Ok((response.end, detail))
}

/// The event stream from `from` (of one room when peeking) holds sia's message `sent`.
async fn event_stream(
    sol: &User,
    room: Option<&OwnedRoomId>,
    from: String,
    sent: Sent,
) -> StepResult<()> {
    let path = decided(sol, &get_events::v3::Request::METADATA).await?;
    let request = get_events::v3::Request {
        from: Some(from.clone()),
        timeout: Some(WAIT),
        room_id: room.cloned(),
    };
    let seen = exchange(&sol.client, request).await?;
    let (response, note) = seen.ok(&[])?;
    let ids = event_ids(&response.chunk)?;
    if !ids.contains(&sent.event_id.to_string()) {
        return Err(format!("the stream {ids:?} lacks {}", sent.event_id));
    }
    Ok((
        (),
        format!(
            "{path}; from {from}: {} event(s) with {}; end {:?}; {note}",
            ids.len(),
            sent.event_id,
            response.end
        ),
    ))
}

/// Sia's message by its ID alone.
async fn one_event(sol: &User, room: &OwnedRoomId, sent: Sent) -> StepResult<()> {
    let path = decided(sol, &get_event::v3::Request::METADATA).await?;
    let request = get_event::v3::Request::new(sent.event_id.clone());
    let seen = exchange(&sol.client, request).await?;
    let (response, note) = seen.ok(&[])?;
    let event = json_of(&response.event)?;
    if event["event_id"] != sent.event_id.as_str()
        || event["room_id"] != room.as_str()
        || event["content"]["body"] != sent.body
    {
        return Err(format!("a different event: {event}"));
    }
    Ok((
        (),
        format!("{path}; {} in {room}, its body; {note}", sent.event_id),
    ))
}

/// A room's snapshot as sol sees it: a member (membership join) or peeking (no membership);
/// the state with its creation, and the newest message `newest`.
async fn room_snapshot(
    sol: &User,
    room: &OwnedRoomId,
    member: bool,
    newest: Option<&str>,
    read: bool,
) -> StepResult<String> {
    let path = decided(sol, &room_initial_sync::v3::Request::METADATA).await?;
    let request = room_initial_sync::v3::Request::new(room.clone());
    let seen = exchange(&sol.client, request).await?;
    let (response, note) = seen.ok(&ROOM_INITIAL_SYNC_EXTRAS)?;
    let receipts = synapse_receipts(&seen.raw, sol, read)?;
    expect_eq("room_id", &response.room_id, room)?;
    let membership = member.then_some(Membership::Join);
    expect_eq(
        "membership",
        response.membership.as_ref(),
        membership.as_ref(),
    )?;
    if !event_types(&response.state)?
        .iter()
        .any(|t| t == "m.room.create")
    {
        return Err("the state has no m.room.create".to_owned());
    }
    let messages = response.messages.as_ref().ok_or("no messages")?;
    let last = messages.chunk.last().map(json_of).transpose()?;
    let body = last.as_ref().and_then(|e| e["content"]["body"].as_str());
    if newest.is_some() && body != newest {
        return Err(format!(
            "the newest message is {body:?}, expected {newest:?}"
        ));
    }
    let detail = format!(
        "{path}; membership {:?}, {} state events, {} messages ending with {body:?}; end {}; \
         {receipts}; {note}",
        response.membership,
        response.state.len(),
        messages.chunk.len(),
        messages.end
    );
    Ok((messages.end.clone(), detail))
}
