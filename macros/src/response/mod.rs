//! `#[response]`: the response type of an endpoint.

mod expand;
mod validate;

use proc_macro2::TokenStream;

use crate::codegen::response_fallback;
use crate::endpoint::EndpointMacro;

pub fn response(args: TokenStream, item: TokenStream) -> TokenStream {
    EndpointMacro {
        name: "response",
        validate: validate::validate,
        expand: expand::expand,
        fallback: response_fallback,
    }
    .run(args, item)
}
