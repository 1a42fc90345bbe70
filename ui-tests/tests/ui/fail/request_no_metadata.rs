use matrix_api::{request, response};

#[request]
pub struct Request {
    pub name: String,
}

#[response]
pub struct Response {}

fn main() {}
