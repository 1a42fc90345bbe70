//! `GET /.well-known/matrix/client`: where the homeserver of a server name really is.
//!
//! A client that knows only the domain of a user ID (`example.org` from `@alice:example.org`)
//! asks `https://example.org/.well-known/matrix/client` and learns the base URL of the
//! homeserver's client API, which may live elsewhere (`https://matrix.example.org`), and
//! optionally an identity server. The document is often a static file on the domain's web
//! server rather than something the homeserver serves, so the path is outside `/_matrix`, has no
//! version, and takes no access token. `404` means the domain publishes no such document; the
//! client then tries the domain itself.
//!
//! The document may carry keys of other applications (`org.example.custom.property`,
//! `m.tile_server`, MSC2965's `org.matrix.msc2965.authentication`); they are kept as sent.
//!
//! Its method, authentication and path are in the documentation of [`Request`], written from its
//! declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#getwell-knownmatrixclient>

use std::collections::BTreeMap;

use serde_json::Value;

use matrix_api::{metadata, request, response, Metadata};

pub use crate::session::login::v3::{HomeserverInfo, IdentityServerInfo};

const METADATA: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: None,
    path: "/.well-known/matrix/client",
};

/// The request: it has no parameters; the host it is sent to is the question.
#[request]
#[derive(PartialEq, Eq, Default)]
pub struct Request {}

/// The response: the discovery document.
///
/// The same document, under the same names, is the `well_known` a login response may carry
/// ([`DiscoveryInfo`](crate::session::login::v3::DiscoveryInfo)).
#[response]
#[derive(PartialEq, Eq)]
pub struct Response {
    /// The homeserver's client API.
    #[serde(rename = "m.homeserver")]
    pub homeserver: HomeserverInfo,
    /// The identity server the domain suggests, if any.
    #[serde(
        rename = "m.identity_server",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub identity_server: Option<IdentityServerInfo>,
    /// Every other key, by name, as sent: other applications' settings in Java package naming
    /// (since Matrix v1.12 their values need not be objects). A key given twice is refused.
    #[serde(flatten, deserialize_with = "matrix_api::json::unique_keys_exact")]
    pub other: BTreeMap<String, Value>,
}

impl Request {
    /// The request; it has nothing to fill in.
    pub fn new() -> Self {
        Request {}
    }
}

impl Response {
    /// A document naming only the homeserver.
    pub fn new(homeserver: HomeserverInfo) -> Self {
        Response {
            homeserver,
            identity_server: None,
            other: BTreeMap::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use matrix_api::{
        IncomingResponse, OutgoingRequest, OutgoingResponse, SendAccessToken, SupportedVersions,
    };
    use serde_json::{json, Value};

    use super::{Request, Response};

    #[test]
    fn the_path_is_outside_matrix_and_needs_no_version_nor_token() {
        let sent = Request::new()
            .try_into_http_request(
                "https://example.org",
                SendAccessToken::None,
                &SupportedVersions::default(),
            )
            .unwrap();
        assert_eq!(
            sent.uri().to_string(),
            "https://example.org/.well-known/matrix/client"
        );
        assert!(sent.headers().get("authorization").is_none());
    }

    #[test]
    fn other_applications_keys_are_kept_and_a_repeated_key_refused() {
        let document = json!({
            "m.homeserver": { "base_url": "https://matrix.example.org" },
            "org.matrix.msc2965.authentication": { "issuer": "https://auth.example.org/" },
            "m.tile_server": { "map_style_url": "https://tiles.example.org/style.json" },
            "org.example.flag": true,
        });
        let response = http::Response::builder()
            .status(200)
            .body(serde_json::to_vec(&document).unwrap())
            .unwrap();
        let read = Response::try_from_http_response(response).unwrap();
        assert_eq!(read.homeserver.base_url, "https://matrix.example.org");
        assert_eq!(read.other.len(), 3);
        let sent = read.try_into_http_response().unwrap();
        let again: Value = serde_json::from_slice(sent.body()).unwrap();
        assert_eq!(again, document);

        let twice = br#"{"m.homeserver":{"base_url":"https://a"},"x.y":1,"x.y":2}"#;
        let response = http::Response::builder()
            .status(200)
            .body(twice.to_vec())
            .unwrap();
        let err = Response::try_from_http_response(response).unwrap_err();
        assert!(err.to_string().contains("x.y"), "{err}");
    }
}
