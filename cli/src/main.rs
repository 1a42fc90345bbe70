//! `matrix-login`: log a second device in to Matrix with a login token.

use std::collections::BTreeMap;
use std::io::BufRead;
use std::net::SocketAddr;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use matrix_api::selection::{Policy, Source};
use matrix_api_server::{LoginTokenGeneration, Server, ServerConfig};
use matrix_client_api::session::get_login_token;
use matrix_login::flow::{self, EndpointDecision, LoggedIn};
use matrix_login::output::Reporter;
use serde_json::{json, Value};

/// Log a second device in to Matrix without typing the password there: get a login token on a
/// device that is logged in, and log the new device in with it.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Start a reference homeserver on 127.0.0.1 and walk the whole hand-over against it.
    Demo {
        /// One JSON object on stdout (the result, with each step inside it) instead of progress
        /// lines, which go to stderr.
        #[arg(long)]
        json: bool,
    },
    /// Run the reference homeserver.
    Serve {
        /// The address to listen on.
        #[arg(long, default_value = "127.0.0.1:8008")]
        listen: SocketAddr,
        /// The server name in user IDs.
        #[arg(long, default_value = "localhost")]
        server_name: String,
        /// A user, as NAME:PASSWORD; repeat for more.
        #[arg(long = "user", value_name = "NAME:PASSWORD")]
        users: Vec<String>,
        /// The generation of `POST /login/get_token` to play (MSC3882 revision 0, revision 1,
        /// stable since v1.7, or off as Synapse ships), with what each announces.
        #[arg(long, default_value = "stable")]
        login_token: LoginTokenGeneration,
    },
    /// Show what a homeserver announces and the decision for each endpoint: the path, the rule
    /// and signal that chose it, and why not the others.
    Versions {
        /// The homeserver's base URL, such as https://matrix.example.org.
        #[arg(long)]
        homeserver: String,
        /// An access token, to read the user's `/capabilities` too.
        #[arg(long, env = "MATRIX_ACCESS_TOKEN", hide_env_values = true)]
        access_token: Option<String>,
        /// How to choose paths: default, stable-only, prefer-unstable or force:/PATH.
        #[arg(long, default_value = "default", value_parser = flow::parse_policy)]
        policy: Policy,
        /// One JSON object on stdout: the result (progress goes to stderr).
        #[arg(long)]
        json: bool,
    },
    /// Get a login token for a new device (asks for the password for the server's UIA).
    GetToken {
        /// The homeserver's base URL.
        #[arg(long)]
        homeserver: String,
        /// The user, by localpart or full user ID.
        #[arg(long)]
        user: String,
        /// Read the password from the first line of standard input instead of a prompt.
        #[arg(long)]
        password_stdin: bool,
        /// Use this device's access token instead of logging in with the password first.
        #[arg(long, env = "MATRIX_ACCESS_TOKEN", hide_env_values = true)]
        access_token: Option<String>,
        /// How to choose the path: default, stable-only, prefer-unstable or force:/PATH.
        #[arg(long, default_value = "default", value_parser = flow::parse_policy)]
        policy: Policy,
        /// One JSON object on stdout: the result, with `login_token` (progress goes to stderr,
        /// and no QR code is drawn).
        #[arg(long)]
        json: bool,
    },
    /// Log a new device in with a login token.
    LoginWithToken {
        /// The homeserver's base URL.
        #[arg(long)]
        homeserver: String,
        /// The login token.
        #[arg(long)]
        token: String,
        /// The new device's display name.
        #[arg(long)]
        device_name: Option<String>,
        /// Also print the new access token.
        #[arg(long)]
        show_token: bool,
        /// One JSON object on stdout: the result (progress goes to stderr).
        #[arg(long)]
        json: bool,
    },
}

#[tokio::main]
async fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Demo { json } => {
            let mut out = Reporter::new(json, matrix_login::demo::STEPS);
            let result = matrix_login::demo::run(&mut out).await;
            out.finish(result)
        }
        Command::Serve {
            listen,
            server_name,
            users,
            login_token,
        } => match serve(listen, &server_name, &users, login_token).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("error: {message}");
                ExitCode::FAILURE
            }
        },
        Command::Versions {
            homeserver,
            access_token,
            policy,
            json,
        } => {
            let mut out = Reporter::new(json, 0);
            let result = versions(&mut out, &homeserver, access_token, policy).await;
            out.finish(result)
        }
        Command::GetToken {
            homeserver,
            user,
            password_stdin,
            access_token,
            policy,
            json,
        } => {
            let mut out = Reporter::new(json, 4);
            let login = Login {
                homeserver: &homeserver,
                user: &user,
                password_stdin,
                access_token,
                policy,
            };
            let result = get_token(&mut out, login).await;
            out.finish(result)
        }
        Command::LoginWithToken {
            homeserver,
            token,
            device_name,
            show_token,
            json,
        } => {
            let mut out = Reporter::new(json, 0);
            let result = login_with_token(
                &mut out,
                &homeserver,
                &token,
                device_name.as_deref(),
                show_token,
            )
            .await;
            out.finish(result)
        }
    }
}

async fn serve(
    listen: SocketAddr,
    server_name: &str,
    users: &[String],
    login_token: LoginTokenGeneration,
) -> Result<(), String> {
    if ruma_common::ServerName::parse(server_name).is_err() {
        return Err(format!("`{server_name}` is not a valid server name"));
    }
    let mut config = ServerConfig::new(server_name).with_login_token(login_token);
    for user in users {
        let (name, password) = user.split_once(':').ok_or_else(|| {
            format!(
                "--user takes NAME:PASSWORD, got `{}`",
                user.split(':').next().unwrap_or("")
            )
        })?;
        config = config.with_user(name, password);
    }
    let server = Server::bind(listen, config)
        .await
        .map_err(|e| format!("cannot listen on {listen}: {e}"))?;
    // Scripts wait for this line to know the server is ready.
    println!("listening on {}", server.base_url());
    server.run().await.map_err(|e| e.to_string())
}

async fn versions(
    out: &mut Reporter,
    homeserver: &str,
    access_token: Option<String>,
    policy: Policy,
) -> Result<Value, String> {
    let client = flow::connect(homeserver, policy)?;
    client.set_access_token(access_token);
    let decisions = flow::decisions(&client).await?;
    let view = client.view();
    let enabled: BTreeMap<&str, Source> = view.enabled().collect();
    let endpoints: Vec<Value> = decisions
        .iter()
        .map(|d| {
            json!({
                "endpoint": d.endpoint,
                "path": d.decision.path().ok(),
                "summary": d.decision.to_string(),
                "decision": d.decision,
            })
        })
        .collect();
    let result = json!({
        "versions": view.version_names(),
        "enabled": enabled,
        "missing": view.missing(),
        "endpoints": endpoints,
    });
    if out.is_json() {
        return Ok(result);
    }
    out.line(&format!("versions: {}", view.version_names().join(", ")));
    let flags: Vec<String> = enabled
        .iter()
        .map(|(name, source)| format!("{name} ({source})"))
        .collect();
    out.line(&format!("enabled: {}", list_or_none(&flags)));
    if view.missing().contains(&Source::Capabilities) {
        out.line("/capabilities: not asked (pass --access-token to read them)");
    }
    for EndpointDecision {
        endpoint, decision, ..
    } in &decisions
    {
        out.line(&format!("{endpoint}\n  -> {decision}"));
        for other in decision.others() {
            out.line(&format!("     {other}"));
        }
    }
    Ok(result)
}

fn list_or_none(items: &[String]) -> String {
    if items.is_empty() {
        "none".to_owned()
    } else {
        items.join(", ")
    }
}

fn read_password(from_stdin: bool) -> Result<String, String> {
    if from_stdin {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| format!("reading the password: {e}"))?;
        return Ok(line.trim_end_matches(['\r', '\n']).to_owned());
    }
    rpassword::prompt_password("Password: ").map_err(|e| format!("reading the password: {e}"))
}

/// What `get-token` is given.
struct Login<'a> {
    homeserver: &'a str,
    user: &'a str,
    password_stdin: bool,
    access_token: Option<String>,
    policy: Policy,
}

async fn get_token(out: &mut Reporter, login: Login<'_>) -> Result<Value, String> {
    let password = read_password(login.password_stdin)?;
    // A forced path is get_token's; login, whoami and logout keep theirs.
    let client = flow::connect(login.homeserver, login.policy)?;
    flow::discover(&client).await?;
    out.step(
        "discover versions",
        "ok",
        json!({ "versions": client.view().version_names() }),
    );
    let (session, temporary) = match login.access_token {
        Some(access_token) => {
            let device = client.with_session(Some(access_token.clone()));
            let me = flow::whoami(&device)
                .await
                .map_err(|e| format!("checking the access token: {e}"))?;
            let device_id = me
                .device_id
                .ok_or("the server did not say which device the token is for")?;
            out.step(
                "check the access token",
                me.user_id.as_str(),
                json!({ "user_id": me.user_id }),
            );
            let session = LoggedIn {
                user_id: me.user_id,
                device_id,
                access_token,
            };
            (session, false)
        }
        None => {
            let device_name = Some("matrix-login get-token");
            let session = flow::password_login(&client, login.user, &password, device_name)
                .await
                .map_err(|e| format!("password login: {e}"))?;
            out.step(
                "password login",
                session.user_id.as_str(),
                json!({ "user_id": session.user_id }),
            );
            (session, true)
        }
    };
    let device = session.client(&client);
    let decision = device
        .decide(&get_login_token::v1::Request::METADATA)
        .await
        .map_err(|e| format!("get_token: {e}"));
    let token = match decision {
        Ok(decision) => flow::request_login_token(&device, &session.user_id, &password, |_| {})
            .await
            .map(|token| (token, decision))
            .map_err(|e| format!("get_token: {}", matrix_login::demo::describe_uiaa(&e))),
        Err(err) => Err(err),
    };
    let (token, decision) = match token {
        Ok(token) => token,
        Err(err) => {
            // Do not leave the session this command opened behind.
            if temporary {
                let _ = flow::logout(&device).await;
            }
            return Err(err);
        }
    };
    // The path that answered: the decision's, or the one probing fell back to.
    let path = device.path_for(&decision).unwrap_or_default();
    out.step(
        "get login token",
        &format!("valid for {}s, on {path}", token.expires_in.as_secs()),
        json!({
            "login_token": token.token,
            "expires_in_ms": token.expires_in.as_millis() as u64,
            "path": path,
            "decision": decision,
        }),
    );
    if !out.is_json() {
        out.line(&format!("\nlogin token: {}", token.token));
        out.line(&format!("expires in:  {}s\n", token.expires_in.as_secs()));
        let art = matrix_login::qr::render(&token.token).map_err(|e| format!("QR code: {e}"))?;
        out.line(&art);
    }
    if temporary {
        flow::logout(&device)
            .await
            .map_err(|e| format!("logout: {e}"))?;
        out.step("log out the temporary session", "ok", json!({}));
    }
    Ok(json!({
        "user_id": session.user_id,
        "login_token": token.token,
        "expires_in_ms": token.expires_in.as_millis() as u64,
        "path": path,
    }))
}

async fn login_with_token(
    out: &mut Reporter,
    homeserver: &str,
    token: &str,
    device_name: Option<&str>,
    show_token: bool,
) -> Result<Value, String> {
    let client = flow::connect(homeserver, Policy::Default)?;
    let session = flow::token_login(&client, token, device_name)
        .await
        .map_err(|e| format!("token login: {e}"))?;
    let mut result = json!({ "user_id": session.user_id, "device_id": session.device_id });
    if show_token {
        result["access_token"] = json!(session.access_token);
    }
    if !out.is_json() {
        out.line(&format!("user ID:   {}", session.user_id));
        out.line(&format!("device ID: {}", session.device_id));
        if show_token {
            out.line(&format!("access token: {}", session.access_token));
        }
    }
    Ok(result)
}
