//! Attribute parsing: `#[api(...)]` and `#[serde(...)]` on fields, the arguments of
//! `#[request(...)]` / `#[response(...)]`, the JSON types of `json = TYPE` and the status names of
//! `status = NAME`. Each parser reports a mistake as a `syn::Error` on the token that is wrong.

pub mod api;
pub mod container;
pub mod json;
pub mod serde;
pub mod status;
