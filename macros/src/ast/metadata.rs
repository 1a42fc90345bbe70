//! The syntax tree of `metadata!`: `key: value` entries and the arms of a `history` block, as
//! written, and the declaration they make once `check::metadata` has accepted them.

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::parse::{Parse, ParseStream};
use syn::{braced, parenthesized, Ident, LitBool, LitStr, Token};

/// A checked declaration.
pub struct Metadata {
    pub method: Ident,
    pub rate_limited: LitBool,
    pub authentication: Ident,
    pub history: History,
    /// `capability: "m.get_login_token"`: the capability that gates the endpoint.
    pub capability: Option<LitStr>,
    /// `optional_last_segment: true`: the last path parameter may be empty and left out.
    pub optional_last_segment: bool,
    /// `legacy: crate::media::get_content::v3::METADATA`: the endpoint this one replaced.
    pub legacy: Option<syn::ExprPath>,
}

/// Where a `metadata!` stands, which decides what it expands to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// `const METADATA: Metadata = metadata! { … };`: a `Metadata` expression, and
    /// `authentication` names a variant of `matrix_api::AuthScheme`.
    Expression,
    /// `metadata! { … }` as an item, as Ruma writes it (`matrix_api::api::metadata!`): the
    /// `const METADATA` itself, and `authentication` names a type of
    /// `matrix_api::api::auth_scheme` the module imports.
    Item,
}

pub enum History {
    Single(LitStr),
    Versioned {
        unstable: Vec<(Option<LitStr>, LitStr)>,
        stable: Vec<(Option<u8>, Option<LitStr>, LitStr)>,
        deprecated: Option<u8>,
        removed: Option<u8>,
    },
}

impl History {
    /// Every path of the history, as written.
    pub fn paths(&self) -> Vec<&LitStr> {
        match self {
            History::Single(path) => vec![path],
            History::Versioned {
                unstable, stable, ..
            } => unstable
                .iter()
                .map(|(_, path)| path)
                .chain(stable.iter().map(|(_, _, path)| path))
                .collect(),
        }
    }

    /// The `{param}`s of the paths, in order (every path has the same, as `check` makes sure).
    pub fn params(&self) -> Vec<String> {
        let first = match self {
            History::Single(path) => Some(path),
            History::Versioned {
                unstable, stable, ..
            } => unstable
                .first()
                .map(|(_, path)| path)
                .or(stable.first().map(|(_, _, path)| path)),
        };
        let Some(path) = first else {
            return Vec::new();
        };
        path.value()
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
            .collect()
    }
}

/// The declaration as written: each key with the tokens of its value, unchecked.
pub struct RawMetadata {
    pub entries: Vec<RawEntry>,
    /// The span of the declaration's last token, where a missing key would be added: errors
    /// about a missing key point there (the braces of `metadata! { ... }` are not part of a
    /// function-like macro's input; its first token is a key that is not the problem).
    pub end: Span,
}

pub struct RawEntry {
    pub key: Ident,
    pub value: TokenStream,
}

impl Parse for RawMetadata {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let end = last_token_span(input);
        let mut entries = Vec::new();
        while !input.is_empty() {
            let key: Ident = input.parse().map_err(|err| {
                syn::Error::new(
                    err.span(),
                    "expected a key: `method`, `rate_limited`, `authentication`, and `history` \
                     or `path` (and optionally `capability`, `optional_last_segment` and \
                     `legacy`)",
                )
            })?;
            input.parse::<Token![:]>().map_err(|err| {
                syn::Error::new(
                    err.span(),
                    format!("expected `:` after `{key}`: the entries are written `{key}: value`"),
                )
            })?;
            let mut value = TokenStream::new();
            let mut last: Option<TokenTree> = None;
            while !input.is_empty() && !input.peek(Token![,]) {
                // `key: value` where a `,` belongs: `method: GET rate_limited: false`.
                if let Some(last) = &last {
                    if input.peek(Ident) && input.peek2(Token![:]) && !input.peek2(Token![::]) {
                        return Err(syn::Error::new(
                            last.span(),
                            format!("expected `,` after the value of `{key}`"),
                        ));
                    }
                }
                let token: TokenTree = input.parse()?;
                last = Some(token.clone());
                value.extend([token]);
            }
            if value.is_empty() {
                return Err(syn::Error::new_spanned(
                    &key,
                    format!("`{key}` needs a value"),
                ));
            }
            entries.push(RawEntry { key, value });
            if !input.is_empty() {
                input.parse::<Token![,]>()?;
            }
        }
        Ok(RawMetadata { entries, end })
    }
}

/// The span of the last token of `input` (the closing delimiter of a trailing group), or the
/// macro call's span when the input is empty.
fn last_token_span(input: ParseStream) -> Span {
    let tokens: Vec<TokenTree> = input
        .fork()
        .parse::<TokenStream>()
        .unwrap_or_default()
        .into_iter()
        .collect();
    // A trailing comma is not where a key is missing; the value before it is.
    let last = match tokens.as_slice() {
        [.., before, TokenTree::Punct(comma)] if comma.as_char() == ',' => Some(before.clone()),
        [.., last] => Some(last.clone()),
        [] => None,
    };
    match last {
        Some(TokenTree::Group(group)) => group.span_close(),
        Some(token) => token.span(),
        None => Span::call_site(),
    }
}

/// A version literal as written (`1.7`), checked later.
pub struct VersionLit {
    pub text: String,
    pub span: Span,
}

pub enum Selector {
    /// `unstable` or `unstable("feature")`.
    Unstable {
        keyword: Ident,
        feature: Option<LitStr>,
    },
    /// `1.7`, `1.7 | stable("feature")` or `stable("feature")`.
    Stable {
        version: Option<VersionLit>,
        feature: Option<LitStr>,
    },
}

pub enum Target {
    Path(LitStr),
    Deprecated(Ident),
    Removed(Ident),
}

pub struct Arm {
    pub selector: Selector,
    pub target: Target,
}

/// The `{ ... }` of `history`, with the span of its braces for errors about the whole block.
pub struct RawHistory {
    pub arms: Vec<Arm>,
    pub span: Span,
}

impl Parse for RawHistory {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let content;
        let braces = braced!(content in input);
        if !input.is_empty() {
            return Err(input.error("unexpected tokens after the history block"));
        }
        let mut arms = Vec::new();
        while !content.is_empty() {
            arms.push(content.parse()?);
            if !content.is_empty() {
                content.parse::<Token![,]>()?;
            }
        }
        Ok(RawHistory {
            arms,
            span: braces.span.join(),
        })
    }
}

impl Parse for Arm {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let selector = parse_selector(input)?;
        input.parse::<Token![=>]>()?;
        let target = if input.peek(LitStr) {
            Target::Path(input.parse()?)
        } else if input.peek(Ident) && !input.peek2(Token![/]) {
            let word: Ident = input.parse()?;
            match word.to_string().as_str() {
                "deprecated" => Target::Deprecated(word),
                "removed" => Target::Removed(word),
                _ => {
                    return Err(syn::Error::new_spanned(
                        &word,
                        format!(
                            "expected a path string such as \"/_matrix/client/v3/login\", \
                             `deprecated` or `removed`, not `{word}`"
                        ),
                    ))
                }
            }
        } else {
            // Tokens that look like a path: underline them all, and quote them in the advice.
            let mut written = TokenStream::new();
            let mut text = String::new();
            while !input.is_empty() && !input.peek(Token![,]) {
                let token: TokenTree = input.parse()?;
                text.push_str(&token.to_string());
                written.extend([token]);
            }
            if written.is_empty() {
                return Err(input.error(
                    "expected a path string such as \"/_matrix/client/v3/login\", \
                     `deprecated` or `removed`",
                ));
            }
            return Err(syn::Error::new_spanned(
                written,
                format!("a path is a string literal: write \"{text}\""),
            ));
        };
        Ok(Arm { selector, target })
    }
}

fn parse_selector(input: ParseStream) -> syn::Result<Selector> {
    if input.peek(Ident) {
        let word: Ident = input.parse()?;
        return match word.to_string().as_str() {
            "unstable" => {
                let feature = if input.peek(syn::token::Paren) {
                    Some(parse_feature(input)?)
                } else {
                    None
                };
                Ok(Selector::Unstable {
                    keyword: word,
                    feature,
                })
            }
            "stable" => Ok(Selector::Stable {
                version: None,
                feature: Some(parse_feature(input)?),
            }),
            text if text.len() > 1
                && text.starts_with('v')
                && text[1..].chars().all(|c| c.is_ascii_digit()) =>
            {
                // `v1.7` is the identifier `v1`, `.` and `7`: underline all three.
                let mut written = quote::quote!(#word);
                let mut version = text[1..].to_owned();
                if input.peek(Token![.]) && input.peek2(syn::LitInt) {
                    let dot: Token![.] = input.parse()?;
                    let minor: syn::LitInt = input.parse()?;
                    version = format!("{version}.{minor}");
                    written.extend(quote::quote!(#dot #minor));
                }
                Err(syn::Error::new_spanned(
                    written,
                    format!("write versions without `v`: `{version}`"),
                ))
            }
            _ => Err(syn::Error::new_spanned(
                word,
                "expected `unstable`, `unstable(\"FEATURE\")`, a version such as `1.7`, or \
                 `stable(\"FEATURE\")`",
            )),
        };
    }
    let version = match input.parse::<syn::Lit>() {
        Ok(syn::Lit::Float(lit)) => VersionLit {
            text: lit.to_string(),
            span: lit.span(),
        },
        Ok(syn::Lit::Int(lit)) => VersionLit {
            text: lit.to_string(),
            span: lit.span(),
        },
        Ok(syn::Lit::Str(lit)) => {
            let text = lit.value();
            let text = text.strip_prefix('v').unwrap_or(&text);
            return Err(syn::Error::new_spanned(
                lit,
                format!("a version is a number, not a string: write `{text}` without quotes"),
            ));
        }
        Ok(other) => {
            return Err(syn::Error::new_spanned(
                other,
                "a version is a number such as `1.7`",
            ))
        }
        Err(err) => {
            return Err(syn::Error::new(
                err.span(),
                "expected `unstable`, `unstable(\"FEATURE\")` or a version such as `1.7`",
            ))
        }
    };
    let feature = if input.peek(Token![|]) {
        input.parse::<Token![|]>()?;
        let word: Ident = input.parse()?;
        if word != "stable" {
            return Err(syn::Error::new_spanned(
                word,
                "expected `stable(\"FEATURE\")` after `|`",
            ));
        }
        Some(parse_feature(input)?)
    } else {
        None
    };
    Ok(Selector::Stable {
        version: Some(version),
        feature,
    })
}

/// `("org.matrix.msc3882")`: a feature flag, which is a string. Written without the quotes (a
/// path of dotted words), it is one error saying how to quote it.
fn parse_feature(input: ParseStream) -> syn::Result<LitStr> {
    let inner;
    parenthesized!(inner in input);
    if inner.peek(LitStr) {
        let feature: LitStr = inner.parse()?;
        if !inner.is_empty() {
            return Err(inner.error("a feature flag is one string; nothing follows it"));
        }
        return Ok(feature);
    }
    let written: TokenStream = inner.parse()?;
    if written.is_empty() {
        return Err(syn::Error::new(
            inner.span(),
            "name the feature flag: `(\"org.matrix.msc1234\")`",
        ));
    }
    let text: String = written.to_string().split_whitespace().collect();
    Err(syn::Error::new_spanned(
        written,
        format!("a feature flag is a string: write \"{text}\" in quotes"),
    ))
}
