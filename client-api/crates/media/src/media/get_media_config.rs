//! `GET /_matrix/media/*/config`: the content repository's configuration, such as the largest
//! upload it accepts.
//!
//! Deprecated since Matrix v1.11 in favour of the authenticated
//! [`authenticated_media::get_media_config`](crate::authenticated_media::get_media_config),
//! whose response is the same [`MediaConfig`](crate::media::MediaConfig).
//!
//! The documentation of [`v3::Request`] lists the method, authentication and paths, written
//! from the declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixmediav3config>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use matrix_api::{metadata, request, response, Metadata};

    use crate::media::MediaConfig;

    /// The endpoint's declaration, public because the endpoint that replaced it,
    /// [`authenticated_media::get_media_config`](crate::authenticated_media::get_media_config),
    /// names it as the one a client falls back to on an older server.
    pub const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/media/r0/config",
            1.1 => "/_matrix/media/v3/config",
            1.11 => deprecated,
        }
    };

    /// The request: it has no parameters.
    #[request]
    #[derive(PartialEq, Eq, Default)]
    pub struct Request {}

    /// The response: the configuration.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {
        /// The configuration, whose keys are the body's.
        #[serde(flatten)]
        pub config: MediaConfig,
    }

    impl Request {
        /// The request; it has nothing to fill in.
        pub fn new() -> Self {
            Request {}
        }
    }

    impl Response {
        /// The answer with this configuration.
        pub fn new(config: MediaConfig) -> Self {
            Response { config }
        }
    }
}
