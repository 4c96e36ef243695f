/*
 * transports.h - the ops tables, one per transport file.
 */
#ifndef XSOCK_TRANSPORTS_H
#define XSOCK_TRANSPORTS_H

#include "php.h"
#include "php_streams.h"

extern const php_stream_ops xsock_tcp_ops;		/* tcp.c, label "tcp_socket" */
extern const php_stream_ops xsock_tcp_ssl_ops;	/* tcp.c, label "tcp_socket/ssl" */
extern const php_stream_ops xsock_udp_ops;		/* udp.c, label "udp_socket" */

/* xsock.chunk_size, clamped: the chunk size every new xsock stream starts with (xsock.c). */
size_t xsock_default_chunk_size(void);

#endif
