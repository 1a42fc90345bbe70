// Ruma's form of `metadata!` names the scheme by its type; a name that is no scheme is one
// error on it, with the nearest scheme suggested.
mod endpoint {
    use matrix_api::api::{metadata, request, response};

    metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccesToken,
        path: "/_matrix/client/versions",
    }

    #[request]
    pub struct Request {}

    #[response]
    pub struct Response {}
}

fn main() {}
