//! Synapse's shared-secret registration (`/_synapse/admin/v1/register`), the one call of the run
//! that is not a Matrix endpoint of ours: plain JSON over reqwest. It needs no UIA or
//! verification, so this is how the run gets its users (the account group alone registers
//! through `POST /register`, which it tests). Also the endpoints of ours this
//! Synapse is too old to have a path for.

use std::collections::BTreeSet;
use std::sync::Mutex;
use std::time::SystemTime;

use hmac::{Hmac, Mac};
use serde_json::{json, Value};
use sha1::Sha1;

use crate::report::StepResult;

/// The endpoints of the registry Synapse 1.163.2 has no path for, as `matrix-login versions`
/// names them: MSC4323's lock and suspend, stable only from Matrix v1.18 (Synapse announces up
/// to v1.15) and under a feature flag Synapse does not announce (interop/FINDINGS.md). The
/// steps that expect every endpoint to have a path expect these refused instead, so that a
/// wrong refusal of any other endpoint still fails.
pub const BEYOND_SYNAPSE: [&str; 4] = [
    "GET /_matrix/client/v1/admin/suspend/{user_id}",
    "PUT /_matrix/client/v1/admin/suspend/{user_id}",
    "GET /_matrix/client/v1/admin/lock/{user_id}",
    "PUT /_matrix/client/v1/admin/lock/{user_id}",
];

/// Whether the `endpoint` of an entry of `matrix-login versions --json` is one of
/// [`BEYOND_SYNAPSE`].
pub fn beyond_synapse(endpoint: &Value) -> bool {
    endpoint
        .as_str()
        .is_some_and(|name| BEYOND_SYNAPSE.contains(&name))
}

/// A user registered for this run.
#[derive(Clone)]
pub struct Account {
    /// The full Matrix user ID, `@name123456:localhost`.
    pub user_id: String,
    /// The password the user was registered with.
    pub password: String,
}

/// Synapse's admin side, reached with the `registration_shared_secret` of its config.
pub struct Admin<'a> {
    http: reqwest::Client,
    base_url: &'a str,
    secret: &'a str,
    /// The names registered so far: the suffix is the same for every group registering in
    /// the same second, so a name two groups share would be refused as `M_USER_IN_USE` only
    /// sometimes.
    names: Mutex<BTreeSet<String>>,
}

impl<'a> Admin<'a> {
    /// The admin side of the Synapse at `base_url` (no trailing `/`).
    pub fn new(base_url: &'a str, secret: &'a str) -> Self {
        Admin {
            http: reqwest::Client::new(),
            base_url,
            secret,
            names: Mutex::default(),
        }
    }

    /// The step that registers one user per name, as `{name}{suffix}` with the password
    /// `{name}-pass-{suffix}`; the detail lists their user IDs.
    pub async fn register_users<const N: usize>(
        &self,
        names: [&str; N],
    ) -> StepResult<[Account; N]> {
        self.register_all(names, false).await
    }

    /// [`register_users`](Self::register_users) for server admins, for the endpoints only an
    /// admin may call (`/admin/whois` about another user).
    pub async fn register_admins<const N: usize>(
        &self,
        names: [&str; N],
    ) -> StepResult<[Account; N]> {
        self.register_all(names, true).await
    }

    async fn register_all<const N: usize>(
        &self,
        names: [&str; N],
        admin: bool,
    ) -> StepResult<[Account; N]> {
        // Fresh names per run, so a rerun against the same server is not refused or rate limited.
        let suffix = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() % 1_000_000);
        {
            let mut used = self.names.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(name) = names.iter().find(|name| !used.insert(name.to_string())) {
                return Err(format!(
                    "the name `{name}` is registered by another step of this run; give each \
                     group names of its own"
                ));
            }
        }
        let mut accounts = Vec::new();
        for name in names {
            let localpart = format!("{name}{suffix}");
            let password = format!("{name}-pass-{suffix}");
            let user_id = self
                .register(&localpart, &password, admin)
                .await
                .map_err(|e| format!("{localpart}: {e}"))?;
            accounts.push(Account { user_id, password });
        }
        let ids: Vec<&str> = accounts.iter().map(|a| a.user_id.as_str()).collect();
        let detail = ids.join(", ");
        let Ok(accounts) = accounts.try_into() else {
            unreachable!("one account per name");
        };
        Ok((accounts, detail))
    }

    /// Registers one user, a server admin or not; returns its user ID.
    async fn register(
        &self,
        localpart: &str,
        password: &str,
        admin: bool,
    ) -> Result<String, String> {
        let url = format!("{}/_synapse/admin/v1/register", self.base_url);
        let nonce: Value = self
            .http
            .get(&url)
            .send()
            .await
            .and_then(|r| r.error_for_status())
            .map_err(|e| format!("nonce: {e}"))?
            .json()
            .await
            .map_err(|e| format!("nonce: {e}"))?;
        let nonce = nonce["nonce"].as_str().ok_or("no nonce in the answer")?;
        let role = if admin { "admin" } else { "notadmin" };
        let mac = self.mac(&[nonce, localpart, password, role]);
        let body = json!({
            "nonce": nonce, "username": localpart, "password": password, "admin": admin, "mac": mac,
        });
        let response = self
            .http
            .post(&url)
            .json(&body)
            .send()
            .await
            .map_err(|e| e.to_string())?;
        let status = response.status();
        let answer: Value = response.json().await.map_err(|e| e.to_string())?;
        match answer["user_id"].as_str() {
            Some(user_id) if status.is_success() => Ok(user_id.to_owned()),
            _ => Err(format!("{status}: {answer}")),
        }
    }

    /// The registration MAC: HMAC-SHA1 with the shared secret over the NUL-separated parts, in
    /// lowercase hex, as Synapse computes it to check that the caller knows the secret.
    fn mac(&self, parts: &[&str]) -> String {
        let mut mac =
            Hmac::<Sha1>::new_from_slice(self.secret.as_bytes()).expect("HMAC takes any key");
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                mac.update(b"\0");
            }
            mac.update(part.as_bytes());
        }
        mac.finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}
