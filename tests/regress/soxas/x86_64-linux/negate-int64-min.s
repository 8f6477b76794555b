.intel_syntax noprefix
movabs rax, -9223372036854775808
