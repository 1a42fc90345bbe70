//! `matrix-login`: log a second device in to Matrix with a login token, on `matrix-api`'s
//! shared endpoint types. The binary's commands are thin wrappers over this library, which the
//! integration tests drive against the reference server.

pub mod demo;
pub mod flow;
pub mod output;
pub mod qr;
