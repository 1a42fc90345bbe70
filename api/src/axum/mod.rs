//! Serving endpoints with [axum](https://docs.rs/axum) ≥ 0.8 (cargo feature `axum`, off by
//! default).
//!
//! One call registers an endpoint: [`Router::endpoint`] takes a handler and routes it under every
//! path of the endpoint's history with the endpoint's method. The handler's last argument,
//! [`Incoming<R>`], is the parsed request with the caller's token, its path arguments taken from
//! axum's matched path; it returns `Result<R::OutgoingResponse, E>` and the glue writes the
//! answer. Everything the specification asks of a server around the endpoints is done before a
//! handler runs:
//!
//! | request | answer |
//! | --- | --- |
//! | a path no endpoint has | `404 M_UNRECOGNIZED` |
//! | a method no endpoint of the path takes | `405 M_UNRECOGNIZED`, with `Allow` |
//! | a body over the [body limit](Router::body_limit) | `413 M_TOO_LARGE`, naming the limit |
//! | a body that is not JSON | `400 M_NOT_JSON` |
//! | JSON of the wrong shape | `400 M_BAD_JSON`, naming the field |
//! | no token where the endpoint requires one | `401 M_MISSING_TOKEN` |
//! | a bad path, query or header value | `400 M_INVALID_PARAM` / `M_MISSING_PARAM`, naming it |
//! | an empty body on a `POST` whose fields are all optional | read as `{}`: the handler runs |
//! | `OPTIONS`, on any path | `204`, no endpoint logic |
//! | anything | the CORS headers of the "Web Browser Clients" section |
//!
//! ```
//! mod whoami {
//!     use matrix_api::{metadata, request, response, Metadata};
//!
//!     const METADATA: Metadata = metadata! {
//!         method: GET,
//!         rate_limited: true,
//!         authentication: AccessToken,
//!         history: {
//!             1.0 => "/_matrix/client/r0/account/whoami",
//!             1.1 => "/_matrix/client/v3/account/whoami",
//!         }
//!     };
//!
//!     #[request]
//!     pub struct Request {}
//!
//!     #[response]
//!     pub struct Response {
//!         pub user_id: String,
//!     }
//! }
//!
//! use matrix_api::axum::{Incoming, Router};
//! use matrix_api::error::{ErrorKind, MatrixError};
//! use matrix_api::http::StatusCode;
//!
//! async fn whoami(incoming: Incoming<whoami::Request>) -> Result<whoami::Response, MatrixError> {
//!     // A request without a token never gets here: it was answered 401 M_MISSING_TOKEN.
//!     match incoming.access_token.as_deref() {
//!         Some("syt_alice") => Ok(whoami::Response { user_id: "@alice:example.org".to_owned() }),
//!         _ => Err(MatrixError::new(
//!             StatusCode::UNAUTHORIZED,
//!             ErrorKind::UnknownToken { soft_logout: false },
//!             "Unknown access token",
//!         )),
//!     }
//! }
//!
//! // GET and HEAD on /_matrix/client/r0/account/whoami and /_matrix/client/v3/account/whoami.
//! let app: axum::Router = Router::new().endpoint(whoami).into_axum();
//! // Serve it: axum::serve(tokio::net::TcpListener::bind(address).await?, app).await
//! ```
//!
//! Handlers take axum extractors before `Incoming<R>`, such as [`State`](axum::extract::State)
//! for the router's state (`Router::new().endpoint(h).with_state(state)`), and may return any
//! error that converts into the endpoint's error type (a [`MatrixError`](crate::error::MatrixError)
//! for an endpoint behind User-Interactive Authentication, whose error type is
//! `matrix_client_api::uiaa::UiaaResponse`). Synchronous, slow handlers go through [`blocking`].
//! For hand-written axum handlers, [`Answer`] makes an axum response of any endpoint response or
//! error, and a [`MatrixError`](crate::error::MatrixError) is one already.

mod cors;
mod extract;
mod handler;
mod response;
mod router;

pub use extract::{Incoming, DEFAULT_BODY_LIMIT};
#[doc(hidden)]
pub use handler::BlockingShape;
pub use handler::{blocking, Blocking, EndpointHandler};
pub use response::Answer;
pub use router::Router;
