// `#[api(query_all)]` with a map and with a struct, and an error type of the user's crate.
use std::collections::BTreeMap;
use std::fmt;

use matrix_api::{
    metadata, request, response, EndpointError, IntoHttpError, Metadata, OutgoingResponse,
};
use serde::{Deserialize, Serialize};

#[derive(Debug)]
pub struct TeapotError;

impl fmt::Display for TeapotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("I'm a teapot")
    }
}

impl std::error::Error for TeapotError {}

impl OutgoingResponse for TeapotError {
    fn try_into_http_response(self) -> Result<matrix_api::http::Response<Vec<u8>>, IntoHttpError> {
        let mut response = matrix_api::http::Response::new(Vec::new());
        *response.status_mut() = matrix_api::http::StatusCode::IM_A_TEAPOT;
        Ok(response)
    }
}

impl EndpointError for TeapotError {
    fn from_http_response<T: AsRef<[u8]>>(_: matrix_api::http::Response<T>) -> Self {
        TeapotError
    }
}

pub mod by_map {
    use super::*;

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: None,
        path: "/_matrix/client/search_terms",
    };

    #[request(error = TeapotError)]
    pub struct Request {
        #[api(query_all)]
        pub terms: BTreeMap<String, String>,
    }

    #[response(error = crate::TeapotError)]
    pub struct Response {
        pub results: Vec<String>,
    }
}

pub mod by_struct {
    use super::*;

    #[derive(Clone, Debug, Serialize, Deserialize)]
    pub struct Paging {
        pub from: Option<String>,
        #[serde(default)]
        pub limit: u32,
    }

    const METADATA: Metadata = metadata! {
        method: GET,
        rate_limited: false,
        authentication: None,
        path: "/_matrix/client/paged",
    };

    #[request]
    pub struct Request {
        #[api(query_all)]
        pub paging: Paging,
    }

    #[response]
    pub struct Response {}
}

fn main() {}
