local function f() end
for i = 0, 5000000 - 1 do f() f() f() f() end
print("done")
