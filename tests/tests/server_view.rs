//! What real servers say, read through our response types into a `ServerView`, and the
//! decisions for `login/get_token` that follow: Synapse with the feature on and off (answers
//! recorded from Synapse 1.163), and servers of MSC3882's revisions 0 and 1; and the media
//! endpoint a client reaches on servers before and after authenticated media (v1.11).

use http::StatusCode;
use matrix_api::selection::{GateState, Policy, Reason, Refusal, Rule, ServerView, Source};
use matrix_api::{IncomingResponse, IntoHttpError};
use matrix_client_api::discovery::{get_capabilities, get_supported_versions};
use matrix_client_api::session::{get_login_token, get_login_types};
use serde_json::{json, Value};

const R0: &str = "/_matrix/client/unstable/org.matrix.msc3882/login/token";
const R1: &str = "/_matrix/client/unstable/org.matrix.msc3882/login/get_token";
const STABLE: &str = "/_matrix/client/v1/login/get_token";

fn read<R: IncomingResponse>(body: Value) -> R
where
    R::EndpointError: std::fmt::Debug,
{
    let response = http::Response::builder()
        .status(StatusCode::OK)
        .body(serde_json::to_vec(&body).unwrap())
        .unwrap();
    R::try_from_http_response(response).unwrap()
}

/// A view learnt from the three answers, as a client would get them (`None`: not asked).
fn view(versions: Value, flows: Option<Value>, capabilities: Option<Value>) -> ServerView {
    let mut view = ServerView::new();
    view.learn(&read::<get_supported_versions::Response>(versions));
    if let Some(flows) = flows {
        view.learn(&read::<get_login_types::v3::Response>(flows));
    }
    if let Some(capabilities) = capabilities {
        view.learn(&read::<get_capabilities::v3::Response>(capabilities));
    }
    view
}

fn synapse_versions(msc3882: bool) -> Value {
    json!({
        "versions": ["r0.0.1", "r0.6.1", "v1.1", "v1.6", "v1.7", "v1.12", "v1.15"],
        "unstable_features": { "org.matrix.msc3882": msc3882, "org.matrix.msc3981": true }
    })
}

fn synapse_capabilities(get_login_token: bool) -> Value {
    json!({ "capabilities": {
        "m.change_password": { "enabled": true },
        "m.get_login_token": { "enabled": get_login_token },
        "m.room_versions": { "default": "12", "available": { "12": "stable" } },
        "m.set_displayname": { "enabled": true }
    }})
}

fn decide(view: &ServerView, policy: &Policy) -> matrix_api::selection::Decision {
    get_login_token::v1::Request::METADATA.decide(view, policy)
}

#[test]
fn synapse_with_the_feature_on() {
    let flows = json!({ "flows": [
        { "type": "m.login.token", "get_login_token": true },
        { "type": "m.login.password" },
        { "type": "m.login.application_service" }
    ]});
    // Before login: /versions and GET /login; the flow flag opens the gate.
    let before = view(synapse_versions(true), Some(flows.clone()), None);
    assert_eq!(before.missing(), [Source::Capabilities]);
    let decision = decide(&before, &Policy::Default);
    assert_eq!(decision.path(), Ok(STABLE));
    assert_eq!(
        decision.gate.unwrap().state,
        GateState::Open(Source::LoginFlows)
    );

    // After login, /capabilities decides.
    let after = view(
        synapse_versions(true),
        Some(flows),
        Some(synapse_capabilities(true)),
    );
    let decision = decide(&after, &Policy::Default);
    assert_eq!(decision.path(), Ok(STABLE));
    assert_eq!(decision.outcome.unwrap().rule, Rule::NewestStable);
    assert_eq!(
        decision.gate.unwrap().state,
        GateState::Open(Source::Capabilities)
    );
    // Synapse still announces revision 0's flag: the path a client may fall back to.
    assert_eq!(decision.fallbacks(), [R0]);
    assert_eq!(decide(&after, &Policy::PreferUnstable).path(), Ok(R0));
    // Unknown capabilities and features are kept in the view, by source.
    assert_eq!(
        after.announced_by("m.set_displayname"),
        Some(Source::Capabilities)
    );
    assert_eq!(
        after.announced_by("org.matrix.msc3981"),
        Some(Source::Versions)
    );
}

#[test]
fn synapse_with_the_feature_off_is_not_called() {
    // Synapse's default: the flag false, no token flow, the capability disabled.
    let flows = json!({ "flows": [{ "type": "m.login.password" }] });
    let off = view(
        synapse_versions(false),
        Some(flows),
        Some(synapse_capabilities(false)),
    );
    let decision = decide(&off, &Policy::Default);
    assert_eq!(decision.outcome, Err(Refusal::NotAvailable));
    assert_eq!(
        decision.path(),
        Err(IntoHttpError::EndpointNotAvailable {
            endpoint: STABLE,
            capability: "m.get_login_token",
            state: GateState::Disabled
        })
    );
    let reasons: Vec<_> = decision.candidates.iter().map(|c| c.reason).collect();
    assert_eq!(
        reasons,
        [
            Some(Reason::FlagDisabled(Source::Versions)),
            Some(Reason::NotAnnounced),
            Some(Reason::GateClosed)
        ]
    );
    // Forcing is the caller's call, recorded as such.
    let forced = decide(&off, &Policy::Force(STABLE.to_owned()));
    assert_eq!(forced.path(), Ok(STABLE));
    assert_eq!(forced.gate.unwrap().state, GateState::Disabled);
}

#[test]
fn a_server_of_revision_0() {
    // Synapse 1.69–1.85: up to v1.5, the MSC's flag, no such capability.
    let r0 = view(
        json!({ "versions": ["r0.6.1", "v1.1", "v1.5"], "unstable_features": { "org.matrix.msc3882": true } }),
        None,
        Some(json!({ "capabilities": { "m.change_password": { "enabled": true } } })),
    );
    let decision = decide(&r0, &Policy::Default);
    assert_eq!(decision.path(), Ok(R0));
    assert_eq!(decision.outcome.unwrap().rule, Rule::AnnouncedUnstable);
    assert_eq!(
        decide(&r0, &Policy::StableOnly).outcome,
        Err(Refusal::NotSupported)
    );
}

#[test]
fn a_server_of_revision_1() {
    let r1 = view(
        json!({ "versions": ["v1.1", "v1.6"], "unstable_features": {} }),
        None,
        Some(
            json!({ "capabilities": { "org.matrix.msc3882.get_login_token": { "enabled": true } } }),
        ),
    );
    let decision = decide(&r1, &Policy::Default);
    assert_eq!(decision.path(), Ok(R1));
    assert_eq!(
        decision.outcome.unwrap().evidence.unwrap().source,
        Source::Capabilities
    );
}

/// The two generations of media: the authenticated endpoints (v1.11) fall back to the
/// unauthenticated ones they replaced on an older server, and each path goes out with the
/// authentication of the endpoint it belongs to.
mod media_generations {
    use matrix_api::selection::{Policy, Rule};
    use matrix_api::uint;
    use matrix_api::{MatrixVersion, OutgoingRequest, SendAccessToken, SupportedVersions};
    use matrix_client_api::authenticated_media::{
        get_content, get_content_thumbnail, get_media_config,
    };
    use ruma_common::owned_server_name;
    use serde_json::json;

    use super::view;

    const BASE: &str = "https://matrix.example.org";

    fn download() -> get_content::v1::Request {
        get_content::v1::Request::new(owned_server_name!("example.org"), "abc".to_owned())
    }

    /// The URI and `Authorization` header of a request built on the path the server gets.
    fn sent<R: OutgoingRequest>(
        request: R,
        versions: &[&str],
        flags: &[&str],
    ) -> (String, Option<String>) {
        let flags: serde_json::Map<_, _> =
            flags.iter().map(|f| (f.to_string(), json!(true))).collect();
        let server = view(
            json!({ "versions": versions, "unstable_features": flags }),
            None,
            None,
        );
        let decision = R::METADATA.decide(&server, &Policy::Default);
        let path = decision.path().unwrap();
        let request = request
            .try_into_http_request_with_path(path, BASE, SendAccessToken::IfRequired("tok"))
            .unwrap();
        let auth = request
            .headers()
            .get(http::header::AUTHORIZATION)
            .map(|v| v.to_str().unwrap().to_owned());
        (request.uri().to_string(), auth)
    }

    #[test]
    fn a_v1_5_server_gets_the_unauthenticated_download_without_a_token() {
        let (uri, auth) = sent(download(), &["r0.6.1", "v1.1", "v1.5"], &[]);
        assert_eq!(
            uri,
            format!("{BASE}/_matrix/media/v3/download/example.org/abc")
        );
        assert_eq!(auth, None);
        let mut thumbnail = get_content_thumbnail::v1::Request::new(
            owned_server_name!("example.org"),
            "abc".to_owned(),
            uint!(64),
            uint!(48),
        );
        thumbnail.method = Some(get_content_thumbnail::v1::Method::Scale);
        let (uri, auth) = sent(thumbnail, &["v1.5"], &[]);
        assert_eq!(
            uri,
            format!(
                "{BASE}/_matrix/media/v3/thumbnail/example.org/abc?width=64&height=48&method=scale"
            )
        );
        assert_eq!(auth, None);
        // The replaced media config endpoint required a token, and still gets it.
        let (uri, auth) = sent(get_media_config::v1::Request::new(), &["v1.5"], &[]);
        assert_eq!(uri, format!("{BASE}/_matrix/media/v3/config"));
        assert_eq!(auth.as_deref(), Some("Bearer tok"));
        // The rule without a view: the same path.
        let versions = SupportedVersions::from_versions(&[MatrixVersion::V1_5]);
        let request = download()
            .try_into_http_request(BASE, SendAccessToken::IfRequired("tok"), &versions)
            .unwrap();
        assert_eq!(
            request.uri().path(),
            "/_matrix/media/v3/download/example.org/abc"
        );
        assert!(request.headers().get(http::header::AUTHORIZATION).is_none());
    }

    #[test]
    fn a_v1_11_server_or_one_announcing_msc3916_gets_the_authenticated_download() {
        let (uri, auth) = sent(download(), &["v1.5", "v1.11"], &[]);
        assert_eq!(
            uri,
            format!("{BASE}/_matrix/client/v1/media/download/example.org/abc")
        );
        assert_eq!(auth.as_deref(), Some("Bearer tok"));
        let (uri, auth) = sent(download(), &["v1.5"], &["org.matrix.msc3916"]);
        assert_eq!(
            uri,
            format!(
                "{BASE}/_matrix/client/unstable/org.matrix.msc3916/media/download/example.org/abc"
            )
        );
        assert_eq!(auth.as_deref(), Some("Bearer tok"));
        let (uri, _) = sent(download(), &["v1.10"], &["org.matrix.msc3916.stable"]);
        assert_eq!(
            uri,
            format!("{BASE}/_matrix/client/v1/media/download/example.org/abc")
        );
        // Synapse's own /versions (1.163): the stable path.
        let synapse = view(super::synapse_versions(false), None, None);
        let decision = get_content::v1::Request::METADATA.decide(&synapse, &Policy::Default);
        assert_eq!(decision.outcome.unwrap().rule, Rule::NewestStable);
    }
}
