//! `GET /_matrix/client/*/account/3pid`: the third-party identifiers (email addresses, phone
//! numbers) the homeserver has associated with the account.
//!
//! This is the homeserver's list, used for example for password resets; it is not the list
//! of identifiers bound to the user in identity servers.
//!
//! Its method, authentication and every path with the version that introduced it are in
//! the documentation of [`v3::Request`], written from its declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3account3pid>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::thirdparty::ThirdPartyIdentifier;

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/client/r0/account/3pid",
            1.1 => "/_matrix/client/v3/account/3pid",
        }
    };

    /// The request: it has no parameters; the access token names the account.
    #[request]
    #[derive(PartialEq, Eq, Default)]
    pub struct Request {}

    /// The response: the account's identifiers.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {
        /// Each identifier with its medium, address and when it was validated and added.
        /// Absent is read as none; it is always written, as servers send it.
        #[serde(default)]
        pub threepids: Vec<ThirdPartyIdentifier>,
    }

    impl Request {
        /// The request; it has nothing to fill in.
        pub fn new() -> Self {
            Request {}
        }
    }

    impl Response {
        /// A response with these identifiers.
        pub fn new(threepids: Vec<ThirdPartyIdentifier>) -> Self {
            Response { threepids }
        }
    }

    #[cfg(test)]
    mod tests {
        use matrix_api::{IncomingResponse, OutgoingResponse};
        use ruma_common::thirdparty::Medium;

        use super::Response;

        #[test]
        fn identifiers_round_trip_and_an_unknown_medium_is_kept() {
            let body = br#"{"threepids":[{"address":"+44 7700 900001","medium":"msisdn","validated_at":1535176800000,"added_at":1535336848756},{"address":"x","medium":"org.example.fax","validated_at":1,"added_at":2}]}"#;
            let answer = http::Response::builder()
                .status(200)
                .body(body.to_vec())
                .unwrap();
            let read = Response::try_from_http_response(answer).unwrap();
            assert_eq!(read.threepids[0].medium, Medium::Msisdn);
            assert_eq!(read.threepids[1].medium.as_str(), "org.example.fax");
            let written = read.try_into_http_response().unwrap();
            let json: serde_json::Value = serde_json::from_slice(written.body()).unwrap();
            assert_eq!(
                json,
                serde_json::from_slice::<serde_json::Value>(body).unwrap()
            );
            let empty = http::Response::builder()
                .status(200)
                .body(b"{}".to_vec())
                .unwrap();
            assert!(Response::try_from_http_response(empty)
                .unwrap()
                .threepids
                .is_empty());
        }
    }
}
