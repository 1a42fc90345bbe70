//! Media downloads and thumbnails against Synapse, both generations of the content repository.
//!
//! dov uploads a small PNG, then downloads it through the authenticated endpoints of Matrix
//! v1.11 (MSC3916): as uploaded, under another file name (with a space and non-ASCII), and as
//! thumbnails cropped and scaled. The legacy unauthenticated endpoints are asked for the same
//! media: Synapse froze them (`enable_authenticated_media`, on by default), so new media is
//! `404 M_NOT_FOUND` there. A media ID that does not exist is `404 M_NOT_FOUND` on the
//! authenticated side too. Last, the authenticated requests as a client sends them to a server
//! older than v1.11: on the paths of the endpoints they replaced, a token only where those
//! endpoints ask for one.
//!
//! The responses are bytes, not JSON, so the shared lossless check does not fit them: each is
//! parsed into our type, written back out with it, and compared with Synapse's in status,
//! bytes and the two headers our types model ([`bytes_ok`]).

use std::collections::BTreeMap;

use matrix_api::error::ErrorKind;
use matrix_api::http::{header, StatusCode};
use matrix_api::selection::{Policy, Rule, ServerView};
use matrix_api::{
    AuthScheme, IncomingResponse, OutgoingRequest, OutgoingResponse, SendAccessToken, UInt,
};
use matrix_client_api::authenticated_media::{
    get_content, get_content_as_filename, get_content_thumbnail, get_media_config,
};
use matrix_client_api::media;
use matrix_login::flow::Client;
use ruma_common::{OwnedMxcUri, OwnedServerName};

use super::{users, User};
use crate::expect::expect_kind;
use crate::lossless::{exchange, exchange_on_path, Seen};
use crate::report::{Report, StepResult};
use crate::synapse::Admin;

/// A 64×48 PNG of four coloured quadrants: small enough to keep here, a real image for
/// Synapse's thumbnailer (Pillow), which refuses bytes that only start like a PNG.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x00, 0x30, 0x08, 0x02, 0x00, 0x00, 0x00, 0x2e, 0x29, 0xeb,
    0x48, 0x00, 0x00, 0x00, 0x4b, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0xed, 0xd0, 0x41, 0x09, 0x00,
    0x00, 0x0c, 0x02, 0xc0, 0xc5, 0xb1, 0x7f, 0x8a, 0xc5, 0x5a, 0x87, 0x81, 0xbf, 0x03, 0xdf, 0xca,
    0x39, 0x9b, 0x54, 0x53, 0xae, 0xdf, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x78, 0x01, 0xda, 0x03, 0xed, 0x83, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x5e, 0x39,
    0x0f, 0x37, 0x20, 0xc4, 0x39, 0x4d, 0xef, 0xba, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44,
    0xae, 0x42, 0x60, 0x82,
];

/// The file name of the upload.
const UPLOAD_NAME: &str = "quadrants.png";

/// The file name asked for on download: a space and non-ASCII, percent-encoded in the path.
const OTHER_NAME: &str = "Vier Felder – grün.png";

/// The uploaded media: the two parts of its `mxc://` URI.
struct Media {
    server_name: OwnedServerName,
    media_id: String,
}

/// The group's steps, in order.
pub async fn run(report: &mut Report, client: &Client, synapse: &Admin<'_>) {
    let Some([dov]) = users(report, client, synapse, "media", ["dov"]).await else {
        report.not_run(
            "media: every download and thumbnail step",
            "media: register and log in dov",
        );
        return;
    };
    let media = report
        .step(
            "media: POST /media/v3/upload (dov: a 64×48 PNG, by plain HTTP)",
            upload(&dov),
        )
        .await;
    let Some(media) = media else {
        report.not_run(
            "media: every download and thumbnail step",
            "media: POST /media/v3/upload",
        );
        return;
    };
    let c = &dov.client;
    report
        .step(
            "media: GET /v1/media/download/{serverName}/{mediaId} (the bytes as uploaded, \
             image/png, the upload's file name)",
            download(c, &media),
        )
        .await;
    report
        .step(
            "media: GET /v1/media/download/{serverName}/{mediaId}/{fileName} (a name with a \
             space and non-ASCII, in Content-Disposition)",
            download_as(c, &media),
        )
        .await;
    for method in [
        get_content_thumbnail::v1::Method::Crop,
        get_content_thumbnail::v1::Method::Scale,
    ] {
        let name = format!(
            "media: GET /v1/media/thumbnail/{{serverName}}/{{mediaId}} ({} 32×32: an image, \
             inline)",
            method.as_str()
        );
        report.step(&name, thumbnail(c, &media, method)).await;
    }
    report
        .step(
            "media: GET /v1/media/download/{serverName}/{mediaId} (a media ID that does not \
             exist: 404 M_NOT_FOUND)",
            unknown_media(c, &media),
        )
        .await;
    legacy_steps(report, c, &media).await;
    old_server_steps(report, c, &media).await;
}

/// Uploads [`PNG`] and returns its `mxc://` URI's parts. The upload endpoint
/// (`media::create_content`) is another group's, declared on another branch, so this goes
/// around our types with plain HTTP.
async fn upload(user: &User) -> StepResult<Media> {
    let url = format!(
        "{}/_matrix/media/v3/upload?filename={UPLOAD_NAME}",
        user.client.homeserver().trim_end_matches('/')
    );
    let response = reqwest::Client::new()
        .post(url)
        .bearer_auth(&user.device.access_token)
        .header(header::CONTENT_TYPE, "image/png")
        .body(PNG)
        .send()
        .await
        .map_err(|e| format!("upload: {e}"))?;
    let status = response.status();
    let body: serde_json::Value = response
        .json()
        .await
        .map_err(|e| format!("upload answered {status} without JSON: {e}"))?;
    let Some(uri) = body.get("content_uri").and_then(|v| v.as_str()) else {
        return Err(format!("upload answered {status} {body}, no content_uri"));
    };
    let uri = OwnedMxcUri::from(uri);
    let (server_name, media_id) = uri
        .parts()
        .map_err(|e| format!("content_uri {uri} is not a valid mxc URI: {e}"))?;
    let media = Media {
        server_name: server_name.to_owned(),
        media_id: media_id.to_owned(),
    };
    Ok((media, format!("{uri}, {} bytes", PNG.len())))
}

/// The authenticated download: the bytes as uploaded, the upload's type, and the upload's file
/// name in `Content-Disposition`.
async fn download(client: &Client, media: &Media) -> StepResult<()> {
    let request = get_content::v1::Request::new(media.server_name.clone(), media.media_id.clone());
    let (response, note) = bytes_ok(&exchange(client, request).await?)?;
    let response: get_content::v1::Response = response;
    same_bytes(&response.file)?;
    let content_type = header_is(
        response.content_type.as_deref(),
        "Content-Type",
        "image/png",
    )?;
    let disposition = disposition_names(response.content_disposition.as_deref(), UPLOAD_NAME)?;
    Ok(((), format!("{content_type}; {disposition}; {note}")))
}

/// The authenticated download under another name: Synapse puts the requested name into
/// `Content-Disposition` (as `filename*=utf-8''…` since it is not ASCII).
async fn download_as(client: &Client, media: &Media) -> StepResult<()> {
    let request = get_content_as_filename::v1::Request::new(
        media.server_name.clone(),
        media.media_id.clone(),
        OTHER_NAME.to_owned(),
    );
    let (response, note) = bytes_ok(&exchange(client, request).await?)?;
    let response: get_content_as_filename::v1::Response = response;
    same_bytes(&response.file)?;
    let content_type = header_is(
        response.content_type.as_deref(),
        "Content-Type",
        "image/png",
    )?;
    let disposition = disposition_names(response.content_disposition.as_deref(), OTHER_NAME)?;
    Ok(((), format!("{content_type}; {disposition}; {note}")))
}

/// A thumbnail: an image (checked by its content type and its PNG or JPEG signature), shown
/// inline.
async fn thumbnail(
    client: &Client,
    media: &Media,
    method: get_content_thumbnail::v1::Method,
) -> StepResult<()> {
    let mut request = get_content_thumbnail::v1::Request::new(
        media.server_name.clone(),
        media.media_id.clone(),
        UInt::from(32u32),
        UInt::from(32u32),
    );
    request.method = Some(method);
    request.animated = Some(false);
    let (response, note) = bytes_ok(&exchange(client, request).await?)?;
    let response: get_content_thumbnail::v1::Response = response;
    let content_type = response.content_type.as_deref().unwrap_or("none");
    let signature_fits = match content_type {
        "image/png" => response.file.starts_with(&PNG[..8]),
        "image/jpeg" => response.file.starts_with(&[0xff, 0xd8, 0xff]),
        _ => false,
    };
    if !signature_fits {
        return Err(format!(
            "Content-Type {content_type} with {} bytes starting {:02x?}: not a PNG or JPEG image",
            response.file.len(),
            &response.file[..response.file.len().min(8)]
        ));
    }
    let disposition = response.content_disposition.as_deref().unwrap_or("");
    if !disposition.starts_with("inline") {
        return Err(format!(
            "Content-Disposition `{disposition}`, the specification says inline"
        ));
    }
    Ok((
        (),
        format!(
            "{content_type}, {} bytes, Content-Disposition `{disposition}`; {note}",
            response.file.len()
        ),
    ))
}

/// A media ID of the right server that was never uploaded.
async fn unknown_media(client: &Client, media: &Media) -> StepResult<()> {
    let request =
        get_content::v1::Request::new(media.server_name.clone(), "NoSuchMediaDov".to_owned());
    let (err, note) = exchange(client, request).await?.err(&[])?;
    expect_kind(&err, StatusCode::NOT_FOUND, &ErrorKind::NotFound)?;
    Ok(((), format!("{err}; {note}")))
}

// The legacy unauthenticated generation.

async fn legacy_steps(report: &mut Report, client: &Client, media: &Media) {
    let request =
        media::get_content::v3::Request::new(media.server_name.clone(), media.media_id.clone());
    report
        .step(
            "media: GET /media/v3/download/{serverName}/{mediaId} (no token, media uploaded \
             after the freeze: 404 M_NOT_FOUND)",
            frozen(client, request),
        )
        .await;
    let request = media::get_content_as_filename::v3::Request::new(
        media.server_name.clone(),
        media.media_id.clone(),
        OTHER_NAME.to_owned(),
    );
    report
        .step(
            "media: GET /media/v3/download/{serverName}/{mediaId}/{fileName} (no token, media \
             uploaded after the freeze: 404 M_NOT_FOUND)",
            frozen(client, request),
        )
        .await;
    let mut request = media::get_content_thumbnail::v3::Request::new(
        media.server_name.clone(),
        media.media_id.clone(),
        UInt::from(32u32),
        UInt::from(32u32),
    );
    request.method = Some(media::get_content_thumbnail::v3::Method::Scale);
    report
        .step(
            "media: GET /media/v3/thumbnail/{serverName}/{mediaId} (no token, media uploaded \
             after the freeze: 404 M_NOT_FOUND)",
            frozen(client, request),
        )
        .await;
}

/// A legacy endpoint asked for media uploaded since Synapse froze unauthenticated access: the
/// specification's `404 M_NOT_FOUND`, read as our error type. The request carries no token, as
/// the endpoints have no authentication (Synapse's access log shows the requester `None`).
async fn frozen<R>(client: &Client, request: R) -> StepResult<()>
where
    R: OutgoingRequest<EndpointError = matrix_api::error::MatrixError> + Clone,
    R::IncomingResponse: OutgoingResponse + Clone,
{
    let seen = exchange(client, request).await?;
    let (err, note) = seen.err(&[])?;
    expect_kind(&err, StatusCode::NOT_FOUND, &ErrorKind::NotFound)?;
    Ok(((), format!("{err}; {note}")))
}

// The authenticated endpoints on a server older than v1.11.

/// The authenticated endpoints as a client decides for a server announcing only v1.5 (Synapse
/// announces v1.11 and later; the view is the older server's): the client falls back to the
/// endpoints they replaced, on Synapse's real legacy paths, each with its own authentication.
async fn old_server_steps(report: &mut Report, client: &Client, media: &Media) {
    let request = get_content::v1::Request::new(media.server_name.clone(), media.media_id.clone());
    report
        .step(
            "media: authenticated download for a v1.5 server (falls back to GET \
             /media/v3/download/{serverName}/{mediaId} without a token; frozen media: 404 \
             M_NOT_FOUND)",
            on_old_server(client, request, |seen| {
                let (err, note) = seen.err(&[])?;
                expect_kind(&err, StatusCode::NOT_FOUND, &ErrorKind::NotFound)?;
                Ok(format!("{err}; {note}"))
            }),
        )
        .await;
    report
        .step(
            "media: authenticated media config for a v1.5 server (falls back to GET \
             /media/v3/config with the token; the limits of /v1/media/config)",
            old_server_config(client),
        )
        .await;
}

/// The legacy media config, reached through the authenticated endpoint's request, answers
/// what the authenticated endpoint answers.
async fn old_server_config(client: &Client) -> StepResult<()> {
    let (current, _) = exchange(client, get_media_config::v1::Request::new())
        .await?
        .ok(&[])?;
    on_old_server(client, get_media_config::v1::Request::new(), |seen| {
        let (old, note) = seen.ok(&[])?;
        if old.config != current.config {
            return Err(format!(
                "the legacy path answered {:?}, /v1/media/config {:?}",
                old.config, current.config
            ));
        }
        Ok(format!(
            "m.upload.size {:?} on both paths; {note}",
            old.config.upload_size
        ))
    })
    .await
}

/// Decides `request`'s path for a server announcing only v1.5, checks that the path is the
/// replaced endpoint's and that the request carries a token exactly when that endpoint asks
/// for one, sends it to Synapse and checks the answer with `check`.
async fn on_old_server<R>(
    client: &Client,
    request: R,
    check: impl FnOnce(&Seen<R>) -> Result<String, String>,
) -> StepResult<()>
where
    R: OutgoingRequest + Clone,
{
    let mut old_server = ServerView::new();
    old_server.learn_versions(&["v1.5"], &BTreeMap::<String, bool>::new());
    let decision = R::METADATA.decide(&old_server, &Policy::Default);
    let choice = decision
        .outcome
        .map_err(|_| format!("no path for a v1.5 server: {decision}"))?;
    let Some(legacy) = R::METADATA.legacy.filter(|_| choice.rule == Rule::Legacy) else {
        return Err(format!("not the replaced endpoint's path: {decision}"));
    };
    let token = client.access_token();
    let token = token
        .as_deref()
        .map_or(SendAccessToken::None, SendAccessToken::IfRequired);
    let sent = request
        .clone()
        .try_into_http_request_with_path(choice.path, client.homeserver(), token)
        .map_err(|e| e.to_string())?;
    let with_token = sent.headers().contains_key(header::AUTHORIZATION);
    let wants_token = legacy.authentication != AuthScheme::None;
    if with_token != wants_token {
        return Err(format!(
            "{} sent {} a token, but the replaced endpoint's authentication is {:?}",
            sent.uri().path(),
            if with_token { "with" } else { "without" },
            legacy.authentication
        ));
    }
    let seen = exchange_on_path(client, request, choice.path).await?;
    let note = check(&seen)?;
    let token = if with_token { "with" } else { "without" };
    Ok(((), format!("{} {token} a token: {note}", choice.path)))
}

// Checks of byte responses.

/// The success response of a byte endpoint, checked to lose nothing: parsed into our type,
/// written back out with it, and compared with Synapse's answer in status, body bytes,
/// `Content-Type` and `Content-Disposition`.
fn bytes_ok<R>(seen: &Seen<R>) -> Result<(R::IncomingResponse, String), String>
where
    R: OutgoingRequest,
    R::IncomingResponse: OutgoingResponse + Clone,
{
    let raw = &seen.raw;
    let response = R::IncomingResponse::try_from_http_response(raw.clone()).map_err(|e| {
        format!(
            "expected success, got {}: {e} ({})",
            raw.status(),
            String::from_utf8_lossy(raw.body())
        )
    })?;
    let ours = response
        .clone()
        .try_into_http_response()
        .map_err(|e| format!("our type does not write back: {e}"))?;
    if ours.status() != raw.status() {
        return Err(format!(
            "status {} written back as {}",
            raw.status(),
            ours.status()
        ));
    }
    if ours.body() != raw.body() {
        return Err(format!(
            "{} bytes written back as {} different bytes",
            raw.body().len(),
            ours.body().len()
        ));
    }
    for name in [header::CONTENT_TYPE, header::CONTENT_DISPOSITION] {
        if ours.headers().get(&name) != raw.headers().get(&name) {
            return Err(format!(
                "header {name}: Synapse sent {:?}, our type wrote {:?}",
                raw.headers().get(&name),
                ours.headers().get(&name)
            ));
        }
    }
    Ok((response, format!("{} bytes, lossless", raw.body().len())))
}

/// The downloaded bytes are the uploaded ones.
fn same_bytes(file: &[u8]) -> Result<(), String> {
    if file != PNG {
        return Err(format!(
            "downloaded {} bytes, not the {} uploaded",
            file.len(),
            PNG.len()
        ));
    }
    Ok(())
}

/// A header has the expected value.
fn header_is(value: Option<&str>, name: &str, expected: &str) -> Result<String, String> {
    match value {
        Some(value) if value == expected => Ok(format!("{name} {value}")),
        other => Err(format!("{name} {other:?}, expected {expected}")),
    }
}

/// `Content-Disposition` is `inline` or `attachment` and names `file_name`, as `filename="…"`
/// or, percent-encoded in UTF-8, as `filename*=utf-8''…` (RFC 6266).
fn disposition_names(value: Option<&str>, file_name: &str) -> Result<String, String> {
    let Some(value) = value else {
        return Err("no Content-Disposition (required since Matrix v1.12)".to_owned());
    };
    let kind_fits = value.starts_with("inline") || value.starts_with("attachment");
    let plain = format!("filename=\"{file_name}\"");
    let plain_bare = format!("filename={file_name}");
    let encoded = format!("filename*=utf-8''{}", percent_encode(file_name));
    let lower = value.to_ascii_lowercase();
    let names = value.contains(&plain)
        || value.contains(&plain_bare)
        || lower.contains(&encoded.to_ascii_lowercase());
    if !kind_fits || !names {
        return Err(format!(
            "Content-Disposition `{value}`: expected inline or attachment naming `{file_name}`"
        ));
    }
    Ok(format!("Content-Disposition `{value}`"))
}

/// RFC 5987's encoding of a value: every byte but letters, digits and `!#$&+-.^_`|~` as
/// `%XX`.
fn percent_encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}
