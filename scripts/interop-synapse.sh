#!/usr/bin/env bash
# Interoperability with Synapse, the reference homeserver that nobody here wrote.
#
# Installs matrix-synapse (a prebuilt wheel from PyPI, pinned below) into a virtualenv under
# target/ and starts two of them on 127.0.0.1, each with SQLite and a fresh database:
#   on   login_via_existing_session enabled: POST /login/get_token is served (behind UIA);
#   off  Synapse's default, the feature off: /capabilities lists m.get_login_token disabled.
# Then it runs the project's client code against them: the binary of interop/synapse/ (crate
# matrix-api-interop-synapse), which registers its users through Synapse's shared-secret API,
# also runs the matrix-login binary to check the path decisions it prints, reads Synapse's log
# to see which paths were really requested, and prints one PASS/FAIL line per step.
# Both servers are stopped on every exit path (trap), also when a step or this script fails.
#
#   bash scripts/interop-synapse.sh
#
# Needs python3 >= 3.10 (with venv) and PyPI; nothing else. Environment (all optional):
#   SYNAPSE_PYTHON            the python to build the venv with (python3)
#   SYNAPSE_START_TIMEOUT     seconds to wait for /versions to answer (90)
#   INTEROP_SYNAPSE_HS_ROOT   where the servers' directories go ($TARGET/interop-synapse), so
#                             that two runs sharing a target directory keep apart
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

SYNAPSE_VERSION=1.163.2
PYTHON=${SYNAPSE_PYTHON:-python3}
START_TIMEOUT=${SYNAPSE_START_TIMEOUT:-90}
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
STATE=$TARGET/interop-synapse
VENV=$STATE/venv-$SYNAPSE_VERSION
SERVERS=(on off)
SECRET=interop-shared-secret # shared by both servers
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

# The files of server $1 (on or off): its directory, Synapse's log, stdout.
hs_dir() { echo "${INTEROP_SYNAPSE_HS_ROOT:-$STATE}/hs-$1"; }
synapse_log() { echo "$(hs_dir "$1")/homeserver.log"; }
stdout_log() { echo "$(hs_dir "$1")/stdout.log"; }

# The part of the config that differs: get_token on, or Synapse's default (no section at all, so
# that the run sees what Synapse ships, not our idea of it).
get_token_config() {
  if [ "$1" = on ]; then
    cat <<EOF
# POST /_matrix/client/v1/login/get_token, behind User-Interactive Authentication.
login_via_existing_session:
  enabled: true
  require_ui_auth: true
  token_timeout: "5m"
EOF
  else
    echo "# login_via_existing_session: not set; Synapse's default is enabled: false."
  fi
}

# write_config NAME PORT BASE_URL
write_config() {
  local name=$1 port=$2 base_url=$3
  local HS
  HS=$(hs_dir "$name")
  rm -rf "$HS"
  mkdir -p "$HS/media_store"
  cat >"$HS/homeserver.yaml" <<EOF
# Written by scripts/interop-synapse.sh: a throw-away homeserver on loopback, fresh every run.
server_name: "localhost"
public_baseurl: "$base_url/"
listeners:
  - port: $port
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
# Presence and open registration for the accounts and profiles steps
# (interop/synapse/src/client_server/): no e-mail or phone verification is configured.
presence:
  enabled: true
enable_registration: true
enable_registration_without_verification: true
registration_shared_secret: "$SECRET"
# The user directory finds every local user, not only those sharing a room.
user_directory:
  search_all_users: true
# Another application's key in the client discovery document, which the discovery steps check
# is kept (interop/synapse/src/client_server/admin.rs).
extra_well_known_client_content:
  org.example.interop: {"app_url": "https://app.example.org", "version": 2}
macaroon_secret_key: "interop-macaroon-secret"
form_secret: "interop-form-secret"
bcrypt_rounds: 4
$(get_token_config "$name")
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
rc_joins:
  local: {per_second: 1000, burst_count: 1000}
  remote: {per_second: 1000, burst_count: 1000}
rc_invites:
  per_room: {per_second: 1000, burst_count: 1000}
  per_user: {per_second: 1000, burst_count: 1000}
  per_issuer: {per_second: 1000, burst_count: 1000}
rc_room_creation: {per_second: 1000, burst_count: 1000}
# The directory steps search until a new display name shows; a run that waits long must not
# then be refused for searching.
rc_user_directory: {per_second: 1000, burst_count: 1000}
# Background updates back to back, not a second apart: on a fresh database they include the user
# directory's first population, and a display name set while that still runs reaches the
# directory only at the next event after it, so the directory steps could search a stale
# directory (seen once on a busy machine: the population took six seconds and overlapped them).
background_updates:
  sleep_enabled: false
# The room directory: Synapse publishes nothing unless a rule allows it (no rules: deny).
room_list_publication_rules:
  - action: allow
# A TURN server with a shared secret, so that GET /voip/turnServer answers credentials (the
# thirdparty group, interop/synapse/src/client_server/thirdparty.rs); nothing listens there.
turn_uris:
  - "turn:turn.interop.invalid:3478?transport=udp"
  - "turns:turn.interop.invalid:5349?transport=tcp"
turn_shared_secret: "interop-turn-secret"
turn_user_lifetime: "1h"
# An application service, for the directory of a bridged network
# (PUT /directory/list/appservice/{networkId}/{roomId}, interop/synapse/src/client_server/directory.rs).
app_service_config_files:
  - "$HS/appservice.yaml"
EOF
  # Its registration: ID, tokens and protocol are the run's constants (directory.rs); no URL, so
  # Synapse sends it no transactions.
  cat >"$HS/appservice.yaml" <<EOF
id: interop-bridge
url: null
as_token: interop-as-token
hs_token: interop-hs-token
sender_localpart: interop-bridge
namespaces:
  users: []
  aliases: []
  rooms: []
protocols: ["irc"]
rate_limited: false
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
    filename: "$HS/homeserver.log"
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

declare -A SYNAPSE_PID=() BASE_URL=() # by server name
# stop_synapse NAME
stop_synapse() {
  local name=$1
  [ -n "${SYNAPSE_PID[$name]:-}" ] || return 0
  local pid=${SYNAPSE_PID[$name]}
  SYNAPSE_PID[$name]=
  if ! kill -0 "$pid" 2>/dev/null; then
    fail "stop Synapse ($name): it had already exited; last log lines:"
    tail -n 20 "$(stdout_log "$name")" "$(synapse_log "$name")" 2>/dev/null || true
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
    fail "stop Synapse ($name): still running 15s after SIGTERM, killed"
  else
    wait "$pid" 2>/dev/null || true
    pass "stop Synapse ($name, pid $pid)"
  fi
}

stop_all() {
  local name
  for name in "${SERVERS[@]}"; do
    stop_synapse "$name"
  done
}

on_exit() {
  local status=$?
  stop_all
  if [ "$status" -eq 0 ] && [ "$failures" -gt 0 ]; then
    status=1
  fi
  if [ "$status" -ne 0 ]; then
    echo "interop-synapse: FAILED (exit $status); Synapse logs:" \
      "$(stdout_log on), $(synapse_log on), $(stdout_log off), $(synapse_log off)"
  fi
  exit "$status"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# launch_synapse NAME: writes the config of server NAME (on or off) for a free port, then
# generates its keys and starts it, in the background, so that the two servers' Python startups
# (~2.5 s of keys, ~5 s of start, CPU-bound) overlap; await_synapse waits for it.
declare -A STARTED=()
launch_synapse() {
  local name=$1 port other config
  port=$(free_port)
  for other in "${!BASE_URL[@]}"; do # both ports are taken before either server binds
    if [ "${BASE_URL[$other]}" = "http://$HOST:$port" ]; then port=$(free_port); fi
  done
  BASE_URL[$name]=http://$HOST:$port
  write_config "$name" "$port" "${BASE_URL[$name]}"
  config=$(hs_dir "$name")/homeserver.yaml
  STARTED[$name]=$EPOCHREALTIME
  (
    "$VENV/bin/python" -m synapse.app.homeserver -c "$config" --generate-keys || exit 1
    exec "$VENV/bin/python" -m synapse.app.homeserver -c "$config"
  ) </dev/null >"$(stdout_log "$name")" 2>&1 &
  SYNAPSE_PID[$name]=$!
}

# await_synapse NAME: waits until server NAME answers /versions. On failure prints the logs'
# tail and a FAIL line, and returns 1.
await_synapse() {
  local name=$1 out log
  out=$(stdout_log "$name")
  log=$(synapse_log "$name")
  until [ "$(http_status "${BASE_URL[$name]}/_matrix/client/versions")" = 200 ]; do
    if ! kill -0 "${SYNAPSE_PID[$name]}" 2>/dev/null; then
      SYNAPSE_PID[$name]=
      tail -n 30 "$out" "$log" 2>/dev/null || true
      fail "start Synapse ($name): it exited during startup (or --generate-keys failed)"
      return 1
    fi
    if [ "$(elapsed_ms "${STARTED[$name]}")" -ge $((START_TIMEOUT * 1000)) ]; then
      tail -n 30 "$log" 2>/dev/null || true
      fail "start Synapse ($name): /versions did not answer within ${START_TIMEOUT}s"
      return 1
    fi
    sleep 0.25
  done
  pass "start Synapse $SYNAPSE_VERSION ($name: $(describe_server "$name")) on ${BASE_URL[$name]}" \
    "(SQLite, fresh database) in $(elapsed_ms "${STARTED[$name]}") ms"
}

describe_server() {
  if [ "$1" = on ]; then echo "get_token enabled"; else echo "Synapse's default, get_token off"; fi
}

# Milliseconds since an $EPOCHREALTIME (bash >= 5).
elapsed_ms() {
  local now=$EPOCHREALTIME
  echo $(((10#${now/./} - 10#${1/./}) / 1000))
}

# --- run -------------------------------------------------------------------------------------
echo "== interop: the project's client code against Synapse $SYNAPSE_VERSION"
# Built before Synapse starts, so the servers are not kept waiting on the compiler. The interop
# binary finds matrix-login beside itself (or at MATRIX_LOGIN_BIN).
cargo build -q -p matrix-api-interop-synapse -p matrix-login ||
  die "build interop/synapse (matrix-api-interop-synapse) and cli (matrix-login)"
install_synapse
starting=$EPOCHREALTIME
launch_synapse on
launch_synapse off
await_synapse on || exit 1
# Without the second server the run goes on, and the interop binary fails the steps it misses.
off_args=()
if await_synapse off; then
  off_args=(--off-url "${BASE_URL[off]}" --off-log "$(synapse_log off)")
fi
echo "interop-synapse: starting the servers took $(elapsed_ms "$starting") ms"
run_started=$EPOCHREALTIME
if ! cargo run -q -p matrix-api-interop-synapse -- "${BASE_URL[on]}" "$SECRET" \
  --log "$(synapse_log on)" "${off_args[@]}"; then
  failures=$((failures + 1))
fi
echo "interop-synapse: the steps took $(elapsed_ms "$run_started") ms"
stop_all
if [ "$failures" -gt 0 ]; then
  exit 1
fi
echo "interop-synapse: every step passed"
