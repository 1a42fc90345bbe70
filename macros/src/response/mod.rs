//! `#[response]`: the response type of an endpoint.

mod expand;
mod validate;

use proc_macro2::TokenStream;
use quote::quote;

use crate::api_attr::{
    name_and_generics, parse_container_args, parse_fields, parse_item, ParsedItem,
};
use crate::codegen::{response_fallback, ErrorType};
use crate::errors::Errors;

pub fn response(args: TokenStream, item: TokenStream) -> TokenStream {
    let mut errors = Errors::default();
    let args = parse_container_args(args, "response", &mut errors);
    let item = match parse_item(item, "response", &mut errors) {
        Ok(ParsedItem::Struct(item)) => item,
        Ok(ParsedItem::Unsupported(item)) => {
            let fallback = name_and_generics(&item).map(|(ident, generics)| {
                response_fallback(
                    ident,
                    generics,
                    &ErrorType {
                        given: args.error.as_ref(),
                        struct_name: ident,
                    },
                )
            });
            let compile_errors = errors.to_compile_errors();
            return quote! { #compile_errors #item #fallback };
        }
        Err(err) => return err.to_compile_error(),
    };
    let endpoint = parse_fields(item, &mut errors);
    validate::validate(&endpoint, &args, &mut errors);
    if errors.is_empty() {
        expand::expand(&endpoint, &args)
    } else {
        // The struct and stub impls, so that code using them (the request names `Response`)
        // reports nothing more than the real mistakes.
        let compile_errors = errors.to_compile_errors();
        let item = &endpoint.item;
        let ident = endpoint.ident();
        let fallback = response_fallback(
            ident,
            &item.generics,
            &ErrorType {
                given: args.error.as_ref(),
                struct_name: ident,
            },
        );
        quote! {
            #compile_errors
            #[derive(Clone, Debug)]
            #item
            #fallback
        }
    }
}
