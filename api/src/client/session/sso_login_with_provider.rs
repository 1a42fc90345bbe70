//! Placeholder while the endpoint is being written.
