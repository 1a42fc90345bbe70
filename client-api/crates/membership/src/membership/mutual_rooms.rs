//! `GET /_matrix/client/v1/mutual_rooms`: the rooms the user shares with another user.
//!
//! Stable since Matrix v1.19 ([MSC2666](https://github.com/matrix-org/matrix-spec-proposals/pull/2666)).
//! A server older than v1.19 that serves the stable path announces it with the feature flag
//! `uk.half-shot.msc2666.query_mutual_rooms.stable` (Synapse 1.163 does, announcing v1.15 and
//! serving no other path); the client then takes the stable path too. Before that, servers
//! (older Synapse among them) served the MSC's last revision at
//! `/_matrix/client/unstable/uk.half-shot.msc2666/user/mutual_rooms?user_id=…` and announced
//! it with the unstable feature `uk.half-shot.msc2666.query_mutual_rooms`; the client uses that
//! path on such servers. Those servers answer with `joined` only: no `count`, and no
//! pagination (the MSC's unstable token field, `next_batch_token`, is read as `next_batch`).
//! The MSC's first revision, with the user in the path (`…/user/mutual_rooms/{userId}`, the
//! feature `uk.half-shot.msc2666`), has a different request and is not declared.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv1mutual_rooms>

pub mod v1 {
    //! The v1 generation of the endpoint (stable since Matrix v1.19).

    use matrix_api::UInt;
    use ruma_common::{OwnedRoomId, OwnedUserId};

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            unstable("uk.half-shot.msc2666.query_mutual_rooms") => "/_matrix/client/unstable/uk.half-shot.msc2666/user/mutual_rooms",
            1.19 | stable("uk.half-shot.msc2666.query_mutual_rooms.stable") => "/_matrix/client/v1/mutual_rooms",
        }
    };

    /// The request: the other user, and where to continue.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The user to find shared rooms with.
        #[api(query)]
        pub user_id: OwnedUserId,
        /// The `next_batch` of the previous page; the first page when absent.
        #[api(query)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub from: Option<String>,
    }

    /// The response: one page of shared rooms.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The rooms both users are joined to.
        pub joined: Vec<OwnedRoomId>,
        /// How many such rooms there are in all pages (possibly an estimate). Required by the
        /// specification; `None` only from a server of the unstable revision, which omits it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub count: Option<UInt>,
        /// The token for the next page; absent on the last.
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            alias = "next_batch_token"
        )]
        pub next_batch: Option<String>,
    }

    impl Request {
        /// A request for the first page of rooms shared with this user.
        pub fn new(user_id: OwnedUserId) -> Self {
            Request {
                user_id,
                from: None,
            }
        }
    }

    impl Response {
        /// A last page with these rooms, `count` being their number in all pages.
        pub fn new(joined: Vec<OwnedRoomId>, count: UInt) -> Self {
            Response {
                joined,
                count: Some(count),
                next_batch: None,
            }
        }
    }

    #[cfg(test)]
    mod tests {
        use std::collections::BTreeMap;

        use matrix_api::{IncomingResponse, OutgoingRequest, SendAccessToken, SupportedVersions};

        use super::{Request, Response};

        #[test]
        fn unstable_servers_get_the_msc_path_and_their_answer_reads() {
            let features = BTreeMap::from([("uk.half-shot.msc2666.query_mutual_rooms", true)]);
            let old = SupportedVersions::from_parts(&["v1.11"], &features);
            let sent = Request::new("@alice:example.org".try_into().unwrap())
                .try_into_http_request("https://hs", SendAccessToken::IfRequired("t"), &old)
                .unwrap();
            assert_eq!(
                sent.uri().path_and_query().unwrap(),
                "/_matrix/client/unstable/uk.half-shot.msc2666/user/mutual_rooms\
                 ?user_id=%40alice%3Aexample.org",
            );
            let answer = matrix_api::http::Response::builder()
                .status(200)
                .body(br#"{"joined":["!a:hs"]}"#.to_vec())
                .unwrap();
            let read = Response::try_from_http_response(answer).unwrap();
            assert_eq!((read.joined.len(), read.count), (1, None));
        }

        #[test]
        fn the_stable_flag_takes_the_stable_path_before_v1_19() {
            // Synapse 1.163's announcement: v1.15, and the stable path by its flag.
            let features =
                BTreeMap::from([("uk.half-shot.msc2666.query_mutual_rooms.stable", true)]);
            let synapse = SupportedVersions::from_parts(&["v1.15"], &features);
            let sent = Request::new("@alice:example.org".try_into().unwrap())
                .try_into_http_request("https://hs", SendAccessToken::IfRequired("t"), &synapse)
                .unwrap();
            assert_eq!(
                sent.uri().path_and_query().unwrap(),
                "/_matrix/client/v1/mutual_rooms?user_id=%40alice%3Aexample.org",
            );
        }
    }
}
