/*
 * udp.c - the stream transport behind udp://: netops.c as it is.  Crypto
 * is not offered (set_option answers NOTIMPL), as with PHP's udp_socket.
 */
#include "netops.h"
#include "transports.h"

static int udp_close(php_stream *stream, int close_handle)
{
	xsock_stream *xs = XSOCK_DATA(stream);

	if (close_handle) {
		xsock_net_close_socket(xs);
	}
	xsock_net_free(stream, xs);
	return 0;
}

const php_stream_ops xsock_udp_ops = {
	xsock_net_write, xsock_net_read, udp_close, xsock_net_flush, "udp_socket",
	NULL, xsock_net_cast, xsock_net_stat, xsock_net_set_option,
};
