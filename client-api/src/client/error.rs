//! Why a call through the [`Client`](super::Client) failed.

use std::fmt;
use std::time::Duration;

use matrix_api::error::MatrixError;
use matrix_api::{FromHttpResponseError, IntoHttpError};

/// Why a call failed, with the endpoint's own error type `E` for the server's answer.
#[derive(Debug)]
#[non_exhaustive]
pub enum ClientError<E> {
    /// The request was not sent: the server does not offer the endpoint (not supported, not
    /// available, removed), a token is missing, or a value cannot be written.
    Request(IntoHttpError),
    /// Asking the server what it supports (`/versions`, `/capabilities`) failed first.
    Discovery(Box<ClientError<MatrixError>>),
    /// The HTTP exchange failed: connection refused, TLS, a timeout.
    Transport(Box<dyn std::error::Error + Send + Sync>),
    /// The server answered with an error, or with a body that does not read.
    Response {
        /// The error.
        error: FromHttpResponseError<E>,
        /// For `429 M_LIMIT_EXCEEDED`: how long the server asks to wait, from
        /// `retry_after_ms` or the `Retry-After` header (in seconds).
        retry_after: Option<Duration>,
    },
}

impl<E> ClientError<E> {
    /// The server's typed error, if it answered with one.
    pub fn server_error(&self) -> Option<&E> {
        match self {
            ClientError::Response { error, .. } => error.server_error(),
            _ => None,
        }
    }

    /// How long the server asked to wait before retrying, for a rate-limited call.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            ClientError::Response { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    pub(super) fn transport(error: impl std::error::Error + Send + Sync + 'static) -> Self {
        ClientError::Transport(Box::new(error))
    }

    pub(super) fn discovery(error: ClientError<MatrixError>) -> Self {
        ClientError::Discovery(Box::new(error))
    }
}

impl<E: fmt::Display> fmt::Display for ClientError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClientError::Request(err) => write!(f, "the request was not sent: {err}"),
            ClientError::Discovery(err) => {
                write!(f, "asking the server what it supports failed: {err}")
            }
            ClientError::Transport(err) => write!(f, "HTTP: {err}"),
            ClientError::Response { error, retry_after } => {
                error.fmt(f)?;
                if let Some(wait) = retry_after {
                    write!(f, " (retry after {} ms)", wait.as_millis())?;
                }
                Ok(())
            }
        }
    }
}

impl<E: std::error::Error + 'static> std::error::Error for ClientError<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ClientError::Request(err) => Some(err),
            ClientError::Discovery(err) => Some(err),
            ClientError::Transport(err) => Some(err.as_ref()),
            ClientError::Response { error, .. } => Some(error),
        }
    }
}

/// The homeserver URL given to [`Client::new`](super::Client::new) cannot be a base URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidHomeserver {
    /// The URL as given.
    pub url: String,
    /// What is wrong with it.
    pub reason: &'static str,
}

impl fmt::Display for InvalidHomeserver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not a homeserver URL: {}", self.url, self.reason)
    }
}

impl std::error::Error for InvalidHomeserver {}
