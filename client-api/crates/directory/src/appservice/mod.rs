//! Endpoints of the Client-Server API that only application services call, with their own
//! token.

pub mod request_ping;
pub mod set_room_visibility;
