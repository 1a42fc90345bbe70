//! JSON helpers for endpoint types that hand-write their serde impls: lossless values, objects
//! with typed keys plus the rest, objects tagged by `type`, credentials that are never echoed.
//!
//! `serde_json::Value` and maps keep the last of a key given twice, silently: a login body with
//! two `password`s, or an unknown type's field given twice, would read as one of them. Every
//! reader here refuses such an object instead, as serde's derived readers already do for the
//! fields they know (`duplicate field`).

mod error;
mod exact;
pub(crate) mod flat;
mod object;

pub use error::error_in_field;
pub(crate) use error::{describe_json_error, field_named_in};
pub use exact::{duplicate_key, unique_keys, unique_keys_exact, ExactObject, ExactValue, Key};
pub use flat::{read_split, ReadFlattened};
pub use object::{read_object, read_tagged, string_tag, Kept, Secret, Slot, Tagged, TaggedFields};
