#!/usr/bin/env bash
# Runs every fuzz target for SECONDS seconds each (default 60), one after another, and exits
# non-zero if any of them finds a crash, a hang (10 s) or runaway memory (2 GiB).
#
#   fuzz/run.sh 600            # ten minutes a target
#   JOBS=2 fuzz/run.sh 600     # two targets at a time
#
# Needs a Rust toolchain; installs cargo-fuzz if it is missing. libFuzzer wants nightly flags,
# which RUSTC_BOOTSTRAP=1 allows on the stable toolchain. The corpus grows in fuzz/corpus/ and
# crash inputs land in fuzz/artifacts/ (both ignored by git: a crash that found a bug becomes a
# test in tests/tests/fuzz_regressions.rs, with the input inlined).
set -euo pipefail
cd "$(dirname "$0")"

seconds=${1:-60}
jobs=${JOBS:-1}
case "$seconds$jobs" in
  *[!0-9]*) echo "usage: fuzz/run.sh SECONDS (JOBS=N for N targets at a time)" >&2; exit 2 ;;
esac

if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
export RUSTC_BOOTSTRAP=1
# Safe Rust: no sanitizer (twice the executions), but debug assertions, so that an arithmetic
# overflow is a crash rather than a wrong value.
flags=(--sanitizer none --debug-assertions)

cargo fuzz build "${flags[@]}"
mkdir -p logs

run_target() {
  local target=$1 dict=dict/json.dict
  if [[ -f "dict/$target.dict" ]]; then dict="dict/$target.dict"; fi
  mkdir -p "corpus/$target" "artifacts/$target"
  if cargo fuzz run "${flags[@]}" "$target" -- \
       -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
       -dict="$dict" >"logs/$target.log" 2>&1; then
    echo "$target: ok, $(grep -Eo 'Done [0-9]+ runs in [0-9]+ second' "logs/$target.log" | tail -1)"
  else
    echo "$target: FAILED (fuzz/logs/$target.log; input in fuzz/artifacts/$target/)" >&2
    tail -n 40 "logs/$target.log" >&2
    return 1
  fi
}

status=0
pids=()
for target in $(cargo fuzz list); do
  run_target "$target" &
  pids+=($!)
  if (( ${#pids[@]} >= jobs )); then
    wait "${pids[0]}" || status=1
    pids=("${pids[@]:1}")
  fi
done
for pid in "${pids[@]}"; do
  wait "$pid" || status=1
done
exit $status
