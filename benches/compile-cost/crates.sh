#!/usr/bin/env bash
# Build time of the endpoints crates themselves, side by side in one run: matrix-client-api
# (this workspace, features client and server) and ruma-client-api 0.25.2 (features client and
# server, the version benches/ compares with), each built from clean with `cargo build --release
# --timings` into a target directory of its own, on the same machine one after the other. Prints
# each crate's own compile time from cargo's timing report, the time of the crates it needs
# that the other side does not share (matrix-api and its macros; ruma-common's api half, its
# macros, ruma-events), and the whole build.
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

# Each unit's duration, from the JSON the timing report embeds.
python3 - "$out/ours-timing.html" "$out/ruma-timing.html" <<'PY'
import json, re, sys

def units(path):
    text = open(path, encoding="utf-8").read()
    data = json.loads(re.search(r"const UNIT_DATA = (\[.*?\]);", text, re.S).group(1))
    times = {}
    for unit in data:
        if unit.get("target", "").strip() not in ("", "(lib)") and "build script" in unit.get("target", ""):
            continue
        times[unit["name"]] = times.get(unit["name"], 0) + unit["duration"]
    return times

ours, ruma = units(sys.argv[1]), units(sys.argv[2])
rows = [
    ("matrix-client-api", ours.get("matrix-client-api")),
    ("  with matrix-api and matrix-api-macros", sum(ours.get(n, 0) for n in ("matrix-client-api", "matrix-api", "matrix-api-macros"))),
    ("ruma-client-api", ruma.get("ruma-client-api")),
    ("  with ruma-common, ruma-macros, ruma-events", sum(ruma.get(n, 0) for n in ("ruma-client-api", "ruma-common", "ruma-macros", "ruma-events"))),
]
print("\n| crate (release, client + server) | seconds |")
print("| --- | ---: |")
for name, seconds in rows:
    print(f"| {name} | {seconds:.1f} |" if seconds is not None else f"| {name} | missing |")
a, b = ours.get("matrix-client-api"), ruma.get("ruma-client-api")
if a and b:
    print(f"\nmatrix-client-api ÷ ruma-client-api: {a / b:.2f}")
PY
