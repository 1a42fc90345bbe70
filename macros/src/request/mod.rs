//! `#[request]`: the request type of an endpoint.

mod expand;
mod validate;

use proc_macro2::{Ident, TokenStream};
use quote::quote_spanned;

use crate::codegen::{request_fallback, ErrorType};
use crate::endpoint::EndpointMacro;

pub fn request(args: TokenStream, item: TokenStream) -> TokenStream {
    EndpointMacro {
        name: "request",
        validate: validate::validate,
        expand: expand::expand,
        fallback,
    }
    .run(args, item)
}

/// A request's stubs name `Response` on the struct's span, as the real impls do.
fn fallback(ident: &Ident, generics: &syn::Generics, error: &ErrorType) -> TokenStream {
    let response = quote_spanned! {ident.span()=> Response };
    request_fallback(ident, generics, &response, error)
}
