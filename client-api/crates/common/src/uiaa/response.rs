//! [`UiaaResponse`]: the error type of endpoints that use User-Interactive Authentication.

use std::fmt;

use http::{header::CONTENT_TYPE, HeaderValue, StatusCode};
use matrix_api::error::MatrixError;
use matrix_api::{EndpointError, IntoHttpError, OutgoingResponse};

use super::UiaaInfo;

/// The error type of endpoints that use User-Interactive Authentication: either the server asks
/// for (more) authentication, or it answers with an ordinary error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UiaaResponse {
    /// A `401` asking the client to complete a stage.
    AuthResponse(UiaaInfo),
    /// Any other error.
    MatrixError(MatrixError),
}

impl From<MatrixError> for UiaaResponse {
    fn from(err: MatrixError) -> Self {
        UiaaResponse::MatrixError(err)
    }
}

impl EndpointError for UiaaResponse {
    fn from_http_response<T: AsRef<[u8]>>(response: http::Response<T>) -> Self {
        // A 401 without `flows` is an ordinary error, such as M_UNKNOWN_TOKEN.
        if response.status() == StatusCode::UNAUTHORIZED {
            if let Ok(info) = serde_json::from_slice::<UiaaInfo>(response.body().as_ref()) {
                return UiaaResponse::AuthResponse(info);
            }
        }
        UiaaResponse::MatrixError(MatrixError::from_http_response(response))
    }
}

impl OutgoingResponse for UiaaResponse {
    fn try_into_http_response(self) -> Result<http::Response<Vec<u8>>, IntoHttpError> {
        match self {
            UiaaResponse::AuthResponse(info) => {
                let body = serde_json::to_vec(&info).map_err(|err| IntoHttpError::Json {
                    message: err.to_string(),
                })?;
                let mut response = http::Response::new(body);
                *response.status_mut() = StatusCode::UNAUTHORIZED;
                response
                    .headers_mut()
                    .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                Ok(response)
            }
            UiaaResponse::MatrixError(err) => err.try_into_http_response(),
        }
    }
}

impl fmt::Display for UiaaResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UiaaResponse::AuthResponse(info) => {
                write!(
                    f,
                    "{}: authentication required; flows:",
                    StatusCode::UNAUTHORIZED
                )?;
                for (i, flow) in info.flows.iter().enumerate() {
                    let separator = if i == 0 { " " } else { " | " };
                    write!(f, "{separator}{}", flow.stages.join(" → "))?;
                }
                if info.flows.is_empty() {
                    f.write_str(" none")?;
                }
                if !info.completed.is_empty() {
                    write!(f, "; completed: {}", info.completed.join(", "))?;
                }
                if let Some(error) = &info.auth_error {
                    write!(f, "; {error}")?;
                }
                Ok(())
            }
            UiaaResponse::MatrixError(err) => err.fmt(f),
        }
    }
}

impl std::error::Error for UiaaResponse {}

#[cfg(test)]
mod tests {
    use matrix_api::error::{ErrorBody, ErrorKind, StandardErrorBody};
    use serde_json::{json, Value};

    use super::*;
    use crate::uiaa::test_util::{object, response};
    use crate::uiaa::AuthFlow;

    const UIA_BODY: &str =
        r#"{"flows":[{"stages":["m.login.password"]}],"params":{},"session":"xyz"}"#;

    #[test]
    fn parses_the_uia_401() {
        let parsed = UiaaResponse::from_http_response(response(401, UIA_BODY));
        let UiaaResponse::AuthResponse(info) = &parsed else {
            panic!("expected an auth response, got {parsed:?}");
        };
        assert_eq!(info.session.as_deref(), Some("xyz"));
        assert_eq!(
            info.flows,
            vec![AuthFlow::new(vec!["m.login.password".into()])]
        );
        assert!(info.completed.is_empty());
        assert!(info.params.is_empty());
        assert_eq!(info.auth_error, None);
        assert_eq!(
            serde_json::to_value(info).unwrap(),
            serde_json::from_str::<Value>(UIA_BODY).unwrap()
        );
    }

    #[test]
    fn uia_info_keeps_completed_and_params() {
        let input = json!({
            "flows": [
                { "stages": ["m.login.password"] },
                { "stages": ["m.login.email.identity", "m.login.msisdn"] },
            ],
            "completed": ["m.login.password"],
            "params": { "m.login.terms": { "policies": { "privacy": { "version": "1" } } } },
            "session": "s",
        });
        let info: UiaaInfo = serde_json::from_value(input.clone()).unwrap();
        assert_eq!(info.completed, vec!["m.login.password".to_owned()]);
        assert_eq!(
            info.flows[1].stages,
            vec!["m.login.email.identity", "m.login.msisdn"]
        );
        assert_eq!(
            info.params["m.login.terms"]["policies"]["privacy"]["version"],
            json!("1")
        );
        assert_eq!(serde_json::to_value(&info).unwrap(), input);
    }

    #[test]
    fn uia_info_with_only_flows() {
        let info: UiaaInfo = serde_json::from_value(json!({ "flows": [] })).unwrap();
        assert_eq!(info, UiaaInfo::new(Vec::new()));
        // `params` is always written.
        assert_eq!(
            serde_json::to_value(&info).unwrap(),
            json!({ "flows": [], "params": {} })
        );

        let err = serde_json::from_value::<UiaaInfo>(json!({ "session": "s" })).unwrap_err();
        assert!(err.to_string().contains("missing field `flows`"), "{err}");

        let err = serde_json::from_value::<UiaaInfo>(json!({ "flows": [{}] })).unwrap_err();
        assert!(err.to_string().contains("missing field `stages`"), "{err}");
    }

    #[test]
    fn uia_401_with_failed_stage_has_auth_error() {
        let body = json!({
            "errcode": "M_FORBIDDEN",
            "error": "Invalid password",
            "completed": ["example.type.foo"],
            "flows": [{ "stages": ["example.type.foo", "m.login.password"] }],
            "params": {},
            "session": "xxxxxx",
        });
        let parsed = UiaaResponse::from_http_response(response(401, &body.to_string()));
        let UiaaResponse::AuthResponse(info) = &parsed else {
            panic!("expected an auth response, got {parsed:?}");
        };
        assert_eq!(
            info.auth_error,
            Some(StandardErrorBody::new(
                ErrorKind::Forbidden,
                "Invalid password"
            ))
        );
        assert_eq!(info.completed, vec!["example.type.foo".to_owned()]);
        assert_eq!(serde_json::to_value(info).unwrap(), body);
        assert_eq!(
            parsed.to_string(),
            "401 Unauthorized: authentication required; flows: example.type.foo → \
             m.login.password; completed: example.type.foo; [M_FORBIDDEN] Invalid password"
        );
    }

    #[test]
    fn uia_auth_error_with_unknown_code_keeps_its_fields() {
        let body = json!({
            "flows": [{ "stages": ["m.login.password"] }],
            "params": {},
            "errcode": "ORG_EXAMPLE_NEW",
            "error": "new",
            "detail": { "x": 1 },
        });
        let info: UiaaInfo = serde_json::from_value(body.clone()).unwrap();
        assert_eq!(
            info.auth_error,
            Some(StandardErrorBody::new(
                ErrorKind::Other {
                    errcode: "ORG_EXAMPLE_NEW".into(),
                    extra: object(json!({ "detail": { "x": 1 } })),
                },
                "new"
            ))
        );
        assert_eq!(serde_json::to_value(&info).unwrap(), body);
    }

    #[test]
    fn uia_auth_error_extra_never_repeats_uia_keys() {
        let mut info = UiaaInfo::new(vec![AuthFlow::new(vec!["m.login.dummy".into()])]);
        info.session = Some("real".into());
        info.auth_error = Some(StandardErrorBody::new(
            ErrorKind::Other {
                errcode: "X_NEW".into(),
                extra: object(json!({ "session": "shadow", "flows": [], "k": 1 })),
            },
            "",
        ));
        let text = serde_json::to_string(&info).unwrap();
        assert_eq!(text.matches("\"session\"").count(), 1, "{text}");
        assert_eq!(text.matches("\"flows\"").count(), 1, "{text}");
        assert_eq!(
            serde_json::from_str::<Value>(&text).unwrap(),
            json!({
                "flows": [{ "stages": ["m.login.dummy"] }],
                "params": {},
                "session": "real",
                "errcode": "X_NEW",
                "k": 1,
            })
        );
    }

    #[test]
    fn uia_401_without_flows_is_a_matrix_error() {
        let parsed = UiaaResponse::from_http_response(response(
            401,
            r#"{"errcode":"M_UNKNOWN_TOKEN","error":"Invalid access token","soft_logout":true}"#,
        ));
        assert_eq!(
            parsed,
            UiaaResponse::MatrixError(MatrixError::new(
                StatusCode::UNAUTHORIZED,
                ErrorKind::UnknownToken { soft_logout: true },
                "Invalid access token"
            ))
        );
        assert_eq!(
            parsed.to_string(),
            "401 Unauthorized: [M_UNKNOWN_TOKEN] Invalid access token"
        );
    }

    #[test]
    fn flows_with_another_status_are_not_uia() {
        let parsed = UiaaResponse::from_http_response(response(400, UIA_BODY));
        let UiaaResponse::MatrixError(err) = parsed else {
            panic!("expected a Matrix error, got {parsed:?}");
        };
        assert_eq!(err.status, StatusCode::BAD_REQUEST);
        assert_eq!(
            err.body,
            ErrorBody::Json(serde_json::from_str(UIA_BODY).unwrap())
        );
    }

    #[test]
    fn uia_401_with_malformed_flows_is_kept_as_a_matrix_error() {
        let parsed =
            UiaaResponse::from_http_response(response(401, r#"{"flows":"m.login.password"}"#));
        let UiaaResponse::MatrixError(err) = parsed else {
            panic!("expected a Matrix error, got {parsed:?}");
        };
        assert_eq!(
            err.body,
            ErrorBody::Json(json!({ "flows": "m.login.password" }))
        );

        let html = UiaaResponse::from_http_response(response(401, "<html>nope</html>"));
        assert_eq!(
            html,
            UiaaResponse::MatrixError(MatrixError {
                status: StatusCode::UNAUTHORIZED,
                body: ErrorBody::NotJson(b"<html>nope</html>".to_vec()),
            })
        );
    }

    #[test]
    fn limit_exceeded_through_uiaa_response() {
        let parsed = UiaaResponse::from_http_response(response(
            429,
            r#"{"errcode":"M_LIMIT_EXCEEDED","error":"Too many requests","retry_after_ms":60000}"#,
        ));
        let UiaaResponse::MatrixError(err) = &parsed else {
            panic!("expected a Matrix error, got {parsed:?}");
        };
        assert_eq!(
            err.kind(),
            Some(&ErrorKind::LimitExceeded {
                retry_after_ms: Some(60000)
            })
        );

        let with_header = http::Response::builder()
            .status(429)
            .header("Retry-After", "7")
            .body(br#"{"errcode":"M_LIMIT_EXCEEDED","error":"Too many requests"}"#.to_vec())
            .unwrap();
        let UiaaResponse::MatrixError(err) = UiaaResponse::from_http_response(with_header) else {
            panic!("expected a Matrix error");
        };
        assert_eq!(
            err.kind(),
            Some(&ErrorKind::LimitExceeded {
                retry_after_ms: Some(7000)
            })
        );
    }

    #[test]
    fn outgoing_auth_response() {
        let mut info = UiaaInfo::new(vec![
            AuthFlow::new(vec!["m.login.password".into()]),
            AuthFlow::new(vec![
                "m.login.registration_token".into(),
                "m.login.dummy".into(),
            ]),
        ]);
        info.session = Some("xyz".into());
        info.auth_error = Some(StandardErrorBody::new(
            ErrorKind::Forbidden,
            "Invalid password",
        ));
        let response = UiaaResponse::AuthResponse(info.clone())
            .try_into_http_response()
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(response.headers()[CONTENT_TYPE], "application/json");
        assert_eq!(
            serde_json::from_slice::<Value>(response.body()).unwrap(),
            json!({
                "flows": [
                    { "stages": ["m.login.password"] },
                    { "stages": ["m.login.registration_token", "m.login.dummy"] },
                ],
                "params": {},
                "session": "xyz",
                "errcode": "M_FORBIDDEN",
                "error": "Invalid password",
            })
        );
        // And the client reads back what the server wrote.
        assert_eq!(
            UiaaResponse::from_http_response(response),
            UiaaResponse::AuthResponse(info)
        );
    }

    #[test]
    fn outgoing_matrix_error_is_delegated() {
        let err = MatrixError::new(
            StatusCode::TOO_MANY_REQUESTS,
            ErrorKind::LimitExceeded {
                retry_after_ms: Some(2500),
            },
            "Too many requests",
        );
        let response = UiaaResponse::from(err).try_into_http_response().unwrap();
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(response.headers()[CONTENT_TYPE], "application/json");
        assert_eq!(response.headers()[http::header::RETRY_AFTER], "3");
        assert_eq!(
            serde_json::from_slice::<Value>(response.body()).unwrap(),
            json!({
                "errcode": "M_LIMIT_EXCEEDED",
                "error": "Too many requests",
                "retry_after_ms": 2500,
            })
        );
    }

    #[test]
    fn display_of_auth_response_without_flows() {
        let shown = UiaaResponse::AuthResponse(UiaaInfo::default()).to_string();
        assert_eq!(
            shown,
            "401 Unauthorized: authentication required; flows: none"
        );
    }
}
