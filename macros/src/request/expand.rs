//! Generates the client and server conversions of a request type.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{quote, quote_spanned};

use crate::api_attr::{ContainerArgs, EndpointStruct, Field, FieldKind};
use crate::codegen::{error_type, header_name, idents, serde_struct, SIDES};

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
    let error = error_type(args.error.as_ref());
    let client = SIDES
        .client
        .then(|| client_impl(ident, &fields, args, &error));
    let server = SIDES
        .server
        .then(|| server_impl(ident, &fields, args, &error));
    quote! {
        #[derive(Clone, Debug)]
        #item

        #[allow(non_local_definitions)]
        const _: () = {
            #checks
            #query_def
            #body_def
            #client
            #server
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

/// Rules that need both this struct and `METADATA`, evaluated by rustc as constants and
/// reported on the user's field.
fn compile_time_checks(endpoint: &EndpointStruct, fields: &Fields) -> TokenStream {
    let path_checks = fields.path.iter().map(|field| {
        let name = field.ident.to_string();
        quote_spanned! {field.kind_span=>
            const _: () = ::matrix_api::__private::assert_path_field(&METADATA.history, #name);
        }
    });
    let names = fields.path.iter().map(|f| f.ident.to_string());
    let ident = endpoint.ident();
    let covered = quote_spanned! {ident.span()=>
        const _: () = ::matrix_api::__private::assert_path_params_covered(
            &METADATA.history, &[#(#names),*]
        );
    };
    let in_body = fields
        .body
        .iter()
        .chain(fields.newtype.iter())
        .chain(fields.raw.iter());
    let body_checks = in_body.map(|field| {
        let name = field.ident.to_string();
        quote_spanned! {field.ident.span()=>
            const _: () = ::matrix_api::__private::assert_no_body_on_get(&METADATA, #name);
        }
    });
    quote! { #(#path_checks)* #covered #(#body_checks)* }
}

fn client_impl(
    ident: &Ident,
    fields: &Fields,
    args: &ContainerArgs,
    error: &TokenStream,
) -> TokenStream {
    let path_args = fields.path.iter().map(|field| {
        let (name, field_ident) = (field.ident.to_string(), &field.ident);
        quote_spanned! {field.ty_span()=> (#name, &self.#field_ident as &dyn ::std::fmt::Display) }
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
        quote! { __builder.query(&RequestQuery { #(#names),* })?; }
    };
    let query_all = fields.query_all.map(|field| {
        let field_ident = &field.ident;
        quote! { __builder.query(&#field_ident)?; }
    });
    let headers = fields.headers.iter().map(|field| {
        let FieldKind::Header(name) = &field.kind else {
            unreachable!()
        };
        let (name, field_ident) = (header_name(name), &field.ident);
        quote! { __builder.header(#name, &#field_ident)?; }
    });
    let finish = if let Some(raw) = fields.raw {
        let field_ident = &raw.ident;
        quote! { __builder.raw_body(&#field_ident) }
    } else if let Some(newtype) = fields.newtype {
        let field_ident = &newtype.ident;
        quote! { __builder.json_body(&#field_ident) }
    } else if args.body_none.is_some() {
        quote! { __builder.no_body() }
    } else if fields.body.is_empty() {
        // Without body fields, `GET`/`HEAD` send nothing and other methods send `{}`.
        quote! {
            if METADATA.method_has_no_body() {
                __builder.no_body()
            } else {
                __builder.json_body(&RequestBody {})
            }
        }
    } else {
        let names = idents(&fields.body);
        quote! { __builder.json_body(&RequestBody { #(#names),* }) }
    };
    quote! {
        impl ::matrix_api::OutgoingRequest for #ident {
            const METADATA: ::matrix_api::Metadata = METADATA;
            type EndpointError = #error;
            type IncomingResponse = Response;

            fn try_into_http_request<T: ::std::default::Default + ::matrix_api::BufMut>(
                self,
                base_url: &str,
                access_token: ::matrix_api::SendAccessToken<'_>,
                versions: &::matrix_api::SupportedVersions,
            ) -> ::std::result::Result<::matrix_api::__private::http::Request<T>, ::matrix_api::IntoHttpError> {
                #[allow(unused_mut)]
                let mut __builder = ::matrix_api::__private::RequestBuilder::new(
                    &METADATA, base_url, access_token, versions, &[#(#path_args),*],
                )?;
                let Self { #(#destructure),* } = self;
                #query
                #query_all
                #(#headers)*
                #finish
            }
        }
    }
}

fn server_impl(
    ident: &Ident,
    fields: &Fields,
    args: &ContainerArgs,
    error: &TokenStream,
) -> TokenStream {
    let path = fields.path.iter().map(|field| {
        let (name, field_ident) = (field.ident.to_string(), &field.ident);
        quote_spanned! {field.ty_span()=> let #field_ident = __parts.path_arg(#name)?; }
    });
    let query = if fields.query.is_empty() {
        TokenStream::new()
    } else {
        let names = idents(&fields.query);
        quote! { let RequestQuery { #(#names),* } = __parts.query()?; }
    };
    let query_all = fields.query_all.map(|field| {
        let field_ident = &field.ident;
        quote! { let #field_ident = __parts.query()?; }
    });
    let headers = fields.headers.iter().map(|field| {
        let FieldKind::Header(name) = &field.kind else {
            unreachable!()
        };
        let (name, field_ident) = (header_name(name), &field.ident);
        quote! { let #field_ident = __parts.header(#name)?; }
    });
    let body = if let Some(raw) = fields.raw {
        let field_ident = &raw.ident;
        quote! { let #field_ident = __request.body().as_ref().to_vec(); }
    } else if let Some(newtype) = fields.newtype {
        let field_ident = &newtype.ident;
        quote! { let #field_ident = ::matrix_api::__private::json_body(__request.body().as_ref())?; }
    } else if args.body_none.is_some() || fields.body.is_empty() {
        TokenStream::new()
    } else {
        let names = idents(&fields.body);
        quote! {
            let RequestBody { #(#names),* } =
                ::matrix_api::__private::json_body(__request.body().as_ref())?;
        }
    };
    let all = idents(&fields.all);
    quote! {
        impl ::matrix_api::IncomingRequest for #ident {
            const METADATA: ::matrix_api::Metadata = METADATA;
            type EndpointError = #error;
            type OutgoingResponse = Response;

            fn try_from_http_request<B: ::std::convert::AsRef<[u8]>, S: ::std::convert::AsRef<str>>(
                __request: ::matrix_api::__private::http::Request<B>,
                __path_args: &[S],
            ) -> ::std::result::Result<Self, ::matrix_api::FromHttpRequestError> {
                #[allow(unused_variables)]
                let __parts = ::matrix_api::__private::incoming_request(&METADATA, &__request, __path_args)?;
                #(#path)*
                #query
                #query_all
                #(#headers)*
                #body
                ::std::result::Result::Ok(Self { #(#all),* })
            }
        }
    }
}
