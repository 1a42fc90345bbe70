//! Uploads, the content repository's configuration and URL previews against Synapse, with a
//! user of the group's own: a small PNG uploaded with its type and a file name that needs
//! percent-encoding, a text file uploaded without `Content-Type`, an `mxc://` URI reserved and
//! then filled asynchronously (a second upload to it refused with `409
//! M_CANNOT_OVERWRITE_MEDIA`), the configuration on both generations, and URL previews on both,
//! which the run's Synapse refuses because `url_preview_enabled` is `false`.
//!
//! What an upload stored is read back over plain HTTP from the authenticated download path
//! (downloads are the other media group's endpoints; this group does not depend on them), to
//! check that the bytes, the type and the name arrived as sent. The uploaded media stays on the
//! server.

use matrix_api::error::{ErrorKind, MatrixError};
use matrix_api::http::StatusCode;
use matrix_api::OutgoingRequest;
use matrix_client_api::authenticated_media;
use matrix_client_api::media::{
    create_content, create_content_async, create_mxc_uri, get_media_config, get_media_preview,
};
use matrix_login::flow::Client;
use ruma_common::{MilliSecondsSinceUnixEpoch, OwnedMxcUri};

use super::{users, User};
use crate::expect::expect_kind;
use crate::lossless::exchange;
use crate::report::{Report, StepResult};
use crate::synapse::Admin;

/// A 1×1 green PNG.
const PNG: [u8; 69] = [
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
    0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
    0x00, 0x03, 0x01, 0x01, 0x00, 0xc9, 0xfe, 0x92, 0xef, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
    0x44, 0xae, 0x42, 0x60, 0x82,
];

/// The PNG's file name: a space and a non-ASCII letter, so the query must encode it.
const PNG_NAME: &str = "grün pixel.png";

/// The group's steps, in order.
pub async fn run(report: &mut Report, client: &Client, synapse: &Admin<'_>) {
    let Some([ulla]) = users(report, client, synapse, "media", ["ulla"]).await else {
        report.not_run(
            "media: every upload, configuration and preview step",
            "media: register and log in ulla",
        );
        return;
    };
    upload_steps(report, &ulla).await;
    config_steps(report, &ulla).await;
    preview_steps(report, &ulla).await;
}

// Uploads.

async fn upload_steps(report: &mut Report, ulla: &User) {
    report
        .step(
            "media: POST /upload (a PNG with image/png and a file name to encode; the bytes, \
             type and name read back)",
            upload(
                ulla,
                PNG.to_vec(),
                Some("image/png"),
                Some(PNG_NAME),
                "image/png",
            ),
        )
        .await;
    report
        .step(
            "media: POST /upload (text without Content-Type: stored as \
             application/octet-stream)",
            upload(
                ulla,
                b"no type given".to_vec(),
                None,
                None,
                "application/octet-stream",
            ),
        )
        .await;
    let reserved = report
        .step(
            "media: POST /v1/create (an mxc:// URI reserved, unused_expires_at in the future)",
            create(ulla),
        )
        .await;
    let filled = report
        .step_after(
            "media: PUT /upload/{serverName}/{mediaId} (text/plain with a file name to the \
             reserved URI; read back)",
            reserved,
            (
                "media: PUT /upload/{serverName}/{mediaId} (both uploads)",
                "media: POST /v1/create",
            ),
            |uri| upload_async(ulla, uri),
        )
        .await;
    report
        .step_after(
            "media: PUT /upload/{serverName}/{mediaId} (a second upload to the same URI: 409 \
             M_CANNOT_OVERWRITE_MEDIA)",
            filled,
            (
                "media: PUT /upload/{serverName}/{mediaId} (the second upload)",
                "media: PUT /upload/{serverName}/{mediaId} (the first upload)",
            ),
            |uri| overwrite(ulla, uri),
        )
        .await;
}

/// One upload; the URI must be of this server, and what it stored is read back.
async fn upload(
    user: &User,
    file: Vec<u8>,
    content_type: Option<&str>,
    filename: Option<&str>,
    stored_type: &str,
) -> StepResult<OwnedMxcUri> {
    let mut request = create_content::v3::Request::new(file.clone(), content_type.map(Into::into));
    request.filename = filename.map(Into::into);
    let (response, note) = exchange(&user.client, request).await?.ok(&[])?;
    let uri = response.content_uri;
    check_ours(user, &uri)?;
    let stored = read_back(user, &uri, &file, stored_type, filename).await?;
    Ok((uri.clone(), format!("{uri}, {stored}; {note}")))
}

/// The URI is a valid `mxc://` URI of the user's server.
fn check_ours(user: &User, uri: &OwnedMxcUri) -> Result<(), String> {
    let (server, _) = uri
        .parts()
        .map_err(|e| format!("content_uri {uri} is no valid mxc:// URI: {e}"))?;
    if server != user.device.user_id.server_name() {
        return Err(format!(
            "content_uri {uri} is not of {}",
            user.device.user_id.server_name()
        ));
    }
    Ok(())
}

/// Reads the media back from `GET /_matrix/client/v1/media/download` over plain HTTP: the
/// bytes as sent, the content type expected, and the file name in `Content-Disposition`.
async fn read_back(
    user: &User,
    uri: &OwnedMxcUri,
    file: &[u8],
    content_type: &str,
    filename: Option<&str>,
) -> Result<String, String> {
    let (server, media_id) = uri.parts().map_err(|e| e.to_string())?;
    let url = format!(
        "{}/_matrix/client/v1/media/download/{server}/{media_id}",
        user.client.homeserver().trim_end_matches('/')
    );
    let token = user.client.access_token().unwrap_or_default();
    let response = reqwest::Client::new()
        .get(&url)
        .bearer_auth(token)
        .send()
        .await
        .map_err(|e| format!("reading back {uri}: {e}"))?;
    if response.status() != 200 {
        return Err(format!("reading back {uri}: status {}", response.status()));
    }
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned()
    };
    let (got_type, disposition) = (header("content-type"), header("content-disposition"));
    let body = response
        .bytes()
        .await
        .map_err(|e| format!("reading back {uri}: {e}"))?;
    if body.as_ref() != file {
        return Err(format!(
            "{uri} read back as {} bytes, not the {} sent",
            body.len(),
            file.len()
        ));
    }
    // The specification lets a server add a charset to a `text/*` type.
    let same_type = got_type == content_type
        || (content_type.starts_with("text/") && got_type.starts_with(&format!("{content_type};")));
    if !same_type {
        return Err(format!(
            "{uri} read back as {got_type:?}, expected {content_type:?}"
        ));
    }
    if let Some(name) = filename {
        // RFC 6266: a non-ASCII name comes as `filename*=utf-8''` and percent-encoding.
        let encoded: String = name
            .bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-' | b'_' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect();
        if !disposition.contains(name) && !disposition.contains(&encoded) {
            return Err(format!(
                "{uri}: Content-Disposition {disposition:?} does not name {name:?}"
            ));
        }
    }
    Ok(format!(
        "read back: {} bytes, {got_type}, {disposition}",
        body.len()
    ))
}

/// Reserves a URI; Synapse sends the expiry, which must lie ahead.
async fn create(user: &User) -> StepResult<OwnedMxcUri> {
    let (response, note) = exchange(&user.client, create_mxc_uri::v1::Request::new())
        .await?
        .ok(&[])?;
    let uri = response.content_uri;
    check_ours(user, &uri)?;
    let Some(expires) = response.unused_expires_at else {
        return Err(format!("{uri} without unused_expires_at"));
    };
    if expires <= MilliSecondsSinceUnixEpoch::now() {
        return Err(format!("{uri} expires at {expires:?}, already past"));
    }
    Ok((
        uri.clone(),
        format!("{uri}, unused_expires_at {}; {note}", expires.get()),
    ))
}

/// The reserved URI filled; the answer is `{}`.
async fn upload_async(user: &User, uri: OwnedMxcUri) -> StepResult<OwnedMxcUri> {
    let file = b"uploaded asynchronously".to_vec();
    let mut request = create_content_async::v3::Request::from_mxc_uri(
        &uri,
        file.clone(),
        Some("text/plain".to_owned()),
    )
    .map_err(|e| format!("{uri}: {e}"))?;
    request.filename = Some("later.txt".to_owned());
    let (_, note) = exchange(&user.client, request).await?.ok(&[])?;
    let stored = read_back(user, &uri, &file, "text/plain", Some("later.txt")).await?;
    Ok((uri.clone(), format!("{uri}, {stored}; {note}")))
}

/// A second upload to a filled URI.
async fn overwrite(user: &User, uri: OwnedMxcUri) -> StepResult<()> {
    let request = create_content_async::v3::Request::from_mxc_uri(
        &uri,
        b"again".to_vec(),
        Some("text/plain".to_owned()),
    )
    .map_err(|e| format!("{uri}: {e}"))?;
    let (err, note) = exchange(&user.client, request).await?.err(&[])?;
    expect_kind(&err, StatusCode::CONFLICT, &ErrorKind::CannotOverwriteMedia)?;
    Ok(((), format!("{uri}: {err}; {note}")))
}

// Configuration.

async fn config_steps(report: &mut Report, ulla: &User) {
    report
        .step(
            "media: GET /v3/config (legacy, deprecated since v1.11: m.upload.size)",
            async {
                let request = get_media_config::v3::Request::new();
                let path = decided_path(&ulla.client, &request).await?;
                let (response, note) = exchange(&ulla.client, request).await?.ok(&[])?;
                upload_size(path, response.config.upload_size, note)
            },
        )
        .await;
    report
        .step(
            "media: GET /v1/media/config (authenticated: m.upload.size)",
            async {
                let request = authenticated_media::get_media_config::v1::Request::new();
                let path = decided_path(&ulla.client, &request).await?;
                let (response, note) = exchange(&ulla.client, request).await?.ok(&[])?;
                upload_size(path, response.config.upload_size, note)
            },
        )
        .await;
}

fn upload_size(path: String, size: Option<matrix_api::UInt>, note: String) -> StepResult<()> {
    match size {
        Some(size) if size > matrix_api::UInt::MIN => {
            Ok(((), format!("{path}: m.upload.size {size}; {note}")))
        }
        other => Err(format!("{path}: m.upload.size {other:?}, expected a limit")),
    }
}

/// The path the client decides for this request against the server's versions.
async fn decided_path<R: OutgoingRequest>(client: &Client, _: &R) -> Result<String, String> {
    let decision = client
        .decide(&R::METADATA)
        .await
        .map_err(|e| format!("deciding the path: {e}"))?;
    Ok(decision.path().map_err(|e| e.to_string())?.to_owned())
}

// URL previews.

async fn preview_steps(report: &mut Report, ulla: &User) {
    const URL: &str = "https://matrix.org/";
    report
        .step(
            "media: GET /v3/preview_url (legacy; url_preview_enabled: false: the error parses)",
            async {
                let request = get_media_preview::v3::Request::new(URL.to_owned());
                let path = decided_path(&ulla.client, &request).await?;
                let (err, note) = exchange(&ulla.client, request).await?.err(&[])?;
                previews_off(path, &err, note)
            },
        )
        .await;
    report
        .step(
            "media: GET /v1/media/preview_url (authenticated; url_preview_enabled: false: the \
             error parses)",
            async {
                let request =
                    authenticated_media::get_media_preview::v1::Request::new(URL.to_owned());
                let path = decided_path(&ulla.client, &request).await?;
                let (err, note) = exchange(&ulla.client, request).await?.err(&[])?;
                previews_off(path, &err, note)
            },
        )
        .await;
}

/// With previews off Synapse registers no preview resource, so the path is unknown to it.
fn previews_off(path: String, err: &MatrixError, note: String) -> StepResult<()> {
    expect_kind(err, StatusCode::NOT_FOUND, &ErrorKind::Unrecognized)
        .map_err(|e| format!("{path}: {e}"))?;
    Ok(((), format!("{path}: {err}; {note}")))
}
