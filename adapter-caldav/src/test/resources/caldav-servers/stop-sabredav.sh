#!/usr/bin/env bash
# Stop a server started by start-sabredav.sh: stop-sabredav.sh <PID>
exec bash "$(dirname "$0")/stop-process-group.sh" "${1:?usage: $0 PID}" sabredav-test.
