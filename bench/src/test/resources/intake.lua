-- wrk script of the benchmark's webhook intake (docs/benchmarks.md): sends pre-built HTTP requests, each once.
-- Arguments after "--": the requests file (records of "<length>\n<raw request>"), the number of threads, the
-- connections of each thread, the status every answer must have, and a text every answer's body must contain.
-- Thread k takes the records k, k + threads, ...; it stops when all but its connections' worth are answered, so it
-- never runs out of requests while some are still on their way. wrk's summary.duration then runs from the start
-- to the interrupt, a few milliseconds after the last thread stopped.

local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local requests = {}
local sent = 0
local answered = 0
local enough = 0
local expected = 0
local text = ""
local stopped = false
unexpected = 0

function init(args)
  local file, count, connections = args[1], tonumber(args[2]), tonumber(args[3])
  expected = tonumber(args[4])
  text = args[5]
  local f = assert(io.open(file, "rb"))
  local data = f:read("*a")
  f:close()
  local pos, k = 1, 0
  while pos <= #data do
    local nl = data:find("\n", pos, true)
    local length = tonumber(data:sub(pos, nl - 1))
    if k % count == id then
      requests[#requests + 1] = data:sub(nl + 1, nl + length)
    end
    pos = nl + 1 + length
    k = k + 1
  end
  enough = #requests - connections
end

function request()
  sent = sent + 1
  -- after the stop, a connection whose turn came in the same loop may still ask: the last record again
  return requests[math.min(sent, #requests)]
end

function response(status, headers, body)
  answered = answered + 1
  if status ~= expected or not body:find(text, 1, true) then
    unexpected = unexpected + 1
  end
  if answered >= enough and not stopped then
    stopped = true
    wrk.thread:stop()
    -- wrk itself runs until its -d duration is over or it is interrupted: the benchmark interrupts it (SIGINT)
    -- when every thread said this
    io.stderr:write("THREAD STOPPED\n")
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("unexpected")
  end
  local errors = summary.errors
  io.write(string.format("INTAKE requests=%d duration_us=%d p50_us=%d p99_us=%d unexpected=%d errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), bad,
    errors.connect + errors.read + errors.write + errors.timeout))
end
