-- POST /v1/scans to edge-scanner serve with {"code": SCAN_CODE}
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"code":"' .. os.getenv("SCAN_CODE") .. '"}'
