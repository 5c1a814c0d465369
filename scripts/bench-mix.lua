-- wrk script for scripts/bench.sh: a head mix or a tail mix of searches.
--
-- MIX=head: the common searches of a regional site, Zipf-weighted (the
-- n-th most common is asked 1/n as often as the first), with the prefixes
-- search-as-you-type sends and some filters: everything repeats, as on a
-- real site, so the answer cache serves most of it.
-- MIX=tail: random combinations of two or three common queries (about
-- 125,000 distinct texts), so no cache helps: every search is computed.
-- MIX=healthz: the health check only, the baseline of the ratios.
-- MIX=pages: pages of 100 hits, each pair of common queries asked twice in
-- a row, as a partner site's long lists would be: what the answer caches
-- then hold (docs/decisions/memory.md, "Session 10"); not run by bench.sh.
-- done() prints one line for the shell: RESULT rps p50_ms p99_ms errors.

-- The common queries, most common first, one per line (the index's scale
-- benchmarks read the same file). wrk runs from the repository's root.
local common = {}
for line in io.lines("scripts/bench-queries.txt") do
  line = line:match("^%s*(.-)%s*$")
  if line ~= "" and line:sub(1, 1) ~= "#" then common[#common + 1] = line end
end

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- prefix returns the first n characters of UTF-8 text s.
local function prefix(s, n)
  local count = 0
  for i = 1, #s do
    local b = s:byte(i)
    if b < 0x80 or b >= 0xC0 then
      if count == n then return s:sub(1, i - 1) end
      count = count + 1
    end
  end
  return s
end

local mix = os.getenv("MIX") or "head"
-- ACCEPT_GZIP=1: ask as browsers and the widget do, with Accept-Encoding: gzip
-- (the answers then come compressed; without it they are sent as JSON).
if os.getenv("ACCEPT_GZIP") == "1" then wrk.headers["Accept-Encoding"] = "gzip" end
-- AREAS: two area ids of the data served for the head mix's area filters
-- (scripts/bench.sh reads them from /api/v1/areas: a synthetic folder has
-- other towns than the region's, and unknown ids are answered 400).
local areas = {}
for a in (os.getenv("AREAS") or "braunschweig wolfsburg"):gmatch("%S+") do areas[#areas + 1] = a end
areas[2] = areas[2] or areas[1]
local head = {}

local function add(weight, path)
  head[#head + 1] = {weight, path}
end

if mix == "head" then
  for rank, q in ipairs(common) do
    local w = 1000 / rank
    add(w, "/api/v1/search?q=" .. encode(q))
    -- search as you type: the prefixes on the way to the query
    if #q >= 6 then
      add(w / 2, "/api/v1/suggest?q=" .. encode(prefix(q, 3)))
      add(w / 2, "/api/v1/suggest?q=" .. encode(prefix(q, 5)))
    end
    if rank % 5 == 0 then add(w / 3, "/api/v1/search?q=" .. encode(q) .. "&area=" .. areas[1]) end
    if rank % 7 == 0 then add(w / 3, "/api/v1/search?q=" .. encode(q) .. "&lang=ar&free=true") end
  end
  add(200, "/api/v1/search?topic=work")
  add(150, "/api/v1/search?topic=language&language=ar")
  add(100, "/api/v1/search?topic=residence&area=" .. areas[2])
end

local total = 0
for _, e in ipairs(head) do total = total + e[1] end

local thread_id = 0
function setup(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
end

function init(args)
  math.randomseed(os.time() + (id or 0) * 7919)
end

local asked = 0 -- requests of this thread, for MIX=pages

request = function()
  if mix == "healthz" then
    return wrk.format("GET", "/healthz")
  end
  if mix == "pages" then
    asked = asked + 1
    local k = math.floor((asked - 1) / 2)
    local a, b = common[k % #common + 1], common[math.floor(k / #common) % #common + 1]
    return wrk.format("GET", "/api/v1/search?limit=100&q=" .. encode(a .. " " .. b))
  end
  if mix == "tail" then
    local n = math.random(2, 3)
    local parts = {}
    for i = 1, n do parts[i] = common[math.random(#common)] end
    return wrk.format("GET", "/api/v1/search?q=" .. encode(table.concat(parts, " ")))
  end
  local r = math.random() * total
  for _, e in ipairs(head) do
    r = r - e[1]
    if r <= 0 then return wrk.format("GET", e[2]) end
  end
  return wrk.format("GET", head[1][2])
end

done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %.0f %.2f %.2f %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors))
end
