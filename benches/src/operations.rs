//! The operations measured, each in three columns (ours, Ruma, the hand-written floor), and the
//! check that the columns agree. Shared by the criterion bench (`benches/conversions.rs`) and
//! the `profile` example, which runs one column alone for an instruction count.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion};
use matrix_api::{
    IncomingRequest as _, IncomingResponse as _, OutgoingRequest as _, OutgoingResponse as _,
};
use ruma_common::api::{
    IncomingRequestExt as _, IncomingResponseExt as _, OutgoingRequestExt as _,
    OutgoingResponseExt as _,
};

use crate::*;

/// Calls per timed block of the small operations, small so that outputs do not pile up in
/// memory.
pub const BATCH: u64 = 64;

/// One column of an operation: how to build an input (untimed), and the conversion (timed).
pub(crate) type Column<I, O> = (fn() -> I, fn(I) -> O);

/// One operation: how to build each column's input, and each column's conversion.
pub(crate) struct Op<I1, I2, I3, O1, O2, O3> {
    pub(crate) name: &'static str,
    /// Calls per timed block: [`BATCH`], or fewer for the big conversions (a 1 MB sync takes
    /// milliseconds, and 64 of its inputs and outputs would be 100 MB alive at once).
    pub(crate) batch: u64,
    pub(crate) ours: Column<I1, O1>,
    pub(crate) ruma: Column<I2, O2>,
    pub(crate) floor: Column<I3, O3>,
}

/// An operation, whatever its columns' types: what the bench, the paired table and the
/// `profile` example do with it.
pub trait Measure {
    /// The row's name in the tables.
    fn name(&self) -> &'static str;
    /// Calls per timed block.
    fn batch(&self) -> u64;
    /// Criterion's timing of each column alone.
    fn criterion(&self, c: &mut Criterion);
    /// Per-round nanoseconds per call, for (ours, ruma, floor).
    fn paired_round(&self, round: usize) -> [f64; 3];
    /// Runs column `column` (0 ours, 1 Ruma, 2 floor) `count` times, untimed, for an
    /// instruction counter; with `convert` false, only builds and drops the inputs, the cost to
    /// subtract.
    fn run_column(&self, column: usize, count: usize, convert: bool);
    /// Allocations and reallocations of one conversion, per column (ours, Ruma, floor): zero
    /// unless the binary installed [`crate::alloc_count::CountingAlloc`].
    fn allocs(&self) -> [(u64, u64); 3];
}

impl<I1, I2, I3, O1, O2, O3> Measure for Op<I1, I2, I3, O1, O2, O3> {
    fn name(&self) -> &'static str {
        self.name
    }

    fn batch(&self) -> u64 {
        self.batch
    }

    fn criterion(&self, c: &mut Criterion) {
        let mut group = c.benchmark_group(self.name);
        let (make, run) = self.ours;
        group.bench_function("ours", |b| {
            b.iter_batched(
                make,
                |i| black_box(run(i)),
                BatchSize::NumIterations(self.batch),
            )
        });
        let (make, run) = self.ruma;
        group.bench_function("ruma", |b| {
            b.iter_batched(
                make,
                |i| black_box(run(i)),
                BatchSize::NumIterations(self.batch),
            )
        });
        let (make, run) = self.floor;
        group.bench_function("floor", |b| {
            b.iter_batched(
                make,
                |i| black_box(run(i)),
                BatchSize::NumIterations(self.batch),
            )
        });
        group.finish();
    }

    fn paired_round(&self, round: usize) -> [f64; 3] {
        let mut times = [0.0; 3];
        // Rotate the order each round so no column always runs first (warm caches) or last.
        for k in 0..3 {
            let column = (round + k) % 3;
            times[column] = match column {
                0 => block(self.ours, self.batch),
                1 => block(self.ruma, self.batch),
                _ => block(self.floor, self.batch),
            };
        }
        times
    }

    fn run_column(&self, column: usize, count: usize, convert: bool) {
        match column {
            0 => run_many(self.ours, count, convert),
            1 => run_many(self.ruma, count, convert),
            _ => run_many(self.floor, count, convert),
        }
    }

    fn allocs(&self) -> [(u64, u64); 3] {
        [
            allocs_of(self.ours),
            allocs_of(self.ruma),
            allocs_of(self.floor),
        ]
    }
}

/// The allocations and reallocations of one conversion: the input is built before the first
/// read of the counters and the output dropped after the second, so neither is counted. The
/// conversion runs once untimed first, so that one-time setup (a `LazyLock`, a thread-local
/// buffer) is not counted either.
fn allocs_of<I, O>((make, run): Column<I, O>) -> (u64, u64) {
    drop(black_box(run(make())));
    let input = make();
    let (allocs, reallocs) = crate::alloc_count::counts();
    let output = black_box(run(black_box(input)));
    let (allocs_after, reallocs_after) = crate::alloc_count::counts();
    drop(output);
    (allocs_after - allocs, reallocs_after - reallocs)
}

fn run_many<I, O>((make, run): Column<I, O>, count: usize, convert: bool) {
    let inputs: Vec<I> = (0..count).map(|_| make()).collect();
    if !convert {
        inputs.into_iter().for_each(|input| drop(black_box(input)));
        return;
    }
    let outputs: Vec<O> = inputs
        .into_iter()
        .map(|input| black_box(run(black_box(input))))
        .collect();
    drop(black_box(outputs));
}

/// Ruma's server side reads an `http::Request<&[u8]>`: runs `parse` on the request with its
/// body borrowed.
pub(crate) fn borrowed_request<O>(
    request: HttpRequest,
    parse: impl FnOnce(http::Request<&[u8]>) -> O,
) -> O {
    let (parts, body) = request.into_parts();
    parse(http::Request::from_parts(parts, body.as_slice()))
}

/// The same for Ruma's client side and an `http::Response<&[u8]>`.
pub(crate) fn borrowed_response<O>(
    response: HttpResponse,
    parse: impl FnOnce(http::Response<&[u8]>) -> O,
) -> O {
    let (parts, body) = response.into_parts();
    parse(http::Response::from_parts(parts, body.as_slice()))
}

/// Times one block of `batch` calls, inputs built and outputs dropped outside the timing.
fn block<I, O>((make, run): Column<I, O>, batch: u64) -> f64 {
    let inputs: Vec<I> = (0..batch).map(|_| make()).collect();
    let mut outputs = Vec::with_capacity(batch as usize);
    let start = Instant::now();
    for input in inputs {
        outputs.push(black_box(run(black_box(input))));
    }
    let elapsed = start.elapsed();
    drop(outputs);
    elapsed.as_nanos() as f64 / batch as f64
}

/// The middle value.
pub fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(|a, b| a.partial_cmp(b).unwrap());
    values[values.len() / 2]
}

fn ours_v17() -> matrix_api::SupportedVersions {
    ours_supported(false)
}

/// Every operation of the table, in its order: the small ones first, then the bigger rows of
/// [`crate::rows`].
pub fn operations() -> Vec<Box<dyn Measure>> {
    let mut ops: Vec<Box<dyn Measure>> = vec![
        Box::new(Op {
            name: "get_token request→http, stable path",
            batch: BATCH,
            ours: (
                || ours_get_token(false),
                |r| {
                    r.try_into_http_request(BASE, ours_token(), &OURS_STABLE)
                        .unwrap()
                },
            ),
            ruma: (
                || ruma_get_token(false),
                |r| {
                    r.try_into_http_request::<Vec<u8>>(BASE, ruma_token(), cow(&RUMA_STABLE))
                        .unwrap()
                },
            ),
            floor: (
                || FloorGetTokenRequest { auth: None },
                |b| floor_request("/_matrix/client/v1/login/get_token", TOKEN, &b),
            ),
        }),
        Box::new(Op {
            name: "get_token request→http, MSC3882 path",
            batch: BATCH,
            ours: (
                || ours_get_token(false),
                |r| {
                    r.try_into_http_request(BASE, ours_token(), &OURS_UNSTABLE)
                        .unwrap()
                },
            ),
            ruma: (
                || ruma_get_token(false),
                |r| {
                    r.try_into_http_request::<Vec<u8>>(BASE, ruma_token(), cow(&RUMA_UNSTABLE))
                        .unwrap()
                },
            ),
            floor: (
                || FloorGetTokenRequest { auth: None },
                |b| {
                    floor_request(
                        "/_matrix/client/unstable/org.matrix.msc3882/login/get_token",
                        TOKEN,
                        &b,
                    )
                },
            ),
        }),
        Box::new(Op {
            name: "get_token request→http, UIA auth",
            batch: BATCH,
            ours: (
                || ours_get_token(true),
                |r| {
                    r.try_into_http_request(BASE, ours_token(), &OURS_STABLE)
                        .unwrap()
                },
            ),
            ruma: (
                || ruma_get_token(true),
                |r| {
                    r.try_into_http_request::<Vec<u8>>(BASE, ruma_token(), cow(&RUMA_STABLE))
                        .unwrap()
                },
            ),
            floor: (floor_get_token_auth, |b| {
                floor_request("/_matrix/client/v1/login/get_token", TOKEN, &b)
            }),
        }),
        Box::new(Op {
            name: "get_token http→request, no auth",
            batch: BATCH,
            ours: (get_token_http_plain, |r| {
                ours::get_token::Request::try_from_http_request(r, &[] as &[&str]).unwrap()
            }),
            ruma: (get_token_http_plain, |r| {
                borrowed_request(r, |r| {
                    ruma::get_token::Request::try_from_http_request(r, &[]).unwrap()
                })
            }),
            floor: (
                get_token_http_plain,
                floor_parse_request::<FloorGetTokenRequest>,
            ),
        }),
        Box::new(Op {
            name: "get_token http→request, UIA auth",
            batch: BATCH,
            ours: (get_token_http_auth, |r| {
                ours::get_token::Request::try_from_http_request(r, &[] as &[&str]).unwrap()
            }),
            ruma: (get_token_http_auth, |r| {
                borrowed_request(r, |r| {
                    ruma::get_token::Request::try_from_http_request(r, &[]).unwrap()
                })
            }),
            floor: (
                get_token_http_auth,
                floor_parse_request::<FloorGetTokenRequest>,
            ),
        }),
        Box::new(Op {
            name: "get_token response→http",
            batch: BATCH,
            ours: (
                || {
                    ours::get_token::Response::with_default_expiration_duration(
                        LOGIN_TOKEN.to_owned(),
                    )
                },
                |r| r.try_into_http_response().unwrap(),
            ),
            ruma: (
                || ruma::get_token::Response::new(Duration::from_secs(120), LOGIN_TOKEN.to_owned()),
                |r| r.try_into_http_response::<Vec<u8>>().unwrap(),
            ),
            floor: (
                || FloorGetTokenResponse {
                    expires_in_ms: 120_000,
                    login_token: LOGIN_TOKEN.to_owned(),
                },
                |b| floor_response(&b),
            ),
        }),
        Box::new(Op {
            name: "get_token http→response",
            batch: BATCH,
            ours: (get_token_response_http, |r| {
                ours::get_token::Response::try_from_http_response(r).unwrap()
            }),
            ruma: (get_token_response_http, |r| {
                borrowed_response(r, |r| {
                    ruma::get_token::Response::try_from_http_response(r).unwrap()
                })
            }),
            floor: (
                get_token_response_http,
                floor_parse_response::<FloorGetTokenResponse>,
            ),
        }),
        Box::new(Op {
            name: "login request→http",
            batch: BATCH,
            ours: (ours_login, |r| {
                r.try_into_http_request(BASE, ours_token(), &OURS_STABLE)
                    .unwrap()
            }),
            ruma: (ruma_login, |r| {
                r.try_into_http_request::<Vec<u8>>(BASE, ruma_token(), cow(&RUMA_STABLE))
                    .unwrap()
            }),
            floor: (floor_login, |b| {
                floor_request("/_matrix/client/v3/login", "", &b)
            }),
        }),
        Box::new(Op {
            name: "login http→request",
            batch: BATCH,
            ours: (login_http, |r| {
                ours::login::Request::try_from_http_request(r, &[] as &[&str]).unwrap()
            }),
            ruma: (login_http, |r| {
                borrowed_request(r, |r| {
                    ruma::login::Request::try_from_http_request(r, &[]).unwrap()
                })
            }),
            floor: (login_http, floor_parse_request::<FloorLoginRequest>),
        }),
        Box::new(Op {
            name: "login response→http",
            batch: BATCH,
            ours: (ours_login_response, |r| r.try_into_http_response().unwrap()),
            ruma: (ruma_login_response, |r| {
                r.try_into_http_response::<Vec<u8>>().unwrap()
            }),
            floor: (floor_login_response, |b| floor_response(&b)),
        }),
        Box::new(Op {
            name: "login http→response",
            batch: BATCH,
            ours: (login_response_http, |r| {
                ours::login::Response::try_from_http_response(r).unwrap()
            }),
            ruma: (login_response_http, |r| {
                borrowed_response(r, |r| {
                    ruma::login::Response::try_from_http_response(r).unwrap()
                })
            }),
            floor: (
                login_response_http,
                floor_parse_response::<FloorLoginResponse>,
            ),
        }),
        Box::new(Op {
            name: "whoami response→http",
            batch: BATCH,
            ours: (
                || ours::whoami::Response::new(USER.try_into().unwrap(), Some(DEVICE.into())),
                |r| r.try_into_http_response().unwrap(),
            ),
            ruma: (ruma_whoami, |r| {
                r.try_into_http_response::<Vec<u8>>().unwrap()
            }),
            floor: (
                || FloorWhoami {
                    user_id: USER.try_into().unwrap(),
                    device_id: Some(DEVICE.into()),
                },
                |b| floor_response(&b),
            ),
        }),
        Box::new(Op {
            name: "whoami http→response",
            batch: BATCH,
            ours: (whoami_http, |r| {
                ours::whoami::Response::try_from_http_response(r).unwrap()
            }),
            ruma: (whoami_http, |r| {
                borrowed_response(r, |r| {
                    ruma::whoami::Response::try_from_http_response(r).unwrap()
                })
            }),
            floor: (whoami_http, floor_parse_response::<FloorWhoami>),
        }),
        Box::new(Op {
            name: "401 UIA body→UiaaResponse",
            batch: BATCH,
            ours: (uiaa_response, |r| {
                ours::get_token::Response::try_from_http_response(r).unwrap_err()
            }),
            ruma: (uiaa_response, |r| {
                borrowed_response(r, |r| {
                    ruma::get_token::Response::try_from_http_response(r).unwrap_err()
                })
            }),
            floor: (uiaa_response, |r| {
                assert_eq!(r.status(), 401);
                serde_json::from_slice::<FloorUiaa>(r.body()).unwrap()
            }),
        }),
    ];
    ops.extend(crate::rows::rows());
    ops
}

/// Fails loudly if any column's output differs from the others.
pub fn verify() {
    let same_request = |name: &str, a: HttpRequest, b: HttpRequest, c: HttpRequest| {
        let (a, b, c) = (request_wire(&a), request_wire(&b), request_wire(&c));
        assert_eq!(a, b, "{name}: ours and Ruma differ");
        assert_eq!(a, c, "{name}: ours and the floor differ");
    };
    let same_response = |name: &str, a: HttpResponse, b: HttpResponse, c: HttpResponse| {
        let (a, b, c) = (response_wire(&a), response_wire(&b), response_wire(&c));
        assert_eq!(a, b, "{name}: ours and Ruma differ");
        assert_eq!(a, c, "{name}: ours and the floor differ");
    };
    for (unstable, path) in [
        (false, "/_matrix/client/v1/login/get_token"),
        (
            true,
            "/_matrix/client/unstable/org.matrix.msc3882/login/get_token",
        ),
    ] {
        same_request(
            "get_token request",
            ours_get_token(false)
                .try_into_http_request(BASE, ours_token(), &ours_supported(unstable))
                .unwrap(),
            ruma_get_token(false)
                .try_into_http_request(BASE, ruma_token(), cow(&ruma_supported(unstable)))
                .unwrap(),
            floor_request(path, TOKEN, &FloorGetTokenRequest { auth: None }),
        );
    }
    same_request(
        "get_token request with auth",
        ours_get_token(true)
            .try_into_http_request(BASE, ours_token(), &ours_v17())
            .unwrap(),
        ruma_get_token(true)
            .try_into_http_request(BASE, ruma_token(), cow(&ruma_supported(false)))
            .unwrap(),
        get_token_http_auth(),
    );
    same_request(
        "login request",
        ours_login()
            .try_into_http_request(BASE, ours_token(), &ours_v17())
            .unwrap(),
        ruma_login()
            .try_into_http_request(BASE, ruma_token(), cow(&ruma_supported(false)))
            .unwrap(),
        login_http(),
    );
    same_response(
        "get_token response",
        ours::get_token::Response::with_default_expiration_duration(LOGIN_TOKEN.to_owned())
            .try_into_http_response()
            .unwrap(),
        ruma::get_token::Response::new(Duration::from_secs(120), LOGIN_TOKEN.to_owned())
            .try_into_http_response()
            .unwrap(),
        get_token_response_http(),
    );
    same_response(
        "login response",
        ours_login_response().try_into_http_response().unwrap(),
        ruma_login_response().try_into_http_response().unwrap(),
        login_response_http(),
    );
    same_response(
        "whoami response",
        ours::whoami::Response::new(USER.try_into().unwrap(), Some(DEVICE.into()))
            .try_into_http_response()
            .unwrap(),
        ruma_whoami().try_into_http_response().unwrap(),
        whoami_http(),
    );

    // Parsers: each column reads the same values.
    let ours =
        ours::get_token::Request::try_from_http_request(get_token_http_auth(), &[] as &[&str])
            .unwrap();
    let Some(ours::AuthData::Password(p)) = ours.auth else {
        panic!("ours: no password auth")
    };
    let floor: FloorGetTokenRequest = floor_parse_request(get_token_http_auth());
    let f = floor.auth.unwrap();
    assert_eq!(
        (p.password.as_str(), p.session.as_deref()),
        (f.password.as_deref().unwrap(), f.session.as_deref())
    );
    let ruma = borrowed_request(get_token_http_auth(), |r| {
        ruma::get_token::Request::try_from_http_request(r, &[]).unwrap()
    });
    let Some(ruma::AuthData::Password(rp)) = ruma.auth else {
        panic!("ruma: no password auth")
    };
    assert_eq!(
        (rp.password.as_str(), rp.session.as_deref()),
        (p.password.as_str(), p.session.as_deref())
    );

    let ours = ours::login::Request::try_from_http_request(login_http(), &[] as &[&str]).unwrap();
    let ours::login::LoginInfo::Password(p) = ours.login_info else {
        panic!("ours: not a password login")
    };
    let floor: FloorLoginRequest = floor_parse_request(login_http());
    assert_eq!(Some(p.password.as_str()), floor.password.as_deref());
    assert_eq!(
        ours.initial_device_display_name,
        floor.initial_device_display_name
    );

    let ours = ours::login::Response::try_from_http_response(login_response_http()).unwrap();
    let floor: FloorLoginResponse = floor_parse_response(login_response_http());
    assert_eq!(
        (ours.access_token.as_str(), ours.device_id.as_str()),
        (floor.access_token.as_str(), floor.device_id.as_str())
    );
    assert_eq!(
        ours.expires_in.map(|d| d.as_millis() as u64),
        floor.expires_in_ms
    );

    let ours = ours::get_token::Response::try_from_http_response(uiaa_response()).unwrap_err();
    let matrix_api::FromHttpResponseError::Server(ours::UiaaResponse::AuthResponse(info)) = ours
    else {
        panic!("ours: not UIA")
    };
    let floor: FloorUiaa = serde_json::from_slice(UIAA_BODY.as_bytes()).unwrap();
    assert_eq!(info.session, floor.session);
    assert_eq!(info.flows.len(), floor.flows.len());
    crate::rows::verify();
    println!("verified: all three columns produce the same output for every operation");
}
