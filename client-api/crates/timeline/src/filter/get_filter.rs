//! `GET /_matrix/client/*/user/{userId}/filter/{filterId}`: download a filter uploaded
//! earlier.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3useruseridfilterfilterid>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::OwnedUserId;

    use crate::filter::FilterDefinition;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/user/{user_id}/filter/{filter_id}",
            1.1 => "/_matrix/client/v3/user/{user_id}/filter/{filter_id}",
        }
    };

    /// The request: whose filter, and its ID.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The user the filter belongs to.
        #[api(path)]
        pub user_id: OwnedUserId,
        /// The filter's ID.
        #[api(path)]
        pub filter_id: String,
    }

    /// The response: the filter.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The filter: the whole body.
        #[api(body)]
        pub filter: FilterDefinition,
    }

    impl Request {
        /// A request for this user's filter of this ID.
        pub fn new(user_id: OwnedUserId, filter_id: String) -> Self {
            Request { user_id, filter_id }
        }
    }

    impl Response {
        /// A response with this filter.
        pub fn new(filter: FilterDefinition) -> Self {
            Response { filter }
        }
    }
}
