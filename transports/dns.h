/*
 * dns.h - a client's name lookup bounded by its connect timeout (dns.c).
 */
#ifndef XSOCK_DNS_H
#define XSOCK_DNS_H
#include "xsock_stream.h"

/*
 * php_network_getaddresses() that waits at most until `deadline` (absolute,
 * xsock_now_ms(); budget_ms is its length for the texts, -1 = no bound).
 * Returns the number of addresses in *sal (emalloc'd, NULL-terminated), or
 * 0 after PHP's warning with *errstr set.
 */
int xsock_dns_resolve(const char *host, int socktype, uint64_t deadline, int budget_ms,
	struct sockaddr ***sal, zend_string **errstr);

/* Which backend bounds lookups here, for php --ri xsock. */
const char *xsock_dns_backend(void);
#endif
