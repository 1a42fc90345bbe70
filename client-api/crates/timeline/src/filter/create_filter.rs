//! `POST /_matrix/client/*/user/{userId}/filter`: upload a filter and get its ID, to pass as
//! the `filter` of later `/sync` calls instead of the whole filter each time.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3useruseridfilter>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::OwnedUserId;

    use crate::filter::FilterDefinition;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/user/{user_id}/filter",
            1.1 => "/_matrix/client/v3/user/{user_id}/filter",
        }
    };

    /// The request: whose filter, and the filter.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The user uploading the filter; the access token must belong to them.
        #[api(path)]
        pub user_id: OwnedUserId,
        /// The filter: the whole body.
        #[api(body)]
        pub filter: FilterDefinition,
    }

    /// The response: the new filter's ID.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The filter's ID; it never starts with `{`.
        pub filter_id: String,
    }

    impl Request {
        /// A request to upload this filter for this user.
        pub fn new(user_id: OwnedUserId, filter: FilterDefinition) -> Self {
            Request { user_id, filter }
        }
    }

    impl Response {
        /// A response with this filter ID.
        pub fn new(filter_id: String) -> Self {
            Response { filter_id }
        }
    }
}
