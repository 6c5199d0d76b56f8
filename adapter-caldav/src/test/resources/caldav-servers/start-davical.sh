#!/usr/bin/env bash
# Start DAViCal (Debian package davical 1.1.x) on 127.0.0.1:$1 with
#   - a throwaway PostgreSQL 15 cluster (unix socket only, no TCP) in a temp dir,
#   - PHP's built-in web server (php -S) instead of Apache,
#   - user test/test.
# Auth: $2 (or env DAVICAL_AUTH) = basic (default) | digest.  In digest mode
# DAViCal challenges with Digest but still accepts Basic credentials.
# Needs (installed once by .ci/install-caldav-servers.sh; see docs/caldav-servers.md):
#   apt-get install --no-install-recommends php8.2-cgi davical   (+ postgresql-15)
#   install -m 644 davical-127.0.0.1-conf.php /etc/davical/127.0.0.1-conf.php
# Installs nothing.  Must run as root (PostgreSQL runs as user postgres).
# Prints KEY=VALUE lines.  Stop with: stop-davical.sh <PID>
set -euo pipefail
set +m   # no job control: the background supervisor keeps PGID == PID after setsid
PORT=${1:?usage: $0 PORT [basic|digest]}
AUTH=${2:-${DAVICAL_AUTH:-basic}}
HOST=127.0.0.1
HERE=$(cd "$(dirname "$0")" && pwd)
. "$(cd "$(dirname "$0")" && pwd)/common.sh"
STATE_DIR=${CALDAV_SERVERS_STATE:-${TMPDIR:-/tmp}/calplanebot-caldav}
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
mkdir -p "$STATE_DIR"

case $AUTH in basic) MODE=Basic ;; digest) MODE=Digest ;; *) echo "auth must be basic or digest" >&2; exit 2 ;; esac
[[ -x $PGBIN/initdb ]] || { echo "PostgreSQL server binaries not found (apt-get install postgresql-15)" >&2; exit 1; }
[[ -f /etc/davical/127.0.0.1-conf.php ]] || {
  echo "missing /etc/davical/127.0.0.1-conf.php; install it once with:" >&2
  echo "  install -m 644 $HERE/davical-127.0.0.1-conf.php /etc/davical/127.0.0.1-conf.php" >&2; exit 1; }
if (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; then
  echo "port $PORT on $HOST is already in use" >&2; exit 1
fi

DIR=$(mktemp -d -t davical-test.XXXXXX)
chmod 755 "$DIR"
mkdir -p "$DIR/run" "$DIR/pgdata"
chown postgres:postgres "$DIR/run" "$DIR/pgdata"
LOG=$DIR/server.log
asdb() { runuser -u postgres -- "$@"; }
fail() { echo "$1; log $LOG:" >&2; tail -30 "$LOG" >&2;
         asdb "$PGBIN/pg_ctl" -D "$DIR/pgdata" -m immediate stop >/dev/null 2>&1 || true; exit 1; }

# 1. throwaway PostgreSQL cluster, trust auth, unix socket in $DIR/run only
asdb "$PGBIN/initdb" -D "$DIR/pgdata" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >>"$LOG" 2>&1 \
  || fail "initdb failed"
asdb "$PGBIN/pg_ctl" -D "$DIR/pgdata" -l "$DIR/run/postgres.log" -w -s \
  -o "-c listen_addresses='' -c unix_socket_directories='$DIR/run' -p 5432 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >>"$LOG" 2>&1 || fail "postgres did not start"

# 2. DAViCal schema (as the package's README.Debian says) + user test/test
#    password '**test' = plain text, which DAViCal accepts for Basic and Digest.
(cd /tmp && asdb env PGHOST="$DIR/run" PGPORT=5432 /usr/share/davical/dba/create-database.sh davical "admin-$RANDOM" ) >>"$LOG" 2>&1 \
  || fail "create-database.sh failed"
asdb psql -h "$DIR/run" -p 5432 -qXAt -v ON_ERROR_STOP=1 -d davical >>"$LOG" 2>&1 <<'SQL' || fail "creating user test failed"
INSERT INTO usr (active, email_ok, updated, username, password, fullname, email)
  VALUES (TRUE, current_date, current_date, 'test', '**test', 'Test User', 'test@example.com');
INSERT INTO principal (type_id, user_no, displayname, default_privileges)
  SELECT 1, user_no, 'Test User', 0::BIT(24) FROM usr WHERE username = 'test';
SQL

# 3. php -S behind a small supervisor: SIGTERM to the supervisor stops php and
#    PostgreSQL cleanly and removes the temp dir.
cp "$HERE/davical-router.php" "$DIR/router.php"
cat > "$DIR/supervise.sh" <<EOF
#!/usr/bin/env bash
cleanup() {
  # php -S runs in its own process group (master + PHP_CLI_SERVER_WORKERS workers)
  if [[ -n \${PHP_PID:-} ]]; then
    kill -TERM -- "-\$PHP_PID" 2>/dev/null; wait "\$PHP_PID" 2>/dev/null
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 -- "-\$PHP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-\$PHP_PID" 2>/dev/null
  fi
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DIR/pgdata" -m fast -w -s stop >/dev/null 2>&1 \
    || runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DIR/pgdata" -m immediate -s stop >/dev/null 2>&1
  rm -rf -- "$DIR"
  exit 0
}
trap cleanup TERM INT HUP
cd /usr/share/davical/htdocs
DAVICAL_PG_DSN="host=$DIR/run port=5432 dbname=davical user=davical_app" \\
DAVICAL_AUTH_MODE=$MODE PHP_CLI_SERVER_WORKERS=\${PHP_CLI_SERVER_WORKERS:-4} \\
  setsid php -S $HOST:$PORT -t /usr/share/davical/htdocs "$DIR/router.php" </dev/null &
PHP_PID=\$!
echo "\$PHP_PID" > "$DIR/php.pgid"
wait "\$PHP_PID"
cleanup
EOF
chmod +x "$DIR/supervise.sh"
setsid "$DIR/supervise.sh" >>"$LOG" 2>&1 < /dev/null &
PID=$!
printf 'DATA_DIR=%s\nPGBIN=%s\n' "$DIR" "$PGBIN" > "$STATE_DIR/$PID.env"

wait_until_answering "$PID" "http://$HOST:$PORT/caldav.php/" -X PROPFIND -H 'Depth: 0' \
  || { status=$?; startup_failed davical $status "$LOG"; kill "$PID" 2>/dev/null; exit 1; }

echo "PID=$PID"
echo "BASE_URL=http://$HOST:$PORT/caldav.php/"
echo "PRINCIPAL_URL=http://$HOST:$PORT/caldav.php/test/"
echo "CALENDAR_HOME=http://$HOST:$PORT/caldav.php/test/"
echo "USER=test"
echo "PASSWORD=test"
echo "AUTH=$AUTH"
echo "DATA_DIR=$DIR"
echo "LOG=$LOG"
