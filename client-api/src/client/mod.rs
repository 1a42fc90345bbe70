//! A client for any endpoint, over any HTTP stack: what every Matrix client writes around the
//! endpoint types, once.
//!
//! [`Client`] holds the homeserver's URL, the access token and a [`ServerView`] of what the
//! server announces, fetched when first needed and kept until [`refresh`](Client::refresh)ed.
//! [`Client::send`] takes any request type: it chooses the path under the client's
//! [`Policy`] (refusing an endpoint the server does not offer before calling it), adds the
//! token, sends it over the [`Transport`], and returns the typed response or the endpoint's
//! typed error. Optionally it waits and retries on `429 M_LIMIT_EXCEEDED`, and probes: when
//! the chosen path answers `404`/`405 M_UNRECOGNIZED`, it tries the next candidate once and
//! remembers that the server lacks the first.
//!
//! ```no_run
//! # #[cfg(feature = "reqwest")]
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! use matrix_client_api::client::{Client, ReqwestTransport};
//! use matrix_client_api::session::{get_login_token, login};
//!
//! let client = Client::new(ReqwestTransport::new(), "https://matrix.example.org")?;
//! let info = login::v3::LoginInfo::password("alice", "secret");
//! let session = client.send(login::v3::Request::new(info)).await?;
//! client.set_access_token(Some(session.access_token));
//! // The path (and whether to call at all) comes from /versions and /capabilities.
//! let token = client.send(get_login_token::v1::Request::new()).await;
//! # Ok(())
//! # }
//! ```

use std::collections::BTreeSet;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use matrix_api::error::{ErrorKind, MatrixError};
use matrix_api::selection::{Decision, Policy, ServerSignal, ServerView, Source};
use matrix_api::{
    EndpointError, IncomingResponse, IntoHttpError, Metadata, OutgoingRequest, SendAccessToken,
};

use crate::discovery::{get_capabilities, get_supported_versions};
use crate::session::get_login_types;

mod error;
mod transport;

pub use error::{ClientError, InvalidHomeserver};
#[cfg(feature = "reqwest")]
pub use transport::ReqwestTransport;
pub use transport::Transport;

/// How long to wait on a `429` that does not say, before the first retry (doubling after).
const DEFAULT_RETRY_WAIT: Duration = Duration::from_secs(1);

/// A homeserver, a session on it, and what it announces.
///
/// One client talks to one server: what it learns (the view, the paths the server lacks) is
/// about that server. Methods take `&self`, so a client can be shared between tasks; two
/// tasks that need the view at once may both fetch it.
pub struct Client<T> {
    transport: T,
    homeserver: String,
    policy: Policy,
    retry: RateLimitRetry,
    probing: bool,
    state: Mutex<State>,
}

/// What the client learns while it runs.
#[derive(Default)]
struct State {
    access_token: Option<String>,
    view: ServerView,
    /// Paths that answered `404`/`405 M_UNRECOGNIZED` on this server.
    unrecognized: BTreeSet<&'static str>,
}

/// Whether and how long to wait and retry on `429 M_LIMIT_EXCEEDED`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimitRetry {
    /// How many times to retry one call (0: never, the default).
    pub max_retries: u32,
    /// The longest wait to accept: a server asking for more gets its error returned at once.
    pub max_wait: Duration,
}

impl Default for RateLimitRetry {
    fn default() -> Self {
        RateLimitRetry {
            max_retries: 0,
            max_wait: Duration::from_secs(10),
        }
    }
}

impl<T: Transport> Client<T> {
    /// A client of the homeserver at `homeserver` (scheme and host, such as
    /// `https://matrix.example.org`), with the default policy, no retries and no probing.
    pub fn new(transport: T, homeserver: &str) -> Result<Self, InvalidHomeserver> {
        let invalid = |reason| InvalidHomeserver {
            url: homeserver.to_owned(),
            reason,
        };
        let uri: http::Uri = homeserver
            .parse()
            .map_err(|_| invalid("it does not parse as a URL"))?;
        if !matches!(uri.scheme_str(), Some("http" | "https")) {
            return Err(invalid("it needs the scheme, http:// or https://"));
        }
        if uri.authority().is_none() {
            return Err(invalid("it has no host"));
        }
        if uri.query().is_some() {
            return Err(invalid("a base URL has no query string"));
        }
        Ok(Client {
            transport,
            homeserver: homeserver.trim_end_matches('/').to_owned(),
            policy: Policy::Default,
            retry: RateLimitRetry::default(),
            probing: false,
            state: Mutex::new(State::default()),
        })
    }

    /// Chooses paths under `policy` instead of the default. A forced path
    /// ([`Policy::Force`]) is one endpoint's: that endpoint goes there, and every other one
    /// (discovery and login included) keeps the default.
    pub fn with_policy(mut self, policy: Policy) -> Self {
        self.policy = policy;
        self
    }

    /// Waits and retries on `429 M_LIMIT_EXCEEDED`, within these bounds.
    pub fn with_rate_limit_retry(mut self, retry: RateLimitRetry) -> Self {
        self.retry = retry;
        self
    }

    /// Probes: when the chosen path answers `404`/`405 M_UNRECOGNIZED`, tries the next
    /// candidate once, and skips the first path on this server from then on.
    pub fn with_probing(mut self, probing: bool) -> Self {
        self.probing = probing;
        self
    }

    /// Starts with what is already known of the server (saved from an earlier run, say).
    pub fn with_view(mut self, view: ServerView) -> Self {
        let state = self.state.get_mut().unwrap_or_else(PoisonError::into_inner);
        state.view = view;
        self
    }

    /// A client of the same server for another session (`token`): it starts from what this
    /// one learnt of the server, but asks `/capabilities` again for a different user.
    pub fn with_session(&self, token: Option<String>) -> Self
    where
        T: Clone,
    {
        let state = self.state();
        let mut view = state.view.clone();
        if state.access_token != token {
            view.forget(Source::Capabilities);
        }
        Client {
            transport: self.transport.clone(),
            homeserver: self.homeserver.clone(),
            policy: self.policy.clone(),
            retry: self.retry,
            probing: self.probing,
            state: Mutex::new(State {
                access_token: token,
                view,
                unrecognized: state.unrecognized.clone(),
            }),
        }
    }

    /// The homeserver's base URL, without a trailing `/`.
    pub fn homeserver(&self) -> &str {
        &self.homeserver
    }

    /// The access token sent with requests that need one.
    pub fn access_token(&self) -> Option<String> {
        self.state().access_token.clone()
    }

    /// Sets (or, with `None`, drops) the access token. Capabilities are the user's, so a new
    /// token makes the client ask `/capabilities` again.
    pub fn set_access_token(&self, token: Option<String>) {
        let mut state = self.state();
        if state.access_token != token {
            state.view.forget(Source::Capabilities);
            state.access_token = token;
        }
    }

    /// What the client knows of the server now (perhaps nothing yet).
    pub fn view(&self) -> ServerView {
        self.state().view.clone()
    }

    /// Teaches the view a response the caller fetched itself (such as `GET /login`'s).
    pub fn learn(&self, signal: &impl ServerSignal) {
        self.state().view.learn(signal);
    }

    /// The paths that answered `404`/`405 M_UNRECOGNIZED` here, skipped from then on.
    pub fn unrecognized_paths(&self) -> Vec<&'static str> {
        self.state().unrecognized.iter().copied().collect()
    }

    /// Asks the server again what `source` says, replacing what the view had from it.
    /// `/capabilities` needs the access token.
    pub async fn refresh(&self, source: Source) -> Result<(), ClientError<MatrixError>> {
        match source {
            Source::Versions => {
                let versions = self.fetch(get_supported_versions::Request::new()).await?;
                self.learn(&versions);
            }
            Source::Capabilities => {
                self.ensure_versions().await?;
                let capabilities = self.fetch(get_capabilities::v3::Request::new()).await?;
                self.learn(&capabilities);
            }
            Source::LoginFlows => {
                self.ensure_versions().await?;
                let flows = self.fetch(get_login_types::v3::Request::new()).await?;
                self.learn(&flows);
            }
        }
        Ok(())
    }

    /// The client's policy as it applies to this endpoint: a forced path that is not the
    /// endpoint's leaves it the default.
    fn policy_for(&self, metadata: &Metadata) -> &Policy {
        match &self.policy {
            Policy::Force(path) if !metadata.client_paths().any(|p| p == path) => &Policy::Default,
            policy => policy,
        }
    }

    /// The path the client would take for an endpoint, and why, under its policy: the view is
    /// completed first as [`send`](Self::send) would (`/versions`, and `/capabilities` when the
    /// endpoint is gated and there is a token).
    pub async fn decide(&self, metadata: &Metadata) -> Result<Decision, ClientError<MatrixError>> {
        self.decide_with(metadata, self.policy_for(metadata)).await
    }

    /// [`decide`](Self::decide) under another policy.
    pub async fn decide_with(
        &self,
        metadata: &Metadata,
        policy: &Policy,
    ) -> Result<Decision, ClientError<MatrixError>> {
        if metadata.history.unversioned_path().is_none() {
            self.ensure_versions().await?;
        }
        let gated = metadata.capability.is_some();
        let needs_capabilities = {
            let state = self.state();
            gated && state.access_token.is_some() && !state.view.knows(Source::Capabilities)
        };
        if needs_capabilities {
            self.refresh(Source::Capabilities).await?;
        }
        Ok(metadata.decide(&self.state().view, policy))
    }

    /// Sends a request under the client's policy and reads the answer.
    pub async fn send<R>(
        &self,
        request: R,
    ) -> Result<R::IncomingResponse, ClientError<R::EndpointError>>
    where
        R: OutgoingRequest + Clone,
    {
        self.send_with(request, self.policy_for(&R::METADATA)).await
    }

    /// [`send`](Self::send) under another policy, such as [`Policy::Force`] for one call.
    pub async fn send_with<R>(
        &self,
        request: R,
        policy: &Policy,
    ) -> Result<R::IncomingResponse, ClientError<R::EndpointError>>
    where
        R: OutgoingRequest + Clone,
    {
        let decision = self
            .decide_with(&R::METADATA, policy)
            .await
            .map_err(ClientError::discovery)?;
        self.send_decided(request, &decision).await
    }

    /// Sends a request on the path of a decision made beforehand.
    pub async fn send_decided<R>(
        &self,
        request: R,
        decision: &Decision,
    ) -> Result<R::IncomingResponse, ClientError<R::EndpointError>>
    where
        R: OutgoingRequest + Clone,
    {
        let response = self.exchange_decided(request, decision).await?;
        let retry_after = (response.status() == http::StatusCode::TOO_MANY_REQUESTS)
            .then(|| retry_after(&response))
            .flatten();
        R::IncomingResponse::try_from_http_response(response)
            .map_err(|error| ClientError::Response { error, retry_after })
    }

    /// Sends a request as [`send`](Self::send) does (path, token, retries, probing) and returns
    /// the answer as it came, for a caller that reads more than the typed response (headers,
    /// or the exact bytes); `R::IncomingResponse::try_from_http_response` parses it.
    pub async fn send_unparsed<R>(
        &self,
        request: R,
    ) -> Result<http::Response<Vec<u8>>, ClientError<R::EndpointError>>
    where
        R: OutgoingRequest + Clone,
    {
        let decision = self
            .decide(&R::METADATA)
            .await
            .map_err(ClientError::discovery)?;
        self.exchange_decided(request, &decision).await
    }

    /// The exchange on the decided path: waits out rate limits and probes as configured.
    async fn exchange_decided<R>(
        &self,
        request: R,
        decision: &Decision,
    ) -> Result<http::Response<Vec<u8>>, ClientError<R::EndpointError>>
    where
        R: OutgoingRequest + Clone,
    {
        let mut path = self.path_for(decision).map_err(ClientError::Request)?;
        let tried = self.state().unrecognized.clone();
        let mut fallbacks = decision
            .fallbacks()
            .into_iter()
            .filter(move |p| *p != path && !tried.contains(p));
        let token = self.access_token();
        let mut retries = 0;
        let mut probed = false;
        loop {
            let response = self.exchange(&request, path, token.as_deref()).await?;
            let limited = response.status() == http::StatusCode::TOO_MANY_REQUESTS;
            if limited && retries < self.retry.max_retries {
                let doubled = DEFAULT_RETRY_WAIT * 2u32.saturating_pow(retries);
                let wait = retry_after(&response).unwrap_or(doubled);
                if wait <= self.retry.max_wait {
                    retries += 1;
                    self.transport.sleep(wait).await;
                    continue;
                }
            }
            if self.probing && !probed && is_unrecognized(&response) {
                self.state().unrecognized.insert(path);
                if let Some(next) = fallbacks.next() {
                    probed = true;
                    path = next;
                    continue;
                }
            }
            return Ok(response);
        }
    }

    /// The path a request of this decision goes to: the decision's, unless probing found
    /// the server lacks it, then the best fallback not yet found missing. After a call that
    /// probed, this is the path that answered.
    pub fn path_for(&self, decision: &Decision) -> Result<&'static str, IntoHttpError> {
        let chosen = decision.path()?;
        let state = self.state();
        if !self.probing || !state.unrecognized.contains(chosen) {
            return Ok(chosen);
        }
        let fallback = decision
            .fallbacks()
            .into_iter()
            .find(|p| !state.unrecognized.contains(p));
        Ok(fallback.unwrap_or(chosen))
    }

    /// `/versions`, unless the view has it.
    async fn ensure_versions(&self) -> Result<(), ClientError<MatrixError>> {
        if self.state().view.knows(Source::Versions) {
            return Ok(());
        }
        let versions = self.fetch(get_supported_versions::Request::new()).await?;
        self.learn(&versions);
        Ok(())
    }

    /// One discovery request on the path the view as it stands gives, without completing it
    /// first (which would ask for discovery again).
    async fn fetch<R>(
        &self,
        request: R,
    ) -> Result<R::IncomingResponse, ClientError<R::EndpointError>>
    where
        R: OutgoingRequest + Clone,
    {
        let policy = self.policy_for(&R::METADATA);
        let decision = R::METADATA.decide(&self.state().view, policy);
        self.send_decided(request, &decision).await
    }

    async fn exchange<R: OutgoingRequest + Clone>(
        &self,
        request: &R,
        path: &str,
        token: Option<&str>,
    ) -> Result<http::Response<Vec<u8>>, ClientError<R::EndpointError>> {
        let token = token.map_or(SendAccessToken::None, SendAccessToken::IfRequired);
        let request = request
            .clone()
            .try_into_http_request_with_path(path, &self.homeserver, token)
            .map_err(ClientError::Request)?;
        self.transport
            .send(request)
            .await
            .map_err(ClientError::transport)
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // The state stays consistent whatever panicked while holding it: each method changes
        // one field at a time.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// How long a `429` asks to wait: `retry_after_ms`, or `Retry-After` in seconds.
fn retry_after(response: &http::Response<Vec<u8>>) -> Option<Duration> {
    matrix_error(response).retry_after()
}

/// A `404`/`405` whose `errcode` is `M_UNRECOGNIZED`: the server lacks the path.
fn is_unrecognized(response: &http::Response<Vec<u8>>) -> bool {
    let status = response.status();
    (status == http::StatusCode::NOT_FOUND || status == http::StatusCode::METHOD_NOT_ALLOWED)
        && matrix_error(response).kind() == Some(&ErrorKind::Unrecognized)
}

fn matrix_error(response: &http::Response<Vec<u8>>) -> MatrixError {
    let mut borrowed = http::Response::new(response.body().as_slice());
    *borrowed.status_mut() = response.status();
    *borrowed.headers_mut() = response.headers().clone();
    MatrixError::from_http_response(borrowed)
}

#[cfg(test)]
mod tests;
