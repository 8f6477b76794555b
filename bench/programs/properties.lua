local Foo = {}
Foo.__index = Foo
function Foo.new() return setmetatable({field0 = 1, field1 = 1, field2 = 1, field3 = 1, field4 = 1}, Foo) end
function Foo:method0() return self.field0 end
function Foo:method1() return self.field1 end
function Foo:method2() return self.field2 end
function Foo:method3() return self.field3 end
function Foo:method4() return self.field4 end
local foo = Foo.new()
local sum = 0
for i = 0, 1000000 - 1 do
  sum = sum + foo:method0() + foo:method1() + foo:method2() + foo:method3() + foo:method4()
  foo.field0 = foo.field1 foo.field2 = foo.field3
end
print(string.format("%g", sum))
