//! The router: one line per endpoint, its handler. `matrix_api::axum` routes each under every
//! path of its history and does everything around the handlers (the body limit, CORS, the
//! answers for unknown paths and methods and for requests that do not parse).

use std::sync::Arc;

use matrix_api::axum::{blocking, Router};

use crate::handlers;
use crate::AppState;

/// Request bodies larger than this are refused before parsing; session API bodies are tiny.
const MAX_BODY_BYTES: usize = 64 * 1024;

pub(crate) fn router(state: Arc<AppState>) -> axum::Router {
    // `blocking`: the handlers that lock the store, where passwords are checked with Argon2
    // (slow on purpose), run on the blocking pool, off the async workers.
    Router::new()
        .body_limit(MAX_BODY_BYTES)
        .endpoint(handlers::versions)
        .endpoint(blocking(handlers::capabilities))
        .endpoint(handlers::login_types)
        .endpoint(blocking(handlers::login))
        .endpoint(blocking(handlers::get_login_token))
        .endpoint(blocking(handlers::refresh))
        .endpoint(blocking(handlers::whoami))
        .endpoint(blocking(handlers::logout))
        .endpoint(blocking(handlers::logout_all))
        .endpoint(handlers::sso_login)
        .endpoint(handlers::sso_login_with_provider)
        .with_state(state)
}
