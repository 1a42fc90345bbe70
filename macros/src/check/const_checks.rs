//! The rules of `#[request]` that need both the struct and the endpoint's `METADATA`, which only
//! rustc sees together: each is emitted as a `const` item that a `const fn` of the runtime
//! decides, and a broken rule is a trait-bound error spanned on the user's token, worded by the
//! rule's trait (`matrix_api::declaration`).

use proc_macro2::{Ident, Span, TokenStream};
use quote::{quote, quote_spanned};

use crate::ast::EndpointStruct;

/// `METADATA` is declared in the request's module; every `#[api(path)]` field names a `{param}`
/// of its paths; every `{param}` has its field; a body field's method has a body.
pub fn request(endpoint: &EndpointStruct) -> TokenStream {
    let places = endpoint.places();
    let ident = endpoint.ident();
    let declared = rule(
        ident.span(),
        "MetadataDeclared",
        quote_spanned! {ident.span()=> ::matrix_api::__private::metadata_declared(&METADATA) },
    );
    let path_fields = places.path.iter().map(|field| {
        let (span, name) = (field.ident.span(), field.ident.to_string());
        rule(
            span,
            "PathFieldNamed",
            quote_spanned! {span=> ::matrix_api::__private::path_field_named(&METADATA.history, #name) },
        )
    });
    let names = places.path.iter().map(|f| f.ident.to_string());
    let covered = rule(
        ident.span(),
        "PathParamsCovered",
        quote_spanned! {ident.span()=>
            ::matrix_api::__private::path_params_covered(&METADATA.history, &[#(#names),*])
        },
    );
    let in_body = places
        .body
        .iter()
        .chain(places.newtype.iter())
        .chain(places.raw.iter());
    let body_fields = in_body.map(|field| {
        let span = field.ident.span();
        rule(
            span,
            "BodyAllowed",
            quote_spanned! {span=> ::matrix_api::__private::body_allowed(&METADATA) },
        )
    });
    quote! { #declared #(#path_fields)* #covered #(#body_fields)* }
}

/// `const _: () = <Check<{ passed }> as Rule>::OK;`, which compiles only if `passed` is true.
fn rule(span: Span, rule: &str, passed: TokenStream) -> TokenStream {
    spanning_rule(span, span, rule, passed)
}

/// [`rule`] whose error underlines the tokens from `start` to `end`, such as a whole path:
/// rustc reports it on the constant's expression, whose first and last tokens carry them.
pub fn spanning_rule(start: Span, end: Span, rule: &str, passed: TokenStream) -> TokenStream {
    let rule = Ident::new(rule, end);
    let head = quote_spanned! {start=> <::matrix_api::declaration::Check<{ #passed } };
    let tail = quote_spanned! {end=> > as ::matrix_api::declaration::#rule>::OK };
    quote_spanned! {start=> const _: () = #head #tail; }
}
