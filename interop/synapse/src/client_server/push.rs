//! Push rules, pushers and notifications against Synapse, as two users live them: pia reads
//! her rules (the server's defaults, `.m.rule.master` among them) whole and by scope, adds two
//! content rules of her own (the second, whose ID holds a space and non-ASCII text, placed
//! after the first), reads it back, disables it, changes its actions, and deletes both. She sets
//! an HTTP pusher, lists it, deletes it with `"kind": null` and lists none. Last, piet mentions
//! her in a room they share, and she pages through her notifications.
//!
//! Every answer goes through our types ([`exchange`], checked lossless), and what each step
//! changed is read back through our types too.

use std::time::Duration;

use matrix_api::error::{ErrorKind, MatrixError};
use matrix_api::http::StatusCode;
use matrix_api::{OutgoingRequest, OutgoingResponse, UInt};
use matrix_client_api::membership::join_room_by_id;
use matrix_client_api::message::send_message_event;
use matrix_client_api::push::get_notifications::v3::NotificationFilter;
use matrix_client_api::push::{
    delete_pushrule, get_notifications, get_pushers, get_pushrule, get_pushrule_actions,
    get_pushrule_enabled, get_pushrules_all, get_pushrules_global_scope, set_pusher, set_pushrule,
    set_pushrule_actions, set_pushrule_enabled, PushFormat, Pusher, PusherData, PusherKind,
    RuleKind, Ruleset,
};
use matrix_client_api::room::create_room;
use matrix_client_api::room::create_room::v3::RoomPreset;
use matrix_login::flow::Client;
use ruma_common::push::Action;
use ruma_common::serde::{JsonObject, Raw};
use ruma_common::{OwnedEventId, OwnedRoomId, OwnedUserId};
use serde_json::{json, Value};

use super::{users, User};
use crate::expect::expect_kind;
use crate::lossless::{exchange, Seen};
use crate::report::{Report, StepResult};
use crate::synapse::Admin;

/// Pia's first rule, the one the second is placed after.
const ANCHOR: &str = "pia's anchor";
/// Pia's second rule: a space and non-ASCII text in the ID, percent-encoded in every path.
const RULE: &str = "café ☕ règle";
/// The application and key of pia's pusher.
const APP_ID: &str = "org.example.interop.push";
const PUSHKEY: &str = "pia-device-token/0+=";
/// The gateway URL of the pusher: the path Synapse requires, on a port nothing listens on.
const GATEWAY: &str = "http://127.0.0.1:9/_matrix/push/v1/notify";

/// The group's steps, in the order of the session.
pub async fn run(report: &mut Report, client: &Client, synapse: &Admin<'_>) {
    let Some([pia, piet]) = users(report, client, synapse, "push", ["pia", "piet"]).await else {
        report.not_run(
            "push: every other step",
            "push: register and log in pia, piet",
        );
        return;
    };
    default_rule_steps(report, &pia).await;
    own_rule_steps(report, &pia).await;
    pusher_steps(report, &pia).await;
    notification_steps(report, &pia, &piet).await;
}

// Shared checks.

/// An error of this status and `errcode`, read through our types.
fn refused<R>(seen: Seen<R>, status: StatusCode, kind: ErrorKind) -> StepResult<()>
where
    R: OutgoingRequest<EndpointError = MatrixError>,
    R::IncomingResponse: OutgoingResponse + Clone,
{
    let (err, note) = seen.err(&[])?;
    expect_kind(&err, status, &kind)?;
    Ok(((), format!("{err}; {note}")))
}

/// Actions written as JSON, each kept as raw JSON as our types carry them.
fn actions(value: Value) -> Result<Vec<Raw<Action>>, String> {
    serde_json::from_value(value).map_err(|e| format!("actions: {e}"))
}

/// Actions as JSON, to compare what was sent with what came back.
fn actions_json(actions: &[Raw<Action>]) -> Result<Value, String> {
    serde_json::to_value(actions).map_err(|e| e.to_string())
}

/// The rule counts of a ruleset, by kind, for a step's line.
fn counts(ruleset: &Ruleset) -> String {
    let kinds = [
        RuleKind::Override,
        RuleKind::Content,
        RuleKind::Room,
        RuleKind::Sender,
        RuleKind::Underride,
    ];
    kinds
        .iter()
        .map(|kind| {
            let count = ruleset.rules(*kind).map_or(0, <[_]>::len);
            format!("{kind} {count}")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `.m.rule.master` is in the override list, a default rule, disabled (as for a new user).
fn check_master(ruleset: &Ruleset) -> Result<(), String> {
    let master = ruleset
        .get(RuleKind::Override, ".m.rule.master")
        .ok_or("no `.m.rule.master` among the override rules")?;
    if !master.default || master.enabled {
        return Err(format!(
            "`.m.rule.master`: expected default and disabled, got default {} enabled {}",
            master.default, master.enabled
        ));
    }
    Ok(())
}

// The server's rules.

/// Pia's whole ruleset, by scope and the global scope alone, and the master rule by itself.
async fn default_rule_steps(report: &mut Report, pia: &User) {
    report
        .step(
            "push: GET /pushrules/ (pia: the server's default rules, `.m.rule.master` among the \
             overrides, disabled)",
            async {
                let seen = exchange(&pia.client, get_pushrules_all::v3::Request::new()).await?;
                let (response, note) = seen.ok(&[])?;
                check_master(&response.global)?;
                Ok(((), format!("global: {}; {note}", counts(&response.global))))
            },
        )
        .await;
    report
        .step(
            "push: GET /pushrules/global/ (pia: the global scope, the same rules)",
            async {
                let seen =
                    exchange(&pia.client, get_pushrules_global_scope::v3::Request::new()).await?;
                let (response, note) = seen.ok(&[])?;
                check_master(&response.global)?;
                Ok(((), format!("{}; {note}", counts(&response.global))))
            },
        )
        .await;
    report
        .step(
            "push: GET /pushrules/global/{kind}/{ruleId} (pia: override `.m.rule.master`)",
            async {
                let request =
                    get_pushrule::v3::Request::new(RuleKind::Override, ".m.rule.master".to_owned());
                let seen = exchange(&pia.client, request).await?;
                let (response, note) = seen.ok(&[])?;
                let rule = response.rule;
                if rule.rule_id != ".m.rule.master" || !rule.default || rule.enabled {
                    return Err(format!("unexpected master rule: {rule:?}"));
                }
                let conditions = rule.conditions.as_ref().map_or(0, Vec::len);
                Ok((
                    (),
                    format!(
                        "default, disabled, {} actions, {conditions} conditions; {note}",
                        rule.actions.len()
                    ),
                ))
            },
        )
        .await;
}

// Pia's own rules.

/// A content rule of pia's, placed after `after` when given.
async fn put_rule(
    pia: &User,
    rule_id: &str,
    pattern: &str,
    after: Option<&str>,
) -> Result<String, String> {
    let mut request = set_pushrule::v3::Request::new(
        RuleKind::Content,
        rule_id.to_owned(),
        actions(json!(["notify", { "set_tweak": "sound", "value": "default" }]))?,
    );
    request.pattern = Some(pattern.to_owned());
    request.after = after.map(str::to_owned);
    let seen = exchange(&pia.client, request).await?;
    let (_, note) = seen.ok(&[])?;
    Ok(note)
}

/// Pia adds two content rules, the second after the first, reads the second back, disables it,
/// changes its actions, and deletes both.
async fn own_rule_steps(report: &mut Report, pia: &User) {
    let created = report
        .step(
            "push: PUT /pushrules/global/{kind}/{ruleId} (pia: content rules `pia's anchor`, then \
             `café ☕ règle` with after=`pia's anchor`; the order read back from \
             /pushrules/global/)",
            async {
                let first = put_rule(pia, ANCHOR, "anchor*", None).await?;
                let second = put_rule(pia, RULE, "espresso*", Some(ANCHOR)).await?;
                let seen =
                    exchange(&pia.client, get_pushrules_global_scope::v3::Request::new()).await?;
                let (response, note) = seen.ok(&[])?;
                let ids: Vec<&str> = response
                    .global
                    .rules(RuleKind::Content)
                    .unwrap_or_default()
                    .iter()
                    .map(|rule| rule.rule_id.as_str())
                    .collect();
                let anchor = ids.iter().position(|id| *id == ANCHOR);
                let rule = ids.iter().position(|id| *id == RULE);
                match (anchor, rule) {
                    (Some(anchor), Some(rule)) if rule == anchor + 1 => {}
                    _ => {
                        return Err(format!(
                            "expected `{RULE}` right after `{ANCHOR}` among the content rules, \
                             got {ids:?}"
                        ))
                    }
                }
                Ok((
                    (),
                    format!("content rules {ids:?}; {first}; {second}; {note}"),
                ))
            },
        )
        .await;
    let skipped = |name: &'static str| (name, "push: PUT /pushrules/global/{kind}/{ruleId}");
    report
        .step_after(
            "push: GET /pushrules/global/{kind}/{ruleId} (pia: `café ☕ règle` read back: \
             pattern, actions, enabled, not default)",
            created,
            skipped("push: GET /pushrules/global/{kind}/{ruleId} (pia's rule)"),
            |()| async {
                let request = get_pushrule::v3::Request::new(RuleKind::Content, RULE.to_owned());
                let seen = exchange(&pia.client, request).await?;
                let (response, note) = seen.ok(&[])?;
                let rule = response.rule;
                let sent = json!(["notify", { "set_tweak": "sound", "value": "default" }]);
                if rule.rule_id != RULE
                    || rule.pattern.as_deref() != Some("espresso*")
                    || !rule.enabled
                    || rule.default
                    || actions_json(&rule.actions)? != sent
                {
                    return Err(format!("the rule read back differs: {rule:?}"));
                }
                Ok((
                    (),
                    format!("{}: pattern espresso*, enabled; {note}", rule.rule_id),
                ))
            },
        )
        .await;
    report
        .step_after(
            "push: PUT+GET /pushrules/global/{kind}/{ruleId}/enabled (pia disables her rule; \
             `enabled` reads false)",
            created,
            skipped("push: PUT /pushrules/global/{kind}/{ruleId}/enabled"),
            |()| async {
                let request = set_pushrule_enabled::v3::Request::new(
                    RuleKind::Content,
                    RULE.to_owned(),
                    false,
                );
                let (_, set_note) = exchange(&pia.client, request).await?.ok(&[])?;
                let request =
                    get_pushrule_enabled::v3::Request::new(RuleKind::Content, RULE.to_owned());
                let (response, note) = exchange(&pia.client, request).await?.ok(&[])?;
                if response.enabled {
                    return Err("the rule still reads enabled".to_owned());
                }
                Ok(((), format!("enabled: false; {set_note}; {note}")))
            },
        )
        .await;
    report
        .step_after(
            "push: PUT+GET /pushrules/global/{kind}/{ruleId}/actions (pia: an unknown action is \
             refused, 400 M_UNKNOWN; highlight, notify and a tweak of her own, read back as sent)",
            created,
            skipped("push: PUT /pushrules/global/{kind}/{ruleId}/actions"),
            |()| async {
                let set = |sent: &Value| -> Result<_, String> {
                    Ok(set_pushrule_actions::v3::Request::new(
                        RuleKind::Content,
                        RULE.to_owned(),
                        actions(sent.clone())?,
                    ))
                };
                // Synapse takes only `notify`, the two historical actions and `set_tweak`
                // objects (finding 29).
                let unknown = json!(["notify", "org.example.interop.glow"]);
                let seen = exchange(&pia.client, set(&unknown)?).await?;
                let ((), refused_note) =
                    refused(seen, StatusCode::BAD_REQUEST, ErrorKind::Unknown)?;
                let sent = json!([
                    { "set_tweak": "highlight" },
                    "notify",
                    { "set_tweak": "sound", "value": "ring" },
                    { "set_tweak": "org.example.interop.flash", "value": { "colour": "amber" } }
                ]);
                let (_, set_note) = exchange(&pia.client, set(&sent)?).await?.ok(&[])?;
                let request =
                    get_pushrule_actions::v3::Request::new(RuleKind::Content, RULE.to_owned());
                let (response, note) = exchange(&pia.client, request).await?.ok(&[])?;
                let read = actions_json(&response.actions)?;
                if read != sent {
                    return Err(format!("sent actions {sent}, read back {read}"));
                }
                Ok((
                    (),
                    format!("unknown action: {refused_note}; then {read}; {set_note}; {note}"),
                ))
            },
        )
        .await;
    report
        .step_after(
            "push: DELETE /pushrules/global/{kind}/{ruleId} (pia deletes both rules; her rule \
             then reads 404 M_NOT_FOUND)",
            created,
            skipped("push: DELETE /pushrules/global/{kind}/{ruleId}"),
            |()| async {
                let mut notes = Vec::new();
                for rule_id in [RULE, ANCHOR] {
                    let request =
                        delete_pushrule::v3::Request::new(RuleKind::Content, rule_id.to_owned());
                    let (_, note) = exchange(&pia.client, request).await?.ok(&[])?;
                    notes.push(note);
                }
                let request = get_pushrule::v3::Request::new(RuleKind::Content, RULE.to_owned());
                let seen = exchange(&pia.client, request).await?;
                let ((), note) = refused(seen, StatusCode::NOT_FOUND, ErrorKind::NotFound)?;
                Ok(((), format!("deleted: {}; then {note}", notes.join(", "))))
            },
        )
        .await;
}

// Pushers.

/// Pia's HTTP pusher, with a field of her own in its data.
fn pusher() -> Pusher {
    let mut data = PusherData::http(GATEWAY.to_owned());
    data.format = Some(PushFormat::EventIdOnly);
    data.other
        .insert("org.example.badge".to_owned(), json!({ "count": 3 }));
    Pusher {
        pushkey: PUSHKEY.to_owned(),
        kind: PusherKind::Http,
        app_id: APP_ID.to_owned(),
        app_display_name: "Interop ☕".to_owned(),
        device_display_name: "Pia's phone".to_owned(),
        profile_tag: Some("pia-tag".to_owned()),
        lang: "fr-FR".to_owned(),
        data,
    }
}

/// Pia's pushers, through our types.
async fn list_pushers(pia: &User) -> Result<(Vec<Pusher>, String), String> {
    let seen = exchange(&pia.client, get_pushers::v3::Request::new()).await?;
    let (response, note) = seen.ok(&[])?;
    Ok((response.pushers, note))
}

/// Pia sets a pusher, lists it as she set it, deletes it with `"kind": null`, and lists none.
async fn pusher_steps(report: &mut Report, pia: &User) {
    let set = report
        .step(
            "push: POST /pushers/set (pia: an HTTP pusher, format event_id_only, a field of her \
             own in data)",
            async {
                let request = set_pusher::v3::Request::set(pusher());
                let (_, note) = exchange(&pia.client, request).await?.ok(&[])?;
                Ok(((), format!("{APP_ID} / {PUSHKEY} -> {GATEWAY}; {note}")))
            },
        )
        .await;
    let set = report
        .step_after(
            "push: GET /pushers (pia: her pusher, exactly as set)",
            set,
            (
                "push: GET /pushers (the pusher set)",
                "push: POST /pushers/set",
            ),
            |()| async {
                let (pushers, note) = list_pushers(pia).await?;
                match pushers.as_slice() {
                    [one] if *one == pusher() => {
                        Ok(((), format!("1 pusher, data {:?}; {note}", one.data)))
                    }
                    _ => Err(format!("expected exactly pia's pusher, got {pushers:?}")),
                }
            },
        )
        .await;
    report
        .step_after(
            "push: POST /pushers/set (pia deletes it: `\"kind\": null`) and GET /pushers (none)",
            set,
            ("push: POST /pushers/set (delete)", "push: GET /pushers"),
            |()| async {
                let request =
                    set_pusher::v3::Request::delete(APP_ID.to_owned(), PUSHKEY.to_owned());
                let (_, deleted) = exchange(&pia.client, request).await?.ok(&[])?;
                let (pushers, note) = list_pushers(pia).await?;
                if !pushers.is_empty() {
                    return Err(format!("expected no pushers, got {pushers:?}"));
                }
                Ok(((), format!("deleted; {deleted}; then 0 pushers; {note}")))
            },
        )
        .await;
}

// Notifications.

/// The room pia and piet share, and piet's message mentioning pia.
struct Mention {
    room_id: OwnedRoomId,
    event_id: OwnedEventId,
}

/// Pia makes a room and invites piet, who joins and mentions her.
async fn mention(pia: &User, piet: &User) -> StepResult<Mention> {
    let mut request = create_room::v3::Request::new();
    request.preset = Some(RoomPreset::PrivateChat);
    request.invite = vec![piet.device.user_id.clone()];
    let (created, created_note) = exchange(&pia.client, request).await?.ok(&[])?;
    let room_id = created.room_id;
    let (_, joined_note) = exchange(
        &piet.client,
        join_room_by_id::v3::Request::new(room_id.clone()),
    )
    .await?
    .ok(&[])?;
    let pia_id: &OwnedUserId = &pia.device.user_id;
    let content = json!({
        "msgtype": "m.text",
        "body": format!("{pia_id}: ☕?"),
        "m.mentions": { "user_ids": [pia_id] },
    });
    let content: JsonObject = serde_json::from_value(content).map_err(|e| e.to_string())?;
    let request = send_message_event::v3::Request::new(
        room_id.clone(),
        "m.room.message".to_owned(),
        "push-mention-1".into(),
        Raw::new(&content).map_err(|e| e.to_string())?,
    );
    let (sent, sent_note) = exchange(&piet.client, request).await?.ok(&[])?;
    let detail = format!(
        "room {room_id}, event {}; {created_note}; {joined_note}; {sent_note}",
        sent.event_id
    );
    Ok((
        Mention {
            room_id,
            event_id: sent.event_id,
        },
        detail,
    ))
}

/// One page of pia's notifications.
async fn notifications(
    pia: &User,
    from: Option<String>,
    only: Option<NotificationFilter>,
) -> Result<(get_notifications::v3::Response, String), String> {
    let mut request = get_notifications::v3::Request::new();
    request.limit = Some(UInt::from(1u32));
    request.from = from;
    request.only = only;
    exchange(&pia.client, request).await?.ok(&[])
}

/// The first page holds piet's mention, unread, highlighted; returns the next page's token.
fn check_mention(
    mention: &Mention,
    page: &get_notifications::v3::Response,
) -> Result<Option<String>, String> {
    let [notification] = page.notifications.as_slice() else {
        return Err(format!(
            "expected one notification (limit 1), got {}",
            page.notifications.len()
        ));
    };
    let event: Value =
        serde_json::from_str(notification.event.json().get()).map_err(|e| e.to_string())?;
    if notification.room_id != mention.room_id
        || event["event_id"] != mention.event_id.as_str()
        || notification.read
    {
        return Err(format!(
            "expected piet's unread mention {} in {}, got {} in {} (read {})",
            mention.event_id,
            mention.room_id,
            event["event_id"],
            notification.room_id,
            notification.read
        ));
    }
    let actions = actions_json(&notification.actions)?;
    let list = actions.as_array().cloned().unwrap_or_default();
    let highlight = list.iter().any(|action| {
        action["set_tweak"] == "highlight" && action.get("value") != Some(&json!(false))
    });
    if !list.contains(&json!("notify")) || !highlight {
        return Err(format!("expected notify and a highlight, got {actions}"));
    }
    Ok(page.next_token.clone())
}

/// Piet mentions pia in a room they share; pia's notifications list it, highlighted, and the
/// page after it is empty.
async fn notification_steps(report: &mut Report, pia: &User, piet: &User) {
    let mention = report
        .step(
            "push: POST /createRoom, /join, PUT /send (pia invites piet; piet joins and mentions \
             her)",
            mention(pia, piet),
        )
        .await;
    let skipped = (
        "push: GET /notifications",
        "push: POST /createRoom, /join, PUT /send",
    );
    let next = report
        .step_after(
            "push: GET /notifications (pia, limit 1: piet's mention, unread, notify and \
             highlight)",
            mention.as_ref(),
            skipped,
            |mention| async move {
                // Synapse writes the push actions as it persists the event; a moment's grace
                // in case the answer to the send came first.
                let mut waited = Duration::ZERO;
                loop {
                    let (page, note) = notifications(pia, None, None).await?;
                    if page.notifications.is_empty() && waited < Duration::from_secs(3) {
                        tokio::time::sleep(Duration::from_millis(200)).await;
                        waited += Duration::from_millis(200);
                        continue;
                    }
                    let next = check_mention(mention, &page)?;
                    let detail = format!(
                        "{} in {}, next_token {next:?}; {note}",
                        mention.event_id, mention.room_id
                    );
                    return Ok((next, detail));
                }
            },
        )
        .await;
    report
        .step_after(
            "push: GET /notifications (pia, only=highlight: the mention; from its next_token: \
             nothing more)",
            mention.as_ref().zip(next),
            skipped,
            |(mention, next)| async move {
                let (page, note) =
                    notifications(pia, None, Some(NotificationFilter::Highlight)).await?;
                check_mention(mention, &page)?;
                let Some(next) = next else {
                    return Ok(((), format!("the mention; no next_token; {note}")));
                };
                let (rest, rest_note) = notifications(pia, Some(next.clone()), None).await?;
                if !rest.notifications.is_empty() {
                    return Err(format!(
                        "expected nothing after {next}, got {} notifications",
                        rest.notifications.len()
                    ));
                }
                Ok((
                    (),
                    format!("the mention; {note}; from {next}: none; {rest_note}"),
                ))
            },
        )
        .await;
}
