//! The arguments of `#[request(...)]` / `#[response(...)]`: `error = Type`, `body = none`,
//! `status = NAME`.

use proc_macro2::{Span, TokenStream};
use syn::spanned::Spanned;
use syn::{Ident, Type};

use crate::attr::status::status_name;
use crate::errors::Errors;
use crate::suggest::hint;

/// The arguments of `#[request(...)]` / `#[response(...)]`.
#[derive(Default)]
pub struct ContainerArgs {
    pub error: Option<Type>,
    /// `body = none`, with the span of `body`.
    pub body_none: Option<Span>,
    /// `status = NAME`, with the span of `status`.
    pub status: Option<(Span, Ident)>,
}

/// Parses the arguments; a mistake is reported in `errors`, and the arguments before it are kept.
pub fn parse(args: TokenStream, macro_name: &str, errors: &mut Errors) -> ContainerArgs {
    let mut parsed = ContainerArgs::default();
    let parser = syn::meta::parser(|meta| {
        let key = meta
            .path
            .get_ident()
            .map(Ident::to_string)
            .unwrap_or_default();
        match key.as_str() {
            "error" => parsed.error = Some(meta.value()?.parse()?),
            "body" => {
                let value: Ident = meta.value()?.parse()?;
                if value != "none" {
                    return Err(syn::Error::new_spanned(
                        value,
                        "the only value of `body` is `none`: `body = none` sends no body",
                    ));
                }
                parsed.body_none = Some(meta.path.span());
            }
            "status" => {
                let span = meta.path.span();
                let value = meta.value()?;
                if value.peek(syn::LitInt) {
                    let code: syn::LitInt = value.parse()?;
                    let message = match code.base10_parse().ok().and_then(status_name) {
                        Some(name) => format!("write the status by name: `status = {name}`"),
                        None => format!(
                            "`{code}` is not a status code `http::StatusCode` names; write \
                             `status = NAME` with one of its constants, such as `CREATED`"
                        ),
                    };
                    return Err(syn::Error::new_spanned(code, message));
                }
                parsed.status = Some((span, value.parse()?));
            }
            _ => {
                return Err(meta.error(format!(
                    "unknown argument of #[{macro_name}]; expected `error = Type`{}{}",
                    if macro_name == "request" {
                        ", `body = none`"
                    } else {
                        ", `status = NAME`"
                    },
                    hint(&key, &["error", "body", "status"])
                )))
            }
        }
        Ok(())
    });
    if let Err(err) = syn::parse::Parser::parse2(parser, args) {
        errors.push_error(err);
    }
    parsed
}
