//! Rooms, state, events, relations, threads and reports against Synapse, as two users live
//! them: rhea makes a public room (room version 10, an alias, a name, a topic, a custom piece of
//! initial state) and a private one she invites rolf to; rolf looks at the public room's summary
//! before joining it, by alias and by ID. Rhea sets state under a non-empty and under an empty
//! state key and reads it back in both formats, lists the room's state and aliases, and finds
//! her messages by time in both directions. Both write in a thread and react; the relations
//! endpoints and the thread lists read it back. Rhea redacts a message; rolf reports an event,
//! the room and rhea; rhea upgrades the private room, whose tombstone points to its successor.
//!
//! Every answer goes through our types ([`exchange`], checked lossless), and what each step did
//! is read back through our types too.

use std::time::{Duration, SystemTime};

use matrix_api::error::ErrorKind;
use matrix_api::http::StatusCode;
use matrix_api::{uint, OutgoingRequest, SendAccessToken, UInt};
use matrix_client_api::alias::create_alias;
use matrix_client_api::membership::join_room_by_id;
use matrix_client_api::message::get_message_events::v3::Direction;
use matrix_client_api::message::send_message_event;
use matrix_client_api::redact::redact_event;
use matrix_client_api::relations::{
    get_relating_events, get_relating_events_with_rel_type,
    get_relating_events_with_rel_type_and_event_type,
};
use matrix_client_api::reporting::report_user;
use matrix_client_api::room::create_room::v3::{InitialStateEvent, RoomPreset, Visibility};
use matrix_client_api::room::get_summary::v1::Membership;
use matrix_client_api::room::{
    aliases, create_room, get_event_by_timestamp, get_room_event, get_summary, report_content,
    report_room, upgrade_room,
};
use matrix_client_api::state::get_state_event_for_key::v3::StateEventFormat;
use matrix_client_api::state::{get_state_event_for_key, get_state_events, send_state_event};
use matrix_client_api::threads::get_threads;
use matrix_client_api::threads::get_threads::v1::IncludeThreads;
use matrix_login::flow::Client;
use ruma_common::serde::{JsonObject, Raw};
use ruma_common::{
    MilliSecondsSinceUnixEpoch, OwnedEventId, OwnedRoomAliasId, OwnedRoomId, OwnedTransactionId,
    RoomVersionId,
};
use serde_json::{json, Value};

use super::{users, User};
use crate::expect::expect_kind;
use crate::lossless::exchange;
use crate::report::{Report, StepResult};
use crate::synapse::Admin;

/// The group's name, the prefix of its steps.
const GROUP: &str = "rooms";

/// The custom state event type the steps set.
const NOTE_TYPE: &str = "org.example.rooms.note";
/// The custom state event type of the public room's initial state.
const SETTINGS_TYPE: &str = "org.example.rooms.settings";
/// The public room's name and topic.
const PUBLIC_NAME: &str = "Rhea's public room";
const PUBLIC_TOPIC: &str = "Rooms, state, relations";

/// The rooms rhea makes.
struct Rooms {
    /// Public, room version 10, with the alias.
    public: OwnedRoomId,
    /// The public room's canonical alias.
    alias: OwnedRoomAliasId,
    /// Private, room version 10, rolf invited.
    private: OwnedRoomId,
}

/// The messages of the public room the later steps use.
struct Messages {
    /// Rhea's first message, sent after a pause.
    first: Event,
    /// Rhea's second message, sent after another pause.
    second: Event,
}

/// An event as the steps need it: its ID and time.
#[derive(Clone, Debug)]
struct Event {
    id: OwnedEventId,
    ts: u64,
}

/// The thread roots and the events that relate to them.
struct Threads {
    /// Rhea's root, which rolf replies to.
    root: OwnedEventId,
    /// Rolf's thread reply.
    rolf_reply: OwnedEventId,
    /// Rhea's thread reply, after rolf's.
    rhea_reply: OwnedEventId,
    /// Rhea's reaction to the root.
    reaction: OwnedEventId,
    /// Rhea's reaction to rolf's reply: related to the root only through it.
    nested: OwnedEventId,
    /// Rhea's second root, with a reply of her own only.
    other_root: OwnedEventId,
}

/// The group's steps, in the order of the session.
pub async fn run(report: &mut Report, client: &Client, synapse: &Admin<'_>) {
    let Some([rhea, rolf]) = users(report, client, synapse, GROUP, ["rhea", "rolf"]).await else {
        report.not_run(
            "rooms: every other step",
            "rooms: register and log in rhea, rolf",
        );
        return;
    };
    let rooms = creating(report, &rhea, &rolf).await;
    let Some(rooms) = rooms else {
        report.not_run("rooms: every other step", "rooms: POST /createRoom");
        return;
    };
    summary(report, client, &rooms, &rolf).await;
    state(report, &rooms, &rhea).await;
    report
        .step(
            "rooms: GET /rooms/{roomId}/aliases (rhea: the canonical alias and a second one)",
            local_aliases(&rhea, &rooms),
        )
        .await;
    let messages = events(report, &rooms, &rhea).await;
    timestamps(report, &rooms, &rhea, messages.as_ref()).await;
    let joined = report
        .step(
            "rooms: POST /rooms/{roomId}/join (rolf joins the public room, for the threads)",
            join(&rolf, &rooms.public),
        )
        .await;
    let threads = report
        .step_after(
            "rooms: PUT /rooms/{roomId}/send/{eventType}/{txnId} (two threads, replies of both, \
             reactions)",
            joined,
            ("rooms: relations and threads", "rooms: rolf joins"),
            |()| write_threads(&rooms, &rhea, &rolf),
        )
        .await;
    match threads {
        Some(threads) => {
            relations(report, &rooms, &rhea, &threads).await;
            thread_lists(report, &rooms, &rhea, &rolf, &threads).await;
        }
        None => report.not_run(
            "rooms: GET /relations and GET /threads (every step)",
            "rooms: PUT /rooms/{roomId}/send/{eventType}/{txnId} (two threads)",
        ),
    }
    redaction(report, &rooms, &rhea).await;
    reports(report, &rooms, &rhea, &rolf, messages.as_ref()).await;
    upgrade(report, &rooms, &rhea, &rolf).await;
}

// The session, part by part.

/// Rhea makes the public and the private room; an unknown room version is refused.
async fn creating(report: &mut Report, rhea: &User, rolf: &User) -> Option<Rooms> {
    let public = report
        .step(
            "rooms: POST /createRoom (public_chat, published, v10, alias, name, topic, \
             initial_state)",
            create_public(rhea),
        )
        .await;
    let private = report
        .step(
            "rooms: POST /createRoom (private_chat, v10, invite rolf, is_direct)",
            create_private(rhea, rolf),
        )
        .await;
    report
        .step(
            "rooms: POST /createRoom (room_version 999: 400 M_UNSUPPORTED_ROOM_VERSION)",
            create_unsupported(rhea),
        )
        .await;
    let ((public, alias), private) = (public?, private?);
    Some(Rooms {
        public,
        alias,
        private,
    })
}

/// Rolf, not in the public room, reads its summary by alias and by ID; a client without a
/// session by ID; rolf the private room's, invited.
async fn summary(report: &mut Report, anonymous: &Client, rooms: &Rooms, rolf: &User) {
    report
        .step(
            "rooms: GET /room_summary/{roomIdOrAlias} (rolf, not a member: the public room by \
             alias)",
            summary_public(&rolf.client, rooms, rooms.alias.clone().into(), true),
        )
        .await;
    report
        .step(
            "rooms: GET /room_summary/{roomIdOrAlias} (rolf, not a member: the public room by ID)",
            summary_public(&rolf.client, rooms, rooms.public.clone().into(), true),
        )
        .await;
    report
        .step(
            "rooms: GET /room_summary/{roomIdOrAlias} (no access token: the public room by ID)",
            summary_public(anonymous, rooms, rooms.public.clone().into(), false),
        )
        .await;
    report
        .step(
            "rooms: GET /room_summary/{roomIdOrAlias} (rolf: the private room, invited)",
            summary_private(rolf, rooms),
        )
        .await;
}

/// Rhea sets a note under a non-empty and under the empty state key, reads each back in both
/// formats, and lists the whole state.
async fn state(report: &mut Report, rooms: &Rooms, rhea: &User) {
    let keyed = report
        .step(
            "rooms: PUT /rooms/{roomId}/state/{eventType}/{stateKey} (custom type, state key \
             \"pinned\")",
            put_note(rhea, &rooms.public, "pinned", "keyed note"),
        )
        .await;
    let empty = report
        .step(
            "rooms: PUT /rooms/{roomId}/state/{eventType}/{stateKey} (custom type, empty state \
             key: the path without it)",
            put_note(rhea, &rooms.public, "", "unkeyed note"),
        )
        .await;
    for (key, event, note) in [
        ("pinned", keyed.as_ref(), "keyed note"),
        ("", empty.as_ref(), "unkeyed note"),
    ] {
        let shown = if key.is_empty() { "empty" } else { key };
        for format in [None, Some(StateEventFormat::Content)] {
            let name = format!(
                "rooms: GET /rooms/{{roomId}}/state/{{eventType}}/{{stateKey}} (state key \
                 {shown}, format={}: the content)",
                format.as_ref().map_or("absent", |f| f.as_str())
            );
            report
                .step_after(
                    &name,
                    event,
                    (
                        &name,
                        "rooms: PUT /rooms/{roomId}/state/{eventType}/{stateKey}",
                    ),
                    |_| get_note_content(rhea, &rooms.public, key, note, format),
                )
                .await;
        }
        let name = format!(
            "rooms: GET /rooms/{{roomId}}/state/{{eventType}}/{{stateKey}} (state key {shown}, \
             format=event: the whole event)"
        );
        report
            .step_after(
                &name,
                event,
                (
                    &name,
                    "rooms: PUT /rooms/{roomId}/state/{eventType}/{stateKey}",
                ),
                |event| get_note_event(rhea, &rooms.public, key, note, event),
            )
            .await;
    }
    report
        .step(
            "rooms: GET /rooms/{roomId}/state/{eventType}/{stateKey} (no such state: 404 \
             M_NOT_FOUND)",
            state_missing(rhea, &rooms.public),
        )
        .await;
    report
        .step(
            "rooms: GET /rooms/{roomId}/state (the public room: create v10, name, topic, \
             initial state, both notes)",
            all_state(rhea, rooms),
        )
        .await;
}

/// Rhea sends two messages, a pause before each, and reads one back; an unknown event is 404.
async fn events(report: &mut Report, rooms: &Rooms, rhea: &User) -> Option<Messages> {
    let messages = report
        .step(
            "rooms: PUT /rooms/{roomId}/send/{eventType}/{txnId} (rhea: two messages, 50 ms apart)",
            send_two(rhea, &rooms.public),
        )
        .await;
    report
        .step(
            "rooms: GET /rooms/{roomId}/event/{eventId} (an unknown event: 404 M_NOT_FOUND)",
            event_missing(rhea, &rooms.public),
        )
        .await;
    messages
}

/// The event nearest a moment between the two messages, both ways.
async fn timestamps(report: &mut Report, rooms: &Rooms, rhea: &User, messages: Option<&Messages>) {
    for (dir, which) in [(Direction::Forward, "f"), (Direction::Backward, "b")] {
        let name = format!(
            "rooms: GET /rooms/{{roomId}}/timestamp_to_event (dir={which}: the {} message)",
            if dir == Direction::Forward {
                "second"
            } else {
                "first"
            }
        );
        report
            .step_after(
                &name,
                messages,
                (&name, "rooms: PUT /rooms/{roomId}/send (two messages)"),
                |messages| by_time(rhea, &rooms.public, messages, dir),
            )
            .await;
    }
}

/// The three relations endpoints over the first thread, with dir, limit and recurse.
async fn relations(report: &mut Report, rooms: &Rooms, rhea: &User, threads: &Threads) {
    report
        .step(
            "rooms: GET /rooms/{roomId}/relations/{eventId} (the root: two replies and a \
             reaction, newest first)",
            relations_all(rhea, rooms, threads),
        )
        .await;
    report
        .step(
            "rooms: GET /rooms/{roomId}/relations/{eventId} (limit=2, dir=f: two pages, \
             next_batch followed)",
            relations_paged(rhea, rooms, threads),
        )
        .await;
    report
        .step(
            "rooms: GET /rooms/{roomId}/relations/{eventId} (recurse: the reaction to a reply \
             too, recursion_depth)",
            relations_recursive(rhea, rooms, threads),
        )
        .await;
    report
        .step(
            "rooms: GET /rooms/{roomId}/relations/{eventId}/{relType} (m.thread, dir=f: rolf's \
             reply, then rhea's)",
            relations_threaded(rhea, rooms, threads),
        )
        .await;
    report
        .step(
            "rooms: GET /rooms/{roomId}/relations/{eventId}/{relType}/{eventType} (m.annotation, \
             m.reaction: rhea's reaction)",
            relations_reactions(rhea, rooms, threads),
        )
        .await;
}

/// The thread lists: all of them (in one page, then one a page), and those each took part in.
async fn thread_lists(
    report: &mut Report,
    rooms: &Rooms,
    rhea: &User,
    rolf: &User,
    threads: &Threads,
) {
    let both = [&threads.other_root, &threads.root];
    report
        .step(
            "rooms: GET /rooms/{roomId}/threads (include=all: both roots, the latest first, \
             with their reply counts)",
            threads_all(rolf, rooms, threads),
        )
        .await;
    report
        .step(
            "rooms: GET /rooms/{roomId}/threads (limit=1: one root a page, next_batch followed)",
            threads_paged(rhea, rooms, &both),
        )
        .await;
    report
        .step(
            "rooms: GET /rooms/{roomId}/threads (include=participated, rolf: his thread only)",
            threads_participated(rolf, rooms, &[&threads.root]),
        )
        .await;
    report
        .step(
            "rooms: GET /rooms/{roomId}/threads (include=participated, rhea: both)",
            threads_participated(rhea, rooms, &both),
        )
        .await;
}

/// Rhea sends a message, redacts it with a reason and reads it back redacted.
async fn redaction(report: &mut Report, rooms: &Rooms, rhea: &User) {
    let redacted = report
        .step(
            "rooms: PUT /rooms/{roomId}/redact/{eventId}/{txnId} (rhea redacts her message, a \
             reason)",
            redact(rhea, &rooms.public),
        )
        .await;
    report
        .step_after(
            "rooms: GET /rooms/{roomId}/event/{eventId} (the redacted message: no content, \
             redacted_because)",
            redacted.as_ref(),
            (
                "rooms: GET /rooms/{roomId}/event/{eventId} (the redacted message)",
                "rooms: PUT /rooms/{roomId}/redact/{eventId}/{txnId}",
            ),
            |(message, redaction)| read_redacted(rhea, &rooms.public, message, redaction),
        )
        .await;
}

/// Rolf reports rhea's first message, the public room and rhea.
async fn reports(
    report: &mut Report,
    rooms: &Rooms,
    rhea: &User,
    rolf: &User,
    messages: Option<&Messages>,
) {
    report
        .step_after(
            "rooms: POST /rooms/{roomId}/report/{eventId} (rolf reports rhea's message, a reason)",
            messages,
            (
                "rooms: POST /rooms/{roomId}/report/{eventId}",
                "rooms: PUT /rooms/{roomId}/send (two messages)",
            ),
            |messages| report_event(rolf, &rooms.public, &messages.first.id),
        )
        .await;
    report
        .step(
            "rooms: POST /rooms/{roomId}/report/{eventId} (an unknown event: 404 M_NOT_FOUND)",
            report_missing_event(rolf, &rooms.public),
        )
        .await;
    report
        .step(
            "rooms: POST /rooms/{roomId}/report (rolf reports the public room)",
            report_the_room(rolf, &rooms.public),
        )
        .await;
    report
        .step(
            "rooms: POST /users/{userId}/report (rolf reports rhea)",
            report_rhea(rolf, rhea),
        )
        .await;
}

/// Rolf joins the private room; he may not upgrade it, nor may rhea to an unknown version;
/// rhea upgrades it to v11, and the tombstone and the new room's predecessor are read back.
async fn upgrade(report: &mut Report, rooms: &Rooms, rhea: &User, rolf: &User) {
    let joined = report
        .step(
            "rooms: POST /rooms/{roomId}/join (rolf accepts the invite to the private room)",
            join(rolf, &rooms.private),
        )
        .await;
    report
        .step_after(
            "rooms: POST /rooms/{roomId}/upgrade (rolf, a member without the power: 403 \
             M_FORBIDDEN)",
            joined,
            (
                "rooms: POST /rooms/{roomId}/upgrade (rolf)",
                "rooms: POST /rooms/{roomId}/join",
            ),
            |()| {
                upgrade_refused(
                    rolf,
                    &rooms.private,
                    RoomVersionId::V11,
                    StatusCode::FORBIDDEN,
                )
            },
        )
        .await;
    report
        .step(
            "rooms: POST /rooms/{roomId}/upgrade (version 999: 400 M_UNSUPPORTED_ROOM_VERSION)",
            upgrade_refused(
                rhea,
                &rooms.private,
                RoomVersionId::try_from("999").expect("a valid room version string"),
                StatusCode::BAD_REQUEST,
            ),
        )
        .await;
    let replacement = report
        .step(
            "rooms: POST /rooms/{roomId}/upgrade (rhea: the private room to v11)",
            upgrade_private(rhea, &rooms.private),
        )
        .await;
    report
        .step_after(
            "rooms: GET /rooms/{roomId}/state/{eventType}/{stateKey} (m.room.tombstone: the \
             replacement; its m.room.create: the predecessor)",
            replacement.as_ref(),
            (
                "rooms: the tombstone and the predecessor",
                "rooms: POST /rooms/{roomId}/upgrade",
            ),
            |new| tombstone(rhea, &rooms.private, new),
        )
        .await;
}

// Creating rooms.

/// A JSON object as raw JSON.
fn object(value: Value) -> Result<Raw<JsonObject>, String> {
    Raw::from_json_string(value.to_string()).map_err(|e| format!("{value}: {e}"))
}

/// A raw object or event read as JSON.
fn parse<T>(raw: &Raw<T>) -> Result<Value, String> {
    serde_json::from_str(raw.json().get()).map_err(|e| e.to_string())
}

/// A fresh transaction ID.
fn txn(what: &str) -> OwnedTransactionId {
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    OwnedTransactionId::from(format!("{what}-{nanos}"))
}

/// The public room: published, v10, an alias, a name, a topic and a custom state event.
async fn create_public(rhea: &User) -> StepResult<(OwnedRoomId, OwnedRoomAliasId)> {
    let localpart = format!("rooms-{}", rhea.device.user_id.localpart());
    let settings = InitialStateEvent::new(
        SETTINGS_TYPE.to_owned(),
        String::new(),
        object(json!({ "colour": "teal" }))?,
    );
    let mut request = create_room::v3::Request::new();
    request.preset = Some(RoomPreset::PublicChat);
    request.visibility = Some(Visibility::Public);
    request.room_version = Some(RoomVersionId::V10);
    request.room_alias_name = Some(localpart.clone());
    request.name = Some(PUBLIC_NAME.to_owned());
    request.topic = Some(PUBLIC_TOPIC.to_owned());
    request.initial_state = vec![settings.to_raw()];
    request.creation_content = Some(object(json!({ "m.federate": false }))?);
    let seen = exchange(&rhea.client, request).await?;
    let (response, note) = seen.ok(&[])?;
    let server = rhea.device.user_id.server_name();
    let alias = OwnedRoomAliasId::try_from(format!("#{localpart}:{server}"))
        .map_err(|e| format!("alias: {e}"))?;
    let detail = format!("{} ({alias}); {note}", response.room_id);
    Ok(((response.room_id, alias), detail))
}

/// The private room, rolf invited as to a direct chat.
async fn create_private(rhea: &User, rolf: &User) -> StepResult<OwnedRoomId> {
    let mut request = create_room::v3::Request::new();
    request.preset = Some(RoomPreset::PrivateChat);
    request.room_version = Some(RoomVersionId::V10);
    request.name = Some("Rhea's private room".to_owned());
    request.invite = vec![rolf.device.user_id.clone()];
    request.is_direct = true;
    let seen = exchange(&rhea.client, request).await?;
    let (response, note) = seen.ok(&[])?;
    let room = response.room_id;
    // The invitation, read back as rolf's member event (a state key that is a user ID).
    let request = get_state_event_for_key::v3::Request::new(
        room.clone(),
        "m.room.member".to_owned(),
        rolf.device.user_id.to_string(),
    );
    let (member, member_note) = exchange(&rhea.client, request).await?.ok(&[])?;
    let member = parse(&member.event_or_content)?;
    if member["membership"] != "invite" || member["is_direct"] != true {
        return Err(format!(
            "rolf's member event is {member}, expected a direct invite"
        ));
    }
    Ok((
        room.clone(),
        format!("{room}; {note}; rolf's member event read back: invite, is_direct; {member_note}"),
    ))
}

/// A room of a version Synapse does not know is refused.
async fn create_unsupported(rhea: &User) -> StepResult<()> {
    let mut request = create_room::v3::Request::new();
    request.room_version = Some(RoomVersionId::try_from("999").map_err(|e| e.to_string())?);
    let seen = exchange(&rhea.client, request).await?;
    let (err, note) = seen.err(&[])?;
    expect_kind(
        &err,
        StatusCode::BAD_REQUEST,
        &ErrorKind::UnsupportedRoomVersion,
    )?;
    Ok(((), format!("{err}; {note}")))
}

// Summaries.

/// The public room's summary, by `room` (its alias or ID), through `client`; `with_token` when
/// the client has rolf's session, so that Synapse says his membership (none otherwise).
async fn summary_public(
    client: &Client,
    rooms: &Rooms,
    room: ruma_common::OwnedRoomOrAliasId,
    with_token: bool,
) -> StepResult<()> {
    let seen = exchange(client, get_summary::v1::Request::new(room.clone())).await?;
    let (summary, note) = seen.ok(&[])?;
    let expected = (
        &rooms.public,
        Some(&rooms.alias),
        Some(PUBLIC_NAME),
        Some(PUBLIC_TOPIC),
        uint!(1),
        Some("public"),
        Some(&RoomVersionId::V10),
    );
    let got = (
        &summary.room_id,
        summary.canonical_alias.as_ref(),
        summary.name.as_deref(),
        summary.topic.as_deref(),
        summary.num_joined_members,
        summary.join_rule.as_ref().map(|rule| rule.as_str()),
        summary.room_version.as_ref(),
    );
    if got != expected {
        return Err(format!("summary {got:?}, expected {expected:?}"));
    }
    if summary.world_readable || summary.guest_can_join || summary.room_type.is_some() {
        return Err(format!(
            "world_readable {}, guest_can_join {}, room_type {:?}",
            summary.world_readable, summary.guest_can_join, summary.room_type
        ));
    }
    let membership = summary.membership.as_ref();
    let membership_ok = if with_token {
        membership == Some(&Membership::Leave)
    } else {
        membership.is_none()
    };
    if !membership_ok {
        return Err(format!("membership {membership:?}"));
    }
    Ok((
        (),
        format!(
            "{room} -> {}: name, topic, alias, 1 joined, public, v10, membership {}; {note}",
            summary.room_id,
            membership.map_or("absent", |m| m.as_str())
        ),
    ))
}

/// The private room's summary as rolf sees it, invited.
async fn summary_private(rolf: &User, rooms: &Rooms) -> StepResult<()> {
    let request = get_summary::v1::Request::new(rooms.private.clone().into());
    let (summary, note) = exchange(&rolf.client, request).await?.ok(&[])?;
    if summary.room_id != rooms.private
        || summary.membership != Some(Membership::Invite)
        || summary.join_rule.as_ref().map(|rule| rule.as_str()) != Some("invite")
    {
        return Err(format!(
            "room {}, membership {:?}, join rule {:?}",
            summary.room_id, summary.membership, summary.join_rule
        ));
    }
    Ok((
        (),
        format!("{}: invite, join rule invite; {note}", summary.room_id),
    ))
}

// State.

/// The path our client sends a request on, built as `Client::send_unparsed` builds it (the
/// token is a placeholder: only the URI is read, nothing is sent).
async fn sent_path<R: OutgoingRequest + Clone>(
    client: &Client,
    request: &R,
) -> Result<String, String> {
    let decision = client
        .decide(&R::METADATA)
        .await
        .map_err(|e| format!("deciding the path: {e}"))?;
    let template = client.path_for(&decision).map_err(|e| e.to_string())?;
    let http = request
        .clone()
        .try_into_http_request_with_path(
            template,
            client.homeserver(),
            SendAccessToken::IfRequired("placeholder"),
        )
        .map_err(|e| e.to_string())?;
    Ok(http.uri().path().to_owned())
}

/// Rhea sets a note under `key`; gives the event's ID. For the empty key the path is checked
/// to end at the event type, and Synapse to have stored the event under the empty key.
async fn put_note(
    rhea: &User,
    room: &OwnedRoomId,
    key: &str,
    text: &str,
) -> StepResult<OwnedEventId> {
    let request = send_state_event::v3::Request::new(
        room.clone(),
        NOTE_TYPE.to_owned(),
        key.to_owned(),
        object(json!({ "text": text }))?,
    );
    let path = sent_path(&rhea.client, &request).await?;
    let expected_end = if key.is_empty() {
        format!("/state/{NOTE_TYPE}")
    } else {
        format!("/state/{NOTE_TYPE}/{key}")
    };
    if !path.ends_with(&expected_end) {
        return Err(format!(
            "our client sent {path}, expected it to end {expected_end}"
        ));
    }
    let seen = exchange(&rhea.client, request).await?;
    let (response, note) = seen.ok(&[])?;
    // What Synapse made of the path: the event, read back whole, with its state key.
    let request = get_room_event::v3::Request::new(room.clone(), response.event_id.clone());
    let (event, _) = exchange(&rhea.client, request).await?.ok(&[])?;
    let event = parse(&event.event)?;
    if event["state_key"] != key || event["type"] != NOTE_TYPE || event["content"]["text"] != text {
        return Err(format!(
            "Synapse stored {event}, expected state key {key:?}"
        ));
    }
    Ok((
        response.event_id.clone(),
        format!(
            "sent on {path}; {} stored with state_key {key:?}; {note}",
            response.event_id
        ),
    ))
}

/// The note under `key`, as its content (`format` absent or `content`).
async fn get_note_content(
    rhea: &User,
    room: &OwnedRoomId,
    key: &str,
    text: &str,
    format: Option<StateEventFormat>,
) -> StepResult<()> {
    let mut request = get_state_event_for_key::v3::Request::new(
        room.clone(),
        NOTE_TYPE.to_owned(),
        key.to_owned(),
    );
    request.format = format;
    let path = sent_path(&rhea.client, &request).await?;
    let (response, note) = exchange(&rhea.client, request).await?.ok(&[])?;
    let content = parse(&response.event_or_content)?;
    if content != json!({ "text": text }) {
        return Err(format!("content {content}, expected the note {text:?}"));
    }
    Ok(((), format!("{content} (sent on {path}); {note}")))
}

/// The note under `key`, as the whole event (`format=event`): the event `id` with its key.
async fn get_note_event(
    rhea: &User,
    room: &OwnedRoomId,
    key: &str,
    text: &str,
    id: &OwnedEventId,
) -> StepResult<()> {
    let mut request = get_state_event_for_key::v3::Request::new(
        room.clone(),
        NOTE_TYPE.to_owned(),
        key.to_owned(),
    );
    request.format = Some(StateEventFormat::Event);
    let (response, note) = exchange(&rhea.client, request).await?.ok(&[])?;
    let event = parse(&response.event_or_content)?;
    let got = (
        &event["event_id"],
        &event["type"],
        &event["state_key"],
        &event["sender"],
        &event["content"]["text"],
    );
    let want = (
        &json!(id),
        &json!(NOTE_TYPE),
        &json!(key),
        &json!(rhea.device.user_id),
        &json!(text),
    );
    if got != want {
        return Err(format!("event {event}, expected {want:?}"));
    }
    Ok(((), format!("{id}, state_key {key:?}, sender rhea; {note}")))
}

/// State that was never set is 404 `M_NOT_FOUND`.
async fn state_missing(rhea: &User, room: &OwnedRoomId) -> StepResult<()> {
    let request = get_state_event_for_key::v3::Request::new(
        room.clone(),
        NOTE_TYPE.to_owned(),
        "never-set".to_owned(),
    );
    let (err, note) = exchange(&rhea.client, request).await?.err(&[])?;
    expect_kind(&err, StatusCode::NOT_FOUND, &ErrorKind::NotFound)?;
    Ok(((), format!("{err}; {note}")))
}

/// The public room's whole state holds what rhea set up.
async fn all_state(rhea: &User, rooms: &Rooms) -> StepResult<()> {
    let request = get_state_events::v3::Request::new(rooms.public.clone());
    let (response, note) = exchange(&rhea.client, request).await?.ok(&[])?;
    let events = response
        .room_state
        .iter()
        .map(parse)
        .collect::<Result<Vec<_>, _>>()?;
    let find = |event_type: &str, key: &str| {
        events
            .iter()
            .find(|e| e["type"] == event_type && e["state_key"] == key)
            .map(|e| &e["content"])
    };
    let checks = [
        ("m.room.create", "", "room_version", json!("10")),
        ("m.room.create", "", "m.federate", json!(false)),
        ("m.room.name", "", "name", json!(PUBLIC_NAME)),
        ("m.room.topic", "", "topic", json!(PUBLIC_TOPIC)),
        ("m.room.join_rules", "", "join_rule", json!("public")),
        ("m.room.canonical_alias", "", "alias", json!(rooms.alias)),
        (SETTINGS_TYPE, "", "colour", json!("teal")),
        (NOTE_TYPE, "", "text", json!("unkeyed note")),
        (NOTE_TYPE, "pinned", "text", json!("keyed note")),
    ];
    for (event_type, key, field, value) in checks {
        let got = find(event_type, key).map(|c| &c[field]);
        if got != Some(&value) {
            return Err(format!(
                "{event_type}/{key:?}: {field} is {got:?}, expected {value}"
            ));
        }
    }
    Ok((
        (),
        format!(
            "{} state events, the nine checked; {note}",
            response.room_state.len()
        ),
    ))
}

/// Rhea adds a second alias; the room's local aliases are the canonical one and it.
async fn local_aliases(rhea: &User, rooms: &Rooms) -> StepResult<()> {
    let second = OwnedRoomAliasId::try_from(format!(
        "#rooms-second-{}:{}",
        rhea.device.user_id.localpart(),
        rhea.device.user_id.server_name()
    ))
    .map_err(|e| e.to_string())?;
    let request = create_alias::v3::Request::new(second.clone(), rooms.public.clone());
    exchange(&rhea.client, request).await?.ok(&[])?;
    let request = aliases::v3::Request::new(rooms.public.clone());
    let (response, note) = exchange(&rhea.client, request).await?.ok(&[])?;
    let mut got = response.aliases.clone();
    got.sort();
    let mut want = vec![rooms.alias.clone(), second];
    want.sort();
    if got != want {
        return Err(format!("aliases {got:?}, expected {want:?}"));
    }
    Ok(((), format!("{got:?}; {note}")))
}

// Events and time.

/// Sends a message event of `event_type` with `content` as `user`; its ID.
async fn send(
    user: &User,
    room: &OwnedRoomId,
    event_type: &str,
    content: Value,
) -> Result<OwnedEventId, String> {
    let request = send_message_event::v3::Request::new(
        room.clone(),
        event_type.to_owned(),
        txn("send"),
        object(content)?,
    );
    let (response, _) = exchange(&user.client, request).await?.ok(&[])?;
    Ok(response.event_id)
}

/// A text message.
fn text(body: &str) -> Value {
    json!({ "msgtype": "m.text", "body": body })
}

/// An event read back whole through `GET /event`, checked to be `id`.
async fn get_event(
    user: &User,
    room: &OwnedRoomId,
    id: &OwnedEventId,
) -> Result<(Value, String), String> {
    let request = get_room_event::v3::Request::new(room.clone(), id.clone());
    let (response, note) = exchange(&user.client, request).await?.ok(&[])?;
    let event = parse(&response.event)?;
    if event["event_id"] != id.as_str() || event["room_id"] != room.as_str() {
        return Err(format!("asked for {id}, got {event}"));
    }
    Ok((event, note))
}

/// Rhea's two messages, each after a pause so that no other event shares its millisecond;
/// each read back through `GET /event` for its time.
async fn send_two(rhea: &User, room: &OwnedRoomId) -> StepResult<Messages> {
    let mut events = Vec::new();
    let mut notes = Vec::new();
    for body in ["first message", "second message"] {
        tokio::time::sleep(Duration::from_millis(50)).await;
        let id = send(rhea, room, "m.room.message", text(body)).await?;
        let (event, note) = get_event(rhea, room, &id).await?;
        if event["content"]["body"] != body || event["sender"] != rhea.device.user_id.as_str() {
            return Err(format!("{id} read back as {event}"));
        }
        let ts = event["origin_server_ts"]
            .as_u64()
            .ok_or_else(|| format!("no origin_server_ts: {event}"))?;
        events.push(Event { id, ts });
        notes.push(note);
    }
    let [first, second] = <[Event; 2]>::try_from(events).expect("two messages");
    if second.ts <= first.ts + 1 {
        return Err(format!(
            "the messages are {first:?} and {second:?}: too close"
        ));
    }
    let detail = format!(
        "{} at {}, {} at {}, each read back by GET /rooms/{{roomId}}/event/{{eventId}}; {}",
        first.id,
        first.ts,
        second.id,
        second.ts,
        notes.join(", ")
    );
    Ok((Messages { first, second }, detail))
}

/// An event that does not exist is 404 `M_NOT_FOUND`.
async fn event_missing(rhea: &User, room: &OwnedRoomId) -> StepResult<()> {
    let id = OwnedEventId::try_from("$no-such-event").map_err(|e| e.to_string())?;
    let request = get_room_event::v3::Request::new(room.clone(), id);
    let (err, note) = exchange(&rhea.client, request).await?.err(&[])?;
    expect_kind(&err, StatusCode::NOT_FOUND, &ErrorKind::NotFound)?;
    Ok(((), format!("{err}; {note}")))
}

/// From a millisecond after the first message: forwards the second, backwards the first.
async fn by_time(
    rhea: &User,
    room: &OwnedRoomId,
    messages: &Messages,
    dir: Direction,
) -> StepResult<()> {
    let ts = messages.first.ts + 1;
    let moment = MilliSecondsSinceUnixEpoch(UInt::try_from(ts).map_err(|e| e.to_string())?);
    let expected = if dir == Direction::Forward {
        &messages.second
    } else {
        &messages.first
    };
    let request = get_event_by_timestamp::v1::Request::new(room.clone(), moment, dir);
    let (response, note) = exchange(&rhea.client, request).await?.ok(&[])?;
    let got = (&response.event_id, u64::from(response.origin_server_ts.0));
    if got != (&expected.id, expected.ts) {
        return Err(format!("from {ts}: {got:?}, expected {expected:?}"));
    }
    Ok(((), format!("from {ts}: {} at {}; {note}", got.0, got.1)))
}

// Relations and threads.

/// Rolf joins `room` by ID.
async fn join(rolf: &User, room: &OwnedRoomId) -> StepResult<()> {
    let request = join_room_by_id::v3::Request::new(room.clone());
    let (response, note) = exchange(&rolf.client, request).await?.ok(&[])?;
    Ok(((), format!("{}; {note}", response.room_id)))
}

/// The content of a reply in the thread of `root`.
fn thread_reply(root: &OwnedEventId, body: &str) -> Value {
    json!({
        "msgtype": "m.text",
        "body": body,
        "m.relates_to": {
            "rel_type": "m.thread",
            "event_id": root,
            "is_falling_back": true,
            "m.in_reply_to": { "event_id": root },
        },
    })
}

/// The content of a reaction to `event`.
fn reaction(event: &OwnedEventId, key: &str) -> Value {
    json!({ "m.relates_to": { "rel_type": "m.annotation", "event_id": event, "key": key } })
}

/// Rhea's root and rolf's reply, rhea's reply and reactions; then rhea's second thread.
async fn write_threads(rooms: &Rooms, rhea: &User, rolf: &User) -> StepResult<Threads> {
    let room = &rooms.public;
    let root = send(rhea, room, "m.room.message", text("thread root")).await?;
    let rolf_reply = send(
        rolf,
        room,
        "m.room.message",
        thread_reply(&root, "rolf in the thread"),
    )
    .await?;
    let rhea_reply = send(
        rhea,
        room,
        "m.room.message",
        thread_reply(&root, "rhea in the thread"),
    )
    .await?;
    let reaction_id = send(rhea, room, "m.reaction", reaction(&root, "👍")).await?;
    let nested = send(rhea, room, "m.reaction", reaction(&rolf_reply, "🎉")).await?;
    let other_root = send(rhea, room, "m.room.message", text("another thread root")).await?;
    send(
        rhea,
        room,
        "m.room.message",
        thread_reply(&other_root, "rhea alone here"),
    )
    .await?;
    let detail = format!(
        "root {root}: rolf's reply {rolf_reply}, rhea's {rhea_reply}, a reaction {reaction_id}, \
         a reaction {nested} to rolf's reply; a second root {other_root} with rhea's reply"
    );
    Ok((
        Threads {
            root,
            rolf_reply,
            rhea_reply,
            reaction: reaction_id,
            nested,
            other_root,
        },
        detail,
    ))
}

/// The IDs of a page of events.
fn ids(chunk: &[Raw<JsonObject>]) -> Result<Vec<String>, String> {
    chunk
        .iter()
        .map(|raw| {
            let event = parse(raw)?;
            event["event_id"]
                .as_str()
                .map(str::to_owned)
                .ok_or_else(|| format!("no event_id: {event}"))
        })
        .collect()
}

/// The chunk's IDs are exactly `want`, in order.
fn same_ids(chunk: &[Raw<JsonObject>], want: &[&OwnedEventId]) -> Result<Vec<String>, String> {
    let got = ids(chunk)?;
    let want: Vec<&str> = want.iter().map(|id| id.as_str()).collect();
    if got != want {
        return Err(format!("events {got:?}, expected {want:?}"));
    }
    Ok(got)
}

/// Every event relating to the root, newest first, in one page.
async fn relations_all(rhea: &User, rooms: &Rooms, t: &Threads) -> StepResult<()> {
    let request = get_relating_events::v1::Request::new(rooms.public.clone(), t.root.clone());
    let (page, note) = exchange(&rhea.client, request).await?.ok(&[])?;
    same_ids(&page.chunk, &[&t.reaction, &t.rhea_reply, &t.rolf_reply])?;
    if page.next_batch.is_some() || page.recursion_depth.is_some() {
        return Err(format!(
            "next_batch {:?}, recursion_depth {:?} on the only page",
            page.next_batch, page.recursion_depth
        ));
    }
    Ok(((), format!("3 events, newest first, one page; {note}")))
}

/// The same events two a page, oldest first, following `next_batch`.
async fn relations_paged(rhea: &User, rooms: &Rooms, t: &Threads) -> StepResult<()> {
    let mut request = get_relating_events::v1::Request::new(rooms.public.clone(), t.root.clone());
    request.limit = Some(uint!(2));
    request.dir = Direction::Forward;
    let (first, note) = exchange(&rhea.client, request.clone()).await?.ok(&[])?;
    same_ids(&first.chunk, &[&t.rolf_reply, &t.rhea_reply])?;
    let Some(next) = first.next_batch.clone() else {
        return Err("no next_batch after the first page of two".to_owned());
    };
    request.from = Some(next.clone());
    let (second, second_note) = exchange(&rhea.client, request).await?.ok(&[])?;
    same_ids(&second.chunk, &[&t.reaction])?;
    if second.next_batch.is_some() {
        return Err(format!(
            "the last page has next_batch {:?}",
            second.next_batch
        ));
    }
    Ok((
        (),
        format!("2 + 1 events oldest first, next_batch {next}; {note}, {second_note}"),
    ))
}

/// With `recurse`, the reaction to rolf's reply too, and the depth Synapse went to.
async fn relations_recursive(rhea: &User, rooms: &Rooms, t: &Threads) -> StepResult<()> {
    let mut request = get_relating_events::v1::Request::new(rooms.public.clone(), t.root.clone());
    request.recurse = true;
    let (page, note) = exchange(&rhea.client, request).await?.ok(&[])?;
    same_ids(
        &page.chunk,
        &[&t.nested, &t.reaction, &t.rhea_reply, &t.rolf_reply],
    )?;
    let Some(depth) = page.recursion_depth else {
        return Err("no recursion_depth with recurse=true".to_owned());
    };
    Ok((
        (),
        format!("4 events, the nested reaction first, recursion_depth {depth}; {note}"),
    ))
}

/// The thread replies only, oldest first.
async fn relations_threaded(rhea: &User, rooms: &Rooms, t: &Threads) -> StepResult<()> {
    let mut request = get_relating_events_with_rel_type::v1::Request::new(
        rooms.public.clone(),
        t.root.clone(),
        "m.thread".to_owned(),
    );
    request.dir = Direction::Forward;
    let (page, note) = exchange(&rhea.client, request).await?.ok(&[])?;
    same_ids(&page.chunk, &[&t.rolf_reply, &t.rhea_reply])?;
    Ok(((), format!("rolf's reply, then rhea's; {note}")))
}

/// The reactions only, one a page.
async fn relations_reactions(rhea: &User, rooms: &Rooms, t: &Threads) -> StepResult<()> {
    let mut request = get_relating_events_with_rel_type_and_event_type::v1::Request::new(
        rooms.public.clone(),
        t.root.clone(),
        "m.annotation".to_owned(),
        "m.reaction".to_owned(),
    );
    request.limit = Some(uint!(1));
    let (page, note) = exchange(&rhea.client, request).await?.ok(&[])?;
    same_ids(&page.chunk, &[&t.reaction])?;
    let event = parse(&page.chunk[0])?;
    if event["content"]["m.relates_to"]["key"] != "👍" {
        return Err(format!("the reaction is {event}"));
    }
    Ok(((), format!("{} (👍); {note}", t.reaction)))
}

/// One page of the thread list.
async fn threads_page(
    user: &User,
    rooms: &Rooms,
    include: Option<IncludeThreads>,
    limit: Option<UInt>,
    from: Option<String>,
) -> Result<(get_threads::v1::Response, String), String> {
    let mut request = get_threads::v1::Request::new(rooms.public.clone());
    request.include = include;
    request.limit = limit;
    request.from = from;
    exchange(&user.client, request).await?.ok(&[])
}

/// Every thread, the latest active first, with its bundled reply count.
async fn threads_all(rolf: &User, rooms: &Rooms, t: &Threads) -> StepResult<()> {
    let (page, note) = threads_page(rolf, rooms, Some(IncludeThreads::All), None, None).await?;
    same_ids(&page.chunk, &[&t.other_root, &t.root])?;
    let mut counts = Vec::new();
    for raw in &page.chunk {
        let root = parse(raw)?;
        let thread = &root["unsigned"]["m.relations"]["m.thread"];
        counts.push(thread["count"].as_u64().unwrap_or(0));
        if thread["latest_event"]["event_id"].is_null() {
            return Err(format!("no latest_event bundled: {root}"));
        }
    }
    if counts != [1, 2] {
        return Err(format!("reply counts {counts:?}, expected [1, 2]"));
    }
    if page.next_batch.is_some() {
        return Err(format!("next_batch {:?} on the only page", page.next_batch));
    }
    Ok((
        (),
        format!("2 roots, reply counts {counts:?}, latest events bundled; {note}"),
    ))
}

/// The thread list one root a page, to the end.
async fn threads_paged(rhea: &User, rooms: &Rooms, want: &[&OwnedEventId]) -> StepResult<()> {
    let mut got = Vec::new();
    let mut from = None;
    let mut pages = 0;
    let mut notes = Vec::new();
    loop {
        let (page, note) = threads_page(rhea, rooms, None, Some(uint!(1)), from.take()).await?;
        pages += 1;
        notes.push(note);
        if page.chunk.len() != 1 {
            return Err(format!("page {pages} has {} roots", page.chunk.len()));
        }
        got.extend(ids(&page.chunk)?);
        match page.next_batch {
            Some(next) if pages <= want.len() => from = Some(next),
            Some(next) => return Err(format!("page {pages} still has next_batch {next}")),
            None => break,
        }
    }
    let want: Vec<&str> = want.iter().map(|id| id.as_str()).collect();
    if got != want {
        return Err(format!("roots {got:?}, expected {want:?}"));
    }
    notes.dedup();
    Ok(((), format!("{pages} pages: {got:?}; {}", notes.join(", "))))
}

/// The threads `user` took part in.
async fn threads_participated(
    user: &User,
    rooms: &Rooms,
    want: &[&OwnedEventId],
) -> StepResult<()> {
    let (page, note) =
        threads_page(user, rooms, Some(IncludeThreads::Participated), None, None).await?;
    let got = same_ids(&page.chunk, want)?;
    Ok(((), format!("{got:?}; {note}")))
}

// Redaction.

/// Rhea sends a message and redacts it with a reason: (the message, the redaction).
async fn redact(rhea: &User, room: &OwnedRoomId) -> StepResult<(OwnedEventId, OwnedEventId)> {
    let message = send(rhea, room, "m.room.message", text("regrettable")).await?;
    let mut request = redact_event::v3::Request::new(room.clone(), message.clone(), txn("redact"));
    request.reason = Some("said too much".to_owned());
    let (response, note) = exchange(&rhea.client, request).await?.ok(&[])?;
    Ok((
        (message.clone(), response.event_id.clone()),
        format!("{message} redacted by {}; {note}", response.event_id),
    ))
}

/// The redacted message has no content left, and says what redacted it.
async fn read_redacted(
    rhea: &User,
    room: &OwnedRoomId,
    message: &OwnedEventId,
    redaction: &OwnedEventId,
) -> StepResult<()> {
    let (event, note) = get_event(rhea, room, message).await?;
    let because = &event["unsigned"]["redacted_because"];
    if event["content"] != json!({}) || because["event_id"] != redaction.as_str() {
        return Err(format!("{message} read back as {event}"));
    }
    if because["content"]["reason"] != "said too much" {
        return Err(format!("the redaction is {because}"));
    }
    Ok((
        (),
        format!("content {{}}, redacted_because {redaction} with its reason; {note}"),
    ))
}

// Reports.

/// Rolf reports rhea's message with a reason.
async fn report_event(rolf: &User, room: &OwnedRoomId, event: &OwnedEventId) -> StepResult<()> {
    let mut request = report_content::v3::Request::new(room.clone(), event.clone());
    request.reason = Some("reported by the rooms steps".to_owned());
    let (_, note) = exchange(&rolf.client, request).await?.ok(&[])?;
    Ok(((), format!("{event} reported; {note}")))
}

/// Reporting an event that does not exist: Synapse says so (404 `M_NOT_FOUND`).
async fn report_missing_event(rolf: &User, room: &OwnedRoomId) -> StepResult<()> {
    let id = OwnedEventId::try_from("$no-such-event").map_err(|e| e.to_string())?;
    let request = report_content::v3::Request::new(room.clone(), id);
    let (err, note) = exchange(&rolf.client, request).await?.err(&[])?;
    expect_kind(&err, StatusCode::NOT_FOUND, &ErrorKind::NotFound)?;
    Ok(((), format!("{err}; {note}")))
}

/// Rolf reports the room.
async fn report_the_room(rolf: &User, room: &OwnedRoomId) -> StepResult<()> {
    let path = sent_path(
        &rolf.client,
        &report_room::v3::Request::new(room.clone(), String::new()),
    )
    .await?;
    let request = report_room::v3::Request::new(room.clone(), "a room of reports".to_owned());
    let (_, note) = exchange(&rolf.client, request).await?.ok(&[])?;
    Ok(((), format!("{room} reported on {path}; {note}")))
}

/// Rolf reports rhea.
async fn report_rhea(rolf: &User, rhea: &User) -> StepResult<()> {
    let user = rhea.device.user_id.clone();
    let path = sent_path(
        &rolf.client,
        &report_user::v3::Request::new(user.clone(), String::new()),
    )
    .await?;
    let request = report_user::v3::Request::new(user.clone(), "reports everyone".to_owned());
    let (_, note) = exchange(&rolf.client, request).await?.ok(&[])?;
    Ok(((), format!("{user} reported on {path}; {note}")))
}

// Upgrades.

/// An upgrade `user` may not make: 403 `M_FORBIDDEN` for want of power, 400
/// `M_UNSUPPORTED_ROOM_VERSION` for an unknown version.
async fn upgrade_refused(
    user: &User,
    room: &OwnedRoomId,
    version: RoomVersionId,
    status: StatusCode,
) -> StepResult<()> {
    let request = upgrade_room::v3::Request::new(room.clone(), version);
    let (err, note) = exchange(&user.client, request).await?.err(&[])?;
    let kind = if status == StatusCode::FORBIDDEN {
        ErrorKind::Forbidden
    } else {
        ErrorKind::UnsupportedRoomVersion
    };
    expect_kind(&err, status, &kind)?;
    Ok(((), format!("{err}; {note}")))
}

/// Rhea upgrades the private room to v11; the replacement's ID.
async fn upgrade_private(rhea: &User, room: &OwnedRoomId) -> StepResult<OwnedRoomId> {
    let request = upgrade_room::v3::Request::new(room.clone(), RoomVersionId::V11);
    let (response, note) = exchange(&rhea.client, request).await?.ok(&[])?;
    let new = response.replacement_room;
    if new == *room {
        return Err(format!("the replacement is the room itself: {new}"));
    }
    Ok((new.clone(), format!("{room} -> {new}; {note}")))
}

/// The old room's tombstone names the new one; the new room's create event names the old.
async fn tombstone(rhea: &User, old: &OwnedRoomId, new: &OwnedRoomId) -> StepResult<()> {
    let request = get_state_event_for_key::v3::Request::new(
        old.clone(),
        "m.room.tombstone".to_owned(),
        String::new(),
    );
    let (response, note) = exchange(&rhea.client, request).await?.ok(&[])?;
    let tombstone = parse(&response.event_or_content)?;
    if tombstone["replacement_room"] != new.as_str() {
        return Err(format!("the tombstone is {tombstone}, expected {new}"));
    }
    let mut request = get_state_event_for_key::v3::Request::new(
        new.clone(),
        "m.room.create".to_owned(),
        String::new(),
    );
    request.format = Some(StateEventFormat::Event);
    let (response, create_note) = exchange(&rhea.client, request).await?.ok(&[])?;
    let create = parse(&response.event_or_content)?;
    let content = &create["content"];
    if content["predecessor"]["room_id"] != old.as_str() || content["room_version"] != "11" {
        return Err(format!("the new room's create event is {create}"));
    }
    Ok((
        (),
        format!("tombstone -> {new}; {new} is v11, predecessor {old}; {note}; {create_note}"),
    ))
}
