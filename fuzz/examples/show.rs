//! Shows the HTTP message a fuzz input stands for, to turn a crash into a regression test:
//! `cargo run --example show -- server_request|client_response FILE`.

use arbitrary::Unstructured;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, target, file] = &args[..] else {
        panic!("usage: show server_request|client_response FILE");
    };
    let data = std::fs::read(file).expect("readable input");
    let mut u = Unstructured::new(&data);
    let index: u8 = u.arbitrary().unwrap_or(0);
    let endpoint = usize::from(index) % matrix_api_fuzz::ENDPOINTS;
    match target.as_str() {
        "server_request" => {
            let metadata = matrix_api_fuzz::dispatch!(index, |m| m::Request::METADATA);
            println!(
                "endpoint {endpoint}: {}",
                metadata.history.all_paths().last().unwrap()
            );
            match matrix_api_fuzz::request(&mut u, &metadata) {
                Ok(Some((request, args))) => {
                    println!("{} {}", request.method(), request.uri());
                    for (name, value) in request.headers() {
                        println!("{name}: {:?}", value.as_bytes());
                    }
                    println!("path args: {args:?}");
                    println!("body: {:?}", String::from_utf8_lossy(request.body()));
                    println!("body bytes: {:?}", request.body());
                }
                other => println!("no request: {other:?}"),
            }
        }
        "client_response" => {
            println!("endpoint {endpoint}");
            match matrix_api_fuzz::response(&mut u) {
                Ok(response) => {
                    println!("{}", response.status());
                    for (name, value) in response.headers() {
                        println!("{name}: {:?}", value.as_bytes());
                    }
                    println!("body: {:?}", String::from_utf8_lossy(response.body()));
                    println!("body bytes: {:?}", response.body());
                }
                Err(err) => println!("no response: {err}"),
            }
        }
        other => panic!("unknown target {other}"),
    }
}
