//! One operation standing for several: the specification lists some paths twice, in different
//! files (`POST /rooms/{roomId}/invite` by user ID in `inviting.yaml` and by third-party ID in
//! `third_party_membership.yaml`; `GET /events` in `old_sync.yaml` and `peeking_events.yaml`),
//! and one declaration serves them all, as a server can route a method and path only once.
//!
//! The declaration is compared with their union: every property and parameter of any of them,
//! required only where every one requires it.

use serde_json::{Map, Value};

/// The union of resolved operations (at least one).
pub fn merge_operations(resolved: &[Value]) -> Value {
    let mut merged = resolved[0].clone();
    for other in &resolved[1..] {
        merge_into(&mut merged, other);
    }
    merged
}

fn merge_into(merged: &mut Value, other: &Value) {
    let (Value::Object(merged), Value::Object(other)) = (merged, other) else {
        return;
    };
    // An operation without the tag is older than the tags: the union is as old as its oldest.
    if other.get("x-addedInMatrixVersion") != merged.get("x-addedInMatrixVersion") {
        let older = |op: &Map<String, Value>| op.get("x-addedInMatrixVersion").cloned();
        match (older(merged), older(other)) {
            (Some(ours), Some(theirs)) if version_key(&theirs) < version_key(&ours) => {
                merged.insert("x-addedInMatrixVersion".to_owned(), theirs);
            }
            (Some(_), None) => {
                merged.remove("x-addedInMatrixVersion");
            }
            _ => {}
        }
    }
    // Deprecated only when each is.
    if other.get("deprecated") != Some(&Value::Bool(true)) {
        merged.remove("deprecated");
    }
    merge_parameters(merged, other);
    match (merged.get_mut("requestBody"), other.get("requestBody")) {
        (Some(ours), Some(theirs)) => merge_content(ours, theirs),
        (None, Some(theirs)) => {
            merged.insert("requestBody".to_owned(), theirs.clone());
        }
        _ => {}
    }
    if let Some(Value::Object(theirs)) = other.get("responses") {
        let ours = merged
            .entry("responses")
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(ours) = ours {
            for (status, response) in theirs {
                match ours.get_mut(status) {
                    Some(known) => merge_content(known, response),
                    None => {
                        ours.insert(status.clone(), response.clone());
                    }
                }
            }
        }
    }
}

/// `1.10` after `1.9`.
fn version_key(tag: &Value) -> Vec<u32> {
    let text = tag.as_str().map_or_else(|| tag.to_string(), str::to_owned);
    text.split('.')
        .filter_map(|part| part.parse().ok())
        .collect()
}

/// Parameters by place and name; one present in only some operations is optional.
fn merge_parameters(merged: &mut Map<String, Value>, other: &Map<String, Value>) {
    let key = |param: &Value| {
        (
            param
                .get("in")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned(),
            param
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned(),
        )
    };
    let required = |param: &Value| param.get("required") == Some(&Value::Bool(true));
    let theirs: Vec<Value> = other
        .get("parameters")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let ours = merged
        .entry("parameters")
        .or_insert_with(|| Value::Array(Vec::new()));
    let Value::Array(ours) = ours else { return };
    for param in ours.iter_mut() {
        let counterpart = theirs.iter().find(|t| key(t) == key(param));
        if !counterpart.is_some_and(required) && required(param) {
            param["required"] = Value::Bool(false);
        }
    }
    for param in &theirs {
        if !ours.iter().any(|o| key(o) == key(param)) {
            let mut param = param.clone();
            if required(&param) {
                param["required"] = Value::Bool(false);
            }
            ours.push(param);
        }
    }
}

/// The JSON schemas of a request body or response, united.
fn merge_content(ours: &mut Value, theirs: &Value) {
    const SCHEMA: &str = "/content/application~1json/schema";
    match (ours.pointer_mut(SCHEMA), theirs.pointer(SCHEMA)) {
        (Some(ours), Some(theirs)) => merge_schemas(ours, theirs),
        (None, Some(theirs)) => {
            if let Value::Object(object) = ours {
                let content = object
                    .entry("content")
                    .or_insert_with(|| Value::Object(Map::new()));
                content["application/json"] = serde_json::json!({ "schema": theirs });
            }
        }
        _ => {}
    }
}

/// Properties united; `required` only where both require.
fn merge_schemas(ours: &mut Value, theirs: &Value) {
    let Value::Object(ours) = ours else { return };
    if let Some(Value::Object(properties)) = theirs.get("properties") {
        let known = ours
            .entry("properties")
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(known) = known {
            for (name, schema) in properties {
                known.entry(name.clone()).or_insert_with(|| schema.clone());
            }
        }
    }
    let theirs_required: Vec<&Value> = theirs
        .get("required")
        .and_then(Value::as_array)
        .map(|names| names.iter().collect())
        .unwrap_or_default();
    if let Some(Value::Array(required)) = ours.get_mut("required") {
        required.retain(|name| theirs_required.contains(&name));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_union_requires_only_what_every_operation_requires() {
        let by_user = json!({
            "x-addedInMatrixVersion": "1.1",
            "parameters": [{ "in": "path", "name": "roomId", "required": true }],
            "requestBody": { "content": { "application/json": { "schema": {
                "properties": { "user_id": {}, "reason": {} }, "required": ["user_id"]
            }}}},
            "responses": { "200": {}, "403": {} }
        });
        let by_3pid = json!({
            "deprecated": true,
            "parameters": [
                { "in": "path", "name": "roomId", "required": true },
                { "in": "query", "name": "extra", "required": true }
            ],
            "requestBody": { "content": { "application/json": { "schema": {
                "properties": { "medium": {}, "address": {} }, "required": ["medium", "address"]
            }}}},
            "responses": { "200": {}, "429": {} }
        });
        let merged = merge_operations(&[by_user, by_3pid]);
        let schema = merged
            .pointer("/requestBody/content/application~1json/schema")
            .unwrap();
        let names: Vec<&String> = schema["properties"].as_object().unwrap().keys().collect();
        assert_eq!(names, ["address", "medium", "reason", "user_id"]);
        assert_eq!(schema["required"], json!([]));
        assert_eq!(
            merged["parameters"],
            json!([
                { "in": "path", "name": "roomId", "required": true },
                { "in": "query", "name": "extra", "required": false }
            ])
        );
        let statuses: Vec<&String> = merged["responses"].as_object().unwrap().keys().collect();
        assert_eq!(statuses, ["200", "403", "429"]);
        // The untagged one is the older; only one is deprecated.
        assert!(merged.get("x-addedInMatrixVersion").is_none());
        assert!(merged.get("deprecated").is_none());
    }

    #[test]
    fn one_operation_is_itself() {
        let op = json!({ "deprecated": true, "x-addedInMatrixVersion": "1.4" });
        assert_eq!(merge_operations(std::slice::from_ref(&op)), op);
    }
}
