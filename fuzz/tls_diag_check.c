/*
 * tls_diag_check.c - fixed cases for xsock_tls_diagnose(): what each peer
 * greeting must be called, and what must not be recognised at all.
 * Built and run by `fuzz/run.sh check`; exits non-zero on the first mismatch.
 */
#include <stdio.h>
#include <string.h>

#include "tls_diag.h"

typedef struct _diag_case {
	const char *seen;		/* the peer's first bytes */
	size_t len;				/* their length (they may contain NUL) */
	bool client;			/* local_is_client */
	const char *expect;		/* substring of the hint; NULL = not recognised */
} diag_case;

#define C(s, client, expect) { s, sizeof(s) - 1, client, expect }

static const diag_case cases[] = {
	C("220 mail.example ESMTP Postfix\r\n", true,
		"the server sent a plaintext SMTP greeting (\"220 mail.example ESMTP Postfix\"): "
		"this port expects STARTTLS; connect with tcp://, send STARTTLS, then call "
		"stream_socket_enable_crypto() or xsock_enable_crypto(); implicit TLS is usually on port 465"),
	C("220-mx.example ESMTP\r\n", true, "SMTP greeting"),
	C("220 ftp.example ESMTP\r\n", true, "SMTP greeting"),
	C("220 Service ready\r\n", true, "SMTP greeting"),
	C("220 (vsFTPd 3.0.3)\r\n", true, "FTP greeting (\"220 (vsFTPd 3.0.3)\"): "
		"this port expects AUTH TLS; connect with tcp://, send AUTH TLS"),
	C("220-FileZilla Server\r\n", true, "implicit FTPS is usually on port 990"),
	C("* OK Dovecot ready.\r\n", true, "IMAP greeting (\"* OK Dovecot ready.\")"),
	C("* PREAUTH ready\r\n", true, "port 993"),
	C("+OK POP3 ready\r\n", true, "send STLS, then call stream_socket_enable_crypto()"),
	C("+OK POP3 ready\r\n", true, "port 995"),
	C("HTTP/1.1 400 Bad Request\r\n\r\n", true,
		"the server sent a plaintext HTTP response (\"HTTP/1.1 400 Bad Request\"): "
		"use http:// or the server's TLS port (usually 443)"),
	C("GET / HTTP/1.1\r\nHost: x\r\n\r\n", false,
		"the client sent a plaintext HTTP request (\"GET / HTTP/1.1\"): "
		"it is speaking plaintext to this TLS port"),
	C("POST /x HTTP/1.0\r\n", false, "HTTP request"),
	C("OPTIONS * HTTP/1.1\r\n", false, "HTTP request"),
	C("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", false, "HTTP/2 preface"),
	C("SSH-2.0-OpenSSH_9.2\r\n", true, "the server sent an SSH banner"),
	C("SSH-2.0-OpenSSH_9.2\r\n", false, "it is speaking SSH to this TLS port"),
	C("-ERR unknown command\r\n", true, "plaintext Redis port"),
	C("+PONG\r\n", true, "Redis reply"),
	C("hello there\n", true, "the server sent plaintext (\"hello there\"): this port does not speak TLS"),
	C("hello there\n", false, "the client sent plaintext (\"hello there\"): it is speaking plaintext"),
	C("abcd", true, "(\"abcd\")"),
	C("GET \"hi\" \\ \x01\r\n", false, "(\"GET \\\"hi\\\" \\\\ \\x01\")"),
	C("GET 0123456789012345678901234567890123456789-cut", false, "(\"GET 01234567890123456789012345678901...\")"),
	C("GET \0\xff\r\n", false, "(\"GET \\x00\\xff\")"),
	/* Escapes count against the 36-character quote: 8 x \xHH fill it. */
	C("GET \1\1\1\1\1\1\1\1\1\r\n", false, "(\"GET \\x01\\x01\\x01\\x01\\x01\\x01\\x01\\x01...\")"),
	/* TLS records, SSLv2 hello, too little to tell, binary, empty first line. */
	C("\x16\x03\x03\x00\x7a\x02\x00", true, NULL),
	C("\x15\x03\x03\x00\x02\x02\x46", true, NULL),
	C("\x80\x2e\x01\x00\x02", false, NULL),
	C("220", true, NULL),
	C("ab", true, NULL),
	C("abc\x01\r\n", true, NULL),
	C("\r\n220 x\r\n", true, NULL),
	C("", true, NULL),
};

static int run(const diag_case *c)
{
	char hint[512];
	bool got = xsock_tls_diagnose((const unsigned char *) c->seen, c->len, c->client,
		hint, sizeof(hint));

	if (c->expect == NULL && got) {
		printf("FAIL: recognised %.*s as: %s\n", (int) c->len, c->seen, hint);
		return 1;
	}
	if (c->expect != NULL && (!got || strstr(hint, c->expect) == NULL)) {
		printf("FAIL: %.*s\n  want: %s\n  got:  %s\n", (int) c->len, c->seen,
			c->expect, got ? hint : "(not recognised)");
		return 1;
	}
	return 0;
}

/* Truncation: a short buffer gets a NUL-terminated prefix, nothing more. */
static int truncation(void)
{
	const char *greeting = "220 mail.example ESMTP\r\n";
	char full[512], cut[8] = "ZZZZZZZ";
	bool a, b;

	a = xsock_tls_diagnose((const unsigned char *) greeting, strlen(greeting), true, full, sizeof(full));
	b = xsock_tls_diagnose((const unsigned char *) greeting, strlen(greeting), true, cut, 5);
	if (!a || !b || strcmp(cut, "the ") != 0 || cut[5] != 'Z') {
		printf("FAIL: truncation\n");
		return 1;
	}
	return 0;
}

int main(void)
{
	size_t i;
	int failed = 0;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		failed += run(&cases[i]);
	}
	failed += truncation();
	printf("tls_diag_check: %zu cases, %d failed\n", i + 1, failed);
	return failed ? 1 : 0;
}
