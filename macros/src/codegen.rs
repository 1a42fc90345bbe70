//! Expansion pieces shared by `#[request]` and `#[response]`.

use proc_macro2::{Ident, TokenStream};
use quote::{quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;

use crate::api_attr::Field;

/// Which sides to generate, decided by the cargo features `matrix-api` forwards to this crate,
/// so that a user's crate needs no features of its own.
pub struct Sides {
    pub client: bool,
    pub server: bool,
}

pub const SIDES: Sides = Sides {
    client: cfg!(feature = "client"),
    server: cfg!(feature = "server"),
};

/// A private struct holding the body or query fields, carrying the user's `#[serde]`
/// attributes; serde derives its (de)serialisation.
pub fn serde_struct(
    name: &Ident,
    fields: &[&Field],
    serialize: bool,
    deserialize: bool,
) -> TokenStream {
    let mut derives = Vec::new();
    if serialize {
        derives.push(quote! { ::matrix_api::__private::serde::Serialize });
    }
    if deserialize {
        derives.push(quote! { ::matrix_api::__private::serde::Deserialize });
    }
    if derives.is_empty() {
        return TokenStream::new();
    }
    let fields = fields.iter().map(|field| {
        let Field {
            ident,
            ty,
            serde_attrs,
            ..
        } = field;
        quote! { #(#serde_attrs)* #ident: #ty }
    });
    quote! {
        #[derive(#(#derives),*)]
        #[allow(dead_code)]
        #[serde(crate = "::matrix_api::__private::serde", expecting = "a JSON object")]
        struct #name { #(#fields),* }
    }
}

/// The header name of `#[api(header = NAME)]`: a bare name is looked up in `http::header`
/// first, then in the user's scope (a glob import loses to any item in scope).
pub fn header_name(path: &syn::Path) -> TokenStream {
    match path.get_ident() {
        Some(ident) => quote_spanned! {ident.span()=>
            {
                #[allow(unused_imports)]
                use ::matrix_api::__private::http::header::*;
                #ident
            }
        },
        None => path.to_token_stream(),
    }
}

pub fn idents<'a>(fields: &'a [&'a Field]) -> impl Iterator<Item = &'a Ident> + 'a {
    fields.iter().map(|f| &f.ident)
}

/// `type EndpointError = T;` spanned on the user's type, so a type that is not an endpoint
/// error is reported there.
pub fn error_type(error: Option<&syn::Type>) -> TokenStream {
    match error {
        Some(ty) => quote_spanned! {ty.span()=> #ty },
        None => quote! { ::matrix_api::error::MatrixError },
    }
}
