/*
 * netops.h - stream operations shared by the tcp and udp transports
 * (netops.c).  tcp.c layers TLS on top of them; udp.c uses them as they are.
 */
#ifndef XSOCK_NETOPS_H
#define XSOCK_NETOPS_H

#include "xsock_stream.h"

ssize_t xsock_net_read(php_stream *stream, char *buf, size_t count);
bool xsock_net_may_wait(const php_stream *stream);	/* blocking, and nothing read yet in this fread (8.3+) */
bool xsock_net_may_wait_tls(const php_stream *stream);	/* the same for TLS reads (8.4.24+, 8.5.9+) */
/* After a read that got bytes: should the next one poll() before recv()? (netops.c) */
void xsock_net_read_done(xsock_stream *xs, bool waited, size_t got, size_t count);
/* Module start: the fork watch of xsock_net_recv_wait. */
void xsock_net_minit(void);
/* May a recv() without MSG_DONTWAIT wait for bytes, ending by ms (-1: no bound)?  Sets SO_RCVTIMEO when needed. */
bool xsock_net_recv_wait(xsock_stream *xs, int ms);
/* timed_out, and the timeout's record for xsock_last_error(), phase read or write. */
void xsock_net_timed_out(php_stream *stream, bool reading);
ssize_t xsock_net_write(php_stream *stream, const char *buf, size_t count);
int xsock_net_flush(php_stream *stream);
int xsock_net_cast(php_stream *stream, int castas, void **ret);
int xsock_net_stat(php_stream *stream, php_stream_statbuf *ssb);

/* Chunk size and read mode of a new stream (before its first read). */
void xsock_net_stream_init(php_stream *stream);

/* Release the socket (gracefully, see netops.c) and the xsock_stream. */
void xsock_net_close_socket(xsock_stream *xs);
void xsock_net_free(php_stream *stream, xsock_stream *xs);

/* set_option cases every socket stream has; NOTIMPL for the rest. */
int xsock_net_set_option(php_stream *stream, int option, int value, void *ptrparam);

/* The meta keys PHP adds after "crypto": timed_out, blocked, eof. */
void xsock_net_meta(php_stream *stream, zval *array);

/* PHP_STREAM_OPTION_CHECK_LIVENESS for a plain socket. */
int xsock_net_liveness(php_stream *stream, int value);

/* XPORT CONNECT / ACCEPT, shared; tcp.c adds TLS after them. */
int xsock_net_connect(php_stream *stream, php_stream_xport_param *xp);
int xsock_net_accept(php_stream *stream, php_stream_xport_param *xp);

#endif
