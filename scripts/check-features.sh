#!/usr/bin/env bash
# Each endpoint group of matrix-client-api builds on its own: `cargo check` with only that
# group's feature, once with `server` and once with `client` (which brings `discovery` and
# `session`), with no warning. A group that uses another's types without turning its feature on
# fails here, not in a user's build.
set -euo pipefail
cd "$(dirname "$0")/.."
groups=$(sed -n '/^full = \[/,/^\]/p' client-api/Cargo.toml | grep -o '"[a-z_]*"' | tr -d '"')
count=0
for side in server client; do
  for group in $groups; do
    # Warnings are read from the output rather than denied with RUSTFLAGS, which would rebuild
    # every dependency once more.
    if ! output=$(cargo check -q -p matrix-client-api --no-default-features \
      --features "$side,$group" 2>&1) || grep -q '^warning' <<<"$output"; then
      echo "$output" >&2
      echo "matrix-client-api with only \`$side,$group\` does not build cleanly" >&2
      exit 1
    fi
    count=$((count + 1))
  done
done
echo "features: $count builds of one group each, all clean"
