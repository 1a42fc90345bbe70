//! The two generations of media download: the authenticated endpoint (MSC3916, v1.11) names
//! the unauthenticated one it replaced, whose paths a client uses on an older server.

use super::get_login_token::view;
use super::*;
use crate::selection::{Candidate, Reason, Signal};
use crate::{metadata, Metadata};

const R0: &str = "/_matrix/media/r0/download/{server_name}/{media_id}";
const V3: &str = "/_matrix/media/v3/download/{server_name}/{media_id}";
const MSC: &str =
    "/_matrix/client/unstable/org.matrix.msc3916/media/download/{server_name}/{media_id}";
const V1: &str = "/_matrix/client/v1/media/download/{server_name}/{media_id}";

const LEGACY: Metadata = metadata! {
    method: GET,
    rate_limited: false,
    authentication: None,
    history: {
        1.0 => "/_matrix/media/r0/download/{server_name}/{media_id}",
        1.1 => "/_matrix/media/v3/download/{server_name}/{media_id}",
        1.11 => deprecated,
    }
};

const AUTHENTICATED: Metadata = metadata! {
    method: GET,
    rate_limited: true,
    authentication: AccessToken,
    history: {
        unstable("org.matrix.msc3916") => "/_matrix/client/unstable/org.matrix.msc3916/media/download/{server_name}/{media_id}",
        1.11 | stable("org.matrix.msc3916.stable") => "/_matrix/client/v1/media/download/{server_name}/{media_id}",
    },
    legacy: LEGACY,
};

fn decide(versions: &[&str], flags: &[&str], policy: Policy) -> Decision {
    AUTHENTICATED.decide(&view(versions, flags), &policy)
}

#[test]
fn an_older_server_gets_the_replaced_endpoints_path() {
    let decision = decide(&["v1.1", "v1.5"], &[], Policy::Default);
    let choice = decision.outcome.unwrap();
    assert_eq!((choice.path, choice.rule), (V3, Rule::Legacy));
    assert_eq!(choice.evidence.unwrap().signal, Signal::Version(V1_1));
    assert_eq!(
        decision.to_string(),
        format!(
            "{V3}: the path of the endpoint this one replaced, as the server has none of its \
             own (v1.1 or later in /versions)"
        )
    );
    // The record names both endpoints' paths; the replaced one's are marked.
    let shown: Vec<String> = decision
        .candidates
        .iter()
        .map(Candidate::to_string)
        .collect();
    assert_eq!(
        shown,
        [
            format!("{MSC} (unstable, flag org.matrix.msc3916): the server does not announce org.matrix.msc3916"),
            format!("{V1} (stable, v1.11, flag org.matrix.msc3916.stable): the server announces neither v1.11 nor org.matrix.msc3916.stable"),
            format!("{R0} (stable, v1.0, replaced endpoint): available (v1.0 or later in /versions), but ranked below the chosen path"),
            format!("{V3} (stable, v1.1, replaced endpoint): chosen"),
        ]
    );
    let json = serde_json::to_value(&decision).unwrap();
    assert_eq!(json["chosen"]["rule"], "legacy");
    assert_eq!(json["candidates"][3]["legacy"], true);
    assert!(json["candidates"][0].get("legacy").is_none());
    // A fallback stays within the replaced endpoint.
    assert_eq!(decision.fallbacks(), [R0]);
    // The same rule without the record.
    let versions = SupportedVersions::from_versions(&[V1_1, V1_5]);
    assert_eq!(AUTHENTICATED.select_path(&versions), Ok(V3));
    assert_eq!(
        AUTHENTICATED.history.select_path(&versions),
        Err(IntoHttpError::EndpointNotSupported { endpoint: V1 })
    );
}

#[test]
fn a_server_with_the_endpoint_gets_its_own_path() {
    let decision = decide(&["v1.11"], &[], Policy::Default);
    assert_eq!(decision.path(), Ok(V1));
    assert_eq!(decision.outcome.unwrap().rule, Rule::NewestStable);
    // The replaced endpoint is deprecated on this server, but not used, so not reported.
    assert_eq!(decision.deprecated_in, None);
    let legacy: Vec<_> = decision.candidates.iter().filter(|c| c.legacy).collect();
    assert_eq!(legacy.len(), 2);
    assert!(legacy.iter().all(|c| c.reason == Some(Reason::Superseded)));
    assert!(legacy[1].to_string().ends_with(
        "(stable, v1.1, replaced endpoint): the replaced endpoint's, used only when the \
         server has none of its own"
    ));
    assert!(!decision.fallbacks().contains(&V3));

    // MSC3916's flags on a server that predates v1.11: the unstable path, or the stable
    // one early; never the unauthenticated one.
    assert_eq!(
        decide(&["v1.5"], &["org.matrix.msc3916"], Policy::Default).path(),
        Ok(MSC)
    );
    assert_eq!(
        decide(
            &["v1.7", "v1.10"],
            &["org.matrix.msc3916.stable"],
            Policy::Default
        )
        .path(),
        Ok(V1)
    );
    let versions = SupportedVersions::from_versions(&[V1_5]).with_feature("org.matrix.msc3916");
    assert_eq!(AUTHENTICATED.select_path(&versions), Ok(MSC));
}

#[test]
fn policies_apply_to_the_replaced_endpoint_too() {
    // The replaced endpoint's paths are stable: a stable-only client takes them.
    let stable_only = decide(&["v1.5"], &["org.matrix.msc3916"], Policy::StableOnly);
    assert_eq!(stable_only.path(), Ok(V3));
    assert_eq!(stable_only.outcome.unwrap().rule, Rule::Legacy);
    let prefer = decide(&["v1.11"], &["org.matrix.msc3916"], Policy::PreferUnstable);
    assert_eq!(prefer.path(), Ok(MSC));
    // A forced path may be the replaced endpoint's.
    let forced = decide(&["v1.11"], &[], Policy::Force(R0.to_owned()));
    let choice = forced.outcome.unwrap();
    assert_eq!((choice.path, choice.rule), (R0, Rule::Forced));
    assert!(forced.others().all(|c| c.reason == Some(Reason::NotForced)));
    let own = decide(&["v1.11"], &[], Policy::Force(MSC.to_owned()));
    assert_eq!(own.path(), Ok(MSC));
    assert!(own.others().all(|c| c.reason == Some(Reason::NotForced)));
    let unknown = decide(&["v1.11"], &[], Policy::Force("/elsewhere".to_owned()));
    assert_eq!(unknown.outcome, Err(Refusal::UnknownPath));
}

#[test]
fn a_server_with_neither_refuses_with_this_endpoints_name() {
    let decision = decide(&[], &[], Policy::Default);
    assert_eq!(decision.outcome, Err(Refusal::NotSupported));
    assert_eq!(
        decision.path(),
        Err(IntoHttpError::EndpointNotSupported { endpoint: V1 })
    );
    assert!(decision.candidates.iter().all(|c| c.reason.is_some()));
    assert_eq!(
        AUTHENTICATED.select_path(&SupportedVersions::from_versions(&[])),
        Err(IntoHttpError::EndpointNotSupported { endpoint: V1 })
    );
}

#[test]
fn a_client_may_send_on_every_path_of_both() {
    let paths: Vec<_> = AUTHENTICATED.client_paths().collect();
    assert_eq!(paths, [MSC, V1, R0, V3]);
    // A server routes only its own.
    assert_eq!(AUTHENTICATED.server_paths().collect::<Vec<_>>(), [MSC, V1]);
}
