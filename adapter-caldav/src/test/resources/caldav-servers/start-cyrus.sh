#!/usr/bin/env bash
# Start Cyrus IMAP's CalDAV server (Debian cyrus-caldav 3.6) on 127.0.0.1:$1 with
# a private config/spool in a temp dir and user test/test (SASL sasldb).
# Only the http service (caldav module) listens on TCP; lmtpd listens on a unix
# socket in the temp dir and is used once to auto-create the user's INBOX
# (Cyrus httpd cannot provision calendars for a user without one).
# Auth: HTTP Basic only.  (Cyrus 3.6 also offers Digest via SASL DIGEST-MD5
# when that mech is enabled, but the exchange never completes - upstream issue
# cyrus-imapd#4999, DIGEST-MD5 was removed upstream - so it is disabled here.)
# Needs (installed once): apt-get install --no-install-recommends cyrus-caldav sasl2-bin
# Installs nothing.  Must run as root (master drops to user cyrus).
# Prints KEY=VALUE lines.  Stop with: stop-cyrus.sh <PID>
set -euo pipefail
set +m   # no job control: the background master keeps PGID == PID after setsid
PORT=${1:?usage: $0 PORT}
HOST=127.0.0.1
BIN=/usr/lib/cyrus/bin
. "$(cd "$(dirname "$0")" && pwd)/common.sh"
STATE_DIR=${CALDAV_SERVERS_STATE:-${TMPDIR:-/tmp}/calplanebot-caldav}
mkdir -p "$STATE_DIR"

[[ -x $BIN/master && -x $BIN/httpd ]] || { echo "cyrus-caldav is not installed" >&2; exit 1; }
command -v saslpasswd2 >/dev/null || { echo "saslpasswd2 missing (apt-get install sasl2-bin)" >&2; exit 1; }
if (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; then
  echo "port $PORT on $HOST is already in use" >&2; exit 1
fi

DIR=$(mktemp -d -t cyrus-test.XXXXXX)
mkdir -p "$DIR"/conf/{db,log,msg,proc,ptclient,quota,sieve,socket,user,lock} "$DIR/spool" "$DIR/run"
cat > "$DIR/imapd.conf" <<EOF
configdirectory: $DIR/conf
defaultpartition: default
partition-default: $DIR/spool
proc_path: $DIR/run/proc
mboxname_lockpath: $DIR/run/lock
lmtpsocket: $DIR/run/lmtp
idlesocket: $DIR/run/idle
notifysocket: $DIR/run/notify
servername: $HOST
httpmodules: caldav
allowplaintext: yes
sasl_pwcheck_method: auxprop
sasl_auxprop_plugin: sasldb
sasl_sasldb_path: $DIR/sasldb2
sasl_mech_list: PLAIN
autocreate_post: 1
autocreate_quota: 0
hashimapspool: false
umask: 077
syslog_prefix: calplanebot-cyrus
EOF
cat > "$DIR/cyrus.conf" <<EOF
START {
  recover cmd="ctl_cyrusdb -r -C $DIR/imapd.conf"
}
SERVICES {
  http     cmd="httpd -C $DIR/imapd.conf" listen="$HOST:$PORT" prefork=1 maxchild=20
  lmtpunix cmd="lmtpd -C $DIR/imapd.conf" listen="$DIR/run/lmtp" prefork=0 maxchild=2
}
EVENTS {
}
EOF
# httpd looks the user up as test@<servername> in sasldb
echo test | saslpasswd2 -p -c -f "$DIR/sasldb2" -u "$HOST" test
chown -R cyrus:mail "$DIR"
chmod 750 "$DIR"

setsid "$BIN/master" -C "$DIR/imapd.conf" -M "$DIR/cyrus.conf" -p "$DIR/run/master.pid" -D \
  >"$DIR/server.log" 2>&1 < /dev/null &
PID=$!
printf 'DATA_DIR=%s\n' "$DIR" > "$STATE_DIR/$PID.env"
abort() {
  echo "$1 (cyrus logs to syslog only; config in $DIR)" >&2
  kill -TERM -- "-$PID" 2>/dev/null
  for _ in $(seq 1 50); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
  rm -rf -- "$DIR"; rm -f -- "$STATE_DIR/$PID.env"; exit 1
}

wait_until_answering "$PID" "http://$HOST:$PORT/.well-known/caldav" \
  || abort "cyrus did not come up (status $?)"

# create user.test (INBOX) by delivering one message through lmtpd
for _ in $(seq 1 50); do [[ -S $DIR/run/lmtp ]] && break; sleep 0.1; done
printf 'From: tests@example.com\r\nTo: test@example.com\r\nSubject: provision\r\n\r\nprovision\r\n' \
  | runuser -u cyrus -- "$BIN/deliver" -C "$DIR/imapd.conf" test \
  || abort "could not create the INBOX of user test"
# first authenticated request auto-provisions Default, Inbox, Outbox, Attachments
code=$(curl -s -o /dev/null -w '%{http_code}' -u test:test -X PROPFIND -H 'Depth: 0' \
       "http://$HOST:$PORT/dav/calendars/user/test/")
[[ $code == 207 ]] || abort "calendar home not provisioned (HTTP $code)"

echo "PID=$PID"
echo "BASE_URL=http://$HOST:$PORT/dav/"
echo "PRINCIPAL_URL=http://$HOST:$PORT/dav/principals/user/test/"
echo "CALENDAR_HOME=http://$HOST:$PORT/dav/calendars/user/test/"
echo "USER=test"
echo "PASSWORD=test"
echo "AUTH=basic"
echo "DATA_DIR=$DIR"
echo "LOG=$DIR/server.log"
