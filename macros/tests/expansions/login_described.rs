// `login_described`: the description of `login.rs`: a flattened field, `with` and `default`.
// Expanded with only describe on. Regenerate with `UPDATE_EXPANSIONS=1 cargo test -p matrix-api-macros expansions`.

const METADATA: Metadata = ::matrix_api::Metadata {
    method: ::matrix_api::__private::http::Method::POST,
    rate_limited: true,
    authentication: ::matrix_api::AuthScheme::AppserviceTokenOptional,
    history: ::matrix_api::VersionHistory::new(
        &[],
        &[
            ::matrix_api::StablePath {
                selector: ::matrix_api::StablePathSelector::Version(
                    ::matrix_api::MatrixVersion::V1_0,
                ),
                path: "/_matrix/client/r0/login",
            },
            ::matrix_api::StablePath {
                selector: ::matrix_api::StablePathSelector::Version(
                    ::matrix_api::MatrixVersion::V1_1,
                ),
                path: "/_matrix/client/v3/login",
            },
        ],
        ::std::option::Option::None,
        ::std::option::Option::None,
    ),
    capability: ::std::option::Option::None,
    optional_last_segment: false,
    legacy: ::std::option::Option::None,
};
#[derive(PartialEq)]
///
/// # Endpoint
///
/// `POST`, rate-limited; authentication: an application service's token when one is given.
///
/// | path | available |
/// | --- | --- |
/// | `/_matrix/client/r0/login` | Matrix v1.0 and later |
/// | `/_matrix/client/v3/login` | Matrix v1.1 and later |
pub struct Request {
    pub login_info: LoginInfo,
    pub device_id: Option<OwnedDeviceId>,
    pub refresh_token: bool,
}
#[allow(deprecated)]
impl ::std::clone::Clone for Request {
    fn clone(&self) -> Self {
        Request {
            login_info: ::std::clone::Clone::clone(&self.login_info),
            device_id: ::std::clone::Clone::clone(&self.device_id),
            refresh_token: ::std::clone::Clone::clone(&self.refresh_token),
        }
    }
}
#[allow(deprecated)]
impl ::std::fmt::Debug for Request {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.debug_struct("Request")
            .field("login_info", &self.login_info)
            .field("device_id", &self.device_id)
            .field("refresh_token", &self.refresh_token)
            .finish()
    }
}
impl Request {
    /// The endpoint's metadata: method, rate limiting, authentication and paths.
    pub const METADATA: ::matrix_api::Metadata = METADATA;
}
#[allow(unused_imports)]
use ::matrix_api::__private::undeclared::*;
#[allow(non_local_definitions, deprecated)]
const _: () = {
    const _: () = <::matrix_api::declaration::Check<
        { ::matrix_api::__private::metadata_declared(&METADATA) },
    > as ::matrix_api::declaration::MetadataDeclared>::OK;
    const _: () = <::matrix_api::declaration::Check<
        { ::matrix_api::__private::path_params_covered(&METADATA.history, &[]) },
    > as ::matrix_api::declaration::PathParamsCovered>::OK;
    const _: () = <::matrix_api::declaration::Check<
        { ::matrix_api::__private::body_allowed(&METADATA) },
    > as ::matrix_api::declaration::BodyAllowed>::OK;
    const _: () = <::matrix_api::declaration::Check<
        { ::matrix_api::__private::body_allowed(&METADATA) },
    > as ::matrix_api::declaration::BodyAllowed>::OK;
    const _: () = <::matrix_api::declaration::Check<
        { ::matrix_api::__private::body_allowed(&METADATA) },
    > as ::matrix_api::declaration::BodyAllowed>::OK;
    use ::matrix_api::describe as __describe;
    const __DESCRIBED_LEN: usize = 2usize
        + <LoginInfo as __describe::DescribeFields>::FIELDS.len();
    const __DESCRIBED: [__describe::FieldDescription; __DESCRIBED_LEN] = __describe::join_fields(
        &[
            __describe::FieldGroup::Flattened {
                field: "login_info",
                required: true,
                fields: <LoginInfo as __describe::DescribeFields>::FIELDS,
            },
            __describe::FieldGroup::Own(
                &[
                    __describe::FieldDescription {
                        field: "device_id",
                        name: __describe::WireName::new("device_id"),
                        location: __describe::Location::Body,
                        json_type: __describe::JsonType::String,
                        required: false,
                        deprecated: false,
                    },
                    __describe::FieldDescription {
                        field: "refresh_token",
                        name: __describe::WireName::new("refresh_token"),
                        location: __describe::Location::Body,
                        json_type: __describe::JsonType::Boolean,
                        required: false,
                        deprecated: false,
                    },
                ],
            ),
        ],
    );
    impl __describe::Describe for Request {
        const DESCRIPTION: __describe::EndpointDescription = __describe::EndpointDescription {
            module: ::std::module_path!(),
            metadata: METADATA,
            request: __describe::RequestDescription {
                fields: &__DESCRIBED,
                has_body: true,
            },
            response: <Response as __describe::DescribeResponse>::RESPONSE,
        };
    }
};
#[derive(PartialEq, Eq)]
pub struct Response {
    pub user_id: OwnedUserId,
    pub access_token: String,
    pub device_id: OwnedDeviceId,
    pub refresh_token: Option<String>,
    pub expires_in: Option<Duration>,
}
#[allow(deprecated)]
impl ::std::clone::Clone for Response {
    fn clone(&self) -> Self {
        Response {
            user_id: ::std::clone::Clone::clone(&self.user_id),
            access_token: ::std::clone::Clone::clone(&self.access_token),
            device_id: ::std::clone::Clone::clone(&self.device_id),
            refresh_token: ::std::clone::Clone::clone(&self.refresh_token),
            expires_in: ::std::clone::Clone::clone(&self.expires_in),
        }
    }
}
#[allow(deprecated)]
impl ::std::fmt::Debug for Response {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.debug_struct("Response")
            .field("user_id", &self.user_id)
            .field("access_token", &::matrix_api::__private::Redacted)
            .field("device_id", &self.device_id)
            .field("refresh_token", &::matrix_api::__private::Redacted)
            .field("expires_in", &self.expires_in)
            .finish()
    }
}
#[allow(non_local_definitions, deprecated)]
const _: () = {
    use ::matrix_api::describe as __describe;
    impl __describe::DescribeResponse for Response {
        const RESPONSE: __describe::ResponseDescription = __describe::ResponseDescription {
            status: ::matrix_api::__private::http::StatusCode::OK,
            fields: &[
                __describe::FieldDescription {
                    field: "user_id",
                    name: __describe::WireName::new("user_id"),
                    location: __describe::Location::Body,
                    json_type: __describe::JsonType::String,
                    required: true,
                    deprecated: false,
                },
                __describe::FieldDescription {
                    field: "access_token",
                    name: __describe::WireName::new("access_token"),
                    location: __describe::Location::Body,
                    json_type: __describe::JsonType::String,
                    required: true,
                    deprecated: false,
                },
                __describe::FieldDescription {
                    field: "device_id",
                    name: __describe::WireName::new("device_id"),
                    location: __describe::Location::Body,
                    json_type: __describe::JsonType::String,
                    required: true,
                    deprecated: false,
                },
                __describe::FieldDescription {
                    field: "refresh_token",
                    name: __describe::WireName::new("refresh_token"),
                    location: __describe::Location::Body,
                    json_type: __describe::JsonType::String,
                    required: false,
                    deprecated: false,
                },
                __describe::FieldDescription {
                    field: "expires_in",
                    name: __describe::WireName::new("expires_in_ms"),
                    location: __describe::Location::Body,
                    json_type: __describe::JsonType::Integer,
                    required: false,
                    deprecated: false,
                },
            ],
        };
    }
};
