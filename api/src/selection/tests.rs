use super::*;
use crate::history::{StablePath, StablePathSelector, UnstablePath};
use MatrixVersion::*;

const UNSTABLE_MSC: &str = "/_matrix/client/unstable/org.matrix.msc3882/login/get_token";

const STABLE_V1: &str = "/_matrix/client/v1/login/get_token";

fn server(versions: &[MatrixVersion]) -> SupportedVersions {
    SupportedVersions::from_versions(versions)
}

const GET_TOKEN: VersionHistory = VersionHistory::new(
    &[UnstablePath {
        feature: None,
        path: UNSTABLE_MSC,
    }],
    &[StablePath {
        selector: StablePathSelector::Version(V1_7),
        path: STABLE_V1,
    }],
    None,
    None,
);

#[test]
fn get_token_history() {
    assert_eq!(GET_TOKEN.select_path(&server(&[V1_7])), Ok(STABLE_V1));
    assert_eq!(
        GET_TOKEN.select_path(&server(&[V1_6, V1_12])),
        Ok(STABLE_V1)
    );
    assert_eq!(GET_TOKEN.select_path(&server(&[V1_6])), Ok(UNSTABLE_MSC));
    let with_flag = server(&[V1_6]).with_feature("org.matrix.msc3882");
    assert_eq!(GET_TOKEN.select_path(&with_flag), Ok(UNSTABLE_MSC));
    assert_eq!(GET_TOKEN.select_path(&server(&[])), Ok(UNSTABLE_MSC));
    assert_eq!(GET_TOKEN.added_in(), Some(V1_7));
    assert_eq!(
        GET_TOKEN.versioning_decision(&server(&[V1_6])),
        VersioningDecision::Unstable
    );
    assert_eq!(
        GET_TOKEN.versioning_decision(&server(&[V1_7])),
        VersioningDecision::Stable { deprecated: false }
    );
}

#[test]
fn unstable_only() {
    const H: VersionHistory = VersionHistory::new(
        &[
            UnstablePath {
                feature: None,
                path: "/u/a",
            },
            UnstablePath {
                feature: None,
                path: "/u/b",
            },
        ],
        &[],
        None,
        None,
    );
    // The newest unflagged unstable path is used, whatever the server supports.
    assert_eq!(H.select_path(&server(&[V1_19])), Ok("/u/b"));
    assert_eq!(H.added_in(), None);
}

#[test]
fn unstable_with_feature_flag() {
    const H: VersionHistory = VersionHistory::new(
        &[UnstablePath {
            feature: Some("org.example.msc1"),
            path: "/u/msc1",
        }],
        &[],
        None,
        None,
    );
    let err = H.select_path(&server(&[V1_19])).unwrap_err();
    assert_eq!(
        err,
        IntoHttpError::EndpointNotSupported {
            endpoint: "/u/msc1"
        }
    );
    assert!(err.to_string().contains("/u/msc1"), "{err}");
    let announced = server(&[V1_0]).with_feature("org.example.msc1");
    assert_eq!(H.select_path(&announced), Ok("/u/msc1"));
    assert_eq!(
        H.versioning_decision(&server(&[])),
        VersioningDecision::NotSupported
    );
}

#[test]
fn flagged_unstable_preferred_over_unflagged() {
    const H: VersionHistory = VersionHistory::new(
        &[
            UnstablePath {
                feature: Some("org.example.a"),
                path: "/u/flagged",
            },
            UnstablePath {
                feature: None,
                path: "/u/plain",
            },
        ],
        &[],
        None,
        None,
    );
    assert_eq!(
        H.select_path(&server(&[]).with_feature("org.example.a")),
        Ok("/u/flagged")
    );
    assert_eq!(H.select_path(&server(&[])), Ok("/u/plain"));
}

#[test]
fn stable_only() {
    const H: VersionHistory = VersionHistory::new(
        &[],
        &[
            StablePath {
                selector: StablePathSelector::Version(V1_0),
                path: "/r0/x",
            },
            StablePath {
                selector: StablePathSelector::Version(V1_1),
                path: "/v3/x",
            },
        ],
        None,
        None,
    );
    assert_eq!(H.select_path(&server(&[V1_0])), Ok("/r0/x"));
    assert_eq!(H.select_path(&server(&[V1_0, V1_1])), Ok("/v3/x"));
    assert_eq!(H.select_path(&server(&[V1_19])), Ok("/v3/x"));
    assert_eq!(
        H.select_path(&server(&[])),
        Err(IntoHttpError::EndpointNotSupported { endpoint: "/v3/x" })
    );
    assert_eq!(H.canonical_path(), "/v3/x");
    assert_eq!(H.all_paths().collect::<Vec<_>>(), ["/r0/x", "/v3/x"]);
}

#[test]
fn stable_feature_flags() {
    const H: VersionHistory = VersionHistory::new(
        &[UnstablePath {
            feature: Some("org.example.msc9"),
            path: "/u/x",
        }],
        &[StablePath {
            selector: StablePathSelector::FeatureOrVersion {
                feature: "org.example.msc9.stable",
                version: V1_9,
            },
            path: "/v3/x",
        }],
        None,
        None,
    );
    let early = server(&[V1_8]).with_feature("org.example.msc9.stable");
    assert_eq!(H.select_path(&early), Ok("/v3/x"));
    assert_eq!(H.select_path(&server(&[V1_9])), Ok("/v3/x"));
    assert_eq!(
        H.select_path(&server(&[V1_8]).with_feature("org.example.msc9")),
        Ok("/u/x")
    );
    assert!(H.select_path(&server(&[V1_8])).is_err());

    const FEATURE_ONLY: VersionHistory = VersionHistory::new(
        &[],
        &[StablePath {
            selector: StablePathSelector::Feature("org.example.f"),
            path: "/v3/f",
        }],
        None,
        None,
    );
    assert_eq!(
        FEATURE_ONLY.select_path(&server(&[]).with_feature("org.example.f")),
        Ok("/v3/f")
    );
    assert!(FEATURE_ONLY.select_path(&server(&[V1_19])).is_err());
}

const DEPRECATED: VersionHistory = VersionHistory::new(
    &[],
    &[
        StablePath {
            selector: StablePathSelector::Version(V1_0),
            path: "/r0/old",
        },
        StablePath {
            selector: StablePathSelector::Version(V1_1),
            path: "/v3/old",
        },
    ],
    Some(V1_12),
    Some(V1_13),
);

#[test]
fn deprecated_paths_still_work_but_are_reported() {
    assert_eq!(DEPRECATED.select_path(&server(&[V1_12])), Ok("/v3/old"));
    assert_eq!(
        DEPRECATED.versioning_decision(&server(&[V1_12])),
        VersioningDecision::Stable { deprecated: true }
    );
    assert_eq!(
        DEPRECATED.versioning_decision(&server(&[V1_11])),
        VersioningDecision::Stable { deprecated: false }
    );
    assert_eq!(DEPRECATED.deprecated_in(), Some(V1_12));
    assert_eq!(DEPRECATED.removed_in(), Some(V1_13));
}

#[test]
fn removed_endpoints() {
    let only_new = server(&[V1_13, V1_14]);
    let err = DEPRECATED.select_path(&only_new).unwrap_err();
    assert_eq!(
        err,
        IntoHttpError::EndpointRemoved {
            endpoint: "/v3/old",
            removed_in: V1_13
        }
    );
    assert!(err.to_string().contains("v1.13"), "{err}");
    assert_eq!(
        DEPRECATED.versioning_decision(&only_new),
        VersioningDecision::Removed
    );
    // A server that also still supports an older version keeps the endpoint.
    assert_eq!(
        DEPRECATED.select_path(&server(&[V1_11, V1_13])),
        Ok("/v3/old")
    );
}

#[test]
fn unversioned() {
    const H: VersionHistory = VersionHistory::unversioned("/_matrix/client/versions");
    assert_eq!(H.select_path(&server(&[])), Ok("/_matrix/client/versions"));
    assert_eq!(
        H.all_paths().collect::<Vec<_>>(),
        ["/_matrix/client/versions"]
    );
    assert_eq!(H.added_in(), None);
}

/// `login/get_token`'s three generations, gated by `m.get_login_token`.
mod get_login_token {
    use std::collections::BTreeMap;

    use super::*;
    use crate::selection::{Candidate, GateState, PathKind, Reason, Signal};
    use crate::{metadata, Metadata};

    const R0: &str = "/_matrix/client/unstable/org.matrix.msc3882/login/token";
    const R1: &str = "/_matrix/client/unstable/org.matrix.msc3882/login/get_token";
    const STABLE: &str = "/_matrix/client/v1/login/get_token";

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: true,
        authentication: AccessToken,
        capability: "m.get_login_token",
        history: {
            unstable("org.matrix.msc3882") => "/_matrix/client/unstable/org.matrix.msc3882/login/token",
            unstable("org.matrix.msc3882.get_login_token") => "/_matrix/client/unstable/org.matrix.msc3882/login/get_token",
            1.7 => "/_matrix/client/v1/login/get_token",
        }
    };

    /// A view of a `/versions` answer with these versions and these flags on.
    pub(super) fn view(versions: &[&str], flags: &[&str]) -> ServerView {
        let flags: BTreeMap<&str, bool> = flags.iter().map(|f| (*f, true)).collect();
        let mut view = ServerView::new();
        view.learn_versions(versions, &flags);
        view
    }

    fn capabilities(view: &mut ServerView, capabilities: &[(&str, bool)]) {
        view.learn_capabilities(capabilities.iter().map(|(c, on)| (c.to_string(), *on)));
    }

    fn decide(view: &ServerView) -> Decision {
        METADATA.decide(view, &Policy::Default)
    }

    #[test]
    fn revision_0_announced_in_unstable_features() {
        // Synapse 1.69–1.85: v1.4 and the MSC's flag; its /capabilities has no such capability.
        let mut server = view(&["v1.4"], &["org.matrix.msc3882"]);
        capabilities(&mut server, &[("m.change_password", true)]);
        let decision = decide(&server);
        assert_eq!(decision.path(), Ok(R0));
        let choice = decision.outcome.unwrap();
        assert_eq!(choice.rule, Rule::AnnouncedUnstable);
        assert_eq!(
            choice.evidence,
            Some(Evidence {
                signal: Signal::Flag("org.matrix.msc3882"),
                source: Source::Versions
            })
        );
        // The stable path needs v1.7, which is missing, before its gate matters.
        let reasons: Vec<_> = decision.candidates.iter().map(|c| c.reason).collect();
        assert_eq!(
            reasons,
            [None, Some(Reason::NotAnnounced), Some(Reason::NotAnnounced)]
        );
        assert_eq!(decision.gate.unwrap().state, GateState::NotListed);
    }

    #[test]
    fn revision_1_announced_as_a_capability() {
        let mut server = view(&["v1.5"], &[]);
        capabilities(&mut server, &[("org.matrix.msc3882.get_login_token", true)]);
        let decision = decide(&server);
        assert_eq!(decision.path(), Ok(R1));
        assert_eq!(
            decision.outcome.unwrap().evidence.unwrap().source,
            Source::Capabilities
        );
        assert_eq!(
            decision.to_string(),
            format!(
                "{R1}: an unstable path the server announces \
                 (org.matrix.msc3882.get_login_token in /capabilities); /capabilities does not \
                 list m.get_login_token, so the user is taken to be unable to use it"
            )
        );
    }

    #[test]
    fn stable_with_the_gate_open_closed_absent_and_unchecked() {
        let mut server = view(&["v1.6", "v1.12"], &[]);
        // Unchecked: before login only /versions is known; selection goes ahead and says so.
        let unchecked = decide(&server);
        assert_eq!(unchecked.path(), Ok(STABLE));
        assert_eq!(unchecked.gate.unwrap().state, GateState::Unchecked);
        assert_eq!(
            unchecked.outcome.unwrap().evidence,
            Some(Evidence {
                signal: Signal::Version(V1_7),
                source: Source::Versions
            })
        );

        // GET /login's flag opens the gate while /capabilities is unknown.
        server.learn_login_flags([("m.get_login_token".to_owned(), true)]);
        let flows = decide(&server);
        assert_eq!(
            flows.gate.unwrap().state,
            GateState::Open(Source::LoginFlows)
        );
        server.forget(Source::LoginFlows);

        // On.
        capabilities(&mut server, &[("m.get_login_token", true)]);
        let on = decide(&server);
        assert_eq!(on.path(), Ok(STABLE));
        assert_eq!(
            on.gate.unwrap().state,
            GateState::Open(Source::Capabilities)
        );

        // Off, Synapse's default: refused, and the error says which signal.
        capabilities(&mut server, &[("m.get_login_token", false)]);
        let off = decide(&server);
        assert_eq!(off.outcome, Err(Refusal::NotAvailable));
        let err = off.path().unwrap_err();
        assert_eq!(
            err,
            IntoHttpError::EndpointNotAvailable {
                endpoint: STABLE,
                capability: "m.get_login_token",
                state: GateState::Disabled
            }
        );
        assert_eq!(
            err.to_string(),
            format!(
                "`{STABLE}` is not available on this server: /capabilities lists \
                 m.get_login_token as disabled"
            )
        );
        assert_eq!(off.candidates[2].reason, Some(Reason::GateClosed));

        // Absent: the spec says to assume the user cannot.
        capabilities(&mut server, &[]);
        let absent = decide(&server);
        assert_eq!(absent.outcome, Err(Refusal::NotAvailable));
        assert_eq!(absent.gate.unwrap().state, GateState::NotListed);
    }

    #[test]
    fn an_announced_unstable_path_carries_its_own_gate() {
        // A server between revisions: the stable capability off, revision 1's on.
        let mut server = view(&["v1.7"], &[]);
        capabilities(
            &mut server,
            &[
                ("m.get_login_token", false),
                ("org.matrix.msc3882.get_login_token", true),
            ],
        );
        let decision = decide(&server);
        assert_eq!(decision.path(), Ok(R1));
        assert_eq!(decision.candidates[2].reason, Some(Reason::GateClosed));
    }

    #[test]
    fn unsupported_is_not_unavailable() {
        let mut server = view(&["v1.4"], &[]);
        capabilities(&mut server, &[]);
        let decision = decide(&server);
        assert_eq!(decision.outcome, Err(Refusal::NotSupported));
        assert_eq!(
            decision.path(),
            Err(IntoHttpError::EndpointNotSupported { endpoint: STABLE })
        );
        // A flag announced off is reported as such.
        let off = view(&["v1.4"], &[]);
        let mut off = off;
        off.learn_versions(&["v1.4"], &BTreeMap::from([("org.matrix.msc3882", false)]));
        assert_eq!(
            decide(&off).candidates[0].reason,
            Some(Reason::FlagDisabled(Source::Versions))
        );
    }

    #[test]
    fn policies() {
        let mut both = view(&["v1.7"], &["org.matrix.msc3882"]);
        capabilities(&mut both, &[("m.get_login_token", true)]);
        assert_eq!(METADATA.decide(&both, &Policy::Default).path(), Ok(STABLE));
        assert_eq!(
            METADATA.decide(&both, &Policy::StableOnly).path(),
            Ok(STABLE)
        );
        let prefer = METADATA.decide(&both, &Policy::PreferUnstable);
        assert_eq!(prefer.path(), Ok(R0));
        assert_eq!(prefer.candidates[2].reason, Some(Reason::Outranked));

        // What a client tries when the chosen path is not there after all.
        assert_eq!(METADATA.decide(&both, &Policy::Default).fallbacks(), [R0]);
        assert_eq!(prefer.fallbacks(), [STABLE]);
        assert!(METADATA
            .decide(&both, &Policy::StableOnly)
            .fallbacks()
            .is_empty());

        let forced = METADATA.decide(&both, &Policy::Force(R1.to_owned()));
        assert_eq!(forced.path(), Ok(R1));
        assert_eq!(forced.outcome.unwrap().rule, Rule::Forced);
        assert!(forced.others().all(|c| c.reason == Some(Reason::NotForced)));
        assert!(forced.fallbacks().is_empty());
        let unknown = METADATA.decide(&both, &Policy::Force("/elsewhere".to_owned()));
        assert_eq!(
            unknown.path(),
            Err(IntoHttpError::UnknownPath {
                endpoint: STABLE,
                path: "/elsewhere".to_owned()
            })
        );

        // Stable only on a server that has only the MSC: refused, and says why.
        let msc_only = view(&["v1.4"], &["org.matrix.msc3882"]);
        let stable_only = METADATA.decide(&msc_only, &Policy::StableOnly);
        assert_eq!(stable_only.outcome, Err(Refusal::NotSupported));
        assert_eq!(
            stable_only.candidates[0].reason,
            Some(Reason::ExcludedByPolicy)
        );
        assert_eq!(
            stable_only.to_string(),
            "not supported by the versions and flags the server announces (policy: stable only)"
        );
    }

    #[test]
    fn the_record_lists_every_path() {
        let mut server = view(&["v1.12"], &["org.matrix.msc3882"]);
        capabilities(&mut server, &[("m.get_login_token", true)]);
        let decision = decide(&server);
        let shown: Vec<String> = decision
            .candidates
            .iter()
            .map(Candidate::to_string)
            .collect();
        assert_eq!(
            shown,
            [
                format!(
                    "{R0} (unstable, flag org.matrix.msc3882): available (org.matrix.msc3882 in \
                     /versions), but ranked below the chosen path"
                ),
                format!(
                    "{R1} (unstable, flag org.matrix.msc3882.get_login_token): the server does \
                     not announce org.matrix.msc3882.get_login_token"
                ),
                format!("{STABLE} (stable, v1.7): chosen"),
            ]
        );
        assert_eq!(
            decision.candidates[2].kind,
            PathKind::Stable {
                version: Some(V1_7),
                flag: None
            }
        );
        let json = serde_json::to_value(&decision).unwrap();
        assert_eq!(json["chosen"]["path"], STABLE);
        assert_eq!(json["chosen"]["rule"], "newest_stable");
        assert_eq!(json["chosen"]["evidence"]["signal"]["name"], "v1.7");
        assert_eq!(json["gate"]["state"]["state"], "open");
        assert_eq!(json["gate"]["state"]["source"], "capabilities");
        assert_eq!(json["candidates"][0]["reason"]["reason"], "outranked");
        assert_eq!(json["policy"]["policy"], "default");
        let refused = METADATA.decide(&view(&[], &[]), &Policy::StableOnly);
        let json = serde_json::to_value(&refused).unwrap();
        assert_eq!(json["refused"]["refusal"], "not_supported");
        assert!(json.get("chosen").is_none());
    }

    #[test]
    fn deprecation_is_data() {
        let mut server = view(&["v1.12"], &[]);
        let deprecated = DEPRECATED_METADATA.decide(&server, &Policy::Default);
        assert_eq!(deprecated.path(), Ok("/v3/old"));
        assert_eq!(deprecated.deprecated_in, Some(V1_12));
        assert_eq!(deprecated.removed_in, Some(V1_13));
        assert!(deprecated.to_string().ends_with("; deprecated in v1.12"));
        server.learn_versions(&["v1.13"], &BTreeMap::<String, bool>::new());
        let removed = DEPRECATED_METADATA.decide(&server, &Policy::Default);
        assert_eq!(removed.outcome, Err(Refusal::Removed { removed_in: V1_13 }));
        assert!(removed.others().all(|c| c.reason == Some(Reason::Removed)));
    }

    const DEPRECATED_METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: None,
        history: {
            1.0 => "/r0/old",
            1.1 => "/v3/old",
            1.12 => deprecated,
            1.13 => removed,
        }
    };
}

#[test]
fn fallbacks_follow_the_policy_newest_first() {
    use crate::{metadata, Metadata};
    const M: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: None,
        history: {
            unstable => "/u",
            1.0 => "/r0",
            1.1 => "/v3",
        }
    };
    let view = ServerView::from(&server(&[V1_0, V1_1]));
    let default = M.decide(&view, &Policy::Default);
    assert_eq!(default.path(), Ok("/v3"));
    assert_eq!(default.fallbacks(), ["/r0", "/u"]);
    let prefer = M.decide(&view, &Policy::PreferUnstable);
    assert_eq!(prefer.path(), Ok("/u"));
    assert_eq!(prefer.fallbacks(), ["/v3", "/r0"]);
}

mod legacy;
