//! The direction of paginated lists of events, which several endpoint groups share.

use serde::{Deserialize, Serialize};

/// The direction of `/messages` and other paginated lists of events (relations,
/// `timestamp_to_event`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Direction {
    /// Backwards in time: newest first (`b`).
    #[default]
    #[serde(rename = "b")]
    Backward,
    /// Forwards in time: oldest first (`f`).
    #[serde(rename = "f")]
    Forward,
}
