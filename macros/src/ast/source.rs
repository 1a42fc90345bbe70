//! The `metadata!` of the module a `#[request]` stands in, read from the source file, so that
//! the request's documentation shows its method, paths and versions, and mistakes about path
//! fields get hints that name the `{param}`s.
//!
//! An attribute macro sees only its own item; the compiler does say which file and line that
//! item is on. The file is scanned (comments, strings and character literals skipped) for the
//! one `metadata!` in the same block as the struct. When there is none to read (code written by
//! another macro, `METADATA` imported from elsewhere, a file the compiler does not name), the
//! request simply gets no such help: the rules that need `METADATA` are still checked by rustc
//! on the constant itself.

use proc_macro2::{Span, TokenStream};

use crate::ast::metadata::{Form, Metadata, RawMetadata};

/// The declaration of the endpoint whose request is named `name` at `span`, read from its file.
///
/// The file is read only if it has `name` where the compiler says the name is: code that a
/// macro or a doctest built is not where its spans point, and gets no declaration.
pub fn declaration_near(name: &str, span: Span) -> Option<TokenStream> {
    let file = span.local_file()?;
    let text = std::fs::read_to_string(file).ok()?;
    let start = span.start();
    let line = text.lines().nth(start.line.checked_sub(1)?)?;
    // `column` counts characters from 0.
    let at: String = line
        .chars()
        .skip(start.column)
        .take(name.chars().count())
        .collect();
    if at != name {
        return None;
    }
    metadata_tokens_near(&text, start.line)
}

/// A declaration's tokens, checked, in either form; `None` if it has mistakes, which
/// `metadata!` itself reports.
pub fn parse_declaration(tokens: TokenStream) -> Option<Metadata> {
    [Form::Expression, Form::Item].into_iter().find_map(|form| {
        let raw: RawMetadata = syn::parse2(tokens.clone()).ok()?;
        crate::check::metadata::check(raw, form).ok()
    })
}

/// What the scan found at one place of the text.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mark {
    Open,
    Close,
    /// `metadata!`, at the offset of its `!`.
    Metadata,
}

/// The braces and `metadata!` invocations of Rust source text, by byte offset, outside
/// comments, strings and character literals.
fn marks(text: &str) -> Vec<(usize, Mark)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = text[i..].find('\n').map_or(bytes.len(), |n| i + n);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => i = block_comment_end(bytes, i),
            b'"' => i = string_end(bytes, i),
            b'r' | b'b' | b'c' if raw_string_start(bytes, i).is_some() => {
                i = raw_string_end(bytes, i);
            }
            b'\'' => i = char_literal_end(bytes, i),
            b'{' => {
                out.push((i, Mark::Open));
                i += 1;
            }
            b'}' => {
                out.push((i, Mark::Close));
                i += 1;
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                if &text[start..i] == "metadata" {
                    let bang = text[i..].trim_start();
                    if bang.starts_with('!') {
                        out.push((bytes.len() - bang.len(), Mark::Metadata));
                    }
                }
            }
            _ => i += 1,
        }
    }
    out
}

fn block_comment_end(bytes: &[u8], start: usize) -> usize {
    let (mut i, mut depth) = (start + 2, 1);
    while i < bytes.len() && depth > 0 {
        if bytes[i..].starts_with(b"/*") {
            depth += 1;
            i += 2;
        } else if bytes[i..].starts_with(b"*/") {
            depth -= 1;
            i += 2;
        } else {
            i += 1;
        }
    }
    i
}

/// The offset after the string literal whose quote is at `open`.
fn string_end(bytes: &[u8], open: usize) -> usize {
    let mut i = open + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// For `r"`, `r#"`, `br#"`, `cr"` …: the number of `#`s, if a raw string starts at `i` (and `i`
/// does not continue an identifier).
fn raw_string_start(bytes: &[u8], i: usize) -> Option<usize> {
    if i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_') {
        return None;
    }
    let mut j = i;
    if matches!(bytes[j], b'b' | b'c') {
        j += 1;
    }
    if bytes.get(j) != Some(&b'r') {
        return None;
    }
    j += 1;
    let hashes = bytes[j..].iter().take_while(|b| **b == b'#').count();
    (bytes.get(j + hashes) == Some(&b'"')).then_some(hashes)
}

fn raw_string_end(bytes: &[u8], start: usize) -> usize {
    let hashes = raw_string_start(bytes, start).expect("checked by the caller");
    let open = start
        + bytes[start..]
            .iter()
            .position(|b| *b == b'"')
            .expect("a quote");
    let mut i = open + 1;
    while i < bytes.len() {
        if bytes[i] == b'"'
            && bytes[i + 1..]
                .iter()
                .take(hashes)
                .filter(|b| **b == b'#')
                .count()
                == hashes
        {
            return i + 1 + hashes;
        }
        i += 1;
    }
    bytes.len()
}

/// The offset after a character literal starting at `quote`, or after the quote of a lifetime.
fn char_literal_end(bytes: &[u8], quote: usize) -> usize {
    match bytes.get(quote + 1) {
        Some(b'\\') => {
            let mut i = quote + 2;
            while i < bytes.len() && bytes[i] != b'\'' {
                i += 1;
            }
            i + 1
        }
        Some(_) => {
            // One character (of any UTF-8 length) and a closing quote; otherwise a lifetime.
            let rest = std::str::from_utf8(&bytes[quote + 1..]).unwrap_or("");
            let width = rest.chars().next().map_or(1, char::len_utf8);
            if bytes.get(quote + 1 + width) == Some(&b'\'') {
                quote + 2 + width
            } else {
                quote + 1
            }
        }
        None => quote + 1,
    }
}

/// The tokens inside the `metadata! { … }` of the block the text's `line` (1-based) is in: the
/// one invocation at that block's own level, before or after the line. `None` when there is
/// none, or more than one.
pub fn metadata_tokens_near(text: &str, line: usize) -> Option<TokenStream> {
    let at = line_offset(text, line)?;
    let marks = marks(text);
    // The block holding `at`: the `{` it is in (or the file), up to its matching `}`.
    let mut stack: Vec<usize> = Vec::new();
    for (offset, mark) in marks.iter().take_while(|(offset, _)| *offset < at) {
        match mark {
            Mark::Open => stack.push(*offset),
            Mark::Close => {
                stack.pop();
            }
            Mark::Metadata => {}
        }
    }
    let block_start = stack.last().map_or(0, |open| open + 1);
    let mut level = 0usize;
    let mut found = Vec::new();
    for (offset, mark) in marks.iter().filter(|(offset, _)| *offset >= block_start) {
        match mark {
            Mark::Open => level += 1,
            Mark::Close if level == 0 => break,
            Mark::Close => level -= 1,
            Mark::Metadata if level == 0 => found.push(*offset),
            Mark::Metadata => {}
        }
    }
    let [bang] = found[..] else { return None };
    invocation_body(text, bang)
}

/// The byte offset of the start of `line` (1-based).
fn line_offset(text: &str, line: usize) -> Option<usize> {
    if line <= 1 {
        return Some(0);
    }
    text.match_indices('\n').nth(line - 2).map(|(i, _)| i + 1)
}

/// The tokens between the delimiters of the invocation whose `!` is at `bang`.
fn invocation_body(text: &str, bang: usize) -> Option<TokenStream> {
    let after = &text[bang + 1..];
    let open = bang + 1 + after.find(|c: char| !c.is_whitespace())?;
    let (opening, closing) = match text.as_bytes()[open] {
        b'{' => (Mark::Open, Mark::Close),
        b'(' | b'[' => {
            // Delimiters other than braces: the body is everything to the matching one, and
            // `marks` sees only braces; these declarations hold none outside strings.
            let close = text[open..].find([')', ']'])? + open;
            return text[open + 1..close].parse().ok();
        }
        _ => return None,
    };
    let mut level = 0usize;
    for (offset, mark) in marks(&text[open..]) {
        if mark == opening {
            level += 1;
        } else if mark == closing {
            level -= 1;
            if level == 0 {
                return text[open + 1..open + offset].parse().ok();
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r##"
//! An endpoint file. A comment with metadata! { and a brace } in it.
pub mod v1 {
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET, // a comment
        rate_limited: false,
        authentication: None,
        history: {
            1.1 => "/_matrix/client/v3/rooms/{room_id}/x",
        }
    };

    /* a block /* nested */ comment with } */
    const BRACE: char = '}';
    const S: &str = r#"metadata! { "#;

    #[request]
    pub struct Request<'a> {
        #[api(path)]
        pub room_id: String,
    }
}

pub mod v2 {
    #[request]
    pub struct Request {}
}
"##;

    fn line_of(needle: &str, nth: usize) -> usize {
        let offset = FILE.match_indices(needle).nth(nth).unwrap().0;
        FILE[..offset].matches('\n').count() + 1
    }

    #[test]
    fn finds_the_metadata_of_the_block() {
        let tokens = metadata_tokens_near(FILE, line_of("pub struct Request", 0)).unwrap();
        let text = tokens.to_string();
        assert!(text.starts_with("method : GET"), "{text}");
        assert!(
            text.contains("\"/_matrix/client/v3/rooms/{room_id}/x\""),
            "{text}"
        );
    }

    #[test]
    fn a_block_without_metadata_has_none() {
        assert!(metadata_tokens_near(FILE, line_of("pub struct Request", 1)).is_none());
    }

    #[test]
    fn literals_and_comments_are_skipped() {
        let found: Vec<Mark> = marks(FILE)
            .into_iter()
            .filter(|(_, m)| *m == Mark::Metadata)
            .map(|(_, m)| m)
            .collect();
        assert_eq!(found.len(), 1);
        let opens = marks(FILE).iter().filter(|(_, m)| *m == Mark::Open).count();
        let closes = marks(FILE)
            .iter()
            .filter(|(_, m)| *m == Mark::Close)
            .count();
        assert_eq!(opens, closes);
    }
}
