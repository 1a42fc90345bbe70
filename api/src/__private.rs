//! Support for generated code.
