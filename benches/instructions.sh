#!/usr/bin/env bash
# Instructions per conversion, for every operation of the bench and each column (ours, Ruma, the
# hand-written floor), counted by valgrind's callgrind: the same count on every run of the same
# binary, however busy the machine is, where timings on a shared machine move by tens of
# percent. Each column runs COUNT conversions, and a second run that only builds and drops the
# inputs is subtracted, leaving the conversion (and the drop of its output).
# Usage: bash benches/instructions.sh [COUNT]     (needs valgrind)
# ONLY=text keeps only the operations whose name contains `text`, as for `cargo bench`.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
count="${1:-2000}"
if ! [[ "$count" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: $0 [COUNT]   (COUNT: a positive integer, default 2000)" >&2
    exit 2
fi
if ! command -v valgrind >/dev/null; then
    echo "valgrind is needed (Debian: apt-get install valgrind)" >&2
    exit 1
fi

cargo build --quiet --release --manifest-path "$here/Cargo.toml" --example profile
binary="$here/target/release/examples/profile"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# Total instructions of one run of the profile example.
instructions() {
    valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out" "$@" 2>&1 \
        | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

# The big rows (a 1 MB sync) run fewer times, in proportion to their batch size (64 for the
# small rows), so that callgrind takes minutes, not hours; the count per call is the same.
per_call() {
    local op="$1" column="$2" full base batch n
    batch="$("$binary" --batch "$op")"
    n=$((count * batch / 64))
    if ((n < 1)); then n=1; fi
    full="$(instructions "$binary" "$op" "$column" "$n")"
    base="$(BASE=1 instructions "$binary" "$op" "$column" "$n")"
    echo $(((full - base) / n))
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

mapfile -t operations < <("$binary" --list)
echo "instructions per conversion (callgrind, $count calls, fewer for the big rows in proportion to their batch; inputs' construction subtracted)"
echo "| operation | ours | Ruma | floor | ours ÷ floor | ours ÷ Ruma |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
for op in "${operations[@]}"; do
    if [[ -n "${ONLY:-}" && "$op" != *"$ONLY"* ]]; then continue; fi
    ours="$(per_call "$op" ours)"
    ruma="$(per_call "$op" ruma)"
    floor="$(per_call "$op" floor)"
    echo "| $op | $ours | $ruma | $floor | $(ratio "$ours" "$floor") | $(ratio "$ours" "$ruma") |"
done
