//! `POST /_matrix/media/*/upload`: upload a file and get the `mxc://` URI it is stored at.
//!
//! The body is the file's bytes, not JSON. The `Content-Type` header is optional since Matrix
//! v1.12: a server that is not given one stores the file as `application/octet-stream`, which
//! is what [`v3::Request::content_type`] being `None` means.
//!
//! The documentation of [`v3::Request`] lists the method, authentication and paths, written
//! from the declaration.
//!
//! Specification: <https://spec.matrix.org/latest/client-server-api/#post_matrixmediav3upload>

pub mod v3 {
    //! The v3 generation of the endpoint (r0 before Matrix v1.1).

    use ruma_common::OwnedMxcUri;

    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: POST,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            1.0 => "/_matrix/media/r0/upload",
            1.1 => "/_matrix/media/v3/upload",
        }
    };

    /// The request: the file, its media type and its name.
    #[request]
    #[derive(PartialEq, Eq)]
    pub struct Request {
        /// The media type of the file (`Content-Type`); `None` sends no header, and the server
        /// then takes `application/octet-stream`. Clients should always send it.
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

    /// The response: where the file is now.
    #[response]
    #[derive(PartialEq, Eq)]
    pub struct Response {
        /// The `mxc://` URI of the uploaded file.
        pub content_uri: OwnedMxcUri,
    }

    impl Request {
        /// An upload of these bytes of this media type, without a file name.
        pub fn new(file: Vec<u8>, content_type: Option<String>) -> Self {
            Request {
                content_type,
                filename: None,
                file,
            }
        }
    }

    impl Response {
        /// The answer for a file stored at this URI.
        pub fn new(content_uri: OwnedMxcUri) -> Self {
            Response { content_uri }
        }
    }
}

#[cfg(test)]
mod tests {
    use matrix_api::{IncomingRequest, OutgoingRequest, SendAccessToken, SupportedVersions};

    use super::v3::Request;

    #[test]
    fn the_bytes_type_and_name_travel_as_sent() {
        let file = vec![0x89, b'P', b'N', b'G', 0, 0xff, b'\r', b'\n'];
        let request = Request {
            filename: Some("War and Peace/ü&=?.pdf".to_owned()),
            ..Request::new(file.clone(), Some("application/pdf".to_owned()))
        };
        let sent = request
            .clone()
            .try_into_http_request(
                "https://hs",
                SendAccessToken::IfRequired("t"),
                &SupportedVersions::from_versions(&[matrix_api::MatrixVersion::V1_1]),
            )
            .unwrap();
        assert_eq!(sent.method(), "POST");
        assert_eq!(
            sent.uri().path_and_query().unwrap(),
            "/_matrix/media/v3/upload?filename=War+and+Peace%2F%C3%BC%26%3D%3F.pdf"
        );
        assert_eq!(sent.headers()["content-type"], "application/pdf");
        assert_eq!(sent.headers()["authorization"], "Bearer t");
        assert_eq!(sent.body(), &file);

        let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
        assert_eq!(read, request);
    }

    #[test]
    fn an_upload_without_content_type_reads_as_none() {
        let sent = Request::new(b"plain".to_vec(), None)
            .try_into_http_request(
                "https://hs",
                SendAccessToken::IfRequired("t"),
                &SupportedVersions::from_versions(&[matrix_api::MatrixVersion::V1_0]),
            )
            .unwrap();
        assert_eq!(
            sent.uri().path_and_query().unwrap(),
            "/_matrix/media/r0/upload"
        );
        assert!(sent.headers().get("content-type").is_none());

        let read = Request::try_from_http_request(sent, &[] as &[&str]).unwrap();
        assert_eq!(read.content_type, None);
        assert_eq!(read.filename, None);
        assert_eq!(read.file, b"plain");
    }

    #[test]
    fn a_server_reads_a_name_encoded_with_percent_twenty() {
        let http = matrix_api::http::Request::post(
            "/_matrix/media/v3/upload?filename=War%20and%20Peace%2B.pdf",
        )
        .header("authorization", "Bearer t")
        .header("content-type", "application/pdf")
        .body(b"%PDF".to_vec())
        .unwrap();
        let read = Request::try_from_http_request(http, &[] as &[&str]).unwrap();
        assert_eq!(read.filename.as_deref(), Some("War and Peace+.pdf"));
        assert_eq!(read.content_type.as_deref(), Some("application/pdf"));
        assert_eq!(read.file, b"%PDF");
    }
}
