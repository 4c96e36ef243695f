/*
 * addr.c - "host:port" parsing: PHP's rules, refusing only the ports PHP
 * would silently change.
 */
#include <ctype.h>
#include <string.h>
#include "addr.h"

/*
 * The port as atoi() reads it (glibc: (int) strtol(p, NULL, 10)): blanks
 * as isspace() sees them in the current locale, one optional sign, digits;
 * whatever follows is ignored, so "80/client0" (PHP bug #74429's
 * persistent-connection id) and "80 " are port 80.  The input is not
 * NUL-terminated, so this walks it instead of calling strtol().
 */
static xsock_addr_status parse_port(const char *p, size_t len, int *port)
{
	size_t i = 0, digits = 0;
	bool negative = false;
	long value = 0;

	while (i < len && isspace((unsigned char) p[i])) {
		i++;
	}
	if (i < len && (p[i] == '+' || p[i] == '-')) {
		negative = p[i] == '-';
		i++;
	}
	for (; i < len && p[i] >= '0' && p[i] <= '9'; i++, digits++) {
		/* Stop growing past the range: only "too big" matters then. */
		if (value <= 65535) {
			value = value * 10 + (p[i] - '0');
		}
	}
	/* atoi()'s 0 for "http", "" or "-": PHP would connect to port 0. */
	if (digits == 0) {
		return XSOCK_ADDR_PORT_NAN;
	}
	/* PHP casts to unsigned short: "-1" is 65535, "99999" is 34463. */
	if (value > 65535 || (negative && value != 0)) {
		return XSOCK_ADDR_PORT_RANGE;
	}
	*port = (int) value;
	return XSOCK_ADDR_OK;
}

/*
 * An empty host never resolves (getaddrinfo("") fails with EAI_NONAME), so
 * PHP's resolver error is the one to give, whatever the port says: "::1:3306"
 * (mysqlnd's "::1" plus ":3306") is host "" in PHP, and must fail the same
 * way here, not with a complaint about the port ":1:3306".
 */
static xsock_addr_status parse_port_of(xsock_addr *out, const char *p, size_t len)
{
	xsock_addr_status st;

	/*
	 * Nothing after the separator: only "[v6]:" gets here (a plain "h:"
	 * fails PHP's last-character rule), and PHP reads it as port 0, the
	 * usual way to ask a server for any port.
	 */
	if (len == 0) {
		return XSOCK_ADDR_OK;
	}
	st = parse_port(p, len, &out->port);
	out->port_range = st == XSOCK_ADDR_PORT_RANGE;
	if (st != XSOCK_ADDR_OK && out->hostlen == 0) {
		out->port = 0;
		return XSOCK_ADDR_OK;
	}
	return st;
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
	return parse_port_of(out, close + 2, len - (size_t) (close + 2 - str));
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
	return parse_port_of(out, colon + 1, len - out->hostlen - 1);
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
