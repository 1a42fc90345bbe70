//! Compares an endpoint's description (`matrix_api::describe`) with the specification's
//! operation for its newest stable path (or the union of the operations the specification lists
//! there, see `merge`), and reports every difference as a [`Finding`].

use std::collections::BTreeSet;
use std::fmt;

use matrix_api::describe::{EndpointDescription, FieldDescription, JsonType, Location};
use matrix_api::{AuthScheme, MatrixVersion};
use serde_json::{Map, Value};

use crate::merge::merge_operations;
use crate::spec::{path_params, Operation, Spec};

/// What a finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// No operation at our newest stable path.
    Path,
    /// An operation at the path, but not with our method.
    Method,
    /// `authentication` against the operation's `security`.
    Authentication,
    /// `rate_limited` against a `429` response.
    RateLimited,
    /// The version of our first stable path against `x-addedInMatrixVersion`.
    AddedIn,
    /// Our success status against the operation's `2xx`/`3xx` responses.
    Status,
    /// Whether the request has a body at all.
    RequestBody,
    /// A property or parameter of the specification that we do not declare.
    MissingField,
    /// A field we declare that the specification does not have.
    ExtraField,
    /// A field required on one side and optional on the other.
    Required,
    /// A field whose JSON type differs.
    JsonType,
    /// The specification itself could not be read (a dangling `$ref`, say).
    Spec,
}

/// One difference between a declaration and the specification.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub rule: Rule,
    /// The field it is about, as `request.body.type`, `request.query.redirectUrl`,
    /// `request.path.idp_id`, `response.header.location`; empty for the endpoint as a whole.
    pub subject: String,
    pub detail: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.subject.is_empty() {
            write!(f, "{:?}: {}", self.rule, self.detail)
        } else {
            write!(f, "{:?} `{}`: {}", self.rule, self.subject, self.detail)
        }
    }
}

/// The outcome of checking one endpoint.
pub struct Checked<'s> {
    /// The operations compared with, each with every `$ref` and `allOf` resolved: one, or
    /// several where the specification lists the method and path in more than one file; none
    /// when none was found.
    pub operations: Vec<(&'s Operation, Value)>,
    pub findings: Vec<Finding>,
}

/// The path the specification lists the endpoint under: its newest stable path (the
/// specification has no unstable paths), or its one unversioned path.
pub fn newest_stable_path(endpoint: &EndpointDescription) -> Option<&'static str> {
    let history = &endpoint.metadata.history;
    history
        .unversioned_path()
        .or_else(|| history.stable_paths().last().map(|p| p.path))
}

/// Compares `endpoint` with its operation in `spec`.
pub fn check<'s>(spec: &'s Spec, endpoint: &EndpointDescription) -> Checked<'s> {
    let mut findings = Findings::default();
    let mut operations = Vec::new();
    for operation in find_operations(spec, endpoint, &mut findings) {
        match spec.resolve(&operation.value, &operation.file) {
            Ok(resolved) => operations.push((operation, resolved)),
            Err(err) => findings.push(Rule::Spec, "", format!("{}: {err}", operation.name())),
        }
    }
    if let Some((first, _)) = operations.first() {
        let resolved: Vec<Value> = operations.iter().map(|(_, value)| value.clone()).collect();
        check_operation(endpoint, first, &merge_operations(&resolved), &mut findings);
    }
    Checked {
        operations,
        findings: findings.0,
    }
}

#[derive(Default)]
struct Findings(Vec<Finding>);

impl Findings {
    fn push(&mut self, rule: Rule, subject: impl Into<String>, detail: impl Into<String>) {
        self.0.push(Finding {
            rule,
            subject: subject.into(),
            detail: detail.into(),
        });
    }
}

fn find_operations<'s>(
    spec: &'s Spec,
    endpoint: &EndpointDescription,
    findings: &mut Findings,
) -> Vec<&'s Operation> {
    let method = endpoint.metadata.method.as_str().to_ascii_lowercase();
    let Some(path) = newest_stable_path(endpoint) else {
        findings.push(
            Rule::Path,
            "",
            "no stable path: the specification lists stable paths only",
        );
        return Vec::new();
    };
    let candidates = spec.operations_at(path);
    if candidates.is_empty() {
        let last = path.rsplit('/').next().unwrap_or(path);
        let near: BTreeSet<String> = spec
            .operations()
            .iter()
            .filter(|op| op.path.rsplit('/').next() == Some(last))
            .map(|op| format!("`{}`", op.path))
            .collect();
        let near = if near.is_empty() {
            String::new()
        } else {
            format!(
                "; paths ending the same: {}",
                Vec::from_iter(near).join(", ")
            )
        };
        findings.push(
            Rule::Path,
            "",
            format!("the specification has no operation at `{path}`{near}"),
        );
        return Vec::new();
    }
    let with_method: Vec<&Operation> = candidates
        .iter()
        .copied()
        .filter(|op| op.method == method)
        .collect();
    if with_method.is_empty() {
        let theirs: Vec<String> = candidates
            .iter()
            .map(|op| op.method.to_ascii_uppercase())
            .collect();
        findings.push(
            Rule::Method,
            "",
            format!(
                "we declare {} {path}; the specification has {} there ({})",
                method.to_ascii_uppercase(),
                theirs.join(", "),
                candidates[0].file.display()
            ),
        );
    }
    with_method
}

fn check_operation(
    endpoint: &EndpointDescription,
    operation: &Operation,
    resolved: &Value,
    findings: &mut Findings,
) {
    let metadata = &endpoint.metadata;
    match spec_authentication(resolved.get("security")) {
        Ok(theirs) if theirs == metadata.authentication => {}
        Ok(theirs) => findings.push(
            Rule::Authentication,
            "",
            format!(
                "we declare {:?}; the specification's `security` means {theirs:?}",
                metadata.authentication
            ),
        ),
        Err(err) => findings.push(Rule::Authentication, "", err),
    }

    let responses = resolved
        .get("responses")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let theirs_rate_limited = responses.contains_key("429");
    if theirs_rate_limited != metadata.rate_limited {
        findings.push(
            Rule::RateLimited,
            "",
            format!(
                "we declare rate_limited: {}; the specification {} a 429 response",
                metadata.rate_limited,
                if theirs_rate_limited {
                    "lists"
                } else {
                    "lists no"
                }
            ),
        );
    }

    check_added_in(endpoint, resolved, findings);

    // Our path parameters and theirs, by position.
    let ours_path = newest_stable_path(endpoint).unwrap_or_default();
    let params: Vec<(&str, &str)> = path_params(ours_path)
        .into_iter()
        .zip(path_params(&operation.path))
        .collect();
    check_request(endpoint, resolved, &params, findings);
    check_response(endpoint, &responses, findings);
}

/// What the specification's `security` says, as the scheme we would declare for it: none
/// (absent or empty), a token, or `{}` beside a token for an optional one.
pub fn spec_authentication(security: Option<&Value>) -> Result<AuthScheme, String> {
    let Some(security) = security else {
        return Ok(AuthScheme::None);
    };
    let Some(requirements) = security.as_array() else {
        return Err(format!("`security` is not a list: {security}"));
    };
    let optional = requirements
        .iter()
        .any(|r| r.as_object().is_some_and(Map::is_empty));
    let schemes: BTreeSet<&str> = requirements
        .iter()
        .filter_map(Value::as_object)
        .flat_map(|r| r.keys().map(String::as_str))
        .collect();
    let names: Vec<&str> = schemes.iter().copied().collect();
    match (names.as_slice(), optional) {
        ([], _) => Ok(AuthScheme::None),
        (["accessTokenBearer"], false) => Ok(AuthScheme::AccessToken),
        (["accessTokenBearer"], true) => Ok(AuthScheme::AccessTokenOptional),
        (["appserviceAccessTokenBearer"], false) => Ok(AuthScheme::AppserviceToken),
        (["appserviceAccessTokenBearer"], true) => Ok(AuthScheme::AppserviceTokenOptional),
        _ => Err(format!("unrecognised `security`: {security}")),
    }
}

fn check_added_in(endpoint: &EndpointDescription, resolved: &Value, findings: &mut Findings) {
    let history = &endpoint.metadata.history;
    let ours = if history.unversioned_path().is_some() {
        MatrixVersion::V1_0
    } else {
        match history.added_in() {
            Some(version) => version,
            None => return, // stable by feature flag only: nothing to compare
        }
    };
    // No tag: the endpoint is older than the tags, which start at v1.1.
    let theirs = match resolved.get("x-addedInMatrixVersion") {
        None => MatrixVersion::V1_0,
        Some(tag) => {
            let text = tag
                .as_str()
                .map(str::to_owned)
                .unwrap_or_else(|| tag.to_string());
            match format!("v{text}").parse() {
                Ok(version) => version,
                Err(_) => {
                    findings.push(
                        Rule::AddedIn,
                        "",
                        format!("`x-addedInMatrixVersion: {text}` is not a version we know"),
                    );
                    return;
                }
            }
        }
    };
    if ours != theirs {
        findings.push(
            Rule::AddedIn,
            "",
            format!(
                "our first stable path is from {ours}; the specification's \
                 `x-addedInMatrixVersion` says {theirs}{}",
                if resolved.get("x-addedInMatrixVersion").is_none() {
                    " (no tag: before v1.1)"
                } else {
                    ""
                }
            ),
        );
    }
}

fn check_request(
    endpoint: &EndpointDescription,
    resolved: &Value,
    params: &[(&str, &str)],
    findings: &mut Findings,
) {
    let fields = endpoint.request.fields;
    let body = resolved.get("requestBody");
    match (endpoint.request.has_body, body) {
        (true, None) => findings.push(
            Rule::RequestBody,
            "",
            "we send a body; the specification's operation has no `requestBody`",
        ),
        (false, Some(_)) => findings.push(
            Rule::RequestBody,
            "",
            "we send no body; the specification's operation has a `requestBody`",
        ),
        (true, Some(body)) => {
            let schema = body.pointer("/content/application~1json/schema");
            compare_body("request.body", fields, schema, findings);
        }
        (false, None) => {}
    }

    let spec_params = resolved
        .get("parameters")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let has_query_string = fields.iter().any(|f| f.location == Location::QueryString);
    let mut matched: Vec<(Location, &str)> = Vec::new();
    for param in &spec_params {
        let place = param.get("in").and_then(Value::as_str).unwrap_or_default();
        let theirs = param
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let theirs_required = param
            .get("required")
            .and_then(Value::as_bool)
            .unwrap_or(place == "path");
        let schema = param.get("schema");
        let (location, ours_name) = match place {
            "path" => match params.iter().find(|(_, spec)| *spec == theirs) {
                Some((ours, _)) => (Location::Path, (*ours).to_owned()),
                None => {
                    findings.push(
                        Rule::Spec,
                        format!("request.path.{theirs}"),
                        "a path parameter that is not in the operation's path",
                    );
                    continue;
                }
            },
            "query" if has_query_string => continue,
            "query" => (Location::Query, theirs.to_owned()),
            "header" => (Location::Header, theirs.to_ascii_lowercase()),
            _ => continue,
        };
        let subject = format!("request.{}.{ours_name}", location_name(location));
        let ours = fields
            .iter()
            .find(|f| f.location == location && f.name.eq_ignore_ascii_case(&ours_name));
        let Some(ours) = ours else {
            findings.push(
                Rule::MissingField,
                subject,
                format!(
                    "the specification has the {} {place} parameter `{theirs}`; we declare no \
                     such field",
                    if theirs_required {
                        "required"
                    } else {
                        "optional"
                    }
                ),
            );
            continue;
        };
        matched.push((location, ours.name.as_str()));
        compare_required(&subject, ours.required, theirs_required, findings);
        compare_type(&subject, ours.json_type, schema, findings);
    }
    for field in fields {
        let in_params = matches!(
            field.location,
            Location::Path | Location::Query | Location::Header
        );
        if in_params && !matched.contains(&(field.location, field.name.as_str())) {
            findings.push(
                Rule::ExtraField,
                format!("request.{}.{}", location_name(field.location), field.name),
                format!(
                    "we declare the {} parameter `{}`; the specification has no such parameter",
                    location_name(field.location),
                    field.name
                ),
            );
        }
    }
}

fn check_response(
    endpoint: &EndpointDescription,
    responses: &Map<String, Value>,
    findings: &mut Findings,
) {
    let ours = endpoint.response.status.as_u16();
    let successes: Vec<u16> = responses
        .keys()
        .filter_map(|key| key.parse().ok())
        .filter(|code| (200..400).contains(code))
        .collect();
    if !successes.contains(&ours) {
        findings.push(
            Rule::Status,
            "",
            format!("we answer {ours}; the specification's success responses are {successes:?}"),
        );
    }
    let Some(response) = responses.get(&ours.to_string()).or_else(|| {
        successes
            .first()
            .and_then(|code| responses.get(&code.to_string()))
    }) else {
        return;
    };
    let fields = endpoint.response.fields;
    let schema = response.pointer("/content/application~1json/schema");
    compare_body("response.body", fields, schema, findings);

    let headers = response
        .get("headers")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let ours_headers: Vec<&FieldDescription> = fields
        .iter()
        .filter(|f| f.location == Location::Header)
        .collect();
    for (name, header) in &headers {
        let subject = format!("response.header.{}", name.to_ascii_lowercase());
        let theirs_required = header
            .get("required")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        match ours_headers.iter().find(|f| f.name.eq_ignore_ascii_case(name)) {
            Some(ours) => {
                compare_required(&subject, ours.required, theirs_required, findings);
                compare_type(&subject, ours.json_type, header.get("schema"), findings);
            }
            None => findings.push(
                Rule::MissingField,
                subject,
                format!("the specification's response has the header `{name}`; we declare no such field"),
            ),
        }
    }
    for ours in ours_headers {
        if !headers
            .keys()
            .any(|name| name.eq_ignore_ascii_case(&ours.name))
        {
            findings.push(
                Rule::ExtraField,
                format!("response.header.{}", ours.name),
                "we declare this header; the specification's response has no such header",
            );
        }
    }
}

/// Compares our body fields with the properties and `required` of the body's schema.
fn compare_body(
    prefix: &str,
    fields: &[FieldDescription],
    schema: Option<&Value>,
    findings: &mut Findings,
) {
    if fields.iter().any(|f| f.location == Location::RawBody) {
        return;
    }
    if let Some(whole) = fields.iter().find(|f| f.location == Location::WholeBody) {
        compare_type(prefix, whole.json_type, schema, findings);
        return;
    }
    let empty = Value::Object(Map::new());
    let schema = schema.unwrap_or(&empty);
    let properties = schema
        .get("properties")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let required: BTreeSet<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|names| names.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut names: BTreeSet<&str> = properties.keys().map(String::as_str).collect();
    names.extend(required.iter().copied());
    let ours: Vec<&FieldDescription> = fields
        .iter()
        .filter(|f| f.location == Location::Body)
        .collect();
    for name in &names {
        let subject = format!("{prefix}.{name}");
        let theirs_required = required.contains(name);
        match ours.iter().find(|f| f.name == *name) {
            Some(field) => {
                compare_required(&subject, field.required, theirs_required, findings);
                compare_type(&subject, field.json_type, properties.get(*name), findings);
            }
            None => findings.push(
                Rule::MissingField,
                subject,
                format!(
                    "the specification has the {} property `{name}`; we declare no such field",
                    if theirs_required {
                        "required"
                    } else {
                        "optional"
                    }
                ),
            ),
        }
    }
    for field in ours {
        if !names.contains(field.name.as_str()) {
            findings.push(
                Rule::ExtraField,
                format!("{prefix}.{}", field.name),
                format!(
                    "we declare the {} field `{}` (Rust field `{}`); the specification has no \
                     such property",
                    if field.required {
                        "required"
                    } else {
                        "optional"
                    },
                    field.name,
                    field.field
                ),
            );
        }
    }
}

fn compare_required(subject: &str, ours: bool, theirs: bool, findings: &mut Findings) {
    if ours != theirs {
        let word = |required: bool| if required { "required" } else { "optional" };
        findings.push(
            Rule::Required,
            subject,
            format!(
                "we declare it {}; the specification has it {}",
                word(ours),
                word(theirs)
            ),
        );
    }
}

/// The JSON type a schema names, if it names one.
fn schema_type(schema: &Value) -> Option<&str> {
    match schema.get("type") {
        Some(Value::String(name)) => Some(name),
        Some(Value::Array(names)) => {
            let named: Vec<&str> = names
                .iter()
                .filter_map(Value::as_str)
                .filter(|n| *n != "null")
                .collect();
            (named.len() == 1).then(|| named[0])
        }
        _ if schema.get("properties").is_some() || schema.get("additionalProperties").is_some() => {
            Some("object")
        }
        _ if schema.get("items").is_some() => Some("array"),
        _ => None,
    }
}

fn compare_type(subject: &str, ours: JsonType, schema: Option<&Value>, findings: &mut Findings) {
    let (Some(ours_name), Some(schema)) = (ours.name(), schema) else {
        return;
    };
    let Some(theirs) = schema_type(schema) else {
        return;
    };
    if ours_name != theirs {
        findings.push(
            Rule::JsonType,
            subject,
            format!("we describe it as {ours_name}; the specification as {theirs}"),
        );
        return;
    }
    if let (JsonType::Array(items), Some(their_items)) = (ours, schema.get("items")) {
        compare_type(&format!("{subject}[]"), *items, Some(their_items), findings);
    }
}

fn location_name(location: Location) -> &'static str {
    match location {
        Location::Path => "path",
        Location::Query | Location::QueryString => "query",
        Location::Header => "header",
        Location::Body | Location::WholeBody | Location::RawBody => "body",
    }
}

#[cfg(test)]
mod tests {
    //! The checker finds what is wrong: each test breaks one thing of a correct description and
    //! expects exactly that to be reported. The specification here is a copy of the parts of
    //! `login_token.yaml` and `sso_login_redirect.yaml` that matter, so these tests run without
    //! the specification's files.

    use super::*;
    use matrix_api::describe::Describe;
    use matrix_api::http::{Method, StatusCode};
    use matrix_api::{StablePath, StablePathSelector, UnstablePath, VersionHistory};
    use matrix_client_api::session::{get_login_token, sso_login_with_provider};

    const LOGIN_TOKEN: &str = r#"
openapi: 3.1.0
paths:
  /login/get_token:
    post:
      x-addedInMatrixVersion: "1.7"
      security:
        - accessTokenBearer: []
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                auth:
                  allOf:
                    - $ref: definitions/auth_data.yaml
        required: true
      responses:
        "200":
          content:
            application/json:
              schema:
                type: object
                required:
                  - login_token
                  - expires_in_ms
                properties:
                  login_token:
                    type: string
                  expires_in_ms:
                    type: integer
        "401":
          content:
            application/json:
              schema:
                $ref: definitions/errors/error.yaml
        "429":
          content:
            application/json:
              schema:
                $ref: definitions/errors/error.yaml
servers:
  - url: "{protocol}://{hostname}{basePath}"
    variables:
      basePath:
        default: /_matrix/client/v1
"#;
    const SSO: &str = r#"
openapi: 3.1.0
paths:
  "/login/sso/redirect/{idpId}":
    get:
      x-addedInMatrixVersion: "1.1"
      parameters:
        - in: path
          name: idpId
          required: true
          schema:
            type: string
        - in: query
          name: redirectUrl
          required: true
          schema:
            type: string
        - in: query
          name: action
          schema:
            type: string
            enum: [login, register]
      responses:
        "302":
          headers:
            Location:
              required: true
              schema:
                type: string
servers:
  - url: "{protocol}://{hostname}{basePath}"
    variables:
      basePath:
        default: /_matrix/client/v3
"#;
    const AUTH_DATA: &str =
        "type: object\nproperties:\n  type: { type: string }\n  session: { type: string }\n";
    const ERROR: &str =
        "type: object\nproperties:\n  errcode: { type: string }\nrequired: [errcode]\n";

    fn spec() -> Spec {
        Spec::from_files([
            ("login_token.yaml", LOGIN_TOKEN),
            ("sso_login_redirect.yaml", SSO),
            ("definitions/auth_data.yaml", AUTH_DATA),
            ("definitions/errors/error.yaml", ERROR),
        ])
    }

    fn all_findings(endpoint: &EndpointDescription) -> Vec<Finding> {
        check(&spec(), endpoint).findings
    }

    fn findings(endpoint: &EndpointDescription) -> Vec<(Rule, String)> {
        all_findings(endpoint)
            .into_iter()
            .map(|f| (f.rule, f.subject))
            .collect()
    }

    fn leak(fields: Vec<FieldDescription>) -> &'static [FieldDescription] {
        Vec::leak(fields)
    }

    fn get_token() -> EndpointDescription {
        get_login_token::v1::Request::DESCRIPTION
    }

    #[test]
    fn the_declarations_match() {
        assert_eq!(findings(&get_token()), []);
        assert_eq!(
            findings(&sso_login_with_provider::v3::Request::DESCRIPTION),
            []
        );
    }

    #[test]
    fn a_wrong_method_is_found() {
        let mut endpoint = get_token();
        endpoint.metadata.method = Method::PUT;
        let found = all_findings(&endpoint);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].rule, Rule::Method);
        assert!(
            found[0].detail.contains(
                "we declare PUT /_matrix/client/v1/login/get_token; the specification has POST there"
            ),
            "{}",
            found[0]
        );
    }

    #[test]
    fn a_wrong_path_is_found() {
        let mut endpoint = get_token();
        endpoint.metadata.history = VersionHistory::new(
            &[UnstablePath {
                feature: None,
                path: "/_matrix/client/unstable/org.matrix.msc3882/login/get_token",
            }],
            &[StablePath {
                selector: StablePathSelector::Version(MatrixVersion::V1_7),
                path: "/_matrix/client/v3/login/get_token",
            }],
            None,
            None,
        );
        let found = all_findings(&endpoint);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].rule, Rule::Path);
        assert!(
            found[0]
                .detail
                .contains("paths ending the same: `/_matrix/client/v1/login/get_token`"),
            "{}",
            found[0]
        );
    }

    #[test]
    fn a_wrong_path_parameter_position_is_found() {
        let mut endpoint = sso_login_with_provider::v3::Request::DESCRIPTION;
        endpoint.metadata.history = VersionHistory::new(
            &[],
            &[StablePath {
                selector: StablePathSelector::Version(MatrixVersion::V1_1),
                path: "/_matrix/client/v3/login/sso/{idp_id}/redirect",
            }],
            None,
            None,
        );
        assert_eq!(findings(&endpoint), [(Rule::Path, String::new())]);
    }

    #[test]
    fn a_missing_required_field_is_found() {
        let mut endpoint = get_token();
        endpoint.response.fields = leak(
            endpoint
                .response
                .fields
                .iter()
                .filter(|f| f.name != "login_token")
                .copied()
                .collect(),
        );
        assert_eq!(
            findings(&endpoint),
            [(Rule::MissingField, "response.body.login_token".to_owned())]
        );
    }

    #[test]
    fn a_missing_parameter_is_found() {
        let mut endpoint = sso_login_with_provider::v3::Request::DESCRIPTION;
        endpoint.request.fields = leak(
            endpoint
                .request
                .fields
                .iter()
                .filter(|f| f.name != "redirectUrl")
                .copied()
                .collect(),
        );
        assert_eq!(
            findings(&endpoint),
            [(Rule::MissingField, "request.query.redirectUrl".to_owned())]
        );
    }

    #[test]
    fn an_extra_required_field_is_found() {
        let mut endpoint = get_token();
        let mut fields = endpoint.request.fields.to_vec();
        fields.push(FieldDescription::body("device_id", JsonType::String, true));
        endpoint.request.fields = leak(fields);
        let found = all_findings(&endpoint);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].rule, found[0].subject.as_str()),
            (Rule::ExtraField, "request.body.device_id")
        );
        assert!(found[0].detail.contains("the required field `device_id`"));
    }

    #[test]
    fn an_optional_field_declared_required_is_found() {
        let mut endpoint = get_token();
        let mut fields = endpoint.request.fields.to_vec();
        fields[0].required = true;
        endpoint.request.fields = leak(fields);
        assert_eq!(
            findings(&endpoint),
            [(Rule::Required, "request.body.auth".to_owned())]
        );
    }

    #[test]
    fn a_required_field_declared_optional_is_found() {
        let mut endpoint = get_token();
        let mut fields = endpoint.response.fields.to_vec();
        fields[0].required = false;
        endpoint.response.fields = leak(fields);
        assert_eq!(
            findings(&endpoint),
            [(Rule::Required, "response.body.expires_in_ms".to_owned())]
        );
    }

    #[test]
    fn a_renamed_field_is_missing_and_extra() {
        let mut endpoint = get_token();
        let mut fields = endpoint.response.fields.to_vec();
        fields[0].name = "expires_in".into();
        endpoint.response.fields = leak(fields);
        assert_eq!(
            findings(&endpoint),
            [
                (Rule::MissingField, "response.body.expires_in_ms".to_owned()),
                (Rule::ExtraField, "response.body.expires_in".to_owned()),
            ]
        );
    }

    #[test]
    fn a_wrong_json_type_is_found() {
        let mut endpoint = get_token();
        let mut fields = endpoint.response.fields.to_vec();
        fields[0].json_type = JsonType::String;
        endpoint.response.fields = leak(fields);
        assert_eq!(
            findings(&endpoint),
            [(Rule::JsonType, "response.body.expires_in_ms".to_owned())]
        );
    }

    #[test]
    fn wrong_authentication_is_found() {
        for scheme in [
            AuthScheme::None,
            AuthScheme::AccessTokenOptional,
            AuthScheme::AppserviceToken,
        ] {
            let mut endpoint = get_token();
            endpoint.metadata.authentication = scheme;
            assert_eq!(
                findings(&endpoint),
                [(Rule::Authentication, String::new())],
                "{scheme:?}"
            );
        }
    }

    #[test]
    fn wrong_rate_limiting_is_found() {
        let mut endpoint = get_token();
        endpoint.metadata.rate_limited = false;
        assert_eq!(findings(&endpoint), [(Rule::RateLimited, String::new())]);
    }

    #[test]
    fn a_wrong_first_version_is_found() {
        let mut endpoint = get_token();
        endpoint.metadata.history = VersionHistory::new(
            &[],
            &[StablePath {
                selector: StablePathSelector::Version(MatrixVersion::V1_6),
                path: "/_matrix/client/v1/login/get_token",
            }],
            None,
            None,
        );
        assert_eq!(findings(&endpoint), [(Rule::AddedIn, String::new())]);
    }

    #[test]
    fn a_wrong_status_is_found() {
        let mut endpoint = sso_login_with_provider::v3::Request::DESCRIPTION;
        endpoint.response.status = StatusCode::OK;
        assert_eq!(findings(&endpoint), [(Rule::Status, String::new())]);
    }

    #[test]
    fn a_body_where_the_specification_has_none_is_found() {
        let mut endpoint = sso_login_with_provider::v3::Request::DESCRIPTION;
        endpoint.request.has_body = true;
        assert_eq!(findings(&endpoint), [(Rule::RequestBody, String::new())]);
        let mut endpoint = get_token();
        endpoint.request.has_body = false;
        assert_eq!(findings(&endpoint), [(Rule::RequestBody, String::new())]);
    }

    #[test]
    fn security_requirements_read_as_schemes() {
        let read = |yaml: &str| {
            let value: Value = serde_yaml::from_str(yaml).unwrap();
            spec_authentication(Some(&value))
        };
        assert_eq!(spec_authentication(None), Ok(AuthScheme::None));
        assert_eq!(read("[]"), Ok(AuthScheme::None));
        assert_eq!(
            read("[{accessTokenBearer: []}]"),
            Ok(AuthScheme::AccessToken)
        );
        assert_eq!(
            read("[{}, {accessTokenBearer: []}]"),
            Ok(AuthScheme::AccessTokenOptional)
        );
        assert_eq!(
            read("[{appserviceAccessTokenBearer: []}]"),
            Ok(AuthScheme::AppserviceToken)
        );
        assert!(read("[{oauth: []}]").is_err());
    }
}
