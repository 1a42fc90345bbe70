//! Ruma's names for declaring an endpoint (`ruma_common::api`), so that a declaration moving
//! from Ruma compiles with its imports changed to this module:
//!
//! ```
//! mod get_login_token {
//!     use matrix_api::api::{auth_scheme::AccessToken, metadata, request, response};
//!
//!     metadata! {
//!         method: POST,
//!         rate_limited: true,
//!         authentication: AccessToken,
//!         history: {
//!             unstable("org.matrix.msc3882") => "/_matrix/client/unstable/org.matrix.msc3882/login/get_token",
//!             1.7 => "/_matrix/client/v1/login/get_token",
//!         }
//!     }
//!
//!     #[request]
//!     #[derive(Default)]
//!     pub struct Request {}
//!
//!     #[response]
//!     pub struct Response {
//!         pub login_token: String,
//!     }
//! }
//!
//! assert_eq!(
//!     get_login_token::Request::METADATA.authentication,
//!     matrix_api::AuthScheme::AccessToken,
//! );
//! ```
//!
//! Here `metadata!` is an item that declares the module's `METADATA` (the crate root's
//! [`metadata!`](crate::metadata) is the expression of `const METADATA: Metadata = …`), and
//! `authentication` names one of the types of [`auth_scheme`], which the module imports. The
//! grammar is otherwise the same.

pub use crate::{request, response};
/// `metadata!` as an item: `metadata! { … }` declares `const METADATA: Metadata` in its module.
/// The grammar is that of the crate root's [`metadata!`](crate::metadata), with `authentication`
/// naming a type of [`auth_scheme`].
pub use matrix_api_macros::metadata_item as metadata;

/// The authentication schemes as types, as Ruma names them, for `authentication` in
/// [`metadata!`](self::metadata).
pub mod auth_scheme {
    /// An authentication scheme named by a type: the [`AuthScheme`](crate::AuthScheme) it is.
    pub trait Scheme {
        /// The scheme.
        const SCHEME: crate::AuthScheme;
    }

    macro_rules! schemes {
        ($($(#[$doc:meta])* $name:ident => $scheme:ident,)*) => {$(
            $(#[$doc])*
            #[derive(Clone, Copy, Debug, Default)]
            pub struct $name;

            impl Scheme for $name {
                const SCHEME: crate::AuthScheme = crate::AuthScheme::$scheme;
            }
        )*};
    }

    schemes! {
        /// No authentication: [`AuthScheme::None`](crate::AuthScheme::None).
        NoAuthentication => None,
        /// No access token on an API that usually takes one; sent only with
        /// `SendAccessToken::Always`: [`AuthScheme::None`](crate::AuthScheme::None).
        NoAccessToken => None,
        /// A user's access token: [`AuthScheme::AccessToken`](crate::AuthScheme::AccessToken).
        AccessToken => AccessToken,
        /// A user's access token when given:
        /// [`AuthScheme::AccessTokenOptional`](crate::AuthScheme::AccessTokenOptional).
        AccessTokenOptional => AccessTokenOptional,
        /// An application service's token:
        /// [`AuthScheme::AppserviceToken`](crate::AuthScheme::AppserviceToken).
        AppserviceToken => AppserviceToken,
        /// An application service's token when given:
        /// [`AuthScheme::AppserviceTokenOptional`](crate::AuthScheme::AppserviceTokenOptional).
        AppserviceTokenOptional => AppserviceTokenOptional,
    }
}
