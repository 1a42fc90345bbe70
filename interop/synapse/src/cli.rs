//! The `matrix-login` binary, run as a process the way a user or a script runs it. Its `--json`
//! output is a contract of its own (scripts read `decision.chosen.path`, `gate.state`, …), so
//! the decision steps check what the binary prints, not the library calls beneath it, which
//! the session steps already exercise in process.
//!
//! Also Synapse's access log: the one witness outside our code of which path a request took,
//! and whether a request was sent at all.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use serde_json::Value;
use tokio::io::AsyncWriteExt;
use tokio::process::Command;

/// How long one command may take. It makes a handful of requests to a server on loopback; a
/// hang must become a FAIL line, not a stuck run.
const TIMEOUT: Duration = Duration::from_secs(60);

/// The `matrix-login` binary.
pub struct MatrixLogin {
    path: PathBuf,
}

/// What one run of the binary gave.
pub struct Run {
    /// The exit code (`None` if a signal ended it).
    pub code: Option<i32>,
    /// The one JSON object it printed on stdout.
    pub json: Value,
}

impl MatrixLogin {
    /// The binary named by `MATRIX_LOGIN_BIN` (scripts/interop-synapse.sh builds it and sets
    /// this), else `matrix-login` beside this binary, where cargo puts both.
    pub fn locate() -> Result<Self, String> {
        let path = match std::env::var_os("MATRIX_LOGIN_BIN") {
            Some(path) => PathBuf::from(path),
            None => std::env::current_exe()
                .map_err(|e| format!("where am I: {e}"))?
                .with_file_name(format!("matrix-login{}", std::env::consts::EXE_SUFFIX)),
        };
        if !path.is_file() {
            return Err(format!(
                "no matrix-login binary at {} (build it with `cargo build -p matrix-login`, or \
                 set MATRIX_LOGIN_BIN)",
                path.display()
            ));
        }
        Ok(MatrixLogin { path })
    }

    /// Where the binary is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `matrix-login ARGS` with `stdin` as its standard input, and reads the JSON object
    /// it prints (callers pass `--json`). `MATRIX_ACCESS_TOKEN` is removed from its
    /// environment, so that a token in ours cannot turn a run meant to have none into one with.
    pub async fn run(&self, args: &[&str], stdin: Option<&str>) -> Result<Run, String> {
        let shown = self.shown(args);
        let mut child = Command::new(&self.path)
            .args(args)
            .env_remove("MATRIX_ACCESS_TOKEN")
            .stdin(if stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| format!("{shown}: cannot start: {e}"))?;
        if let (Some(text), Some(mut input)) = (stdin, child.stdin.take()) {
            input
                .write_all(format!("{text}\n").as_bytes())
                .await
                .map_err(|e| format!("{shown}: writing stdin: {e}"))?;
        }
        let output = tokio::time::timeout(TIMEOUT, child.wait_with_output())
            .await
            .map_err(|_| format!("{shown}: still running after {}s", TIMEOUT.as_secs()))?
            .map_err(|e| format!("{shown}: {e}"))?;
        let stdout = String::from_utf8_lossy(&output.stdout);
        let json = serde_json::from_str(stdout.trim()).map_err(|e| {
            format!(
                "{shown} (exit {:?}) printed no single JSON object ({e}); stdout: {}; stderr: {}",
                output.status.code(),
                stdout.trim(),
                String::from_utf8_lossy(&output.stderr).trim()
            )
        })?;
        Ok(Run {
            code: output.status.code(),
            json,
        })
    }

    /// The command line for messages, the access token's value hidden.
    fn shown(&self, args: &[&str]) -> String {
        let mut shown = vec!["matrix-login"];
        let mut secret = false;
        for arg in args {
            shown.push(if secret { "***" } else { arg });
            secret = *arg == "--access-token";
        }
        shown.join(" ")
    }
}

impl Run {
    /// The run exited with `code` and printed `"ok": ok`; else why not, with the error it
    /// printed.
    pub fn expect_exit(&self, code: i32, ok: bool) -> Result<(), String> {
        if self.code == Some(code) && self.json.get("ok") == Some(&Value::Bool(ok)) {
            return Ok(());
        }
        Err(format!(
            "expected exit {code} with \"ok\": {ok}, got exit {:?} with \"ok\": {}; error: {}",
            self.code,
            self.json.get("ok").unwrap_or(&Value::Null),
            self.json.get("error").unwrap_or(&Value::Null)
        ))
    }
}

/// The value at `pointer` (RFC 6901, such as `/decision/chosen/rule`) in `value`.
pub fn at<'a>(value: &'a Value, pointer: &str) -> Result<&'a Value, String> {
    value
        .pointer(pointer)
        .ok_or_else(|| format!("no `{pointer}` in {}", abridged(value)))
}

/// The string at `pointer` is `expected`.
pub fn expect_str(value: &Value, pointer: &str, expected: &str) -> Result<(), String> {
    match at(value, pointer)? {
        Value::String(s) if s == expected => Ok(()),
        other => Err(format!("`{pointer}` is {other}, expected \"{expected}\"")),
    }
}

/// A JSON value for a message: whole when short, else its start.
fn abridged(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(300) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text,
    }
}

/// One request as Synapse's access log recorded it.
#[derive(Debug, PartialEq, Eq)]
pub struct LoggedRequest {
    /// The status Synapse answered with.
    pub status: u16,
    /// `POST /path`, as sent.
    pub request: String,
}

impl std::fmt::Display for LoggedRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.status, self.request)
    }
}

/// Synapse's log file, whose `synapse.access` lines record every request: the status and the
/// request line. Steps read what was logged between a [`mark`](AccessLog::mark) taken before
/// they act and the end of the file; the run's steps are sequential, so that is theirs. (The
/// line also names the user, but not for a path Synapse does not serve: its 404s say `{None}`.)
pub struct AccessLog {
    path: PathBuf,
}

impl AccessLog {
    /// The log at `path`.
    pub fn new(path: &Path) -> Self {
        AccessLog {
            path: path.to_owned(),
        }
    }

    /// Where the log ends now.
    pub fn mark(&self) -> Result<u64, String> {
        std::fs::metadata(&self.path)
            .map(|m| m.len())
            .map_err(|e| format!("reading Synapse's log {}: {e}", self.path.display()))
    }

    /// The requests to one of `paths` logged since `mark`, oldest first.
    pub fn requests_since(&self, mark: u64, paths: &[&str]) -> Result<Vec<LoggedRequest>, String> {
        let text = std::fs::read(&self.path)
            .map_err(|e| format!("reading Synapse's log {}: {e}", self.path.display()))?;
        let start = usize::try_from(mark).map_or(text.len(), |m| m.min(text.len()));
        let requests = String::from_utf8_lossy(&text[start..])
            .lines()
            .filter(|line| line.contains("Processed request:"))
            .filter_map(parse_access_line)
            .filter(|r| {
                let path = r.request.split_whitespace().nth(1).unwrap_or("");
                paths.contains(&path)
            })
            .collect();
        Ok(requests)
    }

    /// [`requests_since`](Self::requests_since), read again for up to two seconds until there
    /// are at least `count`: Synapse writes the line as it finishes the request, which may be
    /// just after the client has its answer.
    pub async fn wait_for(
        &self,
        mark: u64,
        paths: &[&str],
        count: usize,
    ) -> Result<Vec<LoggedRequest>, String> {
        for _ in 0..20 {
            let requests = self.requests_since(mark, paths)?;
            if requests.len() >= count {
                return Ok(requests);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        self.requests_since(mark, paths)
    }
}

/// `… 89B 200 "POST /_matrix/client/… HTTP/1.1" "user agent" …` -> status and request line.
fn parse_access_line(line: &str) -> Option<LoggedRequest> {
    let (before, after) = line.split_once(" \"")?;
    let status = before.split_whitespace().next_back()?.parse().ok()?;
    let request_line = after.split('"').next()?;
    let request = request_line.rsplit_once(' ')?.0.to_owned();
    Some(LoggedRequest { status, request })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_synapse_access_lines() {
        let line = "2026-11-30 18:20:35,458 - synapse.access.http.18101 - 643 - INFO - POST-14 - \
                    127.0.0.1 - 18101 - {@testuser:localhost} Processed request: 0.015sec/0.000sec \
                    ru=(0.003sec, 0.001sec) db=(0.003sec/0.005sec/10) 89B 200 \
                    \"POST /_matrix/client/unstable/org.matrix.msc3882/login/token HTTP/1.1\" \
                    \"matrix-login/0.1.0\" [0 dbevts]";
        assert_eq!(
            parse_access_line(line),
            Some(LoggedRequest {
                status: 200,
                request: "POST /_matrix/client/unstable/org.matrix.msc3882/login/token".to_owned()
            })
        );
    }
}
