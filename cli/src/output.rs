//! Progress lines for people, or one JSON object per line for scripts.

use serde_json::{json, Value};

/// Prints each step of a command.
pub struct Reporter {
    json: bool,
    total: usize,
    done: usize,
}

impl Reporter {
    /// A reporter for a command of `total` steps.
    pub fn new(json: bool, total: usize) -> Self {
        Reporter {
            json,
            total,
            done: 0,
        }
    }

    /// Reports a finished step: a one-line summary for people, and `data` for scripts.
    pub fn step(&mut self, name: &str, summary: &str, data: Value) {
        self.done += 1;
        if self.json {
            println!(
                "{}",
                json!({ "step": self.done, "name": name, "ok": true, "data": data })
            );
        } else {
            println!("[{}/{}] {name}: {summary}", self.done, self.total);
        }
    }

    /// Reports a detail line under the current step (people only; scripts read `data`).
    pub fn detail(&self, line: &str) {
        if !self.json {
            println!("      {line}");
        }
    }

    /// Reports a failed step.
    pub fn fail(&mut self, name: &str, error: &str) {
        self.done += 1;
        if self.json {
            println!(
                "{}",
                json!({ "step": self.done, "name": name, "ok": false, "error": error })
            );
        } else {
            println!("[{}/{}] {name}: FAILED: {error}", self.done, self.total);
        }
    }
}
