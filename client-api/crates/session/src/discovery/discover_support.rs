//! `GET /.well-known/matrix/support`: how to reach the people who run a homeserver.
//!
//! A client shows it where a user needs help: when login fails, when the server is down, or to
//! report abuse. Like the client discovery document it is asked of the server name's host, may be
//! a static file, has no version and takes no access token; `404` means the domain publishes
//! none.
//!
//! Its method, authentication and path are in the documentation of [`Request`], written from its
//! declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#getwell-knownmatrixsupport>

use ruma_common::OwnedUserId;
use serde::{Deserialize, Serialize};

use matrix_api::{metadata, request, response, Metadata};

use crate::string_enum::string_enum;

const METADATA: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: None,
    path: "/.well-known/matrix/support",
};

/// The request: it has no parameters; the host it is sent to is the question.
#[request]
#[derive(PartialEq, Eq, Default)]
pub struct Request {}

/// The response: contacts, a support page, or both.
///
/// The specification asks for at least one of the two (and a non-empty `contacts` when it is
/// alone) but this type reads a document that has neither, so that a client can still show
/// what little a misconfigured server sent.
#[response]
#[derive(PartialEq, Eq, Default)]
pub struct Response {
    /// Ways to reach the server's administrators.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
    /// The URL of a page with help specific to this homeserver.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support_page: Option<String>,
}

/// One way to reach an administrator: a Matrix account, an email address, or both.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// What the contact is for.
    pub role: ContactRole,
    /// A Matrix account of the administrator, possibly on another homeserver, so that it still
    /// answers when this one is down.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matrix_id: Option<OwnedUserId>,
    /// An email address of the administrator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_address: Option<String>,
}

impl Contact {
    /// A contact with this role and Matrix account.
    pub fn with_matrix_id(role: ContactRole, matrix_id: OwnedUserId) -> Self {
        Contact {
            role,
            matrix_id: Some(matrix_id),
            email_address: None,
        }
    }

    /// A contact with this role and email address.
    pub fn with_email_address(role: ContactRole, email_address: String) -> Self {
        Contact {
            role,
            matrix_id: None,
            email_address: Some(email_address),
        }
    }
}

string_enum! {
    /// What a contact is for; servers may name their own roles in namespaced form.
    pub enum ContactRole {
        /// Any question.
        Admin => "m.role.admin",
        /// Sensitive requests, such as reporting a security problem.
        Security => "m.role.security",
    }
}

impl Request {
    /// The request; it has nothing to fill in.
    pub fn new() -> Self {
        Request {}
    }
}

impl Response {
    /// A document with no contacts and no page; fill in at least one.
    pub fn new() -> Self {
        Response::default()
    }
}

#[cfg(test)]
mod tests {
    use matrix_api::{IncomingResponse, OutgoingResponse};
    use serde_json::{json, Value};

    use super::{ContactRole, Response};

    #[test]
    fn a_namespaced_role_is_kept() {
        let document = json!({
            "contacts": [{ "email_address": "abuse@example.org", "role": "org.example.role.abuse" }],
        });
        let response = http::Response::builder()
            .status(200)
            .body(serde_json::to_vec(&document).unwrap())
            .unwrap();
        let read = Response::try_from_http_response(response).unwrap();
        assert_eq!(read.contacts[0].role.as_str(), "org.example.role.abuse");
        assert_ne!(read.contacts[0].role, ContactRole::Admin);
        let sent = read.try_into_http_response().unwrap();
        assert_eq!(
            serde_json::from_slice::<Value>(sent.body()).unwrap(),
            document
        );
    }
}
