//! `POST /_matrix/client/*/search`: full-text search over the events of the user's rooms,
//! optionally with each result's context, the rooms' state, and results grouped by room or
//! sender.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3search>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use std::collections::BTreeMap;

    use matrix_api::UInt;
    use ruma_common::serde::{JsonObject, Raw};
    use ruma_common::{OwnedEventId, OwnedMxcUri, OwnedRoomId, OwnedUserId};
    use serde::{Deserialize, Serialize};

    use crate::filter::RoomEventFilter;
    use crate::string_enum::string_enum;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/search",
            1.1 => "/_matrix/client/v3/search",
        }
    };

    /// The request: what to search, and where to continue.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The `next_batch` of an earlier response, to get the results after it.
        #[api(query)]
        #[serde(skip_serializing_if = "Option::is_none")]
        pub next_batch: Option<String>,
        /// The categories to search and their criteria.
        pub search_categories: Categories,
    }

    /// The response: the results by category.
    #[response]
    pub struct Response {
        /// The results by category.
        pub search_categories: ResultCategories,
    }

    impl Request {
        /// A request for the first results of this search.
        pub fn new(search_categories: Categories) -> Self {
            Request {
                next_batch: None,
                search_categories,
            }
        }
    }

    impl Response {
        /// A response with these results.
        pub fn new(search_categories: ResultCategories) -> Self {
            Response { search_categories }
        }
    }

    /// The categories to search.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Categories {
        /// Room events, with these criteria.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub room_events: Option<Criteria>,
    }

    /// The criteria of a search of room events.
    #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Criteria {
        /// The text to search for.
        pub search_term: String,
        /// The event keys to search; `None`: all of them.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub keys: Option<Vec<SearchKey>>,
        /// Which events to search.
        #[serde(default, skip_serializing_if = "RoomEventFilter::is_empty")]
        pub filter: RoomEventFilter,
        /// The order of the results; absent means [`OrderBy::Rank`].
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub order_by: Option<OrderBy>,
        /// Which context to return with each result.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub event_context: Option<EventContext>,
        /// Whether to return the current state of each room with results.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub include_state: Option<bool>,
        /// How to group the results.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub groupings: Option<Groupings>,
    }

    impl Criteria {
        /// Criteria for this text, with the server's defaults for the rest.
        pub fn new(search_term: String) -> Self {
            Criteria {
                search_term,
                keys: None,
                filter: RoomEventFilter::default(),
                order_by: None,
                event_context: None,
                include_state: None,
                groupings: None,
            }
        }
    }

    string_enum! {
        /// An event key a search looks in.
        pub enum SearchKey {
            /// `content.body`.
            ContentBody => "content.body",
            /// `content.name`.
            ContentName => "content.name",
            /// `content.topic`.
            ContentTopic => "content.topic",
        }
    }

    string_enum! {
        /// The order of search results.
        pub enum OrderBy {
            /// Newest first.
            Recent => "recent",
            /// Best match first (the default).
            Rank => "rank",
        }
    }

    /// The context to return with each result.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct EventContext {
        /// How many events before each result (the server's default is 5).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub before_limit: Option<UInt>,
        /// How many events after each result (the server's default is 5).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub after_limit: Option<UInt>,
        /// Whether to return the senders' profiles as they were then.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub include_profile: Option<bool>,
    }

    /// How to group results.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Groupings {
        /// The groupings asked for.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub group_by: Vec<Grouping>,
    }

    /// One grouping.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Grouping {
        /// The key to group by.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub key: Option<GroupingKey>,
    }

    string_enum! {
        /// What results are grouped by.
        pub enum GroupingKey {
            /// The room.
            RoomId => "room_id",
            /// The sender.
            Sender => "sender",
        }
    }

    /// The results, by category.
    #[derive(Clone, Debug, Default, Serialize, Deserialize)]
    pub struct ResultCategories {
        /// The room events found.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub room_events: Option<ResultRoomEvents>,
    }

    /// The room events found.
    #[derive(Clone, Debug, Default, Serialize, Deserialize)]
    pub struct ResultRoomEvents {
        /// About how many results there are in all.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub count: Option<UInt>,
        /// Words to highlight in the results (stemming may change the search's words).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub highlights: Vec<String>,
        /// The results, in the requested order.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub results: Vec<SearchResult>,
        /// The current state of each room with results, when asked for.
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        pub state: BTreeMap<OwnedRoomId, Vec<Raw<JsonObject>>>,
        /// The groups asked for: by grouping key, then by the grouped value (a room or user ID).
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        pub groups: BTreeMap<GroupingKey, BTreeMap<String, ResultGroup>>,
        /// The token to pass as `next_batch` for more results; `None`: there are no more.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub next_batch: Option<String>,
    }

    /// One result.
    #[derive(Clone, Debug, Default, Serialize, Deserialize)]
    pub struct SearchResult {
        /// How well it matches: higher is closer.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub rank: Option<f64>,
        /// The event that matched.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub result: Option<Raw<JsonObject>>,
        /// Its context, when asked for.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub context: Option<EventContextResult>,
    }

    /// The context of one result.
    #[derive(Clone, Debug, Default, Serialize, Deserialize)]
    pub struct EventContextResult {
        /// The pagination token of the start of the context.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub start: Option<String>,
        /// The pagination token of the end of the context.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub end: Option<String>,
        /// The senders' profiles as they were then, by user.
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        pub profile_info: BTreeMap<OwnedUserId, UserProfile>,
        /// The events just before the result.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub events_before: Vec<Raw<JsonObject>>,
        /// The events just after the result.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub events_after: Vec<Raw<JsonObject>>,
    }

    /// A sender's profile at the time of a result.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct UserProfile {
        /// The display name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub displayname: Option<String>,
        /// The avatar.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub avatar_url: Option<OwnedMxcUri>,
    }

    /// The results of one group.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct ResultGroup {
        /// The token to pass as `next_batch` for more of this group; `None`: no more.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub next_batch: Option<String>,
        /// A key to order the groups by.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub order: Option<UInt>,
        /// The results of the group, by event ID.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub results: Vec<OwnedEventId>,
    }
}
