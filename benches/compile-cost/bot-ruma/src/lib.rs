//! The bot of `bot-ours`, on ruma-client-api: the same ten endpoints, written and read the same
//! way. Only built, never run (see ../README.md).

use std::borrow::Cow;
use std::time::Duration;

use ruma_client_api::account::whoami;
use ruma_client_api::membership::{join_room_by_id, leave_room};
use ruma_client_api::message::{get_message_events, send_message_event};
use ruma_client_api::receipt::create_receipt;
use ruma_client_api::room::create_room;
use ruma_client_api::session::login;
use ruma_client_api::sync::sync_events;
use ruma_client_api::typing::create_typing_event;
use ruma_client_api::uiaa::{MatrixUserIdentifier, UserIdentifier};
use ruma_common::api::auth_scheme::SendAccessToken;
use ruma_common::api::{
    Direction, IncomingResponseExt, OutgoingRequestExt as _, SupportedVersions,
};
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

/// Writes `$request` for this server and reads `$answer` as its response. A macro, as the
/// authentication input's type is per endpoint in Ruma's traits.
macro_rules! call {
    ($bot:expr, $request:expr, $answer:expr, $endpoint:ident) => {{
        let token = match &$bot.token {
            Some(token) => SendAccessToken::IfRequired(token),
            None => SendAccessToken::None,
        };
        let http = $request.try_into_http_request::<Vec<u8>>(
            &$bot.homeserver,
            token,
            Cow::Borrowed(&$bot.versions),
        )?;
        assert!(!http.uri().path().is_empty());
        // Ruma's incoming conversions read a borrowed body only.
        let (parts, body) = $answer.into_parts();
        let answer = http::Response::from_parts(parts, body.as_slice());
        <$endpoint::v3::Response as IncomingResponseExt>::try_from_http_response(answer)?
    }};
}

impl Bot {
    /// Logs in with a password and keeps the token.
    pub fn login(&mut self, user: &str, password: &str, answer: Answer) -> Result<(), Error> {
        let identifier = UserIdentifier::Matrix(MatrixUserIdentifier::new(user.to_owned()));
        let info = login::v3::LoginInfo::Password(login::v3::Password::new(
            identifier,
            password.to_owned(),
        ));
        let response = call!(self, login::v3::Request::new(info), answer, login);
        self.token = Some(response.access_token);
        Ok(())
    }

    /// Who the token belongs to.
    pub fn whoami(&self, answer: Answer) -> Result<OwnedUserId, Error> {
        Ok(call!(self, whoami::v3::Request::new(), answer, whoami).user_id)
    }

    /// One sync from `since`; the next batch token.
    pub fn sync(&self, since: Option<String>, answer: Answer) -> Result<String, Error> {
        let mut request = sync_events::v3::Request::new();
        request.since = since;
        request.timeout = Some(Duration::from_secs(30));
        Ok(call!(self, request, answer, sync_events).next_batch)
    }

    /// Joins a room.
    pub fn join(&self, room_id: OwnedRoomId, answer: Answer) -> Result<OwnedRoomId, Error> {
        Ok(call!(
            self,
            join_room_by_id::v3::Request::new(room_id),
            answer,
            join_room_by_id
        )
        .room_id)
    }

    /// Leaves a room.
    pub fn leave(&self, room_id: OwnedRoomId, answer: Answer) -> Result<(), Error> {
        call!(
            self,
            leave_room::v3::Request::new(room_id),
            answer,
            leave_room
        );
        Ok(())
    }

    /// Creates a room with a name.
    pub fn create_room(&self, name: &str, answer: Answer) -> Result<OwnedRoomId, Error> {
        let mut request = create_room::v3::Request::new();
        request.name = Some(name.to_owned());
        Ok(call!(self, request, answer, create_room).room_id)
    }

    /// The latest messages of a room, newest first.
    pub fn messages(&self, room_id: OwnedRoomId, answer: Answer) -> Result<usize, Error> {
        let request = get_message_events::v3::Request::new(room_id, Direction::Backward);
        Ok(call!(self, request, answer, get_message_events).chunk.len())
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
        let request = send_message_event::v3::Request::new_raw(
            room_id,
            txn_id,
            "m.room.message".into(),
            content,
        );
        Ok(call!(self, request, answer, send_message_event).event_id)
    }

    /// Says the bot is typing, for a few seconds.
    pub fn typing(
        &self,
        room_id: OwnedRoomId,
        user_id: OwnedUserId,
        answer: Answer,
    ) -> Result<(), Error> {
        let state = create_typing_event::v3::Typing::Yes(create_typing_event::v3::TypingInfo::new(
            Duration::from_secs(4),
        ));
        let request = create_typing_event::v3::Request::new(user_id, room_id, state);
        call!(self, request, answer, create_typing_event);
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
        call!(self, request, answer, create_receipt);
        Ok(())
    }
}

/// The server's answer to one call.
pub type Answer = http::Response<Vec<u8>>;
