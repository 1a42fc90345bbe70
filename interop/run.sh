#!/usr/bin/env bash
# Interoperability with a real third-party client: matrix-js-sdk (pinned in package.json and
# package-lock.json, installed from npm with `npm ci`) against our reference server,
# `matrix-login serve`, driven by interop.mjs. Prints one PASS/FAIL line per step; the exit status
# is non-zero if any step failed. interop.mjs stops the server on every exit path.
#
#   bash interop/run.sh
#
# Needs node >= 20 and npm.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=${CARGO_TARGET_DIR:-$PWD/target}

cargo build -q -p matrix-login
(cd interop && npm ci --no-audit --no-fund --loglevel=error)
node interop/interop.mjs "$TARGET/debug/matrix-login"
