-- wrk script for the varied traffic: every request POSTs the next operation of BENCH_BODIES (a JSON-lines file, one
-- request body per line), in an order shuffled with BENCH_SEED (the same order for every gateway; each wrk thread
-- starts at its own offset), cycling through them. BENCH_CHECK and the closing "LOADBENCH {json}" line are as in
-- load.lua.
local bodies_path = assert(os.getenv("BENCH_BODIES"), "set BENCH_BODIES to the operations file (one JSON body per line)")
local seed = tonumber(os.getenv("BENCH_SEED") or "2121")
local extra_header = os.getenv("BENCH_HEADER")

local function read_bodies()
  local bodies = {}
  for line in assert(io.open(bodies_path, "rb"), "cannot read BENCH_BODIES " .. tostring(bodies_path)):lines() do
    if line:match("%S") then
      bodies[#bodies + 1] = line
    end
  end
  assert(#bodies > 0, "BENCH_BODIES has no operations")
  return bodies
end

local all_threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_index", thread_count)
  all_threads[#all_threads + 1] = thread
end

local requests = {}
local position = 0

function init(args)
  local headers = { ["Content-Type"] = "application/json" }
  if extra_header and extra_header ~= "" then
    local name, value = extra_header:match("^([^:]+):%s*(.*)$")
    assert(name, "BENCH_HEADER must look like 'Name: value'")
    headers[name] = value
  end

  -- A Fisher-Yates shuffle with a fixed seed: the same sequence for every gateway in every round.
  local bodies = read_bodies()
  math.randomseed(seed)
  for i = #bodies, 2, -1 do
    local j = math.random(i)
    bodies[i], bodies[j] = bodies[j], bodies[i]
  end
  for i, body in ipairs(bodies) do
    requests[i] = wrk.format("POST", wrk.path, headers, body)
  end
  position = ((tonumber(thread_index) or 1) - 1) * 97 % #requests
end

function request()
  position = position % #requests + 1
  return requests[position]
end

rejected = 0

if os.getenv("BENCH_CHECK") == "1" then
  function response(status, headers, body)
    if status ~= 200 or body:find('"errors"', 1, true) then
      rejected = rejected + 1
    end
  end
end

function done(summary, latency, requests_done)
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
