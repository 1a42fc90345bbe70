//! Receipts: telling the room how far the user has read.

pub mod create_receipt;
