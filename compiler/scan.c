/* scan.c — turns Sox source text into tokens (SOX_LANGUAGE.md §2).
 *
 * Newlines only advance the line counter.  Numbers are DIGITS ("." DIGITS)?; the
 * value is computed later by the parser from the token text alone, so `1e3` is
 * the number 1 followed by the identifier `e3` (unlike the reference, which lets
 * strtod read past the token).  Keywords are matched exactly (the reference's
 * `d??er` quirk is not copied). */
#include "compiler/scan.h"
#include "common/buf.h"
#include <string.h>

static const struct { const char *text; TokenKind kind; } keywords[] = {
    {"and", TOK_AND},       {"assert", TOK_ASSERT},     {"break", TOK_BREAK},
    {"case", TOK_CASE},     {"class", TOK_CLASS},       {"continue", TOK_CONTINUE},
    {"default", TOK_DEFAULT}, {"defer", TOK_DEFER},     {"else", TOK_ELSE},
    {"false", TOK_FALSE},   {"fn", TOK_FN},             {"for", TOK_FOR},
    {"foreach", TOK_FOREACH}, {"if", TOK_IF},           {"import", TOK_IMPORT},
    {"in", TOK_IN},         {"nil", TOK_NIL},           {"or", TOK_OR},
    {"print", TOK_PRINT},   {"return", TOK_RETURN},     {"super", TOK_SUPER},
    {"switch", TOK_SWITCH}, {"this", TOK_THIS},         {"true", TOK_TRUE},
    {"var", TOK_VAR},       {"while", TOK_WHILE},
};

static const char *const kind_names[TOK_COUNT] = {
    [TOK_LEFT_PAREN] = "'('", [TOK_RIGHT_PAREN] = "')'", [TOK_LEFT_BRACE] = "'{'",
    [TOK_RIGHT_BRACE] = "'}'", [TOK_LEFT_BRACKET] = "'['", [TOK_RIGHT_BRACKET] = "']'",
    [TOK_COMMA] = "','", [TOK_DOT] = "'.'", [TOK_SEMICOLON] = "';'", [TOK_COLON] = "':'",
    [TOK_HASH] = "'#'", [TOK_MINUS] = "'-'", [TOK_PLUS] = "'+'", [TOK_SLASH] = "'/'",
    [TOK_STAR] = "'*'", [TOK_BANG] = "'!'", [TOK_BANG_EQUAL] = "'!='", [TOK_EQUAL] = "'='",
    [TOK_EQUAL_EQUAL] = "'=='", [TOK_LESS] = "'<'", [TOK_LESS_EQUAL] = "'<='",
    [TOK_GREATER] = "'>'", [TOK_GREATER_EQUAL] = "'>='", [TOK_IDENTIFIER] = "identifier",
    [TOK_STRING] = "string", [TOK_NUMBER] = "number", [TOK_ERROR] = "error",
    [TOK_EOF] = "end of file",
};

const char *token_kind_name(TokenKind k) {
    if (k >= TOK_AND && k <= TOK_WHILE)
        return keywords[k - TOK_AND].text;
    return k < TOK_COUNT && kind_names[k] ? kind_names[k] : "?";
}

static int is_alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int at_end(Scanner *s) { return s->cur >= s->end; }
static char peek(Scanner *s) { return at_end(s) ? '\0' : *s->cur; }
static char peek_next(Scanner *s) { return s->cur + 1 >= s->end ? '\0' : s->cur[1]; }

static char advance(Scanner *s) {
    char c = *s->cur++;
    if (c == '\n') {
        s->line++;
        s->line_start = s->cur;
    }
    return c;
}

static Token make(Scanner *s, TokenKind kind) {
    return (Token){kind, s->start, (int)(s->cur - s->start), s->tok_line,
                   (int)(s->start - s->tok_line_start) + 1, s->tok_line_start};
}

/* Errors are reported where the scanner stands when it notices them: for an
 * unterminated string that is the end of the file (the reference's line). */
static Token error_token(Scanner *s, const char *message, const char *where) {
    int line = where == s->start ? s->tok_line : s->line;
    const char *ls = where == s->start ? s->tok_line_start : s->line_start;
    return (Token){TOK_ERROR, message, (int)strlen(message), line, (int)(where - ls) + 1, ls};
}

static void skip_space_and_comments(Scanner *s) {
    for (;;) {
        char c = peek(s);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            advance(s);
        } else if (c == '/' && peek_next(s) == '/') {
            while (!at_end(s) && peek(s) != '\n')
                advance(s);
        } else {
            return;
        }
    }
}

static TokenKind identifier_kind(const char *p, int len) {
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (keywords[i].text[0] == p[0] && (int)strlen(keywords[i].text) == len &&
            memcmp(keywords[i].text, p, len) == 0)
            return keywords[i].kind;
    return TOK_IDENTIFIER;
}

static Token scan_string(Scanner *s) {
    while (!at_end(s) && peek(s) != '"')
        advance(s);
    if (at_end(s))
        return error_token(s, "Unterminated string.", s->cur);
    advance(s);
    return make(s, TOK_STRING);
}

static Token scan_number(Scanner *s) {
    while (is_digit(peek(s)))
        advance(s);
    if (peek(s) == '.' && is_digit(peek_next(s))) {
        advance(s);
        while (is_digit(peek(s)))
            advance(s);
    }
    return make(s, TOK_NUMBER);
}

/* Punctuation that is one character, or two when followed by '='. */
static TokenKind punct_kind(Scanner *s, char c) {
    switch (c) {
    case '(': return TOK_LEFT_PAREN;
    case ')': return TOK_RIGHT_PAREN;
    case '{': return TOK_LEFT_BRACE;
    case '}': return TOK_RIGHT_BRACE;
    case '[': return TOK_LEFT_BRACKET;
    case ']': return TOK_RIGHT_BRACKET;
    case ',': return TOK_COMMA;
    case '.': return TOK_DOT;
    case ';': return TOK_SEMICOLON;
    case ':': return TOK_COLON;
    case '#': return TOK_HASH;
    case '-': return TOK_MINUS;
    case '+': return TOK_PLUS;
    case '/': return TOK_SLASH;
    case '*': return TOK_STAR;
    }
    int eq = peek(s) == '=';
    switch (c) {
    case '!': return eq ? (advance(s), TOK_BANG_EQUAL) : TOK_BANG;
    case '=': return eq ? (advance(s), TOK_EQUAL_EQUAL) : TOK_EQUAL;
    case '<': return eq ? (advance(s), TOK_LESS_EQUAL) : TOK_LESS;
    case '>': return eq ? (advance(s), TOK_GREATER_EQUAL) : TOK_GREATER;
    }
    return TOK_ERROR;
}

Token scan_next(Scanner *s) {
    skip_space_and_comments(s);
    s->start = s->cur;
    s->tok_line = s->line;
    s->tok_line_start = s->line_start;
    if (at_end(s))
        return make(s, TOK_EOF);
    char c = advance(s);
    if (is_alpha(c)) {
        while (is_alpha(peek(s)) || is_digit(peek(s)))
            advance(s);
        return make(s, identifier_kind(s->start, (int)(s->cur - s->start)));
    }
    if (is_digit(c))
        return scan_number(s);
    if (c == '"')
        return scan_string(s);
    TokenKind k = punct_kind(s, c);
    if (k == TOK_ERROR)
        return error_token(s, "Unexpected character.", s->start);
    return make(s, k);
}

void scan_init(Scanner *s, const char *src, size_t len) {
    *s = (Scanner){.end = src + len, .cur = src, .line_start = src, .line = 1};
}
