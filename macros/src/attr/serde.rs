//! `#[serde(...)]` on a field of a request or response. Every field attribute serde knows is
//! accepted, and what the macros read from it (the wire name, `flatten`, `default`, `with`,
//! `skip`) is kept; an unknown key, or a value serde would refuse, is one error on that token.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Attribute, Expr, Lit, LitStr, Token};

use crate::suggest::hint;

/// What a field's `#[serde(...)]` attributes say about its place on the wire.
#[derive(Clone, Default)]
pub struct SerdeField {
    /// `rename = "x"`, or the `serialize` name of `rename(serialize = "x", ...)`.
    pub rename: Option<String>,
    /// `flatten`, with its span.
    pub flatten: Option<Span>,
    /// `default` or `default = "path"`: a missing field is not an error.
    pub default: bool,
    /// `with = "path"` or `deserialize_with = "path"`: the path, as written.
    pub with: Option<String>,
    /// `with = "module"` alone: the module, which describes a flattened field's fields.
    pub with_module: Option<String>,
    /// `skip` or `skip_deserializing`: the field is never read from the wire.
    pub skip: bool,
    /// `with`, `serialize_with`, `deserialize_with` or any `skip`: serde does not need the
    /// field's type to implement its traits, so neither do the macros.
    pub own_functions: bool,
    /// `deserialize_with = "path"`: the path, as written (the one attribute a whole-body field
    /// takes, to check what is read).
    pub deserialize_with: Option<String>,
    /// Every key given, in order, for the rules of fields that take only some.
    pub keys: Vec<String>,
}

/// serde's field attributes, all of them.
const KEYS: &[&str] = &[
    "rename",
    "alias",
    "default",
    "flatten",
    "skip",
    "skip_serializing",
    "skip_deserializing",
    "skip_serializing_if",
    "serialize_with",
    "deserialize_with",
    "with",
    "borrow",
    "bound",
    "getter",
];

impl SerdeField {
    /// Adds what one `#[serde(...)]` says. An attribute with a mistake adds nothing: the caller
    /// reports the error and leaves the attribute out of the code it emits, so that serde_derive
    /// does not report it a second time.
    pub fn read(&mut self, attr: &Attribute) -> syn::Result<()> {
        let mut read = self.clone();
        attr.parse_nested_meta(|meta| read.key(&meta))?;
        *self = read;
        Ok(())
    }

    fn key(&mut self, meta: &ParseNestedMeta) -> syn::Result<()> {
        let key = key_name(&meta.path);
        self.keys.push(key.clone());
        match key.as_str() {
            "rename" => {
                if let Some(name) = string_or_pair(meta, &key, string)? {
                    self.rename = Some(name.value());
                }
            }
            "alias" => {
                string(meta, &key)?;
            }
            "default" => {
                if meta.input.peek(Token![=]) {
                    path(meta, &key)?;
                }
                self.default = true;
            }
            "flatten" => {
                flag(meta, &key)?;
                self.flatten = self.flatten.or(Some(meta.path.span()));
            }
            "skip" | "skip_deserializing" => {
                flag(meta, &key)?;
                self.skip = true;
                self.own_functions = true;
            }
            "skip_serializing" => {
                flag(meta, &key)?;
                self.own_functions = true;
            }
            "skip_serializing_if" | "getter" => {
                path(meta, &key)?;
            }
            "serialize_with" => {
                path(meta, &key)?;
                self.own_functions = true;
            }
            "with" | "deserialize_with" => {
                let path = path(meta, &key)?.value();
                if key == "with" {
                    self.with_module = Some(path.clone());
                } else {
                    self.deserialize_with = Some(path.clone());
                }
                self.with = Some(path);
                self.own_functions = true;
            }
            "borrow" => {
                if meta.input.peek(Token![=]) {
                    lifetimes(meta, &key)?;
                }
            }
            "bound" => {
                string_or_pair(meta, &key, predicates)?;
            }
            _ => {
                let keys: Vec<String> = KEYS.iter().map(|k| format!("`{k}`")).collect();
                return Err(meta.error(format!(
                    "unknown serde field attribute `{key}`; serde's field attributes are {}{}",
                    keys.join(", "),
                    hint(&key, KEYS)
                )));
            }
        }
        Ok(())
    }
}

fn key_name(path: &syn::Path) -> String {
    let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    segments.join("::")
}

/// `key` alone, as serde's flags are written.
fn flag(meta: &ParseNestedMeta, key: &str) -> syn::Result<()> {
    if meta.input.is_empty() || meta.input.peek(Token![,]) {
        return Ok(());
    }
    Err(meta.error(format!("`{key}` takes no value: write `#[serde({key})]`")))
}

/// The string of `key = "..."`.
fn string(meta: &ParseNestedMeta, key: &str) -> syn::Result<LitStr> {
    let usage = format!("`{key}` takes a string: `{key} = \"...\"`");
    if !meta.input.peek(Token![=]) {
        return Err(meta.error(usage));
    }
    let expr: Expr = meta.value()?.parse()?;
    let mut value = &expr;
    // A value passed through a `macro_rules!` fragment arrives in an invisible group.
    while let Expr::Group(group) = value {
        value = &group.expr;
    }
    match value {
        Expr::Lit(syn::ExprLit {
            lit: Lit::Str(lit), ..
        }) if lit.suffix().is_empty() => Ok(lit.clone()),
        _ => Err(syn::Error::new_spanned(expr, usage)),
    }
}

/// The string of `key = "path"`, which serde reads as a path (of a function, or for `with` of a
/// module).
fn path(meta: &ParseNestedMeta, key: &str) -> syn::Result<LitStr> {
    let lit = string(meta, key)?;
    let example = match key {
        "skip_serializing_if" => "Option::is_none",
        "with" => "ruma_common::serde::duration::ms",
        _ => "path::to::function",
    };
    match lit.parse::<syn::ExprPath>() {
        Ok(_) => Ok(lit),
        Err(_) => Err(syn::Error::new_spanned(
            &lit,
            format!(
                "`{key}` takes a path in a string, such as `{key} = \"{example}\"`; `{}` is not \
                 a path",
                lit.value()
            ),
        )),
    }
}

/// The string of `borrow = "'a + 'b"`.
fn lifetimes(meta: &ParseNestedMeta, key: &str) -> syn::Result<LitStr> {
    let lit = string(meta, key)?;
    match lit.parse_with(Punctuated::<syn::Lifetime, Token![+]>::parse_separated_nonempty) {
        Ok(_) => Ok(lit),
        Err(_) => Err(syn::Error::new_spanned(
            &lit,
            "`borrow` takes the lifetimes to borrow in a string, such as `borrow = \"'a + 'b\"`",
        )),
    }
}

/// The string of `bound = "T: Trait"` (or of a side of `bound(...)`).
fn predicates(meta: &ParseNestedMeta, key: &str) -> syn::Result<LitStr> {
    let lit = string(meta, key)?;
    match lit.parse_with(Punctuated::<syn::WherePredicate, Token![,]>::parse_terminated) {
        Ok(_) => Ok(lit),
        Err(_) => Err(syn::Error::new_spanned(
            &lit,
            format!(
                "`bound` takes `where` predicates in a string, such as `bound = \"T: MyTrait\"`; \
                 `{}` is not one",
                lit.value()
            ),
        )),
    }
}

/// `key = "..."` or `key(serialize = "...", deserialize = "...")`, each string read by `value`;
/// the string serialisation uses, if given.
fn string_or_pair(
    meta: &ParseNestedMeta,
    key: &str,
    value: fn(&ParseNestedMeta, &str) -> syn::Result<LitStr>,
) -> syn::Result<Option<LitStr>> {
    if meta.input.peek(Token![=]) {
        return value(meta, key).map(Some);
    }
    if !meta.input.peek(syn::token::Paren) {
        return Err(meta.error(format!(
            "`{key}` takes a string, `{key} = \"...\"`, or one per direction, \
             `{key}(serialize = \"...\", deserialize = \"...\")`"
        )));
    }
    let mut serialize = None;
    meta.parse_nested_meta(|side| {
        if side.path.is_ident("serialize") {
            serialize = Some(value(&side, "serialize")?);
        } else if side.path.is_ident("deserialize") {
            value(&side, "deserialize")?;
        } else {
            return Err(side.error(format!(
                "`{key}(...)` takes `serialize = \"...\"` and `deserialize = \"...\"`"
            )));
        }
        Ok(())
    })?;
    Ok(serialize)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(attrs: &[Attribute]) -> (SerdeField, Vec<String>) {
        let mut field = SerdeField::default();
        let mut errors = Vec::new();
        for attr in attrs {
            if let Err(err) = field.read(attr) {
                errors.extend(err.into_iter().map(|e| e.to_string()));
            }
        }
        (field, errors)
    }

    #[test]
    fn accepts_every_serde_field_attribute() {
        let attrs: Vec<Attribute> = vec![
            syn::parse_quote!(#[serde(rename = "a", alias = "b", alias = "c")]),
            syn::parse_quote!(#[serde(rename(serialize = "s", deserialize = "d"))]),
            syn::parse_quote!(#[serde(default, default = "Self::limit")]),
            syn::parse_quote!(#[serde(flatten)]),
            syn::parse_quote!(#[serde(skip_serializing, skip_deserializing)]),
            syn::parse_quote!(#[serde(skip_serializing_if = "Option::is_none")]),
            syn::parse_quote!(#[serde(serialize_with = "ser", deserialize_with = "de::f")]),
            syn::parse_quote!(#[serde(with = "ruma_common::serde::duration::ms")]),
            syn::parse_quote!(#[serde(borrow, borrow = "'a + 'b")]),
            syn::parse_quote!(#[serde(bound = "T: Clone, U: Default")]),
            syn::parse_quote!(#[serde(bound(serialize = "T: Serialize", deserialize = ""))]),
            syn::parse_quote!(#[serde(getter = "Self::get")]),
            syn::parse_quote!(#[serde(skip)]),
            syn::parse_quote!(#[serde()]),
        ];
        let (field, errors) = read(&attrs);
        assert_eq!(errors, Vec::<String>::new());
        assert_eq!(field.rename.as_deref(), Some("s"));
        assert!(field.flatten.is_some() && field.default && field.skip);
        assert_eq!(
            field.with.as_deref(),
            Some("ruma_common::serde::duration::ms")
        );
    }

    #[test]
    fn a_mistake_is_one_error_and_its_attribute_adds_nothing() {
        let cases: Vec<(Attribute, &str)> = vec![
            (
                syn::parse_quote!(#[serde(rename = "x", flaten)]),
                "unknown serde field attribute `flaten`; serde's field attributes are `rename`, \
                 `alias`, `default`, `flatten`, `skip`, `skip_serializing`, \
                 `skip_deserializing`, `skip_serializing_if`, `serialize_with`, \
                 `deserialize_with`, `with`, `borrow`, `bound`, `getter`; did you mean \
                 `flatten`?",
            ),
            (
                syn::parse_quote!(#[serde(rename = 7)]),
                "`rename` takes a string: `rename = \"...\"`",
            ),
            (
                syn::parse_quote!(#[serde(rename)]),
                "`rename` takes a string, `rename = \"...\"`, or one per direction, \
                 `rename(serialize = \"...\", deserialize = \"...\")`",
            ),
            (
                syn::parse_quote!(#[serde(rename(serialise = "x"))]),
                "`rename(...)` takes `serialize = \"...\"` and `deserialize = \"...\"`",
            ),
            (
                syn::parse_quote!(#[serde(flatten = true)]),
                "`flatten` takes no value: write `#[serde(flatten)]`",
            ),
            (
                syn::parse_quote!(#[serde(skip_serializing_if = "is none")]),
                "`skip_serializing_if` takes a path in a string, such as \
                 `skip_serializing_if = \"Option::is_none\"`; `is none` is not a path",
            ),
            (
                syn::parse_quote!(#[serde(borrow = "a")]),
                "`borrow` takes the lifetimes to borrow in a string, such as \
                 `borrow = \"'a + 'b\"`",
            ),
            (
                syn::parse_quote!(#[serde(bound = "T +")]),
                "`bound` takes `where` predicates in a string, such as \
                 `bound = \"T: MyTrait\"`; `T +` is not one",
            ),
            (
                syn::parse_quote!(#[serde = "x"]),
                "expected parentheses: #[serde(...)]",
            ),
        ];
        for (attr, expected) in cases {
            let (field, errors) = read(&[attr]);
            assert_eq!(errors, [expected]);
            assert_eq!(field.rename, None);
        }
    }
}
