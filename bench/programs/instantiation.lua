local Foo = {}
Foo.__index = Foo
function Foo.new() local self = setmetatable({}, Foo) self:init() return self end
function Foo:init() end
for i = 0, 1000000 - 1 do Foo.new() Foo.new() Foo.new() Foo.new() Foo.new() end
print("done")
