#!/usr/bin/env bash
# Installs the tools the tests drive besides the CalDAV servers, from Debian 12 packages:
#   chromium: the status page is checked in headless Chromium (adapter-http StatusPageChromiumIT).
#   vdirsyncer: a real feed subscriber; its `http` storage reads our feeds (adapter-http VdirsyncerFeedIT).
#   wrk: the benchmark's webhook intake bursts (bench BenchmarkIT), a load generator that leaves the service most
#     of the machine.
#   postgresql: the state store's PostgreSQL tests start throw-away clusters with its initdb/pg_ctl
#     (adapter-state PostgresStateStoreIT, app ReplicasOnPostgresIT, StateCommandIT).
# Idempotent; run as root.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

[[ $(id -u) == 0 ]] || { echo "run as root" >&2; exit 1; }

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v vdirsyncer >/dev/null || missing+=(vdirsyncer)
command -v wrk >/dev/null || missing+=(wrk)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if (( ${#missing[@]} )); then
  apt-get update -qq
  apt-get install -y --no-install-recommends "${missing[@]}"
fi
chromium --version
vdirsyncer --version
wrk --version | head -1 || true
ls /usr/lib/postgresql/*/bin/initdb
