-- wrk script: inclusion proofs for random indices of a tree of $SIZE entries.
math.randomseed(os.time())

function request()
  local size = tonumber(os.getenv("SIZE"))
  local index = math.random(0, size - 1)
  return wrk.format("GET", "/v1/log/proof/inclusion?index=" .. index .. "&size=" .. size)
end
