//! Threads: listing a room's thread roots.

pub mod get_threads;
