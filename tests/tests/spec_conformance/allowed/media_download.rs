//! Deliberate differences in the media downloads and thumbnails, both generations of the
//! content repository.

use super::Allowed;
use crate::checker::Rule;

/// Why `Content-Type` is optional in our responses.
const CONTENT_TYPE_OPTIONAL: &str =
    "the header became required in Matrix v1.12; servers before it (and remote media relayed \
     from them) may leave it out, and a client must still get the bytes, so the field is an \
     `Option` (a server of ours sets it)";
/// Why `Content-Disposition` is optional in our responses.
const CONTENT_DISPOSITION_OPTIONAL: &str =
    "the header was added (thumbnails) or made required (downloads) in Matrix v1.12; servers \
     before it leave it out, and a client must still get the bytes, so the field is an \
     `Option` (a server of ours sets it)";

/// This group's entries.
pub const ALLOWED: &[Allowed] = &[
    Allowed {
        endpoint: "media::get_content::v3",
        rule: Rule::Required,
        subject: "response.header.content-type",
        reason: CONTENT_TYPE_OPTIONAL,
    },
    Allowed {
        endpoint: "media::get_content::v3",
        rule: Rule::Required,
        subject: "response.header.content-disposition",
        reason: CONTENT_DISPOSITION_OPTIONAL,
    },
    Allowed {
        endpoint: "media::get_content_as_filename::v3",
        rule: Rule::Required,
        subject: "response.header.content-type",
        reason: CONTENT_TYPE_OPTIONAL,
    },
    Allowed {
        endpoint: "media::get_content_as_filename::v3",
        rule: Rule::Required,
        subject: "response.header.content-disposition",
        reason: CONTENT_DISPOSITION_OPTIONAL,
    },
    Allowed {
        endpoint: "media::get_content_thumbnail::v3",
        rule: Rule::Required,
        subject: "response.header.content-type",
        reason: CONTENT_TYPE_OPTIONAL,
    },
    Allowed {
        endpoint: "media::get_content_thumbnail::v3",
        rule: Rule::Required,
        subject: "response.header.content-disposition",
        reason: CONTENT_DISPOSITION_OPTIONAL,
    },
    Allowed {
        endpoint: "authenticated_media::get_content::v1",
        rule: Rule::Required,
        subject: "response.header.content-type",
        reason: CONTENT_TYPE_OPTIONAL,
    },
    Allowed {
        endpoint: "authenticated_media::get_content::v1",
        rule: Rule::Required,
        subject: "response.header.content-disposition",
        reason: CONTENT_DISPOSITION_OPTIONAL,
    },
    Allowed {
        endpoint: "authenticated_media::get_content_as_filename::v1",
        rule: Rule::Required,
        subject: "response.header.content-type",
        reason: CONTENT_TYPE_OPTIONAL,
    },
    Allowed {
        endpoint: "authenticated_media::get_content_as_filename::v1",
        rule: Rule::Required,
        subject: "response.header.content-disposition",
        reason: CONTENT_DISPOSITION_OPTIONAL,
    },
    Allowed {
        endpoint: "authenticated_media::get_content_thumbnail::v1",
        rule: Rule::Required,
        subject: "response.header.content-type",
        reason: CONTENT_TYPE_OPTIONAL,
    },
    Allowed {
        endpoint: "authenticated_media::get_content_thumbnail::v1",
        rule: Rule::Required,
        subject: "response.header.content-disposition",
        reason: CONTENT_DISPOSITION_OPTIONAL,
    },
];
