-- wrk script: POST form-encoded SPARQL queries (`query=...`), asking for JSON results.
-- Usage: wrk ... -s bench/wrk_post.lua URL -- BODIES_FILE
-- BODIES_FILE has one url-encoded form body per line; requests cycle through them, each thread
-- starting at a different line. At the end one line "WRKJSON {...}" gives the counts and latency
-- percentiles (microseconds) for bench/run.py to read.

local requests_ = {}
local index = 0

function init(args)
  local headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Accept"] = "application/sparql-results+json",
  }
  for line in io.lines(args[1]) do
    if #line > 0 then
      requests_[#requests_ + 1] = wrk.format("POST", nil, headers, line)
    end
  end
  index = math.random(#requests_) - 1
end

function request()
  index = index % #requests_ + 1
  return requests_[index]
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests": %d, "duration_us": %d, "bytes": %d, "connect": %d, "read": %d, "write": %d, '
      .. '"status": %d, "timeout": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, "max_us": %d, "mean_us": %.1f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
