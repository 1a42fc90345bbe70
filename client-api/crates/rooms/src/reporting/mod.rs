//! Reporting what is not in one room: users.

pub mod report_user;
