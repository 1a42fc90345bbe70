//! What a command prints: progress lines for people, or, with `--json`, exactly one JSON object
//! on stdout for scripts (the result, with the steps inside it), progress going to stderr.

use std::process::ExitCode;

use serde_json::{json, Map, Value};

/// Reports each step of a command, and its result at the end.
pub struct Reporter {
    json: bool,
    total: usize,
    done: usize,
    /// The steps so far, for the JSON object.
    steps: Vec<Value>,
}

impl Reporter {
    /// A reporter for a command of `total` steps.
    pub fn new(json: bool, total: usize) -> Self {
        Reporter {
            json,
            total,
            done: 0,
            steps: Vec::new(),
        }
    }

    /// Whether the output is one JSON object.
    pub fn is_json(&self) -> bool {
        self.json
    }

    /// Prints a line for people: on stdout, or on stderr when stdout is kept for the JSON.
    pub fn line(&self, line: &str) {
        if self.json {
            eprintln!("{line}");
        } else {
            println!("{line}");
        }
    }

    /// Reports a finished step: a one-line summary for people, and `data` for scripts.
    pub fn step(&mut self, name: &str, summary: &str, data: Value) {
        self.done += 1;
        self.line(&format!("[{}/{}] {name}: {summary}", self.done, self.total));
        self.steps
            .push(json!({ "step": self.done, "name": name, "ok": true, "data": data }));
    }

    /// Reports a detail line under the current step (people only; scripts read `data`).
    pub fn detail(&self, line: &str) {
        self.line(&format!("      {line}"));
    }

    /// Reports a failed step.
    pub fn fail(&mut self, name: &str, error: &str) {
        self.done += 1;
        self.line(&format!(
            "[{}/{}] {name}: FAILED: {error}",
            self.done, self.total
        ));
        self.steps
            .push(json!({ "step": self.done, "name": name, "ok": false, "error": error }));
    }

    /// Ends the command. With `--json`, prints its one object: `ok`, the result's fields (or
    /// `error`) and `steps`. For people, an error goes to stderr. A failure exits non-zero.
    pub fn finish(self, result: Result<Value, String>) -> ExitCode {
        let code = if result.is_ok() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        };
        if self.json {
            let mut object = Map::new();
            object.insert("ok".to_owned(), Value::Bool(result.is_ok()));
            match result {
                Ok(Value::Object(fields)) => object.extend(fields),
                Ok(Value::Null) => {}
                Ok(other) => {
                    object.insert("result".to_owned(), other);
                }
                Err(error) => {
                    object.insert("error".to_owned(), Value::String(error));
                }
            }
            object.insert("steps".to_owned(), Value::Array(self.steps));
            println!("{}", Value::Object(object));
        } else if let Err(error) = result {
            eprintln!("error: {error}");
        }
        code
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_kept_for_the_one_object() {
        let mut out = Reporter::new(true, 2);
        out.step("first", "ok", json!({ "a": 1 }));
        out.fail("second", "boom");
        assert_eq!(out.steps.len(), 2);
        assert_eq!(out.steps[0]["data"]["a"], 1);
        assert_eq!(out.steps[1]["ok"], false);
        assert_eq!(out.steps[1]["error"], "boom");
    }
}
