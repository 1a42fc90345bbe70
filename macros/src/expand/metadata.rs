//! Turns a checked declaration into a `matrix_api::Metadata` constant expression.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;
use syn::LitStr;

use crate::ast::metadata::{History, Metadata};

pub fn expand(metadata: &Metadata) -> TokenStream {
    let Metadata {
        method,
        rate_limited,
        authentication,
        history,
    } = metadata;
    let history = expand_history(history);
    quote! {
        ::matrix_api::Metadata {
            method: ::matrix_api::__private::http::Method::#method,
            rate_limited: #rate_limited,
            authentication: ::matrix_api::AuthScheme::#authentication,
            history: #history,
        }
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
