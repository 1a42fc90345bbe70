//! Collects every mistake of a declaration so the user sees them all in one compile.

use proc_macro2::TokenStream;
use quote::ToTokens;
use std::fmt::Display;

/// Errors gathered while checking a declaration.
#[derive(Default)]
pub struct Errors {
    combined: Option<syn::Error>,
}

impl Errors {
    /// Records an error on `tokens`' span.
    pub fn push<T: ToTokens, M: Display>(&mut self, tokens: T, message: M) {
        self.push_error(syn::Error::new_spanned(tokens, message));
    }

    /// Records an error on a span.
    pub fn push_at<M: Display>(&mut self, span: proc_macro2::Span, message: M) {
        self.push_error(syn::Error::new(span, message));
    }

    /// Records an error made elsewhere.
    pub fn push_error(&mut self, error: syn::Error) {
        match &mut self.combined {
            Some(combined) => combined.combine(error),
            None => self.combined = Some(error),
        }
    }

    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.combined.is_none()
    }

    /// The recorded errors, if any.
    pub fn finish(self) -> Result<(), syn::Error> {
        self.combined.map_or(Ok(()), Err)
    }

    /// The recorded errors as `compile_error!` invocations (empty when there are none).
    pub fn to_compile_errors(&self) -> TokenStream {
        self.combined
            .as_ref()
            .map(syn::Error::to_compile_error)
            .unwrap_or_default()
    }
}
