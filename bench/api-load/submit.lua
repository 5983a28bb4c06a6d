-- Study submissions at a fixed rate: each of the C connections sends one POST every C / RATE
-- seconds (wrk's delay(); a response slower than that lowers the rate, which the report shows).
-- Counts the responses by status and keeps the ids of the studies made, one file per thread.
-- Environment: BODY (file with the study JSON), RATE (submissions per second), CONNECTIONS, IDS (file prefix).
package.path = "bench/api-load/?.lua;" .. package.path
require "common"
local threads = {}
local counter = 0

setup = function(thread)
  counter = counter + 1
  thread:set("n", counter)
  table.insert(threads, thread)
end

init = function(args)
  local f = assert(io.open(os.getenv("BODY")))
  wrk.method = "POST"
  wrk.body = f:read("*a")
  f:close()
  wrk.headers["Content-Type"] = "application/json"
  interval = 1000 * tonumber(os.getenv("CONNECTIONS")) / tonumber(os.getenv("RATE"))
  statuses = {}
  ids = io.open(os.getenv("IDS") .. "." .. n, "w")
end

delay = function() return interval end

response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  local id = body:match('"id"%s*:%s*"([%x%-]+)"')
  if status == 201 and id then ids:write(id, "\n") ids:flush() end
end

done = function(summary, latency, requests)
  local all = {}
  for _, t in ipairs(threads) do
    for status, count in pairs(t:get("statuses")) do all[status] = (all[status] or 0) + count end
  end
  local parts = {}
  for status, count in pairs(all) do parts[#parts + 1] = string.format('"%d": %d', status, count) end
  report(summary, latency, ', "statuses": {' .. table.concat(parts, ", ") .. '}')
end
