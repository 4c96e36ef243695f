/*
 * scheme.h - the scheme table: one row per transport name xsock serves.
 */
#ifndef XSOCK_SCHEME_H
#define XSOCK_SCHEME_H

#include "xsock_stream.h"

typedef enum {
	XSOCK_KIND_TCP,		/* stream socket; TLS capable (tcp.c) */
	XSOCK_KIND_UDP		/* datagram socket (udp.c) */
} xsock_kind;

struct _xsock_scheme {
	const char *name;		/* key in PHP's transport hash */
	xsock_kind kind;		/* which ops table serves it */
	bool tls_on_connect;	/* handshake right after connect/accept */
	int method;				/* fixed STREAM_CRYPTO_METHOD_*_CLIENT bits; 0 = ssl.crypto_method */
};

/* Register the rows allowed by xsock.transports; remember what was there. */
int xsock_scheme_register_all(const char *allowed);
/* Put every replaced factory back, drop names xsock added. */
void xsock_scheme_unregister_all(void);
/* For MINFO: which rows xsock serves right now (factory in the hash is ours). */
bool xsock_scheme_is_served(const xsock_scheme *row);
const xsock_scheme *xsock_scheme_at(size_t i);	/* NULL past the end */

/* Is f xsock's factory? (xsock_transports(), MINFO) */
bool xsock_scheme_is_ours(php_stream_transport_factory f);

/* True when ext/openssl registered a tcp override before us (label tcp_socket/ssl). */
bool xsock_scheme_openssl_tcp(void);

#endif
