//! A small bot on matrix-client-api: it logs in, syncs, joins and leaves rooms, creates one,
//! reads and sends messages, types and sends read receipts: ten endpoints, each request written
//! as a bot with its own HTTP stack would, and each answer read back. Only built, never run:
//! it measures what calling ten endpoints costs to compile (see ../README.md).

use std::time::Duration;

use matrix_api::{IncomingResponse, OutgoingRequest, SendAccessToken, SupportedVersions};
use matrix_client_api::account::whoami;
use matrix_client_api::membership::{join_room_by_id, leave_room};
use matrix_client_api::message::{get_message_events, send_message_event};
use matrix_client_api::receipt::create_receipt;
use matrix_client_api::room::create_room;
use matrix_client_api::session::login;
use matrix_client_api::sync::sync_events;
use matrix_client_api::typing::create_typing_event;
use ruma_common::serde::Raw;
use ruma_common::{OwnedEventId, OwnedRoomId, OwnedTransactionId, OwnedUserId};

/// An error of any step, as text.
pub type Error = Box<dyn std::error::Error>;

/// What the bot knows of its server and session.
pub struct Bot {
    /// The homeserver's base URL.
    pub homeserver: String,
    /// The access token, once logged in.
    pub token: Option<String>,
    /// What the server announced in `/versions`.
    pub versions: SupportedVersions,
}

impl Bot {
    /// Writes `request` for this server and reads `answer` as its response.
    fn call<R: OutgoingRequest>(
        &self,
        request: R,
        answer: http::Response<Vec<u8>>,
    ) -> Result<R::IncomingResponse, Error>
    where
        <R::IncomingResponse as IncomingResponse>::EndpointError: std::error::Error + 'static,
    {
        let token = match &self.token {
            Some(token) => SendAccessToken::IfRequired(token),
            None => SendAccessToken::None,
        };
        let http = request.try_into_http_request(&self.homeserver, token, &self.versions)?;
        assert!(!http.uri().path().is_empty());
        Ok(R::IncomingResponse::try_from_http_response(answer)?)
    }

    /// Logs in with a password and keeps the token.
    pub fn login(&mut self, user: &str, password: &str, answer: Answer) -> Result<(), Error> {
        let info = login::v3::LoginInfo::password(user, password);
        let response = self.call(login::v3::Request::new(info), answer)?;
        self.token = Some(response.access_token);
        Ok(())
    }

    /// Who the token belongs to.
    pub fn whoami(&self, answer: Answer) -> Result<OwnedUserId, Error> {
        Ok(self.call(whoami::v3::Request::new(), answer)?.user_id)
    }

    /// One sync from `since`; the next batch token.
    pub fn sync(&self, since: Option<String>, answer: Answer) -> Result<String, Error> {
        let mut request = sync_events::v3::Request::new();
        request.since = since;
        request.timeout = Some(Duration::from_secs(30));
        Ok(self.call(request, answer)?.next_batch)
    }

    /// Joins a room.
    pub fn join(&self, room_id: OwnedRoomId, answer: Answer) -> Result<OwnedRoomId, Error> {
        Ok(self
            .call(join_room_by_id::v3::Request::new(room_id), answer)?
            .room_id)
    }

    /// Leaves a room.
    pub fn leave(&self, room_id: OwnedRoomId, answer: Answer) -> Result<(), Error> {
        self.call(leave_room::v3::Request::new(room_id), answer)?;
        Ok(())
    }

    /// Creates a room with a name.
    pub fn create_room(&self, name: &str, answer: Answer) -> Result<OwnedRoomId, Error> {
        let mut request = create_room::v3::Request::new();
        request.name = Some(name.to_owned());
        Ok(self.call(request, answer)?.room_id)
    }

    /// The latest messages of a room, newest first.
    pub fn messages(&self, room_id: OwnedRoomId, answer: Answer) -> Result<usize, Error> {
        let request = get_message_events::v3::Request::new(
            room_id,
            get_message_events::v3::Direction::Backward,
        );
        Ok(self.call(request, answer)?.chunk.len())
    }

    /// Sends a text message.
    pub fn send_text(
        &self,
        room_id: OwnedRoomId,
        txn_id: OwnedTransactionId,
        text: &str,
        answer: Answer,
    ) -> Result<OwnedEventId, Error> {
        let content =
            Raw::new(&serde_json::json!({ "msgtype": "m.text", "body": text }))?.cast_unchecked();
        let request = send_message_event::v3::Request::new(
            room_id,
            "m.room.message".to_owned(),
            txn_id,
            content,
        );
        Ok(self.call(request, answer)?.event_id)
    }

    /// Says the bot is typing, for a few seconds.
    pub fn typing(
        &self,
        room_id: OwnedRoomId,
        user_id: OwnedUserId,
        answer: Answer,
    ) -> Result<(), Error> {
        let request =
            create_typing_event::v3::Request::typing(room_id, user_id, Duration::from_secs(4));
        self.call(request, answer)?;
        Ok(())
    }

    /// Marks an event read.
    pub fn read(
        &self,
        room_id: OwnedRoomId,
        event_id: OwnedEventId,
        answer: Answer,
    ) -> Result<(), Error> {
        let request = create_receipt::v3::Request::new(
            room_id,
            create_receipt::v3::ReceiptType::Read,
            event_id,
        );
        self.call(request, answer)?;
        Ok(())
    }
}

/// The server's answer to one call.
pub type Answer = http::Response<Vec<u8>>;
