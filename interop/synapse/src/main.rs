//! Interoperability run: the project's client code (the client glue of
//! `matrix_client_api::client` through `matrix_login::flow`, the endpoint types of
//! `matrix-client-api`, and the `matrix-login` binary) against a real Synapse.
//!
//! ```text
//! interop-synapse BASE_URL SHARED_SECRET [--log FILE] [--off-url URL --off-log FILE]
//! ```
//!
//! `BASE_URL` is a Synapse with get_token on (`login_via_existing_session.enabled: true`),
//! `--log` its log file; `--off-url` and `--off-log` a second Synapse with Synapse's default
//! (get_token off), both with the same registration shared secret. The `matrix-login` binary is
//! `MATRIX_LOGIN_BIN`, else the one beside this binary. `scripts/interop-synapse.sh` installs
//! and starts both servers, builds both binaries and runs this.
//!
//! Each step prints one `PASS step: detail` or `FAIL step: reason` line ([`report`]); the exit
//! status is non-zero when any step failed, and a step that cannot run for want of an argument
//! fails too, so that a run missing a server cannot pass. Every response Synapse sends is parsed
//! into our types and written back out with them ([`lossless`]), because our own tests only show
//! that our client agrees with our server. Users are registered with Synapse's shared-secret admin
//! API ([`synapse`]). The session API is checked in process ([`session`]), the rest of the
//! Client-Server API group by group ([`client_server`]); the path decisions
//! as the binary prints them ([`decisions`], with [`cli`]); and the refusal of a server with
//! get_token off ([`feature_off`]).

mod cli;
mod client_server;
mod decisions;
mod expect;
mod feature_off;
mod lossless;
mod report;
mod session;
mod synapse;

use std::path::PathBuf;
use std::process::ExitCode;

use cli::{AccessLog, MatrixLogin};
use report::Report;
use synapse::Admin;

/// What the run is given.
struct Args {
    base_url: String,
    secret: String,
    log: Option<PathBuf>,
    /// The Synapse with get_token off: base URL and log file.
    off: Option<(String, PathBuf)>,
}

impl Args {
    fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
        let mut positional = Vec::new();
        let (mut log, mut off_url, mut off_log) = (None, None, None);
        while let Some(arg) = args.next() {
            let mut value = || args.next().ok_or(format!("{arg} needs a value"));
            match arg.as_str() {
                "--log" => log = Some(PathBuf::from(value()?)),
                "--off-url" => off_url = Some(value()?.trim_end_matches('/').to_owned()),
                "--off-log" => off_log = Some(PathBuf::from(value()?)),
                flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
                _ => positional.push(arg),
            }
        }
        let [base_url, secret] = <[String; 2]>::try_from(positional)
            .map_err(|p| format!("expected BASE_URL SHARED_SECRET, got {} arguments", p.len()))?;
        let off = match (off_url, off_log) {
            (Some(url), Some(log)) => Some((url, log)),
            (None, None) => None,
            _ => return Err("--off-url and --off-log go together".to_owned()),
        };
        Ok(Args {
            base_url: base_url.trim_end_matches('/').to_owned(),
            secret,
            log,
            off,
        })
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = match Args::parse(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(reason) => {
            eprintln!("interop-synapse: {reason}");
            eprintln!(
                "usage: interop-synapse BASE_URL SHARED_SECRET [--log FILE] \
                 [--off-url URL --off-log FILE]"
            );
            return ExitCode::from(2);
        }
    };
    let mut report = Report::default();
    run(&mut report, &args).await;
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

/// The run order: users and the client first, since every area's steps need them; the
/// binary's decisions next; the server with get_token off last.
async fn run(report: &mut Report, args: &Args) {
    let bin = report
        .step("find the matrix-login binary", async {
            let bin = MatrixLogin::locate()?;
            let detail = format!("{}", bin.path().display());
            Ok((bin, detail))
        })
        .await;
    on_server(report, args, bin.as_ref()).await;
    match (&args.off, &bin) {
        (Some((url, log)), Some(bin)) => {
            feature_off::run(report, bin, url, &AccessLog::new(log), &args.secret).await;
        }
        (None, _) => {
            report
                .step::<()>("feature off: every step", async {
                    Err("not run: no second Synapse given (--off-url, --off-log)".to_owned())
                })
                .await;
        }
        (_, None) => report.not_run("feature off: every step", "find the matrix-login binary"),
    }
}

/// The steps against the Synapse with get_token on.
async fn on_server(report: &mut Report, args: &Args, bin: Option<&MatrixLogin>) {
    let synapse = Admin::new(&args.base_url, &args.secret);
    let name = "register users (shared-secret admin API)";
    let users = synapse.register_users(["alice", "bob", "carol", "dave", "frank"]);
    let Some([alice, bob, carol, dave, frank]) = report.step(name, users).await else {
        report.not_run("everything else", "register users");
        return;
    };
    let name = "GET /versions -> SupportedVersions";
    let Some(client) = report.step(name, session::discover(&args.base_url)).await else {
        report.not_run("everything else", "GET /versions");
        return;
    };
    session::run(report, &client, &[alice, bob, carol]).await;
    client_server::run(report, &client, &synapse).await;
    let log = args.log.as_deref().map(AccessLog::new);
    match bin {
        Some(bin) => decisions::run(report, bin, &client, &[dave, frank], log.as_ref()).await,
        None => report.not_run("matrix-login decisions", "find the matrix-login binary"),
    }
}
