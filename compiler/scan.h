/* scan.h — the Sox scanner (SOX_LANGUAGE.md §2).
 *
 * Tokens are produced on demand (no token array: large programs stay small in
 * memory); the parser looks one token past `current` by scanning from a copy of
 * the Scanner.  Scanner errors become TOK_ERROR tokens whose text is the message;
 * the parser reports them when it reaches them, in source order with its own
 * errors (as clox does). */
#ifndef SOX_SCAN_H
#define SOX_SCAN_H
#include <stddef.h>

typedef enum TokenKind {
    /* punctuation */
    TOK_LEFT_PAREN, TOK_RIGHT_PAREN, TOK_LEFT_BRACE, TOK_RIGHT_BRACE,
    TOK_LEFT_BRACKET, TOK_RIGHT_BRACKET, TOK_COMMA, TOK_DOT, TOK_SEMICOLON,
    TOK_COLON, TOK_HASH, TOK_MINUS, TOK_PLUS, TOK_SLASH, TOK_STAR,
    TOK_BANG, TOK_BANG_EQUAL, TOK_EQUAL, TOK_EQUAL_EQUAL,
    TOK_LESS, TOK_LESS_EQUAL, TOK_GREATER, TOK_GREATER_EQUAL,
    /* literals */
    TOK_IDENTIFIER, TOK_STRING, TOK_NUMBER,
    /* keywords (26) */
    TOK_AND, TOK_ASSERT, TOK_BREAK, TOK_CASE, TOK_CLASS, TOK_CONTINUE, TOK_DEFAULT,
    TOK_DEFER, TOK_ELSE, TOK_FALSE, TOK_FN, TOK_FOR, TOK_FOREACH, TOK_IF, TOK_IMPORT,
    TOK_IN, TOK_NIL, TOK_OR, TOK_PRINT, TOK_RETURN, TOK_SUPER, TOK_SWITCH, TOK_THIS,
    TOK_TRUE, TOK_VAR, TOK_WHILE,
    TOK_ERROR, TOK_EOF,
    TOK_COUNT
} TokenKind;

typedef struct Token {
    TokenKind kind;
    const char *start;          /* into the source; for TOK_ERROR the message */
    int len;
    int line, col;              /* 1-based */
    const char *line_start;     /* start of the source line of `start` (diagnostics) */
} Token;

typedef struct Scanner {
    const char *end;
    const char *start, *cur;    /* current token [start, cur) */
    const char *line_start;     /* start of the line holding `cur` */
    int line;
    int tok_line;               /* line and line start where the token began */
    const char *tok_line_start;
} Scanner;

/* src is len bytes; the tokens point into it.  After the end, scan_next keeps
 * returning TOK_EOF. */
void scan_init(Scanner *s, const char *src, size_t len);
Token scan_next(Scanner *s);
const char *token_kind_name(TokenKind k);
#endif
