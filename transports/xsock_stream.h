/*
 * xsock_stream.h - the per-stream state every xsock transport shares.
 *
 * ext/sockets (socket_import_stream, socket_export_stream) and mysqlnd cast
 * stream->abstract to php_netstream_data_t and read or write its fields, so
 * that struct must come first (php-transports-8.2.md §1.6).  The read and
 * write paths re-read `net.socket`, `net.is_blocked` and `net.timeout` on
 * every call for the same reason: somebody else may have changed them.
 */
#ifndef XSOCK_STREAM_H
#define XSOCK_STREAM_H

#include "php.h"
#include "php_network.h"
#include "php_streams.h"
#include "xsock_compat.h"

/* One result convention for internal calls (libtls's TLS_WANT_POLLIN/OUT). */
#define XSOCK_OK			0
#define XSOCK_ERR			(-1)
#define XSOCK_WANT_READ		(-2)
#define XSOCK_WANT_WRITE	(-3)
#define XSOCK_TIMEOUT		(-4)

typedef struct _xsock_scheme xsock_scheme;
typedef struct _xsock_tls xsock_tls;

typedef struct _xsock_stream {
	php_netstream_data_t net;		/* must be first: ext/sockets, mysqlnd cast to it */
	const xsock_scheme *scheme;		/* row of the scheme table that made us; never NULL */
	struct timeval connect_timeout;	/* factory timeout; client handshake deadline; {0,0} on accepted streams */
	char *url_name;					/* parse_url() host of the target, trailing dots cut; NULL for [v6] and servers; emalloc/pemalloc */
	bool persistent;				/* url_name and tls were allocated persistently */
	bool enable_on_connect;			/* ssl://, tls://, tlsv1.x://: start TLS at connect/accept */
	bool is_client;					/* set by crypto setup from the method's low bit */
	bool read_unbuffered;			/* the script asked for no read buffer (tcp.c, direct reads) */
	bool wait_first;				/* the next blocking read polls before recv() (netops.c) */
	bool drained;					/* close: the receive queue was just read to its end (TLS close),
									   so the socket's own drain is skipped (netops.c) */
	bool dns_timed;					/* dns_us was measured (a client's connect, xsock_tls_info()) */
	bool connect_timed;				/* connect_us was measured (not for async connects) */
	bool recv_wait_off;				/* the fd was handed out (a cast): recv() never waits in it again */
	int method;						/* STREAM_CRYPTO_METHOD_* bits for the handshake */
	uint32_t dns_us;				/* how long the lookup took, µs (capped) */
	xsock_tls *tls;					/* NULL until crypto setup; owned by tls.c */
	uint32_t connect_us;			/* how long the TCP connect took, µs (capped) */
	int recv_wait_ms;				/* SO_RCVTIMEO xsock set on the socket, ms; 0 = none, the kernel's
									   "forever"; -1 = some, not known (netops.c, xsock_net_recv_wait) */
	unsigned int fork_gen;			/* xsock_fork_gen when the stream was made (netops.c) */
} xsock_stream;

#define XSOCK_DATA(stream) ((xsock_stream *) (stream)->abstract)

/* Forks this process has seen, parent or child (netops.c, xsock_net_minit). */
extern unsigned int xsock_fork_gen;

/* Time helpers on a monotonic clock (sock.c). Deadlines are absolute, in ms. */
uint64_t xsock_now_ms(void);
uint64_t xsock_now_us(void);					/* same clock in µs, for xsock_tls_info() timings */
int xsock_tv_to_ms(const struct timeval *tv);	/* -1 = forever */
int xsock_ms_left(uint64_t deadline);			/* -1 when deadline is 0 (none) */
int xsock_wait_left(int ms, uint64_t start);	/* what is left of a wait of ms begun at start; -1 = forever */

/*
 * Wait for `events` (POLLIN/POLLOUT) on fd for at most timeout_ms (-1 forever).
 * Returns XSOCK_OK when ready, XSOCK_TIMEOUT, or XSOCK_ERR with errno set.
 * EINTR restarts the wait with what is left of the timeout (PHP restarts
 * it in full, which can stretch a timeout without bound).
 */
int xsock_sock_wait(php_socket_t fd, int events, int timeout_ms);

/* Raw socket I/O without SIGPIPE; returns bytes, 0 at EOF, -1 with errno. */
ssize_t xsock_sock_send(php_socket_t fd, const void *buf, size_t len, int flags);
ssize_t xsock_sock_recv(php_socket_t fd, void *buf, size_t len, int flags);
/* recv() of len bytes into buf that also takes up to tail_len more into tail
 * (one system call; Windows: buf only).  Returns the total. */
ssize_t xsock_sock_recv_tail(php_socket_t fd, void *buf, size_t len, void *tail, size_t tail_len, int flags);
/* send() of head then buf in one system call (Windows: head alone when
 * there is one).  Returns the total sent. */
ssize_t xsock_sock_send_two(php_socket_t fd, const void *head, size_t head_len, const void *buf, size_t len, int flags);

/* Put the fd into (non-)blocking mode; true on success. */
bool xsock_sock_set_blocking(php_socket_t fd, bool blocking);

#endif
