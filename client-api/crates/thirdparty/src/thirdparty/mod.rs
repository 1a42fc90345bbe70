//! Third-party networks: the protocols application services bridge, and lookups between
//! their users and locations and Matrix users and rooms.
//!
//! The homeserver answers from the application services that registered each protocol; the
//! types here are what all six lookups share.

pub mod get_location_for_protocol;
pub mod get_location_for_room_alias;
pub mod get_protocol;
pub mod get_protocols;
pub mod get_user_for_protocol;
pub mod get_user_for_user_id;

use std::collections::BTreeMap;

use ruma_common::{OwnedMxcUri, OwnedRoomAliasId, OwnedUserId};
use serde::{Deserialize, Serialize};

/// What a client needs to search one third-party protocol: the fields that identify its users
/// and locations, how to fill them in, and the networks (instances) it reaches.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Protocol {
    /// The fields that identify a user, broadest first (the network before the nickname).
    pub user_fields: Vec<String>,
    /// The fields that identify a location, broadest first (the network before the channel).
    pub location_fields: Vec<String>,
    /// An icon for the protocol. The application service API requires it, but the
    /// specification's own example of this response leaves it out, and so may a bridge: an
    /// absent icon is read as `None` and not written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon: Option<OwnedMxcUri>,
    /// How to fill in each field of `user_fields` and `location_fields`, by field name.
    pub field_types: BTreeMap<String, FieldType>,
    /// The networks this protocol reaches on this homeserver.
    pub instances: Vec<ProtocolInstance>,
}

impl Protocol {
    /// A protocol with these fields and instances, without an icon.
    pub fn new(
        user_fields: Vec<String>,
        location_fields: Vec<String>,
        field_types: BTreeMap<String, FieldType>,
        instances: Vec<ProtocolInstance>,
    ) -> Self {
        Protocol {
            user_fields,
            location_fields,
            icon: None,
            field_types,
            instances,
        }
    }
}

/// How to fill in one field of a protocol.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldType {
    /// A regular expression a valid value matches; coarse, as the application service may
    /// check more.
    pub regexp: String,
    /// An example of a valid value.
    pub placeholder: String,
}

impl FieldType {
    /// A field type with this expression and example.
    pub fn new(regexp: String, placeholder: String) -> Self {
        FieldType {
            regexp,
            placeholder,
        }
    }
}

/// One network a protocol reaches, such as one IRC network of an IRC bridge.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProtocolInstance {
    /// A human-readable description, such as the network's name.
    pub desc: String,
    /// An icon for this instance, instead of the protocol's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon: Option<OwnedMxcUri>,
    /// Preset values of the protocol's fields for searching this instance.
    pub fields: BTreeMap<String, String>,
    /// An identifier unique across all instances.
    pub network_id: String,
    /// The homeserver's identifier of this instance (documented since Matrix v1.14), to pass as
    /// `third_party_instance_id` when listing public rooms. The homeserver adds it to what the
    /// application service said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_id: Option<String>,
}

impl ProtocolInstance {
    /// An instance with this description, preset fields and network, without icon or
    /// homeserver identifier.
    pub fn new(desc: String, fields: BTreeMap<String, String>, network_id: String) -> Self {
        ProtocolInstance {
            desc,
            icon: None,
            fields,
            network_id,
            instance_id: None,
        }
    }
}

/// A third-party location and the Matrix room that is its portal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// The alias of the portal room.
    pub alias: OwnedRoomAliasId,
    /// The protocol the location belongs to.
    pub protocol: String,
    /// The protocol's fields that identify the location.
    pub fields: BTreeMap<String, String>,
}

impl Location {
    /// A location with this portal, protocol and identifying fields.
    pub fn new(
        alias: OwnedRoomAliasId,
        protocol: String,
        fields: BTreeMap<String, String>,
    ) -> Self {
        Location {
            alias,
            protocol,
            fields,
        }
    }
}

/// A third-party user and the Matrix user that represents them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    /// The Matrix user (`userid` on the wire, as the specification spells it).
    #[serde(rename = "userid")]
    pub user_id: OwnedUserId,
    /// The protocol the user belongs to.
    pub protocol: String,
    /// The protocol's fields that identify the user.
    pub fields: BTreeMap<String, String>,
}

impl User {
    /// A user with this Matrix ID, protocol and identifying fields.
    pub fn new(user_id: OwnedUserId, protocol: String, fields: BTreeMap<String, String>) -> Self {
        User {
            user_id,
            protocol,
            fields,
        }
    }
}

#[cfg(test)]
mod tests {
    use matrix_api::IncomingResponse;
    use serde_json::json;

    use super::{get_location_for_room_alias, Location, Protocol, User};

    #[test]
    fn a_protocol_without_icon_round_trips_and_one_without_instances_is_refused() {
        let gitter = json!({
            "user_fields": ["username"],
            "location_fields": ["room"],
            "field_types": {
                "username": { "regexp": "@[^\\s]+", "placeholder": "@username" },
                "room": { "regexp": "[^\\s]+\\/[^\\s]+", "placeholder": "matrix-org/matrix-spec" }
            },
            "instances": [{
                "network_id": "gitter",
                "desc": "Gitter",
                "icon": "mxc://example.org/zXyWvUt",
                "instance_id": "gitter-gitter",
                "fields": {}
            }]
        });
        let protocol: Protocol = serde_json::from_value(gitter.clone()).unwrap();
        assert_eq!(protocol.icon, None);
        assert_eq!(
            protocol.instances[0].instance_id.as_deref(),
            Some("gitter-gitter")
        );
        assert_eq!(serde_json::to_value(&protocol).unwrap(), gitter);

        let mut bare = gitter;
        bare.as_object_mut().unwrap().remove("instances");
        let err = serde_json::from_value::<Protocol>(bare).unwrap_err();
        assert!(err.to_string().contains("`instances`"), "{err}");
    }

    #[test]
    fn locations_and_users_keep_their_wire_names() {
        let user = json!({ "userid": "@_gitter_jim:matrix.org", "protocol": "gitter", "fields": { "user": "jim" } });
        let read: User = serde_json::from_value(user.clone()).unwrap();
        assert_eq!(read.user_id, "@_gitter_jim:matrix.org");
        assert_eq!(serde_json::to_value(&read).unwrap(), user);

        let location = json!({ "alias": "#freenode_#matrix:matrix.org", "protocol": "irc", "fields": { "network": "freenode", "channel": "#matrix" } });
        let read: Location = serde_json::from_value(location.clone()).unwrap();
        assert_eq!(serde_json::to_value(&read).unwrap(), location);

        // A response that does not read names the item and field at fault.
        let bad = br#"[{"alias":"matrix","protocol":"irc","fields":{}}]"#;
        let answer = matrix_api::http::Response::builder()
            .status(200)
            .body(bad.to_vec())
            .unwrap();
        let err = get_location_for_room_alias::v3::Response::try_from_http_response(answer)
            .unwrap_err()
            .to_string();
        assert!(err.contains("[0].alias"), "{err}");
    }
}
