//! Interoperability run: the project's client code (`matrix_login::client::Client`,
//! `matrix_login::flow` and the endpoint types of `matrix-client-api`) against a real Synapse.
//!
//! ```text
//! cargo run -p matrix-api-interop-synapse -- BASE_URL SHARED_SECRET
//! ```
//!
//! `scripts/interop-synapse.sh` installs and starts Synapse and runs this. Each step prints one
//! `PASS step: detail` or `FAIL step: reason` line ([`report`]); the exit status is non-zero when
//! any step failed. Every response Synapse sends is parsed into our types and written back out
//! with them ([`lossless`]), because our own tests only show that our client agrees with our
//! server. Users are registered with Synapse's shared-secret admin API ([`synapse`]); the steps
//! of each API area are a module of their own ([`session`]).

mod expect;
mod lossless;
mod report;
mod session;
mod synapse;

use std::process::ExitCode;

use report::Report;
use synapse::Admin;

#[tokio::main]
async fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(base_url), Some(secret)) = (args.next(), args.next()) else {
        eprintln!("usage: interop-synapse BASE_URL SHARED_SECRET");
        return ExitCode::from(2);
    };
    let mut report = Report::default();
    run(&mut report, base_url.trim_end_matches('/'), &secret).await;
    println!(
        "interop-synapse: {} passed, {} failed",
        report.passed, report.failed
    );
    if report.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The run order: users and the client first, since every area's steps need them.
async fn run(report: &mut Report, base_url: &str, secret: &str) {
    let synapse = Admin::new(base_url, secret);
    let name = "register users (shared-secret admin API)";
    let users = synapse.register_users(["alice", "bob", "carol"]);
    let Some(users) = report.step(name, users).await else {
        report.not_run("everything else", "register users");
        return;
    };
    let name = "GET /versions -> SupportedVersions";
    let Some(client) = report.step(name, session::discover(base_url)).await else {
        report.not_run("everything else", "GET /versions");
        return;
    };
    session::run(report, &client, &users).await;
}
