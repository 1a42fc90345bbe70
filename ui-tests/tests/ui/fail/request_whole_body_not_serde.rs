// A whole body whose type serde can neither write nor read: the errors are on the type, and say
// what it lacks.
use matrix_api::{metadata, request, response, Metadata};

const METADATA: Metadata = metadata! {
    method: PUT,
    rate_limited: false,
    authentication: AccessToken,
    history: {
        1.1 => "/_matrix/client/v3/things/{id}",
    }
};

#[derive(Clone, Debug)]
pub struct Thing {
    pub name: String,
}

#[request]
pub struct Request {
    #[api(path)]
    pub id: String,
    #[api(body)]
    pub thing: Thing,
}

#[response]
pub struct Response {}

fn main() {}
