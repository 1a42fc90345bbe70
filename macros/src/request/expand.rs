//! Generates the client and server conversions of a request type.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{quote, quote_spanned};

use crate::api_attr::{ContainerArgs, EndpointStruct, Field, FieldKind};
use crate::codegen::{header_name, idents, serde_struct, ErrorType, SIDES};

pub fn expand(endpoint: &EndpointStruct, args: &ContainerArgs) -> TokenStream {
    let item = &endpoint.item;
    let ident = endpoint.ident();
    let fields = Fields::of(endpoint);
    let checks = compile_time_checks(endpoint, &fields);
    let query_struct = Ident::new("RequestQuery", Span::call_site());
    let body_struct = Ident::new("RequestBody", Span::call_site());
    let query_def = if fields.query.is_empty() {
        TokenStream::new()
    } else {
        serde_struct(&query_struct, &fields.query, SIDES.client, SIDES.server)
    };
    let body_def = if fields.newtype.is_some() || fields.raw.is_some() || args.body_none.is_some() {
        TokenStream::new()
    } else {
        serde_struct(&body_struct, &fields.body, SIDES.client, SIDES.server)
    };
    let error = ErrorType {
        given: args.error.as_ref(),
        struct_name: ident,
    };
    let client = SIDES
        .client
        .then(|| client_impl(ident, &fields, args, &error));
    let server = SIDES
        .server
        .then(|| server_impl(ident, &fields, args, &error));
    let has_body = if args.body_none.is_some() {
        quote! { false }
    } else if fields.newtype.is_some() || fields.raw.is_some() || !fields.body.is_empty() {
        quote! { true }
    } else {
        quote! { !METADATA.method_has_no_body() }
    };
    let describe = crate::describe::request_impl(ident, &endpoint.fields, has_body);
    let derives = crate::codegen::added_derives(endpoint);
    let debug = crate::codegen::redacting_debug(endpoint);
    quote! {
        #derives
        #item
        #debug

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

/// The fields of the struct, grouped by where they go.
struct Fields<'a> {
    all: Vec<&'a Field>,
    path: Vec<&'a Field>,
    query: Vec<&'a Field>,
    query_all: Option<&'a Field>,
    headers: Vec<&'a Field>,
    body: Vec<&'a Field>,
    newtype: Option<&'a Field>,
    raw: Option<&'a Field>,
}

impl<'a> Fields<'a> {
    fn of(endpoint: &'a EndpointStruct) -> Self {
        let all: Vec<&Field> = endpoint.fields.iter().collect();
        let pick = |wanted: fn(&FieldKind) -> bool| -> Vec<&'a Field> {
            endpoint.fields.iter().filter(|f| wanted(&f.kind)).collect()
        };
        Fields {
            path: pick(|k| matches!(k, FieldKind::Path)),
            query: pick(|k| matches!(k, FieldKind::Query)),
            query_all: pick(|k| matches!(k, FieldKind::QueryAll)).first().copied(),
            headers: pick(|k| matches!(k, FieldKind::Header(_))),
            body: pick(|k| matches!(k, FieldKind::Body)),
            newtype: pick(|k| matches!(k, FieldKind::NewtypeBody))
                .first()
                .copied(),
            raw: pick(|k| matches!(k, FieldKind::RawBody)).first().copied(),
            all,
        }
    }
}

/// Rules that need both this struct and `METADATA`, decided by rustc: each `const fn` of the
/// runtime decides a rule, and a broken rule is a trait-bound error spanned on the user's token,
/// worded by the rule's trait (`matrix_api::declaration`).
fn compile_time_checks(endpoint: &EndpointStruct, fields: &Fields) -> TokenStream {
    let check = |span: Span, rule: &str, passed: TokenStream| {
        let rule = Ident::new(rule, span);
        quote_spanned! {span=>
            const _: () = <::matrix_api::declaration::Check<{ #passed }>
                as ::matrix_api::declaration::#rule>::OK;
        }
    };
    let ident = endpoint.ident();
    let declared = check(
        ident.span(),
        "MetadataDeclared",
        quote_spanned! {ident.span()=> ::matrix_api::__private::metadata_declared(&METADATA) },
    );
    let path_fields = fields.path.iter().map(|field| {
        let (span, name) = (field.ident.span(), field.ident.to_string());
        check(
            span,
            "PathFieldNamed",
            quote_spanned! {span=> ::matrix_api::__private::path_field_named(&METADATA.history, #name) },
        )
    });
    let names = fields.path.iter().map(|f| f.ident.to_string());
    let covered = check(
        ident.span(),
        "PathParamsCovered",
        quote_spanned! {ident.span()=>
            ::matrix_api::__private::path_params_covered(&METADATA.history, &[#(#names),*])
        },
    );
    let in_body = fields
        .body
        .iter()
        .chain(fields.newtype.iter())
        .chain(fields.raw.iter());
    let body_fields = in_body.map(|field| {
        let span = field.ident.span();
        check(
            span,
            "BodyAllowed",
            quote_spanned! {span=> ::matrix_api::__private::body_allowed(&METADATA) },
        )
    });
    quote! { #declared #(#path_fields)* #covered #(#body_fields)* }
}

fn client_impl(
    ident: &Ident,
    fields: &Fields,
    args: &ContainerArgs,
    error: &ErrorType,
) -> TokenStream {
    let (error, where_clause) = (error.ty(), error.where_clause());
    // The response type, named on the struct's name so that a missing one is reported there.
    let response = quote_spanned! {ident.span()=> Response };
    let path_args = fields.path.iter().map(|field| {
        let (name, field_ident) = (field.ident.to_string(), &field.ident);
        quote_spanned! {field.ident.span()=> (#name, &__request.#field_ident as &dyn ::std::fmt::Display) }
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
        quote! { ::matrix_api::__try!(__builder.query(&#field_ident)); }
    });
    let headers = fields.headers.iter().map(|field| {
        let FieldKind::Header(name) = &field.kind else {
            unreachable!()
        };
        let (name, field_ident) = (header_name(name), &field.ident);
        quote! { ::matrix_api::__try!(__builder.header(#name, &#field_ident)); }
    });
    let finish = if let Some(raw) = fields.raw {
        let field_ident = &raw.ident;
        quote! { __builder.raw_body(#field_ident, __body) }
    } else if let Some(newtype) = fields.newtype {
        let field_ident = &newtype.ident;
        quote! { __builder.json_body(&#field_ident, __body) }
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

            fn try_into_http_request<T: ::std::default::Default + ::matrix_api::BufMut>(
                self,
                base_url: &str,
                access_token: ::matrix_api::SendAccessToken<'_>,
                versions: &::matrix_api::SupportedVersions,
            ) -> ::std::result::Result<::matrix_api::__private::http::Request<T>, ::matrix_api::IntoHttpError> {
                let mut __body = ::matrix_api::__private::Body::take();
                let __parts = ::matrix_api::__try!(__into_http_request(self, base_url, access_token, versions, &mut __body));
                ::std::result::Result::Ok(__body.into_request(__parts))
            }
        }

        // Not generic: compiled once, here, whichever body type callers ask for.
        fn __into_http_request(
            __request: #ident,
            base_url: &str,
            access_token: ::matrix_api::SendAccessToken<'_>,
            versions: &::matrix_api::SupportedVersions,
            __body: &mut ::matrix_api::__private::Body,
        ) -> ::std::result::Result<::matrix_api::__private::http::request::Parts, ::matrix_api::IntoHttpError> {
            #[allow(unused_mut)]
            let mut __builder = ::matrix_api::__try!(::matrix_api::__private::RequestBuilder::new(
                &METADATA, base_url, access_token, versions, &[#(#path_args),*],
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
    fields: &Fields,
    args: &ContainerArgs,
    error: &ErrorType,
) -> TokenStream {
    let (error, where_clause) = (error.ty(), error.where_clause());
    // The response type, named on the struct's name so that a missing one is reported there.
    let response = quote_spanned! {ident.span()=> Response };
    let path = fields.path.iter().map(|field| {
        let (name, field_ident) = (field.ident.to_string(), &field.ident);
        let ty = &field.ty;
        // `FromStr` named here, on the field, so a type without it is reported there and not
        // from inside the runtime.
        quote_spanned! {field.ident.span()=>
            let #field_ident: #ty = ::matrix_api::__try!(__parts.path_arg(#name, ::std::str::FromStr::from_str));
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
        quote! { let #field_ident = ::matrix_api::__try!(__parts.query()); }
    });
    let headers = fields.headers.iter().map(|field| {
        let FieldKind::Header(name) = &field.kind else {
            unreachable!()
        };
        let (name, field_ident) = (header_name(name), &field.ident);
        quote! { let #field_ident = ::matrix_api::__try!(__parts.header(#name)); }
    });
    let body = if let Some(raw) = fields.raw {
        let field_ident = &raw.ident;
        quote! { let #field_ident = __bytes.to_vec(); }
    } else if let Some(newtype) = fields.newtype {
        let field_ident = &newtype.ident;
        quote! { let #field_ident = ::matrix_api::__try!(::matrix_api::__private::json_body(__bytes)); }
    } else if args.body_none.is_some() || fields.body.is_empty() {
        TokenStream::new()
    } else {
        let names = idents(&fields.body);
        quote! {
            let RequestBody { #(#names),* } = ::matrix_api::__try!(::matrix_api::__private::json_body(__bytes));
        }
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
    quote! {
        impl ::matrix_api::IncomingRequest for #ident #where_clause {
            const METADATA: ::matrix_api::Metadata = METADATA;
            type EndpointError = #error;
            type OutgoingResponse = #response;

            fn try_from_http_request<B: ::std::convert::AsRef<[u8]>, S: ::std::convert::AsRef<str>>(
                __request: ::matrix_api::__private::http::Request<B>,
                __path_args: &[S],
            ) -> ::std::result::Result<Self, ::matrix_api::FromHttpRequestError> {
                __from_http_request(
                    ::matrix_api::__private::RequestHead::of(&__request),
                    __request.body().as_ref(),
                    &__path_args,
                )
            }
        }

        // Not generic: compiled once, here, whichever body and argument types callers use.
        fn __from_http_request(
            __request: ::matrix_api::__private::RequestHead<'_>,
            #[allow(unused_variables)]
            __bytes: &[u8],
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
