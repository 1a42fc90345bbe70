//! The path and query a request example is sent on: the declaration's newest stable path with
//! each parameter filled in from the specification's own example of it, and the required
//! query parameters likewise, so that an example is read the way a server would receive it.

use matrix_api::describe::EndpointDescription;
use serde_json::Value;

use crate::checker::newest_stable_path;
use crate::spec::{path_params, Operation};

/// `/_matrix/client/v3/rooms/%21636q39766251%3Aexample.com/invite`, say.
pub fn request_target(
    endpoint: &EndpointDescription,
    operation: &Operation,
    resolved: &Value,
) -> String {
    let ours = newest_stable_path(endpoint).unwrap_or_default();
    let parameters: Vec<Value> = resolved
        .get("parameters")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let find = |place: &str, name: &str| {
        parameters.iter().find(|p| {
            p.get("in").and_then(Value::as_str) == Some(place)
                && p.get("name").and_then(Value::as_str) == Some(name)
        })
    };
    // Our names and the specification's differ (`room_id`, `roomId`): by position.
    let mut path = ours.to_owned();
    for (ours, theirs) in path_params(ours)
        .into_iter()
        .zip(path_params(&operation.path))
    {
        let value = find("path", theirs)
            .and_then(example)
            .unwrap_or_else(|| stand_in(theirs));
        path = path.replace(&format!("{{{ours}}}"), &encode(&value));
    }
    let query: Vec<String> = parameters
        .iter()
        .filter(|p| p.get("in").and_then(Value::as_str) == Some("query"))
        .filter(|p| p.get("required") == Some(&Value::Bool(true)))
        .filter_map(|p| {
            let name = p.get("name").and_then(Value::as_str)?;
            let value = example(p).unwrap_or_else(|| stand_in(name));
            Some(format!("{}={}", encode(name), encode(&value)))
        })
        .collect();
    if query.is_empty() {
        path
    } else {
        format!("{path}?{}", query.join("&"))
    }
}

/// A parameter's example as text: its own `example`, or its schema's.
fn example(parameter: &Value) -> Option<String> {
    let value = parameter
        .get("example")
        .or_else(|| parameter.pointer("/schema/example"))?;
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(_) | Value::Bool(_) => Some(value.to_string()),
        _ => None,
    }
}

/// A value of the kind the name asks for, for a parameter the specification gives no example.
fn stand_in(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    let value = match lower.as_str() {
        n if n.contains("roomidoralias") => "!room:example.org",
        n if n.contains("roomid") => "!room:example.org",
        n if n.contains("alias") => "#room:example.org",
        n if n.contains("eventid") => "$event:example.org",
        n if n.contains("userid") => "@user:example.org",
        n if n.contains("servername") => "example.org",
        _ => "x",
    };
    value.to_owned()
}

/// Percent-encodes everything but the unreserved characters.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreserved_characters_stay_and_others_are_escaped() {
        assert_eq!(encode("!a:b.c~d_e-f"), "%21a%3Ab.c~d_e-f");
        assert_eq!(encode("é "), "%C3%A9%20");
    }

    #[test]
    fn stand_ins_fit_the_parameter() {
        assert_eq!(stand_in("roomIdOrAlias"), "!room:example.org");
        assert_eq!(stand_in("roomAlias"), "#room:example.org");
        assert_eq!(stand_in("eventId"), "$event:example.org");
        assert_eq!(stand_in("txnId"), "x");
    }
}
