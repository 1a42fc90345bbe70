#!/usr/bin/env bash
# Build time of the endpoints crates themselves, side by side in one run: matrix-client-api
# (this workspace, features client and server) and ruma-client-api 0.25.2 (features client and
# server, the version benches/ compares with), each built from clean with `cargo build --release
# --timings` into a target directory of its own, on the same machine one after the other. Prints
# each crate's own compile time from cargo's timing report, the time of the crates it needs
# that the other side does not share (matrix-api and its macros; ruma-common's api half, its
# macros, ruma-events), and the whole build. Then it rebuilds the endpoint crates alone (ours:
# matrix-client-api and the crates of its endpoint groups; Ruma's: ruma-client-api) and prints
# their CPU and wall time: on more than one core the parts of ours build side by side, so the
# sum of their timing-report times is neither.
#
#   bash benches/compile-cost/crates.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$here/target/crates"
rm -rf "$out"
mkdir -p "$out"

echo "== toolchain: $(rustc -V); cores: $(nproc)"

# build NAME MANIFEST PACKAGE [ARGS…]: a clean release build with timings; the report is kept.
build() {
    local name=$1 manifest=$2 package=$3 start end
    shift 3
    start=$(date +%s.%N)
    CARGO_TARGET_DIR="$out/$name" cargo build --release --timings --quiet \
        --manifest-path "$manifest" -p "$package" "$@" >"$out/$name.log" 2>&1 ||
        { cat "$out/$name.log"; echo "build of $package failed" >&2; exit 1; }
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" -v n="$name" 'BEGIN { printf "%s: whole build %.1f s wall\n", n, e - s }'
    cp "$out/$name/cargo-timings/cargo-timing.html" "$out/$name-timing.html"
}

build ours "$root/Cargo.toml" matrix-client-api --features client,server
# A dependency of benches/, which turns on its `client` and `server` features.
build ruma "$root/benches/Cargo.toml" ruma-client-api

# rebuild NAME MANIFEST PACKAGE CRATES [ARGS…]: the endpoint crates alone (CRATES: their package
# names), cleaned and built again over the dependencies already built; prints "CPU WALL" in
# seconds (CPU: user + system, every core), with nothing else building beside them.
rebuild() {
    local name=$1 manifest=$2 package=$3 crates=$4 specs=() crate times
    shift 4
    for crate in $crates; do specs+=(-p "$crate"); done
    CARGO_TARGET_DIR="$out/$name" cargo clean --release --quiet --manifest-path "$manifest" "${specs[@]}"
    times=$( { TIMEFORMAT='%U %S %R'; time CARGO_TARGET_DIR="$out/$name" cargo build --release --quiet \
        --manifest-path "$manifest" -p "$package" "$@" >"$out/$name-rebuild.log" 2>&1; } 2>&1 ) ||
        { cat "$out/$name-rebuild.log" >&2; echo "rebuild of $package failed" >&2; exit 1; }
    read -r user system wall <<<"$times"
    awk -v u="$user" -v s="$system" -v w="$wall" 'BEGIN { printf "%.1f %.1f", u + s, w }'
}

parts=$(cd "$root/client-api/crates" && for part in *; do printf 'matrix-client-api-%s ' "$part"; done)
runs=3
declare -A cpu wall
echo "== the endpoint crates alone, rebuilt $runs times each, alternating which side goes first"
for run in $(seq 1 $runs); do
    if (( run % 2 )); then order=(ours ruma); else order=(ruma ours); fi
    for side in "${order[@]}"; do
        if [ "$side" = ours ]; then
            result=$(rebuild ours "$root/Cargo.toml" matrix-client-api "matrix-client-api $parts" --features client,server)
        else
            result=$(rebuild ruma "$root/benches/Cargo.toml" ruma-client-api ruma-client-api)
        fi
        read -r c w <<<"$result"
        echo "run $run $side: $c s CPU, $w s wall"
        cpu[$side]+="$c "
        wall[$side]+="$w "
    done
done
median() { printf '%s\n' $1 | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
echo
echo "| the endpoint crates alone, rebuilt (release, client + server), median of $runs | ours | Ruma | ours ÷ Ruma |"
echo "| --- | ---: | ---: | ---: |"
row() {
    awk -v m="$1" -v a="$(median "$2")" -v b="$(median "$3")" \
        'BEGIN { printf "| %s (s) | %.1f | %.1f | %.2f |\n", m, a, b, a / b }'
}
row "CPU, every core" "${cpu[ours]}" "${cpu[ruma]}"
row wall "${wall[ours]}" "${wall[ruma]}"

# Each unit's duration, from the JSON the timing report embeds.
python3 - "$out/ours-timing.html" "$out/ruma-timing.html" <<'PY'
import json, re, sys

def units(path):
    text = open(path, encoding="utf-8").read()
    data = json.loads(re.search(r"const UNIT_DATA = (\[.*?\]);", text, re.S).group(1))
    times, spans = {}, {}
    for unit in data:
        if unit.get("target", "").strip() not in ("", "(lib)") and "build script" in unit.get("target", ""):
            continue
        times[unit["name"]] = times.get(unit["name"], 0) + unit["duration"]
        spans.setdefault(unit["name"], []).append((unit["start"], unit["start"] + unit["duration"]))
    return times, spans

(ours, ours_spans), (ruma, _) = units(sys.argv[1]), units(sys.argv[2])
# matrix-client-api is a facade over crates of a few endpoint groups each: all of them count.
parts = sorted(n for n in ours if n.startswith("matrix-client-api"))
endpoints = sum(ours[n] for n in parts)
rows = [
    (f"matrix-client-api and its {len(parts) - 1} part crates", endpoints),
    ("  with matrix-api and matrix-api-macros", endpoints + sum(ours.get(n, 0) for n in ("matrix-api", "matrix-api-macros"))),
    ("ruma-client-api", ruma.get("ruma-client-api")),
    ("  with ruma-common, ruma-macros, ruma-events", sum(ruma.get(n, 0) for n in ("ruma-client-api", "ruma-common", "ruma-macros", "ruma-events"))),
]
print("\n| crate (release, client + server) | seconds |")
print("| --- | ---: |")
for name, seconds in rows:
    print(f"| {name} | {seconds:.1f} |" if seconds is not None else f"| {name} | missing |")
for n in parts:
    print(f"  {n}: {ours[n]:.1f} s")
# On more than one core the parts build side by side: from the first one's start to the last
# one's end.
edges = [edge for n in parts for edge in ours_spans[n]]
print(f"  wall, first part's start to the facade's end: {max(e for _, e in edges) - min(s for s, _ in edges):.1f} s")
a, b = endpoints, ruma.get("ruma-client-api")
if a and b:
    print(f"\nmatrix-client-api (all its crates) ÷ ruma-client-api: {a / b:.2f}")
PY
