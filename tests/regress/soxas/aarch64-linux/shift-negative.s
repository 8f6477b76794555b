and x0, x1, #1
