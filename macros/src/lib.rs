//! Procedural macros of `matrix-api`: [`metadata!`], [`#[request]`](macro@request) and
//! [`#[response]`](macro@response). Use them through `matrix_api`, which re-exports them and
//! everything their expansion names.
//!
//! Each macro is parse (`ast`, `attr`) → check (`check`) → expand (`expand`), joined in
//! `pipeline`; a declaration with mistakes gets `fallback`'s stubs instead of its expansion.
//! Mistakes are collected and reported together, each on the token that is wrong.

mod ast;
mod attr;
mod check;
mod errors;
mod expand;
mod fallback;
mod pipeline;
mod suggest;
mod tokens;

#[cfg(test)]
mod expansions;

use proc_macro::TokenStream;

use crate::ast::metadata::Form;
use crate::check::history::LATEST_MINOR;
use crate::expand::Options;

/// What to generate: the sides and the description `matrix-api` asks for through this crate's
/// features, so that a user's crate needs no features of its own.
const OPTIONS: Options = Options {
    client: cfg!(feature = "client"),
    server: cfg!(feature = "server"),
    describe: cfg!(feature = "describe"),
};

/// Builds a `matrix_api::Metadata` from a declaration, checked at compile time. Use it as
/// `matrix_api::metadata!`, whose documentation holds the grammar with examples:
///
/// ```text
/// const METADATA: Metadata = metadata! {
///     method: POST,
///     rate_limited: true,
///     authentication: AccessToken,
///     history: {
///         unstable("org.matrix.msc3882") => "/_matrix/client/unstable/org.matrix.msc3882/login/get_token",
///         1.7 => "/_matrix/client/v1/login/get_token",
///     }
/// };
/// ```
#[proc_macro]
pub fn metadata(input: TokenStream) -> TokenStream {
    pipeline::metadata(input.into(), Form::Expression).into()
}

/// `metadata!` as Ruma writes it, an item that declares the module's `METADATA`; re-exported as
/// `matrix_api::api::metadata`.
#[proc_macro]
pub fn metadata_item(input: TokenStream) -> TokenStream {
    pipeline::metadata(input.into(), Form::Item).into()
}

/// Generates the conversions of an endpoint's request type. Use it as `matrix_api::request`,
/// whose documentation lists where each field goes (`#[api(path)]`, `#[api(query)]`,
/// `#[api(header = NAME)]`, `#[api(body)]`, `#[api(raw_body)]`, none for a JSON body field) and
/// what its type needs, with examples.
#[proc_macro_attribute]
pub fn request(attr: TokenStream, item: TokenStream) -> TokenStream {
    let declaration =
        |name: &proc_macro2::Ident| ast::source::declaration_near(&name.to_string(), name.span());
    pipeline::request(attr.into(), item.into(), OPTIONS, &declaration).into()
}

/// Generates the conversions of an endpoint's response type. Use it as `matrix_api::response`,
/// whose documentation holds its attributes (`status = NAME`, `error = Type`, header and body
/// fields) with examples.
#[proc_macro_attribute]
pub fn response(attr: TokenStream, item: TokenStream) -> TokenStream {
    pipeline::response(attr.into(), item.into(), OPTIONS).into()
}

/// The minor version of the newest Matrix version `metadata!` accepts, as a `u8` literal, for
/// `matrix_api` to assert that its `MatrixVersion::LATEST` is the same:
///
/// ```
/// const _: () = assert!(matrix_api_macros::__latest_matrix_minor!() >= 19);
/// ```
#[doc(hidden)]
#[proc_macro]
pub fn __latest_matrix_minor(_: TokenStream) -> TokenStream {
    proc_macro::TokenTree::Literal(proc_macro::Literal::u8_suffixed(LATEST_MINOR)).into()
}
