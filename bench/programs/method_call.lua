local Toggle = {}
Toggle.__index = Toggle
function Toggle.new(state) return setmetatable({state = state}, Toggle) end
function Toggle:value() return self.state end
function Toggle:activate() self.state = not self.state return self end
local NthToggle = setmetatable({}, {__index = Toggle})
NthToggle.__index = NthToggle
function NthToggle.new(state, max)
  local t = Toggle.new(state)
  t.countMax = max t.count = 0
  return setmetatable(t, NthToggle)
end
function NthToggle:activate()
  self.count = self.count + 1
  if self.count >= self.countMax then
    Toggle.activate(self)
    self.count = 0
  end
  return self
end
local n = 1000000
local val = true
local toggle = Toggle.new(val)
for i = 0, n - 1 do
  val = toggle:activate():value() val = toggle:activate():value() val = toggle:activate():value()
  val = toggle:activate():value() val = toggle:activate():value()
end
print(toggle:value())
val = true
local ntoggle = NthToggle.new(val, 3)
for i = 0, n - 1 do
  val = ntoggle:activate():value() val = ntoggle:activate():value() val = ntoggle:activate():value()
  val = ntoggle:activate():value() val = ntoggle:activate():value()
end
print(ntoggle:value())
