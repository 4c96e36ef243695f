/*
 * netops.c - plain socket stream operations, PHP 8.2's xp_socket.c
 * behaviour (php-transports-8.2.md §3) on xsock's socket core.
 */
#include "netops.h"
#ifdef XSOCK_HAVE_RECV_WAIT
# include <pthread.h>
#endif
#include "xsock_error.h"
#include "sock.h"
#include "addr.h"
#include "scheme.h"
#include "transports.h"
#include "ext/standard/file.h"

#ifndef XSOCK_WINDOWS
# include <netinet/tcp.h>
#endif

#define READ_POLL_EVENTS (POLLIN | POLLERR | POLLHUP)

/* ---- read and write -------------------------------------------------- */

static int io_wait_ms(const xsock_stream *xs)
{
	return xsock_tv_to_ms(&xs->net.timeout);
}

/*
 * May this read wait for data?  Only on a blocking stream, and from PHP 8.3
 * on not when the same fread() has already taken bytes from PHP's buffer
 * (stream->has_buffered_data): PHP's own plain sockets return those at
 * once there, where 8.2 waited for more first.  TLS reads ask
 * xsock_net_may_wait_tls(), which follows ext/openssl's later change.
 */
bool xsock_net_may_wait(const php_stream *stream)
{
	if (XSOCK_STREAM_HAS_BUFFERED_DATA(stream)) {
		return false;
	}
	return XSOCK_DATA(stream)->net.is_blocked;
}

bool xsock_net_may_wait_tls(const php_stream *stream)
{
	if (XSOCK_TLS_HAS_BUFFERED_DATA(stream)) {
		return false;
	}
	return XSOCK_DATA(stream)->net.is_blocked;
}

/*
 * PHP polls before every blocking recv().  xsock guesses which of the two
 * comes first.  A read that finds data costs one recv() instead of PHP's
 * two calls; one that finds nothing costs a wasted recv() on top of the
 * poll().  Bulk traffic mostly finds data, request/response traffic mostly
 * does not (the answer is still on its way).  So after a read that had to
 * wait and got less than it asked for, the next read waits first; after
 * one that found data at once or filled the caller's buffer, the next one
 * tries first.  A read right after a connect or a write also waits
 * first: the answer to a request, or the greeting of a server, is rarely
 * there already (perf trace over the tcp_connect benchmark: 85 % of the
 * first recv() calls found nothing).
 */
void xsock_net_read_done(xsock_stream *xs, bool waited, size_t got, size_t count)
{
	xs->wait_first = waited && got < count;
}

/*
 * A blocking read that has to wait does it in recv() itself: with
 * SO_RCVTIMEO on the socket, recv() without MSG_DONTWAIT returns as soon
 * as bytes arrive, or says EAGAIN once the timeout passed.  One system
 * call where poll() and recv() made two; a blocking listener waits in
 * accept() the same way, and the sockets it accepts inherit the option.
 * A resumed TLS connection, client and server, makes 30 system calls
 * instead of 35 (strace -f -c on bench's hs_resume).  The option stays on
 * the socket, so a stream whose timeout does not change sets it once.
 *
 * The kernel's timer for it is coarse (the timer wheel fires up to 1/8 of
 * the timeout late, plus a tick), while PHP's poll() is precise.  So the
 * socket gets 3/4 of the wait's bound, and a value already there serves
 * while it still ends the recv() before the bound, however much earlier
 * (a client's handshake sets it from the connect timeout; its reads keep
 * it).  A recv() that comes back with EAGAIN or EINTR has the caller
 * poll() for what is left of the bound, as before: that keeps the bound
 * exact, costs two system calls only on a wait longer than the socket's
 * value, and also covers an fd that somebody made non-blocking.  Waits
 * below RECV_WAIT_MIN_MS stay with poll(): short timeouts are where
 * precision matters.
 */
#define RECV_WAIT_MIN_MS	100
#define RECV_WAIT_TICK_MS	10	/* a kernel tick at HZ=100, the coarsest */

unsigned int xsock_fork_gen;

#ifdef XSOCK_HAVE_RECV_WAIT
/*
 * After a fork the two processes share every socket that existed then,
 * and one of them could set another SO_RCVTIMEO under the other's stream.
 * Such streams go back to poll() in both processes: the counter moves in
 * parent and child, and a stream made before it moved stops waiting in
 * recv().  Streams made after the fork have sockets of their own.
 * glibc drops the handlers of a library that is unloaded; musl never
 * unloads one.
 */
static void forked(void)
{
	xsock_fork_gen++;
}

/* pthread_atfork() failed: without the fork watch no stream waits in recv(). */
static bool fork_unwatched;

static bool recv_wait_fits(int have, int ms)
{
	if (ms < 0) {
		return true;	/* no bound: a recv() that ends early only means a poll() for the rest */
	}
	return have > 0 && (int64_t) have + have / 8 + RECV_WAIT_TICK_MS <= ms;
}
#endif

void xsock_net_minit(void)
{
#ifdef XSOCK_HAVE_RECV_WAIT
	fork_unwatched = pthread_atfork(NULL, forked, forked) != 0;
#endif
}

bool xsock_net_recv_wait(xsock_stream *xs, int ms)
{
#ifdef XSOCK_HAVE_RECV_WAIT
	struct timeval tv;
	int have;

	if (fork_unwatched || xs->recv_wait_off || xs->net.socket == SOCK_ERR || (ms >= 0 && ms < RECV_WAIT_MIN_MS)) {
		return false;
	}
	if (xs->fork_gen != xsock_fork_gen) {
		xs->recv_wait_off = true;	/* the socket is shared with another process (forked) */
		return false;
	}
	if (recv_wait_fits(xs->recv_wait_ms, ms)) {
		return true;
	}
	have = ms / 4 * 3;
	tv.tv_sec = have / 1000;
	tv.tv_usec = (have % 1000) * 1000;
	if (setsockopt(xs->net.socket, SOL_SOCKET, SO_RCVTIMEO, (const char *) &tv, sizeof(tv)) != 0) {
		xs->recv_wait_off = true;
		return false;
	}
	xs->recv_wait_ms = have;
	return true;
#else
	return false;
#endif
}

/* The fd goes to someone else (a cast): it gets the kernel's default back, the stream polls from now on. */
static void recv_wait_release(xsock_stream *xs)
{
#ifdef XSOCK_HAVE_RECV_WAIT
	struct timeval tv = {0, 0};

	if (xs->recv_wait_ms != 0 && xs->net.socket != SOCK_ERR) {
		setsockopt(xs->net.socket, SOL_SOCKET, SO_RCVTIMEO, (const char *) &tv, sizeof(tv));
	}
	xs->recv_wait_ms = 0;
	xs->recv_wait_off = true;
#endif
}

/*
 * A deadline ran out: its budget and length for xsock_last_error(), and a
 * hint "<who> <did not> within the <budget> (<s>; <where it is set>)".
 * PHP prints nothing of it (its errstr for a connect timeout stays
 * "Connection timed out"), so it lives only in the record.  Nothing runs
 * until a timeout fires.
 */
static void timeout_hint(zend_long ms, const char *budget, const char *what, const char *set_by)
{
	char hint[256];

	snprintf(hint, sizeof(hint), "%s within the %s (%.3f s; %s)", what, budget, (double) ms / 1000.0, set_by);
	xsock_err_note_timeout(ms, budget);
	xsock_err_note_str("hint", hint);
}

/* A read or write ran out of the stream timeout: PHP's timed_out, and the record's hint. */
static void timeout_note(xsock_stream *xs, bool reading)
{
	xs->net.timeout_event = 1;
	timeout_hint(xsock_tv_to_ms(&xs->net.timeout), "stream timeout",
		reading ? "the peer sent nothing" : "the peer took nothing", "default_socket_timeout or stream_set_timeout()");
}

void xsock_net_timed_out(php_stream *stream, bool reading)
{
	timeout_note(XSOCK_DATA(stream), reading);
	xsock_err_commit(stream, reading ? "read" : "write", XSOCK_ETIMEDOUT,
		reading ? "Read timed out" : "Write timed out", false);
}

/* A failed system call, for xsock_last_error(): its errno and the system's text. */
static void errno_commit(php_stream *stream, const char *phase, int err, bool global)
{
	zend_string *estr = php_socket_error_str(err);

	xsock_err_commit(stream, phase, err, ZSTR_VAL(estr), global);
	zend_string_release(estr);
}

ssize_t xsock_net_read(php_stream *stream, char *buf, size_t count)
{
	xsock_stream *xs = XSOCK_DATA(stream);
	bool wait = xsock_net_may_wait(stream), waited = false, in_recv = false;
#ifdef XSOCK_HAVE_MSG_DONTWAIT
	bool poll_now = wait && xs->wait_first;
#else
	bool poll_now = wait;	/* no per-call non-blocking recv here (Windows): always wait first */
#endif
	int ms = io_wait_ms(xs), err;
	uint64_t start = 0;
	ssize_t n;

	if (xs->net.socket == SOCK_ERR) {
		return -1;
	}
	if (wait) {
		xs->net.timeout_event = 0;
	}
	for (;;) {
		if (poll_now) {
			waited = true;
			/* The first wait in recv() itself (xsock_net_recv_wait); after it ends early, poll() for the rest. */
			in_recv = start == 0 && xsock_net_recv_wait(xs, ms);
			start = start != 0 ? start : xsock_now_ms();
			if (!in_recv && xsock_sock_wait(xs->net.socket, READ_POLL_EVENTS, xsock_wait_left(ms, start)) == XSOCK_TIMEOUT) {
				xsock_net_timed_out(stream, true);
				return -1;
			}
		}
		n = xsock_sock_recv(xs->net.socket, buf, count, in_recv ? 0 : XSOCK_RECV_DONTWAIT);
		err = php_socket_errno();
		if (n < 0 && in_recv && (XSOCK_EWOULDBLOCK(err) || err == EINTR)) {
			in_recv = false;
			continue;	/* poll_now is still true */
		}
		if (n >= 0 || !XSOCK_EWOULDBLOCK(err) || !wait) {
			break;
		}
		poll_now = true;
	}
	if (n < 0) {
		if (XSOCK_EWOULDBLOCK(err)) {
			return 0;
		}
		stream->eof = 1;
		errno_commit(stream, "read", err, false);	/* PHP reports it as EOF, without a word */
		return -1;
	}
	if (n == 0) {
		stream->eof = 1;
	} else {
		xsock_net_read_done(xs, waited, (size_t) n, count);
		php_stream_notify_progress_increment(PHP_STREAM_CONTEXT(stream), n, 0);
	}
	return n;
}

static void write_failed(php_stream *stream, size_t count, int err)
{
	zend_string *estr = php_socket_error_str(err);

	if (!(stream->flags & PHP_STREAM_FLAG_SUPPRESS_ERRORS)) {
		XSOCK_NOTICE(stream, NetworkSendFailed, "Send of %zu bytes failed with errno=%d %s",
			count, err, ZSTR_VAL(estr));
	}
	xsock_err_commit(stream, "write", err, ZSTR_VAL(estr), false);
	zend_string_release(estr);
}

ssize_t xsock_net_write(php_stream *stream, const char *buf, size_t count)
{
	xsock_stream *xs = XSOCK_DATA(stream);
	ssize_t n;
	int err;

	if (xs->net.socket == SOCK_ERR) {
		return 0;
	}
	for (;;) {
		n = xsock_sock_send(xs->net.socket, buf, count, XSOCK_RECV_DONTWAIT);
		if (n > 0) {
			xs->wait_first = true;	/* the answer is on its way (xsock_net_read) */
			php_stream_notify_progress_increment(PHP_STREAM_CONTEXT(stream), n, 0);
			return n;
		}
		err = php_socket_errno();
		if (n == 0 || !XSOCK_EWOULDBLOCK(err)) {
			break;
		}
		if (!xs->net.is_blocked) {
			return 0;	/* EAGAIN is no error on a non-blocking stream */
		}
		xs->net.timeout_event = 0;
		if (xsock_sock_wait(xs->net.socket, POLLOUT, io_wait_ms(xs)) == XSOCK_TIMEOUT) {
			timeout_note(xs, false);	/* write_failed() records it, with PHP's errno */
			break;
		}
	}
	write_failed(stream, count, err);
	return n < 0 ? -1 : n;
}

int xsock_net_flush(php_stream *stream)
{
	return 0;
}

int xsock_net_stat(php_stream *stream, php_stream_statbuf *ssb)
{
#ifdef XSOCK_WINDOWS
	return 0;
#else
	return zend_fstat(XSOCK_DATA(stream)->net.socket, &ssb->sb);
#endif
}

int xsock_net_cast(php_stream *stream, int castas, void **ret)
{
	xsock_stream *xs = XSOCK_DATA(stream);

	/* Io\Poll's own cast type (8.6), where it exists, gets what select gets. */
	if (XSOCK_CAST_FOR_POLLING(castas)) {
		castas = PHP_STREAM_AS_FD_FOR_SELECT;
	}
	switch (castas) {
		case PHP_STREAM_AS_STDIO:
			if (ret) {
				recv_wait_release(xs);
				*(FILE **) ret = fdopen(xs->net.socket, stream->mode);
				return *ret ? SUCCESS : FAILURE;
			}
			return SUCCESS;
		case PHP_STREAM_AS_FD:
		case PHP_STREAM_AS_SOCKETD:
			if (ret) {
				recv_wait_release(xs);	/* ext/sockets, proc_open(): the fd's new user reads it */
			}
			ZEND_FALLTHROUGH;
		case PHP_STREAM_AS_FD_FOR_SELECT:
			if (ret) {
				*(php_socket_t *) ret = xs->net.socket;
			}
			return SUCCESS;
		default:
			return FAILURE;
	}
}

/*
 * Every new xsock stream: the chunk size of xsock.chunk_size, and for tcp
 * the direct reads of tcp.c.  udp keeps PHP's buffer: one read there is one
 * datagram, and PHP serves a datagram larger than the read from its buffer.
 */
void xsock_net_stream_init(php_stream *stream)
{
	stream->chunk_size = xsock_default_chunk_size();
	if (stream->ops != &xsock_udp_ops) {
		stream->flags |= PHP_STREAM_FLAG_NO_BUFFER;
	}
}

/* ---- close ----------------------------------------------------------- */

/*
 * close() on a socket whose receive queue still holds data makes the kernel
 * send RST instead of FIN, and the peer then loses what it had not read yet
 * (RFC 1122 §4.2.2.13).  Reading what is already queued costs no waiting
 * and turns that into an orderly FIN.
 */
static void drain_unread(php_socket_t fd)
{
	char buf[4096];
	int rounds = 64;	/* at most 256 KiB: a flood must not stall close */

	/* A read that took less than it could emptied the queue (see close_notify() in tls.c). */
	while (rounds-- > 0 && xsock_sock_recv(fd, buf, sizeof(buf), XSOCK_RECV_DONTWAIT) == (ssize_t) sizeof(buf)) {
	}
}

void xsock_net_close_socket(xsock_stream *xs)
{
	if (xs->net.socket == SOCK_ERR) {
		return;
	}
	if (xs->scheme->kind == XSOCK_KIND_TCP && !xs->drained) {
		drain_unread(xs->net.socket);
	}
	closesocket(xs->net.socket);
	xs->net.socket = SOCK_ERR;
}

void xsock_net_free(php_stream *stream, xsock_stream *xs)
{
	if (xs->url_name) {
		pefree(xs->url_name, xs->persistent);
	}
	pefree(xs, xs->persistent);
	stream->abstract = NULL;
}

/* ---- options --------------------------------------------------------- */

void xsock_net_meta(php_stream *stream, zval *array)
{
	xsock_stream *xs = XSOCK_DATA(stream);

	add_assoc_bool(array, "timed_out", xs->net.timeout_event);
	add_assoc_bool(array, "blocked", xs->net.is_blocked);
	add_assoc_bool(array, "eof", stream->eof);
}

int xsock_net_liveness(php_stream *stream, int value)
{
	xsock_stream *xs = XSOCK_DATA(stream);
	struct timeval tv = {value, 0};
	bool peek_now;
	char c;
	ssize_t n;
	int err;

	if (xs->net.socket == SOCK_ERR) {
		return PHP_STREAM_OPTION_RETURN_ERR;
	}
	if (value == -1) {
		tv = xs->net.timeout;
		if (tv.tv_sec == -1) {
			tv.tv_sec = FG(default_socket_timeout);
			tv.tv_usec = 0;
		}
	}
	/* value 0 on a stream that does I/O: peek at once, no poll (xp_socket.c:340). */
	peek_now = value == 0 && !(stream->flags & PHP_STREAM_FLAG_NO_IO)
		&& (XSOCK_RECV_DONTWAIT != 0 || !xs->net.is_blocked);
	if (!peek_now && xsock_sock_wait(xs->net.socket, READ_POLL_EVENTS | POLLPRI, xsock_tv_to_ms(&tv)) != XSOCK_OK) {
		return PHP_STREAM_OPTION_RETURN_OK;
	}
	n = recv(xs->net.socket, &c, 1, MSG_PEEK | XSOCK_RECV_DONTWAIT);
	err = php_socket_errno();
	if (n == 0 || (n < 0 && !XSOCK_EWOULDBLOCK(err) && err != EMSGSIZE)) {
		return PHP_STREAM_OPTION_RETURN_ERR;
	}
	return PHP_STREAM_OPTION_RETURN_OK;
}

static int set_blocking(xsock_stream *xs, int value)
{
	int old = xs->net.is_blocked;

	if (!xsock_sock_set_blocking(xs->net.socket, value != 0)) {
		return PHP_STREAM_OPTION_RETURN_ERR;
	}
	xs->net.is_blocked = value != 0;
	return old;
}

static int set_read_timeout(xsock_stream *xs, struct timeval *tv)
{
	xs->net.timeout = *tv;
	xs->net.timeout_event = 0;
	return PHP_STREAM_OPTION_RETURN_OK;
}

/* ---- transport (XPORT) operations ------------------------------------ */

static zend_string *parse_error(const char *name, size_t len, xsock_addr_status st)
{
	switch (st) {
		case XSOCK_ADDR_NUL:
			return ZSTR_INIT_LITERAL("The hostname must not contain null bytes", 0);
		case XSOCK_ADDR_BAD_V6:
			return strpprintf(0, "Failed to parse IPv6 address \"%s\"", name);
		case XSOCK_ADDR_NO_PORT:
			return strpprintf(0, "Failed to parse address \"%s\"", name);
		default:
			/* PHP's prefix, then why: libraries match the prefix. */
			return strpprintf(0, "Failed to parse address \"%s\": %s", name, xsock_addr_reason(st));
	}
}

/* Parse xp->inputs.name into a NUL-terminated host (emalloc'd) and a port. */
static char *parse_target(php_stream_xport_param *xp, int *port)
{
	xsock_addr a;
	xsock_addr_status st = xsock_addr_parse(xp->inputs.name, xp->inputs.namelen, &a);

	/* PHP 8.4.28+ refuses such a port itself, before it looks at the host. */
	if (XSOCK_PHP_REFUSES_PORT_RANGE && a.port_range) {
		if (xp->want_errortext) {
			xp->outputs.error_text = strpprintf(0, "Failed to parse port of address \"%s\"", xp->inputs.name);
		}
		return NULL;
	}
	if (st != XSOCK_ADDR_OK) {
		if (xp->want_errortext) {
			xp->outputs.error_text = parse_error(xp->inputs.name, xp->inputs.namelen, st);
		}
		return NULL;
	}
	*port = a.port;
	return estrndup(a.host, a.hostlen);
}

static zval *socket_opt(php_stream *stream, const char *name)
{
	php_stream_context *ctx = PHP_STREAM_CONTEXT(stream);

	return ctx ? php_stream_context_get_option(ctx, "socket", name) : NULL;
}

static bool socket_flag(php_stream *stream, const char *name)
{
	zval *v = socket_opt(stream, name);

	return v != NULL && zend_is_true(v);
}

static int socktype_of(const xsock_stream *xs)
{
	return xs->scheme->kind == XSOCK_KIND_UDP ? SOCK_DGRAM : SOCK_STREAM;
}

/* Hand an error text to the caller only when it asked for one. */
static void error_out(php_stream_xport_param *xp, zend_string *err)
{
	if (err != NULL && xp->want_errortext && xp->outputs.error_text == NULL) {
		xp->outputs.error_text = err;
	} else if (err != NULL) {
		zend_string_release(err);
	}
}

/*
 * PHP 8.6's keepalive/linger options (sockopt.c), TCP only as in 8.6.  All
 * are checked here, before any socket exists; -1 with the reason as the
 * error text (like bindto's "not a string") when one is invalid.
 */
static int read_sockopts(php_stream *stream, const xsock_stream *xs, php_stream_xport_param *xp,
	xsock_sockopts *so)
{
	zend_string *err = NULL;

	memset(so, 0, sizeof(*so));
	if (xs->scheme->kind != XSOCK_KIND_TCP
			|| xsock_sockopt_read(PHP_STREAM_CONTEXT(stream), so, &err) == XSOCK_OK) {
		return 0;
	}
	error_out(xp, err);
	return -1;
}

/*
 * A server that could not start, for xsock_last_error(): the listen phase
 * (a server connects nowhere, so "connect" would mislead), dns when the
 * resolver failed (error code 0 after a lookup, as for connects).
 */
static void listen_failed(php_stream *stream, php_stream_xport_param *xp, const char *phase, int err,
	const char *text)
{
	if (xp->inputs.name != NULL) {
		xsock_err_note_str("target", xp->inputs.name);
	}
	xsock_err_commit(stream, phase, err, text, true);
}

static int op_listen(php_stream *stream, xsock_stream *xs, php_stream_xport_param *xp)
{
	if (listen(xs->net.socket, xp->inputs.backlog) == 0) {
		return 0;
	}
	errno_commit(stream, "listen", php_socket_errno(), true);
	return -1;
}

static const char *error_text(const php_stream_xport_param *xp)
{
	return xp->outputs.error_text != NULL ? ZSTR_VAL(xp->outputs.error_text) : NULL;
}

static int op_bind(php_stream *stream, xsock_stream *xs, php_stream_xport_param *xp)
{
	xsock_sockopts so;
	xsock_bind_opts o = {socktype_of(xs), -1, false, false, true, &so};
	zval *v6 = socket_opt(stream, "ipv6_v6only");
	zend_string *err = NULL;
	char *host;
	int port = 0, rc;

	host = parse_target(xp, &port);
	if (host == NULL) {
		listen_failed(stream, xp, "listen", 0, error_text(xp));
		return -1;
	}
	if (read_sockopts(stream, xs, xp, &so) != 0) {
		efree(host);
		listen_failed(stream, xp, "listen", 0, error_text(xp));
		return -1;
	}
	o.reuseaddr = xsock_sockopt_reuseaddr(PHP_STREAM_CONTEXT(stream));
	if (v6 != NULL && Z_TYPE_P(v6) != IS_NULL) {
		o.v6only = zend_is_true(v6) ? 1 : 0;
	}
	o.reuseport = socket_flag(stream, "so_reuseport");
	o.broadcast = xs->scheme->kind == XSOCK_KIND_UDP && socket_flag(stream, "so_broadcast");
	rc = xsock_sock_bind(host, port, &o, &xs->net.socket, &err, &xp->outputs.error_code);
	if (rc != XSOCK_OK) {
		xsock_err_note_str("host", host);
		xsock_err_note_long("port", port);
		listen_failed(stream, xp, xp->outputs.error_code == 0 ? "dns" : "listen", xp->outputs.error_code,
			err != NULL ? ZSTR_VAL(err) : NULL);
	}
	efree(host);
	error_out(xp, err);
	return rc == XSOCK_OK ? 0 : -1;
}

static void connect_timed_out(const char *host, int port, zend_long ms)
{
	char what[160];

	snprintf(what, sizeof(what), "%s port %d did not accept the connection", host, port);
	timeout_hint(ms, "connect timeout", what, "the timeout argument or default_socket_timeout");
}

/*
 * Record a failed connect for xsock_last_error().  The resolver reports
 * its failure with error code 0 (sock.c), so that is the DNS phase; an
 * ETIMEDOUT is the connect timeout running out.
 */
static void connect_failed(php_stream *stream, php_stream_xport_param *xp, const char *host, int port,
	const zend_string *err)
{
	int code = xp->outputs.error_code;

	xsock_err_note_str("host", host);
	xsock_err_note_long("port", port);
	if (code == XSOCK_ETIMEDOUT && xp->inputs.timeout != NULL) {
		connect_timed_out(host, port, xsock_tv_to_ms(xp->inputs.timeout));
	}
	xsock_err_commit(stream, code == 0 ? "dns" : "connect", code, err ? ZSTR_VAL(err) : NULL, true);
}

/* A target or option refused before any socket exists: the connect phase, PHP's $errstr as message. */
static void connect_refused(php_stream *stream, php_stream_xport_param *xp)
{
	xsock_err_note_str("target", xp->inputs.name);
	xsock_err_commit(stream, "connect", 0, error_text(xp), true);
}

static int attempt_delay(php_stream *stream)
{
	zval *v = socket_opt(stream, "happy_eyeballs_delay");
	zend_long ms = v ? zval_get_long(v) : XSOCK_ATTEMPT_DELAY_MS;

	/* RFC 8305 §5: at least 10 ms; an hour is as good as sequential. */
	return ms < 10 ? 10 : (ms > 3600000 ? 3600000 : (int) ms);
}

/* The connect's durations, for xsock_tls_info(): two words on the stream, not the timestamps. */
static void keep_times(xsock_stream *xs, const xsock_connect_times *t)
{
	xs->dns_timed = t->resolved_us != 0;
	xs->dns_us = xs->dns_timed ? (uint32_t) MIN(t->resolved_us - t->start_us, UINT32_MAX) : 0;
	xs->connect_timed = t->connected_us != 0;
	xs->connect_us = xs->connect_timed ? (uint32_t) MIN(t->connected_us - t->resolved_us, UINT32_MAX) : 0;
}

int xsock_net_connect(php_stream *stream, php_stream_xport_param *xp)
{
	xsock_stream *xs = XSOCK_DATA(stream);
	xsock_connect_times times = {0, 0, 0};
	xsock_sockopts so;
	xsock_connect_opts o = {socktype_of(xs), NULL, false, false, false, XSOCK_ATTEMPT_DELAY_MS, &so};
	zval *bindto = socket_opt(stream, "bindto");
	zend_string *err = NULL;
	char *host;
	int port = 0, rc;

	xsock_err_discard();	/* notes left by a failure nobody committed are not this connect's */
	host = parse_target(xp, &port);
	if (host == NULL) {
		connect_refused(stream, xp);
		return -1;
	}
	if (bindto != NULL && Z_TYPE_P(bindto) != IS_STRING) {
		if (xp->want_errortext) {
			xp->outputs.error_text = ZSTR_INIT_LITERAL("local_addr context option is not a string.", 0);
		}
		efree(host);
		connect_refused(stream, xp);
		return -1;
	}
	if (read_sockopts(stream, xs, xp, &so) != 0) {
		efree(host);
		connect_refused(stream, xp);
		return -1;
	}
	o.bindto = bindto ? Z_STRVAL_P(bindto) : NULL;
	xs->wait_first = true;	/* see xsock_net_read() */
	o.nodelay = o.socktype == SOCK_STREAM && socket_flag(stream, "tcp_nodelay");
	o.broadcast = o.socktype == SOCK_DGRAM && socket_flag(stream, "so_broadcast");
	o.async = xp->op == STREAM_XPORT_OP_CONNECT_ASYNC;
	o.attempt_delay_ms = attempt_delay(stream);
	o.times = &times;
	rc = xsock_sock_connect(host, port, &o, xp->inputs.timeout, &xs->net.socket, &err, &xp->outputs.error_code);
	keep_times(xs, &times);
	if (rc == XSOCK_ERR) {
		connect_failed(stream, xp, host, port, err);
	} else {
		xsock_err_discard();	/* a bindto warning on the way: the connect still worked */
	}
	efree(host);
	error_out(xp, err);
	if (rc == XSOCK_WANT_WRITE) {
		xp->outputs.error_code = EINPROGRESS;
		return 1;	/* pending connection (xp_socket.c:823) */
	}
	return rc == XSOCK_OK ? 0 : -1;
}

static xsock_stream *child_data(const xsock_stream *parent, php_socket_t fd)
{
	xsock_stream *c = ecalloc(1, sizeof(*c));
	bool known = !parent->recv_wait_off && parent->fork_gen == xsock_fork_gen;

	/* PHP copies the server's netstream data: timeout, timeout_event. */
	c->net = parent->net;
	c->net.socket = fd;
	c->net.is_blocked = 1;	/* accept() never inherits O_NONBLOCK on Linux */
	/*
	 * It does inherit SO_RCVTIMEO (xsock_net_recv_wait): the listener's
	 * value, which after a fork or a cast this process may no longer know.
	 */
	c->recv_wait_ms = known || parent->recv_wait_ms == 0 ? parent->recv_wait_ms : -1;
	c->fork_gen = xsock_fork_gen;
	c->scheme = parent->scheme;
	return c;
}

/* The accept phase: nothing was connected yet, the server's own wait or accept() failed. */
static void accept_failed(php_stream *stream, php_stream_xport_param *xp, const zend_string *err)
{
	if (xp->outputs.error_code == XSOCK_ETIMEDOUT && xp->inputs.timeout != NULL) {
		timeout_hint(xsock_tv_to_ms(xp->inputs.timeout), "accept timeout", "no client connected",
			"the timeout argument of stream_socket_accept() or default_socket_timeout");
	}
	xsock_err_commit(stream, "accept", xp->outputs.error_code, err != NULL ? ZSTR_VAL(err) : NULL, true);
}

int xsock_net_accept(php_stream *stream, php_stream_xport_param *xp)
{
	xsock_stream *xs = XSOCK_DATA(stream);
	struct sockaddr_storage sa;
	socklen_t salen = 0;
	zend_string *err = NULL;
	php_socket_t fd;
	php_stream *child;
	int ms = xsock_tv_to_ms(xp->inputs.timeout);
	/* A blocking listener waits in accept() itself, as reads wait in recv() (xsock_net_recv_wait). */
	bool in_accept = xs->net.is_blocked && xsock_net_recv_wait(xs, ms);

	xp->outputs.client = NULL;
	if (xsock_sock_accept(xs->net.socket, ms, in_accept, socket_flag(stream, "tcp_nodelay"),
			&fd, &sa, &salen, &err, &xp->outputs.error_code) != XSOCK_OK) {
		accept_failed(stream, xp, err);
		error_out(xp, err);
		return -1;
	}
	if (xs->scheme->kind == XSOCK_KIND_TCP) {
		xsock_sockopt_accepted(fd, PHP_STREAM_CONTEXT(stream));
	}
	xsock_sock_name_out((struct sockaddr *) &sa, salen,
		xp->want_textaddr ? &xp->outputs.textaddr : NULL,
		xp->want_addr ? &xp->outputs.addr : NULL, &xp->outputs.addrlen);
	child = php_stream_alloc(stream->ops, child_data(xs, fd), NULL, "r+");
	if (child == NULL) {
		closesocket(fd);
		return -1;
	}
	xsock_net_stream_init(child);
	child->ctx = stream->ctx;
	if (stream->ctx) {
		GC_ADDREF(stream->ctx);
	}
	xp->outputs.client = child;
	return 0;
}

static int op_name(xsock_stream *xs, php_stream_xport_param *xp, bool peer)
{
	struct sockaddr_storage sa;
	socklen_t len = sizeof(sa);
	int rc = peer ? getpeername(xs->net.socket, (struct sockaddr *) &sa, &len)
		: getsockname(xs->net.socket, (struct sockaddr *) &sa, &len);

	if (rc != 0) {
		return -1;
	}
	xsock_sock_name_out((struct sockaddr *) &sa, len,
		xp->want_textaddr ? &xp->outputs.textaddr : NULL,
		xp->want_addr ? &xp->outputs.addr : NULL, &xp->outputs.addrlen);
	return 0;
}

static int op_send(php_stream *stream, xsock_stream *xs, php_stream_xport_param *xp)
{
	int flags = (xp->inputs.flags & STREAM_OOB) ? MSG_OOB : 0;
	ssize_t n = xp->inputs.addr
		? sendto(xs->net.socket, xp->inputs.buf, xp->inputs.buflen, flags | XSOCK_SEND_FLAGS,
			xp->inputs.addr, xp->inputs.addrlen)
		: xsock_sock_send(xs->net.socket, xp->inputs.buf, xp->inputs.buflen, flags);

	if (n < 0) {
		int err = php_socket_errno();
		zend_string *e = php_socket_error_str(err);

		php_error_docref(NULL, E_WARNING, "%s\n", ZSTR_VAL(e));
		xsock_err_commit(stream, "write", err, ZSTR_VAL(e), false);
		zend_string_release(e);
		return -1;
	}
	return (int) n;
}

/* One recv(), or recvfrom() when PHP wants the sender; -1 on failure, errno kept. */
static ssize_t recv_into(xsock_stream *xs, php_stream_xport_param *xp, int flags)
{
	struct sockaddr_storage sa;
	socklen_t len = sizeof(sa);
	ssize_t n;

	if (!xp->want_addr && !xp->want_textaddr) {
		return recv(xs->net.socket, xp->inputs.buf, xp->inputs.buflen, flags);
	}
	memset(&sa, 0, sizeof(sa));
	n = recvfrom(xs->net.socket, xp->inputs.buf, xp->inputs.buflen, flags, (struct sockaddr *) &sa, &len);
	if (n < 0) {
		return -1;
	}
	if (len > 0) {
		xsock_sock_name_out((struct sockaddr *) &sa, len,
			xp->want_textaddr ? &xp->outputs.textaddr : NULL,
			xp->want_addr ? &xp->outputs.addr : NULL, &xp->outputs.addrlen);
	} else if (xp->want_textaddr) {
		xp->outputs.textaddr = ZSTR_EMPTY_ALLOC();
	}
	return n;
}

/*
 * PHP's recvfrom ignores the stream timeout and blocks forever on a blocking
 * stream with nothing to read (php-transports-8.2.md §6 item 23).  xsock
 * waits at most the stream timeout there and then reports timed_out, like
 * fread does.  Everywhere else PHP's recv() answers at once: data, a
 * listening socket (ENOTCONN), one shut down for reading (EOF), a pending
 * error (ECONNRESET).  So the first try never waits, and only "would block"
 * leads to the bounded wait; a wait first would sit out the whole timeout
 * on a listening socket, which never becomes readable for recv().
 */
static int op_recv(php_stream *stream, xsock_stream *xs, php_stream_xport_param *xp)
{
	int flags = ((xp->inputs.flags & STREAM_OOB) ? MSG_OOB : 0) | ((xp->inputs.flags & STREAM_PEEK) ? MSG_PEEK : 0);
	bool may_wait = xs->net.is_blocked && !(flags & MSG_OOB);
	ssize_t n;

	if (may_wait) {
		xs->net.timeout_event = 0;	/* a new wait, even one the first try makes unnecessary */
	}
#ifdef XSOCK_HAVE_MSG_DONTWAIT
	n = recv_into(xs, xp, flags | (may_wait ? MSG_DONTWAIT : 0));
	if (n >= 0 || !may_wait || !XSOCK_EWOULDBLOCK(php_socket_errno())) {
		return n < 0 ? -1 : (int) n;
	}
#endif
	if (may_wait) {
		if (xsock_sock_wait(xs->net.socket, READ_POLL_EVENTS, io_wait_ms(xs)) == XSOCK_TIMEOUT) {
			xsock_net_timed_out(stream, true);
			return -1;
		}
	}
	n = recv_into(xs, xp, flags);
	return n < 0 ? -1 : (int) n;
}

static int op_shutdown(php_stream *stream, xsock_stream *xs, php_stream_xport_param *xp)
{
	static const int how[] = {SHUT_RD, SHUT_WR, SHUT_RDWR};

	if (shutdown(xs->net.socket, how[xp->how]) == 0) {
		return 0;
	}
	/* PHP says nothing and returns false; the record says why. */
	errno_commit(stream, "shutdown", php_socket_errno(), false);
	return -1;
}

static int xport(php_stream *stream, xsock_stream *xs, php_stream_xport_param *xp)
{
	int rc;

	switch (xp->op) {
		case STREAM_XPORT_OP_LISTEN:
			rc = op_listen(stream, xs, xp);
			break;
		case STREAM_XPORT_OP_BIND:
			rc = op_bind(stream, xs, xp);
			break;
		case STREAM_XPORT_OP_CONNECT:
		case STREAM_XPORT_OP_CONNECT_ASYNC:
			rc = xsock_net_connect(stream, xp);
			break;
		case STREAM_XPORT_OP_ACCEPT:
			rc = xsock_net_accept(stream, xp);
			break;
		case STREAM_XPORT_OP_GET_NAME:
		case STREAM_XPORT_OP_GET_PEER_NAME:
			rc = op_name(xs, xp, xp->op == STREAM_XPORT_OP_GET_PEER_NAME);
			break;
		case STREAM_XPORT_OP_SEND:
			rc = op_send(stream, xs, xp);
			break;
		case STREAM_XPORT_OP_RECV:
			rc = op_recv(stream, xs, xp);
			break;
		case STREAM_XPORT_OP_SHUTDOWN:
			rc = op_shutdown(stream, xs, xp);
			break;
		default:
			return PHP_STREAM_OPTION_RETURN_NOTIMPL;
	}
	xp->outputs.returncode = rc;
	return PHP_STREAM_OPTION_RETURN_OK;
}

int xsock_net_set_option(php_stream *stream, int option, int value, void *ptrparam)
{
	xsock_stream *xs = XSOCK_DATA(stream);

	switch (option) {
		case PHP_STREAM_OPTION_CHECK_LIVENESS:
			return xsock_net_liveness(stream, value);
		case PHP_STREAM_OPTION_BLOCKING:
			return set_blocking(xs, value);
		case PHP_STREAM_OPTION_READ_TIMEOUT:
			return set_read_timeout(xs, (struct timeval *) ptrparam);
		case PHP_STREAM_OPTION_META_DATA_API:
			xsock_net_meta(stream, (zval *) ptrparam);
			return PHP_STREAM_OPTION_RETURN_OK;
		case PHP_STREAM_OPTION_XPORT_API:
			return xport(stream, xs, (php_stream_xport_param *) ptrparam);
		default:
			return PHP_STREAM_OPTION_RETURN_NOTIMPL;
	}
}
