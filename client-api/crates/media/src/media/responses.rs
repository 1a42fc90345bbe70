//! The response bodies both generations of the configuration and URL-preview endpoints share:
//! [`MediaConfig`] and [`UrlPreview`], flattened into each generation's response so that the
//! legacy and the authenticated endpoint have the same fields under the same names.

use matrix_api::UInt;
use ruma_common::serde::JsonObject;
use ruma_common::OwnedMxcUri;
use serde::{Deserialize, Serialize};

/// The content repository's public configuration (`GET …/media/config`).
///
/// Every field is optional on the wire: a client treats an absent one as unknown.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediaConfig {
    /// The largest upload the server accepts, in bytes (`m.upload.size`); a guide only, since a
    /// proxy in between may allow less. `null` is read as absent, as the specification says.
    #[serde(
        rename = "m.upload.size",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub upload_size: Option<UInt>,
}

impl MediaConfig {
    /// A configuration that states no limit.
    pub fn new() -> Self {
        MediaConfig::default()
    }
}

/// The OpenGraph data of a URL (`GET …/media/preview_url`), which may be empty.
///
/// The two keys the Matrix specification changes from OpenGraph are typed; every other key
/// (`og:title`, `og:image:width`, …) is kept in [`other`](Self::other) exactly as the server
/// sent it, so a preview read and written back is unchanged.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UrlPreview {
    /// The size of the image in bytes (`matrix:image:size`); absent without an image.
    #[serde(
        rename = "matrix:image:size",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub image_size: Option<UInt>,
    /// The image, already copied into the content repository (`og:image`, an `mxc://` URI);
    /// absent without an image.
    #[serde(rename = "og:image", default, skip_serializing_if = "Option::is_none")]
    pub image: Option<OwnedMxcUri>,
    /// Every other OpenGraph key, by name, as sent.
    #[serde(flatten)]
    pub other: JsonObject,
}

impl UrlPreview {
    /// An empty preview: the server found nothing to show.
    pub fn new() -> Self {
        UrlPreview::default()
    }

    /// The title of the page (`og:title`), if it is a string.
    pub fn title(&self) -> Option<&str> {
        self.other.get("og:title")?.as_str()
    }

    /// The description of the page (`og:description`), if it is a string.
    pub fn description(&self) -> Option<&str> {
        self.other.get("og:description")?.as_str()
    }
}

matrix_api::with_describe! {
    impl matrix_api::describe::DescribeFields for MediaConfig {
        const FIELDS: &'static [matrix_api::describe::FieldDescription] = {
            use matrix_api::describe::{FieldDescription as Field, JsonType};
            &[Field::body("m.upload.size", JsonType::Integer, false)]
        };
    }

    impl matrix_api::describe::DescribeFields for UrlPreview {
        const FIELDS: &'static [matrix_api::describe::FieldDescription] = {
            use matrix_api::describe::{FieldDescription as Field, JsonType};
            &[
                Field::body("matrix:image:size", JsonType::Integer, false),
                Field::body("og:image", JsonType::String, false),
            ]
        };
    }
}

#[cfg(test)]
mod tests {
    use matrix_api::UInt;
    use serde_json::json;

    use super::{MediaConfig, UrlPreview};

    #[test]
    fn a_preview_keeps_every_key_and_types_the_matrix_ones() {
        let sent = json!({
            "og:title": "Matrix Blog Post",
            "og:description": "This is a really cool blog post from matrix.org",
            "og:image": "mxc://example.com/ascERGshawAWawugaAcauga",
            "og:image:type": "image/png",
            "og:image:height": 48,
            "og:image:width": 48,
            "matrix:image:size": 102400,
            "org.example.extra": { "nested": [1.5, null] }
        });
        let preview: UrlPreview = serde_json::from_value(sent.clone()).unwrap();
        assert_eq!(preview.image_size, Some(UInt::new(102400).unwrap()));
        assert_eq!(
            preview.image.as_deref().map(|uri| uri.as_str()),
            Some("mxc://example.com/ascERGshawAWawugaAcauga")
        );
        assert_eq!(preview.title(), Some("Matrix Blog Post"));
        assert_eq!(preview.other["og:image:width"], 48);
        assert_eq!(serde_json::to_value(&preview).unwrap(), sent);

        let empty: UrlPreview = serde_json::from_value(json!({})).unwrap();
        assert_eq!(empty, UrlPreview::new());
        assert_eq!(serde_json::to_value(&empty).unwrap(), json!({}));
    }

    #[test]
    fn a_size_that_is_no_unsigned_integer_is_refused() {
        let err = serde_json::from_value::<UrlPreview>(json!({ "matrix:image:size": "big" }))
            .unwrap_err();
        assert!(err.to_string().contains("invalid type"), "{err}");
        let err =
            serde_json::from_value::<MediaConfig>(json!({ "m.upload.size": -1 })).unwrap_err();
        assert!(err.to_string().contains("invalid value"), "{err}");
    }

    #[test]
    fn the_upload_size_is_optional_and_null_is_absent() {
        let config: MediaConfig =
            serde_json::from_value(json!({ "m.upload.size": 50000000 })).unwrap();
        assert_eq!(config.upload_size, Some(UInt::new(50000000).unwrap()));
        assert_eq!(
            serde_json::to_value(&config).unwrap(),
            json!({ "m.upload.size": 50000000 })
        );
        for absent in [json!({}), json!({ "m.upload.size": null })] {
            let config: MediaConfig = serde_json::from_value(absent).unwrap();
            assert_eq!(config, MediaConfig::new());
        }
    }
}
