-- wrk script for scripts/loadtest.sh: a mix of what visitors do, weighted
-- roughly like a day's traffic. Searches in the ten interface languages,
-- search-as-you-type, filters, detail pages and the page shell.
-- Every answer that is not 2xx counts as a failure (wrk counts 4xx and 5xx
-- only in its summary line; this script prints them in a line the shell reads).

local ids = {}
local f = io.open(os.getenv("WEGWEISER_IDS") or "", "r")
if f then
  for line in f:lines() do ids[#ids + 1] = line end
  f:close()
end

-- {weight, path}; queries are percent-encoded UTF-8.
local mix = {
  {10, "/api/v1/search?q=Aufenthaltstitel+verl%C3%A4ngern"},
  {8,  "/api/v1/search?q=Arbeit+suchen&area=braunschweig"},
  {6,  "/api/v1/search?q=Deutschkurs&lang=de"},
  {6,  "/api/v1/search?q=work+permit&lang=en"},
  {5,  "/api/v1/search?q=recognition+of+my+degree&lang=en"},
  {5,  "/api/v1/search?q=%D8%AA%D8%B5%D8%B1%D9%8A%D8%AD+%D8%B9%D9%85%D9%84&lang=ar"},
  {4,  "/api/v1/search?q=%D0%B4%D0%BE%D0%B7%D0%B2%D1%96%D0%BB+%D0%BD%D0%B0+%D1%80%D0%BE%D0%B1%D0%BE%D1%82%D1%83&lang=uk"},
  {3,  "/api/v1/search?q=i%C5%9F+arama&lang=tr"},
  {3,  "/api/v1/search?q=%D8%A7%D9%82%D8%A7%D9%85%D8%AA&lang=fa"},
  {2,  "/api/v1/search?q=praca&lang=pl"},
  {2,  "/api/v1/search?q=Anerkenung&lang=de"},
  {4,  "/api/v1/search?topic=work&area=wolfsburg&free=true"},
  {3,  "/api/v1/search?topic=language&language=ar&group=refugees"},
  {2,  "/api/v1/search?q=Beratung&near=52.2659,10.5267"},
  {2,  "/api/v1/search?q=Beratung&open=now&wheelchair=true"},
  {2,  "/api/v1/search?q=Beratung&page=2&limit=10"},
  {6,  "/api/v1/suggest?q=Auf"},
  {6,  "/api/v1/suggest?q=Aufenth"},
  {4,  "/api/v1/suggest?q=job&lang=en"},
  {3,  "/api/v1/topics?lang=de"},
  {2,  "/api/v1/areas"},
  {2,  "/api/v1/groups?lang=en"},
  {1,  "/api/v1/languages"},
  {2,  "/api/v1/config"},
  {4,  "/"},
  {1,  "/healthz"},
  {8,  "SERVICE"},
}

local total = 0
for _, m in ipairs(mix) do total = total + m[1] end

local counter = 0
local threads = {}

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() + id)
  failed, statuses = 0, {}
end

function request()
  local r = math.random(total)
  for _, m in ipairs(mix) do
    r = r - m[1]
    if r <= 0 then
      local path = m[2]
      if path == "SERVICE" then
        if #ids == 0 then path = "/api/v1/topics" else
          path = "/api/v1/services/" .. ids[math.random(#ids)] .. "?lang=en"
        end
      end
      return wrk.format("GET", path, {["Accept-Encoding"] = "gzip"})
    end
  end
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    failed = failed + 1
    statuses[status] = (statuses[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local non2xx = 0
  for _, t in ipairs(threads) do non2xx = non2xx + t:get("failed") end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d non2xx=%d connect=%d read=%d write=%d timeout=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f rps=%.0f\n",
    summary.requests, non2xx, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.requests / (summary.duration / 1e6)))
end
