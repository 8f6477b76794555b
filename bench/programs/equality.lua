local count = 0
for i = 0, 10000000 - 1 do
  if 1 == 1 then count = count + 1 end
  if 1 == 2 then count = count + 1 end
  if nil == nil then count = count + 1 end
  if true == false then count = count + 1 end
  if i == "str" then count = count + 1 end
  if nil == i then count = count + 1 end
  if true == true then count = count + 1 end
  if i ~= i + 1 then count = count + 1 end
end
print(count)
