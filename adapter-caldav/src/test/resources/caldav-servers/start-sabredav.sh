#!/usr/bin/env bash
# Start a minimal CalDAV server built on Debian's php-sabre-dav (sabre/dav 1.8.12)
# with PHP's built-in web server on 127.0.0.1:$1, a fresh SQLite DB and user test/test.
# Auth: $2 (or env SABRE_AUTH) = digest (default, like Baikal) | basic.
# Needs (installed once): apt-get install --no-install-recommends php-sabre-dav php8.2-sqlite3
# and sabredav-server.php next to this script.  Installs nothing.
# Prints KEY=VALUE lines.  Stop with: stop-sabredav.sh <PID>
set -euo pipefail
set +m   # no job control: the background server keeps PGID == PID after setsid
PORT=${1:?usage: $0 PORT [digest|basic]}
AUTH=${2:-${SABRE_AUTH:-digest}}
HOST=127.0.0.1
REALM=SabreDAV
HERE=$(cd "$(dirname "$0")" && pwd)
. "$(cd "$(dirname "$0")" && pwd)/common.sh"
STATE_DIR=${CALDAV_SERVERS_STATE:-${TMPDIR:-/tmp}/calplanebot-caldav}
SQL=/usr/share/doc/php-sabre-dav/examples/sql
mkdir -p "$STATE_DIR"

case $AUTH in digest|basic) ;; *) echo "auth must be digest or basic" >&2; exit 2 ;; esac
[[ -f /usr/share/php/Sabre/autoload.php ]] || { echo "php-sabre-dav is not installed" >&2; exit 1; }
if (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; then
  echo "port $PORT on $HOST is already in use" >&2; exit 1
fi

DIR=$(mktemp -d -t sabredav-test.XXXXXX)
cp "$HERE/sabredav-server.php" "$DIR/server.php"

# SQLite schema shipped with the package + principal and user test/test.
# users.digesta1 = md5("test:SabreDAV:test") for Digest; users.password (added
# column) holds the plain password for the Basic backend in server.php.
php -d display_errors=stderr -r '
  [$_, $db, $sqldir, $a1] = $argv;
  $pdo = new PDO("sqlite:$db");
  $pdo->setAttribute(PDO::ATTR_ERRMODE, PDO::ERRMODE_EXCEPTION);
  foreach (["calendars", "principals", "users", "locks"] as $t)
      $pdo->exec(file_get_contents("$sqldir/sqlite.$t.sql"));
  $pdo->exec("DELETE FROM principals; DELETE FROM users; ALTER TABLE users ADD COLUMN password TEXT");
  $p = $pdo->prepare("INSERT INTO principals (uri, email, displayname) VALUES (?, ?, ?)");
  $p->execute(["principals/test", "test@example.com", "Test User"]);
  $p->execute(["principals/test/calendar-proxy-read", null, null]);
  $p->execute(["principals/test/calendar-proxy-write", null, null]);
  $pdo->prepare("INSERT INTO users (username, digesta1, password) VALUES (?, ?, ?)")
      ->execute(["test", $a1, "test"]);
' "$DIR/db.sqlite" "$SQL" "$(printf '%s' "test:$REALM:test" | md5sum | cut -d' ' -f1)"

cd "$DIR"
SABRE_DB="$DIR/db.sqlite" SABRE_AUTH=$AUTH SABRE_REALM=$REALM \
PHP_CLI_SERVER_WORKERS=${PHP_CLI_SERVER_WORKERS:-4} \
  setsid php -S "$HOST:$PORT" "$DIR/server.php" >"$DIR/server.log" 2>&1 < /dev/null &
PID=$!
printf 'DATA_DIR=%s\n' "$DIR" > "$STATE_DIR/$PID.env"

wait_until_answering "$PID" "http://$HOST:$PORT/.well-known/caldav" \
  || { status=$?; startup_failed sabredav $status "$DIR/server.log"; kill -- "-$PID" 2>/dev/null; exit 1; }

echo "PID=$PID"
echo "BASE_URL=http://$HOST:$PORT/"
echo "PRINCIPAL_URL=http://$HOST:$PORT/principals/test/"
echo "CALENDAR_HOME=http://$HOST:$PORT/calendars/test/"
echo "USER=test"
echo "PASSWORD=test"
echo "AUTH=$AUTH"
echo "DATA_DIR=$DIR"
echo "LOG=$DIR/server.log"
