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
	XSOCK_ADDR_PORT_NAN,	/* port is not a decimal number */
	XSOCK_ADDR_PORT_RANGE	/* port does not fit 0..65535 */
} xsock_addr_status;

typedef struct _xsock_addr {
	const char *host;	/* points into the input; not NUL-terminated */
	size_t hostlen;		/* bytes of host */
	int port;			/* 0..65535 when status is OK */
	bool bracketed;		/* written as "[...]": an IPv6 literal, no TLS name */
} xsock_addr;

/*
 * Split `str` the way PHP's parse_ip_address_ex does (php-transports-8.2.md
 * §5.2): a leading "[" means "[host]:port" with the "]" searched before the
 * last character; otherwise the first ":" before the last character splits.
 * Unlike PHP, the port must be decimal digits and fit 16 bits: PHP's atoi()
 * turns "99999" into 34463 and "http" into 0 and connects there.  As in
 * PHP, "[v6]:" with an empty port means port 0.
 */
xsock_addr_status xsock_addr_parse(const char *str, size_t len, xsock_addr *out);

/* The errstr sentence for a failed parse (without the quoted input). */
const char *xsock_addr_reason(xsock_addr_status status);

#endif
