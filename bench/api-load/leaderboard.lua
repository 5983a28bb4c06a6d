-- Leaderboard pages of one study, every sort key both ways, random pages (first and last included).
-- Environment: STUDY (id), TRIALS (count), PARAMS (comma list of parameter names).
package.path = "bench/api-load/?.lua;" .. package.path
require "common"
local study = os.getenv("STUDY")
local pages = math.max(1, math.floor(tonumber(os.getenv("TRIALS")) / 50))
local keys = {"rank", "number", "status", "objective", "epochs", "duration", "worker", "paramCount"}
for p in string.gmatch(os.getenv("PARAMS") or "", "[^,]+") do keys[#keys + 1] = "param:" .. p end
local orders = {"asc", "desc"}
local seeded = false

request = function()
  if not seeded then
    math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
    seeded = true
  end
  local r = math.random()
  local page = r < 0.1 and 0 or (r < 0.2 and pages - 1 or math.random(0, pages - 1))
  local path = string.format("/api/v1/studies/%s/trials?page=%d&size=50&sort=%s&order=%s",
    study, page, keys[math.random(#keys)], orders[math.random(2)])
  return wrk.format("GET", path)
end

done = function(summary, latency, requests) report(summary, latency) end
