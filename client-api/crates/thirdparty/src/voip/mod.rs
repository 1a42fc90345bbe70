//! Voice over IP: the TURN server credentials a client uses to set up calls.

pub mod get_turn_server_info;
