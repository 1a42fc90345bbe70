#!/usr/bin/env bash
# Interoperability with Synapse, the reference homeserver that nobody here wrote.
#
# Installs matrix-synapse (a prebuilt wheel from PyPI, pinned below) into a virtualenv under
# target/, starts it on 127.0.0.1 with SQLite and a fresh database, and runs the project's client
# code against it: the binary of interop/synapse/ (crate matrix-api-interop-synapse), which
# registers its users through Synapse's shared-secret API and prints one PASS/FAIL line per step.
# Synapse is stopped on every exit path (trap), also when a step or this script fails.
#
#   bash scripts/interop-synapse.sh
#
# Needs python3 >= 3.10 (with venv) and PyPI; nothing else. Environment (all optional):
#   SYNAPSE_PYTHON            the python to build the venv with (python3)
#   SYNAPSE_START_TIMEOUT     seconds to wait for /versions to answer (90)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

SYNAPSE_VERSION=1.163.2
PYTHON=${SYNAPSE_PYTHON:-python3}
START_TIMEOUT=${SYNAPSE_START_TIMEOUT:-90}
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
STATE=$TARGET/interop-synapse
VENV=$STATE/venv-$SYNAPSE_VERSION
HS=$STATE/hs
CONFIG=$HS/homeserver.yaml
LOG=$HS/homeserver.log
STDOUT_LOG=$HS/stdout.log
SECRET=interop-shared-secret
HOST=127.0.0.1 # loopback only, never another address

failures=0
pass() { echo "PASS $*"; }
fail() {
  echo "FAIL $*"
  failures=$((failures + 1))
}
die() {
  fail "$@"
  exit 1
}

# --- install -------------------------------------------------------------------------------
installed_version() {
  # The distribution's version: `synapse.__version__` gains git details inside a checkout.
  "$VENV/bin/python" -c 'import importlib.metadata as m, synapse.app.homeserver; print(m.version("matrix-synapse"))' \
    2>/dev/null || true
}

install_synapse() {
  if [ "$(installed_version)" = "$SYNAPSE_VERSION" ]; then
    pass "install Synapse $SYNAPSE_VERSION: already in $VENV"
    return
  fi
  command -v "$PYTHON" >/dev/null || die "install Synapse: $PYTHON not found (need Python >= 3.10)"
  "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 10))' ||
    die "install Synapse: $("$PYTHON" -V 2>&1) is too old (need Python >= 3.10)"
  mkdir -p "$STATE"
  rm -rf "$VENV"
  local started=$SECONDS pip_log=$STATE/pip.log
  "$PYTHON" -m venv "$VENV" >"$pip_log" 2>&1 ||
    { cat "$pip_log"; die "install Synapse: cannot create a venv (Debian: apt-get install python3-venv)"; }
  local pip=("$VENV/bin/python" -m pip install --disable-pip-version-check --no-input
    --only-binary matrix-synapse "matrix-synapse==$SYNAPSE_VERSION")
  if ! "${pip[@]}" -c scripts/synapse-constraints.txt >>"$pip_log" 2>&1; then
    echo "warning: the pinned install failed (another platform?); retrying without the pins" >&2
    tail -n 5 "$pip_log" >&2
    "${pip[@]}" >>"$pip_log" 2>&1 || { tail -n 30 "$pip_log"; die "install Synapse: pip failed (log: $pip_log)"; }
  fi
  [ "$(installed_version)" = "$SYNAPSE_VERSION" ] ||
    die "install Synapse: installed, but the venv does not import matrix-synapse $SYNAPSE_VERSION"
  pass "install Synapse $SYNAPSE_VERSION from PyPI into $VENV in $((SECONDS - started))s"
}

# --- configure and start ---------------------------------------------------------------------
http_status() {
  "$VENV/bin/python" - "$1" <<'PY'
import sys, urllib.request, urllib.error
try:
    with urllib.request.urlopen(sys.argv[1], timeout=3) as r:
        print(r.status)
except urllib.error.HTTPError as e:
    print(e.code)
except Exception:
    print(0)
PY
}

free_port() {
  "$VENV/bin/python" -c "import socket; s = socket.socket(); s.bind(('$HOST', 0)); print(s.getsockname()[1]); s.close()"
}

write_config() {
  rm -rf "$HS"
  mkdir -p "$HS/media_store"
  cat >"$CONFIG" <<EOF
# Written by scripts/interop-synapse.sh: a throw-away homeserver on loopback, fresh every run.
server_name: "localhost"
public_baseurl: "$BASE_URL/"
listeners:
  - port: $PORT
    bind_addresses: ['$HOST']
    type: http
    tls: false
    x_forwarded: false
    resources:
      - names: [client]   # the client API and /_synapse/admin; no federation listener
        compress: false
database:
  name: sqlite3
  args:
    database: "$HS/homeserver.db"
log_config: "$HS/log.config"
media_store_path: "$HS/media_store"
signing_key_path: "$HS/localhost.signing.key"
report_stats: false
enable_metrics: false
trusted_key_servers: []
suppress_key_server_warning: true
federation_domain_whitelist: []
url_preview_enabled: false
presence:
  enabled: false
enable_registration: false
registration_shared_secret: "$SECRET"
macaroon_secret_key: "interop-macaroon-secret"
form_secret: "interop-form-secret"
bcrypt_rounds: 4
# POST /_matrix/client/v1/login/get_token, behind User-Interactive Authentication.
login_via_existing_session:
  enabled: true
  require_ui_auth: true
  token_timeout: "5m"
# Refresh tokens for clients that ask for them (login with "refresh_token": true).
refreshable_access_token_lifetime: "5m"
# Loose limits so the run is not slowed down; get_token keeps its own hard-coded limit of one
# per user per minute, which the run checks.
rc_login:
  address: {per_second: 1000, burst_count: 1000}
  account: {per_second: 1000, burst_count: 1000}
  failed_attempts: {per_second: 1000, burst_count: 1000}
rc_registration: {per_second: 1000, burst_count: 1000}
rc_message: {per_second: 1000, burst_count: 1000}
EOF
  cat >"$HS/log.config" <<EOF
version: 1
formatters:
  precise:
    format: '%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(request)s - %(message)s'
handlers:
  file:
    class: logging.FileHandler
    formatter: precise
    filename: "$LOG"
    encoding: utf8
loggers:
  synapse.storage.SQL:
    level: WARNING
root:
  level: INFO
  handlers: [file]
disable_existing_loggers: false
EOF
}

SYNAPSE_PID=
stop_synapse() {
  [ -n "$SYNAPSE_PID" ] || return 0
  local pid=$SYNAPSE_PID
  SYNAPSE_PID=
  if ! kill -0 "$pid" 2>/dev/null; then
    fail "stop Synapse: it had already exited; last log lines:"
    tail -n 20 "$STDOUT_LOG" "$LOG" 2>/dev/null || true
    return
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    fail "stop Synapse: still running 15s after SIGTERM, killed"
  else
    wait "$pid" 2>/dev/null || true
    pass "stop Synapse (pid $pid)"
  fi
}

on_exit() {
  local status=$?
  stop_synapse
  if [ "$status" -eq 0 ] && [ "$failures" -gt 0 ]; then
    status=1
  fi
  if [ "$status" -ne 0 ]; then
    echo "interop-synapse: FAILED (exit $status); Synapse logs: $STDOUT_LOG, $LOG"
  fi
  exit "$status"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start_synapse() {
  PORT=$(free_port)
  BASE_URL=http://$HOST:$PORT
  write_config
  "$VENV/bin/python" -m synapse.app.homeserver -c "$CONFIG" --generate-keys >"$STDOUT_LOG" 2>&1 ||
    { cat "$STDOUT_LOG"; die "start Synapse: --generate-keys failed"; }
  local started=$SECONDS
  "$VENV/bin/python" -m synapse.app.homeserver -c "$CONFIG" </dev/null >>"$STDOUT_LOG" 2>&1 &
  SYNAPSE_PID=$!
  until [ "$(http_status "$BASE_URL/_matrix/client/versions")" = 200 ]; do
    if ! kill -0 "$SYNAPSE_PID" 2>/dev/null; then
      SYNAPSE_PID=
      tail -n 30 "$STDOUT_LOG" "$LOG" 2>/dev/null || true
      die "start Synapse: it exited during startup"
    fi
    if [ $((SECONDS - started)) -ge "$START_TIMEOUT" ]; then
      tail -n 30 "$LOG" 2>/dev/null || true
      die "start Synapse: /versions did not answer within ${START_TIMEOUT}s"
    fi
    sleep 0.5
  done
  pass "start Synapse $SYNAPSE_VERSION on $BASE_URL (SQLite, fresh database) in $((SECONDS - started))s"
}

# --- run -------------------------------------------------------------------------------------
echo "== interop: the project's client code against Synapse $SYNAPSE_VERSION"
# Built before Synapse starts, so the server is not kept waiting on the compiler.
cargo build -q -p matrix-api-interop-synapse ||
  die "build interop/synapse (matrix-api-interop-synapse)"
install_synapse
start_synapse
if ! cargo run -q -p matrix-api-interop-synapse -- "$BASE_URL" "$SECRET"; then
  failures=$((failures + 1))
fi
stop_synapse
if [ "$failures" -gt 0 ]; then
  exit 1
fi
echo "interop-synapse: every step passed"
