-- wrk script: GET one /api/search path per request, cycling over a file of paths (one per line).
-- usage: wrk -t2 -c8 -d20s --latency -s get.lua http://127.0.0.1:PORT -- PATHS.txt [EXTRA_QUERY]
-- EXTRA_QUERY (e.g. "&facets=none") is appended to every path. Threads start at different offsets.
local paths = {}
local next_i = 0
local extra = ""
local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("tid", thread_count)
  table.insert(threads, thread)
end

function init(args)
  extra = args[2] or ""
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  if #paths == 0 then error("no paths in " .. args[1]) end
  next_i = ((tid or 1) - 1) * 37 % #paths
  bad = 0
end

function request()
  next_i = next_i % #paths + 1
  return wrk.format("GET", paths[next_i] .. extra)
end

function response(status, hdrs, body)
  if status ~= 200 then bad = bad + 1 end
end

function done(summary, latency, requests)
  local non200 = 0
  for _, t in ipairs(threads) do non200 = non200 + (t:get("bad") or 0) end
  local secs = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f req_per_s=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non200=%d socket_errors=%d\n",
    summary.requests, secs, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, non200,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
