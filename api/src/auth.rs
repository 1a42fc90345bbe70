//! Authentication: what an endpoint requires, what a client sends, what a server reads.

use http::header::AUTHORIZATION;

/// The credentials an endpoint requires, as named in `metadata!`'s `authentication` key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AuthScheme {
    /// No authentication.
    None,
    /// A user's access token is required.
    AccessToken,
    /// A user's access token is used when given; the answer may then depend on the user.
    AccessTokenOptional,
    /// An application service's token is required.
    AppserviceToken,
    /// An application service's token is used when given.
    AppserviceTokenOptional,
}

/// The token a client offers for one request, and when to send it.
///
/// What is sent for each [`AuthScheme`] follows the table in the crate documentation; a token is
/// always sent as `Authorization: Bearer <token>`, never in the query string. A token to be sent
/// that is empty (or only whitespace), which a server would read as none, or that holds a
/// character a header cannot carry, is refused with
/// [`IntoHttpError::Header`](crate::IntoHttpError::Header) before anything is sent.
#[derive(Clone, Copy)]
pub enum SendAccessToken<'a> {
    /// Send this user token when the endpoint requires or accepts one.
    IfRequired(&'a str),
    /// Send this token whatever the endpoint says.
    Always(&'a str),
    /// An application service's token, sent wherever any token is wanted.
    Appservice(&'a str),
    /// No token.
    None,
}

impl std::fmt::Debug for SendAccessToken<'_> {
    // Tokens are secrets: Debug output ends up in logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = match self {
            SendAccessToken::IfRequired(_) => "IfRequired",
            SendAccessToken::Always(_) => "Always",
            SendAccessToken::Appservice(_) => "Appservice",
            SendAccessToken::None => return f.write_str("None"),
        };
        write!(f, "{name}(<redacted>)")
    }
}

/// What to do with the token for one request, decided from the scheme and the offer.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum TokenDecision<'a> {
    Send(&'a str),
    Omit,
    Missing,
}

impl AuthScheme {
    /// Decides whether the offered token is sent; `Missing` when the endpoint needs one that
    /// was not offered.
    pub(crate) fn decide<'a>(self, offered: SendAccessToken<'a>) -> TokenDecision<'a> {
        use SendAccessToken as S;
        match (self, offered) {
            (_, S::Always(token)) => TokenDecision::Send(token),
            (_, S::Appservice(token)) if self != AuthScheme::None => TokenDecision::Send(token),
            (AuthScheme::AccessToken | AuthScheme::AccessTokenOptional, S::IfRequired(token)) => {
                TokenDecision::Send(token)
            }
            (AuthScheme::AccessToken | AuthScheme::AppserviceToken, _) => TokenDecision::Missing,
            _ => TokenDecision::Omit,
        }
    }
}

/// The access token of an incoming request: the `Authorization: Bearer` header, or else the
/// deprecated `access_token` query parameter (percent-decoded).
///
/// Returns `None` when neither carries a token. A server then answers `401 M_MISSING_TOKEN` on
/// endpoints that require one; `try_from_http_request` already does that check.
pub fn access_token<B>(request: &http::Request<B>) -> Option<std::borrow::Cow<'_, str>> {
    access_token_from_parts(request.headers(), request.uri())
}

pub(crate) fn access_token_from_parts<'a>(
    headers: &'a http::HeaderMap,
    uri: &'a http::Uri,
) -> Option<std::borrow::Cow<'a, str>> {
    if let Some(value) = headers.get(AUTHORIZATION) {
        return bearer_token(value).map(std::borrow::Cow::Borrowed);
    }
    let query = uri.query()?;
    crate::query::decoded_pairs(query)
        .find(|(key, _)| key == "access_token")
        .map(|(_, value)| value)
        .filter(|value| !value.is_empty())
}

/// The token of an `Authorization: Bearer <token>` value (scheme case-insensitive, token
/// trimmed); `None` for another scheme, an empty token, or a token that is not ASCII.
///
/// A `HeaderValue` already holds no control character but tab, so checking for ASCII leaves
/// exactly the visible characters `HeaderValue::to_str` accepts.
fn bearer_token(value: &http::HeaderValue) -> Option<&str> {
    let token = bearer_bytes(value.as_bytes())?;
    std::str::from_utf8(token).ok()
}

/// The trimmed, non-empty ASCII token after a `Bearer ` scheme, as bytes.
///
/// Every request to an authenticated endpoint passes here, so it compares bytes: `c | 0x20`
/// equals a lowercase letter exactly when `c` is that letter in either case.
fn bearer_bytes(value: &[u8]) -> Option<&[u8]> {
    let token = bearer_rest(value)?.trim_ascii();
    (!token.is_empty()).then_some(token)
}

/// What follows a `Bearer ` scheme, untrimmed, when it is all ASCII.
fn bearer_rest(value: &[u8]) -> Option<&[u8]> {
    let (scheme, token) = value.split_at_checked(b"bearer ".len())?;
    let lowered = |i: usize| scheme[i] | 0x20;
    let is_bearer = lowered(0) == b'b'
        && lowered(1) == b'e'
        && lowered(2) == b'a'
        && lowered(3) == b'r'
        && lowered(4) == b'e'
        && lowered(5) == b'r'
        && scheme[6] == b' ';
    (is_bearer && token.is_ascii()).then_some(token)
}

/// Whether the request carries an access token, as [`access_token`] would find it, without
/// decoding it.
pub(crate) fn has_access_token(headers: &http::HeaderMap, uri: &http::Uri) -> bool {
    match headers.get(AUTHORIZATION) {
        // Not all whitespace is what `bearer_bytes` checks after trimming; said this way it is
        // answered by the token's first byte.
        Some(value) => bearer_rest(value.as_bytes())
            .is_some_and(|token| token.iter().any(|byte| !byte.is_ascii_whitespace())),
        None => access_token_from_parts(headers, uri).is_some(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_table() {
        use AuthScheme::*;
        use TokenDecision::{Missing, Omit, Send};
        let t = "tok";
        let cases = [
            (None, [Omit, Send(t), Omit, Omit]),
            (AccessToken, [Send(t), Send(t), Send(t), Missing]),
            (AccessTokenOptional, [Send(t), Send(t), Send(t), Omit]),
            (AppserviceToken, [Missing, Send(t), Send(t), Missing]),
            (AppserviceTokenOptional, [Omit, Send(t), Send(t), Omit]),
        ];
        for (scheme, expected) in cases {
            let offers = [
                SendAccessToken::IfRequired(t),
                SendAccessToken::Always(t),
                SendAccessToken::Appservice(t),
                SendAccessToken::None,
            ];
            for (offer, want) in offers.into_iter().zip(expected) {
                assert_eq!(scheme.decide(offer), want, "{scheme:?} with {offer:?}");
            }
        }
    }

    #[test]
    fn reads_bearer_header_then_query() {
        let req = http::Request::get("/x")
            .header("authorization", "Bearer abc")
            .body(())
            .unwrap();
        assert_eq!(access_token(&req).as_deref(), Some("abc"));
        let req = http::Request::get("/x")
            .header("authorization", "bearer  abc ")
            .body(())
            .unwrap();
        assert_eq!(access_token(&req).as_deref(), Some("abc"));
        let req = http::Request::get("/x?a=1&access_token=a%2Fb")
            .body(())
            .unwrap();
        assert_eq!(access_token(&req).as_deref(), Some("a/b"));
        let req = http::Request::get("/x")
            .header("authorization", "Basic abc")
            .body(())
            .unwrap();
        assert_eq!(access_token(&req), Option::None);
        let req = http::Request::get("/x?access_token=").body(()).unwrap();
        assert_eq!(access_token(&req), Option::None);
    }

    #[test]
    fn bearer_values() {
        let bearer = |value: &[u8]| {
            let value = http::HeaderValue::from_bytes(value).unwrap();
            bearer_token(&value).map(str::to_owned)
        };
        assert_eq!(bearer(b"Bearer abc").as_deref(), Some("abc"));
        assert_eq!(bearer(b"BEARER \tabc \t").as_deref(), Some("abc"));
        assert_eq!(bearer(b"Bearer a b").as_deref(), Some("a b"));
        for value in [&b"Bearer abc"[..], b"bEaReR  abc", b"Bearer a b"] {
            assert!(bearer_bytes(value).is_some(), "{value:?}");
        }
        // Bytes a `HeaderValue` cannot hold, in case one is built unchecked.
        for value in [
            &b"Bearer\x00abc"[..],
            b"B\x02arer abc",
            b"\x02\x05\x01\x12\x05\x12 abc",
        ] {
            assert_eq!(bearer_bytes(value), None, "{value:?}");
        }
        for refused in [
            &b"Bearer"[..],
            b"Bearer ",
            b"Bearer    ",
            b"Bearerabc",
            b"Bearez abc",
            b"Bearer\tabc",
            b"Basic abc",
            b"Bearer \xc3\xa9",
            b"Bearer abc\x80",
        ] {
            assert_eq!(bearer(refused), None, "{refused:?}");
            assert_eq!(bearer_bytes(refused), None, "{refused:?}");
        }
    }

    #[test]
    fn presence_check_agrees_with_the_token() {
        let values: [&[u8]; 10] = [
            b"Bearer abc",
            b"bearer \t abc\t",
            b"Bearer ",
            b"Bearer \t ",
            b"Bearer",
            b"Basic abc",
            b"Bearer ab\xc3\xa9",
            b"BEARER x",
            b"Bearer  \x80",
            b"Bearerx y",
        ];
        for value in values {
            let request = http::Request::get("/x")
                .header(
                    "authorization",
                    http::HeaderValue::from_bytes(value).unwrap(),
                )
                .body(())
                .unwrap();
            assert_eq!(
                has_access_token(request.headers(), request.uri()),
                access_token(&request).is_some(),
                "{value:?}"
            );
        }
        for uri in ["/x?access_token=abc", "/x?access_token=", "/x"] {
            let request = http::Request::get(uri).body(()).unwrap();
            assert_eq!(
                has_access_token(request.headers(), request.uri()),
                access_token(&request).is_some(),
                "{uri}"
            );
        }
    }

    #[test]
    fn debug_hides_the_token() {
        let shown = format!("{:?}", SendAccessToken::Always("secret-token"));
        assert!(!shown.contains("secret-token"), "{shown}");
    }
}
