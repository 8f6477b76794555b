local Zoo = {}
Zoo.__index = Zoo
function Zoo.new()
  return setmetatable({aardvark = 1, baboon = 1, cat = 1, donkey = 1, elephant = 1, fox = 1}, Zoo)
end
function Zoo:ant() return self.aardvark end
function Zoo:banana() return self.baboon end
function Zoo:tuna() return self.cat end
function Zoo:hay() return self.donkey end
function Zoo:grass() return self.elephant end
function Zoo:mouse() return self.fox end
local zoo = Zoo.new()
local sum = 0
while sum < 10000000 do
  sum = sum + zoo:ant() + zoo:banana() + zoo:tuna() + zoo:hay() + zoo:grass() + zoo:mouse()
end
print(string.format("%g", sum))
