-- POST /v1/scans to edge-scanner serve with {"code": SCAN_CODE}
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"code":"' .. os.getenv("SCAN_CODE") .. '"}'
-- With SCAN_TOKEN set (edge-scanner token issue), each scan carries it as its bearer token.
if os.getenv("SCAN_TOKEN") then
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("SCAN_TOKEN")
end
