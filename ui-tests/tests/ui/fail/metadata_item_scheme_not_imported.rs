// Ruma's form of `metadata!` names the scheme by a type the module imports; without the import,
// rustc says so on the name.
mod endpoint {
    use matrix_api::api::{metadata, request, response};

    metadata! {
        method: GET,
        rate_limited: false,
        authentication: AccessToken,
        path: "/_matrix/client/versions",
    }

    #[request]
    pub struct Request {}

    #[response]
    pub struct Response {}
}

fn main() {}
