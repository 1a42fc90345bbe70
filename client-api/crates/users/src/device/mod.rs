//! A user's devices: listing them, renaming one, and deleting them (which logs them out).
//!
//! [`Device`] is the description every endpoint here answers with.

pub mod delete_device;
pub mod delete_devices;
pub mod get_device;
pub mod get_devices;
pub mod update_device;

use ruma_common::{MilliSecondsSinceUnixEpoch, OwnedDeviceId};
use serde::{Deserialize, Serialize};

/// One of the user's devices, as the server knows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Device {
    /// The device's ID.
    pub device_id: OwnedDeviceId,
    /// The name the user gave the device; absent if none was set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// The IP address the device was last seen at (possibly a few minutes out of date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_seen_ip: Option<String>,
    /// When the device was last seen (possibly a few minutes out of date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_seen_ts: Option<MilliSecondsSinceUnixEpoch>,
}

impl Device {
    /// A device known only by its ID.
    pub fn new(device_id: OwnedDeviceId) -> Self {
        Device {
            device_id,
            display_name: None,
            last_seen_ip: None,
            last_seen_ts: None,
        }
    }
}
