//! Runs one column of one operation, untimed, for an instruction counter, whose counts hold
//! still on a noisy machine: `bash instructions.sh` counts every operation this way.
//!
//! Usage: `profile --list`, or `profile OPERATION COLUMN [COUNT]`, where OPERATION is the start of a name in the
//! table (`"login http→request"`), COLUMN is `ours`, `ruma` or `floor`, and COUNT defaults to
//! 2000; with `BASE=1` set, the inputs are built and dropped but not converted.
//! `profile --batch OPERATION` prints the row's batch (64, fewer for the big rows), from which
//! `instructions.sh` scales its count down, and `profile --allocs` prints every row's
//! allocations (+ reallocations) per conversion.

use matrix_api_benches::alloc_count::CountingAlloc;
use matrix_api_benches::operations::operations;

/// The bench's allocator here too, so that instruction counts include the same counting.
#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--list") {
        operations().iter().for_each(|op| println!("{}", op.name()));
        return;
    }
    // `profile --allocs`: allocations (+ reallocations) per conversion of every operation.
    if args.get(1).map(String::as_str) == Some("--allocs") {
        for op in operations() {
            let [ours, ruma, floor] = op.allocs();
            println!(
                "{}: ours {ours:?}, Ruma {ruma:?}, floor {floor:?}",
                op.name()
            );
        }
        return;
    }
    if let (Some("--batch"), Some(name)) = (args.get(1).map(String::as_str), args.get(2)) {
        let ops = operations();
        let Some(op) = ops.iter().find(|op| op.name().starts_with(name.as_str())) else {
            eprintln!("no operation named {name:?}");
            std::process::exit(2);
        };
        println!("{}", op.batch());
        return;
    }
    let usage = "usage: profile OPERATION ours|ruma|floor [COUNT]";
    let (Some(name), Some(column)) = (args.get(1), args.get(2)) else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    let column = match column.as_str() {
        "ours" => 0,
        "ruma" => 1,
        "floor" => 2,
        _ => {
            eprintln!("{usage}");
            std::process::exit(2);
        }
    };
    let count = match args.get(3).map(|n| n.parse::<usize>()) {
        None => 2000,
        Some(Ok(n)) => n,
        Some(Err(_)) => {
            eprintln!("{usage}");
            std::process::exit(2);
        }
    };
    let ops = operations();
    let Some(op) = ops.iter().find(|op| op.name().starts_with(name.as_str())) else {
        let names: Vec<_> = ops.iter().map(|op| op.name()).collect();
        eprintln!("no operation named {name:?}; the operations: {names:?}");
        std::process::exit(2);
    };
    op.run_column(column, count, std::env::var_os("BASE").is_none());
}
