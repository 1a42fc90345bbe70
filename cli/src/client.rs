//! A small Matrix client: any `matrix-api` endpoint over reqwest, with the path chosen from the
//! server's `/versions`.

use std::fmt;

use matrix_api::{
    FromHttpResponseError, IncomingResponse, IntoHttpError, OutgoingRequest, SendAccessToken,
    SupportedVersions,
};
use matrix_client_api::discovery::get_supported_versions;

/// Why a call failed.
#[derive(Debug)]
pub enum ClientError<E> {
    /// The request could not be built (no path for this server, a missing token, …).
    Request(IntoHttpError),
    /// The HTTP exchange failed (connection refused, TLS, …).
    Http(reqwest::Error),
    /// The server answered, with an error or with something we could not read.
    Response(FromHttpResponseError<E>),
}

impl<E: fmt::Display> fmt::Display for ClientError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClientError::Request(err) => write!(f, "cannot build the request: {err}"),
            ClientError::Http(err) => write!(f, "HTTP error: {err}"),
            ClientError::Response(err) => err.fmt(f),
        }
    }
}

impl<E: std::error::Error + 'static> std::error::Error for ClientError<E> {}

impl<E> ClientError<E> {
    /// The server's typed error, if the server answered with one.
    pub fn server_error(&self) -> Option<&E> {
        match self {
            ClientError::Response(FromHttpResponseError::Server(err)) => Some(err),
            _ => None,
        }
    }
}

/// A homeserver and what it supports.
#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    base_url: String,
    supported: SupportedVersions,
    versions_response: get_supported_versions::Response,
}

impl Client {
    /// Asks the server at `base_url` what it supports (`GET /_matrix/client/versions`).
    pub async fn discover(
        base_url: &str,
    ) -> Result<Self, ClientError<matrix_api::error::MatrixError>> {
        let http = reqwest::Client::builder()
            .user_agent(concat!("matrix-login/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(ClientError::Http)?;
        let base_url = base_url.trim_end_matches('/').to_owned();
        let versions = send_raw(
            &http,
            &base_url,
            &SupportedVersions::default(),
            get_supported_versions::Request::new(),
            SendAccessToken::None,
        )
        .await?;
        Ok(Client {
            http,
            base_url,
            supported: versions.supported_versions(),
            versions_response: versions,
        })
    }

    /// The server's base URL.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// What the server supports, as path selection sees it.
    pub fn supported(&self) -> &SupportedVersions {
        &self.supported
    }

    /// The `/versions` answer as the server sent it.
    pub fn versions_response(&self) -> &get_supported_versions::Response {
        &self.versions_response
    }

    /// Sends a request and parses the answer.
    pub async fn send<R: OutgoingRequest>(
        &self,
        request: R,
        access_token: SendAccessToken<'_>,
    ) -> Result<R::IncomingResponse, ClientError<R::EndpointError>> {
        send_raw(
            &self.http,
            &self.base_url,
            &self.supported,
            request,
            access_token,
        )
        .await
    }

    /// Sends a request like [`send`](Self::send) (same path selection, same token handling) but
    /// returns the answer as it came, status, headers and body, for callers that look at more
    /// than the typed response. `R::IncomingResponse::try_from_http_response` parses it.
    pub async fn send_unparsed<R: OutgoingRequest>(
        &self,
        request: R,
        access_token: SendAccessToken<'_>,
    ) -> Result<http::Response<Vec<u8>>, ClientError<R::EndpointError>> {
        exchange(
            &self.http,
            &self.base_url,
            &self.supported,
            request,
            access_token,
        )
        .await
    }
}

async fn send_raw<R: OutgoingRequest>(
    http: &reqwest::Client,
    base_url: &str,
    supported: &SupportedVersions,
    request: R,
    access_token: SendAccessToken<'_>,
) -> Result<R::IncomingResponse, ClientError<R::EndpointError>> {
    let response = exchange(http, base_url, supported, request, access_token).await?;
    R::IncomingResponse::try_from_http_response(response).map_err(ClientError::Response)
}

async fn exchange<R: OutgoingRequest>(
    http: &reqwest::Client,
    base_url: &str,
    supported: &SupportedVersions,
    request: R,
    access_token: SendAccessToken<'_>,
) -> Result<http::Response<Vec<u8>>, ClientError<R::EndpointError>> {
    let request = request
        .try_into_http_request::<Vec<u8>>(base_url, access_token, supported)
        .map_err(ClientError::Request)?;
    let request = reqwest::Request::try_from(request).map_err(ClientError::Http)?;
    let response = http.execute(request).await.map_err(ClientError::Http)?;
    let mut builder = http::Response::builder().status(response.status());
    for (name, value) in response.headers() {
        builder = builder.header(name, value);
    }
    let body = response.bytes().await.map_err(ClientError::Http)?;
    Ok(builder
        .body(body.to_vec())
        .expect("status and headers come from a valid response"))
}
