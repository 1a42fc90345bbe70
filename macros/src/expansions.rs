//! Expansion snapshots: the pretty-printed output of a few representative endpoints, checked in
//! under `macros/tests/expansions/`, so that a reviewer sees what a change does to every user's
//! build. `UPDATE_EXPANSIONS=1 cargo test -p matrix-api-macros expansions` rewrites them.

use std::path::PathBuf;

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};

use crate::ast::metadata::Form;
use crate::expand::Options;
use crate::pipeline;

/// One endpoint module as a user writes it: `metadata!` in a `const`, and the structs under
/// `#[request]` / `#[response]`.
struct Case {
    name: &'static str,
    /// What the case shows, written at the top of its snapshot.
    shows: &'static str,
    /// Expanded with the `describe` feature alone instead of `client` and `server`, so that the
    /// snapshot shows the description without repeating the conversions.
    only_describe: bool,
    module: TokenStream,
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "login_get_token",
            shows: "login/get_token v1: POST, a UIA error type, `skip_serializing_if` on an \
                    `Option` body field; a response with `with` + `rename` and a secret",
            only_describe: false,
            module: quote! {
                const METADATA: Metadata = metadata! {
                    method: POST,
                    rate_limited: true,
                    authentication: AccessToken,
                    history: {
                        unstable => "/_matrix/client/unstable/org.matrix.msc3882/login/get_token",
                        1.7 => "/_matrix/client/v1/login/get_token",
                    }
                };

                #[request(error = UiaaResponse)]
                #[derive(PartialEq, Eq, Default)]
                pub struct Request {
                    #[serde(skip_serializing_if = "Option::is_none")]
                    pub auth: Option<AuthData>,
                }

                #[response(error = UiaaResponse)]
                #[derive(PartialEq, Eq)]
                pub struct Response {
                    #[serde(with = "ruma_common::serde::duration::ms", rename = "expires_in_ms")]
                    pub expires_in: Duration,
                    #[api(secret)]
                    pub login_token: String,
                }
            },
        },
        Case {
            name: "login",
            shows: "login v3: a `#[serde(flatten)]` body field beside defaulted ones; a \
                    response with two secrets",
            only_describe: false,
            module: login(),
        },
        Case {
            name: "login_described",
            shows: "the description of `login.rs`: a flattened field, `with` and `default`",
            only_describe: true,
            module: login(),
        },
        Case {
            name: "send_message",
            shows: "PUT with path, query and body fields, and a deprecated version",
            only_describe: false,
            module: send_message(),
        },
        Case {
            name: "send_message_described",
            shows: "the description of `send_message.rs`: path, query and body fields, a \
                    rename, a deprecated field and a `json` override",
            only_describe: true,
            module: send_message(),
        },
        Case {
            name: "upload_raw_body",
            shows: "one unversioned `path`, a raw body and headers; a response with \
                    `status = CREATED` and a header",
            only_describe: false,
            module: quote! {
                const METADATA: Metadata = metadata! {
                    method: POST,
                    rate_limited: true,
                    authentication: AccessToken,
                    path: "/_matrix/media/v3/upload",
                };

                #[request]
                pub struct Request {
                    #[api(header = CONTENT_TYPE)]
                    pub content_type: Option<String>,
                    #[api(query)]
                    #[serde(skip_serializing_if = "Option::is_none")]
                    pub filename: Option<String>,
                    #[api(raw_body)]
                    pub file: Vec<u8>,
                }

                #[response(status = CREATED)]
                pub struct Response {
                    #[api(header = LOCATION)]
                    pub location: Option<String>,
                    pub content_uri: OwnedMxcUri,
                }
            },
        },
        Case {
            name: "media_download_legacy",
            shows: "`legacy`: the endpoint this one replaced, and the two checks rustc makes \
                    of it (method, path parameters) in a block with the `Metadata` expression",
            only_describe: false,
            module: quote! {
                const METADATA: Metadata = metadata! {
                    method: GET,
                    rate_limited: true,
                    authentication: AccessToken,
                    history: {
                        1.11 => "/_matrix/client/v1/media/download/{server_name}/{media_id}",
                    },
                    legacy: crate::media::get_content::v3::METADATA,
                };

                #[request]
                pub struct Request {
                    #[api(path)]
                    pub server_name: OwnedServerName,
                    #[api(path)]
                    pub media_id: String,
                }

                #[response]
                pub struct Response {
                    #[api(raw_body)]
                    pub file: Vec<u8>,
                }
            },
        },
        Case {
            name: "ruma_style_metadata",
            shows: "`matrix_api::api::metadata!` as an item, as Ruma writes it, with the \
                    authentication scheme named by a type the module imports",
            only_describe: false,
            module: quote! {
                metadata! {
                    method: GET,
                    rate_limited: false,
                    authentication: AccessTokenOptional,
                    history: {
                        unstable("org.example.msc0001") => "/_matrix/client/unstable/org.example.msc0001/things",
                        1.4 => "/_matrix/client/v3/things",
                    }
                }

                #[request]
                pub struct Request {}

                #[response]
                pub struct Response {}
            },
        },
        Case {
            name: "declaration_with_mistakes",
            shows: "what a declaration with mistakes expands to: the errors, the structs \
                    without our attributes, and stub impls",
            only_describe: false,
            module: quote! {
                const METADATA: Metadata = metadata! {
                    method: GET,
                    rate_limited: false,
                    authentication: None,
                    history: {
                        1.99 => "/_matrix/client/v3/rooms/{room_id}/state",
                    }
                };

                #[request]
                pub struct Request {
                    #[api(querry)]
                    pub limit: u32,
                    #[serde(rename = "f")]
                    pub filter: String,
                }

                #[response(error = UiaaResponse, status = CRATED)]
                pub struct Response {
                    pub events: Vec<String>,
                }
            },
        },
    ]
}

fn login() -> TokenStream {
    quote! {
        const METADATA: Metadata = metadata! {
            method: POST,
            rate_limited: true,
            authentication: AppserviceTokenOptional,
            history: {
                1.0 => "/_matrix/client/r0/login",
                1.1 => "/_matrix/client/v3/login",
            }
        };

        #[request]
        #[derive(PartialEq)]
        pub struct Request {
            #[serde(flatten)]
            pub login_info: LoginInfo,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub device_id: Option<OwnedDeviceId>,
            #[serde(default, skip_serializing_if = "std::ops::Not::not")]
            pub refresh_token: bool,
        }

        #[response]
        #[derive(PartialEq, Eq)]
        pub struct Response {
            pub user_id: OwnedUserId,
            #[api(secret)]
            pub access_token: String,
            pub device_id: OwnedDeviceId,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            #[api(secret)]
            pub refresh_token: Option<String>,
            #[serde(
                with = "ruma_common::serde::duration::opt_ms",
                default,
                skip_serializing_if = "Option::is_none",
                rename = "expires_in_ms"
            )]
            pub expires_in: Option<Duration>,
        }
    }
}

fn send_message() -> TokenStream {
    quote! {
        const METADATA: Metadata = metadata! {
            method: PUT,
            rate_limited: false,
            authentication: AccessToken,
            history: {
                1.0 => "/_matrix/client/r0/rooms/{room_id}/send/{event_type}/{txn_id}",
                1.1 => "/_matrix/client/v3/rooms/{room_id}/send/{event_type}/{txn_id}",
                1.12 => deprecated,
            }
        };

        #[request]
        pub struct Request {
            #[api(path)]
            pub room_id: OwnedRoomId,
            #[api(path)]
            pub event_type: String,
            #[api(path)]
            pub txn_id: OwnedTransactionId,
            #[api(query)]
            #[serde(rename = "ts", skip_serializing_if = "Option::is_none")]
            pub timestamp: Option<MilliSecondsSinceUnixEpoch>,
            pub msgtype: String,
            #[serde(default)]
            pub body: String,
            #[deprecated]
            #[api(json = any)]
            pub format: Option<Box<RawValue>>,
        }

        #[response]
        pub struct Response {
            pub event_id: OwnedEventId,
        }
    }
}

/// Expands every `metadata!`, `#[request]` and `#[response]` of a module, as rustc would.
fn expand_module(module: TokenStream, options: Options) -> syn::File {
    let file: syn::File = syn::parse2(module).expect("a case is a valid module");
    let mut items = Vec::new();
    // The module's declaration, as `#[request]` reads it from the source file.
    let mut declaration: Option<TokenStream> = None;
    for mut item in file.items {
        match &mut item {
            syn::Item::Const(constant) => {
                if let syn::Expr::Macro(call) = &*constant.expr {
                    assert!(call.mac.path.is_ident("metadata"));
                    declaration = Some(call.mac.tokens.clone());
                    let expansion = pipeline::metadata(call.mac.tokens.clone(), Form::Expression);
                    *constant.expr = syn::parse2(expansion).expect("metadata! gives an expression");
                }
                items.push(item);
            }
            // Ruma's form: `metadata! { … }` as an item.
            syn::Item::Macro(call) if call.mac.path.is_ident("metadata") => {
                declaration = Some(call.mac.tokens.clone());
                let expansion = pipeline::metadata(call.mac.tokens.clone(), Form::Item);
                let expanded: syn::File = syn::parse2(expansion).expect("metadata! gives an item");
                items.extend(expanded.items);
            }
            syn::Item::Struct(strukt) => {
                let position = strukt
                    .attrs
                    .iter()
                    .position(|a| a.path().is_ident("request") || a.path().is_ident("response"))
                    .expect("a case's structs are requests or responses");
                let attr = strukt.attrs.remove(position);
                let args = match &attr.meta {
                    syn::Meta::List(list) => list.tokens.clone(),
                    _ => TokenStream::new(),
                };
                let input = strukt.to_token_stream();
                let expansion = if attr.path().is_ident("request") {
                    pipeline::request(args, input, options, &|_| declaration.clone())
                } else {
                    pipeline::response(args, input, options)
                };
                let expanded: syn::File =
                    syn::parse2(expansion).expect("#[request]/#[response] give items");
                items.extend(expanded.items);
            }
            _ => items.push(item),
        }
    }
    syn::File {
        shebang: None,
        attrs: Vec::new(),
        items,
    }
}

fn snapshot_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/expansions")
}

fn render(case: &Case) -> String {
    let sides = if case.only_describe {
        "only describe"
    } else {
        "client and server"
    };
    let options = Options {
        client: !case.only_describe,
        server: !case.only_describe,
        describe: case.only_describe,
    };
    let body = prettyplease::unparse(&expand_module(case.module.clone(), options));
    format!(
        "// `{}`: {}.\n// Expanded with {sides} on. Regenerate with `UPDATE_EXPANSIONS=1 cargo test \
         -p matrix-api-macros expansions`.\n\n{body}",
        case.name, case.shows,
    )
}

/// The lines where `expected` and `actual` differ, with two lines of context.
fn diff(expected: &str, actual: &str) -> String {
    let old: Vec<&str> = expected.lines().collect();
    let new: Vec<&str> = actual.lines().collect();
    let prefix = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let start = prefix.saturating_sub(2);
    let mut out = format!("@@ line {} @@\n", start + 1);
    for line in &old[start..prefix] {
        out += &format!(" {line}\n");
    }
    for line in &old[prefix..old.len() - suffix] {
        out += &format!("-{line}\n");
    }
    for line in &new[prefix..new.len() - suffix] {
        out += &format!("+{line}\n");
    }
    for line in new[new.len() - suffix..].iter().take(2) {
        out += &format!(" {line}\n");
    }
    out
}

#[test]
fn expansions_match_snapshots() {
    let update = std::env::var_os("UPDATE_EXPANSIONS").is_some();
    let mut failures = Vec::new();
    for case in cases() {
        let path = snapshot_dir().join(format!("{}.rs", case.name));
        let actual = render(&case);
        if update {
            std::fs::create_dir_all(snapshot_dir()).unwrap();
            std::fs::write(&path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        if expected != actual {
            failures.push(format!("{}:\n{}", path.display(), diff(&expected, &actual)));
        }
    }
    assert!(
        failures.is_empty(),
        "the expansions changed; if that is intended, run `UPDATE_EXPANSIONS=1 cargo test -p \
         matrix-api-macros expansions` and review the diff of macros/tests/expansions/\n\n{}",
        failures.join("\n")
    );
}
