/*
 * sockopt.h - PHP 8.6's keepalive, linger and reuseaddr `socket` context
 * options, plus xsock's tcp_user_timeout: read and checked once from the
 * context (sockopt.c), applied to every socket an attempt creates (sock.c).
 */
#ifndef XSOCK_SOCKOPT_H
#define XSOCK_SOCKOPT_H

#include "xsock_stream.h"

/* Which fields of xsock_sockopts were given (PHP 8.6's PHP_SOCKVAL_* mask). */
#define XSOCK_SO_KEEPALIVE		(1 << 0)
#define XSOCK_SO_KEEPIDLE		(1 << 1)
#define XSOCK_SO_KEEPINTVL		(1 << 2)
#define XSOCK_SO_KEEPCNT		(1 << 3)
#define XSOCK_SO_LINGER			(1 << 4)
#define XSOCK_SO_USER_TIMEOUT	(1 << 5)

typedef struct _xsock_sockopts {
	int mask;				/* XSOCK_SO_* bits of the options present; 0 = none */
	bool keepalive;			/* socket.so_keepalive: SO_KEEPALIVE on (true) or off */
	int keepidle;			/* socket.tcp_keepidle, seconds */
	int keepintvl;			/* socket.tcp_keepintvl, seconds */
	int keepcnt;			/* socket.tcp_keepcnt, probes */
	int linger;				/* socket.so_linger, seconds; <= 0 = lingering off */
	int user_timeout;		/* socket.tcp_user_timeout, ms (Linux TCP_USER_TIMEOUT); 0 = kernel default */
} xsock_sockopts;

/*
 * Read the options from the stream's `socket` context into *o.  XSOCK_OK,
 * or XSOCK_ERR with *err set to the reason (nothing is applied then: every
 * value is checked before the first socket exists).
 */
int xsock_sockopt_read(php_stream_context *ctx, xsock_sockopts *o, zend_string **err);

/* socket.so_reuseaddr: true unless explicitly false (PHP 8.6, PR #19967). */
bool xsock_sockopt_reuseaddr(php_stream_context *ctx);

/* Apply *o to fd before connect/bind; false with errno set when the kernel refuses. */
bool xsock_sockopt_apply(php_socket_t fd, const xsock_sockopts *o);

/*
 * After accept(): what the platform does not copy from the listening
 * socket (macOS: the keepalive idle time), from the server's context.
 * Nothing to do, and nothing read, where the kernel copies it all (Linux).
 */
void xsock_sockopt_accepted(php_socket_t fd, php_stream_context *ctx);

#endif
