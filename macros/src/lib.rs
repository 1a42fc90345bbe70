//! Procedural macros of `matrix-api`. Use them through `matrix_api`, not directly.
use proc_macro::TokenStream;
/// Temporary.
#[proc_macro]
pub fn metadata(input: TokenStream) -> TokenStream { input }
/// Temporary.
#[proc_macro_attribute]
pub fn request(_attr: TokenStream, item: TokenStream) -> TokenStream { item }
/// Temporary.
#[proc_macro_attribute]
pub fn response(_attr: TokenStream, item: TokenStream) -> TokenStream { item }
