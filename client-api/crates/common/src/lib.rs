//! Part of [matrix-client-api](https://docs.rs/matrix-client-api), which re-exports what it
//! holds: the types and helpers its endpoint groups share. User-Interactive Authentication
//! ([`uiaa`]) and the [`Direction`] of paginated lists are public there; the rest is for the
//! crates of the groups.

#![warn(missing_docs)]

mod direction;
#[doc(hidden)]
pub mod raw_object;
#[doc(hidden)]
pub mod string_enum;
pub mod uiaa;

pub use direction::Direction;
