//! Running the `matrix-login` binary as a script would, for the tests of its commands.

use serde_json::Value;

/// The one JSON object a `--json` command prints on stdout, and nothing else.
pub fn one_object(stdout: &[u8]) -> Value {
    let text = String::from_utf8(stdout.to_vec()).unwrap();
    let mut lines = text.lines();
    let object = lines.next().expect("a JSON object on stdout");
    assert_eq!(lines.next(), None, "more than one line on stdout: {text}");
    let value: Value =
        serde_json::from_str(object).unwrap_or_else(|_| panic!("not JSON: {object}"));
    assert!(value.is_object(), "not an object: {value}");
    value
}

/// Runs `matrix-login ARGS`, feeding `stdin`: whether it exited 0, and its JSON object.
pub fn run(args: &[&str], stdin: &str) -> (bool, Value) {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_matrix-login"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.as_bytes()).unwrap();
    drop(input);
    let output = child.wait_with_output().unwrap();
    let ok = output.status.success();
    if ok {
        return (true, one_object(&output.stdout));
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    let value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|_| panic!("{args:?} failed without a JSON object: {stderr}"));
    (false, value)
}

/// Runs `matrix-login ARGS`, which must succeed, and returns its JSON object.
#[allow(dead_code)] // Not every test file that shares this module uses it.
pub fn run_cli(args: &[&str], stdin: &str) -> Value {
    let (ok, value) = run(args, stdin);
    assert!(ok, "{args:?}: {value}");
    value
}
