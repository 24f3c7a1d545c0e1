-- wrk script for `make bench` and `make loadtest` (bench/run.py passes the settings in).
-- BENCH_PATHS: the addresses to request in turn (comma-separated);
-- BENCH_RESULT: where to write the summary as JSON. Any answer 400 or above is an error.
local paths = {}
for path in string.gmatch(os.getenv("BENCH_PATHS") or "/", "[^,%s]+") do
  table.insert(paths, path)
end

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  bad = 0
  counter = id
end

function request()
  counter = counter + 1
  return wrk.format(nil, paths[(counter % #paths) + 1])
end

function response(status, headers, body)
  if status >= 400 then bad = bad + 1 end
end

function done(summary, latency, requests)
  local bad_total = 0
  for _, thread in ipairs(threads) do bad_total = bad_total + thread:get("bad") end
  local e = summary.errors
  local socket_errors = e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6
  local file = io.open(os.getenv("BENCH_RESULT") or "/dev/null", "w")
  file:write(string.format(
    '{"requests": %d, "seconds": %.3f, "rps": %.1f, "errors": %d, "http_errors": %d, '
      .. '"socket_errors": %d, "p50": %.3f, "p99": %.3f, "max": %.3f}\n',
    summary.requests, seconds, summary.requests / seconds, bad_total + socket_errors, bad_total,
    socket_errors, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
  file:close()
end
