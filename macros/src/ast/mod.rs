//! The parse phase's intermediate forms: the struct under `#[request]` / `#[response]` with its
//! fields' attributes read once, and the syntax tree of `metadata!`.

mod endpoint;
pub mod metadata;
pub mod source;

pub use endpoint::{name_and_generics, strip_helper_attrs, EndpointStruct, Field, Places};
