//! `PUT /_matrix/media/v3/upload/{serverName}/{mediaId}`: upload the content of an `mxc://`
//! URI reserved earlier with [`create_mxc_uri`](super::create_mxc_uri).
//!
//! Only the user who reserved the URI may upload, and only once: a second upload is refused
//! with `409 M_CANNOT_OVERWRITE_MEDIA`, an unknown or expired URI with `404 M_NOT_FOUND`. The
//! body and headers are those of [`create_content`](super::create_content): the bytes, an
//! optional `Content-Type` (`application/octet-stream` when absent) and the `filename` query.
//!
//! The documentation of [`v3::Request`] lists the method, authentication and paths, written
//! from the declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#put_matrixmediav3uploadservernamemediaid>

pub mod v3 {
    //! The v3 generation of the endpoint (stable since Matrix v1.7).

    use ruma_common::{MxcUri, OwnedServerName};

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: PUT,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            unstable("fi.mau.msc2246") => "/_matrix/media/unstable/fi.mau.msc2246/upload/{server_name}/{media_id}",
            1.7 => "/_matrix/media/v3/upload/{server_name}/{media_id}",
        }
    };

    /// The request: which URI, and the file.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The server name of the `mxc://` URI (its authority).
        #[api(path)]
        pub server_name: OwnedServerName,
        /// The media ID of the `mxc://` URI (its path).
        #[api(path)]
        pub media_id: String,
        /// The media type of the file (`Content-Type`); `None` sends no header, and the server
        /// then takes `application/octet-stream`.
        #[api(header = CONTENT_TYPE)]
        pub content_type: Option<String>,
        /// The file's name, which downloads give back in `Content-Disposition`.
        #[api(query)]
        #[serde(skip_serializing_if = "Option::is_none")]
        pub filename: Option<String>,
        /// The file's bytes.
        #[api(raw_body)]
        pub file: Vec<u8>,
    }

    /// The response: it is empty (`{}`); success is the answer.
    #[response]
    #[derive(PartialEq, Eq, Default)]
    pub struct Response {}

    impl Request {
        /// An upload of these bytes to the URI made of this server name and media ID.
        pub fn new(
            server_name: OwnedServerName,
            media_id: String,
            file: Vec<u8>,
            content_type: Option<String>,
        ) -> Self {
            Request {
                server_name,
                media_id,
                content_type,
                filename: None,
                file,
            }
        }

        /// An upload of these bytes to the URI that [`create_mxc_uri`](super::super::create_mxc_uri)
        /// returned; an error if the URI is not a valid `mxc://` URI.
        pub fn from_mxc_uri(
            uri: &MxcUri,
            file: Vec<u8>,
            content_type: Option<String>,
        ) -> Result<Self, ruma_common::IdParseError> {
            let (server_name, media_id) = uri.parts()?;
            Ok(Request::new(
                server_name.to_owned(),
                media_id.to_owned(),
                file,
                content_type,
            ))
        }
    }

    impl Response {
        /// The empty response.
        pub fn new() -> Self {
            Response {}
        }
    }
}

#[cfg(test)]
mod tests {
    use matrix_api::{
        IncomingRequest, MatrixVersion, OutgoingRequest, SendAccessToken, SupportedVersions,
    };
    use ruma_common::MxcUri;

    use super::v3::Request;

    #[test]
    fn the_uri_parts_are_the_path_and_the_file_the_body() {
        let uri = <&MxcUri>::from("mxc://example.com/AQwafuaFswefuhsfAFAgsw");
        let mut request =
            Request::from_mxc_uri(uri, b"hello".to_vec(), Some("text/plain".to_owned())).unwrap();
        request.filename = Some("hello world.txt".to_owned());
        let sent = request
            .clone()
            .try_into_http_request(
                "https://hs",
                SendAccessToken::IfRequired("t"),
                &SupportedVersions::from_versions(&[MatrixVersion::V1_7]),
            )
            .unwrap();
        assert_eq!(sent.method(), "PUT");
        assert_eq!(
            sent.uri().path_and_query().unwrap(),
            "/_matrix/media/v3/upload/example.com/AQwafuaFswefuhsfAFAgsw?filename=hello+world.txt"
        );
        assert_eq!(sent.headers()["content-type"], "text/plain");
        assert_eq!(sent.body(), b"hello");
        let read = Request::try_from_http_request(sent, &["example.com", "AQwafuaFswefuhsfAFAgsw"])
            .unwrap();
        assert_eq!(read, request);
    }

    #[test]
    fn a_uri_that_is_no_mxc_uri_is_refused() {
        let uri = <&MxcUri>::from("https://example.com/x");
        assert!(Request::from_mxc_uri(uri, Vec::new(), None).is_err());
    }
}
