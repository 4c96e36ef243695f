/*
 * tls_bio.c - xsock's BIO between OpenSSL and the stream's socket.
 *
 * Why not BIO_s_socket():
 *  - It never blocks: recv/send use MSG_DONTWAIT, so the socket's blocking
 *    mode is left alone (PHP flips O_NONBLOCK around every SSL call, about
 *    six fcntl() per read).  Waiting, deadlines and timed_out are the
 *    caller's job (tls.c), with poll().
 *  - Writes go through xsock_sock_send(): no SIGPIPE (MSG_NOSIGNAL).
 *  - STARTTLS: bytes PHP already read into its buffer (e.g. a ClientHello
 *    sent right behind "STARTTLS\r\n") are handed to OpenSSL first instead
 *    of being lost (php-transports-8.2.md §6 item 34).
 *  - During the handshake the first bytes received are kept, so a peer that
 *    talks plaintext (SMTP on 587, HTTP on 443...) can be diagnosed.
 *  - Bulk transfers cost about one system call per 64 KiB each way, as with
 *    OpenSSL's own read-ahead and a buffering BIO (bench/ceiling.c
 *    better=1), without their costs: raw bytes read ahead stay where crypto
 *    off can hand them back and stream_select() can count them, and
 *    neither buffer outlives the read or write call that needed it.
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "tls_int.h"
#include "netops.h"

static BIO_METHOD *xsock_bio_method;

static void record(xsock_tls_io *io, const char *buf, size_t len)
{
	size_t room = XSOCK_TLS_SEEN_MAX - io->seen_len;

	if (!io->record || io->seen == NULL || room == 0) {
		return;
	}
	if (len > room) {
		len = room;
	}
	memcpy(io->seen + io->seen_len, buf, len);
	io->seen_len += len;
}

static void prefix_free(xsock_tls_io *io)
{
	if (io->prefix) {
		pefree(io->prefix, io->persistent);
	}
	io->prefix = NULL;
	io->prefix_len = 0;
	io->prefix_pos = 0;
	io->prefix_bulk = false;
}

static int from_prefix(xsock_tls_io *io, char *out, int len)
{
	size_t n = io->prefix_len - io->prefix_pos;

	if (n > (size_t) len) {
		n = (size_t) len;
	}
	memcpy(out, io->prefix + io->prefix_pos, n);
	io->prefix_pos += n;
	record(io, out, n);
	if (io->prefix_pos == io->prefix_len) {
		prefix_free(io);
	}
	return (int) n;
}

#ifndef XSOCK_HAVE_MSG_DONTWAIT
/* No MSG_DONTWAIT (Windows): ask poll() first so recv/send cannot block. */
static bool ready(php_socket_t fd, int events)
{
	return xsock_sock_wait(fd, events, 0) == XSOCK_OK;
}
#endif

/* A failed recv(): EAGAIN and EINTR ask OpenSSL to retry, the rest is an error. */
static int read_failed(BIO *b, xsock_tls_io *io, int err)
{
	io->last_errno = err;
	if (XSOCK_EWOULDBLOCK(err) || err == EINTR) {
		BIO_set_retry_read(b);
	}
	return -1;
}

/*
 * One recv() that never blocks; sets the retry flag and last_errno when it
 * fails.  With a tail, bytes past len land there (see bio_read).
 */
static ssize_t sock_read(BIO *b, xsock_tls_io *io, char *buf, size_t len, char *tail, size_t tail_len)
{
	php_socket_t fd = io->xs->net.socket;
	int flags = io->recv_now ? 0 : XSOCK_RECV_DONTWAIT;
	ssize_t n;
	int err;

#ifndef XSOCK_HAVE_MSG_DONTWAIT
	/* No per-call non-blocking I/O here: ask poll() first. */
	if (!ready(fd, POLLIN)) {
		io->last_errno = EAGAIN;
		BIO_set_retry_read(b);
		return -1;
	}
#endif
	n = tail == NULL ? xsock_sock_recv(fd, buf, len, flags)
		: xsock_sock_recv_tail(fd, buf, len, tail, tail_len, flags);
	io->recv_now = false;
	if (n > 0) {
		/*
		 * Fewer bytes than asked for: the kernel's queue is empty, and
		 * what OpenSSL wants next is still on the wire.  In a blocking
		 * loop the next read polls first instead of a recv() that would
		 * only say EAGAIN (a ticket read before the reply it precedes).
		 */
		if (io->in_wait_loop && (size_t) n < len + (tail != NULL ? tail_len : 0)) {
			io->wait_first = true;
		}
		return n;
	}
	if (n == 0) {
		io->eof = true;
		return 0;
	}
	err = php_socket_errno();
	if (flags != XSOCK_RECV_DONTWAIT && (XSOCK_EWOULDBLOCK(err) || err == EINTR)) {
		io->recv_wait_failed = true;	/* its time, or a signal: the loop polls for the rest */
	}
	return read_failed(b, io, err);
}

/* Keep what a read-ahead got past OpenSSL's request; bio_read hands it out first. */
static void stash(xsock_tls_io *io, const char *buf, size_t len)
{
	io->persistent = io->xs->persistent;
	io->prefix = pemalloc(len, io->persistent);
	memcpy(io->prefix, buf, len);
	io->prefix_len = len;
	io->prefix_pos = 0;
	io->prefix_bulk = false;
}

/*
 * How far a socket read of len bytes for OpenSSL may read ahead.  Bulk
 * mode: a run of full-size records (io->big) while the read call wants
 * more than one further record (a large fread(); PHP hands those to the
 * stream whole) -- then up to what the call still wants, at most
 * XSOCK_TLS_BULK, so what is left over when the call returns is at most a
 * record's overhead and a header.  Otherwise a record body takes the next
 * header along (one recv() per record); 0 = no tail.
 */
static size_t bulk_tail(const xsock_tls_io *io, size_t len)
{
	if (io->big && io->want > len + XSOCK_TLS_RECORD) {
		return MIN(XSOCK_TLS_BULK, io->want - len + XSOCK_TLS_BULK_SLACK);
	}
	return len > XSOCK_TLS_AHEAD ? XSOCK_TLS_HEADER : 0;
}

/*
 * A read of len bytes straight into OpenSSL's buffer (no copy), with the
 * bytes past them landing in a tail that becomes the prefix as it is:
 * a bulk tail is handed over, not copied.
 */
static ssize_t direct_read(BIO *b, xsock_tls_io *io, char *out, size_t len)
{
	char header[XSOCK_TLS_HEADER];
	size_t tail_len = bulk_tail(io, len);
	bool bulk = tail_len > sizeof(header);
	char *tail = bulk ? pemalloc(tail_len, io->xs->persistent) : header;
	ssize_t n = sock_read(b, io, out, len, tail_len ? tail : NULL, tail_len);

	if (n > (ssize_t) len && bulk) {
		io->persistent = io->xs->persistent;
		io->prefix = (unsigned char *) tail;
		io->prefix_len = (size_t) n - len;
		io->prefix_pos = 0;
		io->prefix_bulk = true;
		return (ssize_t) len;
	}
	if (n > (ssize_t) len) {
		stash(io, tail, (size_t) n - len);
		n = (ssize_t) len;
	}
	if (bulk) {
		pefree(tail, io->xs->persistent);
	}
	return n;
}

/*
 * Peek mode, while a cast for select looks at the stream
 * (xsock_tls_pending): OpenSSL gets the bytes after those it has already
 * been shown, and the kernel keeps all of them, so a caller that polls the
 * fd itself (mysqlnd) still finds it readable.  MSG_PEEK always starts at
 * the head of the queue, so one peek copies as much of it as a look may
 * need (XSOCK_TLS_PEEK_MAX) and OpenSSL's requests for a header, then a
 * body, are served from that copy: one recv() per look.  OpenSSL asks for
 * one record at a time, so it holds no raw bytes past the record that
 * gave it data.
 */
static int peek_read(BIO *b, xsock_tls_io *io, char *out, int len)
{
	size_t got;
	ssize_t n = 1;

	if (io->peek_copy == NULL) {
		io->peek_copy = emalloc(XSOCK_TLS_PEEK_MAX);
		io->peek_len = 0;
	}
	if (io->peeked + (size_t) len > io->peek_len && io->peek_len < XSOCK_TLS_PEEK_MAX) {
#ifndef XSOCK_HAVE_MSG_DONTWAIT
		if (!ready(io->xs->net.socket, POLLIN)) {
			return read_failed(b, io, EAGAIN);
		}
#endif
		n = xsock_sock_recv(io->xs->net.socket, io->peek_copy, XSOCK_TLS_PEEK_MAX, MSG_PEEK | XSOCK_RECV_DONTWAIT);
		if (n > 0) {
			io->peek_len = (size_t) n;
		}
	}
	got = MIN(io->peek_len - io->peeked, (size_t) len);
	if (got > 0) {
		memcpy(out, io->peek_copy + io->peeked, got);
		io->peeked += got;
		return (int) got;
	}
	if (n == 0) {
		io->eof = true;
		return 0;
	}
	/* Only bytes OpenSSL has already seen (or a look's worth): nothing new yet. */
	return read_failed(b, io, n > 0 ? EAGAIN : php_socket_errno());
}

/*
 * Receive for real the bytes peeks showed OpenSSL (it has consumed them
 * already), so the next socket read starts after them.  They are in the
 * kernel's queue, so this never waits.
 */
int xsock_tls_bio_settle(xsock_tls_io *io)
{
	char *scrap;
	ssize_t n = 1;

	if (io->peeked == 0) {
		return XSOCK_OK;
	}
	/* One recv() for all of them (a whole record, in bulk transfers). */
	scrap = emalloc(io->peeked);
	while (io->peeked > 0 && n > 0) {
		n = xsock_sock_recv(io->xs->net.socket, scrap, io->peeked, XSOCK_RECV_DONTWAIT);
		io->peeked -= n > 0 ? (size_t) n : 0;
	}
	efree(scrap);
	if (n <= 0) {
		/* A reset purged the queue: the next recv() reports it. */
		io->peeked = 0;
		return XSOCK_ERR;
	}
	return XSOCK_OK;
}

void xsock_tls_bio_peek(xsock_tls_io *io, bool on)
{
	io->peek = on;
	if (!on && io->peek_copy != NULL) {
		efree(io->peek_copy);
		io->peek_copy = NULL;
		io->peek_len = 0;
	}
}

/*
 * Without read-ahead OpenSSL asks for a record's 5-byte header, then for
 * its body: two recv() per record.  A small request here fetches up to
 * XSOCK_TLS_AHEAD bytes and keeps the rest, so a small record (a request,
 * a response, a handshake flight) costs one recv().  SSL_set_read_ahead()
 * would do the same, but bytes OpenSSL holds could never be handed back
 * to PHP when TLS is turned off (STARTTLS); ours can.  Once a request
 * asks for more than the window (bulk: 16 KiB records), a record's body
 * is read straight into OpenSSL's buffer; the same recv() takes the next
 * header into a 5-byte tail (one recv() per record instead of two), or,
 * when a large fread() wants several records, up to 64 KiB of them
 * (bulk_tail): one recv() per 64 KiB, the records after the first copied
 * once from there into OpenSSL's buffer.
 */
static int bio_read(BIO *b, char *out, int len)
{
	xsock_tls_io *io = BIO_get_data(b);
	char ahead[XSOCK_TLS_AHEAD];
	bool use_ahead;
	ssize_t n;

	BIO_clear_retry_flags(b);
	if (out == NULL || len <= 0) {
		return 0;
	}
	if (io->prefix != NULL) {
		return from_prefix(io, out, len);
	}
	if (io->peek) {
		return peek_read(b, io, out, len);
	}
	xsock_tls_bio_settle(io);
	if (io->wait_first) {
		/*
		 * A blocking handshake just sent its flight: the answer is at
		 * least a round trip away, so a recv() now would only say EAGAIN
		 * before the loop's poll().  Where the loop allows it (may_wait),
		 * this read waits in recv() itself: one system call for the wait
		 * and the bytes (xsock_net_recv_wait).  Otherwise say EAGAIN
		 * without the system call; the read after the poll goes to the
		 * socket.
		 */
		io->wait_first = false;
		xsock_tls_bio_release(io);
		if (!io->may_wait || io->recv_wait_failed
				|| !xsock_net_recv_wait(io->xs, xsock_ms_left(io->wait_deadline))) {
			return read_failed(b, io, EAGAIN);
		}
		io->recv_now = true;
	}
	use_ahead = !io->big && (size_t) len < sizeof(ahead);
	if (!use_ahead) {
		n = direct_read(b, io, out, (size_t) len);
		io->big = (size_t) len > sizeof(ahead);
	} else {
		io->big = false;
		n = sock_read(b, io, ahead, sizeof(ahead), NULL, 0);
		if (n > len) {
			stash(io, ahead + len, (size_t) n - (size_t) len);
			n = len;
		}
		if (n > 0) {
			memcpy(out, ahead, (size_t) n);
		}
	}
	if (n <= 0) {
		if (n < 0) {
			xsock_tls_bio_release(io);	/* nothing yet: the stream will wait, or the script */
		}
		return (int) n;
	}
	record(io, out, (size_t) n);
	return (int) n;
}

/* A send() that did not take everything: EAGAIN and EINTR ask OpenSSL to retry. */
static int write_failed(BIO *b, xsock_tls_io *io, int err)
{
	io->last_errno = err;
	if (XSOCK_EWOULDBLOCK(err) || err == EINTR) {
		BIO_set_retry_write(b);
	}
	return -1;
}

/*
 * Send the records held back, then len bytes of in, in one system call;
 * the bytes of in taken, or -1.  Held bytes always go first, whoever
 * writes next (a close_notify, a KeyUpdate answer), so the order on the
 * wire is the order OpenSSL wrote in.
 */
static int send_out(BIO *b, xsock_tls_io *io, const char *in, size_t len)
{
	php_socket_t fd = io->xs->net.socket;
	size_t held = io->wbuf != NULL ? io->wbuf->len - io->wbuf->pos : 0;
	ssize_t n;

#ifndef XSOCK_HAVE_MSG_DONTWAIT
	/* No per-call non-blocking I/O here: ask poll() first. */
	if (!ready(fd, POLLOUT)) {
		return write_failed(b, io, EAGAIN);
	}
#endif
	n = held == 0 ? xsock_sock_send(fd, in, len, XSOCK_RECV_DONTWAIT)
		: xsock_sock_send_two(fd, io->wbuf->data + io->wbuf->pos, held, in, len, XSOCK_RECV_DONTWAIT);
	if (n < 0) {
		return write_failed(b, io, php_socket_errno());
	}
	if ((size_t) n < held) {
		io->wbuf->pos += (size_t) n;
		return write_failed(b, io, EAGAIN);
	}
	if (held > 0) {
		io->wbuf->len = io->wbuf->pos = 0;
		io->deferred = false;
	}
	n -= (ssize_t) held;
	if (n == 0 && len > 0) {
		/* The socket took exactly the held bytes: in waits for room. */
		return write_failed(b, io, EAGAIN);
	}
	return (int) n;
}

/* Append len bytes to io->wbuf, which gets room for at least cap (sized to need, see xsock_tls_wbuf). */
static void wbuf_append(xsock_tls_io *io, const char *in, size_t len, size_t cap)
{
	bool fresh = io->wbuf == NULL;

	if (fresh || io->wbuf->cap < cap) {
		io->wbuf = perealloc(io->wbuf, XtOffsetOf(xsock_tls_wbuf, data) + cap, io->xs->persistent);
		io->wbuf->cap = cap;
		if (fresh) {
			io->wbuf->len = io->wbuf->pos = 0;
		}
	}
	memcpy(io->wbuf->data + io->wbuf->len, in, len);
	io->wbuf->len += len;
}

/*
 * While a write has more records to come (io->coalesce, set by tls.c for
 * blocking writes of more than a record), a record is copied here instead
 * of sent; the record that does not fit, or the last one, leaves with all
 * of them in one sendmsg(): one system call per 64 KiB instead of one per
 * 16 KiB record.  So a write call that returns has sent everything
 * (except after a timeout or an error, when what is held goes first at
 * the next write, close_notify or flush), and the buffer is freed then
 * (xsock_tls_bio_idle).  Non-blocking writes are sent record by record
 * as before: what they report written is on the socket.
 */
static bool hold(xsock_tls_io *io, const char *in, size_t len)
{
	size_t used = io->wbuf != NULL ? io->wbuf->len : 0;

	if (!io->coalesce || used + len > XSOCK_TLS_WBUF) {
		return false;
	}
	wbuf_append(io, in, len, XSOCK_TLS_WBUF);
	io->deferred = false;	/* tickets held before go with this write */
	return true;
}

/*
 * A TLS 1.3 server sends its session tickets as soon as it has read the
 * client's Finished: a send() of their own, and on the client one more
 * wake-up and recv() before the reply, although no client waits for them
 * (RFC 8446 §4.6.1: the server may send them at any time).  They are held
 * here instead and leave in the send() of the server's first write, or
 * before the stream waits for anything or the script may (a read that
 * finds nothing, stream_select(), shutdown, close_notify): the bytes and
 * their order on the wire stay PHP's, a connection with a reply costs one
 * send() and one recv() less.  Only in that state and version: in TLS 1.2
 * the ticket is part of the server's flight, which the client waits for.
 */
static bool defer(xsock_tls_io *io, const char *in, size_t len)
{
	size_t used = io->wbuf != NULL ? io->wbuf->len : 0;
	const SSL *ssl;

	if (io->xs->is_client || (used > 0 && !io->deferred) || used + len > XSOCK_TLS_WBUF) {
		return false;
	}
	ssl = io->xs->tls->ssl;
	if (SSL_get_state(ssl) != TLS_ST_SW_SESSION_TICKET || SSL_version(ssl) != TLS1_3_VERSION) {
		return false;
	}
	wbuf_append(io, in, len, used + len);
	io->deferred = true;
	return true;
}

static int bio_write(BIO *b, const char *in, int len)
{
	xsock_tls_io *io = BIO_get_data(b);

	BIO_clear_retry_flags(b);
	if (in == NULL || len <= 0) {
		return 0;
	}
	if (hold(io, in, (size_t) len) || defer(io, in, (size_t) len)) {
		return len;
	}
	io->wait_first = io->in_wait_loop;
	return send_out(b, io, in, (size_t) len);
}

/* BIO_flush(): the held records out; 1 when none is left.  Deferred tickets stay (defer()). */
static long flush(BIO *b, xsock_tls_io *io)
{
	BIO_clear_retry_flags(b);
	if (io->wbuf == NULL || io->wbuf->len == io->wbuf->pos || io->deferred) {
		return 1;
	}
	return send_out(b, io, NULL, 0) < 0 ? 0 : 1;
}

/*
 * The deferred tickets go now, without waiting: the stream is about to
 * wait for the peer, or the script may wait for something else.  What
 * the socket does not take (an error, or no room) stays for the next
 * write or close_notify, which report any error.
 */
void xsock_tls_bio_release(xsock_tls_io *io)
{
	xsock_tls_wbuf *w = io->wbuf;
	ssize_t n;

	if (!io->deferred) {
		return;
	}
#ifndef XSOCK_HAVE_MSG_DONTWAIT
	if (!ready(io->xs->net.socket, POLLOUT)) {
		return;
	}
#endif
	n = xsock_sock_send(io->xs->net.socket, w->data + w->pos, w->len - w->pos, XSOCK_RECV_DONTWAIT);
	if (n <= 0) {
		return;
	}
	w->pos += (size_t) n;
	if (w->pos == w->len) {
		pefree(w, io->xs->persistent);
		io->wbuf = NULL;
		io->deferred = false;
	}
}

static int bio_puts(BIO *b, const char *str)
{
	return bio_write(b, str, (int) strlen(str));
}

static long bio_ctrl(BIO *b, int cmd, long num, void *ptr)
{
	xsock_tls_io *io = BIO_get_data(b);

	(void) num;
	switch (cmd) {
		case BIO_CTRL_FLUSH:
			return flush(b, io);
		case BIO_CTRL_EOF:
			/* OpenSSL 3 asks this to tell a FIN from an error (ssl3_read_n). */
			return io->eof && io->prefix == NULL;
		case BIO_CTRL_PENDING:
			return (long) (io->prefix_len - io->prefix_pos);
		case BIO_C_GET_FD:
			if (ptr != NULL) {
				*(int *) ptr = (int) io->xs->net.socket;
			}
			return (long) io->xs->net.socket;
		default:
			return 0;
	}
}

static int bio_create(BIO *b)
{
	BIO_set_init(b, 1);
	return 1;
}

static int bio_destroy(BIO *b)
{
	/* The io state belongs to the xsock_tls, not to the BIO. */
	BIO_set_data(b, NULL);
	return 1;
}

int xsock_tls_bio_minit(void)
{
	int type = BIO_get_new_index();

	if (type == -1) {
		return XSOCK_ERR;
	}
	xsock_bio_method = BIO_meth_new(type | BIO_TYPE_SOURCE_SINK, "xsock socket");
	if (xsock_bio_method == NULL) {
		return XSOCK_ERR;
	}
	BIO_meth_set_read(xsock_bio_method, bio_read);
	BIO_meth_set_write(xsock_bio_method, bio_write);
	BIO_meth_set_puts(xsock_bio_method, bio_puts);
	BIO_meth_set_ctrl(xsock_bio_method, bio_ctrl);
	BIO_meth_set_create(xsock_bio_method, bio_create);
	BIO_meth_set_destroy(xsock_bio_method, bio_destroy);
	return XSOCK_OK;
}

void xsock_tls_bio_mshutdown(void)
{
	if (xsock_bio_method != NULL) {
		BIO_meth_free(xsock_bio_method);
		xsock_bio_method = NULL;
	}
}

BIO *xsock_tls_bio_new(xsock_tls_io *io)
{
	BIO *b = BIO_new(xsock_bio_method);

	if (b != NULL) {
		BIO_set_data(b, io);
		io->eof = false;
		io->big = false;
		io->last_errno = 0;
		io->peek = false;
		io->peeked = 0;
		io->peek_copy = NULL;
		io->peek_len = 0;
		io->want = 0;
		io->coalesce = false;
		/* Records a previous session could not send (a timeout) must not open the next one. */
		if (io->wbuf != NULL) {
			pefree(io->wbuf, io->xs->persistent);
			io->wbuf = NULL;
		}
		io->deferred = false;
	}
	return b;
}

/*
 * STARTTLS: move what PHP buffered but the script has not read yet into
 * the BIO, so OpenSSL sees it before anything from the socket.
 */
void xsock_tls_bio_take_prefix(php_stream *stream, xsock_tls_io *io)
{
	size_t n;
	size_t rest;
	unsigned char *buf;

	if (stream->readbuf == NULL || stream->writepos <= stream->readpos) {
		return;
	}
	n = (size_t) (stream->writepos - stream->readpos);
	rest = io->prefix_len - io->prefix_pos;
	io->persistent = stream->is_persistent;
	buf = pemalloc(rest + n, io->persistent);
	if (rest) {
		memcpy(buf, io->prefix + io->prefix_pos, rest);
	}
	memcpy(buf + rest, stream->readbuf + stream->readpos, n);
	prefix_free(io);
	io->prefix = buf;
	io->prefix_len = rest + n;
	stream->readpos = stream->writepos = 0;
}

/* Make room for `extra` more bytes after the unread part of PHP's buffer. */
static void readbuf_reserve(php_stream *stream, size_t extra)
{
	size_t unread = (size_t) (stream->writepos - stream->readpos);

	if (stream->readbuf != NULL && stream->readpos > 0) {
		memmove(stream->readbuf, stream->readbuf + stream->readpos, unread);
		stream->readpos = 0;
		stream->writepos = (zend_off_t) unread;
	}
	if (stream->readbuf == NULL || stream->readbuflen < unread + extra) {
		stream->readbuflen = unread + extra;
		stream->readbuf = perealloc(stream->readbuf, stream->readbuflen, stream->is_persistent);
	}
}

/* Append bytes after the unread part of PHP's read buffer. */
void xsock_tls_readbuf_append(php_stream *stream, const char *data, size_t len)
{
	if (len == 0) {
		return;
	}
	readbuf_reserve(stream, len);
	memcpy(stream->readbuf + stream->writepos, data, len);
	stream->writepos += (zend_off_t) len;
}

/*
 * Crypto off, after the close_notify exchange: raw bytes the BIO still
 * holds (the peer's plaintext protocol, already past its close_notify) go
 * back to PHP's read buffer, behind the plaintext decrypted meanwhile.
 */
void xsock_tls_bio_give_back(php_stream *stream, xsock_tls_io *io)
{
	xsock_tls_readbuf_append(stream, (const char *) io->prefix + io->prefix_pos, io->prefix_len - io->prefix_pos);
	prefix_free(io);
}

/*
 * A handshake failed: OpenSSL reads a record header (5 bytes) before it
 * gives up, which is too little to recognise a greeting.  Add what is still
 * unread (prefix, then a non-consuming peek at the socket) to seen[].
 */
void xsock_tls_bio_peek_more(xsock_tls_io *io)
{
	size_t room = XSOCK_TLS_SEEN_MAX - io->seen_len;
	size_t rest = io->prefix_len - io->prefix_pos;
	ssize_t n;

	if (io->seen == NULL) {
		return;
	}
	if (rest > room) {
		rest = room;
	}
	if (rest) {
		memcpy(io->seen + io->seen_len, io->prefix + io->prefix_pos, rest);
		io->seen_len += rest;
		room -= rest;
	}
	if (room == 0 || io->xs->net.socket == SOCK_ERR) {
		return;
	}
#ifdef XSOCK_HAVE_MSG_DONTWAIT
	n = xsock_sock_recv(io->xs->net.socket, io->seen + io->seen_len, room, MSG_PEEK | MSG_DONTWAIT);
#else
	n = xsock_sock_wait(io->xs->net.socket, POLLIN, 0) == XSOCK_OK
		? xsock_sock_recv(io->xs->net.socket, io->seen + io->seen_len, room, MSG_PEEK) : -1;
#endif
	if (n > 0) {
		io->seen_len += (size_t) n;
	}
}

/*
 * For stream_select(): raw bytes OpenSSL has not seen yet.  Read-ahead
 * kept here always counts (the socket may be empty while a whole record
 * waits here); with ask_socket, so do bytes, EOF or an error waiting on
 * the socket (one non-consuming recv(), no OpenSSL call).
 */
bool xsock_tls_bio_has_input(xsock_tls_io *io, bool ask_socket)
{
	php_socket_t fd = io->xs->net.socket;
#ifdef XSOCK_HAVE_MSG_DONTWAIT
	char byte;
#endif

	if (io->prefix != NULL) {
		return true;
	}
	if (!ask_socket || fd == SOCK_ERR) {
		return false;
	}
#ifdef XSOCK_HAVE_MSG_DONTWAIT
	return xsock_sock_recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT) >= 0
		|| !XSOCK_EWOULDBLOCK(php_socket_errno());
#else
	return xsock_sock_wait(fd, POLLIN, 0) != XSOCK_TIMEOUT;
#endif
}

/*
 * Start (on) or stop keeping what the peer sends during a handshake.  The
 * buffer lives only from the start of a handshake to its end, so that an
 * established stream does not carry it.
 */
void xsock_tls_io_record(xsock_tls_io *io, bool on)
{
	io->record = on;
	if (on && io->seen == NULL) {
		io->seen = pemalloc(XSOCK_TLS_SEEN_MAX, io->xs->persistent);
		io->seen_len = 0;
	} else if (!on && io->seen != NULL) {
		pefree(io->seen, io->xs->persistent);
		io->seen = NULL;
		io->seen_len = 0;
	}
}

/*
 * A read or write call is over: memory sized for bulk goes.  The write
 * buffer when it has been sent (always, but after a timeout or an error);
 * a bulk read-ahead buffer that holds little more than a record's
 * leftovers moves them to a buffer of their size.
 */
void xsock_tls_bio_idle(xsock_tls_io *io)
{
	size_t rest = io->prefix_len - io->prefix_pos;
	unsigned char *old = io->prefix;

	if (io->wbuf != NULL && io->wbuf->len == io->wbuf->pos) {
		pefree(io->wbuf, io->xs->persistent);
		io->wbuf = NULL;
	}
	if (io->prefix_bulk && rest <= XSOCK_TLS_AHEAD) {
		io->prefix = NULL;
		stash(io, (const char *) old + io->prefix_pos, rest);
		pefree(old, io->persistent);
	}
}

void xsock_tls_io_free(xsock_tls_io *io)
{
	prefix_free(io);
	if (io->wbuf != NULL) {
		pefree(io->wbuf, io->xs->persistent);
		io->wbuf = NULL;
	}
	io->deferred = false;
	xsock_tls_io_record(io, false);
}
