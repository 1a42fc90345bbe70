//! Answers as axum responses: [`MatrixError`] is one, and [`Answer`] makes one of any endpoint's
//! response or error.

use axum::body::Body;
use axum::response::{IntoResponse, Response};
use http::StatusCode;

use crate::error::{ErrorKind, MatrixError};
use crate::{IntoHttpError, OutgoingResponse};

/// Any [`OutgoingResponse`] as an axum response: an endpoint's `Response`, its error type (such
/// as `matrix_client_api::uiaa::UiaaResponse`), a [`MatrixError`].
///
/// A crate that declares endpoints cannot implement axum's `IntoResponse` for its types unless it
/// depends on axum itself; the wrapper lets a hand-written axum handler return them anyway. A
/// handler given to [`Router::endpoint`](super::Router::endpoint) needs none of this: it returns
/// the typed result and the glue writes the answer.
///
/// ```
/// use matrix_api::axum::Answer;
/// use matrix_api::error::{ErrorKind, MatrixError};
/// use axum::response::IntoResponse;
///
/// let error = MatrixError::new(
///     matrix_api::http::StatusCode::FORBIDDEN,
///     ErrorKind::Forbidden,
///     "Invalid password",
/// );
/// let response = Answer(error).into_response();
/// assert_eq!(response.status(), 403);
/// assert_eq!(response.headers()["content-type"], "application/json");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer<T>(pub T);

impl<T: OutgoingResponse> IntoResponse for Answer<T> {
    fn into_response(self) -> Response {
        into_axum(self.0)
    }
}

/// The standard error body with its status; what the glue answers a request that does not read.
impl IntoResponse for MatrixError {
    fn into_response(self) -> Response {
        into_axum(self)
    }
}

/// Writes `answer` as an axum response; one that cannot be written (a header value with a line
/// break, a body that does not serialise) becomes `500 M_UNKNOWN` naming why.
pub(crate) fn into_axum<T: OutgoingResponse>(answer: T) -> Response {
    match answer.try_into_http_response() {
        Ok(response) => response.map(Body::from),
        Err(err) => unwritable(&err),
    }
}

#[cold]
fn unwritable(err: &IntoHttpError) -> Response {
    server_error(format!("the response could not be written: {err}"))
}

/// `500 M_UNKNOWN` with `message`: the server's fault, not the client's.
#[cold]
pub(crate) fn server_error(message: String) -> Response {
    let error = MatrixError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        ErrorKind::Unknown,
        message,
    );
    match error.try_into_http_response() {
        Ok(response) => response.map(Body::from),
        // A standard body is two strings, which always serialise; should that ever change, the
        // client still learns that the server failed.
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}
