//! Integration tests of matrix-api live in `tests/`.
