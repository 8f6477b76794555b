/* main.c — cross-object calls, data pointers both ways, weak and common symbols, a far call. */
#include "sys.h"

extern int util_table[];
extern const char *util_greeting_ptr;       /* util.c points into our data */
int util_add(int a, int b);
int util_hook(void);                        /* weak in util.c, strong here */
__attribute__((weak)) int maybe_missing(void);
__attribute__((common)) int shared_counter;     /* also common in util.c */
long far_function(long x);                  /* beyond a 2 MiB section */
extern const char far_message[];
extern char __bss_start[], _end[], _etext[], _edata[];
extern const char __ehdr_start[];           /* the ELF header, mapped by the first segment */
__attribute__((visibility("hidden"))) int hidden_twice(int x);
static int init_ran;

const char greeting[] = "hello from main";
int *table_ptr = &util_table[2];            /* pointer into another object */

__attribute__((constructor)) static void init_fn(void) { init_ran = 41; }

int hook(void) { return 2; }

int main(void) {
    put_str(util_greeting_ptr);
    put_str("\n");
    put_str("add: "); put_num(util_add(40, 2)); put_str("\n");
    put_str("table[2]: "); put_num(*table_ptr); put_str("\n");
    put_str("hook: "); put_num(util_hook()); put_str("\n");
    put_str(maybe_missing ? "maybe: present\n" : "maybe: absent\n");
    shared_counter += 5;
    put_str("common: "); put_num(shared_counter); put_str("\n");
    put_str("init: "); put_num(init_ran + 1); put_str("\n");
    put_str("far: "); put_num(far_function(20)); put_str(" "); put_str(far_message); put_str("\n");
    put_str("layout: "); put_num(__bss_start <= _end && _etext <= _edata && _edata <= __bss_start); put_str("\n");
    put_str("hidden: "); put_num(hidden_twice(21)); put_str("\n");
    put_str("ehdr: "); put_num(__ehdr_start[0] == 0x7f && __ehdr_start[1] == 'E' && __ehdr_start[16] == 2); put_str("\n");
    return 7;
}
