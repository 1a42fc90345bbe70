//! End-to-end encryption keys and cross-signing: publishing a device's keys, downloading and
//! claiming other devices' keys, tracking key changes, and cross-signing keys and signatures.

pub mod claim_keys;
pub mod get_key_changes;
pub mod get_keys;
pub mod upload_keys;
pub mod upload_signatures;
pub mod upload_signing_keys;
