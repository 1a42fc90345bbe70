//! Every endpoint we declare, checked against the Matrix specification's own OpenAPI files:
//! method, newest stable path, authentication, rate limiting, first stable version, the
//! properties and parameters of request and response with their `required` sets and JSON types,
//! the success status, and every example body of the specification read into our types and
//! written back unchanged.
//!
//! The specification's directory is `MATRIX_SPEC_PATH`, or else the workspace's
//! `../shared/matrix-spec/data/api/client-server`. Without either the test says it was skipped
//! and passes, unless `MATRIX_SPEC_REQUIRED=1` (as in CI), when it fails.
//!
//! Request examples are sent on the path (and required query parameters) filled in from the
//! specification's examples of its parameters (`target`); a declaration serving a method and
//! path that the specification lists in two files is compared with their union (`merge`). The
//! test prints one line per operation of the specification with the declarations compared with
//! it, and last `spec coverage: N of M operations`; every operation of [`DECLARED_FILES`] must
//! be declared.
//!
//! What we do differently on purpose is in [`allowed`], each with its reason; an entry that no
//! longer matches anything fails the test, so the list never outlives its reasons.

mod allowed;
mod checker;
#[path = "../common/mod.rs"]
mod common;
mod merge;
mod spec;
mod target;

use matrix_api::describe::{Describe, EndpointDescription};
use matrix_api::http::{self, header::CONTENT_TYPE};
use matrix_api::{
    AuthScheme, EndpointError, IncomingRequest, IncomingResponse, MatrixVersion, OutgoingRequest,
    OutgoingResponse, SendAccessToken, SupportedVersions,
};
use matrix_client_api::{account, session};
use serde_json::Value;

use allowed::{Allowed, ALLOWED};
use checker::{check, Finding, Rule};
use spec::Spec;

/// Every group's allow-list entries, in one sequence.
fn every_allowance() -> impl Iterator<Item = &'static Allowed> {
    ALLOWED.iter().flat_map(|group| group.iter())
}

/// One endpoint: its description, and round trips of example bodies through its types.
struct Endpoint {
    /// Its name in the registry, `session::login::v3`.
    name: &'static str,
    description: EndpointDescription,
    /// A request body with the path and query to send it on: parsed as a server, sent again
    /// as a client.
    request: fn(&str, &Value) -> Result<Value, String>,
    /// A success body: parsed as a client, sent again as a server.
    response: fn(&Value) -> Result<Value, String>,
    /// An error body with its status: parsed into the endpoint's error type, sent again.
    error: fn(u16, &Value) -> Result<Value, String>,
}

impl Endpoint {
    fn of<R>(name: &'static str) -> Self
    where
        R: Describe + IncomingRequest + OutgoingRequest,
        <R as OutgoingRequest>::IncomingResponse: OutgoingResponse,
    {
        Endpoint {
            name,
            description: R::DESCRIPTION,
            request: round_trip_request::<R>,
            response: round_trip_response::<R>,
            error: round_trip_error::<<R as OutgoingRequest>::EndpointError>,
        }
    }

    /// `session::login::v3`.
    fn name(&self) -> &'static str {
        self.name
    }
}

/// Every endpoint of the registry.
fn endpoints() -> Vec<Endpoint> {
    macro_rules! endpoints {
        ($($name:literal => $module:path),* $(,)?) => {
            vec![$({
                use $module as endpoint;
                Endpoint::of::<endpoint::Request>($name)
            }),*]
        };
    }
    matrix_client_api::for_each_endpoint!(endpoints)
}

fn round_trip_request<R: Describe + IncomingRequest + OutgoingRequest>(
    path: &str,
    body: &Value,
) -> Result<Value, String> {
    let metadata = <R as OutgoingRequest>::METADATA;
    let token = match metadata.authentication {
        AuthScheme::AppserviceToken | AuthScheme::AppserviceTokenOptional => {
            SendAccessToken::Appservice("token")
        }
        _ => SendAccessToken::IfRequired("token"),
    };
    let request = http::Request::builder()
        .method(metadata.method.clone())
        .uri(format!("https://example.org{path}"))
        .header(CONTENT_TYPE, "application/json")
        .header(http::header::AUTHORIZATION, "Bearer token")
        .body(serde_json::to_vec(body).expect("JSON"))
        .expect("a valid request");
    let parsed = <R as IncomingRequest>::try_from_http_request(request, &[] as &[&str])
        .map_err(|err| format!("the server side refuses it: {err}"))?;
    let sent = parsed
        .try_into_http_request(
            "https://example.org",
            token,
            &SupportedVersions::from_versions(&[MatrixVersion::LATEST]),
        )
        .map_err(|err| format!("the client side cannot send it again: {err}"))?;
    serde_json::from_slice(sent.body()).map_err(|err| format!("not JSON when sent again: {err}"))
}

fn round_trip_response<R: Describe + OutgoingRequest>(body: &Value) -> Result<Value, String>
where
    R::IncomingResponse: OutgoingResponse,
{
    let status = R::DESCRIPTION.response.status;
    let response = http::Response::builder()
        .status(status)
        .header(CONTENT_TYPE, "application/json")
        .body(serde_json::to_vec(body).expect("JSON"))
        .expect("a valid response");
    let parsed = R::IncomingResponse::try_from_http_response(response)
        .map_err(|err| format!("the client side refuses it: {err}"))?;
    let sent = parsed
        .try_into_http_response()
        .map_err(|err| format!("the server side cannot send it again: {err}"))?;
    serde_json::from_slice(sent.body()).map_err(|err| format!("not JSON when sent again: {err}"))
}

fn round_trip_error<E: EndpointError>(status: u16, body: &Value) -> Result<Value, String> {
    let response = http::Response::builder()
        .status(status)
        .header(CONTENT_TYPE, "application/json")
        .body(serde_json::to_vec(body).expect("JSON"))
        .expect("a valid response");
    let sent = E::from_http_response(response)
        .try_into_http_response()
        .map_err(|err| format!("cannot be sent again: {err}"))?;
    if sent.status().as_u16() != status {
        return Err(format!("sent again with status {}", sent.status()));
    }
    serde_json::from_slice(sent.body()).map_err(|err| format!("not JSON when sent again: {err}"))
}

fn load_spec() -> Option<Spec> {
    let dir = common::spec_api_dir()?;
    Some(Spec::load(&dir).unwrap_or_else(|err| panic!("cannot read the specification: {err}")))
}

/// The example bodies of an operation: `(where, status, body)`; status 0 for the request.
fn examples(operation: &Value) -> Vec<(String, u16, Value)> {
    fn of_content(
        content: Option<&Value>,
        label: &str,
        status: u16,
        out: &mut Vec<(String, u16, Value)>,
    ) {
        let Some(json) = content.and_then(|c| c.get("application/json")) else {
            return;
        };
        if let Some(examples) = json.get("examples").and_then(Value::as_object) {
            for (name, example) in examples {
                if let Some(value) = example.get("value") {
                    out.push((format!("{label} example `{name}`"), status, value.clone()));
                }
            }
        }
        if let Some(example) = json.get("example") {
            out.push((format!("{label} `example`"), status, example.clone()));
        }
        if let Some(example) = json.get("schema").and_then(|s| s.get("example")) {
            out.push((format!("{label} schema `example`"), status, example.clone()));
        }
    }
    let mut out = Vec::new();
    of_content(
        operation.pointer("/requestBody/content"),
        "request",
        0,
        &mut out,
    );
    if let Some(responses) = operation.get("responses").and_then(Value::as_object) {
        for (code, response) in responses {
            let Ok(status) = code.parse::<u16>() else {
                continue;
            };
            of_content(
                response.get("content"),
                &format!("{code} response"),
                status,
                &mut out,
            );
        }
    }
    out
}

/// What differs between one endpoint and the specification, besides what [`allowed`] lists:
/// the checker's findings and the examples that do not survive a round trip; and the
/// operations it was compared with.
fn differences<'s>(
    spec: &'s Spec,
    endpoint: &Endpoint,
    allowed_used: &mut [bool],
    examples_checked: &mut usize,
) -> (Vec<&'s spec::Operation>, Vec<String>) {
    let checked = check(spec, &endpoint.description);
    let mut out = Vec::new();
    let mut report = |finding: Finding| {
        let allowance = every_allowance().position(|a| {
            a.endpoint == endpoint.name() && a.rule == finding.rule && a.subject == finding.subject
        });
        match allowance {
            Some(i) => allowed_used[i] = true,
            None => out.push(finding.to_string()),
        }
    };
    for finding in checked.findings {
        report(finding);
    }
    let success = endpoint.description.response.status.as_u16();
    for (operation, resolved) in &checked.operations {
        let target = target::request_target(&endpoint.description, operation, resolved);
        let file = operation.file.display();
        for (label, status, example) in examples(resolved) {
            let label = if checked.operations.len() > 1 {
                format!("{file}: {label}")
            } else {
                label
            };
            let round_trip = match status {
                0 => (endpoint.request)(&target, &example),
                status if status == success => (endpoint.response)(&example),
                status if status >= 400 => (endpoint.error)(status, &example),
                _ => continue,
            };
            *examples_checked += 1;
            match round_trip {
                Ok(again) if again == example => {}
                Ok(again) => out.push(format!(
                    "{label} changes in a round trip through our types:\n      spec: {example}\n      ours: {again}"
                )),
                Err(err) => out.push(format!("{label}: {err}\n      spec: {example}\n      sent to: {target}")),
            }
        }
    }
    let operations = checked.operations.into_iter().map(|(op, _)| op).collect();
    (operations, out)
}

/// The specification files whose every operation must be declared: the session API and the
/// groups of the Client-Server API declared so far. An operation of one of them that no
/// declaration covers fails the test.
const DECLARED_FILES: &[&str] = &[
    // The session API.
    "capabilities.yaml",
    "login.yaml",
    "login_token.yaml",
    "logout.yaml",
    "refresh.yaml",
    "sso_login_redirect.yaml",
    "versions.yaml",
    "whoami.yaml",
    // Part 1 of the Client-Server API: rooms, events and sync.
    "account-data.yaml",
    "appservice_room_directory.yaml",
    "banning.yaml",
    "create_room.yaml",
    "directory.yaml",
    "event_context.yaml",
    "filter.yaml",
    "inviting.yaml",
    "joining.yaml",
    "kicking.yaml",
    "knocking.yaml",
    "leaving.yaml",
    "list_joined_rooms.yaml",
    "list_public_rooms.yaml",
    "message_pagination.yaml",
    "mutual_rooms.yaml",
    "old_sync.yaml",
    "peeking_events.yaml",
    "read_markers.yaml",
    "receipts.yaml",
    "redaction.yaml",
    "relations.yaml",
    "report_content.yaml",
    "room_event_by_timestamp.yaml",
    "room_initial_sync.yaml",
    "room_send.yaml",
    "room_state.yaml",
    "room_summary.yaml",
    "room_upgrades.yaml",
    "rooms.yaml",
    "search.yaml",
    "space_hierarchy.yaml",
    "sync.yaml",
    "tags.yaml",
    "third_party_membership.yaml",
    "threads_list.yaml",
    "to_device.yaml",
    "typing.yaml",
    // Part 2: accounts, devices, profiles and end-to-end encryption keys.
    "account_deactivation.yaml",
    "administrative_contact.yaml",
    "cross_signing.yaml",
    "device_management.yaml",
    "key_backup.yaml",
    "keys.yaml",
    "password_management.yaml",
    "presence.yaml",
    "profile.yaml",
    "registration.yaml",
    "registration_tokens.yaml",
    "users.yaml",
    // Part 3: media, push, discovery, administration and the rest.
    "admin.yaml",
    "appservice_ping.yaml",
    "authed-content-repo.yaml",
    "content-repo.yaml",
    "notifications.yaml",
    "oauth_server_metadata.yaml",
    "openid.yaml",
    "policy_server.yaml",
    "pusher.yaml",
    "pushrules.yaml",
    "support.yaml",
    "third_party_lookup.yaml",
    "voip.yaml",
    "wellknown.yaml",
];

#[test]
fn every_endpoint_matches_the_specification() {
    let Some(spec) = load_spec() else { return };
    let endpoints = endpoints();
    let mut allowed_used = vec![false; every_allowance().count()];
    let mut report = String::new();
    let mut total_examples = 0;
    // Each operation of the specification, with the endpoints compared with it.
    let mut served: Vec<Vec<(&str, bool)>> = vec![Vec::new(); spec.operations().len()];
    for endpoint in &endpoints {
        let mut examples = 0;
        let (operations, found) = differences(&spec, endpoint, &mut allowed_used, &mut examples);
        total_examples += examples;
        if operations.is_empty() {
            println!(
                "{:<52} DIFFERS: no operation of the specification",
                endpoint.name()
            );
        }
        for operation in operations {
            let index = spec
                .operations()
                .iter()
                .position(|op| std::ptr::eq(op, operation))
                .expect("an operation of this specification");
            served[index].push((endpoint.name(), found.is_empty()));
        }
        for difference in &found {
            report.push_str(&format!("\n  {}: {difference}", endpoint.name()));
        }
    }
    // One line per operation of the specification, and the coverage.
    let mut covered = 0;
    for (operation, endpoints) in spec.operations().iter().zip(&served) {
        let line = match endpoints.as_slice() {
            [] => "not declared".to_owned(),
            endpoints => {
                covered += 1;
                let names: Vec<String> = endpoints
                    .iter()
                    .map(|(name, ok)| format!("{name} {}", if *ok { "ok" } else { "DIFFERS" }))
                    .collect();
                names.join(", ")
            }
        };
        println!("{:<80} {line}", operation.name());
        let file = operation.file.to_string_lossy();
        if endpoints.is_empty() && DECLARED_FILES.contains(&file.as_ref()) {
            report.push_str(&format!(
                "\n  {} is not declared, and every operation of {file} must be",
                operation.name()
            ));
        }
    }
    println!(
        "spec coverage: {covered} of {} operations",
        spec.operations().len()
    );
    for file in DECLARED_FILES {
        if !spec
            .operations()
            .iter()
            .any(|op| op.file.to_string_lossy() == *file)
        {
            report.push_str(&format!(
                "\n  DECLARED_FILES names {file}, which has no operation"
            ));
        }
    }
    for (allowed, used) in every_allowance().zip(&allowed_used) {
        if !*used {
            report.push_str(&format!(
                "\n  allow-list entry for {} ({:?} {}) matches nothing any more: remove it",
                allowed.endpoint, allowed.rule, allowed.subject
            ));
        }
    }
    for allowed in every_allowance() {
        assert!(!allowed.reason.is_empty());
    }
    // The examples are part of the check: a change that lost them would pass unnoticed.
    assert!(total_examples >= 10, "only {total_examples} examples found");
    assert!(
        report.is_empty(),
        "our declarations differ from the specification:{report}"
    );
}

#[test]
fn every_declared_endpoint_is_checked() {
    let listed: Vec<String> = endpoints()
        .iter()
        .map(|e| format!("matrix_client_api::{}", e.name()))
        .collect();
    let declared = matrix_client_api::descriptions();
    for endpoint in &declared {
        assert!(
            listed.iter().any(|name| name == endpoint.module),
            "{} is declared but not listed in `endpoints()` of this test",
            endpoint.module
        );
    }
    assert_eq!(listed.len(), declared.len());
}

/// The checker against the real specification: breaking a real declaration in each way is
/// reported. (The checker's own tests do the same against a small copy of the specification,
/// so they run without it.)
#[test]
fn breaking_a_declaration_is_reported_against_the_real_specification() {
    use matrix_api::describe::{FieldDescription, JsonType};
    use matrix_api::http::Method;
    use matrix_api::{AuthScheme, StablePath, StablePathSelector, VersionHistory};

    let Some(spec) = load_spec() else { return };
    let rules = |endpoint: &EndpointDescription| -> Vec<(Rule, String)> {
        check(&spec, endpoint)
            .findings
            .into_iter()
            .map(|f| (f.rule, f.subject))
            .collect()
    };
    let whoami = || account::whoami::v3::Request::DESCRIPTION;
    let refresh = || session::refresh_token::v3::Request::DESCRIPTION;
    assert_eq!(rules(&whoami()), []);
    assert_eq!(rules(&refresh()), []);

    let mut wrong_method = whoami();
    wrong_method.metadata.method = Method::POST;
    assert_eq!(rules(&wrong_method), [(Rule::Method, String::new())]);

    let mut wrong_path = whoami();
    wrong_path.metadata.history = VersionHistory::new(
        &[],
        &[StablePath {
            selector: StablePathSelector::Version(MatrixVersion::V1_1),
            path: "/_matrix/client/v3/whoami",
        }],
        None,
        None,
    );
    assert_eq!(rules(&wrong_path), [(Rule::Path, String::new())]);

    let mut missing = refresh();
    missing.request.fields = &[];
    assert_eq!(
        rules(&missing),
        [(Rule::MissingField, "request.body.refresh_token".to_owned())]
    );

    let mut extra = whoami();
    let mut fields = extra.response.fields.to_vec();
    fields.push(FieldDescription::body(
        "home_server",
        JsonType::String,
        true,
    ));
    extra.response.fields = Vec::leak(fields);
    assert_eq!(
        rules(&extra),
        [(Rule::ExtraField, "response.body.home_server".to_owned())]
    );

    let mut wrong_auth = whoami();
    wrong_auth.metadata.authentication = AuthScheme::AccessTokenOptional;
    assert_eq!(rules(&wrong_auth), [(Rule::Authentication, String::new())]);
}

/// The example comparison is strict: a body our types would change (here, one with a field the
/// response does not model) is reported, not waved through.
#[test]
fn a_body_our_types_change_is_told_apart() {
    type Whoami = account::whoami::v3::Request;
    let body = serde_json::json!({ "user_id": "@joe:example.org", "device_id": "ABC1234" });
    assert_eq!(round_trip_response::<Whoami>(&body), Ok(body));
    let body = serde_json::json!({ "user_id": "@joe:example.org", "org.example.extra": 1 });
    let again = round_trip_response::<Whoami>(&body).expect("it parses");
    assert_ne!(again, body);
    let error =
        serde_json::json!({ "errcode": "M_UNKNOWN_TOKEN", "error": "Unrecognised access token." });
    assert_eq!(
        round_trip_error::<matrix_api::error::MatrixError>(401, &error),
        Ok(error)
    );
}
