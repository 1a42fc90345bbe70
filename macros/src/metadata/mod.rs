//! `metadata!`: parse the declaration, check it, and expand it into a `Metadata` constant
//! expression.

mod expand;
mod parse;
mod validate;

use proc_macro2::TokenStream;

use crate::errors::Errors;

pub fn metadata(input: TokenStream) -> TokenStream {
    let errors = match syn::parse2::<parse::RawMetadata>(input) {
        Ok(raw) => match validate::validate(raw) {
            Ok(metadata) => return expand::expand(&metadata),
            Err(errors) => errors,
        },
        Err(err) => {
            let mut errors = Errors::default();
            errors.push_error(err);
            errors
        }
    };
    expand::fallback(&errors)
}
