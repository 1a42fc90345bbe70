//! `metadata!`: parse the declaration, check it, and expand it into a `Metadata` constant
//! expression.

mod expand;
mod parse;
mod validate;

use proc_macro2::TokenStream;

pub fn metadata(input: TokenStream) -> TokenStream {
    let raw = match syn::parse2::<parse::RawMetadata>(input) {
        Ok(raw) => raw,
        Err(err) => return err.to_compile_error(),
    };
    match validate::validate(raw) {
        Ok(metadata) => expand::expand(&metadata),
        Err(errors) => errors.to_compile_errors(),
    }
}
