//! Compile-time diagnostics of matrix-api, checked in `tests/`.
