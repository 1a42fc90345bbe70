//! [`Router`]: endpoints registered by their handlers, each under every path of its history with
//! its method, finished into an `axum::Router` that answers what no endpoint does as the
//! specification asks.

use std::collections::BTreeMap;
use std::fmt;

use axum::extract::{DefaultBodyLimit, Request};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodFilter, MethodRouter};
use axum::Extension;
use http::header::ALLOW;
use http::{HeaderValue, Method, StatusCode};

use super::cors::{cors, Cors};
use super::extract::{BodyLimit, DEFAULT_BODY_LIMIT};
use super::handler::EndpointHandler;
use crate::error::{ErrorKind, MatrixError};
use crate::IncomingRequest;

/// A router of Matrix endpoints with router state `S`, finished into an `axum::Router` by
/// [`into_axum`](Router::into_axum) or [`with_state`](Router::with_state).
///
/// The finished router
///
/// - routes each endpoint given to [`endpoint`](Router::endpoint) under every path of its
///   history (`r0` and `v3`, unstable and stable) with its method, and a `GET` endpoint under
///   `HEAD` too (answered without a body);
/// - answers a path no endpoint has `404 M_UNRECOGNIZED`, and a method no endpoint of a known
///   path takes `405 M_UNRECOGNIZED` with an `Allow` header, as the specification's
///   `M_UNRECOGNIZED` says;
/// - refuses a request body over [`body_limit`](Router::body_limit) bytes
///   ([`DEFAULT_BODY_LIMIT`](super::DEFAULT_BODY_LIMIT) unless set) with `413 M_TOO_LARGE`;
/// - answers every `OPTIONS` preflight and puts the CORS headers on every answer, as the
///   specification's "Web Browser Clients" section recommends (an endpoint declared with the
///   `OPTIONS` method is therefore never reached). The methods announced are the recommended
///   ones, with any other method an endpoint takes added.
pub struct Router<S = ()> {
    paths: BTreeMap<&'static str, PathRoute<S>>,
    others: axum::Router<S>,
    body_limit: usize,
}

/// The endpoints of one path.
struct PathRoute<S> {
    router: MethodRouter<S>,
    /// Each endpoint's method and request type, for the 405 answer and for the message of a
    /// method registered twice.
    endpoints: Vec<(Method, &'static str)>,
}

impl<S> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    /// A router with no endpoints and the default body limit.
    pub fn new() -> Self {
        Router {
            paths: BTreeMap::new(),
            others: axum::Router::new(),
            body_limit: DEFAULT_BODY_LIMIT,
        }
    }

    /// Routes the endpoint `handler` serves (the `R` of its [`Incoming<R>`](super::Incoming)
    /// argument) under every path of its history, with its method ([`Metadata::server_paths`]:
    /// with the forms without an optional last segment too).
    ///
    /// [`Metadata::server_paths`]: crate::Metadata::server_paths
    ///
    /// # Panics
    ///
    /// When another endpoint already has the same method on one of these paths, or the
    /// endpoint's method is one axum cannot route (`metadata!` writes only those it can): both
    /// are mistakes in the program, found the first time it builds its router.
    pub fn endpoint<H, T>(self, handler: H) -> Self
    where
        H: EndpointHandler<T, S>,
    {
        let metadata = <H::Request as IncomingRequest>::METADATA;
        let paths: Vec<&'static str> = metadata.server_paths().collect();
        self.route(handler, paths.into_iter())
    }

    /// Routes the endpoint only under `paths`, some of its history's: for a server that
    /// implements some generations of an endpoint (an MSC's unstable path, say, and not yet
    /// the stable one). Clients probing for the others get `404 M_UNRECOGNIZED`.
    ///
    /// # Panics
    ///
    /// As [`endpoint`](Router::endpoint), and when a path is not one of the history's: its
    /// `{param}`s would not be the request's.
    pub fn endpoint_on<H, T>(self, paths: &[&str], handler: H) -> Self
    where
        H: EndpointHandler<T, S>,
    {
        let metadata = <H::Request as IncomingRequest>::METADATA;
        let history = metadata.history;
        let known = paths.iter().map(|path| {
            history
                .all_paths()
                .find(|known| known == path)
                .unwrap_or_else(|| {
                    let name = std::any::type_name::<H::Request>();
                    panic!("`{path}` is not a path of `{name}`")
                })
        });
        let known = known.flat_map(|path| {
            let short = metadata
                .optional_last_segment
                .then(|| crate::metadata::short_forms(path));
            std::iter::once(path).chain(short.into_iter().flatten())
        });
        let known: Vec<&'static str> = known.collect();
        self.route(handler, known.into_iter())
    }

    fn route<H, T>(mut self, handler: H, paths: impl Iterator<Item = &'static str>) -> Self
    where
        H: EndpointHandler<T, S>,
    {
        let metadata = <H::Request as IncomingRequest>::METADATA;
        let name = std::any::type_name::<H::Request>();
        let method = metadata.method;
        let filter = MethodFilter::try_from(method.clone())
            .unwrap_or_else(|_| panic!("`{name}`: axum cannot route the method {method}"));
        for path in paths {
            let route = self.paths.entry(path).or_insert_with(|| PathRoute {
                router: MethodRouter::new(),
                endpoints: Vec::new(),
            });
            if let Some((_, other)) = route.endpoints.iter().find(|(m, _)| *m == method) {
                panic!("`{method} {path}` is served by two endpoints: `{other}` and `{name}`");
            }
            route.endpoints.push((method.clone(), name));
            let router = std::mem::replace(&mut route.router, MethodRouter::new());
            route.router = router.merge(handler.clone().into_method_router(filter));
        }
        self
    }

    /// Refuses request bodies larger than `bytes` with `413 M_TOO_LARGE`, before any handler
    /// runs.
    pub fn body_limit(mut self, bytes: usize) -> Self {
        self.body_limit = bytes;
        self
    }

    /// Adds routes that are not Matrix endpoints (such as `/.well-known/matrix/client`), served
    /// with the same CORS headers and body limit (which axum's own body extractors, such as
    /// `Json`, answer with their own `413`).
    pub fn merge(mut self, routes: axum::Router<S>) -> Self {
        self.others = self.others.merge(routes);
        self
    }

    /// The finished `axum::Router`, still waiting for its state.
    pub fn into_axum(self) -> axum::Router<S> {
        let cors_state = Cors::for_methods(
            self.paths
                .values()
                .flat_map(|route| route.endpoints.iter().map(|(method, _)| method)),
        );
        let mut router = self.others;
        for (path, route) in self.paths {
            let allowed = Allowed::new(path, &route.endpoints);
            let fallback = move |request: Request| async move { allowed.answer(request.method()) };
            router = router.route(path, route.router.fallback(fallback));
        }
        router
            .fallback(not_found)
            .layer(Extension(BodyLimit(self.body_limit)))
            .layer(DefaultBodyLimit::max(self.body_limit))
            .layer(axum::middleware::from_fn_with_state(cors_state, cors))
    }

    /// The finished `axum::Router` with its state, ready for `axum::serve`.
    pub fn with_state<S2>(self, state: S) -> axum::Router<S2> {
        self.into_axum().with_state(state)
    }
}

impl<S> Default for Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    fn default() -> Self {
        Router::new()
    }
}

impl<S> fmt::Debug for Router<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let endpoints: BTreeMap<_, Vec<_>> = self
            .paths
            .iter()
            .map(|(path, route)| (path, route.endpoints.iter().map(|(m, _)| m).collect()))
            .collect();
        f.debug_struct("Router")
            .field("endpoints", &endpoints)
            .field("body_limit", &self.body_limit)
            .finish_non_exhaustive()
    }
}

/// The methods of one path, for its `405` answer.
#[derive(Clone)]
struct Allowed {
    path: &'static str,
    /// The endpoints' methods, as the message names them.
    declared: String,
    /// Every method the path answers: the endpoints', `HEAD` with `GET`, and `OPTIONS`.
    header: HeaderValue,
}

impl Allowed {
    fn new(path: &'static str, endpoints: &[(Method, &'static str)]) -> Allowed {
        let mut methods: Vec<&Method> = endpoints.iter().map(|(method, _)| method).collect();
        methods.sort_by_key(|method| method.as_str());
        let declared: Vec<&str> = methods.iter().map(|method| method.as_str()).collect();
        let mut answered = declared.clone();
        if methods.contains(&&Method::GET) && !methods.contains(&&Method::HEAD) {
            answered.push(Method::HEAD.as_str());
        }
        answered.push(Method::OPTIONS.as_str());
        Allowed {
            path,
            declared: declared.join(", "),
            // Method names are tokens, always valid in a header value.
            header: HeaderValue::from_str(&answered.join(", "))
                .unwrap_or_else(|_| HeaderValue::from_static("OPTIONS")),
        }
    }

    fn answer(&self, method: &Method) -> Response {
        let error = MatrixError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            ErrorKind::Unrecognized,
            format!(
                "method {method} is not allowed on `{}`; it takes {}",
                self.path, self.declared
            ),
        );
        let mut response = error.into_response();
        response.headers_mut().insert(ALLOW, self.header.clone());
        response
    }
}

/// The answer for a path no endpoint has.
async fn not_found(uri: http::Uri) -> MatrixError {
    MatrixError::new(
        StatusCode::NOT_FOUND,
        ErrorKind::Unrecognized,
        format!("no endpoint has the path `{}`", uri.path()),
    )
}
