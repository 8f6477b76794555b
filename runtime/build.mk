# The Sox runtime, built freestanding for both targets into sysroot/<target>/lib.
# (The runtime owner refines this fragment.)
RT_SRCS := $(wildcard runtime/*.c)
sysroot:
