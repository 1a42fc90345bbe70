//! Compile-time diagnostics of `metadata!`, `#[request]` and `#[response]`.
//!
//! `pass/` holds declarations that must compile; `fail/` holds one mistake per file, with the
//! exact error rustc prints in the `.stderr` beside it. Regenerate the snapshots with
//! `TRYBUILD=overwrite cargo test -p matrix-api-ui-tests`, then review every changed `.stderr`.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.pass("tests/ui/pass/*.rs");
    t.compile_fail("tests/ui/fail/*.rs");
}
