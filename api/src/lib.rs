#![doc = include_str!("../docs/lib.md")]
#![warn(missing_docs)]

// Generated code names `::matrix_api`, which must also resolve inside this crate.
extern crate self as matrix_api;

pub mod api;
pub mod auth;
#[cfg(feature = "axum")]
pub mod axum;
mod body;
#[cfg(feature = "describe")]
pub mod describe;
pub mod error;
mod fallback;
pub mod field;
pub mod header;
mod history;
mod incoming;
pub mod json;
mod metadata;
mod outgoing;
mod percent;
mod query;
pub mod redact;
mod segment;
pub mod selection;
mod text_ser;
mod version;

#[doc(hidden)]
pub mod __private;

/// The rules of a declaration that `#[request]` has rustc check (they need `METADATA`, which the
/// macro cannot see), as traits implemented by `Check<true>` only: a broken rule is a trait-bound
/// error on the user's token, worded by the trait. Not a public API; public under this name,
/// not in `__private`, because rustc prints this path in those errors.
#[doc(hidden)]
pub mod declaration;

/// Keeps the items inside when the cargo feature `describe` of `matrix-api` is on, and drops
/// them when it is off: for hand-written [`describe::DescribeFields`] impls, which must exist
/// exactly when the macros describe the endpoints that flatten the type. A crate's own
/// `#[cfg(feature = "describe")]` cannot say that, as another crate may turn the feature on.
///
/// ```
/// use matrix_api::with_describe;
///
/// pub struct Extra;
///
/// with_describe! {
///     impl matrix_api::describe::DescribeFields for Extra {
///         const FIELDS: &'static [matrix_api::describe::FieldDescription] = &[];
///     }
/// }
/// ```
#[cfg(feature = "describe")]
#[macro_export]
macro_rules! with_describe {
    ($($item:item)*) => { $($item)* };
}

/// See the documentation with the feature on.
#[cfg(not(feature = "describe"))]
#[macro_export]
macro_rules! with_describe {
    ($($item:item)*) => {};
}

/// `?` for generated code: the same early return with `From` conversion, written out, so that a
/// crate with many endpoints does not compile a `Try` impl for each of their result types.
#[doc(hidden)]
#[macro_export]
macro_rules! __try {
    ($result:expr) => {
        match $result {
            ::std::result::Result::Ok(value) => value,
            ::std::result::Result::Err(error) => {
                return ::std::result::Result::Err(::std::convert::From::from(error))
            }
        }
    };
}

pub use auth::{AuthScheme, SendAccessToken};
pub use error::{FromHttpRequestError, FromHttpResponseError, IntoHttpError};
pub use header::HeaderField;
pub use history::{
    path_params, StablePath, StablePathSelector, UnstablePath, VersionHistory, VersioningDecision,
};
/// The `http` crate, whose request and response types the conversions produce and read.
pub use http;
/// JSON-safe integers, the type of the specification's integer fields (`UInt` for the
/// non-negative ones), and their literal macros.
pub use js_int::{int, uint, Int, UInt};
#[doc = include_str!("../docs/metadata.md")]
pub use matrix_api_macros::metadata;
#[doc = include_str!("../docs/request.md")]
pub use matrix_api_macros::request;
#[doc = include_str!("../docs/response.md")]
pub use matrix_api_macros::response;
pub use metadata::Metadata;
pub use version::{MatrixVersion, SupportedVersions, UnknownVersionError};

/// A request a client sends: converts into an [`http::Request`] for a given server.
///
/// The body is a `Vec<u8>`: a raw body (a media upload) is moved in as it is, a JSON body
/// written into a buffer sized from the last JSON body written on the same thread and handed
/// over without a copy. `http::Request::map` turns it into any other body type, such as
/// `bytes::Bytes` (`Bytes::from(vec)` takes the buffer over without copying).
pub trait OutgoingRequest: Sized {
    /// The endpoint's metadata.
    const METADATA: Metadata;
    /// The error type the server answers with.
    type EndpointError: EndpointError;
    /// The response type that answers this request.
    type IncomingResponse: IncomingResponse<EndpointError = Self::EndpointError>;

    /// Builds the HTTP request for a server at `base_url` (such as `https://matrix.example.org`)
    /// that supports `versions`, choosing the path with [`Metadata::select_path`].
    fn try_into_http_request(
        self,
        base_url: &str,
        access_token: SendAccessToken<'_>,
        versions: &SupportedVersions,
    ) -> Result<http::Request<Vec<u8>>, IntoHttpError> {
        let path = Self::METADATA.select_path(versions)?;
        self.try_into_http_request_with_path(path, base_url, access_token)
    }

    /// Builds the HTTP request on a path chosen beforehand, usually by
    /// [`Metadata::decide`]'s [`Decision::path`](selection::Decision::path). `path` is a
    /// template of the endpoint's history: its `{param}`s are filled from the request.
    fn try_into_http_request_with_path(
        self,
        path: &str,
        base_url: &str,
        access_token: SendAccessToken<'_>,
    ) -> Result<http::Request<Vec<u8>>, IntoHttpError>;
}

/// A response a client receives: parses from an [`http::Response`].
pub trait IncomingResponse: Sized {
    /// The error type the server answers with.
    type EndpointError: EndpointError;

    /// Parses the response; an error status (400 and above) becomes
    /// [`FromHttpResponseError::Server`] with the body parsed into the endpoint's error type.
    ///
    /// A JSON body is only read; a raw body (a media download) is taken over: moved out of a
    /// `Vec<u8>` (or a `Bytes` no one else holds), copied only from a borrowed slice.
    fn try_from_http_response<T: AsRef<[u8]> + Into<Vec<u8>>>(
        response: http::Response<T>,
    ) -> Result<Self, FromHttpResponseError<Self::EndpointError>>;
}

/// A request a server receives: parses from an [`http::Request`].
pub trait IncomingRequest: Sized {
    /// The endpoint's metadata.
    const METADATA: Metadata;
    /// The error type the server answers with.
    type EndpointError: EndpointError;
    /// The response type that answers this request.
    type OutgoingResponse: OutgoingResponse;

    /// Parses the request. `path_args` are the router's percent-decoded path parameters in
    /// path order; pass an empty slice to have them read from the request's URI instead.
    ///
    /// As for [`IncomingResponse::try_from_http_response`], a raw body (a media upload) is taken
    /// over without a copy when the body is owned.
    fn try_from_http_request<B: AsRef<[u8]> + Into<Vec<u8>>, S: AsRef<str>>(
        request: http::Request<B>,
        path_args: &[S],
    ) -> Result<Self, FromHttpRequestError>;
}

/// A response a server sends: converts into an [`http::Response`] with a `Vec<u8>` body, made
/// as [`OutgoingRequest`] makes a request's.
pub trait OutgoingResponse {
    /// Builds the HTTP response.
    fn try_into_http_response(self) -> Result<http::Response<Vec<u8>>, IntoHttpError>;
}

/// The error type of an endpoint: what the server sends instead of the `Response`, and what the
/// client parses an error status into.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an endpoint error type",
    label = "does not implement `matrix_api::EndpointError`",
    note = "the `error = ...` of `#[request]` and `#[response]` is a type implementing \
            `matrix_api::EndpointError`: `matrix_api::error::MatrixError` (the default, for the \
            standard `errcode`/`error` body), `matrix_client_api::uiaa::UiaaResponse` (for \
            endpoints behind User-Interactive Authentication), or your own type with \
            `impl EndpointError`"
)]
pub trait EndpointError:
    OutgoingResponse + std::error::Error + Sized + Send + Sync + 'static
{
    /// Parses an error response. Never fails: a body that is not the expected shape is kept
    /// as it came, so nothing the server said is lost.
    fn from_http_response<T: AsRef<[u8]>>(response: http::Response<T>) -> Self;
}
