//! matrix-api vs Ruma vs hand-written code, per conversion. Run: `cargo bench` in `benches/`.
//!
//! Each operation is first checked for identical output across the three columns (a panic
//! otherwise), then timed by criterion, then measured once more as a paired estimate: the
//! columns alternate in short blocks and the median of the per-round ratios is reported, which
//! holds up on a shared, noisy machine better than comparing separate means.

use std::time::Duration;

use criterion::{criterion_group, Criterion};
use matrix_api_benches::alloc_count::CountingAlloc;
use matrix_api_benches::operations::{median, operations, verify, Measure};

/// Counts allocations, for the paired table's allocation columns; the counting is a relaxed
/// atomic add per allocation, the same in every column.
#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

fn benches(c: &mut Criterion) {
    verify();
    // `ONLY=text`: just the operations whose name contains it, for quick comparisons.
    let only = std::env::var("ONLY").unwrap_or_default();
    let ops: Vec<_> = operations()
        .into_iter()
        .filter(|op| op.name().contains(&only))
        .collect();
    // The paired table alone takes seconds, for quick comparisons while optimising.
    if std::env::var_os("PAIRED_ONLY").is_none() {
        for op in &ops {
            op.criterion(c);
        }
    }
    paired_table(&ops);
}

fn paired_table(ops: &[Box<dyn Measure>]) {
    const ROUNDS: usize = 41;
    println!(
        "\npaired estimate: median over {ROUNDS} rounds of alternating blocks (64 calls, or the \
         row's batch); allocations per conversion (+ reallocations when any)"
    );
    println!(
        "| operation | ours (ns) | Ruma (ns) | floor (ns) | ours ÷ floor | ours ÷ Ruma \
         | allocs ours | allocs Ruma | allocs floor |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for op in ops {
        for warmup in 0..5 {
            op.paired_round(warmup);
        }
        let rounds: Vec<[f64; 3]> = (0..ROUNDS).map(|r| op.paired_round(r)).collect();
        let column = |i: usize| median(rounds.iter().map(|r| r[i]).collect());
        let vs_floor = median(rounds.iter().map(|r| r[0] / r[2]).collect());
        let vs_ruma = median(rounds.iter().map(|r| r[0] / r[1]).collect());
        let allocs = op.allocs().map(|(allocs, reallocs)| {
            if reallocs == 0 {
                allocs.to_string()
            } else {
                format!("{allocs} + {reallocs}")
            }
        });
        println!(
            "| {} | {:.0} | {:.0} | {:.0} | {:.2} | {:.2} | {} | {} | {} |",
            op.name(),
            column(0),
            column(1),
            column(2),
            vs_floor,
            vs_ruma,
            allocs[0],
            allocs[1],
            allocs[2]
        );
    }
}

criterion_group! {
    name = group;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_millis(1500))
        .sample_size(30);
    targets = benches
}

fn main() {
    group();
    Criterion::default().configure_from_args().final_summary();
}
