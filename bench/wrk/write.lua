-- POST /exchanges from many partners, each with its own key.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")
local dir = os.getenv("BENCH_DATA")
local partners = common.partners(dir)
local themes = common.lines(dir .. "/themes.txt")
local counter = 0

math.randomseed(os.time())

request = function()
  counter = counter + 1
  local partner = partners[math.random(#partners)]
  local body = string.format(
    '{"kind":"goodPractice","title":"Load practice %d","summary":"A local partnership of the town hall and NGOs","body":"Measured under load.","themes":["%s"]}',
    counter, themes[math.random(#themes)])
  return wrk.format("POST", "/exchanges", {
    ["Authorization"] = "Bearer " .. partner.key,
    ["Content-Type"] = "application/json",
  }, body)
end
