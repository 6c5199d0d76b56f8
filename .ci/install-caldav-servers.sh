#!/usr/bin/env bash
# Installs the five CalDAV servers the adapter-caldav integration tests run against, from Debian 12 packages:
#   Radicale, Xandikos (+ lighttpd for Basic/Digest), DAViCal (+ PostgreSQL 15, PHP 8.2),
#   SabreDAV (php-sabre-dav + SQLite), Cyrus CalDAV (+ SASL tools).
# Idempotent; run as root.  The tests start private instances on free 127.0.0.1 ports themselves
# (adapter-caldav/src/test/resources/caldav-servers/start-*.sh), so no packaged service must start.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
DROP_IN=$HERE/../adapter-caldav/src/test/resources/caldav-servers/davical-127.0.0.1-conf.php
export DEBIAN_FRONTEND=noninteractive

[[ $(id -u) == 0 ]] || { echo "run as root" >&2; exit 1; }

# Keep Debian from starting radicale.service, lighttpd (*:80), postgresql (5432), cyrus-imapd and exim4
# while installing: policy-rc.d exit code 101 = "action forbidden".  Removed again if we created it.
POLICY=/usr/sbin/policy-rc.d
if [[ ! -e $POLICY ]]; then
  printf '#!/bin/sh\nexit 101\n' > "$POLICY"; chmod +x "$POLICY"
  trap 'rm -f "$POLICY"' EXIT
fi

# php8.2-cgi is named BEFORE davical: it satisfies php8.2's "libapache2-mod-php8.2 | php8.2-fpm | php8.2-cgi"
# so apt does not pull in Apache.  DAViCal is served with php -S (php8.2-cli) by the tests.
PKGS=(curl ca-certificates
      radicale
      xandikos lighttpd
      postgresql-15 php8.2-cgi davical
      php-sabre-dav php8.2-sqlite3
      cyrus-caldav sasl2-bin)

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${PKGS[@]}"
else
  echo "CalDAV server packages already installed"
fi

# DAViCal reads /etc/davical/<SERVER_NAME>-conf.php before config.php; php -S 127.0.0.1:PORT sets
# SERVER_NAME=127.0.0.1.  The drop-in takes the database DSN and auth mode from the environment, so
# several test instances can run side by side.
install -d -m 755 /etc/davical
install -m 644 "$DROP_IN" /etc/davical/127.0.0.1-conf.php
echo "CalDAV servers installed: radicale xandikos davical sabredav cyrus"
