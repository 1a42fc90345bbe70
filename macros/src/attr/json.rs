//! The JSON type spec of `#[api(json = TYPE)]`: `string`, `integer`, `number`, `boolean`,
//! `array(TYPE)`, `object` or `any`.

use proc_macro2::Ident;
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream};

use crate::suggest::hint;

/// A JSON type, as `#[api(json = ...)]` writes it or as read from a Rust type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonSpec {
    String,
    Integer,
    Number,
    Boolean,
    Array(Box<JsonSpec>),
    Object,
    Any,
}

impl JsonSpec {
    const NAMES: &'static [&'static str] = &[
        "string", "integer", "number", "boolean", "array", "object", "any",
    ];
    pub const NAMES_TEXT: &'static str =
        "`string`, `integer`, `number`, `boolean`, `array(TYPE)`, `object` or `any`";
}

impl Parse for JsonSpec {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let name = Ident::parse_any(input)?;
        let spec = match name.to_string().as_str() {
            "string" => JsonSpec::String,
            "integer" => JsonSpec::Integer,
            "number" => JsonSpec::Number,
            "boolean" => JsonSpec::Boolean,
            "object" => JsonSpec::Object,
            "any" => JsonSpec::Any,
            "array" => {
                if !input.peek(syn::token::Paren) {
                    return Err(syn::Error::new_spanned(
                        name,
                        "`array` takes the type of its items: `array(string)`",
                    ));
                }
                let inner;
                syn::parenthesized!(inner in input);
                JsonSpec::Array(Box::new(inner.parse()?))
            }
            other => {
                return Err(syn::Error::new_spanned(
                    &name,
                    format!(
                        "unknown JSON type `{other}`; expected {}{}",
                        JsonSpec::NAMES_TEXT,
                        hint(other, JsonSpec::NAMES)
                    ),
                ))
            }
        };
        Ok(spec)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_spec_parses_nested_arrays() {
        let spec: JsonSpec = syn::parse_str("array(array(string))").unwrap();
        assert_eq!(
            spec,
            JsonSpec::Array(Box::new(JsonSpec::Array(Box::new(JsonSpec::String))))
        );
        let err = syn::parse_str::<JsonSpec>("strng").unwrap_err();
        assert!(err.to_string().contains("did you mean `string`?"), "{err}");
    }
}
