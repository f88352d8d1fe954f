-- wrk script: POSTs each line of the file $LINES once (pre-signed entries), split between wrk's
-- threads, with the bearer token $TOKEN. When a thread runs out of lines it repeats its last one;
-- run.sh counts appended entries from the log's size, never from wrk's request count.
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local n = #threads
  lines = {}
  local i = 0
  for line in io.lines(os.getenv("LINES")) do
    if i % (tonumber(os.getenv("THREADS")) or 2) == id then
      lines[#lines + 1] = line
    end
    i = i + 1
  end
  next_line = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
end

function request()
  if next_line < #lines then
    next_line = next_line + 1
  end
  return wrk.format(nil, nil, nil, lines[next_line])
end
