//! Every error code of the Client-Server API is an [`ErrorKind`] variant: the codes are read
//! from the specification itself (its prose and its OpenAPI files), so a code added to the
//! specification fails here until it is modelled.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use matrix_api::error::{ErrorBody, ErrorKind, MatrixError};
use matrix_api::http::StatusCode;
use matrix_api::{EndpointError, OutgoingResponse};
use serde_json::{json, Value};

/// Codes the specification writes that are not error codes, with the reason.
const NOT_CODES: &[(&str, &str)] = &[(
    "M_EXAMPLE_ERROR",
    "the placeholder of the User-Interactive Authentication section's example of an error",
)];

/// Every `M_…` code written in a file.
fn codes_in(path: &Path, out: &mut BTreeSet<String>) {
    let text = std::fs::read_to_string(path).unwrap();
    let bytes = text.as_bytes();
    for (start, _) in text.match_indices("M_") {
        let boundary = start == 0 || !bytes[start - 1].is_ascii_alphanumeric();
        let end = text[start + 2..]
            .find(|c: char| !(c.is_ascii_uppercase() || c == '_'))
            .map_or(text.len(), |n| start + 2 + n);
        let code = text[start..end].trim_end_matches('_');
        if boundary && code.len() > 2 {
            out.insert(code.to_owned());
        }
    }
}

fn spec_codes() -> Option<BTreeSet<String>> {
    let root = common::spec_root()?;
    let mut codes = BTreeSet::new();
    codes_in(
        &root.join("content/client-server-api/_index.md"),
        &mut codes,
    );
    let mut dirs = vec![root.join("data/api/client-server")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "yaml") {
                codes_in(&path, &mut codes);
            }
        }
    }
    for (code, _) in NOT_CODES {
        assert!(
            codes.remove(*code),
            "{code} is no longer in the specification"
        );
    }
    Some(codes)
}

/// The body of an error with this code, with the fields the code requires.
fn body_of(code: &str) -> Value {
    let mut body = json!({ "errcode": code, "error": "an error" });
    let required: &[(&str, Value)] = match code {
        "M_RESOURCE_LIMIT_EXCEEDED" => &[("admin_contact", json!("mailto:admin@example.org"))],
        "M_USER_LIMIT_EXCEEDED" => &[("info_uri", json!("https://example.org/limits"))],
        "M_INCOMPATIBLE_ROOM_VERSION" => &[("room_version", json!("11"))],
        _ => &[],
    };
    for (name, value) in required {
        body[*name] = value.clone();
    }
    body
}

fn parse(status: u16, body: &Value) -> MatrixError {
    let response = matrix_api::http::Response::builder()
        .status(status)
        .body(serde_json::to_vec(body).unwrap())
        .unwrap();
    MatrixError::from_http_response(response)
}

#[test]
fn every_error_code_of_the_specification_is_modelled() {
    let Some(codes) = spec_codes() else { return };
    // The lists of the specification hold some 50 codes; reading none means the scan broke.
    assert!(
        codes.len() >= 45,
        "only {} codes found: {codes:?}",
        codes.len()
    );
    let unmodelled: Vec<&String> = codes
        .iter()
        .filter(|code| !ErrorKind::KNOWN_CODES.contains(&code.as_str()))
        .collect();
    assert!(
        unmodelled.is_empty(),
        "error codes of the specification without an ErrorKind variant: {unmodelled:?}"
    );
    for code in &codes {
        let body = body_of(code);
        let error = parse(400, &body);
        let kind = error
            .kind()
            .unwrap_or_else(|| panic!("{code}: {:?}", error.body));
        assert_eq!(kind.errcode(), code);
        assert!(
            !matches!(kind, ErrorKind::Other { .. }),
            "{code} read as Other"
        );
        let sent = error.try_into_http_response().unwrap();
        let again: Value = serde_json::from_slice(sent.body()).unwrap();
        assert_eq!(again, body, "{code} changes in a round trip");
    }
    println!(
        "error codes: {} of the specification, all modelled",
        codes.len()
    );
}

#[test]
fn codes_with_fields_read_and_write_them() {
    let cases = [
        (
            json!({ "errcode": "M_WRONG_ROOM_KEYS_VERSION", "error": "Wrong backup version.", "current_version": "42" }),
            ErrorKind::WrongRoomKeysVersion {
                current_version: Some("42".to_owned()),
            },
        ),
        (
            json!({ "errcode": "M_RESOURCE_LIMIT_EXCEEDED", "error": "full", "admin_contact": "mailto:a@example.org" }),
            ErrorKind::ResourceLimitExceeded {
                admin_contact: "mailto:a@example.org".to_owned(),
            },
        ),
        (
            json!({ "errcode": "M_USER_LIMIT_EXCEEDED", "error": "quota", "info_uri": "https://example.com/q", "can_upgrade": true }),
            ErrorKind::UserLimitExceeded {
                info_uri: "https://example.com/q".to_owned(),
                can_upgrade: true,
            },
        ),
        (
            json!({ "errcode": "M_INCOMPATIBLE_ROOM_VERSION", "error": "no", "room_version": "org.example.v1" }),
            ErrorKind::IncompatibleRoomVersion {
                room_version: "org.example.v1".try_into().unwrap(),
            },
        ),
        (
            json!({ "errcode": "M_BAD_STATUS", "error": "Ping returned status 401", "status": 401, "body": "{\"errcode\": \"M_UNKNOWN_TOKEN\"}" }),
            ErrorKind::BadStatus {
                status: Some(401),
                body: Some("{\"errcode\": \"M_UNKNOWN_TOKEN\"}".to_owned()),
            },
        ),
        (
            json!({ "errcode": "M_USER_LOCKED", "error": "locked", "soft_logout": true }),
            ErrorKind::UserLocked,
        ),
    ];
    for (body, kind) in cases {
        let error = parse(400, &body);
        assert_eq!(error.kind(), Some(&kind), "{body}");
        let sent = error.try_into_http_response().unwrap();
        let again: Value = serde_json::from_slice(sent.body()).unwrap();
        // A field the code does not define (`soft_logout` on M_USER_LOCKED) is not kept.
        let mut expected = body.clone();
        if kind == ErrorKind::UserLocked {
            expected.as_object_mut().unwrap().remove("soft_logout");
        }
        assert_eq!(again, expected);
    }
}

/// A code whose required field is missing or of the wrong type is kept as the JSON it came as,
/// so nothing the server said is lost.
#[test]
fn a_code_with_a_malformed_field_is_kept_as_json() {
    for body in [
        json!({ "errcode": "M_RESOURCE_LIMIT_EXCEEDED", "error": "full" }),
        json!({ "errcode": "M_USER_LIMIT_EXCEEDED", "info_uri": 5 }),
        json!({ "errcode": "M_BAD_STATUS", "status": "four hundred" }),
    ] {
        let error = parse(400, &body);
        assert_eq!(error.body, ErrorBody::Json(body.clone()));
        assert_eq!(error.status, StatusCode::BAD_REQUEST);
    }
}
