//! Account data: JSON objects a user's clients store on the server under an event type, for
//! the whole account or for one room, and receive again through sync.

pub mod get_global_account_data;
pub mod get_room_account_data;
pub mod set_global_account_data;
pub mod set_room_account_data;
