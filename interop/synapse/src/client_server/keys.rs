//! End-to-end encryption keys and cross-signing against Synapse, as two users live them: kit
//! makes a room and kai joins it, so that each sees the other's device list. Kit publishes his
//! device keys, two one-time keys and a fallback key, and syncs; kai then publishes hers, and
//! kit's next sync and `/keys/changes` between the two tokens name her. Kit publishes a master
//! key (the first needs no User-Interactive Authentication), replaces it through a UIA round,
//! and is refused a self-signing key whose signature is forged. Kai downloads kit's devices and
//! cross-signing keys, with a remote user's server among the failures, and claims kit's
//! keys until only the fallback key is left. Last, kit uploads signatures that Synapse refuses.
//!
//! The key objects are well-formed (real-length base64 keys and signatures) but not really
//! signed: no ed25519 implementation is among the project's dependencies, and Synapse checks
//! signatures only of cross-signing keys and of uploaded signatures. Every answer goes through
//! our types ([`exchange`], checked lossless), and the keys that come back are checked to be
//! exactly the JSON that was uploaded.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use matrix_api::error::ErrorKind;
use matrix_api::http::StatusCode;
use matrix_client_api::keys::{
    claim_keys, get_key_changes, get_keys, upload_keys, upload_signatures, upload_signing_keys,
};
use matrix_client_api::membership::join_room_by_id;
use matrix_client_api::room::create_room;
use matrix_client_api::room::create_room::v3::RoomPreset;
use matrix_client_api::sync::sync_events;
use matrix_client_api::uiaa::{AuthData, Password, UserIdentifier};
use matrix_login::flow::Client;
use ruma_common::serde::{Base64, Raw};
use ruma_common::{
    Base64PublicKeyOrDeviceId, OneTimeKeyAlgorithm, OwnedOneTimeKeyId, OwnedRoomId,
    OwnedServerName, OwnedUserId,
};
use serde_json::{json, Value};
use sha1::{Digest, Sha1};

use super::{users, User};
use crate::expect::{expect_kind, matrix_error, uia_info};
use crate::lossless::{exchange, Seen};
use crate::report::{Report, StepResult};
use crate::synapse::Admin;

/// The group's name, the prefix of its steps.
const GROUP: &str = "keys";

/// How long a sync may wait for the change it looks for.
const WAIT: Duration = Duration::from_secs(2);

/// A server Synapse does not reach (the run's Synapse federates with nobody, and the name does
/// not resolve), for a failure of `/keys/query`.
const UNREACHABLE: &str = "unreachable.invalid";

/// The keys one device published.
struct Published {
    /// The device keys, as uploaded.
    device_keys: Value,
    /// The one-time keys by key ID, as uploaded.
    one_time_keys: BTreeMap<String, Value>,
    /// The fallback key's ID and the key, as uploaded.
    fallback: (String, Value),
}

/// The group's steps, in the order of the session.
pub async fn run(report: &mut Report, client: &Client, synapse: &Admin<'_>) {
    let Some([kit, kai]) = users(report, client, synapse, GROUP, ["kit", "kai"]).await else {
        report.not_run(
            "keys: every other step",
            "keys: register and log in kit, kai",
        );
        return;
    };
    let name = "keys: POST /createRoom, POST /rooms/{roomId}/join (kit's room, kai joins: they \
                share it)";
    let shared = report.step(name, shared_room(&kit, &kai)).await;

    let name = "keys: POST /keys/upload (kit: device keys, two one-time keys, a fallback key)";
    let kit_keys = report.step(name, upload(&kit, "kit")).await;
    let name = "keys: GET /sync (kit: two one-time keys and an unused fallback key counted)";
    let before = report
        .step_after(
            name,
            shared.zip(kit_keys.as_ref()),
            (name, "keys: POST /keys/upload"),
            |_| counted_sync(&kit),
        )
        .await;
    let name = "keys: POST /keys/upload (kai: device keys, two one-time keys, a fallback key)";
    let kai_keys = report.step(name, upload(&kai, "kai")).await;
    let name = "keys: GET /sync (kit, since then: device_lists.changed names kai)";
    let after = report
        .step_after(
            name,
            before.clone().zip(kai_keys.as_ref()),
            (name, "keys: GET /sync (kit)"),
            |(since, _)| changed_sync(&kit, &kai, since),
        )
        .await;
    let name = "keys: GET /keys/changes (kit, between the two sync tokens: kai changed)";
    report
        .step_after(
            name,
            before.zip(after),
            (name, "keys: GET /sync (kit)"),
            |(from, to)| key_changes(&kit, &kai, from, to),
        )
        .await;

    let name = "keys: POST /keys/device_signing/upload (kit's first master key: no UIA)";
    let first = report.step(name, first_master_key(&kit)).await;
    let name = "keys: POST /keys/device_signing/upload (kit's new master key: UIA 401 with \
                flows, then m.login.password)";
    let master = report
        .step_after(
            name,
            first,
            (name, "keys: POST /keys/device_signing/upload"),
            |_| replace_master_key(&kit),
        )
        .await;
    let name = "keys: POST /keys/device_signing/upload (kit's self-signing key, forged \
                signature: after UIA, 400 M_INVALID_SIGNATURE)";
    report
        .step_after(
            name,
            master.as_ref(),
            (name, "keys: POST /keys/device_signing/upload"),
            |_| forged_self_signing_key(&kit),
        )
        .await;

    let name = "keys: POST /keys/query (kai: all of kit's devices and his master key; a remote \
                user's server among the failures)";
    report
        .step_after(
            name,
            kit_keys.as_ref().zip(master.as_ref()),
            (name, "keys: POST /keys/upload"),
            |(keys, master)| query(&kai, &kit, keys, master),
        )
        .await;
    let name = "keys: POST /keys/claim (kai claims kit's keys three times: the two one-time \
                keys, then the fallback key)";
    report
        .step_after(
            name,
            kit_keys.as_ref(),
            (name, "keys: POST /keys/upload"),
            |keys| claim(&kai, &kit, keys),
        )
        .await;
    let name = "keys: POST /keys/signatures/upload (kit signs his device and kai's, with no \
                self- or user-signing key: both refused in failures)";
    report
        .step_after(
            name,
            kit_keys.as_ref().zip(kai_keys.as_ref()),
            (name, "keys: POST /keys/upload"),
            |(kit_keys, kai_keys)| refused_signatures(&kit, &kai, kit_keys, kai_keys),
        )
        .await;
}

/// Kit makes a public room and kai joins it: they share a room, which `/keys/changes` and the
/// device lists of `/sync` need.
async fn shared_room(kit: &User, kai: &User) -> StepResult<OwnedRoomId> {
    let mut request = create_room::v3::Request::new();
    request.preset = Some(RoomPreset::PublicChat);
    request.name = Some("Key exchange".to_owned());
    let (created, note1) = exchange(&kit.client, request).await?.ok(&[])?;
    let room = created.room_id;
    let request = join_room_by_id::v3::Request::new(room.clone());
    let (joined, note2) = exchange(&kai.client, request).await?.ok(&[])?;
    if joined.room_id != room {
        return Err(format!("kai joined {}, expected {room}", joined.room_id));
    }
    let detail = format!("room {room}; created: {note1}; joined: {note2}");
    Ok((room, detail))
}

/// `user` publishes device keys, two one-time keys and a fallback key; the server counts the
/// two one-time keys (a fallback key is not counted).
async fn upload(user: &User, seed: &str) -> StepResult<Published> {
    let device = user.device.device_id.as_str();
    let published = Published {
        device_keys: device_keys(user, seed),
        one_time_keys: BTreeMap::from([
            (
                "signed_curve25519:AAAAAQ".to_owned(),
                signed_key(user, &format!("{seed} one"), false),
            ),
            (
                "signed_curve25519:AAAAAg".to_owned(),
                signed_key(user, &format!("{seed} two"), false),
            ),
        ]),
        fallback: (
            "signed_curve25519:AAAAGj".to_owned(),
            signed_key(user, &format!("{seed} fallback"), true),
        ),
    };
    let mut request = upload_keys::v3::Request::new();
    request.device_keys = Some(raw(&published.device_keys)?);
    request.one_time_keys = one_time_keys(&published.one_time_keys)?;
    request.fallback_keys = one_time_keys([(&published.fallback.0, &published.fallback.1)])?;
    let (response, note) = exchange(&user.client, request).await?.ok(&[])?;
    let counts = &response.one_time_key_counts;
    if counts.get(&OneTimeKeyAlgorithm::SignedCurve25519) != Some(&2_u32.into()) {
        return Err(format!(
            "one_time_key_counts {counts:?}, expected signed_curve25519: 2"
        ));
    }
    let detail = format!("{device}: one_time_key_counts {counts:?}; {note}");
    Ok((published, detail))
}

/// Kit's sync shows his two one-time keys and his unused fallback key; gives its `next_batch`.
async fn counted_sync(kit: &User) -> StepResult<String> {
    let (response, note) = exchange(&kit.client, sync_events::v3::Request::new())
        .await?
        .ok(&[])?;
    let counts = response.device_one_time_keys_count.unwrap_or_default();
    if counts.get(&OneTimeKeyAlgorithm::SignedCurve25519) != Some(&2_u32.into()) {
        return Err(format!("device_one_time_keys_count {counts:?}"));
    }
    let unused = response
        .device_unused_fallback_key_types
        .unwrap_or_default();
    if unused != [OneTimeKeyAlgorithm::SignedCurve25519] {
        return Err(format!("device_unused_fallback_key_types {unused:?}"));
    }
    let detail = format!(
        "next_batch {}, device_one_time_keys_count {counts:?}, \
         device_unused_fallback_key_types {unused:?}; {note}",
        response.next_batch
    );
    Ok((response.next_batch, detail))
}

/// Kit's sync since `since`, after kai published her keys: her ID is among the changed device
/// lists. Gives its `next_batch`.
async fn changed_sync(kit: &User, kai: &User, since: String) -> StepResult<String> {
    let mut request = sync_events::v3::Request::new();
    request.since = Some(since.clone());
    request.timeout = Some(WAIT);
    let (response, note) = exchange(&kit.client, request).await?.ok(&[])?;
    let changed = response
        .device_lists
        .as_ref()
        .and_then(|lists| lists.changed.clone())
        .unwrap_or_default();
    if !changed.contains(&kai.device.user_id) {
        return Err(format!(
            "device_lists.changed is {changed:?}, without {}",
            kai.device.user_id
        ));
    }
    let detail = format!(
        "since {since}: device_lists.changed {changed:?}; next_batch {}; {note}",
        response.next_batch
    );
    Ok((response.next_batch, detail))
}

/// `/keys/changes` between the two tokens names kai, and nobody left.
async fn key_changes(kit: &User, kai: &User, from: String, to: String) -> StepResult<()> {
    let request = get_key_changes::v3::Request::new(from.clone(), to.clone());
    let (response, note) = exchange(&kit.client, request).await?.ok(&[])?;
    if !response.changed.contains(&kai.device.user_id) {
        return Err(format!("changed is {:?}, without kai", response.changed));
    }
    if !response.left.is_empty() {
        return Err(format!("left is {:?}, expected nobody", response.left));
    }
    let detail = format!(
        "{from} to {to}: changed {:?}, left []; {note}",
        response.changed
    );
    Ok(((), detail))
}

/// Kit's first master key: accepted without User-Interactive Authentication, since he had none
/// (MSC3967, Matrix v1.11).
async fn first_master_key(kit: &User) -> StepResult<()> {
    let mut request = upload_signing_keys::v3::Request::new();
    request.master_key = Some(raw(&cross_signing_key(kit, "kit master", "master", None))?);
    let (_, note) = exchange(&kit.client, request).await?.ok(&[])?;
    Ok(((), format!("200 at once; {note}")))
}

/// Kit replaces his master key: Synapse asks for a UIA round first. Gives the new key.
async fn replace_master_key(kit: &User) -> StepResult<Value> {
    let master = cross_signing_key(kit, "kit new master", "master", None);
    let mut request = upload_signing_keys::v3::Request::new();
    request.master_key = Some(raw(&master)?);
    let (seen, uia) = with_password(kit, request).await?;
    let (_, note) = seen.ok(&[]).map_err(|e| format!("after UIA: {e}"))?;
    Ok((master, format!("{uia}; then 200; {note}")))
}

/// A self-signing key whose signature by the master key is forged: past UIA, Synapse checks
/// it and refuses with 400 `M_INVALID_SIGNATURE`, read as an ordinary error of the endpoint.
async fn forged_self_signing_key(kit: &User) -> StepResult<()> {
    let master_public = public_key("kit new master");
    let key = cross_signing_key(
        kit,
        "kit self-signing",
        "self_signing",
        Some(&master_public),
    );
    let mut request = upload_signing_keys::v3::Request::new();
    request.self_signing_key = Some(raw(&key)?);
    let (seen, uia) = with_password(kit, request).await?;
    let (err, note) = seen.err(&[]).map_err(|e| format!("after UIA: {e}"))?;
    let err = matrix_error(&err)?;
    expect_kind(err, StatusCode::BAD_REQUEST, &ErrorKind::InvalidSignature)?;
    Ok(((), format!("{uia}; then {err}; {note}")))
}

/// Sends `request` without authentication, expects the UIA 401 offering `m.login.password`,
/// and sends it again with the user's password in that session. Gives the second answer and
/// what the first one showed.
async fn with_password(
    user: &User,
    mut request: upload_signing_keys::v3::Request,
) -> Result<(Seen<upload_signing_keys::v3::Request>, String), String> {
    request.auth = None;
    let seen = exchange(&user.client, request.clone()).await?;
    if seen.raw.status() != StatusCode::UNAUTHORIZED {
        return Err(format!("without auth: {}, expected 401", seen.raw.status()));
    }
    let (err, note) = seen.err(&[]).map_err(|e| format!("without auth: {e}"))?;
    let info = uia_info(&err)?;
    let password_flow = info
        .flows
        .iter()
        .any(|flow| flow.stages == ["m.login.password"]);
    if !password_flow {
        return Err(format!("no m.login.password flow among {:?}", info.flows));
    }
    let session = info.session.clone().ok_or("the 401 has no UIA session")?;
    request.auth = Some(AuthData::Password(Password::new(
        UserIdentifier::user(user.account.user_id.as_str()),
        user.account.password.as_str(),
        Some(session),
    )));
    let seen = exchange(&user.client, request).await?;
    let flows: Vec<String> = info.flows.iter().map(|f| f.stages.join(" > ")).collect();
    Ok((
        seen,
        format!("401 with flows [{}] ({note})", flows.join(", ")),
    ))
}

/// Kai asks for all of kit's devices and for a user of a server Synapse does not reach: kit's
/// device keys come back as uploaded (with `unsigned` added), his master key as uploaded, no
/// self-signing key (the forged one was refused), and the server among the failures.
async fn query(kai: &User, kit: &User, keys: &Published, master: &Value) -> StepResult<()> {
    let kit_id = kit.device.user_id.clone();
    let nobody: OwnedUserId = format!("@nobody:{UNREACHABLE}")
        .parse()
        .map_err(|e| format!("{e}"))?;
    let mut request =
        get_keys::v3::Request::new(BTreeMap::from([(kit_id.clone(), vec![]), (nobody, vec![])]));
    request.timeout = Some(Duration::from_secs(3));
    let (response, note) = exchange(&kai.client, request).await?.ok(&[])?;

    let devices = response
        .device_keys
        .get(&kit_id)
        .ok_or("no devices of kit")?;
    let device = devices.get(&kit.device.device_id).ok_or_else(|| {
        format!(
            "kit's {} is not among {:?}",
            kit.device.device_id,
            devices.keys()
        )
    })?;
    let mut came = value(device)?;
    let unsigned = came.as_object_mut().and_then(|d| d.remove("unsigned"));
    if came != keys.device_keys {
        return Err(format!(
            "kit's device keys came as {came}, uploaded {}",
            keys.device_keys
        ));
    }
    let came = value(
        response
            .master_keys
            .get(&kit_id)
            .ok_or("no master key of kit")?,
    )?;
    if came != *master {
        return Err(format!(
            "kit's master key came as {came}, uploaded {master}"
        ));
    }
    if response.self_signing_keys.contains_key(&kit_id) {
        return Err("kit has a self-signing key, though it was refused".to_owned());
    }
    let server: OwnedServerName = UNREACHABLE.parse().map_err(|e| format!("{e}"))?;
    let failure = response
        .failures
        .get(&server)
        .ok_or_else(|| format!("no failure for {UNREACHABLE}: {:?}", response.failures))?;
    let detail = format!(
        "kit's device {} as uploaded (unsigned: {}), his master key as uploaded; \
         failures[{UNREACHABLE}] {}; {note}",
        kit.device.device_id,
        unsigned.unwrap_or(Value::Null),
        Value::Object(failure.clone())
    );
    Ok(((), detail))
}

/// Kai claims a `signed_curve25519` key of kit's device three times: his two one-time keys in
/// some order, then, with those gone, his fallback key; each exactly as uploaded.
async fn claim(kai: &User, kit: &User, keys: &Published) -> StepResult<()> {
    let mut claimed = Vec::new();
    for _ in 0..3 {
        let devices = BTreeMap::from([(
            kit.device.device_id.clone(),
            OneTimeKeyAlgorithm::SignedCurve25519,
        )]);
        let mut request =
            claim_keys::v3::Request::new(BTreeMap::from([(kit.device.user_id.clone(), devices)]));
        request.timeout = Some(Duration::from_secs(3));
        let (response, note) = exchange(&kai.client, request).await?.ok(&[])?;
        let keys_of_device = response
            .one_time_keys
            .get(&kit.device.user_id)
            .and_then(|devices| devices.get(&kit.device.device_id))
            .ok_or_else(|| format!("claim {}: no key for kit's device", claimed.len() + 1))?;
        let [(id, key)]: [_; 1] = keys_of_device
            .iter()
            .collect::<Vec<_>>()
            .try_into()
            .map_err(|all: Vec<_>| format!("{} keys in one claim", all.len()))?;
        claimed.push((id.to_string(), value(key)?, note));
    }
    let first_two: BTreeSet<&str> = claimed[..2].iter().map(|(id, ..)| id.as_str()).collect();
    let uploaded: BTreeSet<&str> = keys.one_time_keys.keys().map(String::as_str).collect();
    if first_two != uploaded {
        return Err(format!(
            "first claims gave {first_two:?}, uploaded {uploaded:?}"
        ));
    }
    for (id, key, _) in &claimed[..2] {
        if keys.one_time_keys[id] != *key {
            return Err(format!("{id} came as {key}"));
        }
    }
    let (id, key, note) = &claimed[2];
    if (id, key) != (&keys.fallback.0, &keys.fallback.1) {
        return Err(format!(
            "third claim gave {id}: {key}, expected the fallback key"
        ));
    }
    let ids: Vec<&str> = claimed.iter().map(|(id, ..)| id.as_str()).collect();
    Ok((
        (),
        format!("claimed {ids:?}, the last with fallback: true; {note}"),
    ))
}

/// Kit uploads a signature of his own device by a self-signing key and one of kai's device by
/// a user-signing key; he has neither key, so Synapse stores nothing and lists both in
/// `failures`, in its own shape (`status`, `errcode`, `message`).
async fn refused_signatures(
    kit: &User,
    kai: &User,
    kit_keys: &Published,
    kai_keys: &Published,
) -> StepResult<()> {
    let kit_id = &kit.device.user_id;
    let signature = b64("forged signature", 64);
    let mut own = kit_keys.device_keys.clone();
    own["signatures"][kit_id.as_str()][format!("ed25519:{}", public_key("kit self-signing"))] =
        json!(signature);
    let mut other = kai_keys.device_keys.clone();
    other["signatures"][kit_id.as_str()][format!("ed25519:{}", public_key("kit user-signing"))] =
        json!(signature);
    let mut request = upload_signatures::v3::Request::default();
    request.add_device_keys(kit_id.clone(), kit.device.device_id.clone(), raw(&own)?);
    request.add_device_keys(
        kai.device.user_id.clone(),
        kai.device.device_id.clone(),
        raw(&other)?,
    );
    let (response, note) = exchange(&kit.client, request).await?.ok(&[])?;
    let mut seen = Vec::new();
    for user in [kit, kai] {
        let failure = response
            .failures
            .get(&user.device.user_id)
            .and_then(|keys| {
                let device: &Base64PublicKeyOrDeviceId = user.device.device_id.as_str().into();
                keys.get(device)
            })
            .ok_or_else(|| {
                format!(
                    "no failure for {}: {:?}",
                    user.device.user_id, response.failures
                )
            })?;
        if failure.get("errcode") != Some(&json!("M_NOT_FOUND")) {
            return Err(format!(
                "{}: failure {failure:?}, expected M_NOT_FOUND",
                user.device.user_id
            ));
        }
        seen.push(format!(
            "{}: {}",
            user.device.user_id,
            Value::Object(failure.clone())
        ));
    }
    Ok(((), format!("failures {}; {note}", seen.join(", "))))
}

/// Well-formed device keys of `user`'s device: real-length curve25519 and ed25519 keys and a
/// self-signature, none of them real.
fn device_keys(user: &User, seed: &str) -> Value {
    let user_id = user.device.user_id.as_str();
    let device = user.device.device_id.as_str();
    let curve = format!("curve25519:{device}");
    let ed = format!("ed25519:{device}");
    json!({
        "user_id": user_id,
        "device_id": device,
        "algorithms": ["m.olm.v1.curve25519-aes-sha2", "m.megolm.v1.aes-sha2"],
        "keys": {
            curve: b64(&format!("{seed} curve25519"), 32),
            ed.clone(): b64(&format!("{seed} ed25519"), 32),
        },
        "signatures": { user_id: { ed: b64(&format!("{seed} device signature"), 64) } },
    })
}

/// A signed curve25519 key of `user`'s device, marked `fallback` when it is one.
fn signed_key(user: &User, seed: &str, fallback: bool) -> Value {
    let ed = format!("ed25519:{}", user.device.device_id);
    let mut key = json!({
        "key": b64(seed, 32),
        "signatures": { user.device.user_id.as_str(): { ed: b64(&format!("{seed} signature"), 64) } },
    });
    if fallback {
        key["fallback"] = json!(true);
    }
    key
}

/// A cross-signing key of `user` for `usage`, signed (not really) by the master key `signer`
/// when given.
fn cross_signing_key(user: &User, seed: &str, usage: &str, signer: Option<&str>) -> Value {
    let user_id = user.device.user_id.as_str();
    let public = public_key(seed);
    let id = format!("ed25519:{public}");
    let mut key = json!({ "user_id": user_id, "usage": [usage], "keys": { id: public } });
    if let Some(signer) = signer {
        let by = format!("ed25519:{signer}");
        key["signatures"] = json!({ user_id: { by: b64(&format!("{seed} signature"), 64) } });
    }
    key
}

/// The unpadded base64 ed25519 public key made from `seed`.
fn public_key(seed: &str) -> String {
    b64(seed, 32)
}

/// `len` bytes made from `seed`, in unpadded standard base64: the shape of real keys (32
/// bytes) and signatures (64 bytes), the same for the same seed.
fn b64(seed: &str, len: usize) -> String {
    let mut bytes = Vec::with_capacity(len + 20);
    let mut counter = 0_u32;
    while bytes.len() < len {
        let mut hash = Sha1::new();
        hash.update(seed.as_bytes());
        hash.update(counter.to_be_bytes());
        bytes.extend_from_slice(&hash.finalize());
        counter += 1;
    }
    bytes.truncate(len);
    let encoded: Base64 = Base64::new(bytes);
    encoded.encode()
}

/// The JSON as the raw value of a field.
fn raw<T>(json: &Value) -> Result<Raw<T>, String> {
    Raw::from_json_string(json.to_string()).map_err(|e| e.to_string())
}

/// A raw value read back as JSON.
fn value<T>(raw: &Raw<T>) -> Result<Value, String> {
    serde_json::from_str(raw.json().get()).map_err(|e| e.to_string())
}

/// One-time keys by ID, for an upload.
fn one_time_keys<'a>(
    keys: impl IntoIterator<Item = (&'a String, &'a Value)>,
) -> Result<upload_keys::v3::OneTimeKeys, String> {
    keys.into_iter()
        .map(|(id, key)| {
            let id: OwnedOneTimeKeyId = id.parse().map_err(|e| format!("{id}: {e}"))?;
            Ok((id, raw(key)?))
        })
        .collect()
}
