-- wrk script: a mix of the public pages residents read, plus the stylesheet.
-- Counts every answer that is not 2xx/3xx as an error, and reports p99 latency.
local paths = {
  "/",
  "/priorities/",
  "/priorities/a-decent-home-for-everyone/",
  "/priorities/a-local-economy-that-works-for-everyone/",
  "/priorities/a-safe-place-for-everyone/",
  "/priorities/a-greener-cleaner-healthier-place-to-live/",
  "/values/",
  "/challenging-inequality/",
  "/fairer-together/",
  "/accessibility/",
}
local extra = os.getenv("LOADTEST_EXTRA_PATHS")
if extra then
  for path in string.gmatch(extra, "[^,%s]+") do table.insert(paths, path) end
end

local threads = {}
local counter = 0

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
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function response(status, headers, body)
  if status >= 400 then bad = bad + 1 end
end

function done(summary, latency, requests)
  local bad_total = 0
  for _, thread in ipairs(threads) do bad_total = bad_total + thread:get("bad") end
  local errors = summary.errors
  local socket_errors = errors.connect + errors.read + errors.write + errors.timeout
  io.write("\n=== Load test summary ===\n")
  io.write(string.format("requests:        %d in %.1f s (%.1f per second)\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("errors:          %d (HTTP 4xx/5xx: %d, socket: %d)\n",
    bad_total + socket_errors, bad_total, socket_errors))
  io.write(string.format("latency p50:     %.1f ms\n", latency:percentile(50) / 1000))
  io.write(string.format("latency p99:     %.1f ms\n", latency:percentile(99) / 1000))
  io.write(string.format("latency max:     %.1f ms\n", latency.max / 1000))
  local file = io.open(os.getenv("LOADTEST_RESULT") or "/dev/null", "w")
  if file then
    file:write(string.format("%d\n", bad_total + socket_errors))
    file:close()
  end
end
