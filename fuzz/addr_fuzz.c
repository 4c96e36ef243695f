/*
 * addr_fuzz.c - libFuzzer harness for xsock_addr_parse().
 *
 * The input is the target as PHP hands it over: exact length, no NUL at the
 * end, so ASan flags any read past `len`.  Besides memory safety it checks
 * what addr.h promises: a parsed host lies inside the input, the port is in
 * range and is exactly the decimal digits after the separator, and printing
 * the result back as "host:port" or "[host]:port" parses to the same thing.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "addr.h"

#define MAX_INPUT 4096	/* longer targets add nothing but time */

/* The port text must be what PHP's rules leave after the separator. */
static void check_port(const char *p, size_t n, int port, bool bracketed)
{
	long value = 0;
	size_t i;

	if (n == 0 && !bracketed) {
		abort();	/* only "[v6]:" may have an empty port */
	}
	for (i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9') {
			abort();
		}
		value = value * 10 + (p[i] - '0');
		if (value > 65535) {
			abort();
		}
	}
	if (value != port) {
		abort();
	}
}

static void check_ok(const char *s, size_t len, const xsock_addr *a)
{
	size_t sep;

	if (a->host < s || a->hostlen > len || a->host + a->hostlen > s + len) {
		abort();
	}
	if (a->port < 0 || a->port > 65535) {
		abort();
	}
	if (a->bracketed) {
		sep = a->hostlen + 2;	/* "[" host "]" ":" */
		if (s[0] != '[' || a->host != s + 1 || sep >= len || s[sep - 1] != ']' || s[sep] != ':'
			|| memchr(a->host, ']', a->hostlen) != NULL) {
			abort();
		}
	} else {
		sep = a->hostlen;
		if (a->host != s || sep >= len || s[sep] != ':' || memchr(s, ':', sep) != NULL) {
			abort();
		}
	}
	check_port(s + sep + 1, len - sep - 1, a->port, a->bracketed);
}

/* Print the parsed address back and parse it again: nothing may change. */
static void round_trip(const xsock_addr *a)
{
	char buf[MAX_INPUT + 16];
	int n;
	xsock_addr b;

	n = snprintf(buf, sizeof(buf), a->bracketed ? "[%.*s]:%d" : "%.*s:%d",
		(int) a->hostlen, a->host, a->port);
	if (n < 0 || (size_t) n >= sizeof(buf)) {
		abort();
	}
	if (xsock_addr_parse(buf, (size_t) n, &b) != XSOCK_ADDR_OK || b.port != a->port
		|| b.bracketed != a->bracketed || b.hostlen != a->hostlen
		|| memcmp(b.host, a->host, a->hostlen) != 0) {
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	xsock_addr a;
	xsock_addr_status st;

	if (size > MAX_INPUT) {
		return 0;
	}
	st = xsock_addr_parse(s, size, &a);
	if (xsock_addr_reason(st) == NULL) {
		abort();
	}
	if ((memchr(s, '\0', size) != NULL) != (st == XSOCK_ADDR_NUL)) {
		abort();
	}
	if (st == XSOCK_ADDR_OK) {
		check_ok(s, size, &a);
		round_trip(&a);
	}
	return 0;
}
