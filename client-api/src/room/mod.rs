//! Rooms: creating and upgrading them, reading one event, finding an event by time, summaries,
//! local aliases, and reporting rooms and events.

pub mod aliases;
pub mod create_room;
pub mod get_event_by_timestamp;
pub mod get_room_event;
pub mod get_summary;
pub mod report_content;
pub mod report_room;
pub mod upgrade_room;

use serde::{Deserialize, Serialize};

/// The direction to walk a room's timeline in: the query value `dir` of the endpoints that
/// paginate or search by time.
///
/// A closed set (`b` or `f`): a value the specification does not name is an error naming the
/// parameter, never a third direction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Direction {
    /// `b`: from newer to older events.
    #[default]
    #[serde(rename = "b")]
    Backward,
    /// `f`: from older to newer events.
    #[serde(rename = "f")]
    Forward,
}

#[cfg(test)]
mod tests {
    use super::Direction;

    #[test]
    fn direction_is_one_letter_and_nothing_else() {
        assert_eq!(
            serde_json::to_string(&Direction::Forward).unwrap(),
            r#""f""#
        );
        assert_eq!(
            serde_json::from_str::<Direction>(r#""b""#).unwrap(),
            Direction::Backward
        );
        let err = serde_json::from_str::<Direction>(r#""backward""#).unwrap_err();
        assert!(
            err.to_string().contains("unknown variant `backward`"),
            "{err}"
        );
        assert_eq!(Direction::default(), Direction::Backward);
    }
}
