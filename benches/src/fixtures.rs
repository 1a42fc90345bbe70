//! The generator of the JSON fixtures under `benches/fixtures/`, and their loading.
//!
//! The fixtures are the inputs of the bigger rows; they are committed so that every run reads
//! the same bytes, and this generator documents how they were made: the specification's example
//! shapes (`/sync`, `/messages`, `/keys/query`, `/keys/upload`) scaled up, with varied content
//! (several senders, bodies of varying length, non-ASCII text, `unsigned` with `age` and
//! `transaction_id`, replies, threads, edits and reactions). It is deterministic: a fixed-seed
//! pseudo-random sequence picks every choice. `cargo run --release --example make_fixtures`
//! writes the files again.

use std::sync::LazyLock;

use serde_json::{json, Value};

/// A small deterministic pseudo-random sequence (SplitMix64): the same fixtures on every
/// machine, without a dependency.
pub struct Rng(u64);

impl Rng {
    /// A sequence from this seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// One of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// `len` characters of unpadded base64, like a key, signature or event ID hash.
    pub fn base64(&mut self, len: usize) -> String {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        (0..len).map(|_| ALPHABET[self.below(64)] as char).collect()
    }

    /// An event ID of room versions 4 and later (`$` and URL-safe base64 of a hash).
    pub fn event_id(&mut self) -> String {
        format!("${}", self.base64(43).replace('+', "-").replace('/', "_"))
    }
}

const SENDERS: &[&str] = &[
    "@alice:example.org",
    "@bob:example.org",
    "@carol:matrix.org",
    "@dmitri:example.com",
    "@emilie:example.fr",
    "@frank_99:chat.example.net",
    "@grace:example.org",
    "@hiroshi:example.jp",
];

const WORDS: &[&str] = &[
    "hello",
    "the",
    "build",
    "is",
    "green",
    "again",
    "shall",
    "we",
    "meet",
    "tomorrow",
    "at",
    "ten",
    "café",
    "naïve",
    "résumé",
    "日本語",
    "テスト",
    "привет",
    "мир",
    "🎉",
    "👍",
    "release",
    "notes",
    "are",
    "in",
    "the",
    "wiki",
    "please",
    "review",
    "my",
    "pull",
    "request",
    "coffee",
    "☕",
    "deploy",
    "on",
    "friday?",
];

/// The user whose sync this is.
pub const OWN_USER: &str = "@alice:example.org";

fn sentence(rng: &mut Rng) -> String {
    // Mostly short chat lines, now and then a paragraph.
    let words = match rng.below(10) {
        0 => 40 + rng.below(60),
        1..=3 => 8 + rng.below(12),
        _ => 1 + rng.below(7),
    };
    let mut out = String::new();
    for i in 0..words {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(rng.pick::<&str>(WORDS));
    }
    out
}

fn room_id(rng: &mut Rng) -> String {
    format!("!{}:example.org", rng.base64(18).replace(['+', '/'], "x"))
}

/// A message event of a sync timeline (no `room_id`), or of `/messages` (with it).
fn message(rng: &mut Rng, room: Option<&str>, ts: u64, recent: &[String]) -> Value {
    let sender = *rng.pick(SENDERS);
    let body = sentence(rng);
    let event_id = rng.event_id();
    let mut content = json!({ "msgtype": "m.text", "body": body });
    match rng.below(12) {
        0 | 1 if !recent.is_empty() => {
            content["m.relates_to"] = json!({ "m.in_reply_to": { "event_id": rng.pick(recent) } });
        }
        2 if !recent.is_empty() => {
            let root = rng.pick(recent).clone();
            content["m.relates_to"] = json!({
                "rel_type": "m.thread",
                "event_id": root,
                "is_falling_back": true,
                "m.in_reply_to": { "event_id": root },
            });
        }
        3 => {
            content["format"] = json!("org.matrix.custom.html");
            content["formatted_body"] = json!(format!("<p><strong>{body}</strong></p>"));
        }
        4 => {
            content["msgtype"] = json!("m.notice");
        }
        5 => {
            content["m.mentions"] = json!({ "user_ids": [OWN_USER] });
        }
        _ => {}
    }
    let mut unsigned = json!({ "age": 100 + rng.below(500_000) });
    if sender == OWN_USER {
        unsigned["transaction_id"] = json!(format!("m{ts}.{}", rng.below(100)));
    }
    let (kind, content) = if !recent.is_empty() && rng.below(10) == 0 {
        // A reaction.
        (
            "m.reaction",
            json!({ "m.relates_to": {
                "rel_type": "m.annotation",
                "event_id": rng.pick(recent),
                "key": rng.pick(&["👍", "🎉", "❤️", "😂"]),
            }}),
        )
    } else if !recent.is_empty() && rng.below(15) == 0 {
        // An edit.
        let new_body = sentence(rng);
        (
            "m.room.message",
            json!({
                "msgtype": "m.text",
                "body": format!("* {new_body}"),
                "m.new_content": { "msgtype": "m.text", "body": new_body },
                "m.relates_to": { "rel_type": "m.replace", "event_id": rng.pick(recent) },
            }),
        )
    } else {
        ("m.room.message", content)
    };
    let mut event = json!({
        "type": kind,
        "event_id": event_id,
        "sender": sender,
        "origin_server_ts": ts,
        "content": content,
        "unsigned": unsigned,
    });
    if let Some(room) = room {
        event["room_id"] = json!(room);
    }
    event
}

/// A state event, with a `room_id` for `/messages` or without for a sync.
fn state_event(
    rng: &mut Rng,
    room: Option<&str>,
    ts: u64,
    kind: &str,
    state_key: &str,
    content: Value,
) -> Value {
    let mut event = json!({
        "type": kind,
        "state_key": state_key,
        "event_id": rng.event_id(),
        "sender": rng.pick(SENDERS),
        "origin_server_ts": ts,
        "content": content,
        "unsigned": { "age": 1000 + rng.below(5_000_000) },
    });
    if let Some(room) = room {
        event["room_id"] = json!(room);
    }
    event
}

fn member(rng: &mut Rng, room: Option<&str>, ts: u64, user: &str) -> Value {
    let name = user[1..].split(':').next().unwrap_or(user).to_owned();
    let mut event = state_event(
        rng,
        room,
        ts,
        "m.room.member",
        user,
        json!({ "membership": "join", "displayname": name, "avatar_url": format!("mxc://example.org/{}", "a".repeat(24)) }),
    );
    event["sender"] = json!(user);
    event
}

fn joined_room(rng: &mut Rng, events: usize, ts: &mut u64) -> Value {
    let heroes: Vec<&str> = (0..2).map(|_| *rng.pick(&SENDERS[1..])).collect();
    let (name, topic) = (sentence(rng), sentence(rng));
    let mut state = vec![
        state_event(
            rng,
            None,
            *ts - 9_000_000,
            "m.room.name",
            "",
            json!({ "name": name }),
        ),
        state_event(
            rng,
            None,
            *ts - 8_000_000,
            "m.room.topic",
            "",
            json!({ "topic": topic }),
        ),
    ];
    for user in &heroes {
        state.push(member(rng, None, *ts - 7_000_000, user));
    }
    let mut recent: Vec<String> = Vec::new();
    let mut timeline = Vec::new();
    for i in 0..events {
        *ts += 1000 + rng.below(60_000) as u64;
        let event = if i % 9 == 4 {
            let user = *rng.pick(SENDERS);
            member(rng, None, *ts, user)
        } else {
            message(rng, None, *ts, &recent)
        };
        recent.push(event["event_id"].as_str().unwrap().to_owned());
        timeline.push(event);
    }
    let last = recent.last().cloned().unwrap_or_default();
    let mut receipt_users = serde_json::Map::new();
    for user in &heroes {
        receipt_users.insert(
            (*user).to_owned(),
            json!({ "ts": *ts - rng.below(100_000) as u64 }),
        );
    }
    let mut timeline = json!({
        "events": timeline,
        "prev_batch": format!("t{}-{}_0_0_0_0_0_0_0_0", rng.below(100_000), rng.below(10_000_000)),
    });
    // Servers write `limited` only when it is true, and so do the endpoints.
    if rng.below(3) == 0 {
        timeline["limited"] = json!(true);
    }
    json!({
        "summary": {
            "m.heroes": heroes,
            "m.joined_member_count": 2 + rng.below(200),
            "m.invited_member_count": rng.below(3),
        },
        "state": { "events": state },
        "timeline": timeline,
        "ephemeral": { "events": [
            { "type": "m.typing", "content": { "user_ids": [rng.pick(SENDERS)] } },
            { "type": "m.receipt", "content": { last.clone(): { "m.read": receipt_users } } },
        ]},
        "account_data": { "events": [
            { "type": "m.fully_read", "content": { "event_id": last } },
            { "type": "m.tag", "content": { "tags": { "u.work": { "order": 0.5 } } } },
        ]},
        "unread_notifications": {
            "highlight_count": rng.below(3),
            "notification_count": rng.below(40),
        },
    })
}

fn stripped(rng: &mut Rng, kind: &str, state_key: &str, content: Value) -> Value {
    json!({ "type": kind, "state_key": state_key, "sender": rng.pick(SENDERS), "content": content })
}

/// A `/sync` response: `rooms` joined rooms of `events` timeline events each, two invites and
/// two left rooms, presence, global account data, to-device events, device lists and key
/// counts.
pub fn sync(seed: u64, rooms: usize, events: usize) -> Value {
    let rng = &mut Rng::new(seed);
    let mut ts = 1_764_547_200_000u64;
    let mut join = serde_json::Map::new();
    for _ in 0..rooms {
        let room = room_id(rng);
        let events = events / 2 + rng.below(events);
        join.insert(room, joined_room(rng, events, &mut ts));
    }
    let mut invite = serde_json::Map::new();
    for _ in 0..2 {
        let name = sentence(rng);
        invite.insert(
            room_id(rng),
            json!({ "invite_state": { "events": [
                stripped(rng, "m.room.name", "", json!({ "name": name })),
                stripped(rng, "m.room.join_rules", "", json!({ "join_rule": "invite" })),
                stripped(rng, "m.room.member", OWN_USER, json!({ "membership": "invite" })),
            ]}}),
        );
    }
    let mut leave = serde_json::Map::new();
    for _ in 0..2 {
        ts += 5000;
        let goodbye = message(rng, None, ts, &[]);
        let mut left = state_event(
            rng,
            None,
            ts + 1000,
            "m.room.member",
            OWN_USER,
            json!({ "membership": "leave" }),
        );
        left["sender"] = json!(OWN_USER);
        let room_name = sentence(rng);
        let name = state_event(
            rng,
            None,
            ts - 1_000_000,
            "m.room.name",
            "",
            json!({ "name": room_name }),
        );
        leave.insert(
            room_id(rng),
            json!({
                "state": { "events": [name] },
                "timeline": { "events": [goodbye, left], "prev_batch": format!("t{}", rng.below(1_000_000)) },
                "account_data": { "events": [{ "type": "m.fully_read", "content": { "event_id": rng.event_id() } }] },
            }),
        );
    }
    let to_device: Vec<Value> = (0..3 + rooms / 8)
        .map(|_| {
            let (sender_key, session, len) = (rng.base64(43), rng.base64(43), 300 + rng.below(400));
            json!({
                "type": "m.room.encrypted",
                "sender": rng.pick(SENDERS),
                "content": {
                    "algorithm": "m.olm.v1.curve25519-aes-sha2",
                    "sender_key": sender_key,
                    "ciphertext": { session: { "type": 0, "body": rng.base64(len) } },
                },
            })
        })
        .collect();
    let presence: Vec<Value> = SENDERS[1..5]
        .iter()
        .map(|user| {
            json!({
                "type": "m.presence",
                "sender": user,
                "content": {
                    "presence": rng.pick(&["online", "unavailable", "offline"]),
                    "last_active_ago": rng.below(10_000_000),
                    "currently_active": rng.below(2) == 0,
                    "status_msg": sentence(rng),
                },
            })
        })
        .collect();
    json!({
        "next_batch": format!("s{}_{}_{}_{}", rng.below(10_000_000), rng.below(100_000), rng.below(1000), rng.below(100_000)),
        "rooms": { "join": join, "invite": invite, "leave": leave },
        "presence": { "events": presence },
        "account_data": { "events": [
            { "type": "m.direct", "content": { "@bob:example.org": [room_id(rng)] } },
            { "type": "im.vector.setting.breadcrumbs", "content": { "recent_rooms": [room_id(rng), room_id(rng)] } },
        ]},
        "to_device": { "events": to_device },
        "device_lists": {
            "changed": ["@bob:example.org", "@carol:matrix.org", "@emilie:example.fr"],
            "left": ["@frank_99:chat.example.net"],
        },
        "device_one_time_keys_count": { "signed_curve25519": 42 },
        "device_unused_fallback_key_types": ["signed_curve25519"],
    })
}

/// A `/messages` page: `events` events of one room going backwards, with the members of their
/// senders in `state` (lazy-loading).
pub fn messages(seed: u64, events: usize) -> Value {
    let rng = &mut Rng::new(seed);
    let room = room_id(rng);
    let mut ts = 1_764_547_200_000u64;
    let mut recent = Vec::new();
    let mut chunk = Vec::new();
    for _ in 0..events {
        ts -= 1000 + rng.below(60_000) as u64;
        let event = message(rng, Some(&room), ts, &recent);
        recent.push(event["event_id"].as_str().unwrap().to_owned());
        chunk.push(event);
    }
    let state: Vec<Value> = SENDERS
        .iter()
        .map(|user| member(rng, Some(&room), ts - 10_000_000, user))
        .collect();
    json!({
        "start": format!("t{}-{}_0_0_0_0_0_0_0_0", rng.below(100_000), rng.below(10_000_000)),
        "end": format!("t{}-{}_0_0_0_0_0_0_0_0", rng.below(100_000), rng.below(10_000_000)),
        "chunk": chunk,
        "state": state,
    })
}

fn device_keys(rng: &mut Rng, user: &str, device: &str, unsigned: bool) -> Value {
    let mut keys = json!({
        "user_id": user,
        "device_id": device,
        "algorithms": ["m.olm.v1.curve25519-aes-sha2", "m.megolm.v1.aes-sha2"],
        "keys": {
            format!("curve25519:{device}"): rng.base64(43),
            format!("ed25519:{device}"): rng.base64(43),
        },
        "signatures": { user: { format!("ed25519:{device}"): rng.base64(86) } },
    });
    if unsigned {
        keys["unsigned"] = json!({ "device_display_name": format!("{} on {}", sentence(rng), rng.pick(&["Android", "iOS", "Firefox", "Linux"])) });
    }
    keys
}

fn cross_signing(rng: &mut Rng, user: &str, usage: &str, signed_by: Option<&str>) -> Value {
    let key = rng.base64(43);
    let mut value = json!({
        "user_id": user,
        "usage": [usage],
        "keys": { format!("ed25519:{key}"): key },
    });
    if let Some(master) = signed_by {
        value["signatures"] = json!({ user: { format!("ed25519:{master}"): rng.base64(86) } });
    }
    value
}

/// A `/keys/query` response: device keys of `users` users with one to four devices each, their
/// master and self-signing keys, the caller's user-signing key, and one failed server.
pub fn keys_query(seed: u64, users: usize) -> Value {
    let rng = &mut Rng::new(seed);
    let mut device_keys_by_user = serde_json::Map::new();
    let mut master = serde_json::Map::new();
    let mut self_signing = serde_json::Map::new();
    for i in 0..users {
        let user = if i == 0 {
            OWN_USER.to_owned()
        } else {
            format!(
                "@{}{i}:{}",
                rng.pick(&["user", "dev", "ops", "zoe"]),
                rng.pick(&["example.org", "matrix.org", "example.com"])
            )
        };
        let mut devices = serde_json::Map::new();
        for _ in 0..1 + rng.below(4) {
            let device: String = (0..10)
                .map(|_| (b'A' + rng.below(26) as u8) as char)
                .collect();
            devices.insert(device.clone(), device_keys(rng, &user, &device, true));
        }
        device_keys_by_user.insert(user.clone(), Value::Object(devices));
        let master_key = cross_signing(rng, &user, "master", None);
        let master_id = master_key["keys"]
            .as_object()
            .unwrap()
            .values()
            .next()
            .unwrap()
            .as_str()
            .unwrap()
            .to_owned();
        master.insert(user.clone(), master_key);
        self_signing.insert(
            user.clone(),
            cross_signing(rng, &user, "self_signing", Some(&master_id)),
        );
    }
    let own_master = master[OWN_USER]["keys"]
        .as_object()
        .unwrap()
        .values()
        .next()
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned();
    json!({
        "failures": { "offline.example.net": { "status": 503, "message": "Not ready for retry" } },
        "device_keys": device_keys_by_user,
        "master_keys": master,
        "self_signing_keys": self_signing,
        "user_signing_keys": { OWN_USER: cross_signing(rng, OWN_USER, "user_signing", Some(&own_master)) },
    })
}

/// A `/keys/upload` body: the device's keys, `count` signed one-time keys and a fallback key.
pub fn keys_upload(seed: u64, count: usize) -> Value {
    let rng = &mut Rng::new(seed);
    let device = "JLAFKJWSCS";
    let signed = |rng: &mut Rng, fallback: bool| {
        let mut key = json!({
            "key": rng.base64(43),
            "signatures": { OWN_USER: { format!("ed25519:{device}"): rng.base64(86) } },
        });
        if fallback {
            key["fallback"] = json!(true);
        }
        key
    };
    let mut one_time = serde_json::Map::new();
    for i in 0..count {
        one_time.insert(format!("signed_curve25519:AAAA{i:02}"), signed(rng, false));
    }
    json!({
        "device_keys": device_keys(rng, OWN_USER, device, false),
        "one_time_keys": one_time,
        "fallback_keys": { "signed_curve25519:AAAAHg": signed(rng, true) },
    })
}

/// Every fixture: its file name under `benches/fixtures/` and its content, compact JSON as a
/// server sends it.
pub fn all() -> Vec<(&'static str, Vec<u8>)> {
    [
        ("sync-50k.json", sync(1, 7, 11)),
        ("sync-1m.json", sync(2, 130, 17)),
        ("messages.json", messages(3, 80)),
        ("keys-query.json", keys_query(4, 20)),
        ("keys-upload.json", keys_upload(5, 50)),
    ]
    .into_iter()
    .map(|(name, value)| (name, serde_json::to_vec(&value).unwrap()))
    .collect()
}

fn load(name: &str) -> Vec<u8> {
    let path = format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| {
        panic!("{path}: {e} (cargo run --release --example make_fixtures writes it)")
    })
}

/// The ~50 KB `/sync` response, read once.
pub static SYNC_50K: LazyLock<Vec<u8>> = LazyLock::new(|| load("sync-50k.json"));
/// The ~1 MB `/sync` response, read once.
pub static SYNC_1M: LazyLock<Vec<u8>> = LazyLock::new(|| load("sync-1m.json"));
/// The `/messages` page, read once.
pub static MESSAGES: LazyLock<Vec<u8>> = LazyLock::new(|| load("messages.json"));
/// The `/keys/query` response, read once.
pub static KEYS_QUERY: LazyLock<Vec<u8>> = LazyLock::new(|| load("keys-query.json"));
/// The `/keys/upload` request body, read once.
pub static KEYS_UPLOAD: LazyLock<Vec<u8>> = LazyLock::new(|| load("keys-upload.json"));
