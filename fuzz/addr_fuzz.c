/*
 * addr_fuzz.c - libFuzzer harness for xsock_addr_parse().
 *
 * The input is the target as PHP hands it over: exact length, no NUL at the
 * end, so ASan flags any read past `len`.  Besides memory safety it checks
 * what addr.h promises: the host lies inside the input where PHP's rules
 * put it, the status and port are what libc's strtol() (atoi()) reads from
 * the text after the separator, and printing an accepted result back as
 * "host:port" or "[host]:port" parses to the same thing.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "addr.h"

#define MAX_INPUT 4096	/* longer targets add nothing but time */

/*
 * What the port text must give, from libc's own strtol() (atoi() is
 * (int) strtol(p, NULL, 10) in glibc) on a NUL-terminated copy: an
 * oracle that shares no code with addr.c's walk over the unterminated
 * input.
 */
static xsock_addr_status expect_port(const char *p, size_t n, long *value)
{
	char buf[MAX_INPUT + 1];
	char *end;

	memcpy(buf, p, n);
	buf[n] = '\0';
	*value = strtol(buf, &end, 10);
	if (end == buf) {
		return XSOCK_ADDR_PORT_NAN;
	}
	return *value < 0 || *value > 65535 ? XSOCK_ADDR_PORT_RANGE : XSOCK_ADDR_OK;
}

/*
 * The port PHP's rules leave after the separator: atoi()'s, refused where
 * PHP would change it; "[v6]:" is 0, and an empty host is parsed whatever
 * its port, port 0 when that is not a port (addr.h).
 */
static void check_port(const char *p, size_t n, const xsock_addr *a, xsock_addr_status st)
{
	xsock_addr_status want;
	long value = 0;

	want = n == 0 ? XSOCK_ADDR_OK : expect_port(p, n, &value);
	if (want != XSOCK_ADDR_OK && a->hostlen == 0) {
		want = XSOCK_ADDR_OK;
		value = 0;
	}
	if (st != want || (st == XSOCK_ADDR_OK && a->port != value)) {
		abort();
	}
}

/* Host and separator where PHP finds them; then the port, whatever the status. */
static void check_split(const char *s, size_t len, const xsock_addr *a, xsock_addr_status st)
{
	size_t sep;

	if (a->host < s || a->hostlen > len || a->host + a->hostlen > s + len) {
		abort();
	}
	if (st == XSOCK_ADDR_OK && (a->port < 0 || a->port > 65535)) {
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
	check_port(s + sep + 1, len - sep - 1, a, st);
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
	if (st == XSOCK_ADDR_OK || st == XSOCK_ADDR_PORT_NAN || st == XSOCK_ADDR_PORT_RANGE) {
		check_split(s, size, &a, st);
	}
	if (st == XSOCK_ADDR_OK) {
		round_trip(&a);
	}
	return 0;
}
