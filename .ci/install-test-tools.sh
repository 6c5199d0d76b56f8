#!/usr/bin/env bash
# Installs the tools the tests drive besides the CalDAV servers, from Debian 12 packages:
#   chromium: the status page is checked in headless Chromium (adapter-http StatusPageChromiumIT).
# Idempotent; run as root.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

[[ $(id -u) == 0 ]] || { echo "run as root" >&2; exit 1; }

if ! command -v chromium >/dev/null; then
  apt-get update -qq
  apt-get install -y --no-install-recommends chromium
fi
chromium --version
