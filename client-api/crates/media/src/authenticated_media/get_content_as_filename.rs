//! `GET /_matrix/client/v1/media/download/{serverName}/{mediaId}/{fileName}`: the bytes of an
//! `mxc://` URI under a file name of the caller's choosing, for an authenticated user.
//!
//! The server puts the file name into `Content-Disposition`. Since Matrix v1.11 (MSC3916) it
//! replaces [`media::get_content_as_filename`](crate::media::get_content_as_filename), with the
//! same fields except `allow_remote` and `allow_redirect`: the server may always redirect,
//! and the HTTP client follows.
//!
//! The documentation of [`v1::Request`] lists the method, authentication and paths, written
//! from the declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#get_matrixclientv1mediadownloadservernamemediaidfilename>

pub mod v1 {
    //! The v1 generation of the endpoint (stable since Matrix v1.11).

    use std::time::Duration;

    use ruma_common::OwnedServerName;

    use matrix_api::{metadata, request, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            unstable("org.matrix.msc3916") => "/_matrix/client/unstable/org.matrix.msc3916/media/download/{server_name}/{media_id}/{file_name}",
            1.11 | stable("org.matrix.msc3916.stable") => "/_matrix/client/v1/media/download/{server_name}/{media_id}/{file_name}",
        },
        legacy: crate::media::get_content_as_filename::v3::METADATA,
    };

    /// The request: the two parts of the `mxc://` URI, the file name, and how long to wait.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The server name of the `mxc://` URI (its authority).
        #[api(path)]
        pub server_name: OwnedServerName,
        /// The media ID of the `mxc://` URI (its path).
        #[api(path)]
        pub media_id: String,
        /// The file name the response's `Content-Disposition` gives; any text, percent-encoded
        /// in the path.
        #[api(path)]
        pub file_name: String,
        /// How long to wait for media that was created but not yet uploaded; `None`: the
        /// server's default, 20 seconds.
        #[api(query)]
        #[serde(
            with = "ruma_common::serde::duration::opt_ms",
            default,
            skip_serializing_if = "Option::is_none"
        )]
        pub timeout_ms: Option<Duration>,
    }

    /// The response: the content's bytes and how to present them, the same for every download
    /// and thumbnail of both generations.
    pub use crate::media::get_content::v3::Response;

    impl Request {
        /// The request for `mxc://{server_name}/{media_id}` as `file_name`.
        pub fn new(server_name: OwnedServerName, media_id: String, file_name: String) -> Self {
            Request {
                server_name,
                media_id,
                file_name,
                timeout_ms: None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use matrix_api::{
        IncomingRequest, MatrixVersion, OutgoingRequest, SendAccessToken, SupportedVersions,
    };

    use super::v1::Request;

    #[test]
    fn the_file_name_is_percent_encoded_and_decoded() {
        let request = Request::new(
            "example.org".parse().unwrap(),
            "ascERG".to_owned(),
            "Krieg und Frieden – Bd. 1.pdf".to_owned(),
        );
        let sent = request
            .clone()
            .try_into_http_request(
                "https://hs",
                SendAccessToken::IfRequired("t"),
                &SupportedVersions::from_versions(&[MatrixVersion::V1_11]),
            )
            .unwrap();
        assert_eq!(
            sent.uri().path(),
            "/_matrix/client/v1/media/download/example.org/ascERG/\
             Krieg%20und%20Frieden%20%E2%80%93%20Bd.%201.pdf"
        );
        assert_eq!(sent.headers()["authorization"], "Bearer t");
        let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
        assert_eq!(read, request);
    }

    #[test]
    fn a_slash_in_the_file_name_stays_in_its_segment() {
        let request = Request::new(
            "example.org".parse().unwrap(),
            "m".to_owned(),
            "a/b.txt".to_owned(),
        );
        let announced = BTreeMap::from([("org.matrix.msc3916", true)]);
        let sent = request
            .clone()
            .try_into_http_request(
                "https://hs",
                SendAccessToken::IfRequired("t"),
                &SupportedVersions::from_parts(&["v1.10"], &announced),
            )
            .unwrap();
        assert_eq!(
            sent.uri().path(),
            "/_matrix/client/unstable/org.matrix.msc3916/media/download/example.org/m/a%2Fb.txt"
        );
        let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
        assert_eq!(read.file_name, "a/b.txt");
    }
}
