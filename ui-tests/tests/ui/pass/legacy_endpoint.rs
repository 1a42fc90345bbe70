// An endpoint that replaced another names it with `legacy`, in both forms of `metadata!`; a
// request then goes out on the replaced endpoint's path on a server without the new one.
#![deny(warnings)]

pub mod old {
    pub mod v3 {
        use matrix_api::{metadata, Metadata};

        pub const METADATA: Metadata = metadata! {
            method: GET,
            rate_limited: false,
            authentication: None,
            history: {
                1.0 => "/_matrix/media/r0/download/{server_name}/{media_id}",
                1.1 => "/_matrix/media/v3/download/{server_name}/{media_id}",
                1.11 => deprecated,
            }
        };
    }
}

pub mod new {
    use matrix_api::{metadata, request, response, Metadata};

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            1.11 => "/_matrix/client/v1/media/download/{server_name}/{media_id}",
        },
        legacy: crate::old::v3::METADATA,
    };

    /// The media to download.
    #[request]
    pub struct Request {
        #[api(path)]
        pub server_name: String,
        #[api(path)]
        pub media_id: String,
    }

    /// The bytes.
    #[response]
    pub struct Response {
        #[api(raw_body)]
        pub file: Vec<u8>,
    }
}

pub mod ruma_style {
    use matrix_api::api::{auth_scheme::AccessToken, metadata};

    metadata! {
        method: GET,
        rate_limited: true,
        authentication: AccessToken,
        history: {
            1.11 => "/_matrix/client/v1/media/download/{server_name}/{media_id}",
        },
        legacy: crate::old::v3::METADATA,
    }

    pub fn metadata() -> matrix_api::Metadata {
        METADATA
    }
}

fn main() {
    use matrix_api::{MatrixVersion, OutgoingRequest, SendAccessToken, SupportedVersions};

    let request = new::Request {
        server_name: "example.org".to_owned(),
        media_id: "abc".to_owned(),
    };
    let versions = SupportedVersions::from_versions(&[MatrixVersion::V1_5]);
    let http = request
        .try_into_http_request("https://hs", SendAccessToken::IfRequired("t"), &versions)
        .unwrap();
    assert_eq!(http.uri(), "https://hs/_matrix/media/v3/download/example.org/abc");
    assert!(http.headers().get("authorization").is_none());
    assert!(ruma_style::metadata().legacy.is_some());
}
