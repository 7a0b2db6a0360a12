/*
 * qjson.c - streaming JSON reader and QEMU-compatible writer for QMP.
 *
 * The reader is a lexer that keeps its state across reads, a pair of
 * brace/bracket counters that say when a top-level value is complete (as
 * QEMU's json-streamer does), and a recursive-descent parser over the
 * tokens of that value. The writer is in qjson-write.c.
 */
#include "monitor/qjson.h"
#include "monitor/qapi-runtime.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

typedef enum {
    TOK_LCURLY,
    TOK_RCURLY,
    TOK_LSQUARE,
    TOK_RSQUARE,
    TOK_COLON,
    TOK_COMMA,
    TOK_STRING,
    TOK_INTEGER,
    TOK_FLOAT,
    TOK_KEYWORD,
} TokType;

typedef struct Token {
    TokType type;
    char *text;               /* STRING (with its quotes), numbers, keywords */
} Token;

typedef enum {
    LEX_START,
    LEX_STRING,
    LEX_STRING_ESCAPE,
    LEX_NUMBER,
    LEX_KEYWORD,
} LexState;

struct JsonStreamer {
    LexState state;
    char quote;
    GString *tok;             /* text of the token being lexed */
    GArray *tokens;           /* Token, of the value being read */
    int braces;
    int brackets;
    size_t size;              /* bytes of the current value so far */
    size_t max_size;
    size_t token_text;        /* bytes held by the texts in tokens */
    bool in_value;
    /* the value went over max_size and its error was reported at once: the
     * rest of it is lexed only to find its end, and then forgotten */
    bool discard;
    /* set on the first error inside a value: the rest of the value is
     * lexed only to find its end, then this error is reported */
    GError *error;
};

static void clear_token(gpointer p)
{
    Token *t = p;
    g_free(t->text);
}

JsonStreamer *json_streamer_new(size_t max_size)
{
    JsonStreamer *s = g_new0(JsonStreamer, 1);
    s->tok = g_string_new(NULL);
    s->tokens = g_array_new(FALSE, FALSE, sizeof(Token));
    g_array_set_clear_func(s->tokens, clear_token);
    s->max_size = max_size ? max_size : QJSON_DEFAULT_MAX_SIZE;
    return s;
}

void json_streamer_free(JsonStreamer *s)
{
    if (!s) {
        return;
    }
    g_string_free(s->tok, TRUE);
    g_array_free(s->tokens, TRUE);
    g_clear_error(&s->error);
    g_free(s);
}

/* Buffers kept across values; one huge value must not pin its memory. */
#define KEEP_TOKEN_TEXT 4096
#define KEEP_TOKENS 1024

static void clear_tokens(JsonStreamer *s)
{
    if (s->tokens->len > KEEP_TOKENS) {
        g_array_free(s->tokens, TRUE);
        s->tokens = g_array_new(FALSE, FALSE, sizeof(Token));
        g_array_set_clear_func(s->tokens, clear_token);
    } else {
        g_array_set_size(s->tokens, 0);
    }
    s->token_text = 0;
}

static void reset_value(JsonStreamer *s)
{
    clear_tokens(s);
    if (s->tok->allocated_len > KEEP_TOKEN_TEXT) {
        g_string_free(s->tok, TRUE);
        s->tok = g_string_new(NULL);
    }
    s->braces = s->brackets = 0;
    s->size = 0;
    s->in_value = false;
    s->discard = false;
    g_clear_error(&s->error);
}

size_t json_streamer_buffered(const JsonStreamer *s)
{
    return s->tok->allocated_len + s->tokens->len * sizeof(Token) + s->token_text;
}

static void fail(JsonStreamer *s, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

static void fail(JsonStreamer *s, const char *fmt, ...)
{
    if (s->error) {
        return;               /* the first error of a value is the one reported */
    }
    va_list ap;
    va_start(ap, fmt);
    g_autofree char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    s->error = g_error_new_literal(QAPI_ERROR, QAPI_ERROR_CLASS_GENERIC_ERROR, msg);
    clear_tokens(s);
}

/* ------------------------------------------------------------ parser */

typedef struct Parser {
    Token *tok;
    guint n;
    guint pos;
    GError *err;
    unsigned depth;
} Parser;

static void parse_error(Parser *p, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

static void parse_error(Parser *p, const char *fmt, ...)
{
    if (p->err) {
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    g_autofree char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    p->err = g_error_new(QAPI_ERROR, QAPI_ERROR_CLASS_GENERIC_ERROR, "JSON parse error, %s",
                         msg);
}

static Token *peek(Parser *p)
{
    return p->pos < p->n ? &p->tok[p->pos] : NULL;
}

static Token *next(Parser *p)
{
    return p->pos < p->n ? &p->tok[p->pos++] : NULL;
}

static int hexval(char c)
{
    return g_ascii_xdigit_value(c);
}

static bool read_hex4(const char *p, unsigned *out)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        int d = hexval(p[i]);
        if (d < 0) {
            return false;
        }
        v = v << 4 | d;
    }
    *out = v;
    return true;
}

static JsonNode *parse_string(Parser *p, const Token *t)
{
    const char *s = t->text;
    char quote = *s++;
    GString *out = g_string_new(NULL);
    while (*s && *s != quote) {
        if (*s != '\\') {
            g_string_append_c(out, *s++);
            continue;
        }
        s++;
        switch (*s) {
        case '"': case '\'': case '\\': case '/':
            g_string_append_c(out, *s++);
            break;
        case 'b': g_string_append_c(out, '\b'); s++; break;
        case 'f': g_string_append_c(out, '\f'); s++; break;
        case 'n': g_string_append_c(out, '\n'); s++; break;
        case 'r': g_string_append_c(out, '\r'); s++; break;
        case 't': g_string_append_c(out, '\t'); s++; break;
        case 'u': {
            unsigned cp, lo;
            if (!read_hex4(s + 1, &cp)) {
                parse_error(p, "invalid hex escape sequence in string");
                goto bad;
            }
            s += 5;
            if (cp >= 0xd800 && cp <= 0xdbff) {
                if (s[0] != '\\' || s[1] != 'u' || !read_hex4(s + 2, &lo) ||
                    lo < 0xdc00 || lo > 0xdfff) {
                    parse_error(p, "missing \\uDC00-\\uDFFF after \\u%04X", cp);
                    goto bad;
                }
                s += 6;
                cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
            } else if (cp >= 0xdc00 && cp <= 0xdfff) {
                parse_error(p, "\\u%04X is not a valid Unicode character", cp);
                goto bad;
            } else if (cp == 0) {
                parse_error(p, "\\u0000 is not supported");
                goto bad;
            }
            g_string_append_unichar(out, cp);
            break;
        }
        default:
            parse_error(p, "invalid escape sequence in string");
            goto bad;
        }
    }
    if (!g_utf8_validate(out->str, out->len, NULL)) {
        parse_error(p, "invalid UTF-8 sequence in string");
        goto bad;
    }
    JsonNode *n = json_node_new(JSON_NODE_VALUE);
    json_node_set_string(n, out->str);
    g_string_free(out, TRUE);
    return n;
bad:
    g_string_free(out, TRUE);
    return NULL;
}

static JsonNode *parse_value(Parser *p);

static JsonNode *parse_object(Parser *p)
{
    next(p);                                  /* { */
    JsonObject *obj = json_object_new();
    JsonNode *node = json_node_new(JSON_NODE_OBJECT);
    json_node_take_object(node, obj);
    Token *t = peek(p);
    if (!t) {
        parse_error(p, "premature EOI");
        goto bad;
    }
    if (t->type == TOK_RCURLY) {
        next(p);
        return node;
    }
    for (;;) {
        Token *key = peek(p);
        if (!key || key->type != TOK_STRING) {
            parse_error(p, key ? "key is not a string in object" : "premature EOI");
            goto bad;
        }
        JsonNode *k = parse_string(p, next(p));
        if (!k) {
            goto bad;
        }
        Token *colon = next(p);
        if (!colon || colon->type != TOK_COLON) {
            json_node_unref(k);
            parse_error(p, colon ? "missing : in object pair" : "premature EOI");
            goto bad;
        }
        JsonNode *v = parse_value(p);
        if (!v) {
            json_node_unref(k);
            parse_error(p, "Missing value in dict");
            goto bad;
        }
        json_object_set_member(obj, json_node_get_string(k), v);   /* last one wins */
        json_node_unref(k);
        Token *sep = next(p);
        if (!sep) {
            parse_error(p, "premature EOI");
            goto bad;
        }
        if (sep->type == TOK_RCURLY) {
            return node;
        }
        if (sep->type != TOK_COMMA) {
            parse_error(p, "expected separator in dict");
            goto bad;
        }
    }
bad:
    json_node_unref(node);
    return NULL;
}

static JsonNode *parse_array(Parser *p)
{
    next(p);                                  /* [ */
    JsonArray *arr = json_array_new();
    JsonNode *node = json_node_new(JSON_NODE_ARRAY);
    json_node_take_array(node, arr);
    Token *t = peek(p);
    if (!t) {
        parse_error(p, "premature EOI");
        goto bad;
    }
    if (t->type == TOK_RSQUARE) {
        next(p);
        return node;
    }
    for (;;) {
        JsonNode *v = parse_value(p);
        if (!v) {
            parse_error(p, "expecting value");
            goto bad;
        }
        json_array_add_element(arr, v);
        Token *sep = next(p);
        if (!sep) {
            parse_error(p, "premature EOI");
            goto bad;
        }
        if (sep->type == TOK_RSQUARE) {
            return node;
        }
        if (sep->type != TOK_COMMA) {
            parse_error(p, "expected separator in list");
            goto bad;
        }
    }
bad:
    json_node_unref(node);
    return NULL;
}

static JsonNode *parse_number(Parser *p, const Token *t)
{
    JsonNode *n = json_node_new(JSON_NODE_VALUE);
    if (t->type == TOK_INTEGER) {
        errno = 0;
        gint64 v = g_ascii_strtoll(t->text, NULL, 10);
        if (errno != ERANGE) {
            json_node_set_int(n, v);
            return n;
        }
    }
    json_node_set_double(n, g_ascii_strtod(t->text, NULL));
    return n;
}

static JsonNode *parse_value(Parser *p)
{
    Token *t = peek(p);
    if (!t) {
        parse_error(p, "premature EOI");
        return NULL;
    }
    if (++p->depth > QJSON_MAX_NESTING + 1) {
        parse_error(p, "nesting too deep");
        return NULL;
    }
    JsonNode *n = NULL;
    switch (t->type) {
    case TOK_LCURLY:
        n = parse_object(p);
        break;
    case TOK_LSQUARE:
        n = parse_array(p);
        break;
    case TOK_STRING:
        n = parse_string(p, next(p));
        break;
    case TOK_INTEGER:
    case TOK_FLOAT:
        n = parse_number(p, next(p));
        break;
    case TOK_KEYWORD:
        next(p);
        if (!strcmp(t->text, "true") || !strcmp(t->text, "false")) {
            n = json_node_new(JSON_NODE_VALUE);
            json_node_set_boolean(n, t->text[0] == 't');
        } else if (!strcmp(t->text, "null")) {
            n = json_node_new(JSON_NODE_NULL);
        } else {
            parse_error(p, "invalid keyword '%s'", t->text);
        }
        break;
    default:
        parse_error(p, "expecting value");
        break;
    }
    p->depth--;
    return n;
}

static JsonNode *parse_tokens(Token *tok, guint n, GError **errp)
{
    Parser p = { .tok = tok, .n = n };
    JsonNode *v = parse_value(&p);
    if (v && p.pos < p.n) {
        json_node_unref(v);
        v = NULL;
        parse_error(&p, "unexpected %s after the value",
                    p.tok[p.pos].text ? p.tok[p.pos].text : "token");
    }
    if (!v) {
        g_propagate_error(errp, p.err);
        return NULL;
    }
    return v;
}

/* ------------------------------------------------------------ lexer */

static bool valid_number(const char *s, bool *is_float)
{
    *is_float = false;
    if (*s == '-') {
        s++;
    }
    if (*s == '0') {
        s++;
    } else if (g_ascii_isdigit(*s)) {
        while (g_ascii_isdigit(*s)) {
            s++;
        }
    } else {
        return false;
    }
    if (*s == '.') {
        *is_float = true;
        s++;
        if (!g_ascii_isdigit(*s)) {
            return false;
        }
        while (g_ascii_isdigit(*s)) {
            s++;
        }
    }
    if (*s == 'e' || *s == 'E') {
        *is_float = true;
        s++;
        if (*s == '+' || *s == '-') {
            s++;
        }
        if (!g_ascii_isdigit(*s)) {
            return false;
        }
        while (g_ascii_isdigit(*s)) {
            s++;
        }
    }
    return *s == '\0';
}

static void stray(JsonStreamer *s, const char *text)
{
    g_autofree char *esc = g_strescape(text, NULL);
    fail(s, "JSON parse error, stray '%s'", esc);
}

/* Adds a token to the value; returns true when the value is complete. */
static bool push_token(JsonStreamer *s, TokType type, const char *text)
{
    switch (type) {
    case TOK_LCURLY: s->braces++; break;
    case TOK_RCURLY: s->braces--; break;
    case TOK_LSQUARE: s->brackets++; break;
    case TOK_RSQUARE: s->brackets--; break;
    default: break;
    }
    if (s->braces + s->brackets > QJSON_MAX_NESTING) {
        fail(s, "JSON nesting depth limit exceeded (%d levels)", QJSON_MAX_NESTING);
    }
    if (!s->error && !s->discard) {
        Token t = { .type = type, .text = text ? g_strdup(text) : NULL };
        g_array_append_val(s->tokens, t);
        s->token_text += text ? strlen(text) + 1 : 0;
    }
    return s->braces < 0 || s->brackets < 0 || (s->braces == 0 && s->brackets == 0);
}

/* Returns false when the value was discarded (nothing to report). */
static bool finish_value(JsonStreamer *s, JsonNode **value, GError **err)
{
    if (s->discard) {
        reset_value(s);
        return false;
    }
    if (s->error) {
        *err = s->error;
        s->error = NULL;
    } else {
        *value = parse_tokens((Token *)s->tokens->data, s->tokens->len, err);
    }
    reset_value(s);
    return true;
}

/* Ends a number or keyword token; returns true when the value is complete. */
static bool end_atom(JsonStreamer *s)
{
    LexState st = s->state;
    s->state = LEX_START;
    if (s->error || s->discard) {
        return s->braces <= 0 && s->brackets <= 0;
    }
    if (st == LEX_KEYWORD) {
        return push_token(s, TOK_KEYWORD, s->tok->str);
    }
    bool is_float;
    if (!valid_number(s->tok->str, &is_float)) {
        stray(s, s->tok->str);
        return s->braces <= 0 && s->brackets <= 0;
    }
    return push_token(s, is_float ? TOK_FLOAT : TOK_INTEGER, s->tok->str);
}

size_t json_streamer_feed(JsonStreamer *s, const char *buf, size_t len,
                          JsonNode **value, GError **err)
{
    *value = NULL;
    *err = NULL;
    size_t i = 0;
    while (i < len) {
        char c = buf[i];
        bool done = false;
        switch (s->state) {
        case LEX_START:
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                break;
            }
            s->in_value = true;
            switch (c) {
            case '{': done = push_token(s, TOK_LCURLY, NULL); break;
            case '}': done = push_token(s, TOK_RCURLY, NULL); break;
            case '[': done = push_token(s, TOK_LSQUARE, NULL); break;
            case ']': done = push_token(s, TOK_RSQUARE, NULL); break;
            case ':': done = push_token(s, TOK_COLON, NULL); break;
            case ',': done = push_token(s, TOK_COMMA, NULL); break;
            case '"':
            case '\'':
                s->state = LEX_STRING;
                s->quote = c;
                g_string_truncate(s->tok, 0);
                g_string_append_c(s->tok, c);
                break;
            default:
                if (c == '-' || g_ascii_isdigit(c)) {
                    s->state = LEX_NUMBER;
                } else if (g_ascii_isalpha(c)) {
                    s->state = LEX_KEYWORD;
                } else {
                    /* the escape of a NUL would be empty: spell it out */
                    char text[2] = { c, 0 };
                    if (c) {
                        stray(s, text);
                    } else {
                        fail(s, "JSON parse error, stray '\\000'");
                    }
                    done = s->braces <= 0 && s->brackets <= 0;
                    break;
                }
                g_string_truncate(s->tok, 0);
                g_string_append_c(s->tok, c);
                break;
            }
            break;
        case LEX_STRING:
        case LEX_STRING_ESCAPE:
            if ((unsigned char)c < 0x20) {
                /* raw control characters (NUL too) are not JSON; the string
                 * goes on */
                fail(s, "JSON parse error, control character 0x%02x in string",
                     (unsigned char)c);
            }
            if (!s->error && !s->discard) {
                g_string_append_c(s->tok, c);
            }
            if (s->state == LEX_STRING_ESCAPE) {
                s->state = LEX_STRING;
            } else if (c == '\\') {
                s->state = LEX_STRING_ESCAPE;
            } else if (c == s->quote) {
                s->state = LEX_START;
                done = s->error || s->discard ? (s->braces <= 0 && s->brackets <= 0)
                                              : push_token(s, TOK_STRING, s->tok->str);
            }
            break;
        case LEX_NUMBER:
        case LEX_KEYWORD:
            /* c != 0: strchr() would match the terminator */
            if (s->state == LEX_NUMBER ? (g_ascii_isdigit(c) || (c && strchr("+-.eE", c)))
                                       : g_ascii_isalnum(c)) {
                if (!s->error && !s->discard) {
                    g_string_append_c(s->tok, c);
                }
                break;
            }
            /* c belongs to the next token: end this one, then look at c again */
            if (end_atom(s) && finish_value(s, value, err)) {
                return i;
            }
            continue;
        }
        i++;
        if (done) {
            if (finish_value(s, value, err)) {
                return i;
            }
            continue;
        }
        /* Over the limit the client hears of it at once (a value that never
         * ends would otherwise never be answered), and nothing more of the
         * value is kept, so memory stays bounded whatever follows. */
        if (s->in_value && !s->discard && ++s->size > s->max_size) {
            fail(s, "JSON token size limit exceeded (%zu bytes)", s->max_size);
            *err = s->error;
            s->error = NULL;
            s->discard = true;
            clear_tokens(s);
            return i;
        }
    }
    return len;
}

JsonNode *qjson_parse(const char *text, GError **errp)
{
    JsonStreamer *s = json_streamer_new(strlen(text) + 16);
    size_t len = strlen(text);
    JsonNode *v = NULL;
    GError *err = NULL;
    size_t used = json_streamer_feed(s, text, len, &v, &err);
    if (!v && !err) {
        /* a top-level number or keyword ends only at the next character */
        used = len;
        json_streamer_feed(s, " ", 1, &v, &err);
    }
    if (!v && !err) {
        err = g_error_new(QAPI_ERROR, QAPI_ERROR_CLASS_GENERIC_ERROR,
                          "JSON parse error, premature EOI");
    }
    if (v) {
        for (size_t i = used; i < len; i++) {
            if (!g_ascii_isspace(text[i])) {
                json_node_unref(v);
                v = NULL;
                err = g_error_new(QAPI_ERROR, QAPI_ERROR_CLASS_GENERIC_ERROR,
                                  "JSON parse error, unexpected text after the value");
                break;
            }
        }
    }
    json_streamer_free(s);
    if (err) {
        g_propagate_error(errp, err);
    }
    return v;
}
