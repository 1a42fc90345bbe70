//! [`Incoming`], the extractor: the endpoint's parsed request and the caller's token, read from
//! a body within the router's limit and from axum's matched path parameters.

use std::borrow::Cow;
use std::fmt;
use std::pin::Pin;

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::{FromRequest, FromRequestParts, RawPathParams, Request};
use bytes::BytesMut;
use http::header::CONTENT_LENGTH;
use http::{HeaderMap, StatusCode};

use crate::error::{ErrorKind, MatrixError};
use crate::IncomingRequest;

/// The body limit of a [`Router`](super::Router) that sets none, and of [`Incoming`] used in a
/// route of another router: 1 MiB.
///
/// Far above any JSON body of the Client-Server API, whose largest (key uploads, to-device
/// messages to many devices) stay in the tens of kilobytes, and far below what would let one
/// client hold much of a server's memory. A media upload endpoint needs a larger limit.
pub const DEFAULT_BODY_LIMIT: usize = 1024 * 1024;

/// The body limit of the router a request came through, as a request extension.
#[derive(Clone, Copy, Debug)]
pub(crate) struct BodyLimit(pub(crate) usize);

/// The request of endpoint `R`, parsed, with the caller's token: what a handler given to
/// [`Router::endpoint`](super::Router::endpoint) takes as its last argument.
///
/// As an axum extractor it reads the body (refusing more than the router's body limit with
/// `413 M_TOO_LARGE`), takes the path arguments from axum's matched path, and parses the request
/// with [`IncomingRequest::try_from_http_request`]. A request that does not read is answered with
/// the [`MatrixError`] the runtime makes of it — `400 M_NOT_JSON`, `400 M_BAD_JSON`,
/// `401 M_MISSING_TOKEN`, `400 M_INVALID_PARAM`, …, its message naming the failing part — before
/// the handler runs. That is the standard error body whatever the endpoint's error type, so the
/// error type needs no conversion from [`MatrixError`].
///
/// An empty body reads as `{}`: a `POST` whose fields are all optional (such as the first call of
/// a User-Interactive Authentication flow) may send nothing.
#[non_exhaustive]
pub struct Incoming<R> {
    /// The parsed request.
    pub request: R,
    /// The token the caller sent (`Authorization: Bearer`, or the deprecated `access_token`
    /// query parameter): a user's access token, or an application service's `as_token` on the
    /// endpoints that take one. Present whenever the endpoint's `authentication` requires a
    /// token, since a request without one is answered `401 M_MISSING_TOKEN`; checking that it
    /// is valid is the handler's work.
    pub access_token: Option<String>,
}

impl<R> Incoming<R> {
    /// A parsed request and token, such as a test gives a handler it calls directly.
    pub fn new(request: R, access_token: Option<String>) -> Self {
        Incoming {
            request,
            access_token,
        }
    }
}

impl<R: fmt::Debug> fmt::Debug for Incoming<R> {
    // Tokens are secrets: Debug output ends up in logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let token = self.access_token.as_ref().map(|_| "<redacted>");
        f.debug_struct("Incoming")
            .field("request", &self.request)
            .field("access_token", &token)
            .finish()
    }
}

impl<R, S> FromRequest<S> for Incoming<R>
where
    R: IncomingRequest,
    S: Send + Sync,
{
    type Rejection = MatrixError;

    async fn from_request(request: Request, _state: &S) -> Result<Self, MatrixError> {
        let (mut parts, body) = request.into_parts();
        let params = matched_params(&mut parts).await;
        let limit = parts
            .extensions
            .get::<BodyLimit>()
            .map_or(DEFAULT_BODY_LIMIT, |limit| limit.0);
        let body = read_body(body, &parts.headers, limit).await?;
        let request = http::Request::from_parts(parts, body);
        let access_token = crate::auth::access_token(&request).map(Cow::into_owned);
        let args = own_args::<R>(params.as_ref());
        let request = R::try_from_http_request(request, &args)?;
        Ok(Incoming {
            request,
            access_token,
        })
    }
}

/// The path parameters axum matched, percent-decoded; `None` when the runtime should read them
/// from the URI itself, so that its error names what is wrong: a value that is not UTF-8 once
/// decoded (axum refuses those), or a malformed escape such as `%zz` (axum keeps those as text).
async fn matched_params(parts: &mut http::request::Parts) -> Option<RawPathParams> {
    if crate::percent::has_malformed_escape(parts.uri.path()) {
        return None;
    }
    RawPathParams::from_request_parts(parts, &()).await.ok()
}

/// The arguments of `R`'s path parameters, in path order: the last of those matched, since a
/// router nested under a path with parameters of its own matches those first; none (read from
/// the URI) for an endpoint whose last segment may be left out.
fn own_args<R: IncomingRequest>(params: Option<&RawPathParams>) -> Vec<&str> {
    // A route without the optional last segment matched one parameter fewer: the runtime reads
    // those paths from the URI, where it knows every form.
    let Some(params) = params.filter(|_| !R::METADATA.optional_last_segment) else {
        return Vec::new();
    };
    let all: Vec<&str> = params.iter().map(|(_, value)| value).collect();
    let own = R::METADATA
        .history
        .all_paths()
        .next()
        .map_or(0, |path| crate::path_params(path).count());
    all[all.len().saturating_sub(own)..].to_vec()
}

/// The whole body, refused with `413 M_TOO_LARGE` as soon as it is known to exceed `limit`:
/// from `Content-Length` before reading, or while reading a body sent without one.
async fn read_body(
    mut body: Body,
    headers: &HeaderMap,
    limit: usize,
) -> Result<Bytes, MatrixError> {
    let declared = headers
        .get(CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit as u64) {
        return Err(too_large(limit));
    }
    let mut bytes = BytesMut::new();
    while let Some(frame) = std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await {
        let frame = frame.map_err(|err| unreadable(&err))?;
        // Trailers carry nothing an endpoint reads.
        let Ok(data) = frame.into_data() else {
            continue;
        };
        if data.len() > limit - bytes.len() {
            return Err(too_large(limit));
        }
        bytes.extend_from_slice(&data);
    }
    Ok(bytes.freeze())
}

#[cold]
fn too_large(limit: usize) -> MatrixError {
    MatrixError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        ErrorKind::TooLarge,
        format!("the request body is larger than the limit of {limit} bytes"),
    )
}

#[cold]
fn unreadable(err: &axum::Error) -> MatrixError {
    MatrixError::new(
        StatusCode::BAD_REQUEST,
        ErrorKind::Unknown,
        format!("the request body could not be read: {err}"),
    )
}
