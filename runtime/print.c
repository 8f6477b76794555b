/* print.c — the printed forms of SOX_LANGUAGE.md §8 and the `+` conversions of
 * §7.2.  Numbers use C's %g (sox_format_g); containers print recursively (a
 * cyclic container ends in `Stack overflow.`, as deep recursion does). */
#include "runtime/rt.h"

static void put_cstr(RtStr *s, const char *p) { rt_str_put(s, p, rt_strlen(p)); }

/* %g of v.  Integers below 10^6 print as themselves under %g, and they are the
 * common case (loop counters, indices), so they skip the general conversion. */
int rt_format_number(double v, char *buf)
{
    if (v > -1e6 && v < 1e6 && v == (double)(int32_t)v && !(v == 0 && __builtin_signbit(v)))
        return rt_format_int((int32_t)v, buf);
    return sox_format_g(v, 6, buf);
}

static void put_number(RtStr *s, double d)
{
    char buf[40];
    rt_str_put(s, buf, (size_t)rt_format_number(d, buf));
}

static void put_fn_name(RtStr *s, const SoxClosure *c)
{
    put_cstr(s, "<fn ");
    rt_str_put(s, c->info->name, c->info->name_len);
    rt_str_putc(s, '>');
}

static void put_table(RtStr *s, const RtTable *t)
{
    put_cstr(s, "<table>{");
    bool first = true;
    for (int64_t i = 0; i < t->capacity; i++) {
        const RtEntry *e = &t->entries[i];
        if (!e->key)
            continue;
        if (!first)
            rt_str_putc(s, ',');
        first = false;
        put_cstr(s, "{\"");
        rt_str_put(s, e->key->chars, e->key->length);
        put_cstr(s, "\":\"");
        rt_value_to_str(s, e->value);
        put_cstr(s, "\"}");
    }
    rt_str_putc(s, '}');
}

static void put_object(RtStr *s, SoxObj *o)
{
    switch (o->type) {
    case SOX_OBJ_STRING: rt_str_put(s, ((SoxString *)o)->chars, ((SoxString *)o)->length); break;
    case SOX_OBJ_CLOSURE: put_fn_name(s, (SoxClosure *)o); break;
    case SOX_OBJ_BOUND: put_fn_name(s, ((SoxBound *)o)->method); break;
    case SOX_OBJ_NATIVE: put_cstr(s, "<native fn>"); break;
    case SOX_OBJ_CLASS: {
        SoxString *name = ((SoxClass *)o)->name;
        put_cstr(s, "<class: ");
        rt_str_put(s, name->chars, name->length);
        rt_str_putc(s, '>');
        break;
    }
    case SOX_OBJ_INSTANCE: {
        SoxString *name = ((SoxInstance *)o)->klass->name;
        put_cstr(s, "<instance: ");
        rt_str_put(s, name->chars, name->length);
        put_cstr(s, "> ");
        break;
    }
    case SOX_OBJ_ARRAY: {
        SoxArray *a = (SoxArray *)o;
        rt_str_putc(s, '[');
        for (int64_t i = 0; i < a->count; i++) {
            if (i)
                rt_str_putc(s, ',');
            rt_value_to_str(s, a->items[i]);
        }
        rt_str_putc(s, ']');
        break;
    }
    case SOX_OBJ_TABLE: put_table(s, &((SoxTable *)o)->t); break;
    case SOX_OBJ_CELL: put_cstr(s, "<cell>"); break;
    default: put_cstr(s, "<object>"); break;
    }
}

void rt_value_to_str(RtStr *s, Value v)
{
    rt_check_stack();
    if (SOX_IS_NUMBER(v))
        put_number(s, num_of(v));
    else if (SOX_IS_OBJ(v))
        put_object(s, SOX_AS_OBJ(v));
    else if (v == SOX_NIL)
        put_cstr(s, "nil");
    else if (v == SOX_TRUE)
        put_cstr(s, "true");
    else if (v == SOX_FALSE)
        put_cstr(s, "false");
    else
        put_cstr(s, "<undefined>");
}

void rt_concat_piece(RtStr *s, Value v)
{
    if (SOX_IS_OBJ(v) && OBJ_TYPE(v) != SOX_OBJ_STRING)
        put_cstr(s, "<object>");
    else
        rt_value_to_str(s, v);
}

const char *rt_type_name(Value v)
{
    static const char *const obj_names[] = {
        [SOX_OBJ_STRING] = "String", [SOX_OBJ_CLOSURE] = "Closure", [SOX_OBJ_CELL] = "Cell",
        [SOX_OBJ_CLASS] = "Class", [SOX_OBJ_INSTANCE] = "Instance",
        [SOX_OBJ_BOUND] = "Bound Method", [SOX_OBJ_NATIVE] = "Native function",
        [SOX_OBJ_ARRAY] = "Array", [SOX_OBJ_TABLE] = "Table",
    };
    if (SOX_IS_NUMBER(v))
        return "<number>";
    if (SOX_IS_OBJ(v))
        return obj_names[OBJ_TYPE(v)];
    if (v == SOX_TRUE || v == SOX_FALSE)
        return "<bool>";
    return "<nil>";
}

void sox_print(Value v)
{
    if (IS_STRING(v)) {
        SoxString *str = AS_STRING(v);
        rt_out_write(str->chars, str->length);
        rt_out_write("\n", 1);
        return;
    }
    if (SOX_IS_NUMBER(v)) {
        char buf[48];
        int n = rt_format_number(num_of(v), buf);
        buf[n++] = '\n';
        rt_out_write(buf, (size_t)n);
        return;
    }
    RtStr s = { 0 };
    rt_value_to_str(&s, v);
    rt_str_putc(&s, '\n');
    rt_out_write(s.p, s.len);
    rt_str_free(&s);
}
