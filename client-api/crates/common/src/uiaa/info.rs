//! [`UiaaInfo`]: the body of a `401` that asks for User-Interactive Authentication, and the
//! [`AuthFlow`]s it offers.

use std::fmt;

use matrix_api::error::StandardErrorBody;
use matrix_api::json::{read_object, ExactObject, Slot};
use ruma_common::serde::JsonObject;
use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::SESSION_FIELD;

/// One way to complete authentication: the stages to complete, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthFlow {
    /// The authentication type of each stage, such as `m.login.password`.
    pub stages: Vec<String>,
}

impl AuthFlow {
    /// A flow of these stages.
    pub fn new(stages: Vec<String>) -> Self {
        AuthFlow { stages }
    }
}

/// The body of a `401` that asks for User-Interactive Authentication.
///
/// When the client's last attempt at a stage failed, the server says why with the standard
/// `errcode` and `error` fields next to the others; they are [`UiaaInfo::auth_error`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UiaaInfo {
    /// The flows the server accepts; completing any one of them completes authentication.
    pub flows: Vec<AuthFlow>,
    /// The stages the client has already completed in this session.
    pub completed: Vec<String>,
    /// What the client needs for some stages, keyed by authentication type, such as the public
    /// key of a captcha. Absent on the wire reads as empty; it is always written, since some
    /// clients expect it.
    pub params: JsonObject,
    /// The session the client passes back in its next attempt.
    pub session: Option<String>,
    /// Why the previous attempt at a stage failed, if it did.
    pub auth_error: Option<StandardErrorBody>,
}

impl UiaaInfo {
    /// An answer offering these flows, with nothing completed yet.
    pub fn new(flows: Vec<AuthFlow>) -> Self {
        UiaaInfo {
            flows,
            ..Default::default()
        }
    }
}

const FLOWS_FIELD: &str = "flows";
const COMPLETED_FIELD: &str = "completed";
const PARAMS_FIELD: &str = "params";

impl Serialize for UiaaInfo {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry(FLOWS_FIELD, &self.flows)?;
        if !self.completed.is_empty() {
            map.serialize_entry(COMPLETED_FIELD, &self.completed)?;
        }
        map.serialize_entry(PARAMS_FIELD, &self.params)?;
        if let Some(session) = &self.session {
            map.serialize_entry(SESSION_FIELD, session)?;
        }
        if let Some(error) = &self.auth_error {
            // An unknown error code's extra fields must not repeat the keys written above.
            error.serialize_fields(
                &mut map,
                &[FLOWS_FIELD, COMPLETED_FIELD, PARAMS_FIELD, SESSION_FIELD],
            )?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for UiaaInfo {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(UiaaInfoVisitor)
    }
}

struct UiaaInfoVisitor;

impl<'de> Visitor<'de> for UiaaInfoVisitor {
    type Value = UiaaInfo;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a User-Interactive Authentication object with a `flows` list")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<UiaaInfo, A::Error> {
        let mut flows: Slot<Vec<AuthFlow>> = Slot::default();
        // `Option`s: a `null` reads as absent.
        let mut completed: Slot<Option<Vec<String>>> = Slot::default();
        let mut params: Slot<Option<ExactObject>> = Slot::default();
        let mut session: Slot<Option<String>> = Slot::default();
        let mut errcode: Slot<String> = Slot::default();
        let mut message: Slot<Option<String>> = Slot::default();
        // Other fields belong to the error, if there is one; which of them matter depends on
        // `errcode`.
        let rest = read_object(map, |name, map| {
            match name {
                FLOWS_FIELD => flows.read(map, name)?,
                COMPLETED_FIELD => completed.read(map, name)?,
                PARAMS_FIELD => params.read(map, name)?,
                SESSION_FIELD => session.read(map, name)?,
                StandardErrorBody::ERRCODE_FIELD => errcode.read(map, name)?,
                StandardErrorBody::ERROR_FIELD => message.read(map, name)?,
                _ => return Ok(false),
            }
            Ok(true)
        })?;
        let auth_error = match errcode.into_inner() {
            Some(errcode) => Some(StandardErrorBody::from_wire_fields(
                errcode,
                message.into_inner().flatten(),
                rest,
            )?),
            None => None,
        };
        Ok(UiaaInfo {
            flows: flows
                .into_inner()
                .ok_or_else(|| de::Error::missing_field(FLOWS_FIELD))?,
            completed: completed.into_inner().flatten().unwrap_or_default(),
            params: params
                .into_inner()
                .flatten()
                .map(|params| params.0)
                .unwrap_or_default(),
            session: session.into_inner().flatten(),
            auth_error,
        })
    }
}
