/*
 * addr.h - parsing "host:port" and "[v6]:port" targets.
 *
 * Pure C, no PHP or OpenSSL calls: fuzzed in fuzz/addr_fuzz.c.
 */
#ifndef XSOCK_ADDR_H
#define XSOCK_ADDR_H

#include <stddef.h>
#include <stdbool.h>

typedef enum {
	XSOCK_ADDR_OK,
	XSOCK_ADDR_NUL,			/* NUL byte anywhere in the input */
	XSOCK_ADDR_BAD_V6,		/* "[" form without "]:" */
	XSOCK_ADDR_NO_PORT,		/* no ":" before the last character */
	XSOCK_ADDR_PORT_NAN,	/* no digits where atoi() reads the port */
	XSOCK_ADDR_PORT_RANGE	/* negative, or above 65535 */
} xsock_addr_status;

typedef struct _xsock_addr {
	const char *host;	/* points into the input; not NUL-terminated */
	size_t hostlen;		/* bytes of host */
	int port;			/* 0..65535 when status is OK */
	bool bracketed;		/* written as "[...]": an IPv6 literal, no TLS name */
	bool port_range;	/* the port is a number outside 0..65535, also when the host is empty */
} xsock_addr;

/*
 * Split `str` the way PHP's parse_ip_address_ex does (php-transports-8.2.md
 * §5.2): a leading "[" means "[host]:port" with the "]" searched before the
 * last character; otherwise the first ":" before the last character splits.
 * The port is read as atoi() reads it: leading blanks, one sign, digits,
 * and anything after them ignored ("80/client0", " 80", "+80", "80:90" are
 * all port 80).  Only what PHP would silently turn into another port is
 * refused: no digits at all (PORT_NAN: atoi()'s 0 for "http"), a negative
 * number or one above 65535 (PORT_RANGE: PHP truncates to 16 bits).
 * Two forms parse although their port does not: "[v6]:" is port 0, as in
 * PHP, and an empty host ("::1:3306", "[]:x") is left to the resolver,
 * whose error PHP gives for it.
 */
xsock_addr_status xsock_addr_parse(const char *str, size_t len, xsock_addr *out);

/* The errstr sentence for a failed parse (without the quoted input). */
const char *xsock_addr_reason(xsock_addr_status status);

#endif
