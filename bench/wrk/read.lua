-- GET /municipalities/{id} and GET /projects/{id} across many ids, alternately.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")
local dir = os.getenv("BENCH_DATA")
local partners = common.partners(dir)
local projects = common.lines(dir .. "/projects.txt")
local key = os.getenv("BENCH_KEY")
local counter = 0

math.randomseed(os.time())

request = function()
  counter = counter + 1
  local path
  if counter % 2 == 0 then
    path = "/municipalities/" .. partners[math.random(#partners)].id
  else
    path = "/projects/" .. projects[math.random(#projects)]
  end
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. key })
end
