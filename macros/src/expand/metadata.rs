//! Turns a checked declaration into a `matrix_api::Metadata` constant expression.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::LitStr;

use crate::ast::metadata::{Form, History, Metadata};
use crate::check::const_checks::spanning_rule;

pub fn expand(metadata: &Metadata, form: Form) -> TokenStream {
    let Metadata {
        method,
        rate_limited,
        authentication,
        history,
        capability,
        optional_last_segment,
        legacy,
    } = metadata;
    let capability = option(capability.as_ref());
    let legacy_checks = legacy
        .as_ref()
        .map(|legacy| legacy_checks(legacy, method, metadata.history.params()));
    let legacy = option(legacy.as_ref().map(|legacy| quote! { &#legacy }));
    let history = expand_history(history);
    // In the item form the scheme is a type the module imports: named in an item of its own,
    // so that the import is used and a missing one is reported on the name, and nothing else.
    let (authentication, scheme_used) = match form {
        Form::Expression => (authentication.clone(), TokenStream::new()),
        Form::Item => {
            let variant = match authentication.to_string().as_str() {
                "NoAuthentication" | "NoAccessToken" => Ident::new("None", authentication.span()),
                _ => authentication.clone(),
            };
            let used = quote_spanned! {authentication.span()=>
                const _: ::matrix_api::AuthScheme =
                    <#authentication as ::matrix_api::api::auth_scheme::Scheme>::SCHEME;
            };
            (variant, used)
        }
    };
    let metadata = quote! {
        ::matrix_api::Metadata {
            method: ::matrix_api::__private::http::Method::#method,
            rate_limited: #rate_limited,
            authentication: ::matrix_api::AuthScheme::#authentication,
            history: #history,
            capability: #capability,
            optional_last_segment: #optional_last_segment,
            legacy: #legacy,
        }
    };
    // The checks that need the replaced endpoint's constant, which only rustc sees, stand in a
    // block with the expression; without `legacy` the expression stays as it was.
    let metadata = match legacy_checks {
        Some(checks) => quote! { { #checks #metadata } },
        None => metadata,
    };
    let metadata = in_form(metadata, form);
    quote! { #metadata #scheme_used }
}

/// The rules a `legacy` endpoint must meet, on its path: this method, these `{param}`s.
fn legacy_checks(legacy: &syn::ExprPath, method: &Ident, params: Vec<String>) -> TokenStream {
    let span = syn::spanned::Spanned::span(legacy);
    let end = legacy
        .path
        .segments
        .last()
        .map_or(span, |segment| segment.ident.span());
    let method = method.to_string();
    let same_method = spanning_rule(
        span,
        end,
        "LegacySameMethod",
        quote_spanned! {span=> ::matrix_api::__private::legacy_same_method(&#legacy, #method) },
    );
    let same_params = spanning_rule(
        span,
        end,
        "LegacySameParams",
        quote_spanned! {span=>
            ::matrix_api::__private::legacy_same_params(&#legacy, &[#(#params),*])
        },
    );
    quote! { #same_method #same_params }
}

/// The `Metadata` expression as the form needs it: itself, or the `METADATA` constant.
pub fn in_form(metadata: TokenStream, form: Form) -> TokenStream {
    match form {
        Form::Expression => metadata,
        Form::Item => quote! { const METADATA: ::matrix_api::Metadata = #metadata; },
    }
}

fn version(minor: u8) -> TokenStream {
    let variant = Ident::new(&format!("V1_{minor}"), Span::call_site());
    quote! { ::matrix_api::MatrixVersion::#variant }
}

fn option<T: quote::ToTokens>(value: Option<T>) -> TokenStream {
    match value {
        Some(value) => quote! { ::std::option::Option::Some(#value) },
        None => quote! { ::std::option::Option::None },
    }
}

fn expand_history(history: &History) -> TokenStream {
    match history {
        History::Single(path) => quote! { ::matrix_api::VersionHistory::unversioned(#path) },
        History::Versioned {
            unstable,
            stable,
            deprecated,
            removed,
        } => {
            let unstable = unstable.iter().map(|(feature, path)| {
                let feature = option(feature.as_ref());
                quote! { ::matrix_api::UnstablePath { feature: #feature, path: #path } }
            });
            let stable = stable.iter().map(|(minor, feature, path)| {
                let selector = selector(*minor, feature.as_ref());
                quote! { ::matrix_api::StablePath { selector: #selector, path: #path } }
            });
            let deprecated = option(deprecated.map(version));
            let removed = option(removed.map(version));
            quote! {
                ::matrix_api::VersionHistory::new(
                    &[#(#unstable),*],
                    &[#(#stable),*],
                    #deprecated,
                    #removed,
                )
            }
        }
    }
}

fn selector(minor: Option<u8>, feature: Option<&LitStr>) -> TokenStream {
    match (minor.map(version), feature) {
        (Some(version), None) => quote! { ::matrix_api::StablePathSelector::Version(#version) },
        (None, Some(feature)) => quote! { ::matrix_api::StablePathSelector::Feature(#feature) },
        (Some(version), Some(feature)) => quote! {
            ::matrix_api::StablePathSelector::FeatureOrVersion {
                feature: #feature,
                version: #version,
            }
        },
        (None, None) => unreachable!("the parser requires a version or a feature"),
    }
}
