# Shared by the start-*.sh scripts (sourced, not run).

# wait_until_answering PID URL [curl args...]
# Polls URL until the server answers with anything but 502/503, for up to 30 s.
# Returns 0 when it answered, 1 when process PID exited first, 2 on timeout.
wait_until_answering() {
  local pid=$1 url=$2 code
  shift 2
  for _ in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || return 1
    code=$(curl -s -o /dev/null -w '%{http_code}' "$@" "$url" || true)
    [[ $code != 000 && $code != 502 && $code != 503 ]] && return 0
    sleep 0.1
  done
  return 2
}

# startup_failed NAME STATUS LOG: says on stderr why wait_until_answering failed, with the log's tail.
startup_failed() {
  if [[ $2 == 1 ]]; then echo "$1 exited during startup" >&2; else echo "$1 did not answer within 30 s" >&2; fi
  if [[ -f $3 ]]; then echo "log $3:" >&2; tail -30 "$3" >&2; fi
}
