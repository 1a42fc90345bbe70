//! [`ErrorKind`]: every error code the Client-Server API defines, with the fields each carries,
//! and any other code kept as it came.

use std::fmt;

use ruma_common::serde::JsonObject;
use ruma_common::RoomVersionId;
use serde::de::DeserializeOwned;
use serde::ser::SerializeMap;
use serde::Serialize;
use serde_json::Value;

/// A field an error code defines beside `errcode` and `error`: how it is read from the body's
/// other fields, and whether and how it is written.
trait ExtraField: Sized {
    /// Reads the field; `None` when the body lacks it. An error says what is wrong, and the
    /// body is then kept as plain JSON, so that nothing the server sent is lost.
    fn read(value: Option<Value>) -> Result<Self, String>;
    /// The value to write, `None` to leave the field out.
    fn write(&self) -> Option<Value>;
}

/// A flag that defaults to `false`: absent or `null` reads as `false`, and `false` is not
/// written, so a body re-serialises as it came.
impl ExtraField for bool {
    fn read(value: Option<Value>) -> Result<Self, String> {
        match value {
            None | Some(Value::Null) => Ok(false),
            Some(Value::Bool(flag)) => Ok(flag),
            Some(other) => Err(format!("expected a boolean, found {other}")),
        }
    }

    fn write(&self) -> Option<Value> {
        self.then_some(Value::Bool(true))
    }
}

/// An optional field: absent or `null` reads as `None`, which is not written.
impl<T: DeserializeOwned + Serialize> ExtraField for Option<T> {
    fn read(value: Option<Value>) -> Result<Self, String> {
        match value {
            None | Some(Value::Null) => Ok(None),
            Some(value) => serde_json::from_value(value)
                .map(Some)
                .map_err(|err| err.to_string()),
        }
    }

    fn write(&self) -> Option<Value> {
        self.as_ref()
            .and_then(|value| serde_json::to_value(value).ok())
    }
}

/// A field the code requires.
macro_rules! required_extra_field {
    ($($ty:ty),*) => {$(
        impl ExtraField for $ty {
            fn read(value: Option<Value>) -> Result<Self, String> {
                match value {
                    Some(value) => serde_json::from_value(value).map_err(|err| err.to_string()),
                    None => Err("missing".to_owned()),
                }
            }

            fn write(&self) -> Option<Value> {
                serde_json::to_value(self).ok()
            }
        }
    )*};
}

required_extra_field!(String, RoomVersionId);

/// Declares [`ErrorKind`] from one table: each variant with its code and its fields, so that
/// the enum, [`ErrorKind::errcode`], the reading and the writing cannot disagree.
macro_rules! error_kinds {
    ($(
        $(#[$doc:meta])*
        $variant:ident $({ $($(#[$field_doc:meta])* $field:ident: $ty:ty),* $(,)? })? => $code:literal,
    )*) => {
        /// A Matrix error code (`errcode`), with the fields the specification defines for it.
        ///
        /// Every code of the Client-Server API has a variant; codes this crate does not model
        /// are [`ErrorKind::Other`], which keeps the code and every other field verbatim. An
        /// `Other` built by hand with a code that has a variant still serialises correctly, but
        /// does not compare equal to the parsed form.
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum ErrorKind {
            $(
                $(#[$doc])*
                $variant $({ $($(#[$field_doc])* $field: $ty),* })?,
            )*
            /// Any other code, kept with all the body's fields except `errcode` and `error`,
            /// so that re-serialising gives back the same JSON.
            Other {
                /// The code as it came.
                errcode: String,
                /// Every other field of the body.
                extra: JsonObject,
            },
        }

        impl ErrorKind {
            /// Every code with a variant, as written on the wire.
            pub const KNOWN_CODES: &'static [&'static str] = &[$($code),*];

            /// The code as written on the wire, such as `M_FORBIDDEN`.
            pub fn errcode(&self) -> &str {
                match self {
                    $(ErrorKind::$variant { .. } => $code,)*
                    ErrorKind::Other { errcode, .. } => errcode,
                }
            }

            /// The kind of `errcode`, reading the fields it defines out of `extra` (the body's
            /// fields besides `errcode` and `error`; the others are dropped). A field of the
            /// wrong shape is an error naming it.
            pub(super) fn from_wire(errcode: String, mut extra: JsonObject) -> Result<Self, String> {
                #[allow(unused_variables, unused_mut)]
                let mut field = |name: &str| extra.remove(name);
                Ok(match errcode.as_str() {
                    $($code => ErrorKind::$variant $({ $(
                        $field: ExtraField::read(field(stringify!($field)))
                            .map_err(|err| format!("field `{}`: {err}", stringify!($field)))?,
                    )* })?,)*
                    _ => ErrorKind::Other { errcode, extra },
                })
            }

            /// Writes the fields of the code besides `errcode` and `error`. Keys of an unknown
            /// code's `extra` that are in `reserved`, or are `errcode` / `error`, are skipped.
            pub(super) fn serialize_extra<M: SerializeMap>(
                &self,
                map: &mut M,
                reserved: &[&str],
            ) -> Result<(), M::Error> {
                match self {
                    $(ErrorKind::$variant $({ $($field),* })? => {
                        $($(
                            if let Some(value) = ExtraField::write($field) {
                                map.serialize_entry(stringify!($field), &value)?;
                            }
                        )*)?
                    })*
                    ErrorKind::Other { extra, .. } => {
                        for (key, value) in extra {
                            if key != "errcode" && key != "error" && !reserved.contains(&&**key) {
                                map.serialize_entry(key, value)?;
                            }
                        }
                    }
                }
                Ok(())
            }
        }
    };
}

error_kinds! {
    /// `M_APPSERVICE_LOGIN_UNSUPPORTED`: an application service used a login type it may not.
    AppserviceLoginUnsupported => "M_APPSERVICE_LOGIN_UNSUPPORTED",
    /// `M_BAD_ALIAS`: a room alias given does not point at the room.
    BadAlias => "M_BAD_ALIAS",
    /// `M_BAD_JSON`: the body is JSON but does not have the expected shape.
    BadJson => "M_BAD_JSON",
    /// `M_BAD_STATE`: the state change cannot be made, such as unbanning a user who is not
    /// banned.
    BadState => "M_BAD_STATE",
    /// `M_BAD_STATUS`: an application service answered a ping with an error status.
    BadStatus {
        /// The status the application service answered with.
        status: Option<u16>,
        /// The body it answered with.
        body: Option<String>,
    } => "M_BAD_STATUS",
    /// `M_CANNOT_LEAVE_SERVER_NOTICE_ROOM`: the user cannot reject an invite to the server
    /// notices room.
    CannotLeaveServerNoticeRoom => "M_CANNOT_LEAVE_SERVER_NOTICE_ROOM",
    /// `M_CANNOT_OVERWRITE_MEDIA`: the media ID already has content.
    CannotOverwriteMedia => "M_CANNOT_OVERWRITE_MEDIA",
    /// `M_CAPTCHA_INVALID`: the captcha answer is wrong.
    CaptchaInvalid => "M_CAPTCHA_INVALID",
    /// `M_CAPTCHA_NEEDED`: a captcha is needed to complete the request.
    CaptchaNeeded => "M_CAPTCHA_NEEDED",
    /// `M_CONNECTION_FAILED`: the server could not reach an application service.
    ConnectionFailed => "M_CONNECTION_FAILED",
    /// `M_CONNECTION_TIMEOUT`: the connection to an application service timed out.
    ConnectionTimeout => "M_CONNECTION_TIMEOUT",
    /// `M_DUPLICATE_ANNOTATION`: the user already sent this annotation (reaction).
    DuplicateAnnotation => "M_DUPLICATE_ANNOTATION",
    /// `M_EXCLUSIVE`: the resource is reserved by an application service, or the application
    /// service asking did not create it.
    Exclusive => "M_EXCLUSIVE",
    /// `M_FORBIDDEN`: the request is not allowed, for example for lack of permission.
    Forbidden => "M_FORBIDDEN",
    /// `M_GUEST_ACCESS_FORBIDDEN`: the room or resource does not let guests in.
    GuestAccessForbidden => "M_GUEST_ACCESS_FORBIDDEN",
    /// `M_INCOMPATIBLE_ROOM_VERSION`: the room's version is one the server does not support.
    IncompatibleRoomVersion {
        /// The room's version.
        room_version: RoomVersionId,
    } => "M_INCOMPATIBLE_ROOM_VERSION",
    /// `M_INVALID_PARAM`: a parameter has an invalid value.
    InvalidParam => "M_INVALID_PARAM",
    /// `M_INVALID_ROOM_STATE`: the initial state given to `createRoom` is invalid.
    InvalidRoomState => "M_INVALID_ROOM_STATE",
    /// `M_INVALID_SIGNATURE`: a signature did not verify.
    InvalidSignature => "M_INVALID_SIGNATURE",
    /// `M_INVALID_USERNAME`: the user ID to register is not valid.
    InvalidUsername => "M_INVALID_USERNAME",
    /// `M_INVITE_BLOCKED`: a homeserver refused an invite because the invitee blocks invites
    /// (since Matrix v1.18).
    InviteBlocked => "M_INVITE_BLOCKED",
    /// `M_KEY_TOO_LARGE`: a profile field's name is too long.
    KeyTooLarge => "M_KEY_TOO_LARGE",
    /// `M_LIMIT_EXCEEDED`: the client is sending too many requests.
    LimitExceeded {
        /// How long to wait before retrying, in milliseconds, when the server says
        /// (deprecated in favour of the `Retry-After` header, which a parsed error falls back
        /// to).
        retry_after_ms: Option<u64>,
    } => "M_LIMIT_EXCEEDED",
    /// `M_MISSING_PARAM`: a required parameter is missing.
    MissingParam => "M_MISSING_PARAM",
    /// `M_MISSING_TOKEN`: the request carries no access token and needs one.
    MissingToken => "M_MISSING_TOKEN",
    /// `M_NOT_FOUND`: no resource was found for the request.
    NotFound => "M_NOT_FOUND",
    /// `M_NOT_JSON`: the body is not valid JSON.
    NotJson => "M_NOT_JSON",
    /// `M_NOT_YET_UPLOADED`: the media ID exists but its content has not been uploaded yet.
    NotYetUploaded => "M_NOT_YET_UPLOADED",
    /// `M_PROFILE_TOO_LARGE`: the profile would grow past the server's limit.
    ProfileTooLarge => "M_PROFILE_TOO_LARGE",
    /// `M_RESOURCE_LIMIT_EXCEEDED`: the homeserver has reached a resource limit.
    ResourceLimitExceeded {
        /// Where the user can reach the server's administrator.
        admin_contact: String,
    } => "M_RESOURCE_LIMIT_EXCEEDED",
    /// `M_ROOM_IN_USE`: the room alias given to `createRoom` is taken.
    RoomInUse => "M_ROOM_IN_USE",
    /// `M_SERVER_NOT_TRUSTED`: the request named a server (an identity server, say) that this
    /// server does not trust.
    ServerNotTrusted => "M_SERVER_NOT_TRUSTED",
    /// `M_THREEPID_AUTH_FAILED`: the third-party identifier could not be authenticated.
    ThreepidAuthFailed => "M_THREEPID_AUTH_FAILED",
    /// `M_THREEPID_DENIED`: the server does not accept this third-party identifier.
    ThreepidDenied => "M_THREEPID_DENIED",
    /// `M_THREEPID_IN_USE`: the third-party identifier is already in use.
    ThreepidInUse => "M_THREEPID_IN_USE",
    /// `M_THREEPID_MEDIUM_NOT_SUPPORTED`: the server does not support this medium.
    ThreepidMediumNotSupported => "M_THREEPID_MEDIUM_NOT_SUPPORTED",
    /// `M_THREEPID_NOT_FOUND`: no record matches the third-party identifier.
    ThreepidNotFound => "M_THREEPID_NOT_FOUND",
    /// `M_TOKEN_INCORRECT`: the token given for a third-party identifier validation is wrong.
    TokenIncorrect => "M_TOKEN_INCORRECT",
    /// `M_TOO_LARGE`: the request or entity is too large.
    TooLarge => "M_TOO_LARGE",
    /// `M_UNAUTHORIZED`: the request was not correctly authorised.
    Unauthorized => "M_UNAUTHORIZED",
    /// `M_UNKNOWN`: an error with no more specific code.
    Unknown => "M_UNKNOWN",
    /// `M_UNKNOWN_DEVICE`: the device an application service asserted does not belong to the
    /// user (since Matrix v1.17).
    UnknownDevice => "M_UNKNOWN_DEVICE",
    /// `M_UNKNOWN_TOKEN`: the access or refresh token is not recognised.
    UnknownToken {
        /// When true, the client should log in again keeping its device and local state,
        /// rather than discarding them.
        soft_logout: bool,
    } => "M_UNKNOWN_TOKEN",
    /// `M_UNRECOGNIZED`: the server does not know this endpoint or method.
    Unrecognized => "M_UNRECOGNIZED",
    /// `M_UNSUPPORTED_ROOM_VERSION`: the room version asked for is not supported.
    UnsupportedRoomVersion => "M_UNSUPPORTED_ROOM_VERSION",
    /// `M_URL_NOT_SET`: the application service has no URL to ping.
    UrlNotSet => "M_URL_NOT_SET",
    /// `M_USER_DEACTIVATED`: the user's account has been deactivated.
    UserDeactivated => "M_USER_DEACTIVATED",
    /// `M_USER_IN_USE`: the user ID to register is taken.
    UserInUse => "M_USER_IN_USE",
    /// `M_USER_LIMIT_EXCEEDED`: the user has reached a limit of their account (since Matrix
    /// v1.18).
    UserLimitExceeded {
        /// A page the client can show the user about the limit.
        info_uri: String,
        /// Whether the limit can be raised, for example by upgrading the account.
        can_upgrade: bool,
    } => "M_USER_LIMIT_EXCEEDED",
    /// `M_USER_LOCKED`: the account is locked and cannot be used for now.
    UserLocked => "M_USER_LOCKED",
    /// `M_USER_SUSPENDED`: the account is suspended and can only do limited things for now.
    UserSuspended => "M_USER_SUSPENDED",
    /// `M_WEAK_PASSWORD`: the password is too weak.
    WeakPassword => "M_WEAK_PASSWORD",
    /// `M_WRONG_ROOM_KEYS_VERSION`: the key backup version is not the current one.
    WrongRoomKeysVersion {
        /// The current version of the backup.
        current_version: Option<String>,
    } => "M_WRONG_ROOM_KEYS_VERSION",
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.errcode())
    }
}
