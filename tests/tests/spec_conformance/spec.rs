//! The specification's OpenAPI files: loading them, finding an operation by method and path, and
//! resolving `$ref` (to other files, and `#/...` pointers) and `allOf`.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use serde_json::{Map, Value};

/// The key of what a `$ref` to a file outside this copy of the specification reads as: an
/// object with only this key, a schema of any value.
pub const OUTSIDE_THE_COPY: &str = "x-outside-this-copy";

/// Every YAML file of a directory of OpenAPI files, parsed, and the operations they declare.
pub struct Spec {
    /// Each file by its path relative to the directory (`definitions/errors/error.yaml`), or
    /// why it could not be read.
    files: BTreeMap<PathBuf, Result<Value, String>>,
    operations: Vec<Operation>,
    /// The directory's own name (`client-server`): a `$ref` that leaves the directory and comes
    /// back into it (`../client-server/definitions/…`, as `account-data.yaml` writes) points to
    /// one of its files.
    root_name: Option<PathBuf>,
}

/// One operation: a method at a path.
#[derive(Clone, Debug)]
pub struct Operation {
    /// The file that declares it.
    pub file: PathBuf,
    /// The full path: the file's `basePath` and the path's key, such as
    /// `/_matrix/client/v3/login/sso/redirect/{idpId}`.
    pub path: String,
    /// `get`, `post`, …
    pub method: String,
    /// The operation object, with the path item's own `parameters` added to its own; `$ref`s
    /// not resolved.
    pub value: Value,
}

impl Operation {
    /// `POST /_matrix/client/v3/login (login.yaml)`, for messages.
    pub fn name(&self) -> String {
        format!(
            "{} {} ({})",
            self.method.to_ascii_uppercase(),
            self.path,
            self.file.display()
        )
    }
}

/// A path with its parameters' names erased, so that `{idp_id}` and `{idpId}` compare equal.
pub fn path_shape(path: &str) -> String {
    let mut shape = String::with_capacity(path.len());
    let mut in_param = false;
    for c in path.chars() {
        match c {
            '{' => {
                in_param = true;
                shape.push_str("{}");
            }
            '}' => in_param = false,
            _ if in_param => {}
            c => shape.push(c),
        }
    }
    shape
}

/// The `{name}`s of a path template, in order.
pub fn path_params(path: &str) -> Vec<&str> {
    path.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}

/// Where the event schemas are, relative to the client-server API's directory.
const EVENT_SCHEMAS: &str = "../../event-schemas";

const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

impl Spec {
    /// Reads every `*.yaml` under `dir` (recursively). A file that does not parse is an error
    /// only when something refers to it.
    pub fn load(dir: &Path) -> Result<Spec, String> {
        let mut files = Vec::new();
        collect_yaml(dir, dir, &mut files)
            .map_err(|err| format!("cannot read {}: {err}", dir.display()))?;
        if files.is_empty() {
            return Err(format!("no YAML files in {}", dir.display()));
        }
        // The event schemas live beside the API directories (`data/event-schemas`), and the
        // API files refer to them as `../../event-schemas/…`: read them by that path too.
        let events = Path::new(EVENT_SCHEMAS);
        if dir.join(events).is_dir() {
            let mut schemas = Vec::new();
            collect_yaml(&dir.join(events), &dir.join(events), &mut schemas)
                .map_err(|err| format!("cannot read {}: {err}", events.display()))?;
            files.extend(schemas.into_iter().map(|relative| events.join(relative)));
        }
        let texts = files.into_iter().map(|relative| {
            let text = std::fs::read_to_string(dir.join(&relative))
                .map_err(|err| format!("cannot read {}: {err}", relative.display()));
            (relative, text)
        });
        let mut spec = Spec::from_texts(texts);
        spec.root_name = dir.file_name().map(PathBuf::from);
        Ok(spec)
    }

    /// A spec made of these files, given as text by relative path; for tests.
    pub fn from_files<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Spec {
        Spec::from_texts(
            files
                .into_iter()
                .map(|(path, text)| (PathBuf::from(path), Ok(text.to_owned()))),
        )
    }

    fn from_texts(texts: impl IntoIterator<Item = (PathBuf, Result<String, String>)>) -> Spec {
        let files: BTreeMap<PathBuf, Result<Value, String>> = texts
            .into_iter()
            .map(|(path, text)| {
                let value = text.and_then(|text| {
                    serde_yaml::from_str::<serde_yaml::Value>(&text)
                        .map(yaml_to_json)
                        .map_err(|err| format!("{}: {err}", path.display()))
                });
                (path, value)
            })
            .collect();
        let mut operations = Vec::new();
        for (file, value) in &files {
            let Ok(value) = value else { continue };
            let Some(paths) = value.get("paths").and_then(Value::as_object) else {
                continue;
            };
            let base = value
                .pointer("/servers/0/variables/basePath/default")
                .and_then(Value::as_str)
                .unwrap_or("");
            for (key, item) in paths {
                let shared_parameters = item.get("parameters").and_then(Value::as_array);
                for method in METHODS {
                    let Some(operation) = item.get(*method) else {
                        continue;
                    };
                    let mut operation = operation.clone();
                    if let Some(shared) = shared_parameters {
                        let own = operation
                            .as_object_mut()
                            .expect("operations are objects")
                            .entry("parameters")
                            .or_insert_with(|| Value::Array(Vec::new()));
                        if let Value::Array(own) = own {
                            own.extend(shared.iter().cloned());
                        }
                    }
                    operations.push(Operation {
                        file: file.clone(),
                        // A second operation on a path the specification already lists is
                        // written with a trailing space to keep the YAML keys apart
                        // (`"/events "` for peeking, `"/rooms/{roomId}/invite "` for 3PID
                        // invites): it is the same path.
                        path: format!("{base}{}", key.trim_end()),
                        method: (*method).to_owned(),
                        value: operation,
                    });
                }
            }
        }
        Spec {
            files,
            operations,
            root_name: None,
        }
    }

    /// The operations at this path, whatever their parameters are called.
    pub fn operations_at(&self, path: &str) -> Vec<&Operation> {
        let shape = path_shape(path);
        self.operations
            .iter()
            .filter(|op| path_shape(&op.path) == shape)
            .collect()
    }

    /// Every operation, for suggestions.
    pub fn operations(&self) -> &[Operation] {
        &self.operations
    }

    /// `value`, found in `file`, with every `$ref` replaced by what it points to and every
    /// `allOf` merged into one schema. Example values are left as written.
    pub fn resolve(&self, value: &Value, file: &Path) -> Result<Value, String> {
        self.resolve_at(value, file, 0)
    }

    fn resolve_at(&self, value: &Value, file: &Path, depth: usize) -> Result<Value, String> {
        if depth > 48 {
            return Err(format!(
                "`$ref`s nest too deep (a cycle?) in {}",
                file.display()
            ));
        }
        match value {
            Value::Object(object) => {
                if let Some(reference) = object.get("$ref").and_then(Value::as_str) {
                    let (target, target_file) = self.follow(reference, file)?;
                    let mut resolved = self.resolve_at(&target, &target_file, depth + 1)?;
                    // Keys beside a `$ref` (a `description`, say) add to what it points to.
                    if let Value::Object(resolved) = &mut resolved {
                        for (key, sibling) in object.iter().filter(|(k, _)| *k != "$ref") {
                            let sibling = self.resolve_at(sibling, file, depth + 1)?;
                            resolved.insert(key.clone(), sibling);
                        }
                    }
                    return Ok(resolved);
                }
                let mut resolved = Map::new();
                for (key, child) in object {
                    let child = match (key.as_str(), child) {
                        // An example is data: a `$ref` in it is a key like any other.
                        ("example", _) => child.clone(),
                        ("examples", Value::Object(examples)) => {
                            self.resolve_examples(examples, file, depth)?
                        }
                        // JSON Schema's own `examples` is a list of values.
                        ("examples", _) => child.clone(),
                        _ => self.resolve_at(child, file, depth + 1)?,
                    };
                    resolved.insert(key.clone(), child);
                }
                if let Some(Value::Array(parts)) = resolved.remove("allOf") {
                    let mut merged = Value::Object(resolved);
                    for part in &parts {
                        merge_schema(&mut merged, part);
                    }
                    return Ok(merged);
                }
                Ok(Value::Object(resolved))
            }
            Value::Array(items) => items
                .iter()
                .map(|item| self.resolve_at(item, file, depth + 1))
                .collect::<Result<Vec<_>, _>>()
                .map(Value::Array),
            other => Ok(other.clone()),
        }
    }

    /// An operation's `examples`: each entry, or what its `$ref` points to, with its `value`
    /// as written.
    fn resolve_examples(
        &self,
        examples: &Map<String, Value>,
        file: &Path,
        depth: usize,
    ) -> Result<Value, String> {
        let mut resolved = Map::new();
        for (name, example) in examples {
            let mut example = example.clone();
            let mut current = file.to_path_buf();
            let mut hops = 0;
            while let Some(reference) = example.get("$ref").and_then(Value::as_str) {
                hops += 1;
                if depth + hops > 48 {
                    return Err(format!("example `{name}`: `$ref`s nest too deep"));
                }
                (example, current) = self.follow(reference, &current)?;
            }
            resolved.insert(name.clone(), example);
        }
        Ok(Value::Object(resolved))
    }

    /// What a `$ref` written in `file` points to, and the file it is in.
    fn follow(&self, reference: &str, file: &Path) -> Result<(Value, PathBuf), String> {
        let (target_file, pointer) = match reference.split_once('#') {
            Some((path, pointer)) => (path, pointer),
            None => (reference, ""),
        };
        let target_file = if target_file.is_empty() {
            file.to_path_buf()
        } else {
            normalise(&file.parent().unwrap_or(Path::new("")).join(target_file))
        };
        let target_file = match (&self.root_name, target_file.strip_prefix("..")) {
            (Some(root), Ok(outside)) => outside
                .strip_prefix(root)
                .map(Path::to_path_buf)
                .unwrap_or(target_file),
            _ => target_file,
        };
        let document = match self.files.get(&target_file) {
            Some(Ok(document)) => document,
            Some(Err(err)) => return Err(err.clone()),
            // A copy of the specification with `data/api` only has no event schemas, which the
            // API files name (`../../event-schemas/…`) for events and their examples: what is
            // there is read as any value, as our types keep events as raw JSON anyway.
            None if target_file.starts_with("..") => {
                return Ok((
                    serde_json::json!({ OUTSIDE_THE_COPY: reference }),
                    target_file,
                ))
            }
            None => {
                return Err(format!(
                    "`$ref: {reference}` in {}: no file {}",
                    file.display(),
                    target_file.display()
                ))
            }
        };
        let target = if pointer.is_empty() {
            document
        } else {
            document.pointer(pointer).ok_or_else(|| {
                format!(
                    "`$ref: {reference}` in {}: nothing at `{pointer}`",
                    file.display()
                )
            })?
        };
        Ok((target.clone(), target_file))
    }
}

/// Folds one `allOf` member into the schema built so far: properties and `required` are
/// united; any other key is taken where the schema does not have it yet.
pub fn merge_schema(into: &mut Value, part: &Value) {
    let (Value::Object(into), Value::Object(part)) = (into, part) else {
        return;
    };
    for (key, value) in part {
        match (key.as_str(), into.get_mut(key)) {
            ("properties", Some(Value::Object(existing))) => {
                if let Value::Object(properties) = value {
                    for (name, schema) in properties {
                        match existing.get_mut(name) {
                            Some(known) => merge_schema(known, schema),
                            None => {
                                existing.insert(name.clone(), schema.clone());
                            }
                        }
                    }
                }
            }
            ("required", Some(Value::Array(existing))) => {
                if let Value::Array(required) = value {
                    for name in required {
                        if !existing.contains(name) {
                            existing.push(name.clone());
                        }
                    }
                }
            }
            (_, Some(_)) => {}
            (_, None) => {
                into.insert(key.clone(), value.clone());
            }
        }
    }
}

fn collect_yaml(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|entry| entry.path());
    for entry in entries {
        let path = entry.path();
        if path.is_dir() {
            collect_yaml(root, &path, out)?;
        } else if path
            .extension()
            .is_some_and(|ext| ext == "yaml" || ext == "yml")
        {
            out.push(path.strip_prefix(root).expect("under root").to_path_buf());
        }
    }
    Ok(())
}

/// `a/b/../c.yaml` → `a/c.yaml`, without touching the file system.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            // `..` climbs out of a name, but adds to the `..`s that lead out of the root.
            Component::ParentDir => match out.components().next_back() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                _ => out.push(".."),
            },
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// YAML to JSON; keys that are not strings (`200:` unquoted) become their text.
fn yaml_to_json(value: serde_yaml::Value) -> Value {
    use serde_yaml::Value as Yaml;
    match value {
        Yaml::Null => Value::Null,
        Yaml::Bool(b) => Value::Bool(b),
        Yaml::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::from(i)
            } else if let Some(u) = n.as_u64() {
                Value::from(u)
            } else {
                n.as_f64().map_or(Value::Null, Value::from)
            }
        }
        Yaml::String(s) => Value::String(s),
        Yaml::Sequence(items) => Value::Array(items.into_iter().map(yaml_to_json).collect()),
        Yaml::Mapping(mapping) => Value::Object(
            mapping
                .into_iter()
                .map(|(key, value)| {
                    let key = match key {
                        Yaml::String(s) => s,
                        Yaml::Bool(b) => b.to_string(),
                        Yaml::Number(n) => n.to_string(),
                        other => serde_yaml::to_string(&other)
                            .unwrap_or_default()
                            .trim()
                            .to_owned(),
                    };
                    (key, yaml_to_json(value))
                })
                .collect(),
        ),
        Yaml::Tagged(tagged) => yaml_to_json(tagged.value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const API: &str = r#"
openapi: 3.1.0
paths:
  "/thing/{thingId}":
    parameters:
      - in: path
        name: thingId
        required: true
        schema: { type: string }
    post:
      requestBody:
        content:
          application/json:
            schema:
              allOf:
                - $ref: definitions/base.yaml
                - type: object
                  properties:
                    extra: { type: integer }
                  required: [extra]
              example: { "$ref": "not resolved in an example" }
      responses:
        "200":
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/answer'
              examples:
                response:
                  value: { "answer": 42 }
servers:
  - url: "{basePath}"
    variables:
      basePath:
        default: /_matrix/client/v3
components:
  schemas:
    answer:
      type: object
      properties:
        answer: { type: integer }
"#;
    const BASE: &str = r#"
type: object
properties:
  name:
    $ref: ../definitions/./name.yaml
required: [name]
"#;
    const NAME: &str = "type: string\n";

    fn spec() -> Spec {
        Spec::from_files([
            ("thing.yaml", API),
            ("definitions/base.yaml", BASE),
            ("definitions/name.yaml", NAME),
        ])
    }

    #[test]
    fn finds_operations_by_path_shape() {
        let spec = spec();
        let found = spec.operations_at("/_matrix/client/v3/thing/{thing_id}");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].method, "post");
        assert_eq!(found[0].path, "/_matrix/client/v3/thing/{thingId}");
        // The path item's parameters belong to each of its operations.
        assert_eq!(found[0].value["parameters"][0]["name"], "thingId");
        assert!(spec.operations_at("/_matrix/client/v3/thing").is_empty());
    }

    #[test]
    fn a_path_written_with_a_trailing_space_is_the_same_path() {
        let other = "paths:\n  \"/thing/{id} \":\n    get: {}\n";
        let spec = Spec::from_files([("thing.yaml", API), ("other.yaml", other)]);
        let found = spec.operations_at("/thing/{id}");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].path, "/thing/{id}");
    }

    #[test]
    fn resolves_refs_and_all_of() {
        let spec = spec();
        let operation = &spec.operations_at("/_matrix/client/v3/thing/{x}")[0];
        let resolved = spec
            .resolve(&operation.value, &operation.file)
            .expect("resolves");
        let schema = &resolved["requestBody"]["content"]["application/json"]["schema"];
        assert_eq!(schema["type"], "object");
        assert_eq!(schema["properties"]["name"], json!({ "type": "string" }));
        assert_eq!(schema["properties"]["extra"], json!({ "type": "integer" }));
        assert_eq!(schema["required"], json!(["name", "extra"]));
        assert_eq!(
            schema["example"],
            json!({ "$ref": "not resolved in an example" })
        );
        let answer = &resolved["responses"]["200"]["content"]["application/json"];
        assert_eq!(answer["schema"]["properties"]["answer"]["type"], "integer");
        assert_eq!(
            answer["examples"]["response"]["value"],
            json!({ "answer": 42 })
        );
    }

    #[test]
    fn a_dangling_ref_is_an_error() {
        let spec = Spec::from_files([("a.yaml", "x:\n  $ref: missing.yaml\n")]);
        let file = Path::new("a.yaml");
        let err = spec
            .resolve(&json!({ "$ref": "missing.yaml" }), file)
            .unwrap_err();
        assert!(err.contains("no file missing.yaml"), "{err}");
    }

    #[test]
    fn a_ref_through_the_directory_s_own_name_stays_inside() {
        let mut spec = Spec::from_files([("definitions/e.yaml", "type: object\n")]);
        spec.root_name = Some(PathBuf::from("client-server"));
        let reference = json!({ "$ref": "../client-server/definitions/e.yaml" });
        let resolved = spec.resolve(&reference, Path::new("a.yaml")).unwrap();
        assert_eq!(resolved, json!({ "type": "object" }));
        // Another directory's file of the same name is not this one.
        let elsewhere = json!({ "$ref": "../other/definitions/e.yaml" });
        let resolved = spec.resolve(&elsewhere, Path::new("a.yaml")).unwrap();
        assert_ne!(resolved, json!({ "type": "object" }));
    }

    #[test]
    fn a_ref_out_of_the_copy_reads_as_any_value() {
        let spec = Spec::from_files([("a.yaml", "x: 1\n")]);
        let reference = "../../event-schemas/schema/core-event-schema/stripped_state.yaml";
        let resolved = spec
            .resolve(
                &json!({ "items": { "$ref": reference } }),
                Path::new("a.yaml"),
            )
            .unwrap();
        assert_eq!(
            resolved,
            json!({ "items": { OUTSIDE_THE_COPY: reference } })
        );
    }

    #[test]
    fn references_out_of_the_directory_keep_their_way_out() {
        assert_eq!(
            normalise(Path::new(
                "definitions/../../../event-schemas/schema/event.yaml"
            )),
            Path::new("../../event-schemas/schema/event.yaml")
        );
        assert_eq!(
            normalise(Path::new("a/./b/../c.yaml")),
            Path::new("a/c.yaml")
        );
        let spec = Spec::from_files([
            ("x.yaml", "s:\n  $ref: ../../event-schemas/e.yaml\n"),
            ("../../event-schemas/e.yaml", "type: object\n"),
        ]);
        let resolved = spec
            .resolve(
                &json!({ "$ref": "../../../event-schemas/e.yaml" }),
                Path::new("definitions/batch.yaml"),
            )
            .unwrap();
        assert_eq!(resolved, json!({ "type": "object" }));
    }

    #[test]
    fn path_shapes_ignore_parameter_names() {
        assert_eq!(path_shape("/a/{idp_id}/b"), path_shape("/a/{idpId}/b"));
        assert_eq!(path_params("/a/{x}/b/{y}"), ["x", "y"]);
    }
}
