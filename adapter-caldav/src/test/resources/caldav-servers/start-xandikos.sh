#!/usr/bin/env bash
# Start Debian's Xandikos 0.2.x on 127.0.0.1:$1 with a fresh git-backed store.
# Auth: $2 (or env XANDIKOS_AUTH) =
#   none   (default) xandikos alone on the TCP port.  Xandikos has NO
#          authentication of its own: every request is served as the single
#          principal /test/, whatever credentials are sent (wrong ones too).
#   basic | digest   xandikos on a unix socket in the temp dir, lighttpd on the
#          TCP port as reverse proxy doing HTTP Basic or Digest (MD5) for
#          test/test (this is how xandikos is meant to be deployed).
#          Needs: apt-get install --no-install-recommends lighttpd
# Installs nothing.  Prints KEY=VALUE lines.  Stop with: stop-xandikos.sh <PID>
set -euo pipefail
set +m   # no job control: the background process keeps PGID == PID after setsid
PORT=${1:?usage: $0 PORT [none|basic|digest]}
AUTH=${2:-${XANDIKOS_AUTH:-none}}
HOST=127.0.0.1
. "$(cd "$(dirname "$0")" && pwd)/common.sh"
STATE_DIR=${CALDAV_SERVERS_STATE:-${TMPDIR:-/tmp}/calplanebot-caldav}
mkdir -p "$STATE_DIR"

case $AUTH in none|basic|digest) ;; *) echo "auth must be none, basic or digest" >&2; exit 2 ;; esac
if [[ $AUTH != none ]] && ! command -v lighttpd >/dev/null; then
  echo "lighttpd is not installed (needed for auth=$AUTH)" >&2; exit 1
fi
if (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; then
  echo "port $PORT on $HOST is already in use" >&2; exit 1
fi

DIR=$(mktemp -d -t xandikos-test.XXXXXX)
# /usr/bin/python3 on purpose: a pyenv/venv python first on PATH lacks the module.
# --autocreate creates /test/ (principal), /test/calendars/ (calendar home) and
# /test/contacts/ on startup; --defaults would also add /test/calendars/calendar/.
XANDIKOS=(/usr/bin/python3 /usr/bin/xandikos -d "$DIR/data" --current-user-principal /test/ --autocreate)

if [[ $AUTH == none ]]; then
  setsid "${XANDIKOS[@]}" -l "$HOST" -p "$PORT" >"$DIR/server.log" 2>&1 < /dev/null &
  PID=$!
else
  mkdir -p "$DIR/www" "$DIR/tmp"
  printf 'test:test\n' > "$DIR/users.plain"   # lighttpd "plain" backend serves Basic and Digest
  cat > "$DIR/lighttpd.conf" <<EOF
server.modules = ( "mod_auth", "mod_authn_file", "mod_proxy" )
server.bind = "$HOST"
server.port = $PORT
server.document-root = "$DIR/www"
server.errorlog = "$DIR/lighttpd-error.log"
server.upload-dirs = ( "$DIR/tmp" )
auth.backend = "plain"
auth.backend.plain.userfile = "$DIR/users.plain"
auth.require = ( "" => ( "method" => "$AUTH", "realm" => "xandikos", "require" => "valid-user", "algorithm" => "MD5" ) )
proxy.server = ( "" => ( ( "socket" => "$DIR/xandikos.sock" ) ) )
EOF
  cat > "$DIR/supervise.sh" <<EOF
#!/usr/bin/env bash
cleanup() {
  kill \${LPID:-} \${XPID:-} 2>/dev/null; wait 2>/dev/null
  rm -rf -- "$DIR"; exit 0
}
trap cleanup TERM INT HUP
$(printf '%q ' "${XANDIKOS[@]}") -l "$DIR/xandikos.sock" </dev/null &
XPID=\$!
for _ in \$(seq 1 100); do [[ -S "$DIR/xandikos.sock" ]] && break; sleep 0.1; done
lighttpd -D -f "$DIR/lighttpd.conf" </dev/null &
LPID=\$!
wait -n
cleanup
EOF
  chmod +x "$DIR/supervise.sh"
  setsid "$DIR/supervise.sh" >"$DIR/server.log" 2>&1 < /dev/null &
  PID=$!
fi
printf 'DATA_DIR=%s\n' "$DIR" > "$STATE_DIR/$PID.env"

wait_until_answering "$PID" "http://$HOST:$PORT/" -X PROPFIND -H 'Depth: 0' \
  || { status=$?; startup_failed xandikos $status "$DIR/server.log"; kill -- "-$PID" 2>/dev/null; exit 1; }

echo "PID=$PID"
echo "BASE_URL=http://$HOST:$PORT/"
echo "PRINCIPAL_URL=http://$HOST:$PORT/test/"
echo "CALENDAR_HOME=http://$HOST:$PORT/test/calendars/"
echo "USER=test"
echo "PASSWORD=test"
echo "AUTH=$AUTH"
echo "DATA_DIR=$DIR"
echo "LOG=$DIR/server.log"
