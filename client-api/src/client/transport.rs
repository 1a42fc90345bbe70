//! What the client needs of an HTTP stack: send one request, and wait.

use std::future::Future;
use std::time::Duration;

/// An HTTP stack the [`Client`](super::Client) sends requests over.
///
/// Two methods over `http` types, so that any stack fits: reqwest (the cargo feature
/// `reqwest` provides `client::ReqwestTransport`; not a link, which would break the docs
/// built without the feature), hyper, a browser's `fetch`, or a scripted stand-in in tests.
pub trait Transport: Send + Sync {
    /// Why an exchange failed (connection refused, TLS, a timeout, …).
    type Error: std::error::Error + Send + Sync + 'static;

    /// Sends the request and returns the whole response.
    fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> impl Future<Output = Result<http::Response<Vec<u8>>, Self::Error>> + Send;

    /// Waits this long, before retrying a rate-limited request; on the stack's own timer.
    fn sleep(&self, duration: Duration) -> impl Future<Output = ()> + Send;
}

#[cfg(feature = "reqwest")]
pub use self::reqwest::ReqwestTransport;

#[cfg(feature = "reqwest")]
mod reqwest {
    use std::time::Duration;

    use super::Transport;

    /// [`Transport`] over a [`reqwest::Client`], on tokio's timer.
    #[derive(Clone, Debug, Default)]
    pub struct ReqwestTransport {
        client: reqwest::Client,
    }

    impl ReqwestTransport {
        /// A transport over a default `reqwest::Client`.
        pub fn new() -> Self {
            ReqwestTransport::default()
        }

        /// A transport over this client, with its timeouts, proxy and TLS settings.
        pub fn with_client(client: reqwest::Client) -> Self {
            ReqwestTransport { client }
        }
    }

    impl Transport for ReqwestTransport {
        type Error = reqwest::Error;

        async fn send(
            &self,
            request: http::Request<Vec<u8>>,
        ) -> Result<http::Response<Vec<u8>>, reqwest::Error> {
            let request = reqwest::Request::try_from(request)?;
            let response = self.client.execute(request).await?;
            let mut answer = http::Response::new(Vec::new());
            *answer.status_mut() = response.status();
            *answer.version_mut() = response.version();
            *answer.headers_mut() = response.headers().clone();
            *answer.body_mut() = response.bytes().await?.to_vec();
            Ok(answer)
        }

        async fn sleep(&self, duration: Duration) {
            tokio::time::sleep(duration).await;
        }
    }
}
