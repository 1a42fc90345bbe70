//! What a declaration with mistakes expands to, beside its errors: stubs that keep every promise
//! the declaration made (a `Metadata` value, the trait impls of a request or response, their
//! descriptions), so that code using it reports nothing more than the real mistakes. Never run:
//! the build fails.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use crate::ast::metadata::Form;
use crate::errors::Errors;
use crate::expand::{ErrorType, Options};
use crate::tokens::response_type;

/// The expansion of a declaration with errors: the errors, and a valid `Metadata` that the
/// `const` being initialised accepts and the checks of `#[request]` skip, so that each mistake
/// is reported once and nothing follows from it. The errors sit in an item of their own: an
/// error inside the constant's own expression would leave rustc unsure whether the constant
/// has a destructor, and every use of it would report that.
pub fn metadata(errors: &Errors, form: Form) -> TokenStream {
    let compile_errors = errors.to_compile_errors();
    let metadata = quote! {
        {
            const _: () = { #compile_errors };
            ::matrix_api::__private::INVALID_METADATA
        }
    };
    crate::expand::metadata::in_form(metadata, form)
}

/// Stub impls of the traits `#[request]` implements, for a declaration with errors: the type
/// still implements what the declaration promised, so code using it reports nothing more than
/// the real mistakes. Never run: the build fails.
pub fn request(
    ident: &Ident,
    generics: &syn::Generics,
    error: &ErrorType,
    options: Options,
) -> TokenStream {
    let (impl_generics, ty_generics, _) = generics.split_for_impl();
    let response = response_type(ident);
    let error_ty = error.ty();
    let where_clause = error.where_clause();
    let client = options.client.then(|| {
        quote! {
            impl #impl_generics ::matrix_api::OutgoingRequest for #ident #ty_generics #where_clause {
                const METADATA: ::matrix_api::Metadata = ::matrix_api::__private::INVALID_METADATA;
                type EndpointError = #error_ty;
                type IncomingResponse = #response;

                fn try_into_http_request_with_path(
                    self,
                    _: &str,
                    _: &str,
                    _: ::matrix_api::SendAccessToken<'_>,
                ) -> ::std::result::Result<::matrix_api::__private::http::Request<::std::vec::Vec<u8>>, ::matrix_api::IntoHttpError> {
                    ::matrix_api::__private::declaration_has_errors()
                }
            }
        }
    });
    let server = options.server.then(|| {
        quote! {
            impl #impl_generics ::matrix_api::IncomingRequest for #ident #ty_generics #where_clause {
                const METADATA: ::matrix_api::Metadata = ::matrix_api::__private::INVALID_METADATA;
                type EndpointError = #error_ty;
                type OutgoingResponse = #response;

                fn try_from_http_request<
                    __B: ::std::convert::AsRef<[u8]> + ::std::convert::Into<::std::vec::Vec<u8>>,
                    __S: ::std::convert::AsRef<str>,
                >(
                    _: ::matrix_api::__private::http::Request<__B>,
                    _: &[__S],
                ) -> ::std::result::Result<Self, ::matrix_api::FromHttpRequestError> {
                    ::matrix_api::__private::declaration_has_errors()
                }
            }
        }
    });
    let describe = options.describe.then(|| describe_request(ident, generics));
    in_const([client, server, describe])
}

/// Stub impls of the traits `#[response]` implements, for a declaration with errors; see
/// [`request`].
pub fn response(
    ident: &Ident,
    generics: &syn::Generics,
    error: &ErrorType,
    options: Options,
) -> TokenStream {
    let (impl_generics, ty_generics, _) = generics.split_for_impl();
    let error_ty = error.ty();
    let where_clause = error.where_clause();
    let server = options.server.then(|| {
        quote! {
            impl #impl_generics ::matrix_api::OutgoingResponse for #ident #ty_generics {
                fn try_into_http_response(
                    self,
                ) -> ::std::result::Result<::matrix_api::__private::http::Response<::std::vec::Vec<u8>>, ::matrix_api::IntoHttpError> {
                    ::matrix_api::__private::declaration_has_errors()
                }
            }
        }
    });
    let client = options.client.then(|| {
        quote! {
            impl #impl_generics ::matrix_api::IncomingResponse for #ident #ty_generics #where_clause {
                type EndpointError = #error_ty;

                fn try_from_http_response<
                    __T: ::std::convert::AsRef<[u8]> + ::std::convert::Into<::std::vec::Vec<u8>>,
                >(
                    _: ::matrix_api::__private::http::Response<__T>,
                ) -> ::std::result::Result<Self, ::matrix_api::FromHttpResponseError<Self::EndpointError>> {
                    ::matrix_api::__private::declaration_has_errors()
                }
            }
        }
    });
    let describe = options.describe.then(|| describe_response(ident, generics));
    in_const([server, client, describe])
}

/// The stubs inside a `const _`, as the real impls are.
fn in_const(stubs: [Option<TokenStream>; 3]) -> TokenStream {
    quote! {
        #[allow(non_local_definitions)]
        const _: () = {
            #(#stubs)*
        };
    }
}

/// Stub descriptions beside a declaration with errors, so that code naming them reports
/// nothing more; never read, as the build fails.
fn describe_request(ident: &Ident, generics: &syn::Generics) -> TokenStream {
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    quote! {
        impl #impl_generics ::matrix_api::describe::Describe for #ident #ty_generics #where_clause {
            const DESCRIPTION: ::matrix_api::describe::EndpointDescription =
                ::matrix_api::describe::EndpointDescription {
                    module: ::std::module_path!(),
                    metadata: ::matrix_api::__private::INVALID_METADATA,
                    request: ::matrix_api::describe::RequestDescription { fields: &[], has_body: false },
                    response: ::matrix_api::describe::INVALID_RESPONSE,
                };
        }
    }
}

/// See [`describe_request`].
fn describe_response(ident: &Ident, generics: &syn::Generics) -> TokenStream {
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    quote! {
        impl #impl_generics ::matrix_api::describe::DescribeResponse for #ident #ty_generics #where_clause {
            const RESPONSE: ::matrix_api::describe::ResponseDescription =
                ::matrix_api::describe::INVALID_RESPONSE;
        }
    }
}
