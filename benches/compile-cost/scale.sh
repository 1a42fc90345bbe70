#!/usr/bin/env bash
# Compile time at the scale of the whole API, side by side in one run on this machine:
#
# 1. A small bot calling ten endpoints (bot-ours/ on matrix-client-api with only the groups it
#    calls, bot-ruma/ on ruma-client-api 0.25.2), each built clean in release into a target
#    directory of its own: the wall time of the whole build, dependencies included; and
#    bot-floor/, the dependencies both share (ruma-common, http, serde_json) and no endpoint.
#    SKIP_BOTS=1 leaves this step out.
# 2. The endpoints rebuilt after editing one endpoint module (dev profile, incremental as cargo
#    does by default): this workspace's matrix-client-api (a facade over crates of a few
#    endpoint groups each, under client-api/crates/), and a copy of ruma-client-api 0.25.2's
#    published source (one crate); both with client and server. Each run appends a new function
#    to the module (a real change, so rustc cannot skip it), rebuilds, and the files are
#    restored afterwards. Two modules: `message::send_message_event`, whose part no other part
#    uses, and `membership::join_room_by_id`, whose part two others use (they rebuild too).
#    Runs are interleaved and alternate which side goes first; the script prints each run and
#    the medians.
#
#   bash benches/compile-cost/scale.sh [runs]     (runs of step 2, default 5)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${1:-5}"
if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: $0 [runs]   (runs: a positive integer, default 5)" >&2
    exit 2
fi
out="$here/target/scale"
mkdir -p "$out"
# The same debug level on both sides (this workspace's dev profile keeps line tables only).
export CARGO_PROFILE_DEV_DEBUG=line-tables-only

echo "== toolchain: $(rustc -V); cores: $(nproc)"
now() { date +%s.%N; }
quiet() {
    local log="$out/last-command.log"
    "$@" >"$log" 2>&1 || { cat "$log" >&2; echo "failed: $*" >&2; exit 1; }
}

# ---- 1. the bot, built clean
declare -A bot
sides=(ours ruma floor)
[ -n "${SKIP_BOTS:-}" ] && sides=()
for side in "${sides[@]}"; do
    rm -rf "$out/bot-$side"
    start=$(now)
    CARGO_TARGET_DIR="$out/bot-$side" quiet cargo build --release --timings \
        --manifest-path "$here/bot-$side/Cargo.toml"
    end=$(now)
    bot[$side]=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }')
    echo "bot-$side: clean release build ${bot[$side]} s wall"
    cp "$out/bot-$side/cargo-timings/cargo-timing.html" "$out/bot-$side-timing.html"
done

# ---- 2. the endpoints crate, after editing one endpoint module
ruma_src="$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/ruma-client-api-0.25.2 | head -n1)"
rm -rf "$out/ruma-client-api"
cp -r "$ruma_src" "$out/ruma-client-api"
# Its own workspace, not that of benches/ above it.
printf '\n[workspace]\n' >>"$out/ruma-client-api/Cargo.toml"
# Two modules to edit (ours under client-api/crates/PART/src/, Ruma's under src/): one in a part
# of matrix-client-api that no other part uses (timeline), and one in a part that others use
# (membership: rooms and timeline rebuild after it); in Ruma's single crate both rebuild the same.
edits=("timeline message/send_message_event.rs" "membership membership/join_room_by_id.rs")
for e in "${edits[@]}"; do
    read -r part file <<<"$e"
    cp "$root/client-api/crates/$part/src/$file" "$out/ours-${file//\//-}.orig"
done
restore() {
    for e in "${edits[@]}"; do
        read -r part file <<<"$e"
        cp "$out/ours-${file//\//-}.orig" "$root/client-api/crates/$part/src/$file"
    done
}
trap restore EXIT

build_ours() { CARGO_TARGET_DIR="$out/incr-ours" quiet cargo build --manifest-path "$root/Cargo.toml" -p matrix-client-api --features client,server; }
build_ruma() { CARGO_TARGET_DIR="$out/incr-ruma" quiet cargo build --manifest-path "$out/ruma-client-api/Cargo.toml" --features client,server; }

echo "== warming both endpoints crates (dev profile)"
build_ours
build_ruma

# edit SIDE RUN PART FILE: appends a function to the side's module; prints the rebuild's seconds.
edit() {
    local side=$1 run=$2 part=$3 file=$4 module start end
    if [ "$side" = ours ]; then module="$root/client-api/crates/$part/src/$file"; else module="$out/ruma-client-api/src/$file"; fi
    printf '\n#[allow(dead_code)]\nfn compile_cost_edit_%s() -> u32 {\n    %s\n}\n' "$run" "$run" >>"$module"
    start=$(now)
    "build_$side"
    end=$(now)
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }'
}

median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
declare -A medians
for e in "${edits[@]}"; do
    read -r part file <<<"$e"
    ours_times=()
    ruma_times=()
    for run in $(seq 1 "$runs"); do
        if (( run % 2 )); then order=(ours ruma); else order=(ruma ours); fi
        for side in "${order[@]}"; do
            t=$(edit "$side" "$run" "$part" "$file")
            echo "$file run $run $side: ${t} s"
            if [ "$side" = ours ]; then ours_times+=("$t"); else ruma_times+=("$t"); fi
        done
    done
    medians[$file]="$(median "${ours_times[@]}") $(median "${ruma_times[@]}")"
done

echo
echo "| | ours | Ruma | ours ÷ Ruma |"
echo "| --- | ---: | ---: | ---: |"
if [ -n "${bot[ours]:-}" ]; then
    awk -v a="${bot[ours]}" -v b="${bot[ruma]}" 'BEGIN { printf "| bot calling ten endpoints, clean release build (s) | %.1f | %.1f | %.2f |\n", a, b, a / b }'
    awk -v a="${bot[ours]}" -v b="${bot[ruma]}" -v f="${bot[floor]}" 'BEGIN { printf "| the same above the shared dependencies (%.1f s) | %.1f | %.1f | %.2f |\n", f, a - f, b - f, (a - f) / (b - f) }'
fi
for e in "${edits[@]}"; do
    read -r part file <<<"$e"
    read -r mo mr <<<"${medians[$file]}"
    awk -v a="$mo" -v b="$mr" -v n="$runs" -v f="${file%.rs}" -v p="$part" 'BEGIN { printf "| endpoints after editing `%s` (ours: part %s), dev, median of %d (s) | %.2f | %.2f | %.2f |\n", f, p, n, a, b, a / b }'
done
