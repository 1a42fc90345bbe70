//! Expansion: turns a checked declaration into tokens, and nothing else. `request`, `response`,
//! `metadata` and `describe` each generate their part; the pieces `#[request]` and `#[response]`
//! share are here.

pub mod describe;
pub mod docs;
pub mod metadata;
pub mod request;
pub mod response;

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;

use crate::ast::{EndpointStruct, Field};
use crate::attr::api::FieldKind;
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
        let through_trait = query_functions(field);
        quote! { #(#serde_attrs)* #through_trait #ident: #ty }
    });
    quote! {
        #[derive(#(#derives),*)]
        #[allow(dead_code)]
        #[serde(crate = "::matrix_api::__private::serde", expecting = "a JSON object")]
        struct #name { #(#fields),* }
    }
}

/// Reads the JSON body struct `body` (`RequestBody` or `ResponseBody`, of `fields`) from
/// `__bytes` and binds each field to its name.
///
/// A body with one `#[serde(flatten)]` field, read by its type's own `Deserialize`, is read
/// through the runtime's `ReadByFields` where that type implements `ReadFlattened`: the other
/// fields are a struct of their own (`RequestRest`), derived by serde with all their
/// attributes, and the flattened field is handed the remaining keys as they come instead of
/// serde's buffered copy of them. Method lookup picks that way or `ReadBySerde`'s (the body's
/// own derived reader) from the type, which the macro cannot see.
pub fn read_json_body(body: &Ident, fields: &[&Field]) -> TokenStream {
    let names = fields.iter().map(|field| &field.ident);
    let pattern = quote! { #body { #(#names),* } };
    let mut flattened = fields.iter().filter(|field| field.serde.flatten.is_some());
    let flat = match (flattened.next(), flattened.next()) {
        (Some(flat), None) if flat.serde.with.is_none() && !flat.serde.skip => flat,
        _ => {
            return quote! {
                let #pattern = ::matrix_api::__try!(::matrix_api::__private::json_body(__bytes));
            };
        }
    };
    let rest = format_ident!("{}Rest", body.to_string().trim_end_matches("Body"));
    let others: Vec<&Field> = fields
        .iter()
        .copied()
        .filter(|field| !std::ptr::eq(*field, *flat))
        .collect();
    let rest_struct = serde_struct(&rest, &others, false, true);
    let other_names = others.iter().map(|field| &field.ident);
    let (flat_ident, flat_ty) = (&flat.ident, &flat.ty);
    quote! {
        #rest_struct
        #[allow(unused_imports)]
        use ::matrix_api::__private::{ReadByFields as _, ReadBySerde as _};
        let #pattern = ::matrix_api::__try!(
            (&&::matrix_api::__private::Flat::<#flat_ty>::NEW).json_body::<#body, #rest, _>(
                __bytes,
                |#flat_ident, #rest { #(#other_names),* }| #pattern,
            )
        );
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

/// Reads a whole-body (`#[api(body)]`) field from `__bytes`: through the field type's own
/// `Deserialize`, or through its `deserialize_with` function, by a transparent wrapper.
pub fn read_whole_body(field: &Field) -> TokenStream {
    let ident = &field.ident;
    let Some(function) = &field.serde.deserialize_with else {
        // Spanned on the type, where a type serde cannot read is reported.
        let read = quote_spanned! {first_and_last_span(&field.ty).0=>
            ::matrix_api::__private::json_body(__bytes)
        };
        return quote! {
            let #ident = ::matrix_api::__try!(#read);
        };
    };
    let ty = &field.ty;
    quote! {
        let #ident = {
            #[derive(::matrix_api::__private::serde::Deserialize)]
            #[serde(crate = "::matrix_api::__private::serde", transparent)]
            struct WholeBody(#[serde(deserialize_with = #function)] #ty);
            let WholeBody(value) =
                ::matrix_api::__try!(::matrix_api::__private::json_body(__bytes));
            value
        };
    }
}

/// Finishes `__builder` with a whole-body (`#[api(body)]`) field as the body, through the
/// runtime's `WholeBody`, which moves a `Raw` value's text in and serializes any other type.
/// Spanned on the field's type, where a type serde cannot write is reported.
pub fn write_whole_body(field: &Field) -> TokenStream {
    let ident = &field.ident;
    let span = first_and_last_span(&field.ty).0;
    let finish = quote_spanned! {span=>
        ::matrix_api::__private::WholeBody(#ident).finish_body(__builder, __body)
    };
    // Unused when the field is a `Raw`, whose own method is found first.
    quote! {
        {
            #[allow(unused_imports)]
            use ::matrix_api::__private::SerializeWholeBody as _;
            #finish
        }
    }
}

/// The user's struct as emitted, with the `Clone` and `Debug` the macros add and, for a request
/// whose declaration could be read, the `# Endpoint` section of its documentation.
pub fn endpoint_struct(endpoint: &EndpointStruct) -> TokenStream {
    let mut item = endpoint.item.clone();
    if let Some(declaration) = &endpoint.declaration {
        for line in docs::endpoint_section(declaration) {
            // The space `///` would put there, so the section reads like written docs.
            let line = format!(" {line}");
            item.attrs.push(syn::parse_quote!(#[doc = #line]));
        }
    }
    let clone_and_debug = clone_and_debug(endpoint);
    quote! {
        #item
        #clone_and_debug
    }
}

/// `Clone` and `Debug` for the struct, field by field: a field whose kind has a trait in
/// `matrix_api::field` is cloned and shown through it (see [`field_trait`]), so that a type
/// lacking them is reported once, with what else it lacks. `Debug` shows `<redacted>` for
/// `#[api(secret)]` fields, because Debug output ends up in logs.
fn clone_and_debug(endpoint: &EndpointStruct) -> TokenStream {
    let ident = endpoint.ident();
    let name = ident.to_string();
    let clones = endpoint.fields.iter().map(|field| {
        let member = &field.ident;
        match field_trait(field) {
            Some(field_trait) => quote! { #member: #field_trait::clone_field(&self.#member) },
            None => quote! { #member: ::std::clone::Clone::clone(&self.#member) },
        }
    });
    let debugs = endpoint.fields.iter().map(|field| {
        let (label, member) = (field.ident.to_string(), &field.ident);
        if field.secret {
            return quote! { .field(#label, &::matrix_api::__private::Redacted) };
        }
        match field_trait(field) {
            Some(field_trait) => {
                quote! { .field(#label, #field_trait::debug_field(&self.#member)) }
            }
            None => quote! { .field(#label, &self.#member) },
        }
    });
    // `deprecated`: a `#[deprecated]` field is cloned and shown like any other.
    quote! {
        #[allow(deprecated)]
        impl ::std::clone::Clone for #ident {
            fn clone(&self) -> Self {
                #ident { #(#clones),* }
            }
        }

        #[allow(deprecated)]
        impl ::std::fmt::Debug for #ident {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct(#name) #(#debugs)* .finish()
            }
        }
    }
}

/// `<T as ::matrix_api::field::PathParameter>` (or `QueryParameter`, `HeaderParameter`) for a
/// field of a kind that has such a trait; `None` for body fields, which serde reads, and for a
/// query field with serde functions of its own.
///
/// Generated code calls the trait's methods through this path and names no bound elsewhere:
/// rustc then checks one bound, at the field's type, and a type that does not fit is one error
/// there, worded by the trait. Every use is spanned on the type's first token, so the errors
/// of all uses are the same and reported once.
pub fn field_trait(field: &Field) -> Option<TokenStream> {
    let name = match field.kind {
        FieldKind::Path => "PathParameter",
        FieldKind::Query | FieldKind::QueryAll if !field.serde.own_functions => "QueryParameter",
        FieldKind::Header(_) => "HeaderParameter",
        _ => return None,
    };
    let span = first_and_last_span(&field.ty).0;
    let ty = respan(&field.ty, span);
    let name = Ident::new(name, span);
    Some(quote_spanned! {span=> <#ty as ::matrix_api::field::#name> })
}

/// `#[serde(serialize_with = …, deserialize_with = …)]` through `QueryParameter`, for a field of
/// the query struct (nothing for others, or one with serde functions of its own); with
/// `#[serde(default)]` for an `Option` that has none, as serde reads a missing `Option` as
/// `None` only when it reads the field itself.
fn query_functions(field: &Field) -> TokenStream {
    if !matches!(field.kind, FieldKind::Query) {
        return TokenStream::new();
    }
    let Some(field_trait) = field_trait(field) else {
        return TokenStream::new();
    };
    let span = first_and_last_span(&field.ty).0;
    // serde parses the path from the string and gives its tokens the string's span.
    let path = |method: &str| syn::LitStr::new(&format!("{field_trait}::{method}"), span);
    let (serialize, deserialize) = (path("serialize_query"), path("deserialize_query"));
    let default = (describe::option_inner(&field.ty).is_some() && !field.serde.default)
        .then(|| quote! { #[serde(default)] });
    quote! {
        #[serde(serialize_with = #serialize, deserialize_with = #deserialize)]
        #default
    }
}

/// `tokens` with every span set to `span`, so that what rustc reports about them is reported
/// there.
fn respan<T: ToTokens>(tokens: &T, span: proc_macro2::Span) -> TokenStream {
    tokens
        .to_token_stream()
        .into_iter()
        .map(|mut token| {
            if let proc_macro2::TokenTree::Group(group) = &token {
                let mut new =
                    proc_macro2::Group::new(group.delimiter(), respan(&group.stream(), span));
                new.set_span(span);
                token = proc_macro2::TokenTree::Group(new);
            } else {
                token.set_span(span);
            }
            token
        })
        .collect()
}
