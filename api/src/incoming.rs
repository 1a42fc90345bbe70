//! Reading an incoming message: a server's request (method and access token checked against the
//! endpoint's metadata, then path arguments, query string and headers) and the headers of a
//! client's response, each error naming the part that failed.

use std::borrow::Cow;
use std::fmt;

use http::{HeaderMap, HeaderName, HeaderValue, Method, Uri};
use serde::de::DeserializeOwned;

use crate::auth::has_access_token;
use crate::error::{DeserializationError, FromHttpRequestError, HeaderProblem};
use crate::history::{first_template, param_index, path_params};
use crate::percent::{self, find_byte};
use crate::segment::SegmentError;
use crate::{AuthScheme, Metadata};

/// The method, path arguments, query and headers of an incoming request, checked against the
/// endpoint's metadata.
pub struct IncomingParts<'a> {
    template: &'static str,
    args: Args<'a>,
    /// Whether `args` are the URI's segments, still percent-encoded (decoded as each is read),
    /// rather than what a router passed, decoded already.
    encoded: bool,
    query: &'a str,
    headers: &'a HeaderMap,
}

/// Checks the method and the presence of a required access token, and resolves the path
/// arguments: those the router passed, or, when it passed none, those read from the URI.
///
/// `param_count` is the number of the path's parameters, which `#[request]` knows (one path
/// field each) and passes so that no template is scanned per request.
pub fn incoming_request<'a>(
    metadata: &Metadata,
    param_count: usize,
    request: RequestHead<'a>,
    path_args: &'a dyn PathArgs,
) -> Result<IncomingParts<'a>, FromHttpRequestError> {
    check_method_and_token(metadata, request)?;
    let template = first_path(metadata);
    debug_assert_eq!(param_count, path_params(template).count());
    let expected = param_count;
    let from_router = |count| (0..count).map(|index| path_args.get(index));
    let (args, encoded): (Args, bool) = if expected == 0 && path_args.count() == 0 {
        (Args::new(), false)
    } else if path_args.count() == expected {
        (from_router(expected).collect(), false)
    } else if path_args.count() == 0 {
        (args_from_uri(metadata, request.uri.path())?, true)
    } else if metadata.optional_last_segment && path_args.count() + 1 == expected {
        // A router's short route (`…/state/{event_type}`): the last parameter was left out.
        let args = from_router(path_args.count()).chain(std::iter::once(""));
        (args.collect(), false)
    } else {
        return Err(FromHttpRequestError::PathArgumentCount {
            expected,
            received: path_args.count(),
        });
    };
    // As the client refuses to send one, the server refuses an empty segment: what it reads, a
    // client can say. Only an optional last segment may be empty. (A segment is empty before
    // percent-decoding exactly when it is after.)
    let empty = args.iter().enumerate().position(|(index, arg)| {
        arg.is_empty() && !(metadata.optional_last_segment && index + 1 == expected)
    });
    if let Some(index) = empty {
        let name = path_params(template).nth(index).unwrap_or_default();
        return Err(path_error(index, name, &"it is empty"));
    }
    Ok(IncomingParts {
        template,
        args,
        encoded,
        query: request.uri.query().unwrap_or(""),
        headers: request.headers,
    })
}

/// [`incoming_request`] for an endpoint with no path parameters and no query or header fields,
/// which needs nothing from the parts it would return: the same checks, and no more.
pub fn check_request(
    metadata: &Metadata,
    request: RequestHead<'_>,
    path_args: &dyn PathArgs,
) -> Result<(), FromHttpRequestError> {
    check_method_and_token(metadata, request)?;
    match path_args.count() {
        0 => Ok(()),
        received => Err(FromHttpRequestError::PathArgumentCount {
            expected: 0,
            received,
        }),
    }
}

fn check_method_and_token(
    metadata: &Metadata,
    request: RequestHead<'_>,
) -> Result<(), FromHttpRequestError> {
    let method = request.method;
    let head_for_get = *method == Method::HEAD && metadata.method == Method::GET;
    if *method != metadata.method && !head_for_get {
        return Err(FromHttpRequestError::MethodMismatch {
            expected: metadata.method.clone(),
            received: method.clone(),
        });
    }
    if matches!(
        metadata.authentication,
        AuthScheme::AccessToken | AuthScheme::AppserviceToken
    ) && !has_access_token(request.headers, request.uri)
    {
        return Err(FromHttpRequestError::MissingAccessToken);
    }
    Ok(())
}

/// The method, URI and headers of an incoming request, borrowed: built by the generated generic
/// code from the caller's `http::Request<B>` without moving any part of it.
#[derive(Clone, Copy)]
pub struct RequestHead<'a> {
    /// The request's method.
    pub method: &'a Method,
    /// The request's URI.
    pub uri: &'a Uri,
    /// The request's headers.
    pub headers: &'a HeaderMap,
}

impl<'a> RequestHead<'a> {
    /// The head of `request`.
    pub fn of<B>(request: &'a http::Request<B>) -> Self {
        RequestHead {
            method: request.method(),
            uri: request.uri(),
            headers: request.headers(),
        }
    }

    /// The head of a request taken apart, whose body went elsewhere.
    pub fn of_parts(parts: &'a http::request::Parts) -> Self {
        RequestHead {
            method: &parts.method,
            uri: &parts.uri,
            headers: &parts.headers,
        }
    }
}

/// The path arguments a router passed, whatever string type it uses, behind one non-generic
/// interface so that each endpoint's request reader is compiled once.
pub trait PathArgs {
    /// How many there are.
    fn count(&self) -> usize;
    /// The argument at `index` (< `count()`).
    fn get(&self, index: usize) -> &str;
}

impl<S: AsRef<str>> PathArgs for &[S] {
    fn count(&self) -> usize {
        self.len()
    }

    fn get(&self, index: usize) -> &str {
        self[index].as_ref()
    }
}

fn first_path(metadata: &Metadata) -> &'static str {
    // The placeholder history of a broken declaration never reaches run time: such a crate
    // does not compile.
    first_template(&metadata.history).unwrap_or("/")
}

/// The segments of the request path standing for the parameters of the endpoint's path it
/// matches, still percent-encoded.
fn args_from_uri<'a>(metadata: &Metadata, path: &'a str) -> Result<Args<'a>, FromHttpRequestError> {
    // Newest first: most clients call the newest path. Repeats do not matter here: a path
    // listed twice matches the same way both times.
    metadata
        .history
        .entries()
        .rev()
        .find_map(|template| match_template(template, path, metadata.optional_last_segment))
        .ok_or_else(|| FromHttpRequestError::PathMismatch {
            path: path.to_owned(),
        })
}

/// The raw segments of `path` standing for the `{param}`s of `template`, or `None` if the path
/// does not fit it. One pass over both strings: each literal run of the template (`/rooms/`) is
/// compared at once, and a parameter takes the path up to its next `/`. With
/// `optional_last_segment`, the last parameter may be left out together with its slash.
fn match_template<'a>(
    template: &str,
    mut path: &'a str,
    optional_last_segment: bool,
) -> Option<Args<'a>> {
    let find = |text: &str, byte: u8| find_byte(text.as_bytes(), byte);
    let mut args = Args::new();
    let mut rest = template;
    while let Some(open) = find(rest, b'{') {
        let literal = &rest[..open];
        path = match path.strip_prefix(literal) {
            Some(after) => after,
            // `…/state/{event_type}`: the empty last parameter left out with its slash.
            None if optional_last_segment
                && path.is_empty()
                && literal == "/"
                && rest.ends_with('}')
                && find(&rest[open..], b'/').is_none() =>
            {
                args.push("");
                return Some(args);
            }
            None => return None,
        };
        rest = &rest[open + find(&rest[open..], b'}')? + 1..];
        let end = find(path, b'/').unwrap_or(path.len());
        args.push(&path[..end]);
        path = &path[end..];
    }
    (path == rest).then_some(args)
}

/// The path arguments of one request, kept inline up to eight (the most an endpoint of the
/// Client-Server API has is four), so that reading a request's path allocates nothing for them.
#[derive(Debug)]
enum Args<'a> {
    Inline { items: [&'a str; 8], len: usize },
    Heap(Vec<&'a str>),
}

impl<'a> Args<'a> {
    fn new() -> Self {
        Args::Inline {
            items: [""; 8],
            len: 0,
        }
    }

    fn push(&mut self, arg: &'a str) {
        match self {
            Args::Inline { items, len } if *len < items.len() => {
                items[*len] = arg;
                *len += 1;
            }
            Args::Inline { items, .. } => {
                let mut heap = items.to_vec();
                heap.push(arg);
                *self = Args::Heap(heap);
            }
            Args::Heap(heap) => heap.push(arg),
        }
    }
}

impl<'a> std::ops::Deref for Args<'a> {
    type Target = [&'a str];

    fn deref(&self) -> &[&'a str] {
        match self {
            Args::Inline { items, len } => &items[..*len],
            Args::Heap(heap) => heap,
        }
    }
}

impl<'a> FromIterator<&'a str> for Args<'a> {
    fn from_iter<I: IntoIterator<Item = &'a str>>(iter: I) -> Self {
        let mut args = Args::new();
        for arg in iter {
            args.push(arg);
        }
        args
    }
}

impl IncomingParts<'_> {
    /// Reads the path argument of the `{name}` parameter, the `index`th of the paths (worked out
    /// at compile time by `declaration::param_position`), with `read` (its field type's).
    #[inline]
    pub fn path_arg<T>(
        &self,
        index: usize,
        name: &'static str,
        read: fn(&str) -> Result<T, SegmentError>,
    ) -> Result<T, FromHttpRequestError> {
        debug_assert_eq!(param_index(self.template, name), Some(index));
        let arg = if self.encoded {
            match percent::decode_segment(self.args[index]) {
                Ok(arg) => arg,
                Err(message) => return Err(path_error(index, name, &message)),
            }
        } else {
            Cow::Borrowed(self.args[index])
        };
        match read(&arg) {
            Ok(value) => Ok(value),
            Err(err) => Err(path_error(index, name, &err)),
        }
    }

    /// Parses the query string.
    #[inline]
    pub fn query<Q: DeserializeOwned>(&self) -> Result<Q, DeserializationError> {
        crate::query::parse_query(self.query)
    }

    /// Reads the whole query string with `read` (a `query_all` field type's).
    #[inline]
    pub fn query_all<T>(
        &self,
        read: fn(&str) -> Result<T, DeserializationError>,
    ) -> Result<T, DeserializationError> {
        read(self.query)
    }

    /// Reads a header field with `read` (its type's).
    #[inline]
    pub fn header<V>(
        &self,
        name: HeaderName,
        read: fn(Option<&HeaderValue>) -> Result<V, HeaderProblem>,
    ) -> Result<V, DeserializationError> {
        read_header(self.headers, name, read)
    }
}

#[cold]
fn path_error(index: usize, name: &'static str, err: &dyn fmt::Display) -> FromHttpRequestError {
    DeserializationError::PathSegment {
        index,
        name,
        message: err.to_string(),
    }
    .into()
}

/// Reads a header field of an incoming request or response with `read` (its type's).
#[inline]
pub fn read_header<V>(
    headers: &HeaderMap,
    name: HeaderName,
    read: fn(Option<&HeaderValue>) -> Result<V, HeaderProblem>,
) -> Result<V, DeserializationError> {
    match read(headers.get(&name)) {
        Ok(value) => Ok(value),
        Err(problem) => Err(DeserializationError::Header { name, problem }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_optional_last_segment_may_be_left_out() {
        use crate::{StablePath, StablePathSelector, VersionHistory};
        const PATHS: &[StablePath] = &[StablePath {
            selector: StablePathSelector::Version(crate::MatrixVersion::V1_1),
            path: "/_matrix/client/v3/rooms/{room_id}/state/{event_type}/{state_key}",
        }];
        let state = |optional| Metadata {
            method: Method::GET,
            rate_limited: false,
            authentication: AuthScheme::AccessToken,
            history: VersionHistory::new(&[], PATHS, None, None),
            capability: None,
            optional_last_segment: optional,
            legacy: None,
        };
        let args = |metadata: &Metadata, path: &str| {
            args_from_uri(metadata, path).map(|args| args.join("|"))
        };
        let base = "/_matrix/client/v3/rooms/%21r/state/m.room.name";
        let optional = state(true);
        // The segments as sent: decoded as each is read.
        assert_eq!(args(&optional, base).unwrap(), "%21r|m.room.name|");
        assert_eq!(
            args(&optional, &format!("{base}/")).unwrap(),
            "%21r|m.room.name|"
        );
        assert_eq!(
            args(&optional, &format!("{base}/%40a")).unwrap(),
            "%21r|m.room.name|%40a"
        );
        // One segment short is the most that may be left out.
        assert!(args(&optional, "/_matrix/client/v3/rooms/%21r/state").is_err());
        let required = state(false);
        assert!(args(&required, base).is_err());
        assert_eq!(
            args(&required, &format!("{base}/k")).unwrap(),
            "%21r|m.room.name|k"
        );
    }

    #[test]
    fn path_arguments_beyond_the_inline_ones_are_kept_in_order() {
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
        let args: Args = names.iter().copied().collect();
        assert!(matches!(args, Args::Heap(_)));
        assert_eq!(&args[..], &names[..]);
        let few: Args = names[..8].iter().copied().collect();
        assert!(matches!(few, Args::Inline { len: 8, .. }));
        assert_eq!(&few[..], &names[..8]);
        // A template of ten parameters reads all ten.
        let template = "/x/{a}/{b}/{c}/{d}/{e}/{f}/{g}/{h}/{i}/{j}";
        let path = "/x/a/b/c/d/e/f/g/h/i/j";
        assert_eq!(
            match_template(template, path, false).unwrap().to_vec(),
            names
        );
    }

    #[test]
    fn a_path_matches_a_template_segment_by_segment() {
        let matches =
            |template, path| match_template(template, path, false).map(|args| args.to_vec());
        let send = "/_matrix/client/v3/rooms/{room_id}/send/{event_type}/{txn_id}";
        assert_eq!(
            matches(
                send,
                "/_matrix/client/v3/rooms/%21r:s/send/m.room.message/t1"
            ),
            Some(vec!["%21r:s", "m.room.message", "t1"])
        );
        // Another version, a literal differing inside a segment, one segment too many or too
        // few, a parameter spanning two segments: no match.
        assert_eq!(matches(send, "/_matrix/client/r0/rooms/!r/send/e/t"), None);
        assert_eq!(matches(send, "/_matrix/client/v3/rooms/!r/sendx/e/t"), None);
        assert_eq!(
            matches(send, "/_matrix/client/v3/rooms/!r/send/e/t/x"),
            None
        );
        assert_eq!(matches(send, "/_matrix/client/v3/rooms/!r/send/e"), None);
        assert_eq!(
            matches(send, "/_matrix/client/v3/rooms/!r/x/send/e/t"),
            None
        );
        // An empty parameter is read as such (and refused later, naming it).
        assert_eq!(
            matches(send, "/_matrix/client/v3/rooms//send/e/t"),
            Some(vec!["", "e", "t"])
        );
        // Literal text after the last parameter, and none at all.
        let members = "/_matrix/client/v3/rooms/{room_id}/members";
        assert_eq!(
            matches(members, "/_matrix/client/v3/rooms/!r/members"),
            Some(vec!["!r"])
        );
        assert_eq!(matches(members, "/_matrix/client/v3/rooms/!r/member"), None);
        assert_eq!(
            matches(members, "/_matrix/client/v3/rooms/!r/members/"),
            None
        );
        let login = "/_matrix/client/v3/login";
        assert_eq!(matches(login, login), Some(vec![]));
        assert_eq!(matches(login, "/_matrix/client/v3/logout"), None);
    }
}
