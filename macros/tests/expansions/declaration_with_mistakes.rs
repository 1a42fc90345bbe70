// `declaration_with_mistakes`: what a declaration with mistakes expands to: the errors, the structs without our attributes, and stub impls.
// Expanded with client and server on. Regenerate with `UPDATE_EXPANSIONS=1 cargo test -p matrix-api-macros expansions`.

const METADATA: Metadata = {
    const _: () = {
        ::core::compile_error! {
            "unknown Matrix version `1.99`; the known versions are 1.0 to 1.19"
        }
    };
    ::matrix_api::__private::INVALID_METADATA
};
::core::compile_error! {
    "unknown `#[api]` key `querry`; expected `path`, `query`, `query_all`, `header = NAME`, `body`, `raw_body`, `secret` or `json = TYPE`; did you mean `query`?"
}
#[derive(Clone, Debug)]
pub struct Request {
    pub limit: u32,
    pub filter: String,
}
#[allow(non_local_definitions)]
const _: () = {
    impl ::matrix_api::OutgoingRequest for Request {
        const METADATA: ::matrix_api::Metadata = ::matrix_api::__private::INVALID_METADATA;
        type EndpointError = ::matrix_api::error::MatrixError;
        type IncomingResponse = Response;
        fn try_into_http_request_with_path(
            self,
            _: &str,
            _: &str,
            _: ::matrix_api::SendAccessToken<'_>,
        ) -> ::std::result::Result<
            ::matrix_api::__private::http::Request<::std::vec::Vec<u8>>,
            ::matrix_api::IntoHttpError,
        > {
            ::matrix_api::__private::declaration_has_errors()
        }
    }
    impl ::matrix_api::IncomingRequest for Request {
        const METADATA: ::matrix_api::Metadata = ::matrix_api::__private::INVALID_METADATA;
        type EndpointError = ::matrix_api::error::MatrixError;
        type OutgoingResponse = Response;
        fn try_from_http_request<
            __B: ::std::convert::AsRef<[u8]> + ::std::convert::Into<::std::vec::Vec<u8>>,
            __S: ::std::convert::AsRef<str>,
        >(
            _: ::matrix_api::__private::http::Request<__B>,
            _: &[__S],
        ) -> ::std::result::Result<Self, ::matrix_api::FromHttpRequestError> {
            ::matrix_api::__private::declaration_has_errors()
        }
    }
};
::core::compile_error! {
    "unknown status `CRATED`; `status` takes the name of an `http::StatusCode` constant, such as `CREATED` (201) or `ACCEPTED` (202); did you mean `CREATED`?"
}
#[derive(Clone, Debug)]
pub struct Response {
    pub events: Vec<String>,
}
#[allow(non_local_definitions)]
const _: () = {
    impl ::matrix_api::OutgoingResponse for Response {
        fn try_into_http_response(
            self,
        ) -> ::std::result::Result<
            ::matrix_api::__private::http::Response<::std::vec::Vec<u8>>,
            ::matrix_api::IntoHttpError,
        > {
            ::matrix_api::__private::declaration_has_errors()
        }
    }
    impl ::matrix_api::IncomingResponse for Response
    where
        UiaaResponse: ::matrix_api::EndpointError,
    {
        type EndpointError = UiaaResponse;
        fn try_from_http_response<
            __T: ::std::convert::AsRef<[u8]> + ::std::convert::Into<::std::vec::Vec<u8>>,
        >(
            _: ::matrix_api::__private::http::Response<__T>,
        ) -> ::std::result::Result<
            Self,
            ::matrix_api::FromHttpResponseError<Self::EndpointError>,
        > {
            ::matrix_api::__private::declaration_has_errors()
        }
    }
};
