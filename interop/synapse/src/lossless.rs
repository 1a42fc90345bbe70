//! The check every step makes of every answer: Synapse's response is parsed into our types and
//! written back out with the same types (`OutgoingResponse`), and the two must agree in status
//! and JSON body. Parsing alone would not notice a field our types silently drop.
//!
//! Two differences are allowed: fields a step names as deliberately not modelled (such as
//! get_token's legacy `expires_in`), and fields whose value is the default our types omit
//! (`false`, `[]`, `{}`, `null`).

use matrix_api::{
    FromHttpResponseError, IncomingResponse, OutgoingRequest, OutgoingResponse, SendAccessToken,
};
use matrix_client_api::client::{ReqwestTransport, Transport};
use matrix_login::flow::Client;
use serde_json::Value;

/// An answer exactly as Synapse sent it: status, headers and body.
pub type RawResponse = matrix_api::http::Response<Vec<u8>>;

/// One exchange with Synapse: the response as it came, and what our types made of it.
pub struct Seen<R: OutgoingRequest> {
    /// The response as it came, for checks of what our types do not keep (headers, raw JSON).
    pub raw: RawResponse,
    /// What our types made of it; read through [`Seen::ok`] and [`Seen::err`], which check it.
    parsed: Result<R::IncomingResponse, FromHttpResponseError<R::EndpointError>>,
}

/// Sends `request` through the project's client glue (`Client::send_unparsed`: the path the
/// client decides, the token of the session it acts as) and keeps the answer both ways. The
/// session is the client's: pass `LoggedIn::client` for a device, the server's client for none.
pub async fn exchange<R>(client: &Client, request: R) -> Result<Seen<R>, String>
where
    R: OutgoingRequest + Clone,
{
    let raw = client
        .send_unparsed(request)
        .await
        .map_err(|e| e.to_string())?;
    let parsed = R::IncomingResponse::try_from_http_response(raw.clone());
    Ok(Seen { raw, parsed })
}

/// [`exchange`] with the token given rather than the client's: `SendAccessToken::Always` for a
/// server that wants a token where the specification asks for none, `Appservice` for an
/// application service's. The path is the one the client decides; the request goes over a
/// transport of its own, as `Client` sends every token `IfRequired`.
pub async fn exchange_with_token<R>(
    client: &Client,
    request: R,
    token: SendAccessToken<'_>,
) -> Result<Seen<R>, String>
where
    R: OutgoingRequest + Clone,
{
    let decision = client
        .decide(&R::METADATA)
        .await
        .map_err(|e| e.to_string())?;
    let path = client.path_for(&decision).map_err(|e| e.to_string())?;
    let request = request
        .try_into_http_request_with_path(path, client.homeserver(), token)
        .map_err(|e| e.to_string())?;
    let raw = ReqwestTransport::new()
        .send(request)
        .await
        .map_err(|e| e.to_string())?;
    let parsed = R::IncomingResponse::try_from_http_response(raw.clone());
    Ok(Seen { raw, parsed })
}

/// [`exchange`] on a path of the caller's, one of the endpoint's own, with the client's token:
/// for an endpoint the server announces neither the version nor the feature flag of, where the
/// client decides no path at all, to see what the server answers there.
pub async fn exchange_on_path<R>(
    client: &Client,
    request: R,
    path: &'static str,
) -> Result<Seen<R>, String>
where
    R: OutgoingRequest + Clone,
{
    let token = client.access_token();
    let token = match token.as_deref() {
        Some(token) => SendAccessToken::IfRequired(token),
        None => SendAccessToken::None,
    };
    let request = request
        .try_into_http_request_with_path(path, client.homeserver(), token)
        .map_err(|e| e.to_string())?;
    let raw = ReqwestTransport::new()
        .send(request)
        .await
        .map_err(|e| e.to_string())?;
    let parsed = R::IncomingResponse::try_from_http_response(raw.clone());
    Ok(Seen { raw, parsed })
}

impl<R: OutgoingRequest> Seen<R>
where
    R::IncomingResponse: OutgoingResponse + Clone,
    R::EndpointError: Clone,
{
    /// The success response, checked to lose nothing but the `ignored` fields.
    pub fn ok(&self, ignored: &[&str]) -> Result<(R::IncomingResponse, String), String> {
        match &self.parsed {
            Ok(response) => {
                let note = lossless(&self.raw, response.clone(), ignored)?;
                Ok((response.clone(), note))
            }
            Err(err) => Err(format!(
                "expected success, got {}: {}",
                self.raw.status(),
                describe(err)
            )),
        }
    }

    /// The error response, checked to lose nothing but the `ignored` fields.
    pub fn err(&self, ignored: &[&str]) -> Result<(R::EndpointError, String), String> {
        match &self.parsed {
            Err(FromHttpResponseError::Server(err)) => {
                let note = lossless(&self.raw, err.clone(), ignored)?;
                Ok((err.clone(), note))
            }
            Err(err) => Err(format!("unreadable error response: {err}")),
            Ok(_) => Err(format!("expected an error, got {}", self.raw.status())),
        }
    }
}

/// A server error shows as the error itself: the status is already in the line, so the
/// wrapper's "the server answered:" would only repeat it.
fn describe<E: std::fmt::Display>(err: &FromHttpResponseError<E>) -> String {
    match err {
        FromHttpResponseError::Server(err) => err.to_string(),
        other => other.to_string(),
    }
}

/// Writes `ours` back out with our types and compares it with what Synapse sent: status and
/// JSON body. Returns a note naming the fields our types deliberately ignored.
fn lossless<T: OutgoingResponse>(
    raw: &RawResponse,
    ours: T,
    ignored: &[&str],
) -> Result<String, String> {
    let theirs: Value = serde_json::from_slice(raw.body())
        .map_err(|e| format!("Synapse's body is not JSON ({e})"))?;
    let ours = ours
        .try_into_http_response()
        .map_err(|e| format!("our type does not serialise back: {e}"))?;
    if ours.status() != raw.status() {
        return Err(format!(
            "status {} read back as {}",
            raw.status(),
            ours.status()
        ));
    }
    let ours: Value =
        serde_json::from_slice(ours.body()).map_err(|e| format!("our type wrote no JSON ({e})"))?;
    let mut skipped = Vec::new();
    compare(&theirs, &ours, "", ignored, &mut skipped)?;
    Ok(if skipped.is_empty() {
        "lossless".to_owned()
    } else {
        format!("lossless; not modelled, ignored: {}", skipped.join(", "))
    })
}

/// Values our types do not write because they equal the default.
fn is_default(value: &Value) -> bool {
    match value {
        Value::Null | Value::Bool(false) => true,
        Value::Array(items) => items.is_empty(),
        Value::Object(fields) => fields.is_empty(),
        _ => false,
    }
}

/// Compares Synapse's JSON (`theirs`) with ours at the dotted path `at`, both ways, so that a
/// field our types invent fails as surely as one they drop. Dropped `ignored` fields are
/// collected in `skipped` for the step's line instead of failing.
fn compare(
    theirs: &Value,
    ours: &Value,
    at: &str,
    ignored: &[&str],
    skipped: &mut Vec<String>,
) -> Result<(), String> {
    let field = |key: &str| {
        if at.is_empty() {
            key.to_owned()
        } else {
            format!("{at}.{key}")
        }
    };
    match (theirs, ours) {
        (Value::Object(theirs), Value::Object(ours)) => {
            for (key, value) in theirs {
                let path = field(key);
                match ours.get(key) {
                    Some(our_value) => compare(value, our_value, &path, ignored, skipped)?,
                    None if is_default(value) => {}
                    None if ignored.contains(&path.as_str()) => skipped.push(path),
                    None => return Err(format!("field `{path}` ({value}) lost by our types")),
                }
            }
            for (key, value) in ours {
                if !theirs.contains_key(key) && !is_default(value) {
                    return Err(format!(
                        "field `{}` ({value}) added by our types",
                        field(key)
                    ));
                }
            }
            Ok(())
        }
        (Value::Array(theirs), Value::Array(ours)) if theirs.len() == ours.len() => {
            for (i, (t, o)) in theirs.iter().zip(ours).enumerate() {
                compare(t, o, &field(&i.to_string()), ignored, skipped)?;
            }
            Ok(())
        }
        _ if theirs == ours => Ok(()),
        _ => Err(format!(
            "`{}`: Synapse sent {theirs}, our types read back {ours}",
            if at.is_empty() { "body" } else { at }
        )),
    }
}
