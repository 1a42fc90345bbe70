//! The router: every path of every endpoint, from the endpoints' `METADATA`, dispatched by
//! method to a handler that parses the typed request and serialises the typed response.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

use axum::routing::any;
use bytes::Bytes;
use http::header::{
    ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS, ACCESS_CONTROL_ALLOW_ORIGIN,
};
use http::{HeaderValue, Method, StatusCode};
use matrix_api::error::{ErrorKind, MatrixError};
use matrix_api::{IncomingRequest, OutgoingResponse};

use crate::handlers;
use crate::AppState;

/// Request bodies larger than this are refused before parsing; session API bodies are tiny.
const MAX_BODY_BYTES: usize = 64 * 1024;

/// A type-erased endpoint handler: raw request in, raw response out.
type Endpoint =
    Arc<dyn Fn(&AppState, http::Request<Bytes>) -> http::Response<Vec<u8>> + Send + Sync>;

/// The handler of one endpoint, on typed values: the caller's access token (if any) and the
/// parsed request.
pub(crate) type Handler<R> =
    fn(
        &AppState,
        Option<String>,
        R,
    )
        -> Result<<R as IncomingRequest>::OutgoingResponse, <R as IncomingRequest>::EndpointError>;

#[derive(Default)]
struct Routes {
    by_path: BTreeMap<&'static str, Vec<(Method, Endpoint)>>,
}

impl Routes {
    fn add<R>(&mut self, handler: Handler<R>)
    where
        R: IncomingRequest + 'static,
        R::EndpointError: From<MatrixError>,
    {
        let endpoint: Endpoint = Arc::new(move |state, request| {
            let token = matrix_api::auth::access_token(&request).map(Cow::into_owned);
            let result = R::try_from_http_request(request, &[] as &[&str])
                .map_err(|err| R::EndpointError::from(MatrixError::from(err)))
                .and_then(|request| handler(state, token, request));
            let response = match result {
                Ok(response) => response.try_into_http_response::<Vec<u8>>(),
                Err(error) => error.try_into_http_response::<Vec<u8>>(),
            };
            response.unwrap_or_else(|err| {
                let error = MatrixError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    ErrorKind::Unknown,
                    format!("could not write the response: {err}"),
                );
                error
                    .try_into_http_response()
                    .expect("a standard error body serialises")
            })
        });
        for path in R::METADATA.history.all_paths() {
            let handlers = self.by_path.entry(path).or_default();
            handlers.push((R::METADATA.method.clone(), endpoint.clone()));
        }
    }
}

pub(crate) fn router(state: Arc<AppState>) -> axum::Router {
    use matrix_client_api::{account, discovery, session};

    let mut routes = Routes::default();
    routes.add::<discovery::get_supported_versions::Request>(handlers::versions);
    routes.add::<discovery::get_capabilities::v3::Request>(handlers::capabilities);
    routes.add::<session::get_login_types::v3::Request>(handlers::login_types);
    routes.add::<session::login::v3::Request>(handlers::login);
    routes.add::<session::get_login_token::v1::Request>(handlers::get_login_token);
    routes.add::<session::refresh_token::v3::Request>(handlers::refresh);
    routes.add::<account::whoami::v3::Request>(handlers::whoami);
    routes.add::<session::logout::v3::Request>(handlers::logout);
    routes.add::<session::logout_all::v3::Request>(handlers::logout_all);
    routes.add::<session::sso_login::v3::Request>(handlers::sso_login);
    routes.add::<session::sso_login_with_provider::v3::Request>(handlers::sso_login_with_provider);

    let mut router = axum::Router::new();
    for (path, endpoints) in routes.by_path {
        let endpoints = Arc::new(endpoints);
        let state = state.clone();
        router = router.route(
            path,
            any(move |request: axum::extract::Request| {
                dispatch(state.clone(), endpoints.clone(), request)
            }),
        );
    }
    router
        .fallback(|| async {
            axum_response(MatrixError::new(
                StatusCode::NOT_FOUND,
                ErrorKind::Unrecognized,
                "Unrecognized request",
            ))
        })
        .layer(axum::middleware::from_fn(cors))
}

/// CORS, as the specification's "Web Browser Clients" section asks: every endpoint answers the
/// `OPTIONS` preflight, without running any of its logic, and every answer carries the
/// recommended headers. A browser (where matrix-js-sdk usually runs) sends the preflight before
/// any request with an `Authorization` or a JSON `Content-Type` header, and hands no answer to
/// the page without `Access-Control-Allow-Origin`.
async fn cors(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let mut response = if request.method() == Method::OPTIONS {
        let mut response = axum::response::Response::new(axum::body::Body::empty());
        *response.status_mut() = StatusCode::NO_CONTENT;
        response
    } else {
        next.run(request).await
    };
    let headers = response.headers_mut();
    headers.insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    headers.insert(
        ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static("GET, POST, PUT, DELETE, OPTIONS"),
    );
    headers.insert(
        ACCESS_CONTROL_ALLOW_HEADERS,
        HeaderValue::from_static("X-Requested-With, Content-Type, Authorization"),
    );
    response
}

async fn dispatch(
    state: Arc<AppState>,
    endpoints: Arc<Vec<(Method, Endpoint)>>,
    request: axum::extract::Request,
) -> axum::response::Response {
    let (parts, body) = request.into_parts();
    let Ok(body) = axum::body::to_bytes(body, MAX_BODY_BYTES).await else {
        return axum_response(MatrixError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            ErrorKind::TooLarge,
            format!("the request body is larger than {MAX_BODY_BYTES} bytes"),
        ));
    };
    let request = http::Request::from_parts(parts, body);
    let method = request.method();
    let head_for_get = *method == Method::HEAD;
    // With no endpoint for this method, the first endpoint of the path parses the request and
    // reports the method mismatch itself (405 M_UNRECOGNIZED, naming the method it takes).
    let endpoint = endpoints
        .iter()
        .find(|(m, _)| m == method || (head_for_get && *m == Method::GET))
        .unwrap_or(&endpoints[0])
        .1
        .clone();
    // Password hashing is slow on purpose; keep it off the async workers.
    let response = tokio::task::spawn_blocking(move || endpoint(&state, request)).await;
    match response {
        Ok(response) => response.map(axum::body::Body::from),
        Err(_) => axum_response(MatrixError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            ErrorKind::Unknown,
            "the handler failed",
        )),
    }
}

fn axum_response(error: MatrixError) -> axum::response::Response {
    error
        .try_into_http_response::<Vec<u8>>()
        .expect("a standard error body serialises")
        .map(axum::body::Body::from)
}
