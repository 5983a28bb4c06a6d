-- GET of one path (PATH in the environment) on every request.
package.path = "bench/api-load/?.lua;" .. package.path
require "common"
local path = os.getenv("PATH_GET")
request = function() return wrk.format("GET", path) end
done = function(summary, latency, requests) report(summary, latency) end
