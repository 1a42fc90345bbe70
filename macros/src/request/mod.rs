//! `#[request]`: the request type of an endpoint.

mod expand;
mod validate;

use proc_macro2::TokenStream;
use quote::quote;

use crate::api_attr::{parse_container_args, parse_fields, parse_struct};
use crate::errors::Errors;

pub fn request(args: TokenStream, item: TokenStream) -> TokenStream {
    let mut errors = Errors::default();
    let args = parse_container_args(args, "request", &mut errors);
    let item = match parse_struct(item, "request") {
        Ok(item) => item,
        Err(err) => {
            errors.push_error(err);
            return errors.to_compile_errors();
        }
    };
    let endpoint = parse_fields(item, &mut errors);
    validate::validate(&endpoint, &args, &mut errors);
    if errors.is_empty() {
        expand::expand(&endpoint, &args)
    } else {
        // The struct alone, so that code using it reports nothing more than the real mistakes.
        let compile_errors = errors.to_compile_errors();
        let item = &endpoint.item;
        quote! { #compile_errors #item }
    }
}
