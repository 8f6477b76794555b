local Tree = {}
Tree.__index = Tree
function Tree.new(depth)
  local self = setmetatable({depth = depth}, Tree)
  if depth > 0 then
    self.a = Tree.new(depth - 1) self.b = Tree.new(depth - 1) self.c = Tree.new(depth - 1)
    self.d = Tree.new(depth - 1) self.e = Tree.new(depth - 1)
  end
  return self
end
function Tree:walk()
  if self.depth == 0 then return 0 end
  return self.depth + self.a:walk() + self.b:walk() + self.c:walk() + self.d:walk() + self.e:walk()
end
local tree = Tree.new(8)
for i = 0, 19 do if tree:walk() ~= 122068 then print("Error") end end
print(tree:walk())
