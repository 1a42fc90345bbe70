//! The user's account: registration, password, deactivation and third-party identifiers.

pub mod add_3pid;
pub mod add_3pid_deprecated;
pub mod bind_3pid;
pub mod change_password;
pub mod check_registration_token_validity;
pub mod deactivate;
pub mod delete_3pid;
pub mod get_3pids;
pub mod get_username_availability;
pub mod register;
pub mod request_3pid_management_token_via_email;
pub mod request_3pid_management_token_via_msisdn;
pub mod request_openid_token;
pub mod request_password_change_token_via_email;
pub mod request_password_change_token_via_msisdn;
pub mod request_registration_token_via_email;
pub mod request_registration_token_via_msisdn;
pub mod request_token;
pub mod unbind_3pid;
pub mod whoami;

crate::string_enum::string_enum! {
    /// Whether the homeserver could unbind third-party identifiers from the identity server
    /// (`id_server_unbind_result` of deactivation, `3pid/delete` and `3pid/unbind`).
    pub enum ThirdPartyIdRemovalStatus {
        /// Every identifier was unbound, or there was none to unbind.
        Success => "success",
        /// At least one identifier was not unbound: the identity server refused, or the
        /// homeserver did not know which identity server to ask.
        NoSupport => "no-support",
    }
}

#[cfg(test)]
mod tests {
    use super::ThirdPartyIdRemovalStatus;

    #[test]
    fn removal_status_keeps_unknown_values() {
        let read: Vec<ThirdPartyIdRemovalStatus> =
            serde_json::from_str(r#"["success","no-support","partial"]"#).unwrap();
        assert_eq!(
            read[..2],
            [
                ThirdPartyIdRemovalStatus::Success,
                ThirdPartyIdRemovalStatus::NoSupport
            ]
        );
        assert_eq!(read[2].as_str(), "partial");
    }
}
