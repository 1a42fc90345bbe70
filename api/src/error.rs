//! Errors of the conversions between endpoint types and `http` messages.
//!
//! Every error names the part of the message that failed: the path segment, the query
//! parameter, the header, the JSON field, or the place of a JSON syntax error.

use std::fmt;

use http::{HeaderName, Method};

use crate::selection::gate::{Gate, GateState};
use crate::version::MatrixVersion;

mod kind;
mod matrix;

pub use kind::ErrorKind;
pub use matrix::{ErrorBody, MatrixError, StandardErrorBody};

/// A request or response could not be turned into an `http` message.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum IntoHttpError {
    /// The endpoint needs an access token and none was given.
    NeedsAuthentication {
        /// The endpoint, as its newest path.
        endpoint: &'static str,
    },
    /// The server announces no version or feature flag that has this endpoint.
    EndpointNotSupported {
        /// The endpoint, as its newest path.
        endpoint: &'static str,
    },
    /// The server has the endpoint, but the capability that gates it is off for this user.
    EndpointNotAvailable {
        /// The endpoint, as its newest path.
        endpoint: &'static str,
        /// The capability, such as `m.get_login_token`.
        capability: &'static str,
        /// What the server said of it (disabled, or not listed).
        state: GateState,
    },
    /// A forced path is not one of the endpoint's.
    UnknownPath {
        /// The endpoint, as its newest path.
        endpoint: &'static str,
        /// The path that was forced.
        path: String,
    },
    /// The server only supports versions in which the endpoint was removed.
    EndpointRemoved {
        /// The endpoint, as its newest path.
        endpoint: &'static str,
        /// The version that removed it.
        removed_in: MatrixVersion,
    },
    /// The base URL and path do not form a valid URI.
    Uri {
        /// The URI that was built.
        uri: String,
        /// What `http` said about it.
        message: String,
    },
    /// A value could not be written as a header.
    Header {
        /// The header.
        name: HeaderName,
        /// Why, such as a line break in the value.
        message: String,
    },
    /// A path parameter's value has no text of its own (a list, a map, `None`).
    PathParameter {
        /// The `{param}` of the path.
        name: String,
        /// What the value is instead.
        message: String,
    },
    /// The query string could not be written.
    Query {
        /// What failed.
        message: String,
    },
    /// The JSON body could not be written.
    Json {
        /// What failed.
        message: String,
    },
}

impl fmt::Display for IntoHttpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IntoHttpError::NeedsAuthentication { endpoint } => write!(
                f,
                "`{endpoint}` requires an access token, but none was given \
                 (pass SendAccessToken::IfRequired(token))"
            ),
            IntoHttpError::EndpointNotSupported { endpoint } => write!(
                f,
                "the server announces no version or feature flag that has `{endpoint}`"
            ),
            IntoHttpError::EndpointNotAvailable {
                endpoint,
                capability,
                state,
            } => {
                let gate = Gate {
                    capability,
                    state: *state,
                };
                write!(f, "`{endpoint}` is not available on this server: {gate}")
            }
            IntoHttpError::UnknownPath { endpoint, path } => write!(
                f,
                "`{path}` is not a path of `{endpoint}`; force one of the paths of its history"
            ),
            IntoHttpError::EndpointRemoved {
                endpoint,
                removed_in,
            } => write!(
                f,
                "`{endpoint}` was removed in {removed_in}, and the server supports no older version"
            ),
            IntoHttpError::Uri { uri, message } => write!(f, "invalid URI `{uri}`: {message}"),
            IntoHttpError::Header { name, message } => {
                write!(f, "header `{name}` cannot be sent: {message}")
            }
            IntoHttpError::PathParameter { name, message } => {
                write!(f, "path parameter `{{{name}}}`: {message}")
            }
            IntoHttpError::Query { message } => write!(f, "query string: {message}"),
            IntoHttpError::Json { message } => write!(f, "JSON body: {message}"),
        }
    }
}

impl std::error::Error for IntoHttpError {}

/// Which kind of JSON problem a [`JsonError`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonErrorKind {
    /// The bytes are not JSON.
    Syntax,
    /// Valid JSON, but a value has the wrong type or is missing.
    Data,
    /// The JSON ends early.
    Eof,
}

/// A JSON body that could not be read, with the field that failed where there is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    /// What kind of problem.
    pub kind: JsonErrorKind,
    /// The path to the failing field, such as `auth.identifier.user` (`None` for syntax errors
    /// and for problems with the top-level value).
    pub field: Option<String>,
    /// What was wrong.
    pub message: String,
    /// The line of the problem, 1-based (0 when unknown).
    pub line: usize,
    /// The column of the problem, 1-based (0 when unknown).
    pub column: usize,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.field, self.kind) {
            (Some(field), _) => write!(f, "JSON body, field `{field}`: {}", self.message)?,
            (None, JsonErrorKind::Syntax) => write!(f, "JSON syntax error: {}", self.message)?,
            (None, JsonErrorKind::Eof) => write!(f, "JSON body ends early: {}", self.message)?,
            (None, JsonErrorKind::Data) => write!(f, "JSON body: {}", self.message)?,
        }
        if self.line > 0 {
            write!(f, " (line {}, column {})", self.line, self.column)?;
        }
        Ok(())
    }
}

/// What is wrong with a header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeaderProblem {
    /// A required header is absent.
    Missing,
    /// The value is not visible ASCII / UTF-8 text.
    NotText,
    /// The value does not parse as the field's type.
    Invalid(String),
}

/// A part of an incoming request or response could not be read into the endpoint's type.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DeserializationError {
    /// The JSON body.
    Json(JsonError),
    /// The query string.
    Query {
        /// The parameter that failed, when known.
        parameter: Option<String>,
        /// What was wrong.
        message: String,
    },
    /// A header.
    Header {
        /// The header.
        name: HeaderName,
        /// What was wrong.
        problem: HeaderProblem,
    },
    /// A path parameter.
    PathSegment {
        /// Its position among the path's parameters, from 0.
        index: usize,
        /// Its name in the path template.
        name: &'static str,
        /// What was wrong.
        message: String,
    },
}

impl fmt::Display for DeserializationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DeserializationError::Json(err) => err.fmt(f),
            DeserializationError::Query {
                parameter: Some(p),
                message,
            } => {
                write!(f, "query parameter `{p}`: {message}")
            }
            DeserializationError::Query {
                parameter: None,
                message,
            } => {
                write!(f, "query string: {message}")
            }
            DeserializationError::Header { name, problem } => match problem {
                HeaderProblem::Missing => write!(f, "header `{name}` is missing"),
                HeaderProblem::NotText => write!(f, "header `{name}` is not valid text"),
                HeaderProblem::Invalid(message) => write!(f, "header `{name}`: {message}"),
            },
            DeserializationError::PathSegment {
                index,
                name,
                message,
            } => {
                write!(f, "path segment {index} (`{{{name}}}`): {message}")
            }
        }
    }
}

impl std::error::Error for DeserializationError {}

impl From<JsonError> for DeserializationError {
    fn from(err: JsonError) -> Self {
        DeserializationError::Json(err)
    }
}

/// An incoming request could not be read into the endpoint's `Request` type.
///
/// Turn it into a [`MatrixError`] (`MatrixError::from`) to answer the client with the status and
/// `errcode` the specification asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FromHttpRequestError {
    /// The request used a method the endpoint does not accept.
    MethodMismatch {
        /// The endpoint's method.
        expected: Method,
        /// The request's method.
        received: Method,
    },
    /// The path does not match any path of the endpoint.
    PathMismatch {
        /// The request's path.
        path: String,
    },
    /// The router passed a different number of path arguments than the path has parameters.
    PathArgumentCount {
        /// The number of parameters in the path.
        expected: usize,
        /// The number of arguments passed.
        received: usize,
    },
    /// The endpoint requires an access token and the request carries none.
    MissingAccessToken,
    /// A part of the request is malformed.
    Deserialization(DeserializationError),
}

impl fmt::Display for FromHttpRequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FromHttpRequestError::MethodMismatch { expected, received } => {
                write!(
                    f,
                    "method {received} is not allowed here; this endpoint takes {expected}"
                )
            }
            FromHttpRequestError::PathMismatch { path } => {
                write!(f, "path `{path}` does not match any path of this endpoint")
            }
            FromHttpRequestError::PathArgumentCount { expected, received } => write!(
                f,
                "{received} path arguments were passed, but the path has {expected} parameters"
            ),
            FromHttpRequestError::MissingAccessToken => {
                f.write_str("this endpoint requires an access token, and the request has none")
            }
            FromHttpRequestError::Deserialization(err) => err.fmt(f),
        }
    }
}

impl std::error::Error for FromHttpRequestError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            FromHttpRequestError::Deserialization(err) => Some(err),
            _ => None,
        }
    }
}

impl From<DeserializationError> for FromHttpRequestError {
    fn from(err: DeserializationError) -> Self {
        FromHttpRequestError::Deserialization(err)
    }
}

impl From<JsonError> for FromHttpRequestError {
    fn from(err: JsonError) -> Self {
        FromHttpRequestError::Deserialization(err.into())
    }
}

/// An incoming response could not be read: either it was a success we could not parse, or it
/// was an error status, parsed into the endpoint's error type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FromHttpResponseError<E> {
    /// A success response whose contents do not fit the endpoint's `Response` type.
    Deserialization(DeserializationError),
    /// The server answered with an error status; this is its body.
    Server(E),
}

impl<E> FromHttpResponseError<E> {
    /// The server's error, if that is what this is.
    pub fn server_error(&self) -> Option<&E> {
        match self {
            FromHttpResponseError::Server(err) => Some(err),
            FromHttpResponseError::Deserialization(_) => None,
        }
    }
}

impl<E: fmt::Display> fmt::Display for FromHttpResponseError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FromHttpResponseError::Deserialization(err) => {
                write!(f, "could not read the server's response: {err}")
            }
            FromHttpResponseError::Server(err) => write!(f, "the server answered: {err}"),
        }
    }
}

impl<E: std::error::Error + 'static> std::error::Error for FromHttpResponseError<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            FromHttpResponseError::Deserialization(err) => Some(err),
            FromHttpResponseError::Server(err) => Some(err),
        }
    }
}

impl<E> From<DeserializationError> for FromHttpResponseError<E> {
    fn from(err: DeserializationError) -> Self {
        FromHttpResponseError::Deserialization(err)
    }
}

impl<E> From<JsonError> for FromHttpResponseError<E> {
    fn from(err: JsonError) -> Self {
        FromHttpResponseError::Deserialization(err.into())
    }
}
