//! The descriptions the macros give this crate's endpoints (cargo feature `describe`), and the
//! OpenAPI document written from them.

#![cfg(feature = "describe")]

use http::StatusCode;
use matrix_api::describe::{openapi, Describe, FieldDescription, JsonType, Location, WireName};
use matrix_client_api::session::{get_login_token, login, sso_login_with_provider};
use serde_json::json;

#[test]
fn get_login_token_is_described_from_its_declaration() {
    let description = get_login_token::v1::Request::DESCRIPTION;
    // Declared in the part crate of the session groups; the list of every endpoint names it by
    // the path it is used by.
    assert_eq!(
        description.module,
        "matrix_client_api_session::session::get_login_token::v1"
    );
    let listed = matrix_client_api::descriptions();
    let listed = listed
        .iter()
        .find(|d| d.metadata.history.canonical_path() == "/_matrix/client/v1/login/get_token")
        .unwrap();
    assert_eq!(
        listed.module,
        "matrix_client_api::session::get_login_token::v1"
    );
    assert_eq!(description.metadata.method, http::Method::POST);
    assert!(description.request.has_body);
    assert_eq!(
        description.request.fields,
        [FieldDescription {
            field: "auth",
            name: WireName::new("auth"),
            location: Location::Body,
            json_type: JsonType::Object,
            required: false,
            deprecated: false,
        }]
    );
    let response: Vec<_> = description
        .response
        .fields
        .iter()
        .map(|f| (f.field, f.name.as_str(), f.json_type, f.required))
        .collect();
    assert_eq!(
        response,
        [
            ("expires_in", "expires_in_ms", JsonType::Integer, true),
            ("login_token", "login_token", JsonType::String, true),
        ]
    );
}

#[test]
fn login_spreads_its_flattened_login_info() {
    let fields = login::v3::Request::DESCRIPTION.request.fields;
    let names: Vec<_> = fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "type",
            "identifier",
            "password",
            "token",
            "user",
            "medium",
            "address",
            "device_id",
            "initial_device_display_name",
            "refresh_token"
        ]
    );
    assert!(fields.iter().take(7).all(|f| f.field == "login_info"));
    assert_eq!(fields.iter().filter(|f| f.required).count(), 1);
    assert_eq!(fields.iter().filter(|f| f.deprecated).count(), 3);
}

#[test]
fn path_query_and_header_fields() {
    let description = sso_login_with_provider::v3::Request::DESCRIPTION;
    let request: Vec<_> = description
        .request
        .fields
        .iter()
        .map(|f| (f.name.as_str(), f.location, f.json_type, f.required))
        .collect();
    assert_eq!(
        request,
        [
            ("idp_id", Location::Path, JsonType::String, true),
            ("redirectUrl", Location::Query, JsonType::String, true),
            ("action", Location::Query, JsonType::String, false),
        ]
    );
    assert!(!description.request.has_body);
    assert_eq!(description.response.status, StatusCode::FOUND);
    assert_eq!(description.response.fields[0].location, Location::Header);
    assert_eq!(description.response.fields[0].name, "location");
}

#[test]
fn openapi_lists_every_path_with_its_history() {
    let document = openapi("test", "0", &matrix_client_api::descriptions());
    let paths = document["paths"].as_object().unwrap();
    let r0 = &paths["/_matrix/client/unstable/org.matrix.msc3882/login/token"]["post"];
    assert_eq!(r0["x-unstable"], true);
    assert_eq!(r0["x-unstableFeature"], "org.matrix.msc3882");
    assert_eq!(
        r0["operationId"],
        "session.get_login_token.v1.unstable.org.matrix.msc3882"
    );
    assert!(r0.get("x-requiresCapability").is_none());
    let r1 = &paths["/_matrix/client/unstable/org.matrix.msc3882/login/get_token"]["post"];
    assert_eq!(
        r1["operationId"],
        "session.get_login_token.v1.unstable.org.matrix.msc3882.get_login_token"
    );
    let stable = &paths["/_matrix/client/v1/login/get_token"]["post"];
    assert_eq!(stable["x-requiresCapability"], "m.get_login_token");
    assert_eq!(stable["x-addedInMatrixVersion"], "1.7");
    assert_eq!(stable["tags"], json!(["session"]));
    assert_eq!(stable["operationId"], "session.get_login_token.v1");
    assert_eq!(stable["security"], json!([{ "accessTokenBearer": [] }]));
    assert!(stable["responses"]["429"].is_object());
    let r0 = &paths["/_matrix/client/r0/login"];
    assert_eq!(r0["post"]["x-supersededInMatrixVersion"], "1.1");
    assert_eq!(r0["get"]["x-addedInMatrixVersion"], "1.0");
    let login = &paths["/_matrix/client/v3/login"]["post"];
    assert_eq!(
        login["requestBody"]["content"]["application/json"]["schema"]["required"],
        json!(["type"])
    );
    assert_eq!(
        login["security"],
        json!([{}, { "appserviceAccessTokenBearer": [] }])
    );
    let sso = &paths["/_matrix/client/v3/login/sso/redirect/{idp_id}"]["get"];
    assert_eq!(
        sso["parameters"][0],
        json!({ "name": "idp_id", "in": "path", "required": true, "schema": { "type": "string" } })
    );
    assert_eq!(
        sso["responses"]["302"]["headers"]["location"]["required"],
        true
    );
    // Authenticated media names the unauthenticated endpoint it replaced, which stays listed
    // as an endpoint of its own.
    let download = &paths["/_matrix/client/v1/media/download/{server_name}/{media_id}"]["get"];
    assert_eq!(
        download["x-replaces"],
        json!([
            "/_matrix/media/r0/download/{server_name}/{media_id}",
            "/_matrix/media/v3/download/{server_name}/{media_id}"
        ])
    );
    let legacy = &paths["/_matrix/media/v3/download/{server_name}/{media_id}"]["get"];
    assert!(legacy.get("x-replaces").is_none());
    assert_eq!(legacy["x-deprecatedInMatrixVersion"], "1.11");
    let logout = &paths["/_matrix/client/v3/logout"]["post"];
    assert!(logout.get("requestBody").is_none());
    // Operation IDs are unique.
    let mut ids: Vec<_> = paths
        .values()
        .flat_map(|item| item.as_object().unwrap().values())
        .map(|op| op["operationId"].as_str().unwrap().to_owned())
        .collect();
    let count = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), count);
}
