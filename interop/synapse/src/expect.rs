//! What steps require of an error answer, with reasons that name what came instead, since a
//! FAIL line is all a CI log shows of a run against a server that is gone afterwards.

use matrix_api::error::{ErrorKind, MatrixError};
use matrix_api::http::StatusCode;
use matrix_client_api::uiaa::{UiaaInfo, UiaaResponse};

/// An endpoint behind User-Interactive Authentication answered with an ordinary Matrix error,
/// not a UIA round.
pub fn matrix_error(err: &UiaaResponse) -> Result<&MatrixError, String> {
    match err {
        UiaaResponse::MatrixError(err) => Ok(err),
        UiaaResponse::AuthResponse(info) => Err(format!(
            "expected an ordinary error, got a UIA answer: {}",
            UiaaResponse::AuthResponse(info.clone())
        )),
    }
}

/// An endpoint behind User-Interactive Authentication asked for (more) authentication.
pub fn uia_info(err: &UiaaResponse) -> Result<&UiaaInfo, String> {
    match err {
        UiaaResponse::AuthResponse(info) => Ok(info),
        UiaaResponse::MatrixError(err) => Err(format!("expected a UIA 401, got {err}")),
    }
}

/// The error has this status and this `errcode`.
pub fn expect_kind(err: &MatrixError, status: StatusCode, kind: &ErrorKind) -> Result<(), String> {
    if err.status != status || err.kind() != Some(kind) {
        return Err(format!("expected {status} {kind:?}, got {err}"));
    }
    Ok(())
}
