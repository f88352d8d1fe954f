-- wrk script: POST /v1/scans with the demo's label payloads (genuine, revoked, forged, cloned by
-- repetition), each request a fresh scan id. PAYLOADS (file of kind<TAB>payload lines), TOKEN.
local payloads = {}
for line in io.lines(os.getenv("PAYLOADS")) do
  local payload = line:match("^[^\t]+\t(.+)$")
  if payload then payloads[#payloads + 1] = payload end
end
local token = os.getenv("TOKEN")
local counter = 0
local threads = {}

-- thread_id is a global of each thread's own Lua state, set here; a local of the same name would
-- shadow it and give every thread id 0, so that two threads sent the same scan ids (answered as
-- retries, from memory) until 2026-11-26 21:50 UTC.
function setup(thread)
  thread:set("thread_id", #threads)
  threads[#threads + 1] = thread
end

local function escape(s)
  return (s:gsub('\\', '\\\\'):gsub('"', '\\"'):gsub('\029', '\\u001d'))
end

function request()
  counter = counter + 1
  local code = payloads[(counter % #payloads) + 1]
  local body = string.format(
    '{"code":"%s","postId":"de-fra-cargo","lat":50.0379,"lon":8.5622,"scannedAt":"%s","scanId":"bench-%d-%d-%d"}',
    escape(code), os.date("!%Y-%m-%dT%H:%M:%SZ"), os.time(), thread_id, counter)
  return wrk.format("POST", "/v1/scans", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
  }, body)
end
