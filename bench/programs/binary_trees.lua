local Tree = {}
Tree.__index = Tree
function Tree.new(item, depth)
  local self = setmetatable({item = item, depth = depth}, Tree)
  if depth > 0 then
    local item2 = item + item
    depth = depth - 1
    self.left = Tree.new(item2 - 1, depth)
    self.right = Tree.new(item2, depth)
  else
    self.left = nil
    self.right = nil
  end
  return self
end
function Tree:check()
  if self.left == nil then return self.item end
  return self.item + self.left:check() - self.right:check()
end
local minDepth, maxDepth = 4, 12
local stretchDepth = maxDepth + 1
print("stretch tree of depth " .. stretchDepth .. " check: " .. Tree.new(0, stretchDepth):check())
local longLived = Tree.new(0, maxDepth)
local iterations = 1
for _ = 1, maxDepth do iterations = iterations * 2 end
local d = minDepth
while d < stretchDepth do
  local check = 0
  for i = 1, iterations do
    check = check + Tree.new(i, d):check() + Tree.new(-i, d):check()
  end
  print("num trees: " .. iterations * 2 .. ", depth: " .. d .. ", check: " .. check)
  iterations = math.floor(iterations / 4)
  d = d + 2
end
print("long lived tree of depth: " .. maxDepth .. ", check: " .. longLived:check())
