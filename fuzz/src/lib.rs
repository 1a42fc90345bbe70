//! What the fuzz targets share: the list of endpoints, and generators that turn libFuzzer's
//! bytes into HTTP messages shaped like the ones the parsers meet, so that the fuzzer gets past
//! method, path and JSON syntax checks into the typed parsing.
//!
//! Every generator draws from an [`Unstructured`], so libFuzzer's mutations of the input bytes
//! become mutations of the method, the URI, a header or a JSON field.

use arbitrary::{Result, Unstructured};
use http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, Uri};
use matrix_api::Metadata;

/// The number of endpoints [`dispatch!`] chooses among: every endpoint of the registry,
/// `matrix_client_api::for_each_endpoint!`.
pub const ENDPOINTS: usize = matrix_client_api::ENDPOINTS.len();

#[doc(hidden)]
pub use matrix_client_api;

/// Runs `$body` with `$m` naming the module of endpoint `$index % ENDPOINTS` of the registry, so
/// that a target writes its check once, generic over the endpoint and blind to the list:
/// `dispatch!(i, |m| check::<m::Request>())`.
#[macro_export]
macro_rules! dispatch {
    ($index:expr, |$m:ident| $body:expr) => {
        $crate::matrix_client_api::for_each_endpoint!(
            $crate::__dispatch_arms;
            ::std::primitive::usize::from($index) % $crate::ENDPOINTS,
            $m,
            $body
        )
    };
}

/// The expansion of [`dispatch!`]: one `if` per endpoint of the registry.
#[doc(hidden)]
#[macro_export]
macro_rules! __dispatch_arms {
    (($index:expr, $m:ident, $body:expr) $($name:literal => $module:path),* $(,)?) => {{
        let index: usize = $index;
        let mut position = 0usize;
        let mut result = ::std::option::Option::None;
        $(
            if result.is_none() && position == index {
                use $module as $m;
                result = ::std::option::Option::Some($body);
            }
            position += 1;
        )*
        let _ = position;
        result.expect("the index is below ENDPOINTS")
    }};
}

/// A copy of a request written by the client side, to parse while keeping the original.
pub fn copy_request(request: &http::Request<Vec<u8>>) -> http::Request<Vec<u8>> {
    let mut copy = http::Request::new(request.body().clone());
    *copy.method_mut() = request.method().clone();
    *copy.uri_mut() = request.uri().clone();
    *copy.headers_mut() = request.headers().clone();
    copy
}

/// A copy of a response written by the server side, to parse while keeping the original.
pub fn copy_response(response: &http::Response<Vec<u8>>) -> http::Response<Vec<u8>> {
    let mut copy = http::Response::new(response.body().clone());
    *copy.status_mut() = response.status();
    *copy.headers_mut() = response.headers().clone();
    copy
}

/// Two requests a value made, written, read and written again: they must be one message.
pub fn assert_same_request(first: &http::Request<Vec<u8>>, second: &http::Request<Vec<u8>>) {
    assert_eq!(first.method(), second.method());
    assert_eq!(first.uri(), second.uri());
    assert_eq!(first.headers(), second.headers());
    assert_same_body(first.body(), second.body());
}

/// Two responses a value made, written, read and written again: they must be one message.
pub fn assert_same_response(first: &http::Response<Vec<u8>>, second: &http::Response<Vec<u8>>) {
    assert_eq!(first.status(), second.status());
    assert_eq!(first.headers(), second.headers());
    assert_same_body(first.body(), second.body());
}

fn assert_same_body(first: &[u8], second: &[u8]) {
    assert!(
        first == second,
        "the body changed: {} then {}",
        String::from_utf8_lossy(first),
        String::from_utf8_lossy(second)
    );
}

/// Every key JSON objects get most of the time: these, and the wire name of every body field of
/// every endpoint of the registry (read from their descriptions once), so that a new endpoint's
/// fields are reached without a list to keep up.
fn keys() -> &'static [&'static str] {
    static KEYS_OF_ALL: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    KEYS_OF_ALL.get_or_init(|| {
        let mut keys: Vec<&'static str> = KEYS.to_vec();
        for endpoint in matrix_client_api::descriptions() {
            let fields = endpoint
                .request
                .fields
                .iter()
                .chain(endpoint.response.fields);
            for field in fields {
                let name = field.name.as_str();
                if !keys.contains(&name) {
                    keys.push(name);
                }
            }
        }
        keys
    })
}

/// Field names of the session API's bodies, UIA and errors, beside those of the descriptions:
/// the nested objects' keys, which no description lists.
const KEYS: &[&str] = &[
    "type",
    "session",
    "auth",
    "identifier",
    "user",
    "medium",
    "address",
    "country",
    "phone",
    "password",
    "token",
    "txn_id",
    "device_id",
    "initial_device_display_name",
    "refresh_token",
    "flows",
    "stages",
    "completed",
    "params",
    "errcode",
    "error",
    "soft_logout",
    "retry_after_ms",
    "expires_in_ms",
    "login_token",
    "access_token",
    "user_id",
    "home_server",
    "well_known",
    "m.homeserver",
    "m.identity_server",
    "base_url",
    "versions",
    "unstable_features",
    "capabilities",
    "m.change_password",
    "m.get_login_token",
    "enabled",
    "identity_providers",
    "id",
    "name",
    "icon",
    "brand",
    "get_login_token",
    "oauth_aware_preferred",
    "is_guest",
    "",
];

/// String values with a meaning somewhere in the API.
const STRINGS: &[&str] = &[
    "m.login.password",
    "m.login.token",
    "m.login.dummy",
    "m.login.sso",
    "m.login.application_service",
    "m.login.registration_token",
    "m.id.user",
    "m.id.thirdparty",
    "m.id.phone",
    "M_FORBIDDEN",
    "M_UNKNOWN_TOKEN",
    "M_LIMIT_EXCEEDED",
    "M_MISSING_TOKEN",
    "M_BAD_JSON",
    "M_NOT_JSON",
    "M_NOT_FOUND",
    "M_UNKNOWN",
    "M_NEW_CODE",
    "@alice:example.org",
    "@a:[::1]:8448",
    "@:x",
    "@a:b:c",
    "ABCDEFGH",
    "v1.7",
    "v1.19",
    "v1.20",
    "r0.6.1",
    "v2.0",
    "org.matrix.msc3882",
    "org.matrix.msc2918",
    "mxc://example.org/abc",
    "https://matrix.example.org",
    "",
    "\u{0}",
    "é\u{202e}😀",
];

/// Paths a router or a proxy might hand over wrongly.
const SEGMENTS: &[&str] = &[
    "", ".", "..", "%2E%2E", "%2F", "%", "%zz", "%C3%28", "%FF", "%00", "a%2Fb", "%40a%3Ab",
];

fn pick<'a, T: ?Sized>(u: &mut Unstructured, items: &[&'a T]) -> Result<&'a T> {
    Ok(*u.choose(items)?)
}

/// A string: one the API knows, or anything.
pub fn string(u: &mut Unstructured) -> Result<String> {
    if u.ratio(1, 2)? {
        Ok(pick(u, STRINGS)?.to_owned())
    } else {
        Ok(u.arbitrary::<&str>()?.to_owned())
    }
}

fn number(u: &mut Unstructured, out: &mut String) -> Result<()> {
    match u.int_in_range(0..=6)? {
        0 => out.push_str(&u.arbitrary::<i64>()?.to_string()),
        1 => out.push_str(&u.arbitrary::<u64>()?.to_string()),
        2 => match serde_json::Number::from_f64(u.arbitrary()?) {
            Some(n) => out.push_str(&n.to_string()),
            None => out.push('0'),
        },
        3 => out.push_str(pick(
            u,
            &[
                "9007199254740991",
                "9007199254740992",
                "18446744073709551615",
                "18446744073709551616",
                "-0",
                "-1",
                "1e400",
                "1.5",
                "0.0",
                "1E2",
            ][..],
        )?),
        _ => out.push_str(&u.int_in_range(0u32..=300_000)?.to_string()),
    }
    Ok(())
}

/// JSON text, written directly so that it can hold what a JSON value cannot: a key given twice.
pub fn json_text(u: &mut Unstructured, depth: u32, out: &mut String) -> Result<()> {
    let choice = if depth == 0 {
        u.int_in_range(0..=4)?
    } else {
        u.int_in_range(0..=7)?
    };
    match choice {
        0 => out.push_str("null"),
        1 => out.push_str(if u.arbitrary()? { "true" } else { "false" }),
        2 => number(u, out)?,
        3 | 4 => out.push_str(&serde_json::to_string(&string(u)?).expect("a string")),
        5 => {
            out.push('[');
            for i in 0..u.int_in_range(0..=4)? {
                if i > 0 {
                    out.push(',');
                }
                json_text(u, depth - 1, out)?;
            }
            out.push(']');
        }
        _ => {
            out.push('{');
            for i in 0..u.int_in_range(0..=6)? {
                if i > 0 {
                    out.push(',');
                }
                let key = if u.ratio(4, 5)? {
                    pick(u, keys())?.to_owned()
                } else {
                    u.arbitrary::<&str>()?.to_owned()
                };
                out.push_str(&serde_json::to_string(&key).expect("a string"));
                out.push(':');
                json_text(u, depth - 1, out)?;
            }
            out.push('}');
        }
    }
    Ok(())
}

/// A body: empty, bytes, or JSON text (an object most of the time), sometimes with bytes
/// around it.
pub fn body(u: &mut Unstructured) -> Result<Vec<u8>> {
    Ok(match u.int_in_range(0..=5)? {
        0 => Vec::new(),
        1 => u.arbitrary::<&[u8]>()?.to_vec(),
        2 => {
            let mut text = String::new();
            json_text(u, 4, &mut text)?;
            let mut bytes = u.arbitrary::<&[u8]>()?.to_vec();
            let at = u.choose_index(bytes.len() + 1)?;
            bytes.splice(at..at, text.into_bytes());
            bytes
        }
        _ => {
            let mut text = String::from("{");
            for i in 0..u.int_in_range(0..=6)? {
                if i > 0 {
                    text.push(',');
                }
                let key = pick(u, keys())?;
                text.push_str(&serde_json::to_string(key).expect("a string"));
                text.push(':');
                json_text(u, 3, &mut text)?;
            }
            text.push('}');
            text.into_bytes()
        }
    })
}

/// Headers: the ones the API reads, often, and others.
pub fn headers(u: &mut Unstructured) -> Result<HeaderMap> {
    let mut headers = HeaderMap::new();
    for _ in 0..u.int_in_range(0..=4)? {
        let name = match u.int_in_range(0..=5)? {
            0 | 1 => http::header::AUTHORIZATION,
            2 => http::header::CONTENT_TYPE,
            3 => http::header::LOCATION,
            4 => http::header::RETRY_AFTER,
            _ => match HeaderName::from_bytes(u.arbitrary::<&[u8]>()?) {
                Ok(name) => name,
                Err(_) => continue,
            },
        };
        let value: Vec<u8> = match u.int_in_range(0..=3)? {
            0 => [b"Bearer ".as_slice(), u.arbitrary::<&[u8]>()?].concat(),
            1 => pick(
                u,
                &[
                    "Bearer tok",
                    "application/json",
                    "120",
                    "Wed, 21 Oct 2015 07:28:00 GMT",
                ][..],
            )?
            .as_bytes()
            .to_vec(),
            _ => u.arbitrary::<&[u8]>()?.to_vec(),
        };
        if let Ok(value) = HeaderValue::from_bytes(&value) {
            headers.append(name, value);
        }
    }
    Ok(headers)
}

fn percent_encode(text: &str, out: &mut String) {
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
}

/// A URI: one of the endpoint's paths with its parameters filled in every which way and a
/// query string of the parameters the API reads; or any string at all.
pub fn uri(u: &mut Unstructured, metadata: &Metadata) -> Result<Option<Uri>> {
    let mut text = String::new();
    if u.ratio(1, 4)? {
        text.push_str(pick(
            u,
            &[
                "https://matrix.example.org",
                "http://[::1]:8448",
                "http://h",
            ][..],
        )?);
    }
    if u.ratio(1, 6)? {
        text.push_str(u.arbitrary::<&str>()?);
    } else {
        let paths: Vec<&str> = metadata.history.all_paths().collect();
        let template = pick(u, &paths)?;
        for (i, part) in template.split('/').enumerate() {
            if i > 0 {
                text.push('/');
            }
            if part.starts_with('{') {
                match u.int_in_range(0..=3)? {
                    0 => text.push_str(pick(u, SEGMENTS)?),
                    1 => text.push_str(u.arbitrary::<&str>()?),
                    _ => percent_encode(&string(u)?, &mut text),
                }
            } else {
                text.push_str(part);
            }
        }
    }
    if u.arbitrary()? {
        text.push('?');
        for i in 0..u.int_in_range(0..=3)? {
            if i > 0 {
                text.push('&');
            }
            let key = pick(
                u,
                &["redirectUrl", "action", "access_token", "user_id", ""][..],
            )?;
            text.push_str(key);
            if u.ratio(7, 8)? {
                text.push('=');
            }
            match u.int_in_range(0..=2)? {
                0 => text.push_str(pick(
                    u,
                    &["login", "register", "", "%zz", "a+b", "%2B"][..],
                )?),
                1 => text.push_str(u.arbitrary::<&str>()?),
                _ => text.extend(form_urlencoded::byte_serialize(string(u)?.as_bytes())),
            }
        }
    }
    Ok(Uri::try_from(text).ok())
}

/// A method: usually one an endpoint takes, sometimes any token.
pub fn method(u: &mut Unstructured, metadata: &Metadata) -> Result<Method> {
    Ok(match u.int_in_range(0..=5)? {
        0..=2 => metadata.method.clone(),
        3 => pick(
            u,
            &[&Method::GET, &Method::POST, &Method::HEAD, &Method::PUT][..],
        )?
        .clone(),
        _ => Method::from_bytes(u.arbitrary::<&[u8]>()?).unwrap_or(Method::OPTIONS),
    })
}

/// An incoming request, and the path arguments a router passed with it.
pub type RoutedRequest = (http::Request<Vec<u8>>, Vec<String>);

/// An incoming request for the endpoint of `metadata`, and the path arguments a router passes
/// (none, most of the time: then they are read from the URI); `None` when the URI is invalid.
pub fn request(u: &mut Unstructured, metadata: &Metadata) -> Result<Option<RoutedRequest>> {
    let method = method(u, metadata)?;
    let Some(uri) = uri(u, metadata)? else {
        return Ok(None);
    };
    let headers = headers(u)?;
    let path_args = if u.ratio(1, 5)? {
        (0..u.int_in_range(0..=2)?)
            .map(|_| string(u))
            .collect::<Result<_>>()?
    } else {
        Vec::new()
    };
    let mut request = http::Request::new(body(u)?);
    *request.method_mut() = method;
    *request.uri_mut() = uri;
    *request.headers_mut() = headers;
    Ok(Some((request, path_args)))
}

/// A status: a common one, or any in 100..=999.
pub fn status(u: &mut Unstructured) -> Result<StatusCode> {
    let code = if u.ratio(3, 4)? {
        *u.choose(&[
            200u16, 201, 204, 302, 400, 401, 403, 404, 405, 429, 500, 502, 503,
        ])?
    } else {
        u.int_in_range(100..=999)?
    };
    Ok(StatusCode::from_u16(code).expect("in range"))
}

/// An incoming response.
pub fn response(u: &mut Unstructured) -> Result<http::Response<Vec<u8>>> {
    let status = status(u)?;
    let headers = headers(u)?;
    let mut response = http::Response::new(body(u)?);
    *response.status_mut() = status;
    *response.headers_mut() = headers;
    Ok(response)
}
