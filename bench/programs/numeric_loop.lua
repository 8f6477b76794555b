local sum, x = 0, 0.5
for i = 0, 20000000 - 1 do sum = sum + i * x - sum / 1024 end
print(string.format("%g", sum))
