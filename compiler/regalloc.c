/* regalloc.c — linear-scan register allocation over the IR.
 *
 * Live intervals come from a classic backward dataflow over the blocks (bitsets),
 * flattened to one [start, end] range per vreg in the linear instruction order;
 * a vreg live into or out of a block covers that whole block, so loops are handled.
 * The registers handed out are all callee-saved, so an interval that crosses a
 * call needs nothing special.  When the registers run out, the interval that ends
 * last is spilled to a stack slot (Poletto & Sarkar).  With -O0 every vreg gets a
 * stack slot.  Huge functions, whose bitsets would be too big (the top level of a
 * generated program), skip the dataflow: only the temporaries that live inside one
 * block compete for registers, every other vreg gets a stack slot. */
#include <stdlib.h>
#include <string.h>
#include "compiler/codegen_target.h"

typedef uint64_t Word;

typedef struct Interval { int vreg, start, end; } Interval;

static int word_count(int nbits) { return (nbits + 63) / 64; }

static void all_spilled(FuncCtx *c) {
    const IrFunc *f = c->f;
    for (int v = 0; v < f->nvregs; v++) {
        c->reg[v] = -1;
        c->slot[v] = v;
    }
    c->nslots = f->nvregs;
}

/* The vregs an instruction reads. */
static int instr_uses(const IrInstr *in, int *out) {
    int n = 0;
    if (in->a >= 0) out[n++] = in->a;
    if (in->b >= 0) out[n++] = in->b;
    return n;
}

static void set_bit(Word *s, int i) { s[i / 64] |= (Word)1 << (i % 64); }
static int get_bit(const Word *s, int i) { return (s[i / 64] >> (i % 64)) & 1; }

static void successors(const IrBlock *b, const IrBlock **succ, int *n) {
    *n = 0;
    if (!b->nins) return;
    const IrInstr *last = &b->ins[b->nins - 1];
    if (last->target) succ[(*n)++] = last->target;
    if (last->target2) succ[(*n)++] = last->target2;
}

static void note(Interval *iv, int v, int pos) {
    if (iv[v].start < 0 || pos < iv[v].start) iv[v].start = pos;
    if (pos > iv[v].end) iv[v].end = pos;
}

/* Marks in cross the vregs live across an instruction that may call: those live after it
 * but its result, walking each block backwards from its live-out set. */
static void find_call_crossings(const FuncCtx *c, const Word *out, int nw, Word *cross) {
    const IrFunc *f = c->f;
    Word *live = xmalloc(((size_t)nw + 1) * sizeof *live);
    for (int i = 0; i < f->nblocks; i++) {
        const IrBlock *b = f->blocks[i];
        memcpy(live, out + (size_t)i * nw, (size_t)nw * sizeof *live);
        for (int k = b->nins - 1; k >= 0; k--) {
            const IrInstr *ins = &b->ins[k];
            if (ins->dst >= 0) live[ins->dst / 64] &= ~((Word)1 << (ins->dst % 64));
            if (cg_may_call(c, ins))
                for (int w = 0; w < nw; w++) cross[w] |= live[w];
            int uses[2 + 256], nu = instr_uses(ins, uses);
            for (int a = 0; a < ins->nargs && nu < (int)(sizeof uses / sizeof *uses); a++)
                if (ins->args[a].kind == ARG_VREG) uses[nu++] = (int)ins->args[a].v;
            for (int j = 0; j < nu; j++)
                if (!c->unmaterialized[uses[j]]) set_bit(live, uses[j]);
        }
    }
    free(live);
}

static void compute_intervals(const FuncCtx *c, Interval *iv, Word *cross) {
    const IrFunc *f = c->f;
    int nb = f->nblocks, nw = word_count(f->nvregs);
    Word *use = xcalloc((size_t)nb * nw + 1, sizeof(Word));
    Word *def = xcalloc((size_t)nb * nw + 1, sizeof(Word));
    Word *in = xcalloc((size_t)nb * nw + 1, sizeof(Word));
    Word *out = xcalloc((size_t)nb * nw + 1, sizeof(Word));
    int *first = xcalloc(nb + 1, sizeof *first), *last = xcalloc(nb + 1, sizeof *last);
    int pos = 0;
    for (int i = 0; i < nb; i++) {
        const IrBlock *b = f->blocks[i];
        Word *u = use + (size_t)i * nw, *d = def + (size_t)i * nw;
        first[i] = pos;
        for (int k = 0; k < b->nins; k++, pos += 2) {
            const IrInstr *ins = &b->ins[k];
            int uses[2 + 256], nu = instr_uses(ins, uses);
            for (int a = 0; a < ins->nargs && nu < (int)(sizeof uses / sizeof *uses); a++)
                if (ins->args[a].kind == ARG_VREG) uses[nu++] = (int)ins->args[a].v;
            for (int j = 0; j < nu; j++) {
                if (c->unmaterialized[uses[j]]) continue;   /* inlined by the emitters */
                if (!get_bit(d, uses[j])) set_bit(u, uses[j]);
                note(iv, uses[j], pos);
            }
            if (ins->dst >= 0 && !c->unmaterialized[ins->dst]) {
                set_bit(d, ins->dst);
                note(iv, ins->dst, pos + 1);
            }
        }
        last[i] = pos > first[i] ? pos - 1 : pos;
    }
    for (int changed = 1; changed;) {
        changed = 0;
        for (int i = nb - 1; i >= 0; i--) {
            const IrBlock *succ[2];
            int ns;
            successors(f->blocks[i], succ, &ns);
            Word *o = out + (size_t)i * nw, *ii = in + (size_t)i * nw;
            for (int s = 0; s < ns; s++) {
                const Word *si = in + (size_t)succ[s]->id * nw;
                for (int w = 0; w < nw; w++) o[w] |= si[w];
            }
            const Word *u = use + (size_t)i * nw, *d = def + (size_t)i * nw;
            for (int w = 0; w < nw; w++) {
                Word nv = u[w] | (o[w] & ~d[w]);
                if (nv != ii[w]) { ii[w] = nv; changed = 1; }
            }
        }
    }
    find_call_crossings(c, out, nw, cross);
    for (int i = 0; i < nb; i++) {   /* the sets are sparse: visit their members only */
        const Word *li = in + (size_t)i * nw, *lo = out + (size_t)i * nw;
        for (int w = 0; w < nw; w++) {
            for (Word m = li[w]; m; m &= m - 1) note(iv, w * 64 + __builtin_ctzll(m), first[i]);
            for (Word m = lo[w]; m; m &= m - 1) note(iv, w * 64 + __builtin_ctzll(m), last[i]);
        }
    }
    free(use); free(def); free(in); free(out); free(first); free(last);
}

/* Intervals without dataflow: a vreg all of whose appearances are in one block,
 * the first being a definition, lives from there to its last use in that block.
 * Every other vreg keeps start -1 (a stack slot). */
static void block_local_intervals(const FuncCtx *c, Interval *iv) {
    const IrFunc *f = c->f;
    int *home = xmalloc((f->nvregs + 1) * sizeof *home);
    uint8_t *crosses = xcalloc(f->nvregs + 1, 1);
    for (int v = 0; v < f->nvregs; v++) home[v] = -1;
    int pos = 0;
    for (int i = 0; i < f->nblocks; i++) {
        const IrBlock *b = f->blocks[i];
        for (int k = 0; k < b->nins; k++, pos += 2) {
            const IrInstr *ins = &b->ins[k];
            int uses[2 + 256], nu = instr_uses(ins, uses);
            for (int a = 0; a < ins->nargs && nu < (int)(sizeof uses / sizeof *uses); a++)
                if (ins->args[a].kind == ARG_VREG) uses[nu++] = (int)ins->args[a].v;
            for (int j = 0; j < nu; j++) {
                if (c->unmaterialized[uses[j]]) continue;   /* inlined by the emitters */
                if (home[uses[j]] != i) crosses[uses[j]] = 1;  /* live into the block */
                note(iv, uses[j], pos);
            }
            int d = ins->dst;
            if (d >= 0 && !c->unmaterialized[d]) {
                if (home[d] < 0) home[d] = i;
                else if (home[d] != i) crosses[d] = 1;
                note(iv, d, pos + 1);
            }
        }
    }
    for (int v = 0; v < f->nvregs; v++)
        if (crosses[v]) iv[v].start = iv[v].end = -1;
    free(home);
    free(crosses);
}

static int by_start(const void *a, const void *b) {
    const Interval *x = a, *y = b;
    return x->start != y->start ? x->start - y->start : x->vreg - y->vreg;
}

/* FP registers for the candidates (FuncCtx.fp_ok) that no call crosses, by linear scan;
 * they leave the competition for the integer registers.  A candidate that finds none
 * free stays with the others. */
static void allocate_fp(FuncCtx *c, Interval *iv, const Word *cross, int nfp) {
    const IrFunc *f = c->f;
    c->fp = xmalloc((f->nvregs + 1) * sizeof *c->fp);
    memset(c->fp, -1, (f->nvregs + 1) * sizeof *c->fp);
    if (nfp <= 0) return;
    int ncalls = 0, pos = 0, cap = 16;
    int *calls = xmalloc(cap * sizeof *calls);   /* positions of instructions that may call */
    for (int i = 0; !cross && i < f->nblocks; i++)   /* (only without the dataflow's answer) */
        for (int k = 0; k < f->blocks[i]->nins; k++, pos += 2)
            if (cg_may_call(c, &f->blocks[i]->ins[k])) {
                if (ncalls == cap) calls = xrealloc(calls, (cap *= 2) * sizeof *calls);
                calls[ncalls++] = pos;
            }
    Interval *order = xcalloc(f->nvregs + 1, sizeof *order);
    int n = 0;
    for (int v = 0; v < f->nvregs; v++) {
        if (!c->fp_ok[v] || iv[v].start < 0) continue;
        if (cross) {   /* from the dataflow: exact */
            if (!get_bit(cross, v)) order[n++] = iv[v];
            continue;
        }
        int lo = 0, hi = ncalls;   /* the first call at or after the start (one block) */
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (calls[mid] < iv[v].start) lo = mid + 1; else hi = mid;
        }
        if (lo < ncalls && calls[lo] <= iv[v].end) continue;
        order[n++] = iv[v];
    }
    qsort(order, n, sizeof *order, by_start);
    int end_of[32];
    unsigned busy = 0;
    for (int i = 0; i < n; i++) {
        for (int r = 0; r < nfp; r++)
            if ((busy >> r & 1) && end_of[r] < order[i].start) busy &= ~(1u << r);
        if (busy == (nfp >= 32 ? ~0u : (1u << nfp) - 1)) continue;
        int r = __builtin_ctz(~busy);
        busy |= 1u << r;
        end_of[r] = order[i].end;
        c->fp[order[i].vreg] = (int8_t)r;
        iv[order[i].vreg].start = iv[order[i].vreg].end = -1;   /* not for the integer scan */
    }
    free(order);
    free(calls);
}

void regalloc(FuncCtx *c, int nregs, int nfp, int opt_level) {
    const IrFunc *f = c->f;
    c->reg = xcalloc(f->nvregs + 1, sizeof *c->reg);
    c->slot = xcalloc(f->nvregs + 1, sizeof *c->slot);
    c->used_regs = 0;
    double bits = (double)f->nblocks * f->nvregs;
    Interval *iv = xcalloc(f->nvregs + 1, sizeof *iv);
    for (int v = 0; v < f->nvregs; v++) iv[v] = (Interval){v, -1, -1};
    if (opt_level == 0) {
        allocate_fp(c, iv, NULL, 0);
        free(iv);
        all_spilled(c);
        return;
    }
    Word *cross = NULL;
    if (bits > 64e6) {
        block_local_intervals(c, iv);   /* its intervals lie in one block each */
    } else {
        cross = xcalloc((size_t)word_count(f->nvregs) + 1, sizeof *cross);
        compute_intervals(c, iv, cross);
    }
    allocate_fp(c, iv, cross, nfp);
    free(cross);
    Interval *order = xcalloc(f->nvregs + 1, sizeof *order);
    int n = 0;
    for (int v = 0; v < f->nvregs; v++) {
        c->reg[v] = -1;
        c->slot[v] = -1;
        if (iv[v].start >= 0) order[n++] = iv[v];
    }
    qsort(order, n, sizeof *order, by_start);
    Interval *active[32];
    int nactive = 0;
    unsigned free_regs = nregs >= 32 ? ~0u : (1u << nregs) - 1;
    for (int i = 0; i < n; i++) {
        Interval *cur = &order[i];
        /* expire intervals that ended before this one starts */
        int k = 0;
        for (int j = 0; j < nactive; j++) {
            if (active[j]->end < cur->start) free_regs |= 1u << c->reg[active[j]->vreg];
            else active[k++] = active[j];
        }
        nactive = k;
        if (free_regs) {
            int r = __builtin_ctz(free_regs);
            free_regs &= ~(1u << r);
            c->reg[cur->vreg] = r;
            c->used_regs |= 1u << r;
            active[nactive++] = cur;
            continue;
        }
        int victim = 0;
        for (int j = 1; j < nactive; j++)
            if (active[j]->end > active[victim]->end) victim = j;
        if (nactive && active[victim]->end > cur->end) {
            int r = c->reg[active[victim]->vreg];
            c->reg[active[victim]->vreg] = -1;
            c->slot[active[victim]->vreg] = c->nslots++;
            c->reg[cur->vreg] = r;
            active[victim] = cur;
        } else {
            c->slot[cur->vreg] = c->nslots++;
        }
    }
    /* vregs never used still need a home for their (dead) definitions */
    for (int v = 0; v < f->nvregs; v++)
        if (c->reg[v] < 0 && c->slot[v] < 0 && c->fp[v] < 0) c->slot[v] = c->nslots++;
    free(iv);
    free(order);
}
