//! The syntax of `metadata!`: `key: value` entries, and the arms of a `history` block.

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::parse::{Parse, ParseStream};
use syn::{braced, parenthesized, Ident, LitStr, Token};

/// The declaration as written: each key with the tokens of its value, unchecked.
pub struct RawMetadata {
    pub entries: Vec<RawEntry>,
    /// The span of the whole input, for errors about a missing key.
    pub span: Span,
}

pub struct RawEntry {
    pub key: Ident,
    pub value: TokenStream,
}

impl Parse for RawMetadata {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let span = input.span();
        let mut entries = Vec::new();
        while !input.is_empty() {
            let key: Ident = input.parse().map_err(|err| {
                syn::Error::new(
                    err.span(),
                    "expected a key: `method`, `rate_limited`, `authentication`, and `history` \
                     or `path`",
                )
            })?;
            input.parse::<Token![:]>().map_err(|err| {
                syn::Error::new(err.span(), format!("expected `:` after `{key}`"))
            })?;
            let mut value = TokenStream::new();
            while !input.is_empty() && !input.peek(Token![,]) {
                value.extend([input.parse::<TokenTree>()?]);
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
        Ok(RawMetadata { entries, span })
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
        } else if input.peek(Ident) {
            let word: Ident = input.parse()?;
            match word.to_string().as_str() {
                "deprecated" => Target::Deprecated(word),
                "removed" => Target::Removed(word),
                _ => {
                    return Err(syn::Error::new_spanned(
                        word,
                        "expected a path string such as \"/_matrix/client/v3/login\", \
                         `deprecated` or `removed`",
                    ))
                }
            }
        } else {
            return Err(input.error(
                "expected a path string such as \"/_matrix/client/v3/login\", `deprecated` or \
                 `removed`; a path must be a string literal",
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
                    let inner;
                    parenthesized!(inner in input);
                    Some(inner.parse::<LitStr>()?)
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
            text if text.starts_with('v') && text[1..].chars().all(|c| c.is_ascii_digit()) => {
                Err(syn::Error::new_spanned(
                    word,
                    "write the version without `v`, as a number such as `1.7`",
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
        Ok(other) => {
            return Err(syn::Error::new_spanned(
                other,
                "a version is a number such as `1.7`, not a string or other literal",
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

fn parse_feature(input: ParseStream) -> syn::Result<LitStr> {
    let inner;
    parenthesized!(inner in input);
    inner.parse()
}
