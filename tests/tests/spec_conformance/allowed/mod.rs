//! Every deliberate difference between a declaration and the specification, with its reason,
//! one file per group of endpoints so that each group's list sits beside the others.

use crate::checker::Rule;

mod account;
mod admin;
mod device;
mod directory;
mod media_download;
mod membership;
mod rooms;
mod session;
mod sync;

/// A difference between a declaration and the specification that we keep on purpose.
pub struct Allowed {
    /// The endpoint's module under `matrix_client_api`.
    pub endpoint: &'static str,
    pub rule: Rule,
    /// The field, as the checker names it (`response.header.location`); empty for the endpoint.
    pub subject: &'static str,
    pub reason: &'static str,
}

/// Every group's list.
pub const ALLOWED: &[&[Allowed]] = &[
    session::ALLOWED,
    rooms::ALLOWED,
    sync::ALLOWED,
    membership::ALLOWED,
    directory::ALLOWED,
    account::ALLOWED,
    device::ALLOWED,
    admin::ALLOWED,
    media_download::ALLOWED,
];
