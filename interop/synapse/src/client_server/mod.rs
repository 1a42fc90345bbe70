//! The Client-Server API beyond the session, one module per group of endpoints: each group
//! registers users of its own, logs them in through `matrix_login::flow`, and calls every
//! endpoint of the group that Synapse serves through the project's types, each answer checked to
//! lose nothing ([`crate::lossless`]). Groups share no state, so one failing leaves the others'
//! steps meaningful.

mod account;
mod admin;
mod backup;
mod device;
mod directory;
mod keys;
mod media_download;
mod media_upload;
mod membership;
mod push;
mod rooms;
mod sync;
mod thirdparty;

use matrix_login::flow::{self, Client, LoggedIn};

use crate::report::Report;
use crate::synapse::{Account, Admin};

/// Every group's steps, in order.
pub async fn run(report: &mut Report, client: &Client, synapse: &Admin<'_>) {
    membership::run(report, client, synapse).await;
    rooms::run(report, client, synapse).await;
    directory::run(report, client, synapse).await;
    sync::run(report, client, synapse).await;
    keys::run(report, client, synapse).await;
    backup::run(report, client, synapse).await;
    account::run(report, client, synapse).await;
    device::run(report, client, synapse).await;
    thirdparty::run(report, client, synapse).await;
    push::run(report, client, synapse).await;
    admin::run(report, client, synapse).await;
    media_upload::run(report, client, synapse).await;
    media_download::run(report, client, synapse).await;
}

/// A registered user, logged in on one device.
pub struct User {
    pub account: Account,
    pub device: LoggedIn,
    /// The server's client acting as this device.
    pub client: Client,
}

/// The step that registers one user per name and logs each in; `None` when it failed (the
/// group then reports its steps as not run).
pub async fn users<const N: usize>(
    report: &mut Report,
    client: &Client,
    synapse: &Admin<'_>,
    group: &str,
    names: [&str; N],
) -> Option<[User; N]> {
    let step = format!("{group}: register and log in {}", names.join(", "));
    report
        .step(&step, async {
            let (accounts, detail) = synapse.register_users(names).await?;
            let mut users = Vec::new();
            for account in accounts {
                let device =
                    flow::password_login(client, &account.user_id, &account.password, None)
                        .await
                        .map_err(|e| format!("{}: password login: {e}", account.user_id))?;
                let client = device.client(client);
                users.push(User {
                    account,
                    device,
                    client,
                });
            }
            let Ok(users) = users.try_into() else {
                unreachable!("one user per name");
            };
            Ok((users, detail))
        })
        .await
}
