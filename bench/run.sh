#!/usr/bin/env bash
# Runs the benchmark (docs/benchmarks.md) and prints its Markdown result (also in bench/target/benchmark.md).
# Usage: bench/run.sh [ISSUES] [SERVERS] [WEBHOOKS] [INTAKE]
#    or: bench/run.sh inbox [WRITERS] [DELIVERIES] [ROUNDS]   (the webhook inbox alone, no HTTP: bench/target/inbox.md)
#   e.g. bench/run.sh 1000 radicale,davical 200 5000
#   BENCH_INTAKE_BURSTS=N sends N bursts of INTAKE webhook deliveries (default 2; the first warms the JIT up)
#   BENCH_REWRITE_RUNS=N full syncs inside serve that write every event again (default 4; 0 leaves them out)
#   BENCH_REFERENCES=false leaves out the raw floor and vdirsyncer (for long runs of the product alone)
# Needs what the tests need: Java 17+, Maven, and the CalDAV servers (.ci/install-caldav-servers.sh, as root) and
# vdirsyncer (.ci/install-test-tools.sh).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
# a summary left by an earlier run of the other modules' integration tests would be read again by their verify goal
find . -path '*/target/failsafe-reports/failsafe-summary.xml' -delete
run() {
  mvn -B -q verify -pl bench -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dfailsafe.failIfNoSpecifiedTests=false "$@"
}
if [[ ${1:-} == inbox ]]; then
  run -Dit.test=InboxLoadIT \
    -Dbench.inboxWriters="${2:-8}" -Dbench.inboxDeliveries="${3:-30000}" -Dbench.inboxRounds="${4:-3}"
  cat bench/target/inbox.md
  exit
fi
run -Dit.test=BenchmarkIT -Dcalplanebot.servers=require \
  -Dbench.issues="${1:-1000}" -Dbench.servers="${2:-radicale,davical}" \
  -Dbench.webhooks="${3:-200}" -Dbench.intake="${4:-5000}" -Dbench.references="${BENCH_REFERENCES:-true}" \
  -Dbench.intakeBursts="${BENCH_INTAKE_BURSTS:-2}" -Dbench.rewriteRuns="${BENCH_REWRITE_RUNS:-4}"
cat bench/target/benchmark.md
