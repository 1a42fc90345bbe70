//! The in-memory state of the reference homeserver: users, sessions and tokens.
//!
//! Everything lives in one `Mutex`, so the checks that make a token single-use or enforce a rate
//! limit happen in the same critical section as the change they guard.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use rand::distributions::{Alphanumeric, DistString};
use rand::Rng;
use ruma_common::{OwnedDeviceId, OwnedUserId};

/// A registered user: only the Argon2 hash of the password is kept.
pub(crate) struct UserRecord {
    password_hash: String,
}

/// A logged-in device.
#[derive(Clone)]
pub(crate) struct Session {
    pub user_id: OwnedUserId,
    pub device_id: OwnedDeviceId,
    pub refresh_token: Option<String>,
    pub expires_at: Option<Instant>,
    /// The refresh token this session was refreshed from; it stays valid until this session's
    /// tokens are first used, as the specification asks.
    pub previous_refresh_token: Option<String>,
}

pub(crate) struct LoginToken {
    pub user_id: OwnedUserId,
    pub expires_at: Instant,
}

pub(crate) struct UiaSession {
    pub user_id: OwnedUserId,
}

#[derive(Default)]
pub(crate) struct Store {
    users: HashMap<OwnedUserId, UserRecord>,
    pub sessions: HashMap<String, Session>,
    /// Refresh token → the access token of its session.
    pub refresh_tokens: HashMap<String, String>,
    pub login_tokens: HashMap<String, LoginToken>,
    pub uia_sessions: HashMap<String, UiaSession>,
    /// When each user was last issued login tokens, for the rate limit.
    pub token_issues: HashMap<OwnedUserId, VecDeque<Instant>>,
}

/// Hashes a password with Argon2id and a random salt.
pub(crate) fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut rand::rngs::OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("Argon2 with default parameters hashes any input")
        .to_string()
}

impl Store {
    pub fn add_user(&mut self, user_id: OwnedUserId, password_hash: String) {
        self.users.insert(user_id, UserRecord { password_hash });
    }

    pub fn has_user(&self, user_id: &OwnedUserId) -> bool {
        self.users.contains_key(user_id)
    }

    pub fn check_password(&self, user_id: &OwnedUserId, password: &str) -> bool {
        let Some(user) = self.users.get(user_id) else {
            return false;
        };
        let Ok(hash) = PasswordHash::new(&user.password_hash) else {
            return false;
        };
        Argon2::default()
            .verify_password(password.as_bytes(), &hash)
            .is_ok()
    }

    /// Starts a session for the user on the device, replacing the device's previous session.
    pub fn start_session(
        &mut self,
        user_id: OwnedUserId,
        device_id: OwnedDeviceId,
        with_refresh: Option<Duration>,
    ) -> (String, Session) {
        let stale: Vec<String> = self
            .sessions
            .iter()
            .filter(|(_, s)| s.user_id == user_id && s.device_id == device_id)
            .map(|(token, _)| token.clone())
            .collect();
        for token in stale {
            self.end_session(&token);
        }
        let access_token = random_token("mat_");
        let refresh_token = with_refresh.map(|_| random_token("mar_"));
        if let Some(refresh) = &refresh_token {
            self.refresh_tokens
                .insert(refresh.clone(), access_token.clone());
        }
        let session = Session {
            user_id,
            device_id,
            refresh_token,
            expires_at: with_refresh.map(|lifetime| Instant::now() + lifetime),
            previous_refresh_token: None,
        };
        self.sessions.insert(access_token.clone(), session.clone());
        (access_token, session)
    }

    pub fn end_session(&mut self, access_token: &str) -> Option<Session> {
        let session = self.sessions.remove(access_token)?;
        for refresh in session
            .refresh_token
            .iter()
            .chain(&session.previous_refresh_token)
        {
            self.refresh_tokens.remove(refresh);
        }
        Some(session)
    }
}

/// A random token with a recognisable prefix.
pub(crate) fn random_token(prefix: &str) -> String {
    format!(
        "{prefix}{}",
        Alphanumeric.sample_string(&mut rand::thread_rng(), 32)
    )
}

/// A random device ID of ten capital letters, like Synapse's.
pub(crate) fn random_device_id() -> OwnedDeviceId {
    let mut rng = rand::thread_rng();
    let id: String = (0..10)
        .map(|_| char::from(rng.gen_range(b'A'..=b'Z')))
        .collect();
    id.into()
}
