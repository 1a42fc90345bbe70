//! Push rules (what notifies the user, and how), pushers (where notifications go) and the
//! notifications a user has received.
//!
//! The types shared by these endpoints are here: [`RuleKind`], [`PushRule`], [`Ruleset`],
//! [`Pusher`] and its [`PusherData`].
//!
//! Actions and conditions are kept as raw JSON ([`Raw`]`<`[`Action`]`>`,
//! [`Raw`]`<`[`PushCondition`]`>`): the specification lets both grow, and ruma-common's types
//! drop the fields they do not know (a tweak's extra keys, a condition's new ones), so a rule
//! read and written back would lose them. `raw.deserialize()` gives the typed value.

pub mod delete_pushrule;
pub mod get_notifications;
pub mod get_pushers;
pub mod get_pushrule;
pub mod get_pushrule_actions;
pub mod get_pushrule_enabled;
pub mod get_pushrules_all;
pub mod get_pushrules_global_scope;
pub mod set_pusher;
pub mod set_pushrule;
pub mod set_pushrule_actions;
pub mod set_pushrule_enabled;

use ruma_common::push::{Action, PushCondition};
use ruma_common::serde::{JsonObject, Raw};
use serde::{Deserialize, Serialize};

use crate::string_enum::string_enum;

/// The kind of a push rule: which of the ruleset's lists it is in, and so what it matches.
///
/// The path of the rule endpoints takes one of these five values and no other, so the set is
/// closed here; a ruleset's lists of other kinds are kept in [`Ruleset::other`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleKind {
    /// The user's highest-priority rules, with conditions.
    Override,
    /// Rules matching the body of messages against a glob pattern.
    Content,
    /// Rules for every message of one room; the rule ID is the room ID.
    Room,
    /// Rules for every message of one sender; the rule ID is the user ID.
    Sender,
    /// The lowest-priority rules, with conditions.
    Underride,
}

impl RuleKind {
    /// The kind as the path writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            RuleKind::Override => "override",
            RuleKind::Content => "content",
            RuleKind::Room => "room",
            RuleKind::Sender => "sender",
            RuleKind::Underride => "underride",
        }
    }
}

impl std::fmt::Display for RuleKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One push rule, of any kind, as the server lists it.
///
/// One type serves every kind: `conditions` is present on override and underride rules,
/// `pattern` on content rules, and neither on room and sender rules, whose `rule_id` is the
/// room or user ID. An empty list of conditions is kept apart from an absent one.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PushRule {
    /// What to do when the rule matches; empty for "do nothing".
    pub actions: Vec<Raw<Action>>,
    /// Whether the server defined the rule (its ID then starts with `.`).
    pub default: bool,
    /// Whether the rule is enabled.
    pub enabled: bool,
    /// The rule's ID: unique within its kind, any text.
    pub rule_id: String,
    /// What must hold of an event for the rule to match; an empty list always matches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Vec<Raw<PushCondition>>>,
    /// The glob pattern matched against a message's body (content rules).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// Every other field, as it came.
    #[serde(flatten)]
    pub other: JsonObject,
}

impl PushRule {
    /// A rule of this ID and these actions, enabled, defined by the user, with neither
    /// conditions nor pattern.
    pub fn new(rule_id: String, actions: Vec<Raw<Action>>) -> Self {
        PushRule {
            actions,
            default: false,
            enabled: true,
            rule_id,
            conditions: None,
            pattern: None,
            other: JsonObject::new(),
        }
    }
}

/// A set of push rules by kind, each list in priority order, highest first.
///
/// A list the server leaves out is `None`, and an empty one `Some(vec![])`, so a ruleset is
/// written back as it came.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Ruleset {
    /// Content rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<Vec<PushRule>>,
    /// Override rules.
    #[serde(rename = "override", default, skip_serializing_if = "Option::is_none")]
    pub override_: Option<Vec<PushRule>>,
    /// Room rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room: Option<Vec<PushRule>>,
    /// Sender rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender: Option<Vec<PushRule>>,
    /// Underride rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub underride: Option<Vec<PushRule>>,
    /// Lists of kinds the specification does not name (such as an MSC's), as they came.
    #[serde(flatten)]
    pub other: JsonObject,
}

impl Ruleset {
    /// An empty ruleset.
    pub fn new() -> Self {
        Ruleset::default()
    }

    /// The list of rules of this kind, if the server sent it.
    pub fn rules(&self, kind: RuleKind) -> Option<&[PushRule]> {
        match kind {
            RuleKind::Override => self.override_.as_deref(),
            RuleKind::Content => self.content.as_deref(),
            RuleKind::Room => self.room.as_deref(),
            RuleKind::Sender => self.sender.as_deref(),
            RuleKind::Underride => self.underride.as_deref(),
        }
    }

    /// The rule of this kind and ID.
    pub fn get(&self, kind: RuleKind, rule_id: &str) -> Option<&PushRule> {
        self.rules(kind)?
            .iter()
            .find(|rule| rule.rule_id == rule_id)
    }
}

string_enum! {
    /// The kind of a pusher.
    pub enum PusherKind {
        /// Sends HTTP requests to a push gateway.
        Http => "http",
        /// Emails the user about unread notifications.
        Email => "email",
    }
}

string_enum! {
    /// The format of what the server sends the push gateway.
    pub enum PushFormat {
        /// Only the event's and room's IDs, not the event's content.
        EventIdOnly => "event_id_only",
    }
}

/// What a pusher's implementation needs: for an HTTP pusher the gateway's URL and the format.
/// The server forwards every field but `url` to the gateway, so a client's own fields are kept
/// in [`other`](Self::other).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PusherData {
    /// The push gateway's URL, required for an HTTP pusher
    /// (`https://…/_matrix/push/v1/notify`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The format of what is sent to the gateway; absent, every event field is sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<PushFormat>,
    /// Every other field, as it came.
    #[serde(flatten)]
    pub other: JsonObject,
}

impl PusherData {
    /// The data of an HTTP pusher sending to this gateway URL.
    pub fn http(url: String) -> Self {
        PusherData {
            url: Some(url),
            ..PusherData::default()
        }
    }
}

/// A pusher: where and how a user's notifications are pushed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pusher {
    /// The destination's identifier (an APNS token, a registration ID, an email address for an
    /// email pusher); at most 512 bytes. With `app_id`, it names the pusher.
    pub pushkey: String,
    /// The kind of pusher.
    pub kind: PusherKind,
    /// The application's reverse-DNS identifier, at most 64 characters (`m.email` for an email
    /// pusher).
    pub app_id: String,
    /// A name for the application, shown to the user.
    pub app_display_name: String,
    /// A name for the device, shown to the user.
    pub device_display_name: String,
    /// Which set of device-specific rules the pusher follows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile_tag: Option<String>,
    /// The language of the notifications, such as `en` or `en-US`.
    pub lang: String,
    /// What the pusher's implementation needs.
    pub data: PusherData,
}

#[cfg(test)]
mod tests {
    use ruma_common::push::Action;
    use serde_json::json;

    use super::{PushRule, RuleKind, Ruleset};

    #[test]
    fn rule_kinds_are_their_lowercase_names() {
        for kind in [
            RuleKind::Override,
            RuleKind::Content,
            RuleKind::Room,
            RuleKind::Sender,
            RuleKind::Underride,
        ] {
            assert_eq!(serde_json::to_value(kind).unwrap(), json!(kind.as_str()));
        }
        let err = serde_json::from_value::<RuleKind>(json!("postcontent")).unwrap_err();
        assert!(
            err.to_string().contains("unknown variant `postcontent`"),
            "{err}"
        );
    }

    #[test]
    fn a_ruleset_keeps_absent_and_empty_lists_and_unknown_values() {
        let sent = json!({
            "override": [{
                "actions": [],
                "conditions": [],
                "default": true,
                "enabled": false,
                "rule_id": ".m.rule.master"
            }],
            "room": [],
            "postcontent": [{ "actions": ["notify"], "default": true, "enabled": true, "rule_id": ".x" }],
            "underride": [{
                "actions": [
                    "notify",
                    "org.example.glow",
                    { "set_tweak": "sound", "value": "ring", "org.example.volume": 3 }
                ],
                "conditions": [{ "kind": "org.example.moon", "phase": "full" }],
                "default": false,
                "enabled": true,
                "rule_id": "mine",
                "org.example.note": "kept"
            }]
        });
        let ruleset: Ruleset = serde_json::from_value(sent.clone()).unwrap();
        assert!(ruleset.content.is_none());
        assert_eq!(ruleset.room.as_deref().map(<[_]>::len), Some(0));
        let master = ruleset.get(RuleKind::Override, ".m.rule.master").unwrap();
        assert!(!master.enabled && master.default);
        let mine = ruleset.get(RuleKind::Underride, "mine").unwrap();
        assert!(matches!(
            mine.actions[0].deserialize().unwrap(),
            Action::Notify
        ));
        assert_eq!(mine.other["org.example.note"], "kept");
        assert!(ruleset.other.contains_key("postcontent"));
        assert_eq!(serde_json::to_value(&ruleset).unwrap(), sent);
    }

    #[test]
    fn a_new_rule_is_enabled_and_the_users_own() {
        let rule = PushRule::new(
            "r".to_owned(),
            vec![ruma_common::serde::Raw::new(&Action::Notify).unwrap()],
        );
        assert_eq!(
            serde_json::to_value(&rule).unwrap(),
            json!({ "actions": ["notify"], "default": false, "enabled": true, "rule_id": "r" })
        );
        let err = serde_json::from_value::<PushRule>(json!({ "actions": [] })).unwrap_err();
        assert!(err.to_string().contains("missing field `default`"), "{err}");
    }
}
