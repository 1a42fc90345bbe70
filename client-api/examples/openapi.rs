//! Prints the OpenAPI 3.1 document of every client-server endpoint this crate declares, built
//! from the endpoints' own declarations:
//!
//! ```sh
//! cargo run -p matrix-client-api --example openapi --features describe
//! ```

fn main() {
    let endpoints = matrix_client_api::descriptions();
    let document = matrix_api::describe::openapi(
        "Matrix client-server API: the endpoints of matrix-client-api",
        env!("CARGO_PKG_VERSION"),
        &endpoints,
    );
    println!(
        "{}",
        serde_json::to_string_pretty(&document).expect("a JSON value always serialises")
    );
}
