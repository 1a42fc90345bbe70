//! CORS, as the specification's "Web Browser Clients" section asks: every answer carries the
//! recommended headers, and an `OPTIONS` preflight is answered on every path, known or not,
//! without running any endpoint's logic.
//!
//! A browser (where matrix-js-sdk usually runs) sends the preflight before any request with an
//! `Authorization` or a JSON `Content-Type` header, and hands no answer to the page without
//! `Access-Control-Allow-Origin`.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::header::{
    ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS, ACCESS_CONTROL_ALLOW_ORIGIN,
};
use http::{HeaderValue, Method, StatusCode};

/// The methods the specification recommends announcing.
const RECOMMENDED_METHODS: [Method; 5] = [
    Method::GET,
    Method::POST,
    Method::PUT,
    Method::DELETE,
    Method::OPTIONS,
];

/// The request headers the specification recommends allowing.
const ALLOW_HEADERS: &str = "X-Requested-With, Content-Type, Authorization";

/// The headers every answer of one router carries.
#[derive(Clone, Debug)]
pub(crate) struct Cors {
    allow_methods: HeaderValue,
}

impl Cors {
    /// The recommended headers, with any method the endpoints take beyond the recommended ones
    /// added, as the specification asks of servers with "additional endpoints or methods".
    /// `HEAD` is never added: browsers send it without a preflight.
    pub(crate) fn for_methods<'a>(methods: impl IntoIterator<Item = &'a Method>) -> Cors {
        let mut announced = RECOMMENDED_METHODS.to_vec();
        for method in methods {
            if *method != Method::HEAD && !announced.contains(method) {
                announced.push(method.clone());
            }
        }
        let list: Vec<&str> = announced.iter().map(Method::as_str).collect();
        // Method names are tokens, always valid in a header value.
        let allow_methods = HeaderValue::from_str(&list.join(", "))
            .unwrap_or_else(|_| HeaderValue::from_static("GET, POST, PUT, DELETE, OPTIONS"));
        Cors { allow_methods }
    }
}

/// The middleware: answers `OPTIONS` itself with `204 No Content`, and adds the headers to every
/// answer.
pub(crate) async fn cors(State(cors): State<Cors>, request: Request, next: Next) -> Response {
    let mut response = if request.method() == Method::OPTIONS {
        let mut response = Response::new(Body::empty());
        *response.status_mut() = StatusCode::NO_CONTENT;
        response
    } else {
        next.run(request).await
    };
    let headers = response.headers_mut();
    headers.insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    headers.insert(ACCESS_CONTROL_ALLOW_METHODS, cors.allow_methods);
    headers.insert(
        ACCESS_CONTROL_ALLOW_HEADERS,
        HeaderValue::from_static(ALLOW_HEADERS),
    );
    response
}
