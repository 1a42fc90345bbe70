//! Runs one column of one operation in a loop, for `valgrind --tool=callgrind`, whose
//! instruction counts hold still on a noisy machine:
//! `cargo build --release --example profile` then
//! `valgrind --tool=callgrind target/release/examples/profile login-parse ours 20000`.

use std::hint::black_box;

use matrix_api::{
    IncomingRequest as _, IncomingResponse as _, OutgoingRequest as _, OutgoingResponse as _,
};
use matrix_api_benches::*;
use ruma_common::api::{
    IncomingRequestExt as _, IncomingResponseExt as _, OutgoingResponseExt as _,
};

fn run<I, O>(count: usize, make: impl Fn() -> I, convert: impl Fn(I) -> O) {
    let inputs: Vec<I> = (0..count).map(|_| make()).collect();
    // `base`: the same inputs, dropped unconverted, to subtract what is not the conversion.
    if std::env::var_os("BASE").is_some() {
        inputs.into_iter().for_each(|i| drop(black_box(i)));
        return;
    }
    let outputs: Vec<O> = inputs
        .into_iter()
        .map(|i| black_box(convert(black_box(i))))
        .collect();
    drop(black_box(outputs));
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (op, column) = (args[1].as_str(), args[2].as_str());
    let n: usize = args.get(3).map_or(10_000, |n| n.parse().unwrap());
    let v17 = ours_supported(false);
    match (op, column) {
        ("get-token-send", "ours") => run(
            n,
            || ours_get_token(false),
            |r| {
                r.try_into_http_request::<Vec<u8>>(BASE, ours_token(), &v17)
                    .unwrap()
            },
        ),
        ("get-token-send", "floor") => run(
            n,
            || FloorGetTokenRequest { auth: None },
            |b| floor_request("/_matrix/client/v1/login/get_token", TOKEN, &b),
        ),
        ("get-token-parse", "ours") => run(n, get_token_http_plain, |r| {
            ours::get_token::Request::try_from_http_request(r, &[] as &[&str]).unwrap()
        }),
        ("get-token-parse", "floor") => run(
            n,
            get_token_http_plain,
            floor_parse_request::<FloorGetTokenRequest>,
        ),
        ("get-token-auth-parse", "ours") => run(n, get_token_http_auth, |r| {
            ours::get_token::Request::try_from_http_request(r, &[] as &[&str]).unwrap()
        }),
        ("get-token-auth-parse", "floor") => run(
            n,
            get_token_http_auth,
            floor_parse_request::<FloorGetTokenRequest>,
        ),
        ("login-parse", "ours") => run(n, login_http, |r| {
            ours::login::Request::try_from_http_request(r, &[] as &[&str]).unwrap()
        }),
        ("login-parse", "floor") => run(n, login_http, floor_parse_request::<FloorLoginRequest>),
        ("login-send", "ours") => run(n, ours_login, |r| {
            r.try_into_http_request::<Vec<u8>>(BASE, ours_token(), &v17)
                .unwrap()
        }),
        ("login-send", "floor") => run(n, floor_login, |b| {
            floor_request("/_matrix/client/v3/login", "", &b)
        }),
        ("get-token-respond", "ours") => run(
            n,
            || ours::get_token::Response::with_default_expiration_duration(LOGIN_TOKEN.to_owned()),
            |r| r.try_into_http_response::<Vec<u8>>().unwrap(),
        ),
        ("get-token-respond", "floor") => run(
            n,
            || FloorGetTokenResponse {
                expires_in_ms: 120_000,
                login_token: LOGIN_TOKEN.to_owned(),
            },
            |b| floor_response(&b),
        ),
        ("whoami-read", "ours") => run(n, whoami_http, |r| {
            ours::whoami::Response::try_from_http_response(r).unwrap()
        }),
        ("whoami-read", "floor") => run(n, whoami_http, floor_parse_response::<FloorWhoami>),
        ("uiaa-read", "ours") => run(n, uiaa_response, |r| {
            ours::get_token::Response::try_from_http_response(r).unwrap_err()
        }),
        ("uiaa-read", "floor") => run(n, uiaa_response, |r| {
            serde_json::from_slice::<FloorUiaa>(r.body()).unwrap()
        }),
        ("login-read", "ours") => run(n, login_response_http, |r| {
            ours::login::Response::try_from_http_response(r).unwrap()
        }),
        ("login-read", "floor") => run(
            n,
            login_response_http,
            floor_parse_response::<FloorLoginResponse>,
        ),
        ("get-token-parse", "ruma") => run(n, get_token_http_plain, |r| {
            let (parts, body) = r.into_parts();
            ruma::get_token::Request::try_from_http_request(http::Request::from_parts(parts, body.as_slice()), &[] as &[&str]).unwrap()
        }),
        ("login-parse", "ruma") => run(n, login_http, |r| {
            let (parts, body) = r.into_parts();
            ruma::login::Request::try_from_http_request(http::Request::from_parts(parts, body.as_slice()), &[] as &[&str]).unwrap()
        }),
        ("get-token-respond", "ruma") => run(n, || ruma::get_token::Response::new(std::time::Duration::from_secs(120), LOGIN_TOKEN.to_owned()), |r| {
            r.try_into_http_response::<Vec<u8>>().unwrap()
        }),
        ("whoami-read", "ruma") => run(n, whoami_http, |r| {
            let (parts, body) = r.into_parts();
            ruma::whoami::Response::try_from_http_response(http::Response::from_parts(parts, body.as_slice())).unwrap()
        }),
        ("login-read", "ruma") => run(n, login_response_http, |r| {
            let (parts, body) = r.into_parts();
            ruma::login::Response::try_from_http_response(http::Response::from_parts(parts, body.as_slice())).unwrap()
        }),
        ("get-token-read", "ours") => run(n, get_token_response_http, |r| ours::get_token::Response::try_from_http_response(r).unwrap()),
        ("get-token-read", "floor") => run(n, get_token_response_http, floor_parse_response::<FloorGetTokenResponse>),
        ("get-token-read", "ruma") => run(n, get_token_response_http, |r| {
            let (parts, body) = r.into_parts();
            ruma::get_token::Response::try_from_http_response(http::Response::from_parts(parts, body.as_slice())).unwrap()
        }),
        _ => panic!("unknown op/column"),
    }
}
