-- wrk script for scripts/costly-query.sh: every request asks for the path
-- in WEGWEISER_PATH (percent-encoded), and done() prints one RESULT line
-- with the answers by status and the latency percentiles.

local path = os.getenv("WEGWEISER_PATH") or "/healthz"
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
end

function request()
  return wrk.format("GET", path, {["Accept-Encoding"] = "gzip"})
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local byStatus, non2xx = {}, 0
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    for code, n in pairs(s) do
      byStatus[code] = (byStatus[code] or 0) + n
      if code < 200 or code > 299 then non2xx = non2xx + n end
    end
  end
  local parts = {}
  for code, n in pairs(byStatus) do parts[#parts + 1] = string.format("%d:%d", code, n) end
  table.sort(parts)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d non2xx=%d errors=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f statuses=%s\n",
    summary.requests, non2xx, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    table.concat(parts, ",")))
end
