//! `POST /_matrix/client/*/account/3pid/delete`: removes a third-party identifier from the user's account,
//! and unbinds it from the identity server it was bound through.
//!
//! Removing it from the account does not always unbind it: the answer says whether the
//! identity server unbound it.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v3::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3account3piddelete>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::thirdparty::Medium;

    use crate::account::ThirdPartyIdRemovalStatus;
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/account/3pid/delete",
            1.1 => "/_matrix/client/v3/account/3pid/delete",
        }
    };

    /// The request: the identifier to remove.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The identity server to unbind from; by default the one the identifier was added
        /// through.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub id_server: Option<String>,
        /// The medium of the identifier: `email` or `msisdn`.
        #[api(json = string)]
        pub medium: Medium,
        /// The identifier's address.
        pub address: String,
    }

    /// The response: what became of the identity server's binding.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// Whether the identity server unbound the identifier.
        #[api(json = string)]
        pub id_server_unbind_result: ThirdPartyIdRemovalStatus,
    }

    impl Request {
        /// A request for this identifier, with the identity server it was bound through.
        pub fn new(medium: Medium, address: String) -> Self {
            Request {
                id_server: None,
                medium,
                address,
            }
        }
    }

    impl Response {
        /// A response with this result.
        pub fn new(id_server_unbind_result: ThirdPartyIdRemovalStatus) -> Self {
            Response {
                id_server_unbind_result,
            }
        }
    }
}
