local a1, a2, b, c = "abc", "abc", "abd", "a longer string that is different"
local count = 0
for i = 0, 10000000 - 1 do
  if a1 == a2 then count = count + 1 end
  if a1 == b then count = count + 1 end
  if a1 ~= c then count = count + 1 end
  if b == c then count = count + 1 end
  if c == c then count = count + 1 end
end
print(count)
