//! Membership, receipts, typing and spaces against Synapse, as three users live them: mia makes
//! the rooms (a public room with an alias, a private room, a knockable room and a space over the
//! three), max joins by alias and is invited, moe joins by ID and is kicked, banned and unbanned,
//! then knocks and is let in. Max reads (read markers and receipts) and types in the public room;
//! mia and moe walk the space; max asks which rooms he shares with mia.
//!
//! Every answer goes through our types ([`exchange`], checked lossless); what each step did is
//! checked through our types too (the member lists, the joined rooms, the fully-read marker in
//! room account data).

use std::collections::BTreeSet;
use std::time::Duration;

use matrix_api::error::ErrorKind;
use matrix_api::http::StatusCode;
use matrix_api::selection::Rule;
use matrix_api::{uint, UInt};
use matrix_client_api::config::get_room_account_data;
use matrix_client_api::knock::knock_room;
use matrix_client_api::membership::get_member_events::v3::MembershipKind;
use matrix_client_api::membership::invite_user::v3::{InvitationRecipient, Invite3pid, Medium};
use matrix_client_api::membership::{
    ban_user, forget_room, get_member_events, invite_user, join_room_by_id,
    join_room_by_id_or_alias, joined_members, joined_rooms, kick_user, leave_room, mutual_rooms,
    unban_user,
};
use matrix_client_api::read_marker::set_read_marker;
use matrix_client_api::receipt::create_receipt;
use matrix_client_api::receipt::create_receipt::v3::{ReceiptThread, ReceiptType};
use matrix_client_api::room::create_room;
use matrix_client_api::room::create_room::v3::{InitialStateEvent, RoomPreset};
use matrix_client_api::space::get_hierarchy;
use matrix_client_api::typing::create_typing_event;
use matrix_login::flow::Client;
use ruma_common::room::{JoinRuleKind, RoomType};
use ruma_common::serde::{JsonObject, Raw};
use ruma_common::{
    OwnedEventId, OwnedRoomAliasId, OwnedRoomId, OwnedServerName, OwnedUserId, RoomVersionId,
};
use serde_json::{json, Value};

use super::{users, User};
use crate::expect::expect_kind;
use crate::lossless::exchange;
use crate::report::{Report, StepResult};
use crate::synapse::Admin;

/// The group's name, the prefix of its steps.
const GROUP: &str = "membership";

/// The stable path of mutual rooms, which Synapse serves (and announces by a feature flag).
const STABLE_MUTUAL_ROOMS: &str = "/_matrix/client/v1/mutual_rooms";

/// The reasons the steps give, checked on the membership events they make.
const JOIN_REASON: &str = "hello from moe";
const KICK_REASON: &str = "kicked by the membership steps";
const BAN_REASON: &str = "banned by the membership steps";
const UNBAN_REASON: &str = "forgiven";
const KNOCK_REASON: &str = "may I come in?";

/// The rooms mia makes for the session.
struct Rooms {
    /// Public, with the alias.
    public: OwnedRoomId,
    /// The public room's alias.
    alias: OwnedRoomAliasId,
    /// Invite only.
    private: OwnedRoomId,
    /// Join rule `knock`, room version 10.
    knock: OwnedRoomId,
    /// A space whose children are the three rooms above, the public one suggested.
    space: OwnedRoomId,
}

/// A member event as the steps read it: whose, which membership, which event.
#[derive(Debug)]
struct Member {
    user_id: String,
    membership: String,
    event_id: OwnedEventId,
    origin_server_ts: u64,
    /// The reason the membership event carries.
    reason: Option<String>,
}

/// The group's steps, in the order of the session.
pub async fn run(report: &mut Report, client: &Client, synapse: &Admin<'_>) {
    let Some([mia, max, moe]) = users(report, client, synapse, GROUP, ["mia", "max", "moe"]).await
    else {
        report.not_run(
            "membership: every other step",
            "membership: register and log in mia, max, moe",
        );
        return;
    };
    let name = "membership: POST /createRoom (public with an alias, private, knockable v10, a \
                space over the three)";
    let Some(rooms) = report.step(name, create_rooms(&mia)).await else {
        report.not_run(
            "membership: every other step",
            "membership: POST /createRoom",
        );
        return;
    };
    joining(report, &rooms, &mia, &max, &moe).await;
    let members = report
        .step(
            "membership: GET /rooms/{roomId}/members (public room: three joined, unfiltered)",
            members_all_joined(&mia, &rooms, [&mia, &max, &moe]),
        )
        .await;
    report
        .step(
            "membership: GET /rooms/{roomId}/joined_members (public room: three, display names)",
            joined_members_step(&max, &rooms, [&mia, &max, &moe]),
        )
        .await;
    moderation(report, &rooms, &mia, &max, &moe).await;
    leaving(report, &rooms, &max).await;
    knocking(report, &rooms, &mia, &moe).await;
    reading(report, &rooms, &max, members.as_deref()).await;
    typing(report, &rooms, &max, &moe).await;
    spaces(report, &rooms, &mia, &moe).await;
    mutual(report, &rooms, &max, &mia).await;
}

/// Max joins the public room by alias, moe by ID; max is invited to the private room and
/// accepts; mia's third-party invite is refused for want of an identity server.
async fn joining(report: &mut Report, rooms: &Rooms, mia: &User, max: &User, moe: &User) {
    report
        .step(
            "membership: POST /join/{roomIdOrAlias} (max joins the public room by alias, via)",
            join_by_alias(max, rooms),
        )
        .await;
    report
        .step(
            "membership: POST /rooms/{roomId}/join (moe joins the public room by ID, a reason)",
            join_by_id(moe, &rooms.public, Some(JOIN_REASON)),
        )
        .await;
    report
        .step(
            "membership: GET /joined_rooms (max: the public room)",
            joined_rooms_are(max, vec![&rooms.public]),
        )
        .await;
    report
        .step(
            "membership: POST /rooms/{roomId}/invite (mia invites max to the private room, a reason)",
            invite(mia, &rooms.private, max, Some("come to the private room")),
        )
        .await;
    report
        .step(
            "membership: POST /rooms/{roomId}/invite (third-party: an email address, no \
             identity server: 403 M_UNKNOWN)",
            invite_3pid(mia, &rooms.private),
        )
        .await;
    report
        .step(
            "membership: POST /rooms/{roomId}/join (max accepts the invite to the private room)",
            join_by_id(max, &rooms.private, None),
        )
        .await;
    report
        .step(
            "membership: GET /joined_rooms (max: the public and the private room)",
            joined_rooms_are(max, vec![&rooms.public, &rooms.private]),
        )
        .await;
}

/// Mia kicks moe, bans him (his join is then refused), and unbans him; each change read back
/// through the member list's filters.
async fn moderation(report: &mut Report, rooms: &Rooms, mia: &User, max: &User, moe: &User) {
    let room = &rooms.public;
    let kicked = report
        .step(
            "membership: POST /rooms/{roomId}/kick (mia kicks moe from the public room, a reason)",
            kick(mia, room, moe),
        )
        .await;
    report
        .step_after(
            "membership: GET /rooms/{roomId}/members (membership=leave: moe, kicked)",
            kicked,
            (
                "membership: GET /rooms/{roomId}/members (membership=leave)",
                "kick",
            ),
            |()| {
                members_filtered(
                    max,
                    room,
                    Some(MembershipKind::Leave),
                    None,
                    vec![moe],
                    "leave",
                    Some(KICK_REASON),
                )
            },
        )
        .await;
    let banned = report
        .step(
            "membership: POST /rooms/{roomId}/ban (mia bans moe from the public room, a reason)",
            ban(mia, room, moe),
        )
        .await;
    report
        .step_after(
            "membership: GET /rooms/{roomId}/members (membership=ban: moe)",
            banned,
            (
                "membership: GET /rooms/{roomId}/members (membership=ban)",
                "ban",
            ),
            |()| {
                members_filtered(
                    max,
                    room,
                    Some(MembershipKind::Ban),
                    None,
                    vec![moe],
                    "ban",
                    Some(BAN_REASON),
                )
            },
        )
        .await;
    report
        .step_after(
            "membership: POST /rooms/{roomId}/join (moe, banned: 403 M_BAD_STATE)",
            banned,
            ("membership: POST /rooms/{roomId}/join (moe, banned)", "ban"),
            |()| join_refused(moe, room),
        )
        .await;
    let unbanned = report
        .step_after(
            "membership: POST /rooms/{roomId}/unban (mia unbans moe)",
            banned,
            ("membership: POST /rooms/{roomId}/unban", "ban"),
            |()| unban(mia, room, moe),
        )
        .await;
    report
        .step_after(
            "membership: GET /rooms/{roomId}/members (not_membership=join: moe, left)",
            unbanned,
            (
                "membership: GET /rooms/{roomId}/members (not_membership=join)",
                "unban",
            ),
            |()| {
                members_filtered(
                    max,
                    room,
                    None,
                    Some(MembershipKind::Join),
                    vec![moe],
                    "leave",
                    Some(UNBAN_REASON),
                )
            },
        )
        .await;
    report
        .step(
            "membership: GET /rooms/{roomId}/members (membership=join: mia and max)",
            members_filtered(
                max,
                room,
                Some(MembershipKind::Join),
                None,
                vec![mia, max],
                "join",
                None,
            ),
        )
        .await;
}

/// Max cannot forget a room he is in; he leaves the private room and forgets it.
async fn leaving(report: &mut Report, rooms: &Rooms, max: &User) {
    report
        .step(
            "membership: POST /rooms/{roomId}/forget (max, still in the public room: 400 M_UNKNOWN)",
            forget_refused(max, &rooms.public),
        )
        .await;
    let left = report
        .step(
            "membership: POST /rooms/{roomId}/leave (max leaves the private room, a reason)",
            leave(max, &rooms.private),
        )
        .await;
    let forgot = report
        .step_after(
            "membership: POST /rooms/{roomId}/forget (max forgets the private room)",
            left,
            ("membership: POST /rooms/{roomId}/forget", "leave"),
            |()| forget(max, &rooms.private),
        )
        .await;
    report
        .step_after(
            "membership: GET /joined_rooms (max: the public room only, after leave and forget)",
            forgot,
            (
                "membership: GET /joined_rooms (after leave and forget)",
                "forget",
            ),
            |()| joined_rooms_are(max, vec![&rooms.public]),
        )
        .await;
}

/// Moe knocks on the knockable room; mia sees the knock and invites him; he joins.
async fn knocking(report: &mut Report, rooms: &Rooms, mia: &User, moe: &User) {
    let room = &rooms.knock;
    let knocked = report
        .step(
            "membership: POST /knock/{roomIdOrAlias} (moe knocks on the knockable room, via, a reason)",
            knock(moe, room),
        )
        .await;
    report
        .step_after(
            "membership: GET /rooms/{roomId}/members (membership=knock: moe, as mia sees it)",
            knocked,
            (
                "membership: GET /rooms/{roomId}/members (membership=knock)",
                "knock",
            ),
            |()| {
                members_filtered(
                    mia,
                    room,
                    Some(MembershipKind::Knock),
                    None,
                    vec![moe],
                    "knock",
                    Some(KNOCK_REASON),
                )
            },
        )
        .await;
    let invited = report
        .step_after(
            "membership: POST /rooms/{roomId}/invite (mia lets moe in after his knock)",
            knocked,
            (
                "membership: POST /rooms/{roomId}/invite (after the knock)",
                "knock",
            ),
            |()| invite(mia, room, moe, None),
        )
        .await;
    report
        .step_after(
            "membership: POST /join/{roomIdOrAlias} (moe accepts, by room ID)",
            invited,
            (
                "membership: POST /join/{roomIdOrAlias} (moe accepts)",
                "invite",
            ),
            |()| join_or_alias_by_id(moe, room),
        )
        .await;
}

/// Max reads the public room: the read markers at the oldest join, then receipts at the newest;
/// the fully-read marker is read back after each move.
async fn reading(report: &mut Report, rooms: &Rooms, max: &User, members: Option<&[Member]>) {
    // The markers only move forward: the oldest join first, the newest one after.
    let by_time = |newest: bool| {
        let events = members.unwrap_or_default().iter();
        let pick = if newest {
            events.max_by_key(|m| m.origin_server_ts)
        } else {
            events.min_by_key(|m| m.origin_server_ts)
        };
        pick.map(|m| m.event_id.clone())
    };
    let (Some(first), Some(last)) = (by_time(false), by_time(true)) else {
        report.not_run(
            "membership: read markers and receipts",
            "membership: GET /rooms/{roomId}/members",
        );
        return;
    };
    let room = &rooms.public;
    report
        .step(
            "membership: POST /rooms/{roomId}/read_markers (max: m.fully_read, m.read, m.read.private)",
            read_markers(max, room, &first),
        )
        .await;
    for (receipt_type, thread) in [
        (ReceiptType::Read, Some(ReceiptThread::Main)),
        (ReceiptType::ReadPrivate, Some(ReceiptThread::Main)),
        (ReceiptType::Read, None),
        (ReceiptType::FullyRead, None),
    ] {
        let name = format!(
            "membership: POST /rooms/{{roomId}}/receipt/{receipt_type}/{{eventId}} ({})",
            thread
                .as_ref()
                .map_or("the whole room".to_owned(), |t| format!("thread_id {t}"))
        );
        report
            .step(&name, receipt(max, room, receipt_type, &last, thread))
            .await;
    }
}

/// Max types in the public room and stops; he cannot type for moe.
async fn typing(report: &mut Report, rooms: &Rooms, max: &User, moe: &User) {
    let room = &rooms.public;
    let request = create_typing_event::v3::Request::typing(
        room.clone(),
        max.device.user_id.clone(),
        Duration::from_secs(30),
    );
    report
        .step(
            "membership: PUT /rooms/{roomId}/typing/{userId} (max types, timeout 30 s)",
            typing_step(max, request),
        )
        .await;
    let request =
        create_typing_event::v3::Request::stopped(room.clone(), max.device.user_id.clone());
    report
        .step(
            "membership: PUT /rooms/{roomId}/typing/{userId} (max stops, no timeout)",
            typing_step(max, request),
        )
        .await;
    report
        .step(
            "membership: PUT /rooms/{roomId}/typing/{userId} (max for moe: 400 M_FORBIDDEN)",
            typing_for_another(max, room, moe),
        )
        .await;
}

/// The space as mia sees it (all of it, suggested only, one room a page) and as moe sees it.
async fn spaces(report: &mut Report, rooms: &Rooms, mia: &User, moe: &User) {
    let all = [&rooms.space, &rooms.public, &rooms.private, &rooms.knock];
    report
        .step(
            "membership: GET /rooms/{roomId}/hierarchy (mia: the space and its three children)",
            hierarchy(mia, rooms, false, &all),
        )
        .await;
    report
        .step(
            "membership: GET /rooms/{roomId}/hierarchy (suggested_only: the space and the \
             suggested child)",
            hierarchy(mia, rooms, true, &[&rooms.space, &rooms.public]),
        )
        .await;
    report
        .step(
            "membership: GET /rooms/{roomId}/hierarchy (limit=1: one room a page, followed to \
             the end)",
            hierarchy_paged(mia, rooms, &all),
        )
        .await;
    report
        .step(
            "membership: GET /rooms/{roomId}/hierarchy (moe: the private child left out)",
            hierarchy(
                moe,
                rooms,
                false,
                &[&rooms.space, &rooms.public, &rooms.knock],
            ),
        )
        .await;
}

/// The rooms max shares with mia, on the path our client chooses from Synapse's `/versions`.
async fn mutual(report: &mut Report, rooms: &Rooms, max: &User, mia: &User) {
    let chosen = report
        .step(
            "membership: GET /mutual_rooms (the path chosen from Synapse's /versions)",
            mutual_rooms_path(max),
        )
        .await;
    report
        .step_after(
            "membership: GET /mutual_rooms (max with mia: the public room)",
            chosen,
            (
                "membership: GET /mutual_rooms (max with mia)",
                "the path chosen",
            ),
            |()| mutual_rooms_step(rooms, max, mia),
        )
        .await;
    report
        .step_after(
            "membership: GET /mutual_rooms (max with himself: 400 M_INVALID_PARAM)",
            chosen,
            (
                "membership: GET /mutual_rooms (with himself)",
                "the path chosen",
            ),
            |()| mutual_rooms_self(max),
        )
        .await;
}

// Reading room account data and creating rooms.

/// The event the user's fully-read marker is at: room account data `m.fully_read`, read
/// through our types.
async fn fully_read_marker(user: &User, room: &OwnedRoomId) -> Result<String, String> {
    let request = get_room_account_data::v3::Request::new(
        user.device.user_id.clone(),
        room.clone(),
        "m.fully_read".to_owned(),
    );
    let (response, _) = exchange(&user.client, request).await?.ok(&[])?;
    let data: Value =
        serde_json::from_str(response.account_data.json().get()).map_err(|e| e.to_string())?;
    data["event_id"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("m.fully_read is {data}"))
}

/// `POST /createRoom` as `user`, through our types (every answer checked lossless); gives the
/// new room's ID.
async fn create_room(
    user: &User,
    request: create_room::v3::Request,
) -> Result<OwnedRoomId, String> {
    let (response, _) = exchange(&user.client, request).await?.ok(&[])?;
    Ok(response.room_id)
}

/// A JSON object as the raw JSON of a request.
fn object(value: Value) -> Result<Raw<JsonObject>, String> {
    Raw::from_json_string(value.to_string()).map_err(|e| format!("{value}: {e}"))
}

/// Mia's four rooms; the space is made last, its `m.space.child` events in its initial state.
async fn create_rooms(mia: &User) -> StepResult<Rooms> {
    let server = mia.device.user_id.server_name().to_owned();
    let alias_local = format!("membership-{}", mia.device.user_id.localpart());
    let mut request = create_room::v3::Request::new();
    request.preset = Some(RoomPreset::PublicChat);
    request.name = Some("Mia's public room".to_owned());
    request.topic = Some("Membership steps".to_owned());
    request.room_alias_name = Some(alias_local.clone());
    let public = create_room(mia, request)
        .await
        .map_err(|e| format!("public room: {e}"))?;
    let mut request = create_room::v3::Request::new();
    request.preset = Some(RoomPreset::PrivateChat);
    request.name = Some("Mia's private room".to_owned());
    let private = create_room(mia, request)
        .await
        .map_err(|e| format!("private room: {e}"))?;
    let mut request = create_room::v3::Request::new();
    request.preset = Some(RoomPreset::PrivateChat);
    request.name = Some("Mia's knockable room".to_owned());
    request.room_version = Some(RoomVersionId::V10);
    request.initial_state = vec![InitialStateEvent::new(
        "m.room.join_rules".to_owned(),
        String::new(),
        object(json!({ "join_rule": "knock" }))?,
    )
    .to_raw()];
    let knock = create_room(mia, request)
        .await
        .map_err(|e| format!("knockable room: {e}"))?;
    let child = |room: &OwnedRoomId, suggested: bool| {
        let content = object(json!({ "via": [server], "suggested": suggested }))?;
        Ok::<_, String>(
            InitialStateEvent::new("m.space.child".to_owned(), room.to_string(), content).to_raw(),
        )
    };
    let mut request = create_room::v3::Request::new();
    request.preset = Some(RoomPreset::PublicChat);
    request.name = Some("Mia's space".to_owned());
    request.creation_content = Some(object(json!({ "type": "m.space" }))?);
    request.initial_state = vec![
        child(&public, true)?,
        child(&private, false)?,
        child(&knock, false)?,
    ];
    let space = create_room(mia, request)
        .await
        .map_err(|e| format!("space: {e}"))?;
    let alias = OwnedRoomAliasId::try_from(format!("#{alias_local}:{server}"))
        .map_err(|e| format!("alias: {e}"))?;
    let detail =
        format!("public {public} ({alias}), private {private}, knockable {knock}, space {space}");
    Ok((
        Rooms {
            public,
            alias,
            private,
            knock,
            space,
        },
        detail,
    ))
}

// Joining and inviting.

/// Max joins the public room by its alias through his own server (`via`, and `server_name` for
/// servers before v1.12, as `with_servers` writes them).
async fn join_by_alias(max: &User, rooms: &Rooms) -> StepResult<()> {
    let via: OwnedServerName = max.device.user_id.server_name().to_owned();
    let request =
        join_room_by_id_or_alias::v3::Request::with_servers(rooms.alias.clone().into(), vec![via]);
    let seen = exchange(&max.client, request).await?;
    let (response, note) = seen.ok(&[])?;
    if response.room_id != rooms.public {
        return Err(format!(
            "{} resolved to {}, expected {}",
            rooms.alias, response.room_id, rooms.public
        ));
    }
    Ok((
        (),
        format!("{} -> {}; {note}", rooms.alias, response.room_id),
    ))
}

/// `user` joins `room` by ID, with `reason` on the membership event.
async fn join_by_id(user: &User, room: &OwnedRoomId, reason: Option<&str>) -> StepResult<()> {
    let mut request = join_room_by_id::v3::Request::new(room.clone());
    request.reason = reason.map(str::to_owned);
    let seen = exchange(&user.client, request).await?;
    let (response, note) = seen.ok(&[])?;
    if response.room_id != *room {
        return Err(format!("joined {}, expected {room}", response.room_id));
    }
    Ok((
        (),
        format!("{} joined {room}; {note}", user.account.user_id),
    ))
}

/// `user` joins `room` through the by-ID-or-alias endpoint, given the room ID.
async fn join_or_alias_by_id(user: &User, room: &OwnedRoomId) -> StepResult<()> {
    let request = join_room_by_id_or_alias::v3::Request::new(room.clone().into());
    let seen = exchange(&user.client, request).await?;
    let (response, note) = seen.ok(&[])?;
    if response.room_id != *room {
        return Err(format!("joined {}, expected {room}", response.room_id));
    }
    Ok((
        (),
        format!("{} joined {room}; {note}", user.account.user_id),
    ))
}

/// Moe's join of the room he is banned from is refused with 403, and Synapse's errcode is
/// `M_BAD_STATE` where the specification's example has `M_FORBIDDEN` (FINDINGS.md).
async fn join_refused(moe: &User, room: &OwnedRoomId) -> StepResult<()> {
    let seen = exchange(&moe.client, join_room_by_id::v3::Request::new(room.clone())).await?;
    let (err, note) = seen.err(&[])?;
    expect_kind(&err, StatusCode::FORBIDDEN, &ErrorKind::BadState)?;
    Ok(((), format!("{err}; {note}")))
}

/// `GET /joined_rooms` lists exactly `expected`.
async fn joined_rooms_are(user: &User, expected: Vec<&OwnedRoomId>) -> StepResult<()> {
    let seen = exchange(&user.client, joined_rooms::v3::Request::new()).await?;
    let (response, note) = seen.ok(&[])?;
    let got: BTreeSet<&OwnedRoomId> = response.joined_rooms.iter().collect();
    let want: BTreeSet<&OwnedRoomId> = expected.into_iter().collect();
    if got != want {
        return Err(format!("joined rooms {got:?}, expected {want:?}"));
    }
    Ok((
        (),
        format!("{} room(s): {got:?}; {note}", response.joined_rooms.len()),
    ))
}

/// `inviter` invites `invitee` to `room` by user ID.
async fn invite(
    inviter: &User,
    room: &OwnedRoomId,
    invitee: &User,
    reason: Option<&str>,
) -> StepResult<()> {
    let recipient = InvitationRecipient::from(invitee.device.user_id.clone());
    let mut request = invite_user::v3::Request::new(room.clone(), recipient);
    request.reason = reason.map(str::to_owned);
    let seen = exchange(&inviter.client, request).await?;
    let (_, note) = seen.ok(&[])?;
    Ok((
        (),
        format!(
            "{} invited {}; {note}",
            inviter.account.user_id, invitee.account.user_id
        ),
    ))
}

/// An invite by email address: Synapse asks the identity server named in the request over
/// HTTPS, and there is none to ask: the run names one on the loopback address, which Synapse's
/// outbound IP blocklist refuses at once (no timeout, whatever the network), and Synapse answers
/// 403 `M_UNKNOWN` "IP address blocked" (FINDINGS.md). The step checks that error, read through
/// our types.
async fn invite_3pid(mia: &User, room: &OwnedRoomId) -> StepResult<()> {
    let invite = Invite3pid::new(
        "127.0.0.1:1".to_owned(),
        "no-identity-server-token".to_owned(),
        Medium::Email,
        "moe@example.org".to_owned(),
    );
    let request = invite_user::v3::Request::new(room.clone(), invite.into());
    let seen = exchange(&mia.client, request).await?;
    let (err, note) = seen.err(&[])?;
    expect_kind(&err, StatusCode::FORBIDDEN, &ErrorKind::Unknown)?;
    Ok(((), format!("refused: {err}; {note}")))
}

// Moderation and leaving.

/// Mia kicks moe with a reason.
async fn kick(mia: &User, room: &OwnedRoomId, moe: &User) -> StepResult<()> {
    let mut request = kick_user::v3::Request::new(room.clone(), moe.device.user_id.clone());
    request.reason = Some(KICK_REASON.to_owned());
    let seen = exchange(&mia.client, request).await?;
    let (_, note) = seen.ok(&[])?;
    Ok(((), format!("{} kicked; {note}", moe.account.user_id)))
}

/// Mia bans moe with a reason.
async fn ban(mia: &User, room: &OwnedRoomId, moe: &User) -> StepResult<()> {
    let mut request = ban_user::v3::Request::new(room.clone(), moe.device.user_id.clone());
    request.reason = Some(BAN_REASON.to_owned());
    let seen = exchange(&mia.client, request).await?;
    let (_, note) = seen.ok(&[])?;
    Ok(((), format!("{} banned; {note}", moe.account.user_id)))
}

/// Mia lifts moe's ban with a reason.
async fn unban(mia: &User, room: &OwnedRoomId, moe: &User) -> StepResult<()> {
    let mut request = unban_user::v3::Request::new(room.clone(), moe.device.user_id.clone());
    request.reason = Some(UNBAN_REASON.to_owned());
    let seen = exchange(&mia.client, request).await?;
    let (_, note) = seen.ok(&[])?;
    Ok(((), format!("{} unbanned; {note}", moe.account.user_id)))
}

/// Max leaves the room with a reason.
async fn leave(max: &User, room: &OwnedRoomId) -> StepResult<()> {
    let mut request = leave_room::v3::Request::new(room.clone());
    request.reason = Some("done here".to_owned());
    let seen = exchange(&max.client, request).await?;
    let (_, note) = seen.ok(&[])?;
    Ok(((), format!("{} left {room}; {note}", max.account.user_id)))
}

/// Max forgets the room he left.
async fn forget(max: &User, room: &OwnedRoomId) -> StepResult<()> {
    let seen = exchange(&max.client, forget_room::v3::Request::new(room.clone())).await?;
    let (_, note) = seen.ok(&[])?;
    Ok(((), format!("{} forgot {room}; {note}", max.account.user_id)))
}

/// Forgetting a room the user is still in is refused with 400 `M_UNKNOWN` (the specification's
/// example of this error is the same).
async fn forget_refused(max: &User, room: &OwnedRoomId) -> StepResult<()> {
    let seen = exchange(&max.client, forget_room::v3::Request::new(room.clone())).await?;
    let (err, note) = seen.err(&[])?;
    expect_kind(&err, StatusCode::BAD_REQUEST, &ErrorKind::Unknown)?;
    Ok(((), format!("{err}; {note}")))
}

/// Moe knocks on the room by ID through his server, with a reason.
async fn knock(moe: &User, room: &OwnedRoomId) -> StepResult<()> {
    let via: OwnedServerName = moe.device.user_id.server_name().to_owned();
    let mut request = knock_room::v3::Request::with_servers(room.clone().into(), vec![via]);
    request.reason = Some(KNOCK_REASON.to_owned());
    let seen = exchange(&moe.client, request).await?;
    let (response, note) = seen.ok(&[])?;
    if response.room_id != *room {
        return Err(format!("knocked on {}, expected {room}", response.room_id));
    }
    Ok((
        (),
        format!("{} knocked on {room}; {note}", moe.account.user_id),
    ))
}

// Member lists.

/// The member events of `room` as `user` sees them, filtered, read through our types.
async fn member_events(
    user: &User,
    room: &OwnedRoomId,
    membership: Option<MembershipKind>,
    not_membership: Option<MembershipKind>,
) -> Result<(Vec<Member>, String), String> {
    let mut request = get_member_events::v3::Request::new(room.clone());
    request.membership = membership;
    request.not_membership = not_membership;
    let seen = exchange(&user.client, request).await?;
    let (response, note) = seen.ok(&[])?;
    let mut members = Vec::new();
    for raw in &response.chunk {
        let event: Value = serde_json::from_str(raw.json().get()).map_err(|e| e.to_string())?;
        let field = |value: &Value| value.as_str().map(str::to_owned);
        let (Some(user_id), Some(membership), Some(event_id)) = (
            field(&event["state_key"]),
            field(&event["content"]["membership"]),
            field(&event["event_id"]),
        ) else {
            return Err(format!("not a member event: {event}"));
        };
        if event["type"] != "m.room.member" {
            return Err(format!("not a member event: {event}"));
        }
        let event_id = OwnedEventId::try_from(event_id).map_err(|e| e.to_string())?;
        let origin_server_ts = event["origin_server_ts"]
            .as_u64()
            .ok_or_else(|| format!("no origin_server_ts: {event}"))?;
        members.push(Member {
            user_id,
            membership,
            event_id,
            origin_server_ts,
            reason: field(&event["content"]["reason"]),
        });
    }
    Ok((members, note))
}

/// The members of the public room, unfiltered: the three users, joined. Gives the events for
/// the read markers and receipts.
async fn members_all_joined(
    mia: &User,
    rooms: &Rooms,
    everyone: [&User; 3],
) -> StepResult<Vec<Member>> {
    let (members, note) = member_events(mia, &rooms.public, None, None).await?;
    let got: BTreeSet<(&str, &str)> = members
        .iter()
        .map(|m| (m.user_id.as_str(), m.membership.as_str()))
        .collect();
    let want: BTreeSet<(&str, &str)> = everyone
        .iter()
        .map(|u| (u.device.user_id.as_str(), "join"))
        .collect();
    if got != want || members.len() != want.len() {
        return Err(format!("members {members:?}, expected {want:?}"));
    }
    let moe = everyone[2].device.user_id.as_str();
    let moe_join = members.iter().find(|m| m.user_id == moe);
    if moe_join.and_then(|m| m.reason.as_deref()) != Some(JOIN_REASON) {
        return Err(format!(
            "moe's join has no reason {JOIN_REASON:?}: {moe_join:?}"
        ));
    }
    let detail = format!(
        "{} member events, all join, moe's with his reason; {note}",
        members.len()
    );
    Ok((members, detail))
}

/// The members of `room` with the filters are exactly `expected`, each with `membership`.
async fn members_filtered(
    user: &User,
    room: &OwnedRoomId,
    membership: Option<MembershipKind>,
    not_membership: Option<MembershipKind>,
    expected: Vec<&User>,
    expected_membership: &str,
    reason: Option<&str>,
) -> StepResult<()> {
    let (members, note) = member_events(user, room, membership, not_membership).await?;
    let got: BTreeSet<&str> = members.iter().map(|m| m.user_id.as_str()).collect();
    let want: BTreeSet<&str> = expected.iter().map(|u| u.device.user_id.as_str()).collect();
    if got != want || members.len() != want.len() {
        return Err(format!("members {members:?}, expected {want:?}"));
    }
    if let Some(m) = members.iter().find(|m| m.membership != expected_membership) {
        return Err(format!(
            "{} has membership {}, expected {expected_membership}",
            m.user_id, m.membership
        ));
    }
    if let Some(reason) = reason {
        if let Some(m) = members.iter().find(|m| m.reason.as_deref() != Some(reason)) {
            return Err(format!(
                "{}'s event has reason {:?}, expected {reason:?}",
                m.user_id, m.reason
            ));
        }
    }
    let reason = reason.map_or(String::new(), |r| format!(", reason {r:?}"));
    Ok((
        (),
        format!("{got:?}, {expected_membership}{reason}; {note}"),
    ))
}

/// `GET /joined_members` of the public room: the three users, each with the display name
/// Synapse gives at registration (the localpart).
async fn joined_members_step(max: &User, rooms: &Rooms, everyone: [&User; 3]) -> StepResult<()> {
    let request = joined_members::v3::Request::new(rooms.public.clone());
    let seen = exchange(&max.client, request).await?;
    let (response, note) = seen.ok(&[])?;
    let want: BTreeSet<&OwnedUserId> = everyone.iter().map(|u| &u.device.user_id).collect();
    let got: BTreeSet<&OwnedUserId> = response.joined.keys().collect();
    if got != want {
        return Err(format!("joined {got:?}, expected {want:?}"));
    }
    for (user_id, member) in &response.joined {
        if member.display_name.as_deref() != Some(user_id.localpart()) {
            return Err(format!(
                "{user_id} has display name {:?}",
                member.display_name
            ));
        }
    }
    Ok((
        (),
        format!(
            "{} joined, display names their localparts; {note}",
            got.len()
        ),
    ))
}

// Reading and typing.

/// Max puts all three markers at `event` in one call; the fully-read marker is then there.
async fn read_markers(max: &User, room: &OwnedRoomId, event: &OwnedEventId) -> StepResult<()> {
    let mut request = set_read_marker::v3::Request::new(room.clone());
    request.fully_read = Some(event.clone());
    request.read_receipt = Some(event.clone());
    request.private_read_receipt = Some(event.clone());
    let seen = exchange(&max.client, request).await?;
    let (_, note) = seen.ok(&[])?;
    let marker = fully_read_marker(max, room).await?;
    if marker != event.as_str() {
        return Err(format!("m.fully_read is at {marker}, expected {event}"));
    }
    Ok((
        (),
        format!("all three at {event}; m.fully_read read back there; {note}"),
    ))
}

/// Max sends a receipt of `receipt_type` for `event`, for `thread` or the whole room; an
/// `m.fully_read` receipt moves the fully-read marker, which is read back.
async fn receipt(
    max: &User,
    room: &OwnedRoomId,
    receipt_type: ReceiptType,
    event: &OwnedEventId,
    thread: Option<ReceiptThread>,
) -> StepResult<()> {
    let fully_read = receipt_type == ReceiptType::FullyRead;
    let mut request = create_receipt::v3::Request::new(room.clone(), receipt_type, event.clone());
    request.thread_id = thread;
    let seen = exchange(&max.client, request).await?;
    let (_, note) = seen.ok(&[])?;
    let mut detail = format!("at {event}");
    if fully_read {
        let marker = fully_read_marker(max, room).await?;
        if marker != event.as_str() {
            return Err(format!("m.fully_read is at {marker}, expected {event}"));
        }
        detail.push_str("; m.fully_read read back there");
    }
    Ok(((), format!("{detail}; {note}")))
}

/// One typing notice of max's.
async fn typing_step(max: &User, request: create_typing_event::v3::Request) -> StepResult<()> {
    let (typing, timeout) = (request.typing, request.timeout);
    let seen = exchange(&max.client, request).await?;
    let (_, note) = seen.ok(&[])?;
    Ok(((), format!("typing: {typing}, timeout {timeout:?}; {note}")))
}

/// Max cannot set moe's typing state: Synapse answers 400 `M_FORBIDDEN`.
async fn typing_for_another(max: &User, room: &OwnedRoomId, moe: &User) -> StepResult<()> {
    let request = create_typing_event::v3::Request::typing(
        room.clone(),
        moe.device.user_id.clone(),
        Duration::from_secs(30),
    );
    let seen = exchange(&max.client, request).await?;
    let (err, note) = seen.err(&[])?;
    expect_kind(&err, StatusCode::BAD_REQUEST, &ErrorKind::Forbidden)?;
    Ok(((), format!("{err}; {note}")))
}

// Spaces.

/// One page of the space's hierarchy as `user` sees it.
async fn hierarchy_page(
    user: &User,
    rooms: &Rooms,
    suggested_only: bool,
    limit: Option<UInt>,
    from: Option<String>,
) -> Result<(get_hierarchy::v1::Response, String), String> {
    let mut request = get_hierarchy::v1::Request::new(rooms.space.clone());
    request.suggested_only = suggested_only;
    request.limit = limit;
    request.from = from;
    let seen = exchange(&user.client, request).await?;
    seen.ok(&[])
}

/// The space's hierarchy in one page holds exactly `expected`, the space first with its three
/// child events and room type, the children with their join rules.
async fn hierarchy(
    user: &User,
    rooms: &Rooms,
    suggested_only: bool,
    expected: &[&OwnedRoomId],
) -> StepResult<()> {
    let (page, note) = hierarchy_page(user, rooms, suggested_only, None, None).await?;
    if page.next_batch.is_some() {
        return Err(format!(
            "a next_batch on the only page: {:?}",
            page.next_batch
        ));
    }
    let got: Vec<&OwnedRoomId> = page.rooms.iter().map(|r| &r.room_id).collect();
    // With suggested_only, the space's child events are the suggested ones only.
    let children = if suggested_only { 1 } else { 3 };
    check_hierarchy(rooms, &page.rooms, &got, expected, children)?;
    Ok((
        (),
        format!(
            "{} room(s), the space first with {children} child event(s); {note}",
            got.len()
        ),
    ))
}

/// The hierarchy one room a page: every page has one room and a `next_batch` but the last, and
/// together they hold `expected`.
async fn hierarchy_paged(mia: &User, rooms: &Rooms, expected: &[&OwnedRoomId]) -> StepResult<()> {
    let mut chunks = Vec::new();
    let mut from = None;
    let mut pages = 0;
    let mut notes = BTreeSet::new();
    loop {
        let (page, note) = hierarchy_page(mia, rooms, false, Some(uint!(1)), from.take()).await?;
        pages += 1;
        notes.insert(note);
        if page.rooms.len() != 1 {
            return Err(format!("page {pages} has {} rooms", page.rooms.len()));
        }
        chunks.extend(page.rooms);
        match page.next_batch {
            Some(next) if pages <= expected.len() => from = Some(next),
            Some(next) => return Err(format!("page {pages} still has next_batch {next}")),
            None => break,
        }
    }
    let got: Vec<&OwnedRoomId> = chunks.iter().map(|r| &r.room_id).collect();
    check_hierarchy(rooms, &chunks, &got, expected, 3)?;
    let notes: Vec<String> = notes.into_iter().collect();
    Ok((
        (),
        format!(
            "{pages} pages of one room, next_batch followed; {}",
            notes.join(", ")
        ),
    ))
}

/// What every walk of the space shows: exactly `expected`, the space first (a space, public,
/// with `children` `m.space.child` events), each room with the join rule mia gave it.
fn check_hierarchy(
    rooms: &Rooms,
    chunks: &[get_hierarchy::v1::SpaceHierarchyRoomsChunk],
    got: &[&OwnedRoomId],
    expected: &[&OwnedRoomId],
    children: usize,
) -> Result<(), String> {
    let got_set: BTreeSet<&OwnedRoomId> = got.iter().copied().collect();
    let want: BTreeSet<&OwnedRoomId> = expected.iter().copied().collect();
    if got_set != want || got.len() != want.len() {
        return Err(format!("rooms {got:?}, expected {want:?}"));
    }
    let space = &chunks[0];
    if space.room_id != rooms.space || space.room_type != Some(RoomType::Space) {
        return Err(format!(
            "the first room is {} of type {:?}, expected the space",
            space.room_id, space.room_type
        ));
    }
    if space.children_state.len() != children {
        return Err(format!(
            "the space has {} child events, expected {children}",
            space.children_state.len()
        ));
    }
    for chunk in chunks {
        let rule = if chunk.room_id == rooms.knock {
            JoinRuleKind::Knock
        } else if chunk.room_id == rooms.private {
            JoinRuleKind::Invite
        } else {
            JoinRuleKind::Public
        };
        if chunk.join_rule.as_ref() != Some(&rule) {
            return Err(format!(
                "{} has join rule {:?}, expected {rule:?}",
                chunk.room_id, chunk.join_rule
            ));
        }
    }
    Ok(())
}

// Mutual rooms.

/// Our client takes the stable path, announced by Synapse's feature flag
/// `uk.half-shot.msc2666.query_mutual_rooms.stable` (Synapse announces versions up to v1.15 only,
/// and serves no unstable path any more).
async fn mutual_rooms_path(max: &User) -> StepResult<()> {
    let decision = max
        .client
        .decide(&mutual_rooms::v1::Request::METADATA)
        .await
        .map_err(|e| format!("deciding the path: {e}"))?;
    let rule = decision.outcome.as_ref().map(|c| c.rule).ok();
    if decision.path() != Ok(STABLE_MUTUAL_ROOMS) || rule != Some(Rule::NewestStable) {
        return Err(format!(
            "expected {STABLE_MUTUAL_ROOMS} by the newest stable rule, got: {decision}"
        ));
    }
    Ok(((), format!("{decision}")))
}

/// The rooms max shares with mia: the public room only (he left the private one).
async fn mutual_rooms_step(rooms: &Rooms, max: &User, mia: &User) -> StepResult<()> {
    let request = mutual_rooms::v1::Request::new(mia.device.user_id.clone());
    let seen = exchange(&max.client, request).await?;
    let (response, note) = seen.ok(&[])?;
    if response.joined != [rooms.public.clone()] {
        return Err(format!(
            "shared rooms {:?}, expected [{}]",
            response.joined, rooms.public
        ));
    }
    if response.count != Some(uint!(1)) || response.next_batch.is_some() {
        return Err(format!(
            "count {:?}, next_batch {:?}",
            response.count, response.next_batch
        ));
    }
    Ok((
        (),
        format!("joined [{}], count 1, no next_batch; {note}", rooms.public),
    ))
}

/// Asking for the rooms shared with oneself is refused with 400 `M_INVALID_PARAM`.
async fn mutual_rooms_self(max: &User) -> StepResult<()> {
    let request = mutual_rooms::v1::Request::new(max.device.user_id.clone());
    let seen = exchange(&max.client, request).await?;
    let (err, note) = seen.err(&[])?;
    expect_kind(&err, StatusCode::BAD_REQUEST, &ErrorKind::InvalidParam)?;
    Ok(((), format!("{err}; {note}")))
}
