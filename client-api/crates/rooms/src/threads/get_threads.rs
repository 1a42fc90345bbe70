//! `GET /_matrix/client/*/rooms/{roomId}/threads`: the roots of a room's threads, most recently
//! active first.
//!
//! Each root comes with its bundled aggregations (the thread's latest event and reply count).
//! `include=participated` keeps only the threads the caller took part in. Before Matrix v1.4
//! Synapse served it under MSC3856's prefix, announced as `org.matrix.msc3856`, and announced
//! `org.matrix.msc3856.stable` once it served the stable path.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v1::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv1roomsroomidthreads>

pub mod v1 {
    //! The v1 generation of the endpoint (stable since Matrix v1.4).

    use matrix_api::UInt;
    use ruma_common::serde::{JsonObject, Raw};
    use ruma_common::OwnedRoomId;

    use crate::string_enum::string_enum;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            unstable("org.matrix.msc3856") => "/_matrix/client/unstable/org.matrix.msc3856/rooms/{room_id}/threads",
            1.4 | stable("org.matrix.msc3856.stable") => "/_matrix/client/v1/rooms/{room_id}/threads",
        }
    };

    /// The request: the room, which threads, and where to paginate.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The room.
        #[api(path)]
        pub room_id: OwnedRoomId,
        /// Which threads; absent means [`IncludeThreads::All`].
        #[api(query, json = string)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub include: Option<IncludeThreads>,
        /// The most thread roots of one page (more than zero); the server applies its own
        /// default and maximum.
        #[api(query)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub limit: Option<UInt>,
        /// The `next_batch` of the page before; absent, the most recent thread.
        #[api(query)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub from: Option<String>,
    }

    /// The response: one page of thread roots.
    #[response]
    pub struct Response {
        /// The thread roots with their bundled aggregations; a root sent by an ignored user
        /// comes redacted.
        pub chunk: Vec<Raw<JsonObject>>,
        /// The token for the next page; absent at the end.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub next_batch: Option<String>,
    }

    string_enum! {
        /// Which thread roots `GET /threads` lists.
        pub enum IncludeThreads {
            /// Every thread of the room.
            All => "all",
            /// The threads the caller sent a reply to, or started.
            Participated => "participated",
        }
    }

    impl Request {
        /// The first page of every thread of this room.
        pub fn new(room_id: OwnedRoomId) -> Self {
            Request {
                room_id,
                include: None,
                limit: None,
                from: None,
            }
        }
    }

    impl Response {
        /// The last page, with these roots.
        pub fn new(chunk: Vec<Raw<JsonObject>>) -> Self {
            Response {
                chunk,
                next_batch: None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use matrix_api::{OutgoingRequest, SendAccessToken, SupportedVersions};

    use super::v1::{IncludeThreads, Request};

    #[test]
    fn the_stable_flag_reaches_the_stable_path_before_v1_4() {
        let mut request = Request::new("!r:example.org".parse().unwrap());
        request.include = Some(IncludeThreads::Participated);
        let path = |features: &[(&str, bool)]| {
            let features: BTreeMap<&str, bool> = features.iter().copied().collect();
            request
                .clone()
                .try_into_http_request(
                    "https://hs",
                    SendAccessToken::IfRequired("t"),
                    &SupportedVersions::from_parts(&["v1.3"], &features),
                )
                .unwrap()
                .uri()
                .path_and_query()
                .unwrap()
                .to_string()
        };
        assert_eq!(
            path(&[("org.matrix.msc3856", true)]),
            "/_matrix/client/unstable/org.matrix.msc3856/rooms/%21r%3Aexample.org/threads?include=participated"
        );
        assert_eq!(
            path(&[
                ("org.matrix.msc3856", true),
                ("org.matrix.msc3856.stable", true)
            ]),
            "/_matrix/client/v1/rooms/%21r%3Aexample.org/threads?include=participated"
        );
    }
}
