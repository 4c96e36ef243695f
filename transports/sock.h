/*
 * sock.h - the socket core: connect (Happy Eyeballs), bind, accept, names.
 */
#ifndef XSOCK_SOCK_H
#define XSOCK_SOCK_H

#include "xsock_stream.h"
#include "sockopt.h"

/* What a connect needs besides the target; read from the `socket` context. */
/* When a connect's steps ended, on xsock_now_us()'s clock; 0 = not reached. */
typedef struct _xsock_connect_times {
	uint64_t start_us;			/* before the lookup */
	uint64_t resolved_us;		/* the lookup answered */
	uint64_t connected_us;		/* an attempt connected (not for async connects still in flight) */
} xsock_connect_times;

typedef struct _xsock_connect_opts {
	int socktype;				/* SOCK_STREAM / SOCK_DGRAM */
	const char *bindto;			/* socket.bindto, or NULL */
	bool nodelay;				/* socket.tcp_nodelay */
	bool broadcast;				/* socket.so_broadcast (udp) */
	bool async;					/* STREAM_CLIENT_ASYNC_CONNECT */
	int attempt_delay_ms;		/* socket.happy_eyeballs_delay; RFC 8305 §5, default 250 */
	const xsock_sockopts *sockopts;	/* keepalive, linger, user timeout for each attempt; NULL = none */
	xsock_connect_times *times;	/* out: three clock reads per connect; NULL = none */
} xsock_connect_opts;

typedef struct _xsock_bind_opts {
	int socktype;				/* SOCK_STREAM / SOCK_DGRAM */
	int v6only;					/* -1 = OS default, 0, 1 (socket.ipv6_v6only) */
	bool reuseport;				/* socket.so_reuseport */
	bool broadcast;				/* socket.so_broadcast (udp) */
	bool reuseaddr;				/* socket.so_reuseaddr, default true (PHP 8.6) */
	const xsock_sockopts *sockopts;	/* set on the listening socket, inherited by accepted ones; NULL = none */
} xsock_bind_opts;

#define XSOCK_ATTEMPT_DELAY_MS 250

/*
 * Connect to host:port.  XSOCK_OK with *fd set; for async, XSOCK_WANT_WRITE
 * when the connect is still in progress (fd left non-blocking).  On
 * XSOCK_ERR, *errcode is the errno of the last attempt and *errstr its text
 * (NULL when PHP has none, e.g. every address skipped by bindto).
 */
int xsock_sock_connect(const char *host, int port, const xsock_connect_opts *opts,
	struct timeval *timeout, php_socket_t *fd, zend_string **errstr, int *errcode);

int xsock_sock_bind(const char *host, int port, const xsock_bind_opts *opts,
	php_socket_t *fd, zend_string **errstr, int *errcode);

/* Wait up to timeout for a client; TCP_NODELAY on it when asked. */
int xsock_sock_accept(php_socket_t srv, int timeout_ms, bool in_accept, bool nodelay,
	php_socket_t *fd, struct sockaddr_storage *sa, socklen_t *salen,
	zend_string **errstr, int *errcode);

/* "a.b.c.d:port" / "[v6]:port" (PHP's format); NULL for an empty address. */
zend_string *xsock_sock_format(const struct sockaddr *sa, socklen_t salen);

/* Fill PHP's want_textaddr/want_addr outputs from a sockaddr. */
void xsock_sock_name_out(const struct sockaddr *sa, socklen_t salen,
	zend_string **textaddr, struct sockaddr **addr, socklen_t *addrlen);

#endif
