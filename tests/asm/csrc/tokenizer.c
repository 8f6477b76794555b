/* A small tokenizer: a state machine over characters with a keyword table. */
#include <ctype.h>
#include <string.h>
#include <stdio.h>

enum Kind { T_EOF, T_IDENT, T_NUMBER, T_STRING, T_PUNCT, T_KEYWORD, T_ERROR };
typedef struct Token { enum Kind kind; const char *start; int len; int line; double number; } Token;
typedef struct Lexer { const char *p; int line; } Lexer;

static const char *keywords[] = { "and", "class", "else", "false", "for", "fun", "if", "nil",
                                  "or", "print", "return", "super", "this", "true", "var", "while" };

static int is_keyword(const char *s, int n) {
    int lo = 0, hi = (int)(sizeof keywords / sizeof *keywords) - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        int c = strncmp(s, keywords[mid], (size_t)n);
        if (c == 0 && keywords[mid][n] == 0) return 1;
        if (c < 0 || (c == 0)) hi = mid - 1; else lo = mid + 1;
    }
    return 0;
}

Token next_token(Lexer *lx) {
    Token t = { T_EOF, lx->p, 0, lx->line, 0 };
    for (;;) {
        char c = *lx->p;
        if (c == '\n') { lx->line++; lx->p++; }
        else if (c == ' ' || c == '\t' || c == '\r') lx->p++;
        else if (c == '/' && lx->p[1] == '/') { while (*lx->p && *lx->p != '\n') lx->p++; }
        else break;
    }
    t.start = lx->p;
    t.line = lx->line;
    char c = *lx->p;
    if (!c) return t;
    if (isalpha((unsigned char)c) || c == '_') {
        while (isalnum((unsigned char)*lx->p) || *lx->p == '_') lx->p++;
        t.len = (int)(lx->p - t.start);
        t.kind = is_keyword(t.start, t.len) ? T_KEYWORD : T_IDENT;
    } else if (isdigit((unsigned char)c)) {
        double v = 0;
        while (isdigit((unsigned char)*lx->p)) v = v * 10 + (*lx->p++ - '0');
        if (*lx->p == '.' && isdigit((unsigned char)lx->p[1])) {
            double scale = 0.1;
            for (lx->p++; isdigit((unsigned char)*lx->p); lx->p++, scale /= 10) v += (*lx->p - '0') * scale;
        }
        t.kind = T_NUMBER;
        t.number = v;
        t.len = (int)(lx->p - t.start);
    } else if (c == '"') {
        lx->p++;
        while (*lx->p && *lx->p != '"') { if (*lx->p == '\n') lx->line++; lx->p++; }
        if (!*lx->p) { t.kind = T_ERROR; return t; }
        lx->p++;
        t.kind = T_STRING;
        t.len = (int)(lx->p - t.start);
    } else {
        switch (c) {
        case '!': case '=': case '<': case '>':
            lx->p += lx->p[1] == '=' ? 2 : 1; break;
        default: lx->p++;
        }
        t.kind = T_PUNCT;
        t.len = (int)(lx->p - t.start);
    }
    return t;
}

int count_tokens(const char *src, int counts[7]) {
    Lexer lx = { src, 1 };
    int n = 0;
    for (;;) {
        Token t = next_token(&lx);
        counts[t.kind]++;
        if (t.kind == T_EOF || t.kind == T_ERROR) break;
        n++;
    }
    printf("%d tokens, %d lines\n", n, lx.line);
    return n;
}
