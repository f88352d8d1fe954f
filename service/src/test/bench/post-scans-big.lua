-- wrk script: POST /v1/scans with the big ledger's scan load (BigScanPayloads: lines of
-- kind<TAB>lat<TAB>lon<TAB>code), each request a fresh scan id. Thread t of THREADS takes the lines
-- i with i % THREADS == t, from a random start. PAYLOADS, TOKEN, THREADS, RUN. done() prints the
-- rate and the latency percentiles, p99.9 included (wrk --latency stops at p99).
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local function escape(s)
  return (s:gsub('\\', '\\\\'):gsub('"', '\\"'))
end

function init(args)
  local n = tonumber(os.getenv("THREADS")) or 2
  lines = {}
  local i = 0
  for line in io.lines(os.getenv("PAYLOADS")) do
    if i % n == id then
      local kind, lat, lon, code = line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)\t(.+)$")
      if code then
        lines[#lines + 1] = string.format('"code":"%s","postId":"de-fra-cargo","lat":%s,"lon":%s',
          escape(code), lat, lon)
      end
    end
    i = i + 1
  end
  math.randomseed(os.time() + id)
  counter = math.random(0, #lines - 1)
  run = os.getenv("RUN") or tostring(os.time())
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
end

function request()
  counter = counter + 1
  local body = string.format('{%s,"scannedAt":"%s","scanId":"big-%s-%d-%d"}',
    lines[(counter % #lines) + 1], os.date("!%Y-%m-%dT%H:%M:%SZ"), run, id, counter)
  return wrk.format(nil, nil, nil, body)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("requests %d in %.1f s: %.1f req/s; non-2xx %d, socket errors %d\n",
    summary.requests, seconds, summary.requests / seconds, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("scans answered 2xx: %.1f per s\n",
    (summary.requests - summary.errors.status) / seconds))
  io.write(string.format("latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000))
end
