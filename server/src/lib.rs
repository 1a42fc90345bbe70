//! A reference homeserver for the Matrix session API, built on `matrix-api`'s endpoint types.
//!
//! It serves `/versions`, `/capabilities`, `GET`/`POST /login`, `/login/get_token` (with
//! User-Interactive Authentication, single-use expiring tokens and a per-user rate limit),
//! `/refresh`, `/account/whoami`, `/logout`, `/logout/all` and the SSO redirects. It is built on
//! `matrix_api::axum`: every route comes from an endpoint's `METADATA` (all its paths, stable and
//! unstable), every request goes through `IncomingRequest::try_from_http_request` and every
//! answer through `OutgoingResponse::try_into_http_response`: no path, field name or status code
//! is written here that a declaration already knows. Every answer carries the CORS headers the
//! specification recommends, and `OPTIONS` preflights are answered on every path, so browser
//! clients can use it too.
//!
//! The store is in memory (the embedded default): users come from the configuration, with
//! Argon2-hashed passwords, and everything is gone when the process stops.
//!
//! ```no_run
//! # async fn run() -> std::io::Result<()> {
//! use matrix_api_server::{Server, ServerConfig};
//! let config = ServerConfig::new("localhost").with_user("alice", "correct horse");
//! let server = Server::bind("127.0.0.1:8008".parse().unwrap(), config).await?;
//! println!("listening on {}", server.base_url());
//! server.run().await
//! # }
//! ```

mod generation;
mod handlers;
mod revision0;
mod routes;
mod store;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use ruma_common::{OwnedServerName, OwnedUserId, UserId};

pub use generation::LoginTokenGeneration;
use store::Store;

/// The modules of `matrix_client_api`'s registry that this server serves: the session API.
/// A registry entry belongs to it when its module path starts with one of these.
pub const SESSION_API: &[&str] = &[
    "session::",
    "discovery::get_supported_versions",
    "discovery::get_capabilities::",
    "account::whoami::",
];

/// How often a user may be issued a login token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimit {
    /// Tokens allowed per period.
    pub tokens: u32,
    /// The period.
    pub per: Duration,
}

/// A single sign-on identity provider the server redirects to.
#[derive(Clone, Debug)]
pub struct SsoProvider {
    /// The provider's ID, the `{idpId}` of `/login/sso/redirect/{idpId}`.
    pub id: String,
    /// The name clients show.
    pub name: String,
    /// Where the browser is sent; `redirectUrl` is appended as a query parameter.
    pub authorize_url: String,
}

/// What the reference server needs to start.
#[derive(Clone, Debug)]
pub struct ServerConfig {
    /// The server name in user IDs (`@alice:<server_name>`).
    pub server_name: OwnedServerName,
    /// Users and their passwords; only hashes are kept once the server starts.
    pub users: Vec<(String, String)>,
    /// How long a login token stays valid (the specification suggests two minutes).
    pub login_token_lifetime: Duration,
    /// The login-token rate limit (the specification recommends 1 per minute per user).
    pub login_token_rate_limit: RateLimit,
    /// Lifetime of access tokens for clients that accept refresh tokens.
    pub refreshable_token_lifetime: Duration,
    /// The SSO identity provider, if any; without one the SSO redirects answer `404`.
    pub sso_provider: Option<SsoProvider>,
    /// Which generation of `POST /login/get_token` the server plays (the stable one unless
    /// set), with the announcements that go with it.
    pub login_token: LoginTokenGeneration,
}

impl ServerConfig {
    /// A configuration with the specification's recommended limits and no users.
    pub fn new(server_name: &str) -> Self {
        ServerConfig {
            server_name: server_name.try_into().expect("a valid server name"),
            users: Vec::new(),
            login_token_lifetime: Duration::from_secs(120),
            login_token_rate_limit: RateLimit {
                tokens: 1,
                per: Duration::from_secs(60),
            },
            refreshable_token_lifetime: Duration::from_secs(300),
            sso_provider: None,
            login_token: LoginTokenGeneration::Stable,
        }
    }

    /// Plays this generation of `POST /login/get_token`.
    pub fn with_login_token(mut self, generation: LoginTokenGeneration) -> Self {
        self.login_token = generation;
        self
    }

    /// Adds a user, by localpart, with a password.
    pub fn with_user(mut self, localpart: &str, password: &str) -> Self {
        self.users.push((localpart.to_owned(), password.to_owned()));
        self
    }
}

/// The state shared by all handlers.
pub(crate) struct AppState {
    config: ServerConfig,
    store: Mutex<Store>,
}

impl AppState {
    fn new(config: ServerConfig) -> Result<Self, String> {
        let mut store = Store::default();
        for (localpart, password) in &config.users {
            let user_id = UserId::parse_with_server_name(localpart.as_str(), &config.server_name)
                .map_err(|err| format!("user `{localpart}`: {err}"))?;
            store.add_user(user_id, store::hash_password(password));
        }
        Ok(AppState {
            config,
            store: Mutex::new(store),
        })
    }

    fn store(&self) -> std::sync::MutexGuard<'_, Store> {
        // A handler that panicked cannot leave the maps half-updated in a way later requests
        // could misuse (each change is one insert or remove), so keep serving.
        self.store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn user_id(&self, localpart_or_id: &str) -> Option<OwnedUserId> {
        let user_id = if localpart_or_id.starts_with('@') {
            UserId::parse(localpart_or_id).ok()?
        } else {
            UserId::parse_with_server_name(localpart_or_id, &self.config.server_name).ok()?
        };
        (user_id.server_name() == self.config.server_name).then_some(user_id)
    }
}

/// A bound, not yet running, reference server.
pub struct Server {
    listener: tokio::net::TcpListener,
    router: axum::Router,
    address: SocketAddr,
}

impl Server {
    /// Binds the address (port 0 picks a free port) and prepares the routes.
    pub async fn bind(address: SocketAddr, config: ServerConfig) -> std::io::Result<Self> {
        let state = AppState::new(config)
            .map_err(|err| std::io::Error::new(std::io::ErrorKind::InvalidInput, err))?;
        let listener = tokio::net::TcpListener::bind(address).await?;
        let address = listener.local_addr()?;
        Ok(Server {
            listener,
            router: routes::router(Arc::new(state)),
            address,
        })
    }

    /// The address the server listens on.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The base URL clients use, such as `http://127.0.0.1:8008`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// Serves until the process stops.
    pub async fn run(self) -> std::io::Result<()> {
        axum::serve(self.listener, self.router).await
    }

    /// Serves on a background task; the task ends when the returned handle is dropped or
    /// aborted.
    pub fn spawn(self) -> RunningServer {
        let base_url = self.base_url();
        let task = tokio::spawn(async move {
            // An accept error ends the background server; the tests and demo then fail on
            // their next request, which is where the cause is visible.
            let _ = self.run().await;
        });
        RunningServer { base_url, task }
    }
}

/// A server running on a background task.
pub struct RunningServer {
    base_url: String,
    task: tokio::task::JoinHandle<()>,
}

impl RunningServer {
    /// The base URL clients use.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}
