#!/usr/bin/env bash
# Stop a server started by start-cyrus.sh: stop-cyrus.sh <PID>
exec bash "$(dirname "$0")/stop-process-group.sh" "${1:?usage: $0 PID}" cyrus-test.
