//! The profile, presence and user directory steps of the group (see the parent module): dana
//! sets her profile fields and presence, dex reads them, and dana finds dex in the directory.

use std::time::Duration;

use matrix_api::error::ErrorKind;
use matrix_api::http::StatusCode;
use matrix_api::uint;
use matrix_client_api::presence::{get_presence, set_presence};
use matrix_client_api::profile::{
    delete_profile_field, get_profile, get_profile_field, set_profile_field, ProfileField,
    ProfileFieldName,
};
use matrix_client_api::user_directory::search_users;
use ruma_common::presence::PresenceState;
use ruma_common::{OwnedMxcUri, OwnedUserId};
use serde_json::{json, Value};

use super::{empty_ok, refused};
use crate::client_server::User;
use crate::lossless::{exchange, Seen};
use crate::report::{Report, StepResult};

/// The avatar dana sets: an `mxc://` URI of the server (no upload needed: Synapse checks the
/// URI only when avatar limits are configured).
const AVATAR: &str = "mxc://localhost/DanaAvatarInterop";
/// The field of dana's own, with a JSON object as its value.
const CUSTOM_FIELD: &str = "org.example.interop.pets";
/// The time zone dana sets (`m.tz`).
const TIME_ZONE: &str = "Europe/London";
/// Dana's status message.
const STATUS: &str = "At lunch 🥪";

// Profiles.

/// Dana sets her display name, avatar, time zone and a field of her own; dex reads them, one
/// by one and whole; she removes her own field. Dex sets his display name, for the directory.
pub(super) async fn profile_steps(report: &mut Report, dana: &User, dex: &User) {
    let dana_id = dana.device.user_id.clone();
    let dana_name = format!("Dana ☕ {}", run_word(dana));
    let avatar = OwnedMxcUri::from(AVATAR);
    let pets = json!({ "cats": ["Tom", "Kitty"], "since": 2019, "indoor": true });

    report
        .step(
            "profile: PUT /profile/{userId}/displayname (dana sets hers)",
            async {
                let seen = set_field(dana, ProfileField::display_name(dana_name.clone())).await?;
                empty_ok(seen, format!("{dana_name:?}"))
            },
        )
        .await;
    report
        .step(
            "profile: GET /profile/{userId}/displayname (dex reads dana's, no token)",
            async {
                let seen = get_field(dex, &dana_id, ProfileFieldName::DisplayName).await?;
                read_field(seen, &ProfileFieldName::DisplayName, &json!(dana_name))
            },
        )
        .await;
    report
        .step(
            "profile: PUT /profile/{userId}/displayname (dex sets dana's: Synapse's 400 \
             M_FORBIDDEN)",
            async {
                let field = ProfileField::display_name("Not Dana");
                let request = set_profile_field::v3::Request::new(dana_id.clone(), field);
                let seen = exchange(&dex.client, request).await?;
                // 400, not the specification's 403 (interop/FINDINGS.md).
                refused(seen, StatusCode::BAD_REQUEST, ErrorKind::Forbidden)
            },
        )
        .await;
    report
        .step(
            "profile: PUT /profile/{userId}/avatar_url (dana: an mxc URI)",
            async {
                let seen = set_field(dana, ProfileField::avatar_url(avatar.clone())).await?;
                empty_ok(seen, avatar.to_string())
            },
        )
        .await;
    report
        .step(
            "profile: GET /profile/{userId}/avatar_url (dex reads dana's)",
            async {
                let seen = get_field(dex, &dana_id, ProfileFieldName::AvatarUrl).await?;
                read_field(seen, &ProfileFieldName::AvatarUrl, &json!(AVATAR))
            },
        )
        .await;
    report
        .step(
            "profile: GET /profile/{userId}/avatar_url (dex's, never set: Synapse's 200 {})",
            async {
                let request = get_profile_field::v3::Request::new(
                    dex.device.user_id.clone(),
                    ProfileFieldName::AvatarUrl,
                );
                let seen = exchange(&dana.client, request).await?;
                let (response, note) = seen.ok(&[])?;
                // `{}` rather than the specification's 404 (interop/FINDINGS.md).
                match response.value_of(&ProfileFieldName::AvatarUrl) {
                    Ok(None) => Ok(((), format!("{{}}, read as no field; {note}"))),
                    other => Err(format!("expected {{}}, read {other:?}")),
                }
            },
        )
        .await;
    report
        .step(
            "profile: PUT /profile/{userId}/{keyName} (dana: m.tz, and a field of her own \
             holding a JSON object)",
            async {
                let tz = ProfileField::new(ProfileFieldName::TimeZone, json!(TIME_ZONE));
                let ((), first) =
                    empty_ok(set_field(dana, tz).await?, format!("m.tz {TIME_ZONE}"))?;
                let own = ProfileField::new(CUSTOM_FIELD.into(), pets.clone());
                let ((), second) = empty_ok(
                    set_field(dana, own).await?,
                    format!("{CUSTOM_FIELD} {pets}"),
                )?;
                Ok(((), format!("{first}; {second}")))
            },
        )
        .await;
    report
        .step(
            "profile: GET /profile/{userId}/{keyName} (dex reads dana's own field)",
            async {
                let seen = get_field(dex, &dana_id, CUSTOM_FIELD.into()).await?;
                read_field(seen, &CUSTOM_FIELD.into(), &pets)
            },
        )
        .await;
    report
        .step(
            "profile: GET /profile/{userId} (dex reads dana's whole profile: name, avatar, \
             m.tz and her own field)",
            async {
                let request = get_profile::v3::Request::new(dana_id.clone());
                let seen = exchange(&dex.client, request).await?;
                let (profile, note) = seen.ok(&[])?;
                let expected = (
                    Some(dana_name.as_str()),
                    Some(AVATAR),
                    Some(TIME_ZONE),
                    Some(&pets),
                );
                let got = (
                    profile.displayname.as_deref(),
                    profile.avatar_url.as_ref().map(|url| url.as_str()),
                    profile.tz.as_deref(),
                    profile.other.get(CUSTOM_FIELD),
                );
                if got != expected || profile.other.len() != 1 {
                    return Err(format!("profile {profile:?}"));
                }
                Ok(((), format!("{} fields; {note}", profile.fields().count())))
            },
        )
        .await;
    let deleted = report
        .step(
            "profile: DELETE /profile/{userId}/{keyName} (dana removes her own field)",
            async {
                let request =
                    delete_profile_field::v3::Request::new(dana_id.clone(), CUSTOM_FIELD.into());
                let seen = exchange(&dana.client, request).await?;
                empty_ok(seen, format!("{CUSTOM_FIELD} removed"))
            },
        )
        .await;
    report
        .step_after(
            "profile: GET /profile/{userId}/{keyName} (the removed field: 404 M_NOT_FOUND)",
            deleted,
            (
                "profile: GET /profile/{userId}/{keyName} (removed)",
                "profile: DELETE /profile/{userId}/{keyName}",
            ),
            |()| async {
                let seen = get_field(dex, &dana_id, CUSTOM_FIELD.into()).await?;
                refused(seen, StatusCode::NOT_FOUND, ErrorKind::NotFound)
            },
        )
        .await;
    report
        .step(
            "profile: PUT /profile/{userId}/displayname (dex sets his, for the directory)",
            async {
                let name = dex_name(dex);
                let seen = set_field(dex, ProfileField::display_name(name.clone())).await?;
                empty_ok(seen, format!("{name:?}"))
            },
        )
        .await;
}

/// `user` sets a field of their own profile.
async fn set_field(
    user: &User,
    field: ProfileField,
) -> Result<Seen<set_profile_field::v3::Request>, String> {
    let request = set_profile_field::v3::Request::new(user.device.user_id.clone(), field);
    exchange(&user.client, request).await
}

/// `reader` reads a field of `owner`'s profile.
async fn get_field(
    reader: &User,
    owner: &OwnedUserId,
    key: ProfileFieldName,
) -> Result<Seen<get_profile_field::v3::Request>, String> {
    let request = get_profile_field::v3::Request::new(owner.clone(), key);
    exchange(&reader.client, request).await
}

/// Dex's display name: a word no other user's name has, and the run's word.
fn dex_name(dex: &User) -> String {
    format!("Dexter Quillfeather {}", run_word(dex))
}

/// A word the users' display names hold, fresh per run: `run` and the suffix of their
/// localparts. (The directory matches words by their start, so the suffix alone, the end of a
/// localpart, finds no one.)
fn run_word(user: &User) -> String {
    let localpart = user.device.user_id.localpart();
    let suffix = localpart.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    format!("run{suffix}")
}

/// A field's answer holds `expected` under `key`.
fn read_field(
    seen: Seen<get_profile_field::v3::Request>,
    key: &ProfileFieldName,
    expected: &Value,
) -> StepResult<()> {
    let (response, note) = seen.ok(&[])?;
    match response.value_of(key).map_err(|e| e.to_string())? {
        Some(value) if value == expected => Ok(((), format!("{{{key:?}: {value}}}; {note}"))),
        other => Err(format!("{key} is {other:?}, expected {expected}")),
    }
}

// Presence.

/// Dana sets her presence with a message and reads it back; dex, sharing no room with her, may
/// neither read it nor set it.
pub(super) async fn presence_steps(report: &mut Report, dana: &User, dex: &User) {
    let dana_id = dana.device.user_id.clone();
    let set = report
        .step(
            "presence: PUT /presence/{userId}/status (dana: unavailable, with a message)",
            async {
                let mut request =
                    set_presence::v3::Request::new(dana_id.clone(), PresenceState::Unavailable);
                request.status_msg = Some(STATUS.to_owned());
                let seen = exchange(&dana.client, request).await?;
                empty_ok(seen, format!("unavailable, {STATUS:?}"))
            },
        )
        .await;
    report
        .step_after(
            "presence: GET /presence/{userId}/status (dana's own: unavailable, her message)",
            set,
            (
                "presence: GET /presence/{userId}/status (dana's own)",
                "presence: PUT /presence/{userId}/status",
            ),
            |()| async {
                let request = get_presence::v3::Request::new(dana_id.clone());
                let seen = exchange(&dana.client, request).await?;
                let (response, note) = seen.ok(&[])?;
                if response.presence != PresenceState::Unavailable
                    || response.status_msg.as_deref() != Some(STATUS)
                {
                    return Err(format!("{response:?}"));
                }
                Ok((
                    (),
                    format!(
                        "{}, {:?}, last active {:?} ms ago, currently active {:?}; {note}",
                        response.presence,
                        STATUS,
                        response.last_active_ago.map(u64::from),
                        response.currently_active
                    ),
                ))
            },
        )
        .await;
    report
        .step(
            "presence: GET /presence/{userId}/status (dex, sharing no room with dana: 403 \
             M_FORBIDDEN)",
            async {
                let request = get_presence::v3::Request::new(dana_id.clone());
                let seen = exchange(&dex.client, request).await?;
                refused(seen, StatusCode::FORBIDDEN, ErrorKind::Forbidden)
            },
        )
        .await;
    report
        .step(
            "presence: PUT /presence/{userId}/status (dex sets dana's: 403 M_FORBIDDEN)",
            async {
                let request =
                    set_presence::v3::Request::new(dana_id.clone(), PresenceState::Online);
                let seen = exchange(&dex.client, request).await?;
                refused(seen, StatusCode::FORBIDDEN, ErrorKind::Forbidden)
            },
        )
        .await;
}

// The user directory.

/// Dana finds dex by his display name, with her languages in `Accept-Language`; a search
/// matching dex and dot with `limit` 1 answers one user and `limited`. (Synapse, searching
/// every user, leaves the searcher out: dana's own name matches too.)
pub(super) async fn directory_steps(report: &mut Report, dana: &User, dex: &User, dot: &User) {
    report
        .step(
            "profile: PUT /profile/{userId}/displayname (dot sets hers, for the directory)",
            async {
                let name = format!("Dot {}", run_word(dot));
                let seen = set_field(dot, ProfileField::display_name(name.clone())).await?;
                empty_ok(seen, format!("{name:?}"))
            },
        )
        .await;
    report
        .step(
            "users: POST /user_directory/search (dana finds dex by his display name, \
             Accept-Language sent)",
            async {
                let mut request = search_users::v3::Request::new("Quillfeather".to_owned());
                request.language = Some("en-GB, en;q=0.8".to_owned());
                let (response, note) = search_until(dana, request, |r| {
                    r.results.iter().any(|u| u.user_id == dex.device.user_id)
                })
                .await?;
                let found = response
                    .results
                    .iter()
                    .find(|u| u.user_id == dex.device.user_id)
                    .ok_or("dex not found")?;
                if found.display_name.as_deref() != Some(dex_name(dex).as_str()) {
                    return Err(format!("dex found as {found:?}"));
                }
                Ok((
                    (),
                    format!(
                        "{} result(s), limited {}: {} {:?}; {note}",
                        response.results.len(),
                        response.limited,
                        found.user_id,
                        found.display_name
                    ),
                ))
            },
        )
        .await;
    report
        .step(
            "users: POST /user_directory/search (the run's word, in dex's and dot's names, \
             limit 1: one result, limited)",
            async {
                let word = run_word(dana);
                let mut request = search_users::v3::Request::new(word.clone());
                request.limit = uint!(1);
                let (response, note) = search_until(dana, request, |r| r.limited).await?;
                if response.results.len() != 1 {
                    return Err(format!("{} results for limit 1", response.results.len()));
                }
                Ok((
                    (),
                    format!("{word:?}: {}, limited; {note}", response.results[0].user_id),
                ))
            },
        )
        .await;
}

/// Searches until `found` holds of the answer: Synapse updates its directory in the
/// background, so a user who just set a name may take a moment to appear; on a busy machine
/// that has taken more than 5 seconds, so the search is retried for up to 30.
async fn search_until(
    dana: &User,
    request: search_users::v3::Request,
    found: impl Fn(&search_users::v3::Response) -> bool,
) -> StepResult<search_users::v3::Response> {
    const PATIENCE: Duration = Duration::from_secs(30);
    let start = std::time::Instant::now();
    let mut searches = 0;
    loop {
        searches += 1;
        let seen = exchange(&dana.client, request.clone()).await?;
        let (response, note) = seen.ok(&[])?;
        if found(&response) {
            return Ok((response, format!("{note}, after {searches} search(es)")));
        }
        if start.elapsed() >= PATIENCE {
            return Err(format!(
                "after {searches} searches in {:.1} s: {response:?}",
                start.elapsed().as_secs_f64()
            ));
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}
