-- wrk script: GET one /api/search path per request, each path used once: thread t of N takes the t-th
-- slice of the file, in order, and stops the run (wrk.thread:stop) when its slice runs out, so no query
-- repeats and every query embedding is a cache miss.
-- usage: wrk -t2 -c8 -d20s --latency -s unique.lua http://127.0.0.1:PORT -- PATHS.txt THREADS
local paths = {}
local i, last = 0, 0
local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("tid", thread_count)
  table.insert(threads, thread)
end

function init(args)
  local all = {}
  for line in io.lines(args[1]) do
    if #line > 0 then all[#all + 1] = line end
  end
  local n = tonumber(args[2] or "1")
  local slice = math.floor(#all / n)
  i = ((tid or 1) - 1) * slice
  last = i + slice
  paths = all
  bad = 0
  ran_out = 0
end

function request()
  if i >= last then
    ran_out = 1
    wrk.thread:stop()
  end
  i = i + 1
  return wrk.format("GET", paths[math.min(i, #paths)])
end

function response(status, hdrs, body)
  if status ~= 200 then bad = bad + 1 end
end

function done(summary, latency, requests)
  local non200, out = 0, 0
  for _, t in ipairs(threads) do
    non200 = non200 + (t:get("bad") or 0)
    out = out + (t:get("ran_out") or 0)
  end
  local secs = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f req_per_s=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non200=%d threads_out_of_queries=%d\n",
    summary.requests, secs, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, non200, out))
end
