-- The same operations as micro.c, in Lua 5.4.  Usage: lua5.4 micro.lua alloc|concat|table
local which = arg[1]
if which == "alloc" then
  local keep
  for i = 0, 5000000 - 1 do keep = {i, i + 1} end
elseif which == "concat" then
  local s
  for i = 0, 2000000 - 1 do s = "key" .. (i % 1000) .. "/" .. i end
else
  local keys = {}
  for i = 0, 999 do keys[i + 1] = "k" .. i end
  local t = {}
  for i = 1, 1000 do t[keys[i]] = 0 end
  for i = 0, 10000000 - 1 do
    local key = keys[i % 1000 + 1]
    t[key] = t[key] + 1
  end
  print(t["k7"])
end
