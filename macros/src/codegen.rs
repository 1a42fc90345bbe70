//! Expansion pieces shared by `#[request]` and `#[response]`.

use proc_macro2::{Ident, Span, TokenStream};
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

/// The spans of the first and last tokens of `tokens` (a multi-token span cannot be made on
/// stable Rust; rustc joins the spans of the tokens it parses instead).
pub fn first_and_last_span<T: ToTokens>(tokens: &T) -> (Span, Span) {
    let mut spans = tokens.to_token_stream().into_iter().map(|t| match t {
        proc_macro2::TokenTree::Group(group) => (group.span_open(), group.span_close()),
        other => (other.span(), other.span()),
    });
    let (first, mut last) = spans
        .next()
        .unwrap_or((Span::call_site(), Span::call_site()));
    if let Some((_, end)) = spans.last() {
        last = end;
    }
    (first, last)
}

/// Stub impls of the traits `#[request]` implements, for a declaration with errors: the type
/// still implements what the declaration promised, so code using it reports nothing more than
/// the real mistakes. Never run: the build fails.
pub fn request_fallback(
    ident: &Ident,
    generics: &syn::Generics,
    response: &TokenStream,
    error: &ErrorType,
) -> TokenStream {
    let (impl_generics, ty_generics, _) = generics.split_for_impl();
    let error_ty = error.ty();
    let where_clause = error.where_clause();
    let client = SIDES.client.then(|| {
        quote! {
            impl #impl_generics ::matrix_api::OutgoingRequest for #ident #ty_generics #where_clause {
                const METADATA: ::matrix_api::Metadata = ::matrix_api::__private::INVALID_METADATA;
                type EndpointError = #error_ty;
                type IncomingResponse = #response;

                fn try_into_http_request<__T: ::std::default::Default + ::matrix_api::BufMut>(
                    self,
                    _: &str,
                    _: ::matrix_api::SendAccessToken<'_>,
                    _: &::matrix_api::SupportedVersions,
                ) -> ::std::result::Result<::matrix_api::__private::http::Request<__T>, ::matrix_api::IntoHttpError> {
                    ::matrix_api::__private::declaration_has_errors()
                }
            }
        }
    });
    let server = SIDES.server.then(|| {
        quote! {
            impl #impl_generics ::matrix_api::IncomingRequest for #ident #ty_generics #where_clause {
                const METADATA: ::matrix_api::Metadata = ::matrix_api::__private::INVALID_METADATA;
                type EndpointError = #error_ty;
                type OutgoingResponse = #response;

                fn try_from_http_request<__B: ::std::convert::AsRef<[u8]>, __S: ::std::convert::AsRef<str>>(
                    _: ::matrix_api::__private::http::Request<__B>,
                    _: &[__S],
                ) -> ::std::result::Result<Self, ::matrix_api::FromHttpRequestError> {
                    ::matrix_api::__private::declaration_has_errors()
                }
            }
        }
    });
    let describe = crate::describe::request_fallback(ident, generics);
    quote! {
        #[allow(non_local_definitions)]
        const _: () = {
            #client
            #server
            #describe
        };
    }
}

/// Stub impls of the traits `#[response]` implements, for a declaration with errors; see
/// [`request_fallback`].
pub fn response_fallback(
    ident: &Ident,
    generics: &syn::Generics,
    error: &ErrorType,
) -> TokenStream {
    let (impl_generics, ty_generics, _) = generics.split_for_impl();
    let error_ty = error.ty();
    let where_clause = error.where_clause();
    let server = SIDES.server.then(|| {
        quote! {
            impl #impl_generics ::matrix_api::OutgoingResponse for #ident #ty_generics {
                fn try_into_http_response<__T: ::std::default::Default + ::matrix_api::BufMut>(
                    self,
                ) -> ::std::result::Result<::matrix_api::__private::http::Response<__T>, ::matrix_api::IntoHttpError> {
                    ::matrix_api::__private::declaration_has_errors()
                }
            }
        }
    });
    let client = SIDES.client.then(|| {
        quote! {
            impl #impl_generics ::matrix_api::IncomingResponse for #ident #ty_generics #where_clause {
                type EndpointError = #error_ty;

                fn try_from_http_response<__T: ::std::convert::AsRef<[u8]>>(
                    _: ::matrix_api::__private::http::Response<__T>,
                ) -> ::std::result::Result<Self, ::matrix_api::FromHttpResponseError<Self::EndpointError>> {
                    ::matrix_api::__private::declaration_has_errors()
                }
            }
        }
    });
    let describe = crate::describe::response_fallback(ident, generics);
    quote! {
        #[allow(non_local_definitions)]
        const _: () = {
            #server
            #client
            #describe
        };
    }
}

/// The derives the macros add: `Clone` and `Debug`, except that a struct with
/// `#[api(secret)]` fields gets a `Debug` of its own (see [`redacting_debug`]).
pub fn added_derives(endpoint: &crate::api_attr::EndpointStruct) -> TokenStream {
    if endpoint.fields.iter().any(|f| f.secret) {
        quote! { #[derive(Clone)] }
    } else {
        quote! { #[derive(Clone, Debug)] }
    }
}

/// A `Debug` that shows `<redacted>` for `#[api(secret)]` fields, because Debug output ends up
/// in logs; empty when the struct has no secret.
pub fn redacting_debug(endpoint: &crate::api_attr::EndpointStruct) -> TokenStream {
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
