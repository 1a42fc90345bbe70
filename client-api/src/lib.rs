//! The endpoints of the Matrix Client-Server API, declared with [`matrix_api`]: for each
//! operation a module with `Request` and `Response` types that convert to and from `http`
//! messages on the client and on the server.
//!
//! Module paths follow ruma-client-api's (`session::login::v3`, `account::whoami::v3`,
//! `discovery::get_capabilities::v3`, `uiaa`), so that a type is where a user of Ruma looks for
//! it. The cargo features `client` and `server` (both on by default) choose which conversions
//! are generated; `describe` adds the machine-readable description of each endpoint that
//! `matrix_api::describe` reads.
//!
//! Each top-level module holding endpoints is also a cargo feature of the same name (`sync`,
//! `message`, `keys`, `media`, …), all on by default through the feature `full`. A program
//! calling a few endpoints builds only their groups, for example
//! `default-features = false, features = ["client", "sync", "message", "membership"]`; a group
//! turns on the groups whose types it uses, and `client` turns on `discovery` and `session`,
//! which the client glue calls.
//!
//! The groups are compiled in crates of a few groups each (`matrix-client-api-timeline` holds
//! `filter`, `message`, `context`, `search`, `sync` and `to_device`; `matrix-client-api-common`
//! what they share), which this crate re-exports at the paths above: editing one endpoint
//! rebuilds its crate, not the whole API, and the crates build side by side. Depend on this
//! crate; the others are its parts.
//!
//! Every endpoint is listed once, in [`for_each_endpoint!`]: the OpenAPI output, the
//! specification conformance test, the fuzz targets, the reference server's routing check and
//! `matrix-login versions` all read that list, so a new endpoint is its module plus one line
//! there. A new group is a module of one of the crates under `client-api/crates/`, a feature of
//! that crate, a feature here turning it on, and its re-export below. The list, [`ENDPOINTS`]
//! and `descriptions()` need every group: they exist with the feature `full`.

#![warn(missing_docs)]

#[cfg(feature = "account")]
#[doc(inline)]
pub use matrix_client_api_account::account;
#[cfg(feature = "client")]
pub mod client;
#[doc(inline)]
pub use matrix_client_api_common::uiaa;
#[cfg(feature = "discovery")]
#[doc(inline)]
pub use matrix_client_api_session::discovery;
#[cfg(feature = "session")]
#[doc(inline)]
pub use matrix_client_api_session::session;

// Rooms, state, events, relations, threads and reports.
#[cfg(feature = "redact")]
#[doc(inline)]
pub use matrix_client_api_rooms::redact;
#[cfg(feature = "relations")]
#[doc(inline)]
pub use matrix_client_api_rooms::relations;
#[cfg(feature = "reporting")]
#[doc(inline)]
pub use matrix_client_api_rooms::reporting;
#[cfg(feature = "room")]
#[doc(inline)]
pub use matrix_client_api_rooms::room;
#[cfg(feature = "state")]
#[doc(inline)]
pub use matrix_client_api_rooms::state;
#[cfg(feature = "threads")]
#[doc(inline)]
pub use matrix_client_api_rooms::threads;

// Sync, filters, messages, context, search and to-device.
#[cfg(feature = "context")]
#[doc(inline)]
pub use matrix_client_api_timeline::context;
#[cfg(feature = "filter")]
#[doc(inline)]
pub use matrix_client_api_timeline::filter;
#[cfg(feature = "message")]
#[doc(inline)]
pub use matrix_client_api_timeline::message;
#[cfg(feature = "search")]
#[doc(inline)]
pub use matrix_client_api_timeline::search;
#[cfg(feature = "sync")]
#[doc(inline)]
pub use matrix_client_api_timeline::sync;
#[cfg(feature = "to_device")]
#[doc(inline)]
pub use matrix_client_api_timeline::to_device;

// Membership, receipts, typing and spaces.
#[cfg(feature = "knock")]
#[doc(inline)]
pub use matrix_client_api_membership::knock;
#[cfg(feature = "membership")]
#[doc(inline)]
pub use matrix_client_api_membership::membership;
#[cfg(feature = "read_marker")]
#[doc(inline)]
pub use matrix_client_api_membership::read_marker;
#[cfg(feature = "receipt")]
#[doc(inline)]
pub use matrix_client_api_membership::receipt;
#[cfg(feature = "space")]
#[doc(inline)]
pub use matrix_client_api_membership::space;
#[cfg(feature = "typing")]
#[doc(inline)]
pub use matrix_client_api_membership::typing;

// Room aliases, the room directory, tags and account data.
#[cfg(feature = "alias")]
#[doc(inline)]
pub use matrix_client_api_directory::alias;
#[cfg(feature = "appservice")]
#[doc(inline)]
pub use matrix_client_api_directory::appservice;
#[cfg(feature = "config")]
#[doc(inline)]
pub use matrix_client_api_directory::config;
#[cfg(feature = "directory")]
#[doc(inline)]
pub use matrix_client_api_directory::directory;
#[cfg(feature = "tag")]
#[doc(inline)]
pub use matrix_client_api_directory::tag;

// End-to-end encryption keys and cross-signing.
#[cfg(feature = "keys")]
#[doc(inline)]
pub use matrix_client_api_keys::keys;

// Server-side key backup.
#[cfg(feature = "backup")]
#[doc(inline)]
pub use matrix_client_api_keys::backup;

// Devices, profiles, presence and the user directory.
#[cfg(feature = "device")]
#[doc(inline)]
pub use matrix_client_api_users::device;
#[cfg(feature = "presence")]
#[doc(inline)]
pub use matrix_client_api_users::presence;
#[cfg(feature = "profile")]
#[doc(inline)]
pub use matrix_client_api_users::profile;
#[cfg(feature = "user_directory")]
#[doc(inline)]
pub use matrix_client_api_users::user_directory;

// Third-party networks, VoIP, OpenID and the appservice ping.
#[cfg(feature = "thirdparty")]
#[doc(inline)]
pub use matrix_client_api_thirdparty::thirdparty;
#[cfg(feature = "voip")]
#[doc(inline)]
pub use matrix_client_api_thirdparty::voip;

// Push rules, pushers and notifications.
#[cfg(feature = "push")]
#[doc(inline)]
pub use matrix_client_api_push::push;

// Administration and discovery documents.
#[cfg(feature = "admin")]
#[doc(inline)]
pub use matrix_client_api_users::admin;

// Media: both generations of the content repository.
#[cfg(feature = "authenticated_media")]
#[doc(inline)]
pub use matrix_client_api_media::authenticated_media;
#[cfg(feature = "media")]
#[doc(inline)]
pub use matrix_client_api_media::media;

use matrix_api::Metadata;

/// The direction to page through a room's timeline (`/messages`, relations,
/// `timestamp_to_event`), where Ruma users find it.
pub use matrix_client_api_common::Direction;

/// Calls the macro `callback` with every endpoint of this crate: the registry, the one list
/// of endpoints.
///
/// `for_each_endpoint!(callback)` expands to `callback! { "module::path" => $crate::module::path,
/// … }`, one entry per endpoint (the module holds its `Request` and `Response`);
/// `for_each_endpoint!(callback; ARGS…)` passes `(ARGS…)` before the entries, for callbacks that
/// need more input. `callback` may be a path, such as `$crate::my_macro`.
///
/// ```
/// macro_rules! count {
///     ($($name:literal => $module:path),* $(,)?) => { [$($name),*].len() };
/// }
/// assert_eq!(matrix_client_api::for_each_endpoint!(count), 164);
///
/// // Each module can be named with `use`, to reach its types.
/// macro_rules! paths {
///     (($method:ident) $($name:literal => $module:path),* $(,)?) => {
///         vec![$({
///             use $module as endpoint;
///             (endpoint::Request::METADATA.method == http::Method::$method)
///                 .then(|| endpoint::Request::METADATA.history.canonical_path())
///         }),*]
///     };
/// }
/// let posts: Vec<Option<&str>> = matrix_client_api::for_each_endpoint!(paths; POST);
/// assert!(posts.contains(&Some("/_matrix/client/v3/login")));
/// ```
#[cfg(feature = "full")]
#[macro_export]
macro_rules! for_each_endpoint {
    (@list [$($callback:tt)*] [$($before:tt)*]) => {
        $($callback)*! {
            $($before)*
            "discovery::get_supported_versions" => $crate::discovery::get_supported_versions,
            "discovery::get_capabilities::v3" => $crate::discovery::get_capabilities::v3,
            "session::get_login_types::v3" => $crate::session::get_login_types::v3,
            "session::login::v3" => $crate::session::login::v3,
            "session::get_login_token::v1" => $crate::session::get_login_token::v1,
            "session::refresh_token::v3" => $crate::session::refresh_token::v3,
            "session::logout::v3" => $crate::session::logout::v3,
            "session::logout_all::v3" => $crate::session::logout_all::v3,
            "session::sso_login::v3" => $crate::session::sso_login::v3,
            "session::sso_login_with_provider::v3" => $crate::session::sso_login_with_provider::v3,
            "account::whoami::v3" => $crate::account::whoami::v3,
            // Accounts: registration, password, deactivation, 3PIDs.
            "account::register::v3" => $crate::account::register::v3,
            "account::request_registration_token_via_email::v3" => $crate::account::request_registration_token_via_email::v3,
            "account::request_registration_token_via_msisdn::v3" => $crate::account::request_registration_token_via_msisdn::v3,
            "account::get_username_availability::v3" => $crate::account::get_username_availability::v3,
            "account::check_registration_token_validity::v1" => $crate::account::check_registration_token_validity::v1,
            "account::deactivate::v3" => $crate::account::deactivate::v3,
            "account::change_password::v3" => $crate::account::change_password::v3,
            "account::request_password_change_token_via_email::v3" => $crate::account::request_password_change_token_via_email::v3,
            "account::request_password_change_token_via_msisdn::v3" => $crate::account::request_password_change_token_via_msisdn::v3,
            "account::get_3pids::v3" => $crate::account::get_3pids::v3,
            "account::add_3pid::v3" => $crate::account::add_3pid::v3,
            "account::add_3pid_deprecated::v3" => $crate::account::add_3pid_deprecated::v3,
            "account::bind_3pid::v3" => $crate::account::bind_3pid::v3,
            "account::delete_3pid::v3" => $crate::account::delete_3pid::v3,
            "account::unbind_3pid::v3" => $crate::account::unbind_3pid::v3,
            "account::request_3pid_management_token_via_email::v3" => $crate::account::request_3pid_management_token_via_email::v3,
            "account::request_3pid_management_token_via_msisdn::v3" => $crate::account::request_3pid_management_token_via_msisdn::v3,

            // Rooms, state, events, relations, threads and reports.
            "room::create_room::v3" => $crate::room::create_room::v3,
            "room::get_room_event::v3" => $crate::room::get_room_event::v3,
            "room::get_event_by_timestamp::v1" => $crate::room::get_event_by_timestamp::v1,
            "room::upgrade_room::v3" => $crate::room::upgrade_room::v3,
            "room::get_summary::v1" => $crate::room::get_summary::v1,
            "room::aliases::v3" => $crate::room::aliases::v3,
            "room::report_content::v3" => $crate::room::report_content::v3,
            "room::report_room::v3" => $crate::room::report_room::v3,
            "reporting::report_user::v3" => $crate::reporting::report_user::v3,
            "state::send_state_event::v3" => $crate::state::send_state_event::v3,
            "state::get_state_event_for_key::v3" => $crate::state::get_state_event_for_key::v3,
            "state::get_state_events::v3" => $crate::state::get_state_events::v3,
            "redact::redact_event::v3" => $crate::redact::redact_event::v3,
            "relations::get_relating_events::v1" => $crate::relations::get_relating_events::v1,
            "relations::get_relating_events_with_rel_type::v1" => $crate::relations::get_relating_events_with_rel_type::v1,
            "relations::get_relating_events_with_rel_type_and_event_type::v1" => $crate::relations::get_relating_events_with_rel_type_and_event_type::v1,
            "threads::get_threads::v1" => $crate::threads::get_threads::v1,

            // Sync, filters, messages, context, search and to-device.
            "sync::sync_events::v3" => $crate::sync::sync_events::v3,
            "filter::create_filter::v3" => $crate::filter::create_filter::v3,
            "filter::get_filter::v3" => $crate::filter::get_filter::v3,
            "message::get_message_events::v3" => $crate::message::get_message_events::v3,
            "message::send_message_event::v3" => $crate::message::send_message_event::v3,
            "context::get_context::v3" => $crate::context::get_context::v3,
            "search::search_events::v3" => $crate::search::search_events::v3,
            "to_device::send_event_to_device::v3" => $crate::to_device::send_event_to_device::v3,
            "sync::get_events::v3" => $crate::sync::get_events::v3,
            "sync::initial_sync::v3" => $crate::sync::initial_sync::v3,
            "sync::get_event::v3" => $crate::sync::get_event::v3,
            "sync::room_initial_sync::v3" => $crate::sync::room_initial_sync::v3,

            // Membership, receipts, typing and spaces.
            "membership::join_room_by_id::v3" => $crate::membership::join_room_by_id::v3,
            "membership::join_room_by_id_or_alias::v3" => $crate::membership::join_room_by_id_or_alias::v3,
            "membership::leave_room::v3" => $crate::membership::leave_room::v3,
            "membership::forget_room::v3" => $crate::membership::forget_room::v3,
            "membership::invite_user::v3" => $crate::membership::invite_user::v3,
            "membership::kick_user::v3" => $crate::membership::kick_user::v3,
            "membership::ban_user::v3" => $crate::membership::ban_user::v3,
            "membership::unban_user::v3" => $crate::membership::unban_user::v3,
            "knock::knock_room::v3" => $crate::knock::knock_room::v3,
            "membership::joined_rooms::v3" => $crate::membership::joined_rooms::v3,
            "membership::get_member_events::v3" => $crate::membership::get_member_events::v3,
            "membership::joined_members::v3" => $crate::membership::joined_members::v3,
            "membership::mutual_rooms::v1" => $crate::membership::mutual_rooms::v1,
            "read_marker::set_read_marker::v3" => $crate::read_marker::set_read_marker::v3,
            "receipt::create_receipt::v3" => $crate::receipt::create_receipt::v3,
            "typing::create_typing_event::v3" => $crate::typing::create_typing_event::v3,
            "space::get_hierarchy::v1" => $crate::space::get_hierarchy::v1,

            // Room aliases, the room directory, tags and account data.
            "alias::create_alias::v3" => $crate::alias::create_alias::v3,
            "alias::get_alias::v3" => $crate::alias::get_alias::v3,
            "alias::delete_alias::v3" => $crate::alias::delete_alias::v3,
            "directory::get_room_visibility::v3" => $crate::directory::get_room_visibility::v3,
            "directory::set_room_visibility::v3" => $crate::directory::set_room_visibility::v3,
            "directory::get_public_rooms::v3" => $crate::directory::get_public_rooms::v3,
            "directory::get_public_rooms_filtered::v3" => $crate::directory::get_public_rooms_filtered::v3,
            "appservice::set_room_visibility::v3" => $crate::appservice::set_room_visibility::v3,
            "tag::get_tags::v3" => $crate::tag::get_tags::v3,
            "tag::create_tag::v3" => $crate::tag::create_tag::v3,
            "tag::delete_tag::v3" => $crate::tag::delete_tag::v3,
            "config::set_global_account_data::v3" => $crate::config::set_global_account_data::v3,
            "config::get_global_account_data::v3" => $crate::config::get_global_account_data::v3,
            "config::set_room_account_data::v3" => $crate::config::set_room_account_data::v3,
            "config::get_room_account_data::v3" => $crate::config::get_room_account_data::v3,

            // End-to-end encryption keys and cross-signing.
            "keys::upload_keys::v3" => $crate::keys::upload_keys::v3,
            "keys::get_keys::v3" => $crate::keys::get_keys::v3,
            "keys::claim_keys::v3" => $crate::keys::claim_keys::v3,
            "keys::get_key_changes::v3" => $crate::keys::get_key_changes::v3,
            "keys::upload_signing_keys::v3" => $crate::keys::upload_signing_keys::v3,
            "keys::upload_signatures::v3" => $crate::keys::upload_signatures::v3,

            // Server-side key backup.
            "backup::create_backup_version::v3" => $crate::backup::create_backup_version::v3,
            "backup::get_latest_backup_info::v3" => $crate::backup::get_latest_backup_info::v3,
            "backup::get_backup_info::v3" => $crate::backup::get_backup_info::v3,
            "backup::update_backup_version::v3" => $crate::backup::update_backup_version::v3,
            "backup::delete_backup_version::v3" => $crate::backup::delete_backup_version::v3,
            "backup::add_backup_keys::v3" => $crate::backup::add_backup_keys::v3,
            "backup::add_backup_keys_for_room::v3" => $crate::backup::add_backup_keys_for_room::v3,
            "backup::add_backup_keys_for_session::v3" => $crate::backup::add_backup_keys_for_session::v3,
            "backup::get_backup_keys::v3" => $crate::backup::get_backup_keys::v3,
            "backup::get_backup_keys_for_room::v3" => $crate::backup::get_backup_keys_for_room::v3,
            "backup::get_backup_keys_for_session::v3" => $crate::backup::get_backup_keys_for_session::v3,
            "backup::delete_backup_keys::v3" => $crate::backup::delete_backup_keys::v3,
            "backup::delete_backup_keys_for_room::v3" => $crate::backup::delete_backup_keys_for_room::v3,
            "backup::delete_backup_keys_for_session::v3" => $crate::backup::delete_backup_keys_for_session::v3,

            // Devices, profiles, presence and the user directory.
            "device::get_devices::v3" => $crate::device::get_devices::v3,
            "device::get_device::v3" => $crate::device::get_device::v3,
            "device::update_device::v3" => $crate::device::update_device::v3,
            "device::delete_device::v3" => $crate::device::delete_device::v3,
            "device::delete_devices::v3" => $crate::device::delete_devices::v3,
            "profile::get_profile::v3" => $crate::profile::get_profile::v3,
            "profile::get_profile_field::v3" => $crate::profile::get_profile_field::v3,
            "profile::set_profile_field::v3" => $crate::profile::set_profile_field::v3,
            "profile::delete_profile_field::v3" => $crate::profile::delete_profile_field::v3,
            "presence::set_presence::v3" => $crate::presence::set_presence::v3,
            "presence::get_presence::v3" => $crate::presence::get_presence::v3,
            "user_directory::search_users::v3" => $crate::user_directory::search_users::v3,

            // Third-party networks, VoIP, OpenID and the appservice ping.
            "thirdparty::get_protocols::v3" => $crate::thirdparty::get_protocols::v3,
            "thirdparty::get_protocol::v3" => $crate::thirdparty::get_protocol::v3,
            "thirdparty::get_location_for_protocol::v3" => $crate::thirdparty::get_location_for_protocol::v3,
            "thirdparty::get_user_for_protocol::v3" => $crate::thirdparty::get_user_for_protocol::v3,
            "thirdparty::get_location_for_room_alias::v3" => $crate::thirdparty::get_location_for_room_alias::v3,
            "thirdparty::get_user_for_user_id::v3" => $crate::thirdparty::get_user_for_user_id::v3,
            "voip::get_turn_server_info::v3" => $crate::voip::get_turn_server_info::v3,
            "account::request_openid_token::v3" => $crate::account::request_openid_token::v3,
            "appservice::request_ping::v1" => $crate::appservice::request_ping::v1,

            // Push rules, pushers and notifications.
            "push::get_pushrules_all::v3" => $crate::push::get_pushrules_all::v3,
            "push::get_pushrules_global_scope::v3" => $crate::push::get_pushrules_global_scope::v3,
            "push::get_pushrule::v3" => $crate::push::get_pushrule::v3,
            "push::set_pushrule::v3" => $crate::push::set_pushrule::v3,
            "push::delete_pushrule::v3" => $crate::push::delete_pushrule::v3,
            "push::get_pushrule_enabled::v3" => $crate::push::get_pushrule_enabled::v3,
            "push::set_pushrule_enabled::v3" => $crate::push::set_pushrule_enabled::v3,
            "push::get_pushrule_actions::v3" => $crate::push::get_pushrule_actions::v3,
            "push::set_pushrule_actions::v3" => $crate::push::set_pushrule_actions::v3,
            "push::get_pushers::v3" => $crate::push::get_pushers::v3,
            "push::set_pusher::v3" => $crate::push::set_pusher::v3,
            "push::get_notifications::v3" => $crate::push::get_notifications::v3,

            // Administration and discovery documents.
            "admin::get_user_info::v3" => $crate::admin::get_user_info::v3,
            "admin::is_user_suspended::v1" => $crate::admin::is_user_suspended::v1,
            "admin::suspend_user::v1" => $crate::admin::suspend_user::v1,
            "admin::is_user_locked::v1" => $crate::admin::is_user_locked::v1,
            "admin::lock_user::v1" => $crate::admin::lock_user::v1,
            "discovery::discover_homeserver" => $crate::discovery::discover_homeserver,
            "discovery::discover_support" => $crate::discovery::discover_support,
            "discovery::discover_policy_server" => $crate::discovery::discover_policy_server,
            "discovery::get_authorization_server_metadata::v1" => $crate::discovery::get_authorization_server_metadata::v1,

            // Media: both generations of the content repository.
            "media::create_content::v3" => $crate::media::create_content::v3,
            "media::create_mxc_uri::v1" => $crate::media::create_mxc_uri::v1,
            "media::create_content_async::v3" => $crate::media::create_content_async::v3,
            "media::get_media_config::v3" => $crate::media::get_media_config::v3,
            "media::get_media_preview::v3" => $crate::media::get_media_preview::v3,
            "media::get_content::v3" => $crate::media::get_content::v3,
            "media::get_content_as_filename::v3" => $crate::media::get_content_as_filename::v3,
            "media::get_content_thumbnail::v3" => $crate::media::get_content_thumbnail::v3,
            "authenticated_media::get_media_config::v1" => $crate::authenticated_media::get_media_config::v1,
            "authenticated_media::get_media_preview::v1" => $crate::authenticated_media::get_media_preview::v1,
            "authenticated_media::get_content::v1" => $crate::authenticated_media::get_content::v1,
            "authenticated_media::get_content_as_filename::v1" => $crate::authenticated_media::get_content_as_filename::v1,
            "authenticated_media::get_content_thumbnail::v1" => $crate::authenticated_media::get_content_thumbnail::v1,

        }
    };
    ($($callback:tt)::+ ; $($args:tt)*) => {
        $crate::for_each_endpoint!(@list [$($callback)::+] [($($args)*)])
    };
    ($($callback:tt)::+) => {
        $crate::for_each_endpoint!(@list [$($callback)::+] [])
    };
}

/// One endpoint of this crate, as [`ENDPOINTS`] lists it.
#[derive(Clone, Debug)]
pub struct Endpoint {
    /// The module that declares it, below this crate, such as `session::login::v3`.
    pub module: &'static str,
    /// Its method, authentication, rate limiting and paths.
    pub metadata: Metadata,
}

#[cfg(feature = "full")]
macro_rules! endpoint_list {
    ($($name:literal => $module:path),* $(,)?) => {
        &[$(Endpoint {
            module: $name,
            metadata: {
                use $module as endpoint;
                endpoint::Request::METADATA
            },
        }),*]
    };
}

/// Every endpoint of this crate, in [`for_each_endpoint!`]'s order.
#[cfg(feature = "full")]
pub const ENDPOINTS: &[Endpoint] = for_each_endpoint!(endpoint_list);

/// The description of every endpoint of this crate, for `matrix_api::describe::openapi` and
/// other programs that read endpoints (cargo feature `describe`). Each names its module by the
/// path it is used by (`matrix_client_api::session::login::v3`), not by the part crate that
/// declares it.
#[cfg(all(feature = "describe", feature = "full"))]
pub fn descriptions() -> Vec<matrix_api::describe::EndpointDescription> {
    macro_rules! descriptions {
        ($($name:literal => $module:path),* $(,)?) => {
            vec![$({
                use $module as endpoint;
                matrix_api::describe::EndpointDescription {
                    module: concat!("matrix_client_api::", $name),
                    ..<endpoint::Request as matrix_api::describe::Describe>::DESCRIPTION
                }
            }),*]
        };
    }
    for_each_endpoint!(descriptions)
}
