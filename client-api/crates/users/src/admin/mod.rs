//! Server administration: what a server admin may learn about and do to the server's users.

pub mod get_user_info;
pub mod is_user_locked;
pub mod is_user_suspended;
pub mod lock_user;
pub mod suspend_user;
