#!/usr/bin/env bash
# Compile cost of declaring the same 8 endpoints with matrix-api's macros (ours/) and with
# Ruma's (ruma/): median wall time of rebuilding the declaring crate after touching it, and the
# lines of LLVM IR it emits (cargo llvm-lines). Then the same for a crate calling every
# conversion of those endpoints (ours-calls/, ruma-calls/), where the generic conversion code is
# compiled: median wall time of rebuilding it after touching the declaring crate (both rebuild),
# and the lines of LLVM IR the calling crate emits. Usage: bash benches/compile-cost/measure.sh [runs]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
runs="${1:-5}"
if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: $0 [runs]   (runs: a positive integer, default 5)" >&2
    exit 2
fi
crates=(ours ruma)
# The crate calling every conversion of crate X's endpoints is X-calls/.
calls=(ours-calls ruma-calls)
top=15

# One target directory for all four crates: their dependencies are built once and stay warm.
export CARGO_TARGET_DIR="$here/target"
out="$CARGO_TARGET_DIR/compile-cost"
mkdir -p "$out"

if ! cargo llvm-lines --version >/dev/null 2>&1; then
    echo "== installing cargo-llvm-lines"
    cargo install --locked cargo-llvm-lines
fi

echo "== toolchain"
rustc -V
cargo -V
cargo llvm-lines --version 2>/dev/null || true
echo "CARGO_INCREMENTAL=${CARGO_INCREMENTAL:-unset (the dev profile default: incremental)}"
echo "cores: $(nproc)"

# Build (and, with no lock file yet, resolve) quietly; show the output only if it fails.
quiet() {
    local log="$out/last-command.log"
    if ! "$@" >"$log" 2>&1; then
        cat "$log" >&2
        echo "failed: $*" >&2
        exit 1
    fi
}

echo "== warming dependencies (dev profile)"
for crate in "${crates[@]}" "${calls[@]}"; do
    quiet cargo build --manifest-path "$here/$crate/Cargo.toml"
done

now() { date +%s.%N; }

# Touch the src/lib.rs of crate $1 and time `cargo build` of crate $2 (default: $1, alone);
# prints seconds.
rebuild() {
    local touched="$1" built="${2:-$1}" start end
    touch "$here/$touched/src/lib.rs"
    start="$(now)"
    quiet cargo build --manifest-path "$here/$built/Cargo.toml"
    end="$(now)"
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f\n", e - s }'
}

median() {
    printf '%s\n' "$@" | sort -g | awk '
        { v[NR] = $1 }
        END { if (NR % 2) printf "%.3f\n", v[(NR + 1) / 2];
              else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f\n", a / b; else print "n/a" }'; }

# The versions a lock file resolved for the crates that matter here.
lock_versions() {
    awk '
        /^name = / { name = $3; gsub(/"/, "", name) }
        /^version = / && (name == "ruma-common" || name == "ruma-macros" || name == "serde" || name == "serde_json") {
            v = $3; gsub(/"/, "", v); printf "%s %s  ", name, v }
    ' "$1"
    echo
}
for crate in "${crates[@]}" "${calls[@]}"; do
    echo "$crate/Cargo.lock: $(lock_versions "$here/$crate/Cargo.lock")"
done

echo "== rebuild after touching src/lib.rs, $runs runs each, interleaved"
times_ours=()
times_ruma=()
for ((i = 1; i <= runs; i++)); do
    # Alternate which crate goes first, so that neither always follows the other.
    if ((i % 2)); then order=(ours ruma); else order=(ruma ours); fi
    line="run $i:"
    for crate in "${order[@]}"; do
        t="$(rebuild "$crate")"
        if [[ "$crate" == ours ]]; then times_ours+=("$t"); else times_ruma+=("$t"); fi
        line+=" $crate ${t}s"
    done
    echo "$line"
done
median_ours="$(median "${times_ours[@]}")"
median_ruma="$(median "${times_ruma[@]}")"
echo "median: ours ${median_ours}s, ruma ${median_ruma}s, ours / ruma = $(ratio "$median_ours" "$median_ruma")"

echo "== rebuild of the calling crate after touching the declaring crate's src/lib.rs (both rebuild), $runs runs each, interleaved"
times_ours_calls=()
times_ruma_calls=()
for ((i = 1; i <= runs; i++)); do
    if ((i % 2)); then order=(ours ruma); else order=(ruma ours); fi
    line="run $i:"
    for crate in "${order[@]}"; do
        t="$(rebuild "$crate" "$crate-calls")"
        if [[ "$crate" == ours ]]; then times_ours_calls+=("$t"); else times_ruma_calls+=("$t"); fi
        line+=" $crate + $crate-calls ${t}s"
    done
    echo "$line"
done
median_ours_calls="$(median "${times_ours_calls[@]}")"
median_ruma_calls="$(median "${times_ruma_calls[@]}")"
echo "median: ours + ours-calls ${median_ours_calls}s, ruma + ruma-calls ${median_ruma_calls}s, ours / ruma = $(ratio "$median_ours_calls" "$median_ruma_calls")"

echo "== cargo llvm-lines --lib (dev profile)"
declare -A lines copies total_lines
for crate in "${crates[@]}" "${calls[@]}"; do
    report="$out/llvm-lines-$crate.txt"
    if ! (cd "$here/$crate" && cargo llvm-lines --lib >"$report" 2>"$out/last-command.log"); then
        cat "$out/last-command.log" >&2
        echo "failed: cargo llvm-lines --lib in $crate/" >&2
        exit 1
    fi
    total="$(awk '/\(TOTAL\)/ { print $1, $2; exit }' "$report")"
    if [[ -z "$total" ]]; then
        echo "no TOTAL line in $report" >&2
        exit 1
    fi
    lines[$crate]="${total% *}"
    copies[$crate]="${total#* }"
    echo "-- $crate: ${lines[$crate]} lines, ${copies[$crate]} copies; top $top functions by lines (full list: $report)"
    # Header, rule and TOTAL are the first three lines.
    head -n $((3 + top)) "$report"
done
echo "ours / ruma, declaring crates: lines $(ratio "${lines[ours]}" "${lines[ruma]}"), copies $(ratio "${copies[ours]}" "${copies[ruma]}")"
echo "ours / ruma, calling crates: lines $(ratio "${lines[ours-calls]}" "${lines[ruma-calls]}"), copies $(ratio "${copies[ours-calls]}" "${copies[ruma-calls]}")"
for crate in "${crates[@]}"; do
    total_lines[$crate]=$((${lines[$crate]} + ${lines[$crate-calls]}))
done

echo
echo "| crate | declaring-crate rebuild (s) | declaring-crate LLVM IR lines | declaring + calling rebuild (s) | calling-crate LLVM IR lines | total LLVM IR lines (declaring + calling) |"
echo "| --- | --- | --- | --- | --- | --- |"
echo "| ours (matrix-api) | $median_ours | ${lines[ours]} | $median_ours_calls | ${lines[ours-calls]} | ${total_lines[ours]} |"
echo "| ruma (ruma-common 0.20) | $median_ruma | ${lines[ruma]} | $median_ruma_calls | ${lines[ruma-calls]} | ${total_lines[ruma]} |"
echo "| ours / ruma | $(ratio "$median_ours" "$median_ruma") | $(ratio "${lines[ours]}" "${lines[ruma]}") | $(ratio "$median_ours_calls" "$median_ruma_calls") | $(ratio "${lines[ours-calls]}" "${lines[ruma-calls]}") | $(ratio "${total_lines[ours]}" "${total_lines[ruma]}") |"
