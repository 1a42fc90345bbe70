//! The flow `#[request]` and `#[response]` share: parse the arguments and the struct, validate,
//! expand; on mistakes, the errors plus the struct and stub impls, so that code using the type
//! reports nothing more than the real mistakes.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use crate::api_attr::{
    name_and_generics, parse_container_args, parse_fields, parse_item, ContainerArgs,
    EndpointStruct, ParsedItem,
};
use crate::codegen::ErrorType;
use crate::errors::Errors;

/// What differs between the two attribute macros.
pub struct EndpointMacro {
    /// `request` or `response`, as written in messages.
    pub name: &'static str,
    pub validate: fn(&EndpointStruct, &ContainerArgs, &mut Errors),
    pub expand: fn(&EndpointStruct, &ContainerArgs) -> TokenStream,
    /// Stub trait impls for a type whose declaration has mistakes.
    pub fallback: fn(&Ident, &syn::Generics, &ErrorType) -> TokenStream,
}

impl EndpointMacro {
    pub fn run(&self, args: TokenStream, item: TokenStream) -> TokenStream {
        let mut errors = Errors::default();
        let args = parse_container_args(args, self.name, &mut errors);
        let error_type = |ident| ErrorType {
            given: args.error.as_ref(),
            struct_name: ident,
        };
        let item = match parse_item(item, self.name, &mut errors) {
            Ok(ParsedItem::Struct(item)) => item,
            Ok(ParsedItem::Unsupported(item)) => {
                let fallback = name_and_generics(&item)
                    .map(|(ident, generics)| (self.fallback)(ident, generics, &error_type(ident)));
                let compile_errors = errors.to_compile_errors();
                return quote! { #compile_errors #item #fallback };
            }
            Err(err) => return err.to_compile_error(),
        };
        let endpoint = parse_fields(item, &mut errors);
        (self.validate)(&endpoint, &args, &mut errors);
        if errors.is_empty() {
            return (self.expand)(&endpoint, &args);
        }
        let compile_errors = errors.to_compile_errors();
        let item = &endpoint.item;
        let ident = endpoint.ident();
        let fallback = (self.fallback)(ident, &item.generics, &error_type(ident));
        quote! {
            #compile_errors
            #[derive(Clone, Debug)]
            #item
            #fallback
        }
    }
}
