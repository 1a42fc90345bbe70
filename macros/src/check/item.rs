//! The rules of the item under `#[request]` / `#[response]`: a struct with named fields, without
//! generics.

use syn::spanned::Spanned;

/// Why the item cannot be an endpoint type, if it cannot, on the token that makes it so.
pub fn shape(item: &syn::Item, macro_name: &str) -> Option<syn::Error> {
    match item {
        syn::Item::Struct(item) => no_generics(item, macro_name)
            .or_else(|| no_where_clause(item, macro_name))
            .or_else(|| named_fields(item, macro_name)),
        syn::Item::Enum(item) => Some(syn::Error::new(
            item.enum_token.span,
            format!(
                "#[{macro_name}] goes on a struct with named fields, not on an enum: write \
                 `pub struct {} {{ ... }}`; a field can hold the enum",
                item.ident
            ),
        )),
        syn::Item::Union(item) => Some(syn::Error::new(
            item.union_token.span,
            format!(
                "#[{macro_name}] goes on a struct with named fields, not on a union: write \
                 `pub struct {} {{ ... }}`",
                item.ident
            ),
        )),
        other => Some(syn::Error::new(
            other.span(),
            format!("#[{macro_name}] goes on a struct with named fields"),
        )),
    }
}

fn no_generics(item: &syn::ItemStruct, macro_name: &str) -> Option<syn::Error> {
    let param = item.generics.params.first()?;
    let what = match param {
        syn::GenericParam::Lifetime(_) => {
            "lifetime parameters; use owned types (`String`, not `&'a str`)"
        }
        syn::GenericParam::Type(_) => {
            "type parameters; give each field a concrete type (an enum or \
             `serde_json::Value` where the shape varies)"
        }
        syn::GenericParam::Const(_) => "const parameters; use a concrete type",
    };
    Some(syn::Error::new_spanned(
        param,
        format!("#[{macro_name}] does not support {what}"),
    ))
}

fn no_where_clause(item: &syn::ItemStruct, macro_name: &str) -> Option<syn::Error> {
    let clause = item.generics.where_clause.as_ref()?;
    Some(syn::Error::new_spanned(
        clause,
        format!("#[{macro_name}] does not support `where` clauses"),
    ))
}

fn named_fields(item: &syn::ItemStruct, macro_name: &str) -> Option<syn::Error> {
    match &item.fields {
        syn::Fields::Named(_) => None,
        syn::Fields::Unnamed(fields) => Some(syn::Error::new_spanned(
            fields,
            format!(
                "#[{macro_name}] needs named fields, each the name of a JSON field, query \
                 parameter or header: write `pub struct {} {{ pub name: Type }}`",
                item.ident
            ),
        )),
        syn::Fields::Unit => Some(syn::Error::new_spanned(
            &item.ident,
            format!(
                "#[{macro_name}] needs a struct with braces: write `pub struct {} {{}}` for \
                 one without fields",
                item.ident
            ),
        )),
    }
}
