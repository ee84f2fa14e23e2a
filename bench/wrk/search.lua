-- GET /exchanges?theme=...&q=... with a theme filter and one or two words of text.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")
local dir = os.getenv("BENCH_DATA")
local themes = common.lines(dir .. "/themes.txt")
local words = common.lines(dir .. "/words.txt")
local key = os.getenv("BENCH_KEY")

math.randomseed(os.time())

-- Percent-encodes everything but unreserved characters (themes have spaces; words may have diacritics).
local function encode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

request = function()
  local q = words[math.random(#words)]
  if math.random(2) == 1 then q = q .. " " .. words[math.random(#words)] end
  local path = "/exchanges?theme=" .. encode(themes[math.random(#themes)]) .. "&q=" .. encode(q) .. "&limit=20"
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. key })
end
