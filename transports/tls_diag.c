/*
 * tls_diag.c - name the plaintext protocol a peer spoke where TLS was expected.
 *
 * The classic case is the "587 trap": tls:// to a submission port that wants
 * STARTTLS.  The server's "220 ... ESMTP" greeting lands where OpenSSL looks
 * for a ServerHello, and the user only sees "wrong version number".  A TLS
 * record starts with a content type byte 0x14-0x17 (RFC 8446 section 5.1)
 * and an SSLv2 hello with 0x80, so printable ASCII at the start is never TLS.
 *
 * Pure C99: no allocation, no PHP, no OpenSSL; fuzz/tls_diag_fuzz.c runs it.
 */
#include <stdio.h>
#include <string.h>

#include "tls_diag.h"

/* The longest hint stays under 256 bytes, the TLS layer's XSOCK_TLS_HINT_MAX. */
#define QUOTE_CHARS	36					/* quoted characters, escapes included, before "..." */
#define QUOTE_SIZE	(QUOTE_CHARS + 4)	/* plus "..." and NUL */
#define GENERIC_MIN	4					/* an unterminated generic line needs this many bytes */

typedef bool (*diag_match)(const unsigned char *s, size_t len);

typedef struct _diag_proto {
	const char *prefix;		/* bytes the peer's data starts with */
	diag_match match;		/* further check on the first line, or NULL */
	const char *what;		/* noun phrase after "sent": "a plaintext SMTP greeting" */
	const char *as_client;	/* advice when we are the TLS client; NULL = generic */
	const char *as_server;	/* advice when we are the TLS server; NULL = generic */
} diag_proto;

#define ENABLE_CRYPTO "then call stream_socket_enable_crypto() or xsock_enable_crypto()"

static const char smtp_client[] =
	"this port expects STARTTLS; connect with tcp://, send STARTTLS, " ENABLE_CRYPTO
	"; implicit TLS is usually on port 465";
static const char imap_client[] =
	"this port expects STARTTLS; connect with tcp://, send STARTTLS, " ENABLE_CRYPTO
	"; implicit TLS is usually on port 993";
/* POP3 names the command STLS (RFC 2595 section 4). */
static const char pop3_client[] =
	"this port expects STLS; connect with tcp://, send STLS, " ENABLE_CRYPTO
	"; implicit TLS is usually on port 995";
/* Explicit FTPS starts with AUTH TLS (RFC 4217 section 4). */
static const char ftp_client[] =
	"this port expects AUTH TLS; connect with tcp://, send AUTH TLS, " ENABLE_CRYPTO
	"; implicit FTPS is usually on port 990";
static const char http_client[] =
	"use http:// or the server's TLS port (usually 443)";
static const char http_server[] =
	"it is speaking plaintext to this TLS port; the client should use https://";
static const char ssh_client[] =
	"this port speaks SSH, not TLS";
static const char ssh_server[] =
	"it is speaking SSH to this TLS port";
static const char redis_client[] =
	"this is a plaintext Redis port; use tcp:// or the server's TLS port (tls-port in redis.conf)";
static const char generic_client[] =
	"this port does not speak TLS; use tcp:// or the server's TLS port";
static const char generic_server[] =
	"it is speaking plaintext to this TLS port";

static bool smtp_greeting(const unsigned char *s, size_t len);
static bool ftp_greeting(const unsigned char *s, size_t len);
static bool printable_line(const unsigned char *s, size_t len);

/* First match wins: the named 220 greetings come before the bare "220 " row. */
static const diag_proto protos[] = {
	{ "220", smtp_greeting, "a plaintext SMTP greeting", smtp_client, NULL },
	{ "220", ftp_greeting, "a plaintext FTP greeting", ftp_client, NULL },
	{ "220 ", NULL, "a plaintext SMTP greeting", smtp_client, NULL },
	{ "* OK", NULL, "a plaintext IMAP greeting", imap_client, NULL },
	{ "* PREAUTH", NULL, "a plaintext IMAP greeting", imap_client, NULL },
	{ "* BYE", NULL, "a plaintext IMAP greeting", imap_client, NULL },
	{ "+OK", NULL, "a plaintext POP3 greeting", pop3_client, NULL },
	{ "HTTP/1.", NULL, "a plaintext HTTP response", http_client, NULL },
	{ "GET ", NULL, "a plaintext HTTP request", NULL, http_server },
	{ "POST ", NULL, "a plaintext HTTP request", NULL, http_server },
	{ "HEAD ", NULL, "a plaintext HTTP request", NULL, http_server },
	{ "PUT ", NULL, "a plaintext HTTP request", NULL, http_server },
	{ "OPTIONS ", NULL, "a plaintext HTTP request", NULL, http_server },
	{ "CONNECT ", NULL, "a plaintext HTTP request", NULL, http_server },
	{ "DELETE ", NULL, "a plaintext HTTP request", NULL, http_server },
	{ "PATCH ", NULL, "a plaintext HTTP request", NULL, http_server },
	/* Cleartext HTTP/2 with prior knowledge (RFC 9113 section 3.4). */
	{ "PRI * HTTP/2.0", NULL, "a plaintext HTTP/2 preface", NULL, http_server },
	/* Both SSH peers send their banner first (RFC 4253 section 4.2). */
	{ "SSH-", NULL, "an SSH banner", ssh_client, ssh_server },
	/* Redis answers the ClientHello bytes as a broken command. */
	{ "-ERR", NULL, "a plaintext Redis reply", redis_client, NULL },
	{ "-DENIED", NULL, "a plaintext Redis reply", redis_client, NULL },
	{ "-NOAUTH", NULL, "a plaintext Redis reply", redis_client, NULL },
	{ "+PONG", NULL, "a plaintext Redis reply", redis_client, NULL },
	{ "", printable_line, "plaintext", NULL, NULL },
};

/* Length of the first line: bytes before the first CR or LF. */
static size_t line_len(const unsigned char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] == '\r' || s[i] == '\n') {
			break;
		}
	}
	return i;
}

static unsigned char lower(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char) (c - 'A' + 'a') : c;
}

/* Does the first line contain `word`?  Optionally ignoring ASCII case. */
static bool line_has(const unsigned char *s, size_t len, const char *word, bool nocase)
{
	size_t n = line_len(s, len), w = strlen(word), i, j;

	for (i = 0; i + w <= n; i++) {
		for (j = 0; j < w; j++) {
			unsigned char a = s[i + j], b = (unsigned char) word[j];

			if (nocase ? lower(a) != lower(b) : a != b) {
				break;
			}
		}
		if (j == w) {
			return true;
		}
	}
	return false;
}

/* "220 " or "220-" (multi-line, RFC 5321 section 4.2.1) naming SMTP or ESMTP. */
static bool smtp_greeting(const unsigned char *s, size_t len)
{
	return len > 3 && (s[3] == ' ' || s[3] == '-') && line_has(s, len, "SMTP", false);
}

/*
 * FTP greetings name the server ("vsFTPd", "ProFTPD", "Microsoft FTP
 * Service"), and FTP servers favour multi-line "220-" banners (FileZilla).
 */
static bool ftp_greeting(const unsigned char *s, size_t len)
{
	if (len > 3 && s[3] == '-') {
		return true;
	}
	return len > 3 && s[3] == ' ' && line_has(s, len, "FTP", true);
}

static bool printable(unsigned char c)
{
	return c >= 0x20 && c < 0x7f;
}

/* A whole first line of printable ASCII (tabs allowed), not a lone byte or two. */
static bool printable_line(const unsigned char *s, size_t len)
{
	size_t n = line_len(s, len), i;

	if (n == 0 || (n == len && n < GENERIC_MIN)) {
		return false;
	}
	for (i = 0; i < n; i++) {
		if (!printable(s[i]) && s[i] != '\t') {
			return false;
		}
	}
	return true;
}

static bool row_matches(const diag_proto *p, const unsigned char *s, size_t len)
{
	size_t n = strlen(p->prefix);

	if (len < n || memcmp(s, p->prefix, n) != 0) {
		return false;
	}
	return p->match == NULL || p->match(s, len);
}

/* How many characters byte c takes in a quote: \" and \\, \xHH, or itself. */
static size_t quoted_width(unsigned char c)
{
	if (c == '"' || c == '\\') {
		return 2;
	}
	return printable(c) ? 1 : 4;
}

/*
 * The first line as a C string literal would show it, cut to QUOTE_CHARS
 * characters (so a binary line cannot make the hint longer than a text one).
 */
static void quote_line(const unsigned char *s, size_t len, char *out)
{
	static const char hex[] = "0123456789abcdef";
	size_t n = line_len(s, len), used = 0, i;
	char *o = out;

	for (i = 0; i < n && used + quoted_width(s[i]) <= QUOTE_CHARS; i++) {
		unsigned char c = s[i];

		used += quoted_width(c);
		if (c == '"' || c == '\\') {
			*o++ = '\\';
			*o++ = (char) c;
		} else if (printable(c)) {
			*o++ = (char) c;
		} else {
			*o++ = '\\';
			*o++ = 'x';
			*o++ = hex[c >> 4];
			*o++ = hex[c & 0x0f];
		}
	}
	if (i < n) {
		memcpy(o, "...", 3);
		o += 3;
	}
	*o = '\0';
}

bool xsock_tls_diagnose(const unsigned char *seen, size_t len, bool local_is_client,
	char *hint, size_t hintlen)
{
	const diag_proto *p = NULL;
	const char *advice;
	char quote[QUOTE_SIZE];
	size_t i;

	if (seen == NULL || len == 0) {
		return false;
	}
	for (i = 0; i < sizeof(protos) / sizeof(protos[0]); i++) {
		if (row_matches(&protos[i], seen, len)) {
			p = &protos[i];
			break;
		}
	}
	if (p == NULL) {
		return false;
	}
	if (hint != NULL && hintlen > 0) {
		advice = local_is_client ? p->as_client : p->as_server;
		if (advice == NULL) {
			advice = local_is_client ? generic_client : generic_server;
		}
		quote_line(seen, len, quote);
		snprintf(hint, hintlen, "the %s sent %s (\"%s\"): %s",
			local_is_client ? "server" : "client", p->what, quote, advice);
	}
	return true;
}
