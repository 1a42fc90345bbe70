//! Generates the server and client conversions of a response type.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{quote, quote_spanned};

use crate::ast::{EndpointStruct, Places};
use crate::attr::api::FieldKind;
use crate::attr::container::ContainerArgs;
use crate::expand::{
    describe, endpoint_struct, field_trait, read_json_body, read_whole_body, serde_struct,
    write_whole_body, ErrorType, Options,
};
use crate::tokens::{header_name, idents};

pub fn expand(endpoint: &EndpointStruct, args: &ContainerArgs, options: Options) -> TokenStream {
    let ident = endpoint.ident();
    let Places {
        all,
        headers,
        body,
        newtype,
        raw,
        ..
    } = endpoint.places();
    let body_struct = Ident::new("ResponseBody", Span::call_site());
    let body_def = if newtype.is_some() || raw.is_some() {
        TokenStream::new()
    } else {
        serde_struct(&body_struct, &body, options.server, options.client)
    };
    let status = match &args.status {
        Some((_, status)) => {
            quote_spanned! {status.span()=> ::matrix_api::__private::http::StatusCode::#status }
        }
        None => quote! { ::matrix_api::__private::http::StatusCode::OK },
    };
    let all_idents: Vec<&Ident> = idents(&all).collect();
    let header_names: Vec<TokenStream> = headers
        .iter()
        .map(|field| match &field.kind {
            FieldKind::Header(name) => header_name(name),
            _ => unreachable!(),
        })
        .collect();
    let header_idents: Vec<&Ident> = idents(&headers).collect();
    let header_traits: Vec<Option<TokenStream>> = headers.iter().map(|f| field_trait(f)).collect();

    let server = options.server.then(|| {
        let all_idents = all_idents.clone();
        let finish = match (raw, newtype) {
            (Some(raw), _) => {
                let field = &raw.ident;
                quote! { __builder.raw_body(#field, __body) }
            }
            (None, Some(newtype)) => write_whole_body(newtype),
            (None, None) => {
                let names = idents(&body);
                quote! { __builder.json_body(&ResponseBody { #(#names),* }, __body) }
            }
        };
        quote! {
            impl ::matrix_api::OutgoingResponse for #ident {
                #[inline]
                fn try_into_http_response(
                    self,
                ) -> ::std::result::Result<::matrix_api::__private::http::Response<::std::vec::Vec<u8>>, ::matrix_api::IntoHttpError> {
                    let mut __body = ::matrix_api::__private::Body::new();
                    let __parts = ::matrix_api::__try!(__into_http_response(self, &mut __body));
                    ::std::result::Result::Ok(__body.into_response(__parts))
                }
            }

            // The conversion but for the body, written into the buffer the caller hands over.
            // `#[inline]`: compiled in the crate that calls it (see the request's conversions).
            #[inline]
            fn __into_http_response(
                __response: #ident,
                __body: &mut ::matrix_api::__private::Body,
            ) -> ::std::result::Result<::matrix_api::__private::http::response::Parts, ::matrix_api::IntoHttpError> {
                #[allow(unused_mut)]
                let mut __builder = ::matrix_api::__private::ResponseBuilder::new(#status);
                let #ident { #(#all_idents),* } = __response;
                #( ::matrix_api::__try!(__builder.header_value(#header_names, #header_traits::to_header(&#header_idents))); )*
                #finish
            }
        }
    });

    let error = ErrorType {
        given: args.error.as_ref(),
        struct_name: ident,
    };
    let (error, where_clause) = (error.ty(), error.where_clause());
    let client = options.client.then(|| {
        // A raw body is taken over; any other body is only read, so it is borrowed.
        let (pass_body, bytes_param) = if raw.is_some() {
            (
                quote! { ::std::convert::Into::into(__body) },
                quote! { __bytes: ::std::vec::Vec<u8> },
            )
        } else {
            (
                quote! { __body.as_ref() },
                quote! { #[allow(unused_variables)] __bytes: &[u8] },
            )
        };
        let read_body = match (raw, newtype) {
            (Some(raw), _) => {
                let field = &raw.ident;
                quote! { let #field = __bytes; }
            }
            (None, Some(newtype)) => read_whole_body(newtype),
            // A response without body fields ignores whatever body came (`{}` by the spec).
            (None, None) if body.is_empty() => TokenStream::new(),
            (None, None) => {
                read_json_body(&Ident::new("ResponseBody", Span::call_site()), &body)
            }
        };
        quote! {
            impl ::matrix_api::IncomingResponse for #ident #where_clause {
                type EndpointError = #error;

                fn try_from_http_response<
                    T: ::std::convert::AsRef<[u8]> + ::std::convert::Into<::std::vec::Vec<u8>>,
                >(
                    __response: ::matrix_api::__private::http::Response<T>,
                ) -> ::std::result::Result<Self, ::matrix_api::FromHttpResponseError<Self::EndpointError>> {
                    let (__parts, __body) = __response.into_parts();
                    __from_http_response(__parts, #pass_body)
                }
            }

            // Not generic: compiled once per calling crate, whichever body type it uses.
            #[inline]
            fn __from_http_response(
                __parts: ::matrix_api::__private::http::response::Parts,
                #bytes_param,
            ) -> ::std::result::Result<#ident, ::matrix_api::FromHttpResponseError<#error>> #where_clause {
                if __parts.status.as_u16() >= 400 {
                    return ::std::result::Result::Err(::matrix_api::FromHttpResponseError::Server(
                        <#error as ::matrix_api::EndpointError>::from_http_response(
                            ::matrix_api::__private::http::Response::from_parts(__parts, __bytes),
                        ),
                    ));
                }
                #(
                    let #header_idents = ::matrix_api::__try!(::matrix_api::__private::read_header(
                        &__parts.headers, #header_names, #header_traits::from_header,
                    ));
                )*
                #read_body
                ::std::result::Result::Ok(#ident { #(#all_idents),* })
            }
        }
    });

    let describe = options
        .describe
        .then(|| describe::response_impl(ident, &endpoint.fields, &status));
    let endpoint_struct = endpoint_struct(endpoint);
    let header_constants = crate::tokens::header_constants(&endpoint.fields);
    quote! {
        #endpoint_struct
        #header_constants

        // `deprecated`: the conversions read and write a `#[deprecated]` field like any other.
        #[allow(non_local_definitions, deprecated)]
        const _: () = {
            #body_def
            #server
            #client
            #describe
        };
    }
}
