rev16 v5.16b, v6.16b
tbl v0.16b, {v0.16b}, v1.16b
tbl v2.8b, {v3.16b, v4.16b}, v5.8b
tbx v6.16b, {v7.16b-v9.16b}, v10.16b
tbl v0.16b, {v31.16b, v0.16b, v1.16b, v2.16b}, v3.16b
ld1 {v0.16b}, [x0]
ld1 {v0.4s, v1.4s}, [x1], #32
ld1 {v0.2d-v3.2d}, [sp]
st1 {v1.8b}, [x2], x3
st1 {v4.8h, v5.8h, v6.8h}, [x4], #48
ld1 {v7.2s}, [x5], #8
st1 {v0.1d}, [x0]
