//! The user directory: finding users by ID or display name.

pub mod search_users;
