/* ir_opt.c — small clean-ups on the IR before register allocation.
 *
 * Jumps to blocks that only jump on are threaded, then unreachable blocks are
 * dropped.  Dead-code elimination: lowering is simple-minded and leaves values nobody reads
 * (the closure parameter of functions without captures, a `var` initial value that
 * is overwritten, ...).  Pure instructions whose result has no reader are dropped,
 * repeatedly, since dropping one can orphan its operands.  Before that, == and !=
 * of two constants and branches on a constant are folded (`if 1 == 1`, `while true`).
 * Last, operands already proven numbers are marked for the emitters. */
#include <stdlib.h>
#include <string.h>
#include "compiler/ir.h"
#include "runtime/sox_abi.h"

/* Whether dropping in changes nothing but its result: a global read that is known to be
 * defined cannot fail, and an allocation nobody reads is garbage at once. */
static int is_pure(const IrInstr *in) {
    switch (in->op) {
    case IR_CONST: case IR_MOV: case IR_PARAM: case IR_ROOT_GET: case IR_LOAD:
    case IR_UNTAG: case IR_BUF_LOAD:
        return 1;
    case IR_GLOBAL_GET: return in->imm2 < 0;
    case IR_RTCALL: return in->no_effect;
    default:
        return 0;
    }
}

static void count_uses(const IrFunc *f, int *uses) {
    for (int i = 0; i < f->nblocks; i++)
        for (int k = 0; k < f->blocks[i]->nins; k++) {
            const IrInstr *in = &f->blocks[i]->ins[k];
            if (in->a >= 0) uses[in->a]++;
            if (in->b >= 0) uses[in->b]++;
            for (int j = 0; j < in->nargs; j++)
                if (in->args[j].kind == ARG_VREG) uses[in->args[j].v]++;
        }
}

static int remove_dead(IrFunc *f, int *uses) {
    int removed = 0;
    for (int i = 0; i < f->nblocks; i++) {
        IrBlock *b = f->blocks[i];
        int n = 0;
        for (int k = 0; k < b->nins; k++) {
            IrInstr *in = &b->ins[k];
            if (is_pure(in) && in->dst >= 0 && uses[in->dst] == 0) {
                free(in->args);      /* an unread allocation's argument */
                removed++;
                continue;
            }
            b->ins[n++] = *in;
        }
        b->nins = n;
    }
    return removed;
}

/* Drops blocks no path from the entry reaches (code after `return`, `break`),
 * keeping the order of the rest, and renumbers them. */
static void remove_unreachable(IrFunc *f) {
    char *seen = calloc(f->nblocks + 1, 1);
    IrBlock **work = malloc((f->nblocks + 1) * sizeof *work);
    int n = 0;
    work[n++] = f->blocks[0];
    seen[0] = 1;
    while (n) {
        IrBlock *b = work[--n];
        if (!b->nins) continue;
        IrInstr *last = &b->ins[b->nins - 1];
        IrBlock *succ[2] = {last->target, last->target2};
        for (int i = 0; i < 2; i++)
            if (succ[i] && !seen[succ[i]->id]) {
                seen[succ[i]->id] = 1;
                work[n++] = succ[i];
            }
    }
    int k = 0;
    for (int i = 0; i < f->nblocks; i++) {
        IrBlock *b = f->blocks[i];
        if (seen[i]) {
            f->blocks[k++] = b;
            continue;
        }
        for (int j = 0; j < b->nins; j++) free(b->ins[j].args);
        free(b->ins);
        free(b);
    }
    f->nblocks = k;
    for (int i = 0; i < k; i++) f->blocks[i]->id = i;
    free(seen);
    free(work);
}

/* Per vreg: 1 when its only definition is IR_CONST (of value[v]). */
static void find_constants(const IrFunc *f, uint8_t *is_const, uint64_t *value) {
    int *defs = calloc(f->nvregs + 1, sizeof *defs);
    for (int i = 0; i < f->nblocks; i++)
        for (int k = 0; k < f->blocks[i]->nins; k++) {
            const IrInstr *in = &f->blocks[i]->ins[k];
            if (in->dst < 0) continue;
            defs[in->dst]++;
            is_const[in->dst] = in->op == IR_CONST;
            value[in->dst] = (uint64_t)in->imm;
        }
    for (int v = 0; v < f->nvregs; v++)
        if (defs[v] != 1) is_const[v] = 0;
    free(defs);
}

/* Sox equality of two constant words: numbers compare as doubles (0 == -0,
 * NaN != NaN), anything else (nil, true, false) by identity. */
static int constants_equal(uint64_t a, uint64_t b) {
    if (SOX_IS_NUMBER(a) && SOX_IS_NUMBER(b)) {
        double x, y;
        memcpy(&x, &a, sizeof x);
        memcpy(&y, &b, sizeof y);
        return x == y;
    }
    return a == b;
}

/* Returns 1 when something was folded: the caller drops the blocks that became
 * unreachable and folds again (a folded == feeds its branch on the next round). */
static int fold_constants(IrFunc *f) {
    uint8_t *is_const = calloc(f->nvregs + 1, 1);
    uint64_t *value = calloc(f->nvregs + 1, sizeof *value);
    find_constants(f, is_const, value);
    int folded = 0;
    for (int i = 0; i < f->nblocks; i++)
        for (int k = 0; k < f->blocks[i]->nins; k++) {
            IrInstr *in = &f->blocks[i]->ins[k];
            if ((in->op == IR_EQ || in->op == IR_NE) && is_const[in->a] && is_const[in->b]) {
                int truth = constants_equal(value[in->a], value[in->b]) == (in->op == IR_EQ);
                in->op = IR_CONST;
                in->imm = (int64_t)(truth ? SOX_TRUE : SOX_FALSE);
                in->a = in->b = -1;
                folded = 1;
            } else if (in->op == IR_BR && is_const[in->a]) {
                uint64_t w = value[in->a];
                in->target = w == SOX_NIL || w == SOX_FALSE ? in->target2 : in->target;
                in->target2 = NULL;
                in->op = IR_JMP;
                in->a = -1;
                folded = 1;
            }
        }
    free(is_const);
    free(value);
    return folded;
}

/* Where a jump to b really lands: past blocks that only jump on (the empty `else`
 * of an `if`, loop exits), at most nblocks steps (an empty endless loop). */
static IrBlock *final_target(const IrFunc *f, IrBlock *b) {
    for (int n = 0; n < f->nblocks && b->nins == 1 && b->ins[0].op == IR_JMP; n++)
        b = b->ins[0].target;
    return b;
}

/* Jump threading: branches go straight to their final target, so the blocks in
 * between become unreachable and cost neither a label nor a jump. */
static void thread_jumps(IrFunc *f) {
    for (int i = 0; i < f->nblocks; i++) {
        IrBlock *b = f->blocks[i];
        if (!b->nins) continue;
        IrInstr *last = &b->ins[b->nins - 1];
        if (last->target) last->target = final_target(f, last->target);
        if (last->target2) last->target2 = final_target(f, last->target2);
        if (last->target2 && last->target == last->target2) {   /* `if c {}`: c is still evaluated */
            last->op = IR_JMP;
            last->a = -1;
            last->target2 = NULL;
        }
    }
}

/* ---- numbers proven by use ---------------------------------------------------
 * After `a - b`, `a < b` and the like (and unary `-a`) have run, a and b are
 * numbers: their slow paths raise an error otherwise.  Later number checks of the
 * same vreg are then redundant (`if n < 2 ...; fib(n - 1)`).  A block starts from
 * what its predecessor proved when it has exactly one, earlier in the layout, and
 * from nothing otherwise, so no fixpoint is needed; IrInstr.num_ops records the
 * result for the emitters. */

static int proves_operands(IrOp op) {
    return op == IR_SUB || op == IR_MUL || op == IR_DIV || op == IR_NEG ||
           (op >= IR_LT && op <= IR_GE);
}

static int writes_number(const IrInstr *in, const uint8_t *proven) {
    switch (in->op) {
    case IR_CONST: return SOX_IS_NUMBER((uint64_t)in->imm);
    case IR_SUB: case IR_MUL: case IR_DIV: case IR_NEG: return 1;
    case IR_ADD: return proven[in->a] && proven[in->b];
    case IR_MOV: return proven[in->a];
    default: return 0;
    }
}

static void prove_block(IrBlock *b, uint8_t *proven) {
    for (int k = 0; k < b->nins; k++) {
        IrInstr *in = &b->ins[k];
        in->num_ops = (uint8_t)((in->a >= 0 && proven[in->a]) | (in->b >= 0 && proven[in->b]) << 1);
        if (proves_operands(in->op)) {
            if (in->a >= 0) proven[in->a] = 1;
            if (in->b >= 0) proven[in->b] = 1;
        }
        if (in->dst >= 0) proven[in->dst] = (uint8_t)writes_number(in, proven);
    }
}

/* ids: block i's successors (its targets and the next block when it falls through), -1
 * for none. */
static void successors(const IrFunc *f, int i, int ids[3]) {
    const IrBlock *b = f->blocks[i];
    const IrInstr *last = b->nins ? &b->ins[b->nins - 1] : NULL;
    int fall = (!last || !ir_is_terminator(last->op)) && i + 1 < f->nblocks;
    ids[0] = last && last->target ? last->target->id : -1;
    ids[1] = last && last->target2 ? last->target2->id : -1;
    ids[2] = fall ? i + 1 : -1;
}

/* pred[i]: block i's only predecessor, -1 for none or several (-2 while unseen). */
static void single_preds(const IrFunc *f, int *pred) {
    for (int i = 0; i < f->nblocks; i++) pred[i] = -2;
    pred[0] = -1;                       /* the function's entry comes from outside */
    for (int i = 0; i < f->nblocks; i++) {
        int ids[3];
        successors(f, i, ids);
        for (int s = 0; s < 3; s++) {
            int t = ids[s];
            if (t < 0) continue;
            pred[t] = pred[t] == -2 ? i : -1;
        }
    }
}

static void prove_numbers(IrFunc *f) {
    if ((int64_t)f->nblocks * (f->nvregs + 1) > (16 << 20)) return;  /* keep memory small */
    int n = f->nvregs + 1;
    int *pred = malloc(f->nblocks * sizeof *pred);
    uint8_t *out = calloc((size_t)f->nblocks * n, 1);
    single_preds(f, pred);
    for (int i = 0; i < f->nblocks; i++) {
        uint8_t *proven = out + (size_t)i * n;
        if (pred[i] >= 0 && pred[i] < i) memcpy(proven, out + (size_t)pred[i] * n, n);
        prove_block(f->blocks[i], proven);
    }
    free(out);
    free(pred);
}

/* ---- Forwarding of global values ----
 * A global read right after the program stored it or read it (`count = count + 1` twice
 * in a row) takes the value from the register that holds it, with no load and no
 * undefined check (the slot was just shown to be defined).  Only calls (user code) and
 * the global's own stores change the slots; a redefined vreg no longer holds the value.
 * The facts flow into a block from its only predecessor, as for number proofs. */
enum { MAX_FACTS = 8 };

typedef struct GlobalFacts {
    int n;
    int64_t slot[MAX_FACTS];
    int vreg[MAX_FACTS];
} GlobalFacts;

static void facts_forget_vreg(GlobalFacts *g, int v) {
    int k = 0;
    for (int i = 0; i < g->n; i++)
        if (g->vreg[i] != v) {
            g->slot[k] = g->slot[i];
            g->vreg[k++] = g->vreg[i];
        }
    g->n = k;
}

static int facts_find(const GlobalFacts *g, int64_t slot) {
    for (int i = 0; i < g->n; i++)
        if (g->slot[i] == slot) return g->vreg[i];
    return -1;
}

static void facts_set(GlobalFacts *g, int64_t slot, int v) {
    for (int i = 0; i < g->n; i++)
        if (g->slot[i] == slot) {
            g->vreg[i] = v;
            return;
        }
    if (g->n == MAX_FACTS) {   /* forget the oldest */
        memmove(g->slot, g->slot + 1, (MAX_FACTS - 1) * sizeof *g->slot);
        memmove(g->vreg, g->vreg + 1, (MAX_FACTS - 1) * sizeof *g->vreg);
        g->n--;
    }
    g->slot[g->n] = slot;
    g->vreg[g->n++] = v;
}

static void forward_block(IrBlock *b, GlobalFacts *g) {
    for (int k = 0; k < b->nins; k++) {
        IrInstr *in = &b->ins[k];
        switch (in->op) {
        case IR_GLOBAL_GET: {
            int64_t slot = in->imm;
            int v = facts_find(g, slot);
            facts_forget_vreg(g, in->dst);
            if (v >= 0 && v != in->dst) {
                in->op = IR_MOV;
                in->a = v;
                in->imm = in->imm2 = 0;
            } else {
                facts_set(g, slot, in->dst);
            }
            break;
        }
        case IR_GLOBAL_SET: case IR_GLOBAL_DEF:
            facts_set(g, in->imm, in->a);
            break;
        case IR_CALL: case IR_RTCALL: case IR_TABLE_CALL: case IR_INVOKE:
            g->n = 0;
            break;
        default:
            if (in->dst >= 0) facts_forget_vreg(g, in->dst);
            break;
        }
    }
}

/* What both a and b know (the same slot in the same vreg), into a. */
static void facts_meet(GlobalFacts *a, const GlobalFacts *b) {
    int k = 0;
    for (int i = 0; i < a->n; i++)
        if (facts_find(b, a->slot[i]) == a->vreg[i]) {
            a->slot[k] = a->slot[i];
            a->vreg[k++] = a->vreg[i];
        }
    a->n = k;
}

/* Facts flow forward along the layout: a block starts from what all its predecessors
 * know when they all come before it (the join after an `if`), from nothing otherwise
 * (a loop's head, the entry). */
static void forward_globals(IrFunc *f) {
    if (f->nblocks <= 0) return;
    size_t n = (size_t)f->nblocks;
    GlobalFacts *in = calloc(n, sizeof *in), out;
    uint8_t *started = calloc(n, 1);   /* in[i] holds a first predecessor's facts */
    uint8_t *unknown = calloc(n, 1);   /* a predecessor comes later, or from outside */
    unknown[0] = 1;
    for (int i = 0; i < f->nblocks; i++) {
        int ids[3];
        successors(f, i, ids);
        for (int s = 0; s < 3; s++)
            if (ids[s] >= 0 && ids[s] <= i) unknown[ids[s]] = 1;
    }
    for (int i = 0; i < f->nblocks; i++) {
        out = unknown[i] || !started[i] ? (GlobalFacts){0} : in[i];
        forward_block(f->blocks[i], &out);
        int ids[3];
        successors(f, i, ids);
        for (int s = 0; s < 3; s++) {
            int t = ids[s];
            if (t <= i) continue;
            if (!started[t]) in[t] = out;
            else facts_meet(&in[t], &out);
            started[t] = 1;
        }
    }
    free(in);
    free(unknown);
    free(started);
}

/* ---- Forwarding of field values ----
 * A second read of the same field of the same object (`if this.left == nil ...
 * this.left.check()`, a read after `this.count = ...`) takes the value already in a
 * register, until something may change fields: a call (user code), a store into a table
 * by index, a raw store, or a store of the same name into any object (it may be this one).
 * Only names no method has take part (lower.c): a method comes back as a new bound method.
 * The facts flow into a block from its only predecessor. */
enum { MAX_FIELD_FACTS = 8 };

typedef struct FieldFacts {
    int n;
    int obj[MAX_FIELD_FACTS];
    int64_t name[MAX_FIELD_FACTS];
    int vreg[MAX_FIELD_FACTS];
} FieldFacts;

static void fields_forget(FieldFacts *g, int v, int64_t name) {   /* v or name: -1 = none */
    int k = 0;
    for (int i = 0; i < g->n; i++) {
        if (g->obj[i] == v || g->vreg[i] == v || g->name[i] == name) continue;
        g->obj[k] = g->obj[i];
        g->name[k] = g->name[i];
        g->vreg[k++] = g->vreg[i];
    }
    g->n = k;
}

static void fields_note(FieldFacts *g, int obj, int64_t name, int v) {
    if (g->n == MAX_FIELD_FACTS) fields_forget(g, g->obj[0], -1);
    g->obj[g->n] = obj;
    g->name[g->n] = name;
    g->vreg[g->n++] = v;
}

static void forward_fields_block(IrBlock *b, FieldFacts *g) {
    for (int k = 0; k < b->nins; k++) {
        IrInstr *in = &b->ins[k];
        switch (in->op) {
        case IR_PROP_GET: {
            int found = -1;
            for (int i = 0; in->imm2 && i < g->n; i++)
                if (g->obj[i] == in->a && g->name[i] == in->imm2) found = g->vreg[i];
            fields_forget(g, in->dst, -1);
            if (found >= 0 && found != in->dst) {
                in->op = IR_MOV;
                in->a = found;
                in->b = -1;
                in->imm = in->imm2 = 0;
            } else if (in->imm2 && in->a != in->dst) {
                fields_note(g, in->a, in->imm2, in->dst);
            }
            break;
        }
        case IR_PROP_SET:
            fields_forget(g, in->dst, in->imm2);
            if (in->a != in->dst && in->args[0].v != in->dst)
                fields_note(g, in->a, in->imm2, (int)in->args[0].v);
            break;
        case IR_CALL: case IR_RTCALL: case IR_TABLE_CALL: case IR_INVOKE: case IR_INDEX_SET:
        case IR_STORE:
            g->n = 0;
            break;
        default:
            if (in->dst >= 0) fields_forget(g, in->dst, -1);
            break;
        }
    }
}

static void forward_fields(IrFunc *f) {
    if (f->nblocks <= 0) return;
    int *pred = malloc((size_t)f->nblocks * sizeof *pred);
    FieldFacts *out = calloc((size_t)f->nblocks, sizeof *out);
    single_preds(f, pred);
    for (int i = 0; i < f->nblocks; i++) {
        if (pred[i] >= 0 && pred[i] < i) out[i] = out[pred[i]];
        forward_fields_block(f->blocks[i], &out[i]);
    }
    free(out);
    free(pred);
}

/* ---- Globals kept in registers through loops ----
 * In a loop that calls nothing only the loop itself changes globals.  A global it reads
 * (always one surely defined, so that reading it early cannot fail) is then loaded once
 * before the loop into a fresh vreg, which every store of the loop updates as well; the
 * stores stay, so memory is always right.  A loop is a header with back edges (from blocks
 * later in the layout) and the blocks that reach them without passing the header; it must
 * be entered only at the header, from one block (where the load goes). */
enum { MAX_PROMOTED = 8 };

static int calls_out(IrOp op) {
    return op == IR_CALL || op == IR_RTCALL || op == IR_TABLE_CALL || op == IR_INVOKE;
}

static void insert_instr(IrBlock *b, int pos, const IrInstr *in) {
    if (b->nins == b->cap) {
        b->cap = b->cap ? 2 * b->cap : 8;
        b->ins = realloc(b->ins, b->cap * sizeof *b->ins);
    }
    memmove(b->ins + pos + 1, b->ins + pos, (size_t)(b->nins - pos) * sizeof *b->ins);
    b->ins[pos] = *in;
    b->nins++;
}

/* Predecessor lists of every block, in one array: pred[first[i] .. first[i + 1]). */
typedef struct Preds { int *first, *pred; } Preds;

static Preds find_preds(const IrFunc *f) {
    int nb = f->nblocks;
    Preds p = {calloc((size_t)nb + 1, sizeof *p.first), NULL};
    int *fill = calloc((size_t)nb + 1, sizeof *fill);
    for (int i = 0; i < nb; i++) {
        int ids[3];
        successors(f, i, ids);
        for (int s = 0; s < 3; s++)
            if (ids[s] >= 0) p.first[ids[s] + 1]++;
    }
    for (int i = 0; i < nb; i++) p.first[i + 1] += p.first[i];
    p.pred = malloc(((size_t)p.first[nb] + 1) * sizeof *p.pred);
    for (int i = 0; i < nb; i++) {
        int ids[3];
        successors(f, i, ids);
        for (int s = 0; s < 3; s++)
            if (ids[s] >= 0) p.pred[p.first[ids[s]] + fill[ids[s]]++] = i;
    }
    free(fill);
    return p;
}

/* The loop of header h into body (its blocks, h first, marked in in_body): *n gets their
 * number; returns 0 when h heads no loop (no back edge, or a block of it is reached from the
 * function's entry without passing h) or one entered elsewhere than from one block *entry. */
static int natural_loop(const Preds *p, int h, int *body, int *nbody, uint8_t *in_body,
                        int *entry) {
    int n = 0, latch = 0;
    body[n++] = h;
    in_body[h] = 1;
    for (int q = p->first[h]; q < p->first[h + 1]; q++) {
        int l = p->pred[q];
        if (l < h || in_body[l]) continue;
        latch = 1;
        in_body[l] = 1;
        body[n++] = l;
    }
    for (int k = 1; k < n; k++)   /* walk back from the latches to the header */
        for (int q = p->first[body[k]]; q < p->first[body[k] + 1]; q++) {
            int b = p->pred[q];
            if (!in_body[b]) {
                in_body[b] = 1;
                body[n++] = b;
            }
        }
    int ok = latch && !in_body[0];
    *entry = -1;
    for (int q = p->first[h]; ok && q < p->first[h + 1]; q++) {
        int b = p->pred[q];
        if (in_body[b]) continue;
        if (*entry >= 0 && *entry != b) ok = 0;
        *entry = b;
    }
    *nbody = n;
    return ok && *entry >= 0;
}

/* The globals the loop may keep in registers: read only where surely defined. */
static int promotable_slots(const IrFunc *f, const int *body, int n, int64_t *slot) {
    int ns = 0;
    int64_t bad[MAX_PROMOTED * 4];
    int nbad = 0;
    for (int j = 0; j < n; j++)
        for (int k = 0; k < f->blocks[body[j]]->nins; k++) {
            const IrInstr *in = &f->blocks[body[j]]->ins[k];
            if (calls_out(in->op)) return 0;
            if (in->op != IR_GLOBAL_GET) continue;
            int seen = 0;
            for (int i = 0; i < ns; i++) seen |= slot[i] == in->imm;
            if (in->imm2 >= 0) {
                if (nbad == MAX_PROMOTED * 4) return 0;
                bad[nbad++] = in->imm;
            } else if (!seen && ns < MAX_PROMOTED) {
                slot[ns++] = in->imm;
            }
        }
    int k = 0;
    for (int i = 0; i < ns; i++) {
        int ok = 1;
        for (int b = 0; b < nbad; b++) ok &= bad[b] != slot[i];
        if (ok) slot[k++] = slot[i];
    }
    return k;
}

static void promote_slot(IrFunc *f, const int *body, int n, int entry, int64_t slot) {
    int g = ir_vreg(f);
    IrBlock *e = f->blocks[entry];
    int at = e->nins && ir_is_terminator(e->ins[e->nins - 1].op) ? e->nins - 1 : e->nins;
    IrInstr load = {.op = IR_GLOBAL_GET, .dst = g, .a = -1, .b = -1, .imm = slot, .imm2 = -1,
                    .line = at < e->nins ? e->ins[at].line : f->line};
    insert_instr(e, at, &load);
    for (int j = 0; j < n; j++) {
        IrBlock *b = f->blocks[body[j]];
        for (int k = 0; k < b->nins; k++) {
            IrInstr *in = &b->ins[k];
            if (in->op == IR_GLOBAL_GET && in->imm == slot) {
                in->op = IR_MOV;
                in->a = g;
                in->imm = in->imm2 = 0;
            } else if ((in->op == IR_GLOBAL_SET || in->op == IR_GLOBAL_DEF) && in->imm == slot) {
                IrInstr copy = {.op = IR_MOV, .dst = g, .a = in->a, .b = -1, .line = in->line};
                insert_instr(b, ++k, &copy);
            }
        }
    }
}

static void promote_loop_globals(IrFunc *f) {
    int nb = f->nblocks;
    if (nb <= 1) return;
    Preds p = find_preds(f);
    int *body = malloc((size_t)nb * sizeof *body);
    uint8_t *in_body = calloc((size_t)nb, 1);
    for (int h = 1; h < nb; h++) {
        int entry, n;
        if (natural_loop(&p, h, body, &n, in_body, &entry)) {
            int64_t slot[MAX_PROMOTED];
            int ns = promotable_slots(f, body, n, slot);
            for (int j = 0; j < ns; j++) promote_slot(f, body, n, entry, slot[j]);
        }
        for (int j = 0; j < n; j++) in_body[body[j]] = 0;
    }
    free(in_body);
    free(body);
    free(p.first);
    free(p.pred);
}

void ir_optimize(IrFunc *f, int opt_level) {
    thread_jumps(f);
    remove_unreachable(f);
    if (opt_level == 0) return;
    while (fold_constants(f)) {
        thread_jumps(f);
        remove_unreachable(f);
    }
    promote_loop_globals(f);
    forward_globals(f);
    forward_fields(f);
    int *uses = malloc((f->nvregs + 1) * sizeof *uses);
    for (;;) {
        for (int v = 0; v <= f->nvregs; v++) uses[v] = 0;
        count_uses(f, uses);
        if (!remove_dead(f, uses)) break;
    }
    free(uses);
    prove_numbers(f);
}
