-- Shared helpers for the load scripts: read the seeder's files once per thread.
local common = {}

function common.lines(path)
  local items = {}
  for line in io.lines(path) do
    if line ~= "" then items[#items + 1] = line end
  end
  return items
end

function common.partners(dir)
  local partners = {}
  for _, line in ipairs(common.lines(dir .. "/partners.tsv")) do
    local id, key, country = line:match("([^\t]+)\t([^\t]+)\t([^\t]+)")
    partners[#partners + 1] = { id = id, key = key, country = country }
  end
  return partners
end

return common
