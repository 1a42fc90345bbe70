//! Generates the client and server conversions of a request type.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::ast::{EndpointStruct, Places};
use crate::attr::api::FieldKind;
use crate::attr::container::ContainerArgs;
use crate::check::const_checks;
use crate::expand::{
    describe, endpoint_struct, field_trait, read_json_body, read_whole_body, serde_struct,
    write_whole_body, ErrorType, Options,
};
use crate::tokens::{header_name, idents, response_type};

pub fn expand(endpoint: &EndpointStruct, args: &ContainerArgs, options: Options) -> TokenStream {
    let ident = endpoint.ident();
    let fields = endpoint.places();
    let checks = const_checks::request(endpoint);
    let query_struct = Ident::new("RequestQuery", Span::call_site());
    let body_struct = Ident::new("RequestBody", Span::call_site());
    let query_def = if fields.query.is_empty() {
        TokenStream::new()
    } else {
        serde_struct(&query_struct, &fields.query, options.client, options.server)
    };
    let body_def = if fields.newtype.is_some() || fields.raw.is_some() || args.body_none.is_some() {
        TokenStream::new()
    } else {
        serde_struct(&body_struct, &fields.body, options.client, options.server)
    };
    let error = ErrorType {
        given: args.error.as_ref(),
        struct_name: ident,
    };
    let client = options
        .client
        .then(|| client_impl(ident, &fields, args, &error));
    let server = options
        .server
        .then(|| server_impl(ident, &fields, args, &error));
    let describe = options.describe.then(|| {
        let has_body = if args.body_none.is_some() {
            quote! { false }
        } else if fields.newtype.is_some() || fields.raw.is_some() || !fields.body.is_empty() {
            quote! { true }
        } else {
            quote! { !METADATA.method_has_no_body() }
        };
        describe::request_impl(ident, &endpoint.fields, has_body)
    });
    let endpoint_struct = endpoint_struct(endpoint);
    let header_constants = crate::tokens::header_constants(&endpoint.fields);
    quote! {
        #endpoint_struct
        #header_constants

        // Inherent, so that `Request::METADATA` needs no trait in scope, and is not ambiguous
        // between `OutgoingRequest` and `IncomingRequest` when both are.
        impl #ident {
            /// The endpoint's metadata: method, rate limiting, authentication and paths.
            pub const METADATA: ::matrix_api::Metadata = METADATA;
        }

        // The stand-in `METADATA` when the module declares none; see `metadata_declared`.
        #[allow(unused_imports)]
        use ::matrix_api::__private::undeclared::*;

        // `deprecated`: the conversions read and write a `#[deprecated]` field like any other.
        #[allow(non_local_definitions, deprecated)]
        const _: () = {
            #checks
            #query_def
            #body_def
            #client
            #server
            #describe
        };
    }
}

fn client_impl(
    ident: &Ident,
    fields: &Places,
    args: &ContainerArgs,
    error: &ErrorType,
) -> TokenStream {
    let (error, where_clause) = (error.ty(), error.where_clause());
    let response = response_type(ident);
    let path_args = fields.path.iter().map(|field| {
        let (name, field_ident) = (field.ident.to_string(), &field.ident);
        let field_trait = field_trait(field);
        quote! { (#name, #field_trait::path_value(&__request.#field_ident)) }
    });
    let destructure = fields.all.iter().map(|field| {
        let field_ident = &field.ident;
        if matches!(field.kind, FieldKind::Path) {
            quote! { #field_ident: _ }
        } else {
            quote! { #field_ident }
        }
    });
    let query = if fields.query.is_empty() {
        TokenStream::new()
    } else {
        let names = idents(&fields.query);
        quote! { ::matrix_api::__try!(__builder.query(&RequestQuery { #(#names),* })); }
    };
    let query_all = fields.query_all.map(|field| {
        let field_ident = &field.ident;
        let write = match field_trait(field) {
            Some(field_trait) => quote! { #field_trait::write_query(&#field_ident, __out) },
            None => quote! { ::matrix_api::__private::push_query(__out, &#field_ident) },
        };
        quote! { ::matrix_api::__try!(__builder.query_with(|__out| #write)); }
    });
    let headers = fields.headers.iter().map(|field| {
        let FieldKind::Header(name) = &field.kind else {
            unreachable!()
        };
        let (name, field_ident) = (header_name(name), &field.ident);
        let field_trait = field_trait(field);
        quote! { ::matrix_api::__try!(__builder.header_value(#name, #field_trait::to_header(&#field_ident))); }
    });
    let finish = if let Some(raw) = fields.raw {
        let field_ident = &raw.ident;
        quote! { __builder.raw_body(#field_ident, __body) }
    } else if let Some(newtype) = fields.newtype {
        write_whole_body(newtype)
    } else if args.body_none.is_some() {
        quote! { __builder.no_body() }
    } else if fields.body.is_empty() {
        // Without body fields, `GET`/`HEAD` send nothing and other methods send `{}`.
        quote! {
            if METADATA.method_has_no_body() {
                __builder.no_body()
            } else {
                __builder.json_body(&RequestBody {}, __body)
            }
        }
    } else {
        let names = idents(&fields.body);
        quote! { __builder.json_body(&RequestBody { #(#names),* }, __body) }
    };
    quote! {
        impl ::matrix_api::OutgoingRequest for #ident #where_clause {
            const METADATA: ::matrix_api::Metadata = METADATA;
            type EndpointError = #error;
            type IncomingResponse = #response;

            #[inline]
            fn try_into_http_request_with_path(
                self,
                path: &str,
                base_url: &str,
                access_token: ::matrix_api::SendAccessToken<'_>,
            ) -> ::std::result::Result<::matrix_api::__private::http::Request<::std::vec::Vec<u8>>, ::matrix_api::IntoHttpError> {
                let mut __body = ::matrix_api::__private::Body::new();
                let __parts = ::matrix_api::__try!(__into_http_request(self, path, base_url, access_token, &mut __body));
                ::std::result::Result::Ok(__body.into_request(__parts))
            }
        }

        // The conversion but for the body, written into the buffer the caller hands over.
        // `#[inline]` here and on every conversion: compiled in the crate that calls it, as
        // generic code would be, so an endpoints crate costs only its declarations and a program
        // pays for the conversions it uses.
        #[inline]
        fn __into_http_request(
            __request: #ident,
            path: &str,
            base_url: &str,
            access_token: ::matrix_api::SendAccessToken<'_>,
            __body: &mut ::matrix_api::__private::Body,
        ) -> ::std::result::Result<::matrix_api::__private::http::request::Parts, ::matrix_api::IntoHttpError> {
            #[allow(unused_mut)]
            let mut __builder = ::matrix_api::__try!(::matrix_api::__private::RequestBuilder::new(
                &METADATA, path, base_url, access_token, &[#(#path_args),*],
            ));
            let #ident { #(#destructure),* } = __request;
            #query
            #query_all
            #(#headers)*
            #finish
        }
    }
}

fn server_impl(
    ident: &Ident,
    fields: &Places,
    args: &ContainerArgs,
    error: &ErrorType,
) -> TokenStream {
    let (error, where_clause) = (error.ty(), error.where_clause());
    let response = response_type(ident);
    let path = fields.path.iter().map(|field| {
        let (name, field_ident) = (field.ident.to_string(), &field.ident);
        let field_trait = field_trait(field);
        quote! {
            let #field_ident = ::matrix_api::__try!(__parts.path_arg(
                { const INDEX: usize = ::matrix_api::__private::param_position(&METADATA.history, #name); INDEX },
                #name,
                #field_trait::read_segment,
            ));
        }
    });
    let query = if fields.query.is_empty() {
        TokenStream::new()
    } else {
        let names = idents(&fields.query);
        quote! { let RequestQuery { #(#names),* } = ::matrix_api::__try!(__parts.query()); }
    };
    let query_all = fields.query_all.map(|field| {
        let field_ident = &field.ident;
        let read = match field_trait(field) {
            Some(field_trait) => quote! { __parts.query_all(#field_trait::read_query) },
            None => quote! { __parts.query() },
        };
        quote! { let #field_ident = ::matrix_api::__try!(#read); }
    });
    let headers = fields.headers.iter().map(|field| {
        let FieldKind::Header(name) = &field.kind else {
            unreachable!()
        };
        let (name, field_ident) = (header_name(name), &field.ident);
        let field_trait = field_trait(field);
        quote! { let #field_ident = ::matrix_api::__try!(__parts.header(#name, #field_trait::from_header)); }
    });
    let body = if let Some(raw) = fields.raw {
        let field_ident = &raw.ident;
        quote! { let #field_ident = __bytes; }
    } else if let Some(newtype) = fields.newtype {
        read_whole_body(newtype)
    } else if args.body_none.is_some() || fields.body.is_empty() {
        TokenStream::new()
    } else {
        read_json_body(&Ident::new("RequestBody", Span::call_site()), &fields.body)
    };
    let all = idents(&fields.all);
    let param_count = fields.path.len();
    let reads_parts = !fields.path.is_empty()
        || !fields.query.is_empty()
        || fields.query_all.is_some()
        || !fields.headers.is_empty();
    let checks = if reads_parts {
        quote! {
            let __parts = ::matrix_api::__try!(::matrix_api::__private::incoming_request(
                &METADATA, #param_count, __request, __path_args,
            ));
        }
    } else {
        quote! {
            ::matrix_api::__try!(::matrix_api::__private::check_request(&METADATA, __request, __path_args));
        }
    };
    // A raw body is taken over (moved out of a `Vec<u8>` or a unique `Bytes`); any other body is
    // only read, so it is borrowed.
    let (call, bytes) = if fields.raw.is_some() {
        let call = quote! {
            let (__parts, __body) = __request.into_parts();
            __from_http_request(
                ::matrix_api::__private::RequestHead::of_parts(&__parts),
                ::std::convert::Into::into(__body),
                &__path_args,
            )
        };
        (call, quote! { __bytes: ::std::vec::Vec<u8> })
    } else {
        let call = quote! {
            __from_http_request(
                ::matrix_api::__private::RequestHead::of(&__request),
                __request.body().as_ref(),
                &__path_args,
            )
        };
        (call, quote! { #[allow(unused_variables)] __bytes: &[u8] })
    };
    quote! {
        impl ::matrix_api::IncomingRequest for #ident #where_clause {
            const METADATA: ::matrix_api::Metadata = METADATA;
            type EndpointError = #error;
            type OutgoingResponse = #response;

            fn try_from_http_request<
                B: ::std::convert::AsRef<[u8]> + ::std::convert::Into<::std::vec::Vec<u8>>,
                S: ::std::convert::AsRef<str>,
            >(
                __request: ::matrix_api::__private::http::Request<B>,
                __path_args: &[S],
            ) -> ::std::result::Result<Self, ::matrix_api::FromHttpRequestError> {
                #call
            }
        }

        // Not generic: compiled once per calling crate, whichever body and argument types it uses.
        #[inline]
        fn __from_http_request(
            __request: ::matrix_api::__private::RequestHead<'_>,
            #bytes,
            __path_args: &dyn ::matrix_api::__private::PathArgs,
        ) -> ::std::result::Result<#ident, ::matrix_api::FromHttpRequestError> {
            #checks
            #(#path)*
            #query
            #query_all
            #(#headers)*
            #body
            ::std::result::Result::Ok(#ident { #(#all),* })
        }
    }
}
