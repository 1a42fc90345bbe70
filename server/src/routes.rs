//! The router: one line per endpoint, its handler. `matrix_api::axum` routes each under every
//! path of its history and does everything around the handlers (the body limit, CORS, the
//! answers for unknown paths and methods and for requests that do not parse).

use std::sync::Arc;

use matrix_api::axum::{blocking, Router};

use crate::handlers;
use crate::{AppState, LoginTokenGeneration};

/// Request bodies larger than this are refused before parsing; session API bodies are tiny.
const MAX_BODY_BYTES: usize = 64 * 1024;

pub(crate) fn router(state: Arc<AppState>) -> axum::Router {
    // `blocking`: the handlers that lock the store, where passwords are checked with Argon2
    // (slow on purpose), run on the blocking pool, off the async workers.
    let router = Router::new()
        .body_limit(MAX_BODY_BYTES)
        .endpoint(handlers::versions)
        .endpoint(blocking(handlers::capabilities))
        .endpoint(handlers::login_types)
        .endpoint(blocking(handlers::login));
    // `login/get_token` on the one path of the generation the server plays.
    let generation = state.config.login_token;
    let router = match (generation, generation.path()) {
        (LoginTokenGeneration::R0, _) => {
            router.endpoint(blocking(handlers::get_login_token_revision0))
        }
        (_, Some(path)) => router.endpoint_on(&[path], blocking(handlers::get_login_token)),
        (_, None) => router,
    };
    router
        .endpoint(blocking(handlers::refresh))
        .endpoint(blocking(handlers::whoami))
        .endpoint(blocking(handlers::logout))
        .endpoint(blocking(handlers::logout_all))
        .endpoint(handlers::sso_login)
        .endpoint(handlers::sso_login_with_provider)
        .with_state(state)
}
