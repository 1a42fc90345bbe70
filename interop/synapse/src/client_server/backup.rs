//! Server-side key backup against Synapse, as one user lives it: bex has no backup yet, creates
//! one (a public key, signed), reads it as the latest and by its version, adds a signature to its
//! `auth_data`, stores keys at the three depths (one session, one room, every room) and reads
//! them back at the three depths; a second backup version makes the first one stale, and storing
//! to it is refused with the current version; bex deletes keys at the three depths and both
//! versions.
//!
//! Every answer goes through our types ([`exchange`], checked lossless), and what each step did
//! is read back through our types too: the keys' `session_data` as sent, the counts and etags
//! as each write answered them.

use std::collections::BTreeMap;

use matrix_api::error::ErrorKind;
use matrix_api::http::StatusCode;
use matrix_api::{OutgoingRequest, OutgoingResponse, UInt};
use matrix_client_api::backup::{
    add_backup_keys, add_backup_keys_for_room, add_backup_keys_for_session, create_backup_version,
    delete_backup_keys, delete_backup_keys_for_room, delete_backup_keys_for_session,
    delete_backup_version, get_backup_info, get_backup_keys, get_backup_keys_for_room,
    get_backup_keys_for_session, get_latest_backup_info, update_backup_version, BackupAlgorithm,
    KeyBackupData, RoomKeyBackup,
};
use matrix_login::flow::Client;
use ruma_common::serde::{JsonObject, Raw};
use ruma_common::OwnedRoomId;
use serde_json::{json, Value};

use super::{users, User};
use crate::expect::expect_kind;
use crate::lossless::exchange;
use crate::report::{Report, StepResult};
use crate::synapse::Admin;

/// The group's name, the prefix of its steps.
const GROUP: &str = "backup";

/// The backup's `auth_data` when created, and after bex adds a second signature.
fn auth_data(signatures: Value) -> Value {
    json!({
        "public_key": "hSDwCYkwp1R0i33ctD73Wg2/Og0mOBr066SpjqqbTmo",
        "signatures": signatures,
    })
}

fn first_auth_data(user: &User) -> Value {
    auth_data(json!({ user.device.user_id.as_str(): { "ed25519:DEVICE1": "c2lnbmF0dXJlIG9uZQ" } }))
}

fn second_auth_data(user: &User) -> Value {
    auth_data(json!({ user.device.user_id.as_str(): {
        "ed25519:DEVICE1": "c2lnbmF0dXJlIG9uZQ",
        "ed25519:master+key/x": "c2lnbmF0dXJlIHR3bw",
    } }))
}

/// The keys bex stores, as the JSON sent, by room and session; what the reads must answer.
type Keys = BTreeMap<OwnedRoomId, BTreeMap<String, Value>>;

/// The rooms and sessions of the steps. Synapse checks neither rooms nor sessions, so the IDs
/// are bex's own; one session ID has `/` and `+` as Megolm's base64 does, percent-encoded in
/// the path.
struct Fixture {
    room_a: OwnedRoomId,
    room_b: OwnedRoomId,
    /// The session stored alone, in room A.
    single: String,
}

impl Fixture {
    fn new(user: &User) -> Result<Self, String> {
        let server = user.device.user_id.server_name();
        let room = |name: &str| {
            OwnedRoomId::try_from(format!("!{name}:{server}")).map_err(|e| e.to_string())
        };
        Ok(Fixture {
            room_a: room("backupRoomA")?,
            room_b: room("backupRoomB")?,
            single: "sess/ion+A1".to_owned(),
        })
    }
}

/// The data of key `n`: every field differs between keys, so that a read-back mixing them up
/// shows.
fn key_json(n: u32) -> Value {
    json!({
        "first_message_index": n,
        "forwarded_count": n % 2,
        "is_verified": n.is_multiple_of(2),
        "session_data": {
            "ephemeral": format!("ZXBoZW1lcmFs{n}"),
            "ciphertext": format!("Y2lwaGVydGV4dA{n}+/"),
            "mac": format!("bWFj{n}"),
        },
    })
}

fn key(n: u32) -> Result<KeyBackupData, String> {
    serde_json::from_value(key_json(n)).map_err(|e| format!("key {n}: {e}"))
}

/// A JSON object as the raw object our requests carry.
fn object(value: Value) -> Result<Raw<JsonObject>, String> {
    let object = value.as_object().ok_or("not an object")?.clone();
    Raw::new(&object).map_err(|e| e.to_string())
}

fn raw_value<T>(raw: &Raw<T>) -> Result<Value, String> {
    serde_json::from_str(raw.json().get()).map_err(|e| e.to_string())
}

/// The etag and count of a write, as it answered them.
#[derive(Clone, Debug, PartialEq, Eq)]
struct State {
    etag: String,
    count: UInt,
}

/// The group's steps, in the order of the session.
pub async fn run(report: &mut Report, client: &Client, synapse: &Admin<'_>) {
    let Some([bex]) = users(report, client, synapse, GROUP, ["bex"]).await else {
        report.not_run(
            "backup: every other step",
            "backup: register and log in bex",
        );
        return;
    };
    let fixture = match Fixture::new(&bex) {
        Ok(fixture) => fixture,
        Err(e) => {
            report
                .step::<()>("backup: room IDs", async move { Err(e) })
                .await;
            return;
        }
    };
    report
        .step(
            "backup: GET /room_keys/version (no backup yet: 404 M_NOT_FOUND)",
            no_latest(&bex),
        )
        .await;
    let created = report
        .step(
            "backup: POST /room_keys/version (a backup: curve25519 public key, signed)",
            create(&bex, first_auth_data(&bex)),
        )
        .await;
    let Some(v1) = created else {
        report.not_run(
            "backup: every other step",
            "backup: POST /room_keys/version",
        );
        return;
    };
    report
        .step(
            "backup: GET /room_keys/version (the latest: the new version, no keys)",
            read_version(&bex, None, &v1, first_auth_data(&bex), None),
        )
        .await;
    report
        .step(
            "backup: GET /room_keys/version/{version} (the new version by its version)",
            read_version(&bex, Some(&v1), &v1, first_auth_data(&bex), None),
        )
        .await;
    report
        .step(
            "backup: PUT /room_keys/version/{version} (a second signature in auth_data, the \
             version in the body too; read back by version)",
            update(&bex, &v1),
        )
        .await;
    key_steps(report, &bex, &fixture, &v1).await;
}

/// The writes and reads of keys, the stale version, and the deletions.
async fn key_steps(report: &mut Report, bex: &User, fixture: &Fixture, v1: &str) {
    let mut expected = Keys::new();
    let first = report
        .step(
            "backup: PUT /room_keys/keys/{roomId}/{sessionId} (one session, `/` and `+` in its ID)",
            put_session(bex, fixture, v1, &mut expected),
        )
        .await;
    let skipped = |name: &'static str| (name, "backup: PUT /room_keys/keys/{roomId}/{sessionId}");
    let second = report
        .step_after(
            "backup: PUT /room_keys/keys/{roomId} (two more sessions of room A)",
            first,
            skipped("backup: PUT /room_keys/keys/{roomId}"),
            |before| put_room(bex, fixture, v1, before, &mut expected),
        )
        .await;
    let skipped = |name: &'static str| (name, "backup: PUT /room_keys/keys/{roomId}");
    let third = report
        .step_after(
            "backup: PUT /room_keys/keys (every room: room B's sessions and one more of room A)",
            second,
            skipped("backup: PUT /room_keys/keys"),
            |before| put_all(bex, fixture, v1, before, &mut expected),
        )
        .await;
    let skipped = |name: &'static str| (name, "backup: PUT /room_keys/keys");
    let stored = third.is_some();
    report
        .step_after(
            "backup: GET /room_keys/keys (every room: each key's data as sent)",
            stored.then_some(()),
            skipped("backup: GET /room_keys/keys"),
            |()| get_all(bex, v1, &expected),
        )
        .await;
    report
        .step_after(
            "backup: GET /room_keys/keys/{roomId} (room A: its four sessions as sent)",
            stored.then_some(()),
            skipped("backup: GET /room_keys/keys/{roomId}"),
            |()| get_room(bex, v1, &fixture.room_a, &expected),
        )
        .await;
    report
        .step_after(
            "backup: GET /room_keys/keys/{roomId}/{sessionId} (the first session as sent)",
            stored.then_some(()),
            skipped("backup: GET /room_keys/keys/{roomId}/{sessionId}"),
            |()| get_session(bex, v1, &fixture.room_a, &fixture.single, &expected),
        )
        .await;
    report
        .step_after(
            "backup: GET /room_keys/version (the latest: the last write's count and etag)",
            third.clone(),
            skipped("backup: GET /room_keys/version (after the writes)"),
            |state| read_version(bex, None, v1, second_auth_data(bex), Some(state)),
        )
        .await;

    let v2 = report
        .step(
            "backup: POST /room_keys/version (a second backup, now the current one)",
            create(bex, first_auth_data(bex)),
        )
        .await;
    report
        .step_after(
            "backup: PUT /room_keys/keys/{roomId}/{sessionId} (to the first, stale version: 403 \
             M_WRONG_ROOM_KEYS_VERSION with current_version, which Synapse fills with the stale \
             one)",
            v2.as_deref(),
            (
                "backup: PUT /room_keys/keys/{roomId}/{sessionId} (stale version)",
                "backup: POST /room_keys/version (second)",
            ),
            |v2| wrong_version(bex, fixture, v1, v2),
        )
        .await;

    delete_steps(report, bex, fixture, v1, third, &mut expected).await;
    if let Some(v2) = v2 {
        report
            .step(
                "backup: DELETE /room_keys/version/{version} (the second version)",
                delete_version(bex, &v2),
            )
            .await;
        report
            .step(
                "backup: GET /room_keys/version (no backup left: 404 M_NOT_FOUND)",
                no_latest(bex),
            )
            .await;
    }
}

/// Deletes of keys at the three depths, then of the first version.
async fn delete_steps(
    report: &mut Report,
    bex: &User,
    fixture: &Fixture,
    v1: &str,
    stored: Option<State>,
    expected: &mut Keys,
) {
    let skipped = |name: &'static str| (name, "backup: PUT /room_keys/keys");
    let after_session = report
        .step_after(
            "backup: DELETE /room_keys/keys/{roomId}/{sessionId} (the first session; it is gone, \
             404 M_NOT_FOUND)",
            stored,
            skipped("backup: DELETE /room_keys/keys/{roomId}/{sessionId}"),
            |before| delete_session(bex, fixture, v1, before, expected),
        )
        .await;
    let skipped =
        |name: &'static str| (name, "backup: DELETE /room_keys/keys/{roomId}/{sessionId}");
    let after_room = report
        .step_after(
            "backup: DELETE /room_keys/keys/{roomId} (room B; room A's keys stay)",
            after_session,
            skipped("backup: DELETE /room_keys/keys/{roomId}"),
            |before| delete_room(bex, fixture, v1, before, expected),
        )
        .await;
    let skipped = |name: &'static str| (name, "backup: DELETE /room_keys/keys/{roomId}");
    report
        .step_after(
            "backup: DELETE /room_keys/keys (every key: none left)",
            after_room,
            skipped("backup: DELETE /room_keys/keys"),
            |before| delete_all(bex, v1, before),
        )
        .await;
    let deleted = report
        .step(
            "backup: DELETE /room_keys/version/{version} (the first version)",
            delete_version(bex, v1),
        )
        .await;
    let skipped = |name: &'static str| (name, "backup: DELETE /room_keys/version/{version}");
    report
        .step_after(
            "backup: GET /room_keys/version/{version} (the deleted version: 404 M_NOT_FOUND)",
            deleted,
            skipped("backup: GET /room_keys/version/{version} (deleted)"),
            |()| async {
                let seen = exchange(
                    &bex.client,
                    get_backup_info::v3::Request::new(v1.to_owned()),
                )
                .await?;
                let (err, note) = seen.err(&[])?;
                expect_kind(&err, StatusCode::NOT_FOUND, &ErrorKind::NotFound)?;
                Ok(((), format!("{err}; {note}")))
            },
        )
        .await;
    report
        .step_after(
            "backup: DELETE /room_keys/version/{version} (the deleted version again: 200, as the \
             specification asks)",
            deleted,
            skipped("backup: DELETE /room_keys/version/{version} (again)"),
            |()| delete_version(bex, v1),
        )
        .await;
}

// Versions.

async fn no_latest(bex: &User) -> StepResult<()> {
    let seen = exchange(&bex.client, get_latest_backup_info::v3::Request::new()).await?;
    let (err, note) = seen.err(&[])?;
    expect_kind(&err, StatusCode::NOT_FOUND, &ErrorKind::NotFound)?;
    Ok(((), format!("{err}; {note}")))
}

async fn create(bex: &User, auth_data: Value) -> StepResult<String> {
    let request = create_backup_version::v3::Request::new(
        BackupAlgorithm::MegolmBackupV1Curve25519AesSha2,
        object(auth_data)?,
    );
    let seen = exchange(&bex.client, request).await?;
    let (response, note) = seen.ok(&[])?;
    if response.version.is_empty() {
        return Err("an empty version".to_owned());
    }
    let detail = format!("version {:?}; {note}", response.version);
    Ok((response.version, detail))
}

/// Reads a version (the latest when `by` is `None`) and checks it: the version, the algorithm,
/// the `auth_data`, and the count and etag (none and any etag before the first write).
async fn read_version(
    bex: &User,
    by: Option<&str>,
    version: &str,
    auth_data: Value,
    state: Option<State>,
) -> StepResult<()> {
    let (algorithm, raw_auth, count, etag, read_version, note) = match by {
        None => {
            let seen = exchange(&bex.client, get_latest_backup_info::v3::Request::new()).await?;
            let (r, note) = seen.ok(&[])?;
            (r.algorithm, r.auth_data, r.count, r.etag, r.version, note)
        }
        Some(by) => {
            let request = get_backup_info::v3::Request::new(by.to_owned());
            let seen = exchange(&bex.client, request).await?;
            let (r, note) = seen.ok(&[])?;
            (r.algorithm, r.auth_data, r.count, r.etag, r.version, note)
        }
    };
    if read_version != version {
        return Err(format!("version {read_version:?}, expected {version:?}"));
    }
    if algorithm != BackupAlgorithm::MegolmBackupV1Curve25519AesSha2 {
        return Err(format!("algorithm {algorithm}"));
    }
    let read_auth = raw_value(&raw_auth)?;
    if read_auth != auth_data {
        return Err(format!("auth_data {read_auth}, expected {auth_data}"));
    }
    let expected = state.clone().map_or(UInt::MIN, |s| s.count);
    if count != expected {
        return Err(format!("count {count}, expected {expected}"));
    }
    if let Some(state) = &state {
        if etag != state.etag {
            return Err(format!(
                "etag {etag:?}, expected the last write's {:?}",
                state.etag
            ));
        }
    }
    Ok((
        (),
        format!("version {version:?}, {algorithm}, count {count}, etag {etag:?}; {note}"),
    ))
}

async fn update(bex: &User, version: &str) -> StepResult<()> {
    let mut request = update_backup_version::v3::Request::new(
        version.to_owned(),
        BackupAlgorithm::MegolmBackupV1Curve25519AesSha2,
        object(second_auth_data(bex))?,
    );
    request.body_version = Some(version.to_owned());
    let seen = exchange(&bex.client, request).await?;
    let (_, note) = seen.ok(&[])?;
    let ((), read) = read_version(bex, Some(version), version, second_auth_data(bex), None).await?;
    Ok(((), format!("{{}}; {note}; read back: {read}")))
}

async fn delete_version(bex: &User, version: &str) -> StepResult<()> {
    let request = delete_backup_version::v3::Request::new(version.to_owned());
    let seen = exchange(&bex.client, request).await?;
    let (_, note) = seen.ok(&[])?;
    Ok(((), format!("version {version:?} deleted; {note}")))
}

// Writes.

/// Checks a write's answer: the count expected, and an etag that changed when the keys did.
fn check_write(
    etag: String,
    count: UInt,
    before: Option<&State>,
    expected_count: usize,
) -> Result<State, String> {
    if u64::from(count) != expected_count as u64 {
        return Err(format!("count {count}, expected {expected_count}"));
    }
    if let Some(before) = before {
        if etag == before.etag {
            return Err(format!("the etag stayed {etag:?} while the keys changed"));
        }
    }
    Ok(State { etag, count })
}

fn stored_count(keys: &Keys) -> usize {
    keys.values().map(BTreeMap::len).sum()
}

/// Sends a write of keys (storing or deleting), checks its answer with [`check_write`] against
/// `expected` (the keys it leaves), and says what it answered.
async fn write<R>(
    bex: &User,
    request: R,
    answer: fn(R::IncomingResponse) -> (String, UInt),
    before: Option<&State>,
    expected: &Keys,
) -> Result<(State, String), String>
where
    R: OutgoingRequest + Clone,
    R::IncomingResponse: OutgoingResponse + Clone,
    R::EndpointError: Clone,
{
    let seen = exchange(&bex.client, request).await?;
    let (response, note) = seen.ok(&[])?;
    let (etag, count) = answer(response);
    let state = check_write(etag, count, before, stored_count(expected))?;
    let detail = format!("count {}, etag {:?}; {note}", state.count, state.etag);
    Ok((state, detail))
}

async fn put_session(
    bex: &User,
    fixture: &Fixture,
    version: &str,
    expected: &mut Keys,
) -> StepResult<State> {
    let request = add_backup_keys_for_session::v3::Request::new(
        version.to_owned(),
        fixture.room_a.clone(),
        fixture.single.clone(),
        key(1)?,
    );
    expected
        .entry(fixture.room_a.clone())
        .or_default()
        .insert(fixture.single.clone(), key_json(1));
    write(bex, request, |r| (r.etag, r.count), None, expected).await
}

async fn put_room(
    bex: &User,
    fixture: &Fixture,
    version: &str,
    before: State,
    expected: &mut Keys,
) -> StepResult<State> {
    let mut sessions = BTreeMap::new();
    for (id, n) in [("sessionA2", 2), ("sessionA3", 3)] {
        sessions.insert(id.to_owned(), key(n)?);
        expected
            .entry(fixture.room_a.clone())
            .or_default()
            .insert(id.to_owned(), key_json(n));
    }
    let request = add_backup_keys_for_room::v3::Request::new(
        version.to_owned(),
        fixture.room_a.clone(),
        sessions,
    );
    write(bex, request, |r| (r.etag, r.count), Some(&before), expected).await
}

async fn put_all(
    bex: &User,
    fixture: &Fixture,
    version: &str,
    before: State,
    expected: &mut Keys,
) -> StepResult<State> {
    let mut rooms: BTreeMap<OwnedRoomId, RoomKeyBackup> = BTreeMap::new();
    for (room, id, n) in [
        (&fixture.room_a, "sessionA4", 4),
        (&fixture.room_b, "sessionB1", 5),
        (&fixture.room_b, "sessionB2", 6),
    ] {
        rooms
            .entry(room.clone())
            .or_default()
            .sessions
            .insert(id.to_owned(), key(n)?);
        expected
            .entry(room.clone())
            .or_default()
            .insert(id.to_owned(), key_json(n));
    }
    let request = add_backup_keys::v3::Request::new(version.to_owned(), rooms);
    write(bex, request, |r| (r.etag, r.count), Some(&before), expected).await
}

/// Synapse 1.163.2 names the stale version in `current_version`, not the current one
/// (interop/FINDINGS.md): the step checks what it sends, and that our types read the field.
async fn wrong_version(
    bex: &User,
    fixture: &Fixture,
    stale: &str,
    current: &str,
) -> StepResult<()> {
    let request = add_backup_keys_for_session::v3::Request::new(
        stale.to_owned(),
        fixture.room_a.clone(),
        "sessionStale".to_owned(),
        key(7)?,
    );
    let seen = exchange(&bex.client, request).await?;
    let (err, note) = seen.err(&[])?;
    let kind = ErrorKind::WrongRoomKeysVersion {
        current_version: Some(stale.to_owned()),
    };
    expect_kind(&err, StatusCode::FORBIDDEN, &kind).map_err(|e| {
        format!(
            "{e} (Synapse's body: {})",
            String::from_utf8_lossy(seen.raw.body())
        )
    })?;
    Ok((
        (),
        format!(
            "{err}, current_version {stale:?}: the stale version, where the specification \
             asks for the current {current:?}; {note}"
        ),
    ))
}

// Reads.

/// A room's keys as JSON, to compare with what was sent.
fn sessions_json(
    sessions: &BTreeMap<String, KeyBackupData>,
) -> Result<BTreeMap<String, Value>, String> {
    sessions
        .iter()
        .map(|(id, key)| {
            Ok((
                id.clone(),
                serde_json::to_value(key).map_err(|e| e.to_string())?,
            ))
        })
        .collect()
}

fn compare_room(
    room: &OwnedRoomId,
    read: &BTreeMap<String, KeyBackupData>,
    expected: &Keys,
) -> Result<(), String> {
    let read = sessions_json(read)?;
    let wanted = expected.get(room).cloned().unwrap_or_default();
    if read != wanted {
        return Err(format!(
            "{room}: read {}, expected {}",
            serde_json::to_string(&read).unwrap_or_default(),
            serde_json::to_string(&wanted).unwrap_or_default(),
        ));
    }
    Ok(())
}

async fn get_all(bex: &User, version: &str, expected: &Keys) -> StepResult<()> {
    let request = get_backup_keys::v3::Request::new(version.to_owned());
    let seen = exchange(&bex.client, request).await?;
    let (response, note) = seen.ok(&[])?;
    let rooms: Vec<&OwnedRoomId> = response.rooms.keys().collect();
    let wanted: Vec<&OwnedRoomId> = expected.keys().collect();
    if rooms != wanted {
        return Err(format!("rooms {rooms:?}, expected {wanted:?}"));
    }
    for (room, backup) in &response.rooms {
        compare_room(room, &backup.sessions, expected)?;
    }
    Ok((
        (),
        format!(
            "{} rooms, {} keys as sent; {note}",
            rooms.len(),
            stored_count(expected)
        ),
    ))
}

async fn get_room(
    bex: &User,
    version: &str,
    room: &OwnedRoomId,
    expected: &Keys,
) -> StepResult<()> {
    let request = get_backup_keys_for_room::v3::Request::new(version.to_owned(), room.clone());
    let seen = exchange(&bex.client, request).await?;
    let (response, note) = seen.ok(&[])?;
    compare_room(room, &response.sessions, expected)?;
    Ok((
        (),
        format!("{} sessions as sent; {note}", response.sessions.len()),
    ))
}

async fn get_session(
    bex: &User,
    version: &str,
    room: &OwnedRoomId,
    session: &str,
    expected: &Keys,
) -> StepResult<()> {
    let request = get_backup_keys_for_session::v3::Request::new(
        version.to_owned(),
        room.clone(),
        session.to_owned(),
    );
    let seen = exchange(&bex.client, request).await?;
    let (response, note) = seen.ok(&[])?;
    let read = serde_json::to_value(&response.key_data).map_err(|e| e.to_string())?;
    let wanted = expected
        .get(room)
        .and_then(|sessions| sessions.get(session))
        .ok_or("no such key was stored")?;
    if &read != wanted {
        return Err(format!("read {read}, expected {wanted}"));
    }
    let data = raw_value(&response.key_data.session_data)?;
    Ok(((), format!("{session:?}: session_data {data}; {note}")))
}

// Deletions.

async fn delete_session(
    bex: &User,
    fixture: &Fixture,
    version: &str,
    before: State,
    expected: &mut Keys,
) -> StepResult<State> {
    let request = delete_backup_keys_for_session::v3::Request::new(
        version.to_owned(),
        fixture.room_a.clone(),
        fixture.single.clone(),
    );
    if let Some(sessions) = expected.get_mut(&fixture.room_a) {
        sessions.remove(&fixture.single);
    }
    let (state, written) =
        write(bex, request, |r| (r.etag, r.count), Some(&before), expected).await?;
    let request = get_backup_keys_for_session::v3::Request::new(
        version.to_owned(),
        fixture.room_a.clone(),
        fixture.single.clone(),
    );
    let seen = exchange(&bex.client, request).await?;
    let (err, _) = seen.err(&[])?;
    expect_kind(&err, StatusCode::NOT_FOUND, &ErrorKind::NotFound)
        .map_err(|e| format!("reading the deleted key: {e}"))?;
    Ok((state, format!("{written}; read again: {err}")))
}

async fn delete_room(
    bex: &User,
    fixture: &Fixture,
    version: &str,
    before: State,
    expected: &mut Keys,
) -> StepResult<State> {
    let request =
        delete_backup_keys_for_room::v3::Request::new(version.to_owned(), fixture.room_b.clone());
    expected.remove(&fixture.room_b);
    let (state, written) =
        write(bex, request, |r| (r.etag, r.count), Some(&before), expected).await?;
    let ((), read) = get_room(bex, version, &fixture.room_a, expected).await?;
    Ok((state, format!("{written}; room A: {read}")))
}

async fn delete_all(bex: &User, version: &str, before: State) -> StepResult<()> {
    let request = delete_backup_keys::v3::Request::new(version.to_owned());
    let none = Keys::new();
    let (_, written) = write(bex, request, |r| (r.etag, r.count), Some(&before), &none).await?;
    let request = get_backup_keys::v3::Request::new(version.to_owned());
    let seen = exchange(&bex.client, request).await?;
    let (keys, _) = seen.ok(&[])?;
    if !keys.rooms.is_empty() {
        return Err(format!("{} rooms still have keys", keys.rooms.len()));
    }
    Ok(((), format!("{written}; read again: no rooms")))
}
