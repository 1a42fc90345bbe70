//! What [`Router::endpoint`](super::Router::endpoint) takes: an async function whose last
//! argument is [`Incoming<R>`], after any axum extractors, or a synchronous one wrapped in
//! [`blocking`].

use std::future::Future;
use std::marker::PhantomData;

use axum::extract::{FromRequestParts, State};
use axum::response::Response;
use axum::routing::{MethodFilter, MethodRouter};

use super::extract::Incoming;
use super::response::{into_axum, server_error};
use crate::IncomingRequest;

/// A handler of one endpoint, the endpoint named by its [`Incoming<R>`] argument.
///
/// Implemented by:
///
/// - every `async fn` (or closure returning a future) whose last argument is `Incoming<R>`, whose
///   other arguments (up to eight) are axum extractors of the router's state `S`
///   ([`State<S>`], `HeaderMap`, `ConnectInfo`, …), and which returns
///   `Result<R::OutgoingResponse, E>` with `E: Into<R::EndpointError>`;
/// - [`blocking(f)`](blocking), for a synchronous `f(S, Incoming<R>)` with the same result.
///
/// `T` only lets the compiler tell these shapes apart; it is inferred, never written.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a handler of a Matrix endpoint",
    label = "not an endpoint handler for a router with state `{S}`",
    note = "a handler is an `async fn(extractors…, Incoming<R>) -> Result<R::OutgoingResponse, E>` \
            with `E: Into<R::EndpointError>`, its other arguments axum extractors of the \
            router's state; a synchronous `fn(S, Incoming<R>) -> Result<…>` goes through \
            `matrix_api::axum::blocking`"
)]
pub trait EndpointHandler<T, S>: Clone + Send + Sync + Sized + 'static {
    /// The endpoint's request type.
    type Request: IncomingRequest;

    /// An axum method router answering `filter` with this handler. Not a public API: the glue
    /// calls it once per path of the endpoint.
    #[doc(hidden)]
    fn into_method_router(self, filter: MethodFilter) -> MethodRouter<S>;
}

/// Writes a handler's result as the answer.
fn answer<R, E>(result: Result<R::OutgoingResponse, E>) -> Response
where
    R: IncomingRequest,
    E: Into<R::EndpointError>,
{
    match result {
        Ok(response) => into_axum(response),
        Err(error) => into_axum(error.into()),
    }
}

macro_rules! async_handler {
    ($($extractor:ident),*) => {
        impl<F, Fut, S, R, E, $($extractor,)*> EndpointHandler<($($extractor,)* Incoming<R>,), S>
            for F
        where
            F: FnOnce($($extractor,)* Incoming<R>) -> Fut + Clone + Send + Sync + 'static,
            Fut: Future<Output = Result<R::OutgoingResponse, E>> + Send,
            R: IncomingRequest + Send + 'static,
            E: Into<R::EndpointError>,
            S: Clone + Send + Sync + 'static,
            $($extractor: FromRequestParts<S> + Send + 'static,)*
        {
            type Request = R;

            // The extractors' type parameters double as their argument names.
            #[allow(non_snake_case)]
            fn into_method_router(self, filter: MethodFilter) -> MethodRouter<S> {
                axum::routing::on(
                    filter,
                    move |$($extractor: $extractor,)* incoming: Incoming<R>| async move {
                        answer::<R, E>(self($($extractor,)* incoming).await)
                    },
                )
            }
        }
    };
}

async_handler!();
async_handler!(T1);
async_handler!(T1, T2);
async_handler!(T1, T2, T3);
async_handler!(T1, T2, T3, T4);
async_handler!(T1, T2, T3, T4, T5);
async_handler!(T1, T2, T3, T4, T5, T6);
async_handler!(T1, T2, T3, T4, T5, T6, T7);
async_handler!(T1, T2, T3, T4, T5, T6, T7, T8);

/// A synchronous handler run on Tokio's blocking pool; made by [`blocking`].
#[derive(Clone, Copy, Debug)]
pub struct Blocking<F>(F);

/// Runs a synchronous handler `f(state, incoming)` on Tokio's blocking pool, so that slow work
/// (hashing a password with Argon2, a blocking database driver) does not stall the async workers
/// that serve every other request.
///
/// `state` is a clone of the router's state (an `Arc` keeps that cheap). A handler that panics
/// is answered `500 M_UNKNOWN`. For blocking work inside an async handler that needs other
/// extractors, call `tokio::task::spawn_blocking` there instead.
///
/// ```
/// use std::sync::Arc;
/// use matrix_api::axum::{blocking, Incoming, Router};
/// use matrix_api::error::MatrixError;
/// # mod ping {
/// #     use matrix_api::{metadata, request, response, Metadata};
/// #     const METADATA: Metadata = metadata! {
/// #         method: POST, rate_limited: false, authentication: None,
/// #         history: { 1.1 => "/_matrix/client/v3/ping" }
/// #     };
/// #     #[request] pub struct Request {}
/// #     #[response] pub struct Response { pub count: u64 }
/// # }
///
/// struct App {
///     pings: std::sync::Mutex<u64>,
/// }
///
/// fn ping(app: Arc<App>, _: Incoming<ping::Request>) -> Result<ping::Response, MatrixError> {
///     let mut pings = app.pings.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
///     *pings += 1;
///     Ok(ping::Response { count: *pings })
/// }
///
/// let app = Arc::new(App { pings: Default::default() });
/// let router: axum::Router = Router::new().endpoint(blocking(ping)).with_state(app);
/// ```
pub fn blocking<F>(f: F) -> Blocking<F> {
    Blocking(f)
}

/// The shape of a [`Blocking`] handler, for [`EndpointHandler`]'s `T`: never written.
#[doc(hidden)]
pub struct BlockingShape<R, E>(PhantomData<fn() -> (R, E)>);

impl<F, S, R, E> EndpointHandler<BlockingShape<R, E>, S> for Blocking<F>
where
    F: FnOnce(S, Incoming<R>) -> Result<R::OutgoingResponse, E> + Clone + Send + Sync + 'static,
    S: Clone + Send + Sync + 'static,
    R: IncomingRequest + Send + 'static,
    R::OutgoingResponse: Send,
    E: Into<R::EndpointError> + Send + 'static,
{
    type Request = R;

    fn into_method_router(self, filter: MethodFilter) -> MethodRouter<S> {
        let Blocking(handler) = self;
        axum::routing::on(
            filter,
            move |State(state): State<S>, incoming: Incoming<R>| async move {
                match tokio::task::spawn_blocking(move || handler(state, incoming)).await {
                    Ok(result) => answer::<R, E>(result),
                    Err(err) if err.is_panic() => server_error("the handler panicked".to_owned()),
                    Err(_) => server_error("the server is shutting down".to_owned()),
                }
            },
        )
    }
}
