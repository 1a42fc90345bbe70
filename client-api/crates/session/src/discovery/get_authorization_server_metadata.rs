//! `GET /_matrix/client/*/auth_metadata`: the OAuth 2.0 authorisation server a homeserver
//! delegates logins to, and what it supports (RFC 8414's server metadata).
//!
//! A client that finds this document logs in with OAuth 2.0 (the authorisation code grant, or
//! since Matrix v1.18 the device authorisation grant) instead of `POST /login`; a homeserver that
//! still uses the legacy API answers `404 M_UNRECOGNIZED`. It takes no access token. The
//! document is large and changes seldom: cache it by its HTTP caching headers.
//!
//! The fields the specification gives a meaning in Matrix are typed; every other field of the
//! IANA registry, or of a later RFC, is kept in [`other`](v1::Response::other) as sent.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v1::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv1auth_metadata>

pub mod v1 {
    //! The v1 generation of the endpoint, after MSC2965's unstable path.

    use std::collections::BTreeMap;

    use serde_json::Value;

    use matrix_api::{metadata, request, response, Metadata};

    use crate::string_enum::string_enum;

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: None,
        history: {
            unstable => "/_matrix/client/unstable/org.matrix.msc2965/auth_metadata",
            1.15 => "/_matrix/client/v1/auth_metadata",
        }
    };

    /// The request: it has no parameters.
    #[request]
    #[derive(PartialEq, Eq, Default)]
    pub struct Request {}

    /// The response: the authorisation server's metadata.
    ///
    /// URLs stay strings as sent; a client should check that they use `https` before it sends a
    /// user there. The lists keep the server's order.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The authorisation server's issuer identifier: an `https` URL without query or
        /// fragment. Matrix does not use it; RFC 8414 requires it.
        pub issuer: String,
        /// The authorisation endpoint, for the authorisation code grant.
        pub authorization_endpoint: String,
        /// The token endpoint, which every grant uses.
        pub token_endpoint: String,
        /// The revocation endpoint, to log a client out by revoking its tokens.
        pub revocation_endpoint: String,
        /// The endpoint of dynamic client registration.
        pub registration_endpoint: String,
        /// The response types of the authorisation endpoint; at least `code`.
        #[api(json = array(string))]
        pub response_types_supported: Vec<ResponseType>,
        /// The grant types of the token endpoint; at least `authorization_code` and
        /// `refresh_token`.
        #[api(json = array(string))]
        pub grant_types_supported: Vec<GrantType>,
        /// The response modes of the authorisation endpoint; at least `query` and `fragment`.
        #[api(json = array(string))]
        pub response_modes_supported: Vec<ResponseMode>,
        /// The PKCE code challenge methods; at least `S256`.
        #[api(json = array(string))]
        pub code_challenge_methods_supported: Vec<CodeChallengeMethod>,
        /// The OpenID Connect `prompt` values of the authorisation endpoint; `create` asks the
        /// server to register a new account.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[api(json = array(string))]
        pub prompt_values_supported: Option<Vec<Prompt>>,
        /// Where the user manages their account (since Matrix v1.18).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub account_management_uri: Option<String>,
        /// What the account management URL can be asked to show (since Matrix v1.18).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[api(json = array(string))]
        pub account_management_actions_supported: Option<Vec<AccountManagementAction>>,
        /// The device authorisation endpoint of RFC 8628, for the device authorisation grant
        /// (since Matrix v1.18).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub device_authorization_endpoint: Option<String>,
        /// Every other field of the document, by name, as sent. A field given twice is refused.
        #[serde(flatten, deserialize_with = "matrix_api::json::unique_keys_exact")]
        pub other: BTreeMap<String, Value>,
    }

    string_enum! {
        /// An OAuth 2.0 response type.
        pub enum ResponseType {
            /// The authorisation code grant's.
            Code => "code",
        }
    }

    string_enum! {
        /// An OAuth 2.0 grant type.
        pub enum GrantType {
            /// The authorisation code grant.
            AuthorizationCode => "authorization_code",
            /// The refresh token grant.
            RefreshToken => "refresh_token",
            /// The device authorisation grant of RFC 8628 (since Matrix v1.18).
            DeviceCode => "urn:ietf:params:oauth:grant-type:device_code",
        }
    }

    string_enum! {
        /// How the authorisation endpoint returns its result to the client.
        pub enum ResponseMode {
            /// In the query string of the redirect URI.
            Query => "query",
            /// In the fragment of the redirect URI.
            Fragment => "fragment",
        }
    }

    string_enum! {
        /// A PKCE code challenge method.
        pub enum CodeChallengeMethod {
            /// SHA-256 of the verifier.
            S256 => "S256",
        }
    }

    string_enum! {
        /// An OpenID Connect `prompt` value.
        pub enum Prompt {
            /// The user wants to register a new account.
            Create => "create",
        }
    }

    string_enum! {
        /// An action the account management URL can show, passed as its `action` parameter.
        pub enum AccountManagementAction {
            /// The user's profile.
            Profile => "org.matrix.profile",
            /// The list of the user's devices.
            DevicesList => "org.matrix.devices_list",
            /// One device.
            DeviceView => "org.matrix.device_view",
            /// Deleting one device.
            DeviceDelete => "org.matrix.device_delete",
            /// Deactivating the account.
            AccountDeactivate => "org.matrix.account_deactivate",
            /// Resetting the user's cross-signing keys.
            CrossSigningReset => "org.matrix.cross_signing_reset",
        }
    }

    impl Request {
        /// The request; it has nothing to fill in.
        pub fn new() -> Self {
            Request {}
        }
    }

    /// The fields every metadata document has, for [`Response::new`].
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct Endpoints {
        /// See [`Response::issuer`].
        pub issuer: String,
        /// See [`Response::authorization_endpoint`].
        pub authorization_endpoint: String,
        /// See [`Response::token_endpoint`].
        pub token_endpoint: String,
        /// See [`Response::revocation_endpoint`].
        pub revocation_endpoint: String,
        /// See [`Response::registration_endpoint`].
        pub registration_endpoint: String,
    }

    impl Response {
        /// A document with these endpoints and the least a Matrix server must support: response
        /// type `code`, the authorisation code and refresh token grants, response modes `query`
        /// and `fragment`, and PKCE with `S256`.
        pub fn new(endpoints: Endpoints) -> Self {
            let Endpoints {
                issuer,
                authorization_endpoint,
                token_endpoint,
                revocation_endpoint,
                registration_endpoint,
            } = endpoints;
            Response {
                issuer,
                authorization_endpoint,
                token_endpoint,
                revocation_endpoint,
                registration_endpoint,
                response_types_supported: vec![ResponseType::Code],
                grant_types_supported: vec![GrantType::AuthorizationCode, GrantType::RefreshToken],
                response_modes_supported: vec![ResponseMode::Query, ResponseMode::Fragment],
                code_challenge_methods_supported: vec![CodeChallengeMethod::S256],
                prompt_values_supported: None,
                account_management_uri: None,
                account_management_actions_supported: None,
                device_authorization_endpoint: None,
                other: BTreeMap::new(),
            }
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::{
            IncomingResponse, MatrixVersion, OutgoingRequest, OutgoingResponse, SendAccessToken,
            SupportedVersions,
        };
        use serde_json::{json, Value};

        use super::{Endpoints, GrantType, Request, Response};

        fn path(versions: &SupportedVersions) -> String {
            Request::new()
                .try_into_http_request("https://hs", SendAccessToken::None, versions)
                .unwrap()
                .uri()
                .path()
                .to_owned()
        }

        #[test]
        fn the_msc2965_path_before_v1_15() {
            let v1_14 = SupportedVersions::from_versions(&[MatrixVersion::V1_14]);
            assert_eq!(
                path(&v1_14),
                "/_matrix/client/unstable/org.matrix.msc2965/auth_metadata"
            );
            let v1_15 = SupportedVersions::from_versions(&[MatrixVersion::V1_15]);
            assert_eq!(path(&v1_15), "/_matrix/client/v1/auth_metadata");
        }

        #[test]
        fn fields_outside_matrix_and_unknown_values_are_kept() {
            let endpoints = Endpoints {
                issuer: "https://auth.example.org/".to_owned(),
                authorization_endpoint: "https://auth.example.org/authorize".to_owned(),
                token_endpoint: "https://auth.example.org/token".to_owned(),
                revocation_endpoint: "https://auth.example.org/revoke".to_owned(),
                registration_endpoint: "https://auth.example.org/register".to_owned(),
            };
            let sent = Response::new(endpoints).try_into_http_response();
            let mut document: Value = serde_json::from_slice(sent.unwrap().body()).unwrap();
            document["grant_types_supported"] = json!(["authorization_code", "client_credentials"]);
            document["scopes_supported"] = json!(["openid", "urn:matrix:client:api:*"]);
            document["prompt_values_supported"] = json!([]);
            let response = http::Response::builder()
                .status(200)
                .body(serde_json::to_vec(&document).unwrap())
                .unwrap();
            let read = Response::try_from_http_response(response).unwrap();
            assert_eq!(read.grant_types_supported[0], GrantType::AuthorizationCode);
            assert_eq!(read.grant_types_supported[1].as_str(), "client_credentials");
            assert_eq!(read.other["scopes_supported"][1], "urn:matrix:client:api:*");
            let sent = read.try_into_http_response().unwrap();
            assert_eq!(
                serde_json::from_slice::<Value>(sent.body()).unwrap(),
                document
            );
        }
    }
}
