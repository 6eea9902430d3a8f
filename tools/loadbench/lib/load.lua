-- wrk script for the load benchmark. Every request POSTs the benchmark body (BENCH_BODY, a JSON file) or, with
-- BENCH_BODIES (a JSON-lines file, one request body per line: the varied traffic), the next of those bodies in an
-- order shuffled with BENCH_SEED (the same order for every gateway; each wrk thread starts at its own offset). The
-- run ends with one machine-readable line, "LOADBENCH {json}", that run.sh parses.
-- BENCH_CHECK=1 also looks at each answer and counts those that are not 200 or whose body contains "errors"
-- (this costs load-generator CPU, so it is off for timed runs; every gateway is verified before and after).
local bodies_path = os.getenv("BENCH_BODIES")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
-- BENCH_HEADER="Name: value" adds one header to every request (e.g. a bearer token for the authorization run).
local extra_header = os.getenv("BENCH_HEADER")
if extra_header and extra_header ~= "" then
  local name, value = extra_header:match("^([^:]+):%s*(.*)$")
  assert(name, "BENCH_HEADER must look like 'Name: value'")
  wrk.headers[name] = value
end

if not bodies_path or bodies_path == "" then
  local body_path = os.getenv("BENCH_BODY")
  local file = assert(io.open(body_path, "rb"), "cannot read BENCH_BODY " .. tostring(body_path))
  wrk.body = file:read("*a")
  file:close()
end

local requests = {}
local position = 0

function init(args)
  if not bodies_path or bodies_path == "" then
    return
  end

  local bodies = {}
  for line in assert(io.open(bodies_path, "rb"), "cannot read BENCH_BODIES " .. bodies_path):lines() do
    if line:match("%S") then
      bodies[#bodies + 1] = line
    end
  end
  assert(#bodies > 0, "BENCH_BODIES has no operations")

  -- A Fisher-Yates shuffle with a fixed seed: the same sequence for every gateway in every round.
  math.randomseed(tonumber(os.getenv("BENCH_SEED") or "2121"))
  for i = #bodies, 2, -1 do
    local j = math.random(i)
    bodies[i], bodies[j] = bodies[j], bodies[i]
  end
  for i, body in ipairs(bodies) do
    requests[i] = wrk.format(nil, nil, nil, body)
  end
  position = ((tonumber(thread_index) or 1) - 1) * 97 % #requests
end

-- Defined only for the varied traffic: without it wrk sends its one prepared request without calling into Lua.
if bodies_path and bodies_path ~= "" then
  function request()
    position = position % #requests + 1
    return requests[position]
  end
end

local all_threads = {}

function setup(thread)
  all_threads[#all_threads + 1] = thread
  thread:set("thread_index", #all_threads)
end

rejected = 0

if os.getenv("BENCH_CHECK") == "1" then
  function response(status, headers, body)
    if status ~= 200 or body:find('"errors"', 1, true) then
      rejected = rejected + 1
    end
  end
end

function done(summary, latency, requests)
  local checked_bad = 0
  for _, thread in ipairs(all_threads) do
    checked_bad = checked_bad + (tonumber(thread:get("rejected")) or 0)
  end
  local seconds = summary.duration / 1000000
  local function ms(percent)
    return latency:percentile(percent) / 1000
  end
  local err = summary.errors
  io.write(string.format(
    'LOADBENCH {"requests":%d,"seconds":%.3f,"bytes":%d,"connect_errors":%d,"read_errors":%d,' ..
    '"write_errors":%d,"timeouts":%d,"http_errors":%d,"bad_bodies":%d,"p50_ms":%.3f,"p95_ms":%.3f,' ..
    '"p99_ms":%.3f,"max_ms":%.3f,"mean_ms":%.3f}\n',
    summary.requests, seconds, summary.bytes, err.connect, err.read, err.write, err.timeout, err.status,
    checked_bad, ms(50), ms(95), ms(99), latency.max / 1000, latency.mean / 1000))
end
