//! Procedural macros of `matrix-api`: [`metadata!`], [`#[request]`](macro@request) and
//! [`#[response]`](macro@response). Use them through `matrix_api`, which re-exports them and
//! everything their expansion names.
//!
//! Each macro is parse → validate → expand, in its own module. Mistakes are collected and
//! reported together, each on the token that is wrong.

mod api_attr;
mod codegen;
mod describe;
mod endpoint;
mod errors;
mod metadata;
mod request;
mod response;
mod status;
mod suggest;

#[cfg(test)]
mod expansions;

use proc_macro::TokenStream;

/// Builds a `matrix_api::Metadata` from a declaration, checked at compile time.
/// See `matrix_api`'s documentation for the grammar.
#[proc_macro]
pub fn metadata(input: TokenStream) -> TokenStream {
    metadata::metadata(input.into()).into()
}

/// Generates the conversions of an endpoint's request type. See `matrix_api`'s documentation.
#[proc_macro_attribute]
pub fn request(attr: TokenStream, item: TokenStream) -> TokenStream {
    request::request(attr.into(), item.into()).into()
}

/// Generates the conversions of an endpoint's response type. See `matrix_api`'s documentation.
#[proc_macro_attribute]
pub fn response(attr: TokenStream, item: TokenStream) -> TokenStream {
    response::response(attr.into(), item.into()).into()
}
