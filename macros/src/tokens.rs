//! Small token helpers the phases share: the span of a multi-token item, header names, field
//! names.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{quote_spanned, ToTokens};

use crate::ast::Field;

/// The spans of the first and last tokens of `tokens` (a multi-token span cannot be made on
/// stable Rust; rustc joins the spans of the tokens it parses instead).
pub fn first_and_last_span<T: ToTokens>(tokens: &T) -> (Span, Span) {
    let mut spans = tokens.to_token_stream().into_iter().map(|t| match t {
        proc_macro2::TokenTree::Group(group) => (group.span_open(), group.span_close()),
        other => (other.span(), other.span()),
    });
    let (first, mut last) = spans
        .next()
        .unwrap_or((Span::call_site(), Span::call_site()));
    if let Some((_, end)) = spans.last() {
        last = end;
    }
    (first, last)
}

/// The header name of `#[api(header = NAME)]`, as written: a bare name resolves in the user's
/// module, where [`header_constants`] makes `http::header`'s constants the fallback.
pub fn header_name(path: &syn::Path) -> TokenStream {
    path.to_token_stream()
}

/// For a struct with a header field named by a bare name: `http::header`'s constants, glob
/// imported into the user's module. A name the module defines or imports itself wins over a
/// glob, so `use http::header::LOCATION;` is the one used, and a constant of the user's named
/// like a standard header is theirs.
pub fn header_constants(fields: &[Field]) -> TokenStream {
    let bare = fields.iter().any(|field| {
        matches!(&field.kind, crate::attr::api::FieldKind::Header(path) if path.get_ident().is_some())
    });
    if !bare {
        return TokenStream::new();
    }
    quote::quote! {
        #[allow(unused_imports)]
        use ::matrix_api::__private::http::header::*;
    }
}

/// `Response`, the type a request names as its response, spanned on the request's name so that
/// a missing one is reported there.
pub fn response_type(request: &Ident) -> TokenStream {
    quote_spanned! {request.span()=> Response }
}

/// The names of `fields`, in order.
pub fn idents<'a>(fields: &'a [&'a Field]) -> impl Iterator<Item = &'a Ident> + 'a {
    fields.iter().map(|f| &f.ident)
}
