-- wrk script: custodial enrolments. Each request asks the service to make, encrypt and keep a new
-- participant's key and to sign its enrolment with the operator's custodial key.
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"participant":"bench-%s-%d-%d","displayName":"Bench participant","role":{"type":"brand-owner"}}',
    os.getenv("RUN"), id, counter)
  return wrk.format(nil, nil, nil, body)
end
