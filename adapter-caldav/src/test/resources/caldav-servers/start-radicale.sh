#!/usr/bin/env bash
# Start Debian's Radicale 3.1 on 127.0.0.1:$1 with a fresh storage dir and
# user test/test (HTTP Basic, htpasswd "plain").  Installs nothing.
# Prints KEY=VALUE lines (PID, BASE_URL, PRINCIPAL_URL, CALENDAR_HOME, DATA_DIR, LOG).
# Stop with: stop-radicale.sh <PID>
set -euo pipefail
set +m   # no job control: the background server keeps PGID == PID after setsid
PORT=${1:?usage: $0 PORT}
HOST=127.0.0.1
. "$(cd "$(dirname "$0")" && pwd)/common.sh"
STATE_DIR=${CALDAV_SERVERS_STATE:-${TMPDIR:-/tmp}/calplanebot-caldav}
mkdir -p "$STATE_DIR"

if (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; then
  echo "port $PORT on $HOST is already in use" >&2; exit 1
fi

DIR=$(mktemp -d -t radicale-test.XXXXXX)
printf 'test:test\n' > "$DIR/users"
cat > "$DIR/config" <<EOF
[server]
hosts = $HOST:$PORT
[auth]
type = htpasswd
htpasswd_filename = $DIR/users
htpasswd_encryption = plain
# no 1 s penalty after a wrong password (default delay = 1)
delay = 0
[rights]
type = owner_only
[storage]
filesystem_folder = $DIR/collections
[web]
type = none
[logging]
level = warning
EOF

# -C replaces the default config search path, so Debian's /etc/radicale/config
# (auth type remote_user, rights from /etc/radicale/rights) is NOT read.
# /usr/bin/python3 on purpose: a pyenv/venv python on PATH lacks the radicale module.
setsid /usr/bin/python3 -m radicale -C "$DIR/config" >"$DIR/server.log" 2>&1 < /dev/null &
PID=$!
printf 'DATA_DIR=%s\n' "$DIR" > "$STATE_DIR/$PID.env"

wait_until_answering "$PID" "http://$HOST:$PORT/.well-known/caldav" \
  || { status=$?; startup_failed radicale $status "$DIR/server.log"; kill -- "-$PID" 2>/dev/null; exit 1; }

echo "PID=$PID"
echo "BASE_URL=http://$HOST:$PORT/"
echo "PRINCIPAL_URL=http://$HOST:$PORT/test/"
echo "CALENDAR_HOME=http://$HOST:$PORT/test/"
echo "USER=test"
echo "PASSWORD=test"
echo "AUTH=basic"
echo "DATA_DIR=$DIR"
echo "LOG=$DIR/server.log"
