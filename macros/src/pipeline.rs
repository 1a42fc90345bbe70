//! The flow of each macro: parse → check → expand; on mistakes, every error together, with the
//! fallback that keeps code using the declaration from reporting anything more.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use crate::ast::metadata::{Form, RawMetadata};
use crate::ast::{name_and_generics, source, strip_helper_attrs, EndpointStruct};
use crate::attr::container::{self, ContainerArgs};
use crate::errors::Errors;
use crate::expand::{ErrorType, Options};
use crate::{check, expand, fallback};

pub fn metadata(input: TokenStream, form: Form) -> TokenStream {
    let errors = match syn::parse2::<RawMetadata>(input) {
        Ok(raw) => match check::metadata::check(raw, form) {
            Ok(metadata) => return expand::metadata::expand(&metadata, form),
            Err(errors) => errors,
        },
        Err(err) => {
            let mut errors = Errors::default();
            errors.push_error(err);
            errors
        }
    };
    fallback::metadata(&errors, form)
}

/// `#[request]`. `declaration` finds the endpoint's `metadata!` tokens for a request's name,
/// where they can be read (`ast::source`).
pub fn request(
    args: TokenStream,
    item: TokenStream,
    options: Options,
    declaration: &dyn Fn(&Ident) -> Option<TokenStream>,
) -> TokenStream {
    EndpointMacro {
        name: "request",
        check: check::request::check,
        expand: expand::request::expand,
        fallback: fallback::request,
    }
    .run(args, item, options, declaration)
}

pub fn response(args: TokenStream, item: TokenStream, options: Options) -> TokenStream {
    EndpointMacro {
        name: "response",
        check: check::response::check,
        expand: expand::response::expand,
        fallback: fallback::response,
    }
    .run(args, item, options, &|_| None)
}

/// What differs between `#[request]` and `#[response]`.
struct EndpointMacro {
    /// `request` or `response`, as written in messages.
    name: &'static str,
    check: fn(&EndpointStruct, &ContainerArgs, &mut Errors),
    expand: fn(&EndpointStruct, &ContainerArgs, Options) -> TokenStream,
    fallback: fn(&Ident, &syn::Generics, &ErrorType, Options) -> TokenStream,
}

impl EndpointMacro {
    fn run(
        &self,
        args: TokenStream,
        item: TokenStream,
        options: Options,
        declaration: &dyn Fn(&Ident) -> Option<TokenStream>,
    ) -> TokenStream {
        let mut errors = Errors::default();
        let args = container::parse(args, self.name, &mut errors);
        let error_type = |ident| ErrorType {
            given: args.error.as_ref(),
            struct_name: ident,
        };
        let item: syn::Item = match syn::parse2(item) {
            Ok(item) => item,
            Err(err) => return err.to_compile_error(),
        };
        let item = match (check::item::shape(&item, self.name), item) {
            (None, syn::Item::Struct(item)) => item,
            // Emitted as written (minus our helper attributes), with stub trait impls, so that
            // code naming it reports nothing more.
            (problem, mut other) => {
                if let Some(problem) = problem {
                    errors.push_error(problem);
                }
                strip_helper_attrs(&mut other);
                let fallback = name_and_generics(&other).map(|(ident, generics)| {
                    (self.fallback)(ident, generics, &error_type(ident), options)
                });
                let compile_errors = errors.to_compile_errors();
                return quote! { #compile_errors #other #fallback };
            }
        };
        let mut endpoint = EndpointStruct::parse(item, &mut errors);
        endpoint.declaration = declaration(endpoint.ident()).and_then(source::parse_declaration);
        (self.check)(&endpoint, &args, &mut errors);
        if errors.is_empty() {
            return (self.expand)(&endpoint, &args, options);
        }
        let compile_errors = errors.to_compile_errors();
        let item = &endpoint.item;
        let ident = endpoint.ident();
        let fallback = (self.fallback)(ident, &item.generics, &error_type(ident), options);
        quote! {
            #compile_errors
            #[derive(Clone, Debug)]
            #item
            #fallback
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: Options = Options {
        client: true,
        server: true,
        describe: true,
    };

    /// The messages of the `compile_error!`s in an expansion, and the fields of its structs.
    fn errors_and_fields(expansion: TokenStream) -> (Vec<String>, Vec<syn::Field>) {
        let file: syn::File = syn::parse2(expansion).expect("the expansion parses");
        let mut errors = Vec::new();
        let mut fields = Vec::new();
        for item in file.items {
            match item {
                syn::Item::Macro(call) => {
                    let last = call.mac.path.segments.last().unwrap();
                    assert_eq!(last.ident, "compile_error");
                    errors.push(syn::parse2::<syn::LitStr>(call.mac.tokens).unwrap().value());
                }
                syn::Item::Struct(item) => fields.extend(item.fields),
                _ => {}
            }
        }
        (errors, fields)
    }

    fn serde_attrs(field: &syn::Field) -> Vec<String> {
        field
            .attrs
            .iter()
            .filter(|a| a.path().is_ident("serde"))
            .map(|a| quote!(#a).to_string())
            .collect()
    }

    #[test]
    fn a_faulty_serde_attribute_is_one_error_and_leaves_no_serde_attribute() {
        let expansion = request(
            TokenStream::new(),
            quote! {
                pub struct Request {
                    #[serde(rename = 1)]
                    pub name: String,
                    #[serde(default)]
                    pub limit: u32,
                }
            },
            ALL,
            &|_| None,
        );
        let (errors, fields) = errors_and_fields(expansion);
        assert_eq!(errors, ["`rename` takes a string: `rename = \"...\"`"]);
        assert!(fields.iter().all(|f| serde_attrs(f).is_empty()));
    }

    #[test]
    fn a_struct_deriving_serde_keeps_only_its_valid_serde_attributes() {
        let expansion = response(
            TokenStream::new(),
            quote! {
                #[derive(Serialize, Deserialize)]
                pub struct Response {
                    #[serde(default, skip_serialising_if = "Option::is_none")]
                    pub next: Option<String>,
                    #[serde(rename = "m.count")]
                    pub count: u32,
                }
            },
            ALL,
        );
        let (errors, fields) = errors_and_fields(expansion);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with("unknown serde field attribute `skip_serialising_if`")
                && errors[0].ends_with("; did you mean `skip_serializing_if`?"),
            "{}",
            errors[0]
        );
        let kept: Vec<Vec<String>> = fields.iter().map(serde_attrs).collect();
        assert_eq!(
            kept,
            [
                vec![],
                vec![quote!(#[serde(rename = "m.count")]).to_string()]
            ]
        );
    }
}
