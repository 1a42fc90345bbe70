//! Every rule of `#[request]`, `#[response]` and `metadata!`, each a few lines whose error message
//! says the rule, reported on the token that breaks it. The rules that need a request and its
//! `METADATA` together are emitted for rustc to decide (`const_checks`).

pub mod const_checks;
mod fields;
pub mod history;
pub mod item;
pub mod metadata;
pub mod request;
pub mod response;
