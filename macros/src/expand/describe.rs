//! The endpoint description (cargo feature `describe`): each field's wire name, location, JSON
//! type and whether it is required, read from the same parse as the conversions, and emitted as
//! constant data of `matrix_api::describe`.
//!
//! The JSON type comes from the Rust type's tokens (the macro cannot see type definitions):
//! well-known names map to their JSON type, and anything else is an `object` unless the field
//! says otherwise with `#[api(json = TYPE)]`. A `#[serde(flatten)]` field's type lists its own
//! fields through the runtime trait `DescribeFields`.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{quote, quote_spanned, ToTokens};
use syn::ext::IdentExt;
use syn::{GenericArgument, PathArguments, Type};

use crate::ast::Field;
use crate::attr::api::FieldKind;
use crate::attr::json::JsonSpec;
use crate::tokens::{first_and_last_span, header_name, response_type};

/// A JSON type as `matrix_api::describe::JsonType`.
impl ToTokens for JsonSpec {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        let variant = match self {
            JsonSpec::Array(items) => {
                tokens.extend(quote! { __describe::JsonType::Array(&#items) });
                return;
            }
            JsonSpec::String => "String",
            JsonSpec::Integer => "Integer",
            JsonSpec::Number => "Number",
            JsonSpec::Boolean => "Boolean",
            JsonSpec::Object => "Object",
            JsonSpec::Any => "Any",
        };
        let variant = Ident::new(variant, Span::call_site());
        tokens.extend(quote! { __describe::JsonType::#variant });
    }
}

/// The last segment of a type path with its generic type arguments, through references.
fn last_segment(ty: &Type) -> Option<(String, Vec<&Type>)> {
    match ty {
        Type::Path(path) if path.qself.is_none() => {
            let last = path.path.segments.last()?;
            let args = match &last.arguments {
                PathArguments::AngleBracketed(args) => args
                    .args
                    .iter()
                    .filter_map(|arg| match arg {
                        GenericArgument::Type(ty) => Some(ty),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            Some((last.ident.to_string(), args))
        }
        Type::Reference(reference) => last_segment(&reference.elem),
        Type::Paren(paren) => last_segment(&paren.elem),
        Type::Group(group) => last_segment(&group.elem),
        _ => None,
    }
}

/// `T` of `Option<T>`.
pub fn option_inner(ty: &Type) -> Option<&Type> {
    match last_segment(ty) {
        Some((name, args)) if name == "Option" && args.len() == 1 => Some(args[0]),
        _ => None,
    }
}

const STRINGS: &[&str] = &[
    "String",
    "str",
    "char",
    "Url",
    "Base64",
    "UserId",
    "DeviceId",
    "RoomId",
    "EventId",
    "ServerName",
    "MxcUri",
    "RoomAliasId",
    "RoomOrAliasId",
    "TransactionId",
    "ClientSecret",
    "SessionId",
    "RoomVersionId",
    "KeyName",
    "DeviceKeyId",
    "ServerSigningKeyId",
    "SigningKeyId",
    "OneTimeKeyId",
    "VoipId",
    "MatrixUri",
    "MatrixToUri",
];
const INTEGERS: &[&str] = &[
    "u8",
    "u16",
    "u32",
    "u64",
    "u128",
    "usize",
    "i8",
    "i16",
    "i32",
    "i64",
    "i128",
    "isize",
    "UInt",
    "Int",
    "MilliSecondsSinceUnixEpoch",
    "SecondsSinceUnixEpoch",
    "NonZeroU8",
    "NonZeroU16",
    "NonZeroU32",
    "NonZeroU64",
    "NonZeroUsize",
];
const ARRAYS: &[&str] = &[
    "Vec",
    "VecDeque",
    "BTreeSet",
    "HashSet",
    "IndexSet",
    "LinkedList",
    "BinaryHeap",
];
const WRAPPERS: &[&str] = &["Box", "Arc", "Rc", "Cow"];
const ANY: &[&str] = &[
    "Value",
    "RawValue",
    "Raw",
    "RawJsonValue",
    "CanonicalJsonValue",
];

/// The JSON type of a value of this Rust type, read from its name; `with` is the field's
/// `#[serde(with / deserialize_with)]` path, which turns a `Duration` into a number.
pub fn json_type(ty: &Type, with: Option<&str>) -> JsonSpec {
    if let Type::Array(array) = ty {
        return JsonSpec::Array(Box::new(json_type(&array.elem, None)));
    }
    if let Type::Slice(slice) = ty {
        return JsonSpec::Array(Box::new(json_type(&slice.elem, None)));
    }
    if let Type::Reference(reference) = ty {
        if let Type::Slice(slice) = &*reference.elem {
            return JsonSpec::Array(Box::new(json_type(&slice.elem, None)));
        }
    }
    let Some((name, args)) = last_segment(ty) else {
        return JsonSpec::Any;
    };
    let name = name.as_str();
    match name {
        "Option" if args.len() == 1 => json_type(args[0], with),
        "Duration" => match with {
            // serde's own form of a `Duration` is `{secs, nanos}`; the helpers Matrix uses
            // (`ruma_common::serde::duration::ms`, `opt_ms`, `secs`, …) write a number.
            Some(with)
                if with.contains("duration") || with.ends_with("ms") || with.ends_with("secs") =>
            {
                JsonSpec::Integer
            }
            _ => JsonSpec::Object,
        },
        "bool" => JsonSpec::Boolean,
        "f32" | "f64" => JsonSpec::Number,
        _ if WRAPPERS.contains(&name) => match args.last() {
            Some(inner) => json_type(inner, with),
            // `Cow<'_, str>` has its type after a lifetime; `Box<str>` is covered above.
            None => JsonSpec::Object,
        },
        _ if ARRAYS.contains(&name) => match args.first() {
            Some(item) => JsonSpec::Array(Box::new(json_type(item, None))),
            None => JsonSpec::Array(Box::new(JsonSpec::Any)),
        },
        _ if STRINGS.contains(&name) || name.starts_with("Owned") => JsonSpec::String,
        _ if INTEGERS.contains(&name) => JsonSpec::Integer,
        _ if ANY.contains(&name) => JsonSpec::Any,
        _ => JsonSpec::Object,
    }
}

/// Whether a message without this field is refused: serde's rule for body and query fields
/// (a missing `Option` is `None`, unless it has its own deserializer), the header's for
/// headers, always for path parameters.
fn required(field: &Field, default: bool, with: bool) -> bool {
    let optional = option_inner(&field.ty).is_some();
    match field.kind {
        FieldKind::Path | FieldKind::RawBody => true,
        // serde reads a missing `Option` as `None`, unless a `deserialize_with` takes over.
        FieldKind::Body | FieldKind::Query => !default && (!optional || with),
        FieldKind::Header(_)
        | FieldKind::QueryAll
        | FieldKind::NewtypeBody
        | FieldKind::Invalid => !optional,
    }
}

/// A header's wire name: read at run time from the `HeaderName` the field's constant holds
/// (through a `static`, as no `const` can call `HeaderName::as_str`), so that it is the name
/// the conversions use, whichever constant names it.
fn header_wire_name(path: &syn::Path) -> TokenStream {
    let header = header_name(path);
    quote! {
        __describe::WireName::header({
            fn header_name() -> &'static str {
                static NAME: ::matrix_api::__private::http::HeaderName = #header;
                NAME.as_str()
            }
            header_name
        })
    }
}

/// One run of fields: the struct's own, or a flattened field.
enum Group {
    Own(Vec<TokenStream>),
    Flattened {
        field: String,
        ty: Box<Type>,
        required: bool,
        /// `with = "module"`: the module writes the fields, and lists them in its `FIELDS`.
        with: Option<syn::Path>,
    },
}

/// The field descriptions of a struct: items to emit first (for flattened fields), and an
/// expression of type `&'static [FieldDescription]`. Emitted inside a block that has
/// `use ::matrix_api::describe as __describe;`.
pub fn fields(fields: &[Field]) -> (TokenStream, TokenStream) {
    let mut groups: Vec<Group> = Vec::new();
    for field in fields {
        let serde = &field.serde;
        if serde.skip {
            continue;
        }
        let rust_name = field.ident.unraw().to_string();
        if serde.flatten.is_some() && matches!(field.kind, FieldKind::Body) {
            let (ty, required) = match option_inner(&field.ty) {
                Some(inner) => (Box::new(inner.clone()), false),
                None => (Box::new(field.ty.clone()), true),
            };
            let with = serde
                .with_module
                .as_deref()
                .and_then(|with| syn::parse_str(with).ok());
            groups.push(Group::Flattened {
                field: rust_name,
                ty,
                required,
                with,
            });
            continue;
        }
        let (location, name) = match &field.kind {
            FieldKind::Body => ("Body", serde.rename.clone().unwrap_or(rust_name.clone())),
            FieldKind::Query => ("Query", serde.rename.clone().unwrap_or(rust_name.clone())),
            // As the conversions name it (a raw identifier cannot name a `{param}`).
            FieldKind::Path => ("Path", field.ident.to_string()),
            FieldKind::QueryAll => ("QueryString", rust_name.clone()),
            FieldKind::Header(_) => ("Header", String::new()),
            FieldKind::NewtypeBody => ("WholeBody", rust_name.clone()),
            FieldKind::RawBody => ("RawBody", rust_name.clone()),
            FieldKind::Invalid => continue,
        };
        let name = match &field.kind {
            FieldKind::Header(path) => header_wire_name(path),
            _ => quote! { __describe::WireName::new(#name) },
        };
        let json = match (&field.json, &field.kind) {
            (Some(spec), _) => spec.clone(),
            (None, FieldKind::RawBody) => JsonSpec::String,
            (None, _) => json_type(&field.ty, serde.with.as_deref()),
        };
        let required = required(field, serde.default, serde.with.is_some());
        let location = Ident::new(location, Span::call_site());
        let deprecated = field.deprecated;
        let tokens = quote! {
            __describe::FieldDescription {
                field: #rust_name,
                name: #name,
                location: __describe::Location::#location,
                json_type: #json,
                required: #required,
                deprecated: #deprecated,
            }
        };
        match groups.last_mut() {
            Some(Group::Own(own)) => own.push(tokens),
            _ => groups.push(Group::Own(vec![tokens])),
        }
    }
    if !groups.iter().any(|g| matches!(g, Group::Flattened { .. })) {
        let own = groups.into_iter().flat_map(|g| match g {
            Group::Own(own) => own,
            Group::Flattened { .. } => unreachable!(),
        });
        return (TokenStream::new(), quote! { &[#(#own),*] });
    }
    // The length of the joined array, counted at compile time: the struct's own fields plus
    // each flattened type's.
    let mut own_count = 0usize;
    let mut lengths = Vec::new();
    let mut group_tokens = Vec::new();
    for group in &groups {
        match group {
            Group::Own(own) => {
                own_count += own.len();
                group_tokens.push(quote! { __describe::FieldGroup::Own(&[#(#own),*]) });
            }
            Group::Flattened {
                field,
                ty,
                required,
                with,
            } => {
                let fields = match with {
                    Some(with) => quote! { #with::FIELDS },
                    None => quote_spanned! {ty_span(ty)=>
                        <#ty as __describe::DescribeFields>::FIELDS
                    },
                };
                lengths.push(quote! { #fields.len() });
                group_tokens.push(quote! {
                    __describe::FieldGroup::Flattened {
                        field: #field,
                        required: #required,
                        fields: #fields,
                    }
                });
            }
        }
    }
    let items = quote! {
        const __DESCRIBED_LEN: usize = #own_count #(+ #lengths)*;
        const __DESCRIBED: [__describe::FieldDescription; __DESCRIBED_LEN] =
            __describe::join_fields(&[#(#group_tokens),*]);
    };
    (items, quote! { &__DESCRIBED })
}

fn ty_span(ty: &Type) -> Span {
    first_and_last_span(ty).0
}

/// `impl Describe for Request`: the request's fields beside the endpoint's `METADATA` and the
/// response's own description.
pub fn request_impl(ident: &Ident, all: &[Field], has_body: TokenStream) -> TokenStream {
    let (items, fields) = fields(all);
    let response = response_type(ident);
    quote! {
        use ::matrix_api::describe as __describe;
        #items
        impl __describe::Describe for #ident {
            const DESCRIPTION: __describe::EndpointDescription = __describe::EndpointDescription {
                module: ::std::module_path!(),
                metadata: METADATA,
                request: __describe::RequestDescription { fields: #fields, has_body: #has_body },
                response: <#response as __describe::DescribeResponse>::RESPONSE,
            };
        }
    }
}

/// `impl DescribeResponse for Response`.
pub fn response_impl(ident: &Ident, all: &[Field], status: &TokenStream) -> TokenStream {
    let (items, fields) = fields(all);
    quote! {
        use ::matrix_api::describe as __describe;
        #items
        impl __describe::DescribeResponse for #ident {
            const RESPONSE: __describe::ResponseDescription = __describe::ResponseDescription {
                status: #status,
                fields: #fields,
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(ty: &str, with: Option<&str>) -> JsonSpec {
        json_type(&syn::parse_str(ty).unwrap(), with)
    }

    #[test]
    fn json_types_from_rust_types() {
        use JsonSpec::*;
        let array = |item| Array(Box::new(item));
        let cases = [
            ("String", None, String),
            ("Option<ruma_common::OwnedUserId>", None, String),
            ("OwnedMxcUri", None, String),
            ("&'static str", None, String),
            ("u64", None, Integer),
            ("js_int::UInt", None, Integer),
            ("f64", None, Number),
            ("bool", None, Boolean),
            ("Vec<String>", None, array(String)),
            ("Vec<LoginType>", None, array(Object)),
            ("[u8; 4]", None, array(Integer)),
            ("BTreeMap<String, bool>", None, Object),
            ("JsonObject", None, Object),
            ("serde_json::Value", None, Any),
            ("Box<RawValue>", None, Any),
            (
                "Duration",
                Some("ruma_common::serde::duration::ms"),
                Integer,
            ),
            (
                "Option<Duration>",
                Some("ruma_common::serde::duration::opt_ms"),
                Integer,
            ),
            ("Duration", None, Object),
            ("AuthData", None, Object),
        ];
        for (ty, with, expected) in cases {
            assert_eq!(json(ty, with), expected, "{ty}");
        }
    }
}
