//! Expansion: turns a checked declaration into tokens, and nothing else. `request`, `response`,
//! `metadata` and `describe` each generate their part; the pieces `#[request]` and `#[response]`
//! share are here.

pub mod describe;
pub mod metadata;
pub mod request;
pub mod response;

use proc_macro2::{Ident, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ast::{EndpointStruct, Field};
use crate::tokens::first_and_last_span;

/// What to generate. The entry points read it from the cargo features `matrix-api` forwards to
/// this crate, so that a user's crate needs no features of its own; everything below takes it as
/// a parameter, so that a test can expand with any of them.
#[derive(Clone, Copy)]
pub struct Options {
    /// `OutgoingRequest` and `IncomingResponse`.
    pub client: bool,
    /// `IncomingRequest` and `OutgoingResponse`.
    pub server: bool,
    /// The endpoint description of `matrix_api::describe`.
    pub describe: bool,
}

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

/// The endpoint's error type: the user's `error = T`, or the default.
pub struct ErrorType<'a> {
    /// `T` of `error = T`.
    pub given: Option<&'a syn::Type>,
    /// The struct's name, where the default is spanned (a request and response whose error
    /// types differ are reported with a note pointing there).
    pub struct_name: &'a Ident,
}

impl ErrorType<'_> {
    /// `T`, spanned on the user's type, or the default, spanned on the struct's name.
    pub fn ty(&self) -> TokenStream {
        match self.given {
            Some(ty) => quote_spanned! {ty.span()=> #ty },
            None => quote_spanned! {self.struct_name.span()=> ::matrix_api::error::MatrixError },
        }
    }

    /// `where T: EndpointError` for every impl naming a user's error type, all spanned on that
    /// type. Without it, each trait's `type EndpointError: EndpointError` bound reports a type
    /// that is not an endpoint error once per impl, each with its own note; with it, every impl
    /// reports the same error on the same token, which rustc prints once (and the bodies, which
    /// may assume the bound, report nothing).
    pub fn where_clause(&self) -> TokenStream {
        match self.given {
            Some(ty) => {
                // rustc spans the predicate from its first token to its last: make the last
                // the type's last, so the whole of `std::io::Error` is underlined.
                let (first, last) = first_and_last_span(ty);
                let bound = quote_spanned! {last=> : ::matrix_api::EndpointError };
                quote_spanned! {first=> where #ty #bound }
            }
            None => TokenStream::new(),
        }
    }
}

/// The user's struct as emitted: with the derives the macros add, and its own `Debug` when it has
/// secrets.
pub fn endpoint_struct(endpoint: &EndpointStruct) -> TokenStream {
    let derives = added_derives(endpoint);
    let item = &endpoint.item;
    let debug = redacting_debug(endpoint);
    quote! {
        #derives
        #item
        #debug
    }
}

/// The derives the macros add: `Clone` and `Debug`, except that a struct with
/// `#[api(secret)]` fields gets a `Debug` of its own (see [`redacting_debug`]).
fn added_derives(endpoint: &EndpointStruct) -> TokenStream {
    if endpoint.fields.iter().any(|f| f.secret) {
        quote! { #[derive(Clone)] }
    } else {
        quote! { #[derive(Clone, Debug)] }
    }
}

/// A `Debug` that shows `<redacted>` for `#[api(secret)]` fields, because Debug output ends up
/// in logs; empty when the struct has no secret.
fn redacting_debug(endpoint: &EndpointStruct) -> TokenStream {
    if !endpoint.fields.iter().any(|f| f.secret) {
        return TokenStream::new();
    }
    let ident = endpoint.ident();
    let name = ident.to_string();
    let fields = endpoint.fields.iter().map(|field| {
        let (label, member) = (field.ident.to_string(), &field.ident);
        if field.secret {
            quote! { .field(#label, &::matrix_api::__private::Redacted) }
        } else {
            quote! { .field(#label, &self.#member) }
        }
    });
    quote! {
        impl ::std::fmt::Debug for #ident {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct(#name) #(#fields)* .finish()
            }
        }
    }
}
