//! `GET /account/whoami` and the two SSO redirects as a client and a server use them: the
//! spec's example bodies in both directions, the paths for servers of each generation, and what
//! a server answers to a request it cannot accept.

use http::{header, Method, StatusCode};
use matrix_api::error::{DeserializationError, ErrorBody, ErrorKind, MatrixError};
use matrix_api::{
    FromHttpRequestError, FromHttpResponseError, IncomingRequest, IncomingResponse,
    OutgoingRequest, OutgoingResponse, SendAccessToken,
};
use matrix_client_api::account::whoami::v3 as whoami;
use matrix_client_api::session::sso_login::v3 as sso_login;
use matrix_client_api::session::sso_login_with_provider::v3 as sso_with_provider;
use ruma_common::{OwnedDeviceId, OwnedUserId};
use serde_json::{json, Value};

mod common;

use common::{announcing, assert_get_paths_by_generation, json_of, r0_only, v1_1, v1_7, HS};

fn response_with(status: StatusCode, body: &Value) -> http::Response<Vec<u8>> {
    http::Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, "application/json")
        .body(serde_json::to_vec(body).unwrap())
        .unwrap()
}

fn no_args() -> &'static [&'static str] {
    &[]
}

fn user(id: &str) -> OwnedUserId {
    id.parse().unwrap()
}

fn device(id: &str) -> OwnedDeviceId {
    id.into()
}

// ---------------------------------------------------------------------------------------------
// GET /_matrix/client/v3/account/whoami

/// The `200` example of whoami.yaml.
fn whoami_spec_example() -> Value {
    json!({
        "user_id": "@joe:example.org",
        "device_id": "ABC1234"
    })
}

#[test]
fn whoami_paths_for_each_server_generation() {
    assert_get_paths_by_generation(
        whoami::Request::new,
        &[
            (r0_only(), "/_matrix/client/r0/account/whoami"),
            (v1_1(), "/_matrix/client/v3/account/whoami"),
            (v1_7(), "/_matrix/client/v3/account/whoami"),
        ],
    );
    let metadata = <whoami::Request as OutgoingRequest>::METADATA;
    assert!(metadata.rate_limited);
}

#[test]
fn whoami_spec_example_from_server_to_client() {
    let response = whoami::Response::try_from_http_response(response_with(
        StatusCode::OK,
        &whoami_spec_example(),
    ))
    .unwrap();
    assert_eq!(response.user_id, "@joe:example.org");
    assert_eq!(
        response.device_id.as_deref().map(|d| d.as_str()),
        Some("ABC1234")
    );
    // Absent in the example: a non-guest.
    assert!(!response.is_guest);

    let resent = response.try_into_http_response().unwrap();
    assert_eq!(resent.status(), StatusCode::OK);
    assert_eq!(resent.headers()[header::CONTENT_TYPE], "application/json");
    assert_eq!(json_of(resent.body()), whoami_spec_example());
}

#[test]
fn whoami_spec_example_built_by_a_server() {
    let response = whoami::Response::new(user("@joe:example.org"), Some(device("ABC1234")));
    let http_response = response.try_into_http_response().unwrap();
    assert_eq!(json_of(http_response.body()), whoami_spec_example());
    let parsed = whoami::Response::try_from_http_response(http_response).unwrap();
    assert_eq!(parsed.user_id, user("@joe:example.org"));
    assert_eq!(parsed.device_id, Some(device("ABC1234")));
}

#[test]
fn whoami_guest_and_appservice_users() {
    let guest = whoami::Response {
        is_guest: true,
        ..whoami::Response::new(user("@guest:example.org"), Some(device("GUEST")))
    };
    let http_response = guest.try_into_http_response().unwrap();
    assert_eq!(
        json_of(http_response.body()),
        json!({ "user_id": "@guest:example.org", "device_id": "GUEST", "is_guest": true })
    );
    assert!(
        whoami::Response::try_from_http_response(http_response)
            .unwrap()
            .is_guest
    );

    // An application service's token has no device: nothing is written for it.
    let appservice = whoami::Response::new(user("@bridge:example.org"), None);
    let http_response = appservice.try_into_http_response().unwrap();
    assert_eq!(
        json_of(http_response.body()),
        json!({ "user_id": "@bridge:example.org" })
    );
    let parsed = whoami::Response::try_from_http_response(http_response).unwrap();
    assert_eq!((parsed.device_id, parsed.is_guest), (None, false));

    // An explicit `false` reads as a non-guest too.
    let explicit = json!({ "user_id": "@joe:example.org", "is_guest": false });
    let parsed =
        whoami::Response::try_from_http_response(response_with(StatusCode::OK, &explicit)).unwrap();
    assert!(!parsed.is_guest);
}

#[test]
fn whoami_invalid_user_id_names_the_field() {
    let body = json!({ "user_id": "joe", "device_id": "ABC1234" });
    let err =
        whoami::Response::try_from_http_response(response_with(StatusCode::OK, &body)).unwrap_err();
    assert!(matches!(err, FromHttpResponseError::Deserialization(_)));
    assert!(err.to_string().contains("field `user_id`"), "{err}");
}

#[test]
fn whoami_without_a_token() {
    let err = whoami::Request::new()
        .try_into_http_request(HS, SendAccessToken::None, &v1_7())
        .unwrap_err();
    assert_eq!(
        err,
        matrix_api::IntoHttpError::NeedsAuthentication {
            endpoint: "/_matrix/client/v3/account/whoami"
        }
    );

    let request = http::Request::get("/_matrix/client/v3/account/whoami")
        .body(Vec::<u8>::new())
        .unwrap();
    let err = whoami::Request::try_from_http_request(request, no_args()).unwrap_err();
    assert_eq!(err, FromHttpRequestError::MissingAccessToken);

    let response = MatrixError::from(err).try_into_http_response().unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(response.headers()[header::CONTENT_TYPE], "application/json");
    let body = json_of(response.body());
    assert_eq!(body["errcode"], "M_MISSING_TOKEN");

    // The client reads the answer as the typed error.
    let err = whoami::Response::try_from_http_response(response).unwrap_err();
    assert_eq!(
        err.server_error().and_then(|e| e.kind().cloned()),
        Some(ErrorKind::MissingToken)
    );
}

#[test]
fn whoami_token_in_the_deprecated_query_parameter() {
    let request = http::Request::get("/_matrix/client/r0/account/whoami?access_token=tok")
        .body(Vec::<u8>::new())
        .unwrap();
    whoami::Request::try_from_http_request(request, no_args()).unwrap();
}

#[test]
fn whoami_wrong_method() {
    let request = http::Request::post("/_matrix/client/v3/account/whoami")
        .header(header::AUTHORIZATION, "Bearer tok")
        .body(b"{}".to_vec())
        .unwrap();
    let err = whoami::Request::try_from_http_request(request, no_args()).unwrap_err();
    assert_eq!(
        err,
        FromHttpRequestError::MethodMismatch {
            expected: Method::GET,
            received: Method::POST
        }
    );
    let response = MatrixError::from(err).try_into_http_response().unwrap();
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(json_of(response.body())["errcode"], "M_UNRECOGNIZED");

    // HEAD is GET without the body, so it is accepted.
    let head = http::Request::head("/_matrix/client/v3/account/whoami")
        .header(header::AUTHORIZATION, "Bearer tok")
        .body(Vec::<u8>::new())
        .unwrap();
    whoami::Request::try_from_http_request(head, no_args()).unwrap();
}

#[test]
fn whoami_spec_error_examples() {
    // The `401` and `403` examples of whoami.yaml.
    let cases = [
        (
            StatusCode::UNAUTHORIZED,
            json!({
                "errcode": "M_UNKNOWN_TOKEN",
                "error": "Unrecognised access token."
            }),
            ErrorKind::UnknownToken { soft_logout: false },
        ),
        (
            StatusCode::FORBIDDEN,
            json!({
                "errcode": "M_FORBIDDEN",
                "error": "Application service has not registered this user."
            }),
            ErrorKind::Forbidden,
        ),
    ];
    for (status, body, kind) in cases {
        let err =
            whoami::Response::try_from_http_response(response_with(status, &body)).unwrap_err();
        let FromHttpResponseError::Server(error) = err else {
            panic!("expected a server error, got {err:?}");
        };
        assert_eq!(error.status, status);
        let ErrorBody::Standard(standard) = &error.body else {
            panic!("{error:?}")
        };
        assert_eq!(standard.kind, kind);
        assert_eq!(standard.message, body["error"]);

        // A server sending the same error writes the same JSON.
        let resent = error.try_into_http_response().unwrap();
        assert_eq!(resent.status(), status);
        assert_eq!(json_of(resent.body()), body);
    }
}

// ---------------------------------------------------------------------------------------------
// GET /_matrix/client/v3/login/sso/redirect
//
// sso_login_redirect.yaml has no example bodies: the request is a query string and the answer
// a `302` with a `Location` header. The values below are the spec's parameter names with
// illustrative URLs.

const RETURN_TO: &str = "https://app.example.org/sso-callback?state=a b&x=1";
const RETURN_TO_ENCODED: &str =
    "redirectUrl=https%3A%2F%2Fapp.example.org%2Fsso-callback%3Fstate%3Da+b%26x%3D1";
const IDP_PAGE: &str = "https://idp.example.com/authorize?client_id=matrix&state=xyz";

#[test]
fn sso_login_paths_for_each_server_generation() {
    for (server, path) in [
        (r0_only(), "/_matrix/client/r0/login/sso/redirect"),
        (v1_1(), "/_matrix/client/v3/login/sso/redirect"),
        (v1_7(), "/_matrix/client/v3/login/sso/redirect"),
    ] {
        // The browser navigates here without credentials: an offered token is not sent.
        let request = sso_login::Request::new(RETURN_TO.to_owned())
            .try_into_http_request(HS, SendAccessToken::IfRequired("tok"), &server)
            .unwrap();
        assert_eq!(request.method(), Method::GET);
        assert_eq!(
            request.uri().to_string(),
            format!("{HS}{path}?{RETURN_TO_ENCODED}")
        );
        assert!(request.headers().is_empty());
        assert!(request.body().is_empty());

        let incoming = sso_login::Request::try_from_http_request(request, no_args()).unwrap();
        assert_eq!(incoming.redirect_url, RETURN_TO);
        assert_eq!(incoming.action, None);
    }
    let metadata = <sso_login::Request as OutgoingRequest>::METADATA;
    assert!(!metadata.rate_limited);
}

#[test]
fn sso_login_with_action() {
    let request = sso_login::Request {
        action: Some(sso_login::SsoRedirectAction::Register),
        ..sso_login::Request::new("https://app.example.org/".to_owned())
    };
    let http_request = request
        .try_into_http_request(HS, SendAccessToken::None, &v1_7())
        .unwrap();
    assert_eq!(
        http_request.uri().to_string(),
        "https://matrix.example.org/_matrix/client/v3/login/sso/redirect\
         ?redirectUrl=https%3A%2F%2Fapp.example.org%2F&action=register"
    );
    let incoming = sso_login::Request::try_from_http_request(http_request, no_args()).unwrap();
    assert_eq!(
        incoming.action,
        Some(sso_login::SsoRedirectAction::Register)
    );

    let login =
        http::Request::get("/_matrix/client/v3/login/sso/redirect?action=login&redirectUrl=x")
            .body(Vec::<u8>::new())
            .unwrap();
    let incoming = sso_login::Request::try_from_http_request(login, no_args()).unwrap();
    assert_eq!(
        (incoming.redirect_url.as_str(), incoming.action),
        ("x", Some(sso_login::SsoRedirectAction::Login))
    );
}

#[test]
fn sso_login_bad_queries() {
    let missing = http::Request::get("/_matrix/client/v3/login/sso/redirect")
        .body(Vec::<u8>::new())
        .unwrap();
    let err = sso_login::Request::try_from_http_request(missing, no_args()).unwrap_err();
    let FromHttpRequestError::Deserialization(DeserializationError::Query { parameter, .. }) = &err
    else {
        panic!("expected a query error, got {err:?}");
    };
    assert_eq!(parameter.as_deref(), Some("redirectUrl"));
    let answer = MatrixError::from(err);
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);

    let unknown_action =
        http::Request::get("/_matrix/client/v3/login/sso/redirect?redirectUrl=x&action=delete")
            .body(Vec::<u8>::new())
            .unwrap();
    let err = sso_login::Request::try_from_http_request(unknown_action, no_args()).unwrap_err();
    assert!(err.to_string().contains("`action`"), "{err}");
    assert_eq!(
        MatrixError::from(err).kind(),
        Some(&ErrorKind::InvalidParam)
    );
}

#[test]
fn sso_login_response_is_a_redirect() {
    let http_response = sso_login::Response::new(IDP_PAGE.to_owned())
        .try_into_http_response()
        .unwrap();
    assert_eq!(http_response.status(), StatusCode::FOUND);
    assert_eq!(http_response.headers()[header::LOCATION], IDP_PAGE);
    let parsed = sso_login::Response::try_from_http_response(http_response).unwrap();
    assert_eq!(parsed.location, IDP_PAGE);

    // A redirect without a `Location` is not a redirect.
    let broken = http::Response::builder()
        .status(StatusCode::FOUND)
        .body(Vec::<u8>::new())
        .unwrap();
    let err = sso_login::Response::try_from_http_response(broken).unwrap_err();
    assert_eq!(
        err,
        FromHttpResponseError::Deserialization(DeserializationError::Header {
            name: header::LOCATION,
            problem: matrix_api::error::HeaderProblem::Missing,
        })
    );
}

// ---------------------------------------------------------------------------------------------
// GET /_matrix/client/v3/login/sso/redirect/{idpId}

const MSC2858_PATH: &str = "/_matrix/client/unstable/org.matrix.msc2858/login/sso/redirect";
const V3_PATH: &str = "/_matrix/client/v3/login/sso/redirect";

#[test]
fn sso_with_provider_paths_for_each_server_generation() {
    let cases = [
        // No stable path before v1.1: the MSC2858 path, flag announced or not.
        (r0_only(), MSC2858_PATH),
        (announcing(&[], &[]), MSC2858_PATH),
        (
            announcing(&[], &[("org.matrix.msc2858", true)]),
            MSC2858_PATH,
        ),
        (
            announcing(&["r0.6.1"], &[("org.matrix.msc2858", true)]),
            MSC2858_PATH,
        ),
        (
            announcing(&["r0.6.1"], &[("org.matrix.msc2858", false)]),
            MSC2858_PATH,
        ),
        (v1_1(), V3_PATH),
        (v1_7(), V3_PATH),
        (
            announcing(&["v1.7"], &[("org.matrix.msc2858", true)]),
            V3_PATH,
        ),
    ];
    for (server, prefix) in cases {
        let request =
            sso_with_provider::Request::new("oidc-github".to_owned(), RETURN_TO.to_owned())
                .try_into_http_request(HS, SendAccessToken::IfRequired("tok"), &server)
                .unwrap();
        assert_eq!(request.method(), Method::GET);
        assert_eq!(
            request.uri().to_string(),
            format!("{HS}{prefix}/oidc-github?{RETURN_TO_ENCODED}"),
            "{server:?}"
        );
        assert!(request.headers().is_empty());
        assert!(request.body().is_empty());

        // Both generations reach the same handler, which reads the provider from the URI.
        let incoming =
            sso_with_provider::Request::try_from_http_request(request, no_args()).unwrap();
        assert_eq!(incoming.idp_id, "oidc-github");
        assert_eq!(incoming.redirect_url, RETURN_TO);
        assert_eq!(incoming.action, None);
    }
    let metadata = <sso_with_provider::Request as OutgoingRequest>::METADATA;
    assert_eq!(
        metadata.history.all_paths().collect::<Vec<_>>(),
        [
            "/_matrix/client/unstable/org.matrix.msc2858/login/sso/redirect/{idp_id}",
            "/_matrix/client/v3/login/sso/redirect/{idp_id}",
        ]
    );
    assert!(!metadata.rate_limited);
}

#[test]
fn sso_with_provider_encodes_the_provider_id() {
    let request = sso_with_provider::Request {
        action: Some(sso_with_provider::SsoRedirectAction::Login),
        ..sso_with_provider::Request::new("saml/corp ?#".to_owned(), "https://app/".to_owned())
    };
    let http_request = request
        .try_into_http_request(HS, SendAccessToken::None, &v1_1())
        .unwrap();
    assert_eq!(
        http_request.uri().to_string(),
        "https://matrix.example.org/_matrix/client/v3/login/sso/redirect/saml%2Fcorp%20%3F%23\
         ?redirectUrl=https%3A%2F%2Fapp%2F&action=login"
    );
    let from_uri =
        sso_with_provider::Request::try_from_http_request(http_request.clone(), no_args()).unwrap();
    assert_eq!(from_uri.idp_id, "saml/corp ?#");
    assert_eq!(
        from_uri.action,
        Some(sso_with_provider::SsoRedirectAction::Login)
    );
    // A router hands over the decoded parameter itself.
    let from_router =
        sso_with_provider::Request::try_from_http_request(http_request, &["saml/corp ?#"]).unwrap();
    assert_eq!(from_router.idp_id, "saml/corp ?#");
}

#[test]
fn sso_with_provider_response_is_a_redirect() {
    let http_response = sso_with_provider::Response::new(IDP_PAGE.to_owned())
        .try_into_http_response()
        .unwrap();
    assert_eq!(http_response.status(), StatusCode::FOUND);
    assert_eq!(http_response.headers()[header::LOCATION], IDP_PAGE);
    let parsed = sso_with_provider::Response::try_from_http_response(http_response).unwrap();
    assert_eq!(parsed.location, IDP_PAGE);

    // The spec's `404` for an unknown provider is a page for the user, not JSON; the client
    // keeps it as it came.
    let not_found = http::Response::builder()
        .status(StatusCode::NOT_FOUND)
        .body(b"<html>Unknown identity provider</html>".to_vec())
        .unwrap();
    let err = sso_with_provider::Response::try_from_http_response(not_found).unwrap_err();
    let FromHttpResponseError::Server(error) = err else {
        panic!("expected a server error, got {err:?}");
    };
    assert_eq!(error.status, StatusCode::NOT_FOUND);
    assert_eq!(
        error.body,
        ErrorBody::NotJson(b"<html>Unknown identity provider</html>".to_vec())
    );
}
