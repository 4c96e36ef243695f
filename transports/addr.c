/*
 * addr.c - "host:port" parsing, PHP's rules plus a strict port.
 */
#include <string.h>
#include "addr.h"

static xsock_addr_status parse_port(const char *p, size_t len, int *port)
{
	size_t i;
	long value = 0;

	if (len > 0 && p[0] == '-') {
		/* A negative port is a number, only out of range. */
		for (i = 1; i < len && p[i] >= '0' && p[i] <= '9'; i++) {
		}
		return (i == len && len > 1) ? XSOCK_ADDR_PORT_RANGE : XSOCK_ADDR_PORT_NAN;
	}
	for (i = 0; i < len; i++) {
		if (p[i] < '0' || p[i] > '9') {
			return XSOCK_ADDR_PORT_NAN;
		}
		if (value <= 65535) {
			value = value * 10 + (p[i] - '0');
		}
	}
	if (value > 65535) {
		return XSOCK_ADDR_PORT_RANGE;
	}
	*port = (int) value;
	return XSOCK_ADDR_OK;
}

static xsock_addr_status parse_bracketed(const char *str, size_t len, xsock_addr *out)
{
	const char *close;

	/* PHP looks for "]" in the bytes after "[" but not in the last one. */
	close = len > 2 ? memchr(str + 1, ']', len - 2) : NULL;
	if (close == NULL || close[1] != ':') {
		return XSOCK_ADDR_BAD_V6;
	}
	out->host = str + 1;
	out->hostlen = (size_t) (close - str - 1);
	out->bracketed = true;
	return parse_port(close + 2, len - (size_t) (close + 2 - str), &out->port);
}

xsock_addr_status xsock_addr_parse(const char *str, size_t len, xsock_addr *out)
{
	const char *colon;

	memset(out, 0, sizeof(*out));
	if (memchr(str, '\0', len) != NULL) {
		return XSOCK_ADDR_NUL;
	}
	if (len > 1 && str[0] == '[') {
		return parse_bracketed(str, len, out);
	}
	colon = len > 1 ? memchr(str, ':', len - 1) : NULL;
	if (colon == NULL) {
		return XSOCK_ADDR_NO_PORT;
	}
	out->host = str;
	out->hostlen = (size_t) (colon - str);
	return parse_port(colon + 1, len - out->hostlen - 1, &out->port);
}

const char *xsock_addr_reason(xsock_addr_status status)
{
	switch (status) {
		case XSOCK_ADDR_PORT_NAN:
			return "port must be a number";
		case XSOCK_ADDR_PORT_RANGE:
			return "port must be between 0 and 65535";
		default:
			return "";
	}
}
