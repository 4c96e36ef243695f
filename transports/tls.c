/*
 * tls.c - the TLS layer's coordinators: crypto setup and enable (handshake,
 * crypto off), accepted children of a TLS server, reads, writes, liveness,
 * metadata, close.  The work is done by tls_config.c (SSL_CTX), tls_bio.c
 * (socket I/O), tls_verify.c, tls_server.c, tls_session.c and tls_error.c.
 *
 * Waiting: the BIO never blocks, so the socket's O_NONBLOCK flag is never
 * touched here (PHP flips it around every SSL call).  A blocking stream
 * waits in poll() until its deadline; a non-blocking one returns at once.
 * Deadlines follow PHP's SSL code: only a positive timeval counts, {0,0}
 * and negative ones mean "no deadline".
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "tls_int.h"
#include "tls_diag.h"
#include "tls_objects.h"
#include "netops.h"
#include "xsock_error.h"
#include "transports.h"
#include "ext/standard/info.h"
#include <openssl/crypto.h>

/* Raw bytes drained at close, at most (64 reads of 16 KiB). */
#define CLOSE_DRAIN_READS	64

int xsock_tls_ssl_index = -1;

php_stream *xsock_tls_stream_of(const SSL *ssl)
{
	return xsock_tls_ssl_index < 0 ? NULL : SSL_get_ex_data(ssl, xsock_tls_ssl_index);
}

/* Absolute deadline (xsock_now_ms) for a PHP timeout; 0 = none, as PHP's SSL code: only > 0 counts. */
uint64_t xsock_tls_deadline(const struct timeval *tv)
{
	int ms;

	if (tv->tv_sec < 0 || (tv->tv_sec == 0 && tv->tv_usec <= 0)) {
		return 0;
	}
	ms = xsock_tv_to_ms(tv);
	return xsock_now_ms() + (uint64_t) (ms > 0 ? ms : 1);
}

/* Wait for what an SSL call asked for; XSOCK_TIMEOUT once the deadline passed. */
static int tls_wait(xsock_stream *xs, int want, uint64_t deadline)
{
	int left = xsock_ms_left(deadline);

	if (deadline != 0 && left == 0) {
		return XSOCK_TIMEOUT;
	}
	xsock_tls_bio_release(&xs->tls->io);	/* nothing held back while waiting */
	/* A poll error is left for the next SSL call to report. */
	if (xsock_sock_wait(xs->net.socket, want == XSOCK_WANT_WRITE ? POLLOUT : POLLIN, left) == XSOCK_TIMEOUT) {
		return XSOCK_TIMEOUT;
	}
	return XSOCK_OK;
}

/*
 * Instead of poll() for POLLIN: the next SSL call's socket read waits in
 * recv() itself (tls_bio.c, xsock_net_recv_wait).  Not once such a wait
 * ended without bytes in this call (its time is up, or a signal came):
 * poll() then waits for what is left of the deadline.  Not when the last
 * call never reached the socket (wait_first still set).
 */
static bool wait_in_recv(xsock_stream *xs, xsock_tls *tls, uint64_t deadline)
{
	if (tls->io.recv_wait_failed || tls->io.wait_first || !xsock_net_recv_wait(xs, xsock_ms_left(deadline))) {
		return false;
	}
	tls->io.wait_first = true;
	return true;
}

/* May the socket reads of the SSL call that follow wait in recv(), and until when? */
static void recv_wait_bound(xsock_tls *tls, bool may_wait, uint64_t deadline)
{
	tls->io.may_wait = may_wait;
	tls->io.wait_deadline = deadline;
}

/* The socket's errno behind a failed TLS read, write or shutdown; 0 when TLS itself failed (EAGAIN is stale). */
static int io_errno(const xsock_tls *tls)
{
	return XSOCK_EWOULDBLOCK(tls->io.last_errno) ? 0 : tls->io.last_errno;
}

/*
 * SSL_MODE_RELEASE_BUFFERS frees the read buffer after a record that
 * carried application data, but not after post-handshake records (TLS 1.3
 * tickets) or a read that found nothing: OpenSSL allocates its 16.6 KiB
 * buffer before it asks the socket.  Call this only where a stream goes
 * back to the script with nothing read; not after data (already freed),
 * not before waiting for the socket (the buffer is needed again at once).
 * SSL_free_buffers() is a no-op while a record is partly read, and costs
 * ~700 instructions even then (it walks 32 pipeline slots).
 */
static void idle_buffers(xsock_tls *tls)
{
	if (SSL_pending(tls->ssl) == 0) {
		SSL_free_buffers(tls->ssl);
	}
}

static zval *opt(php_stream *stream, const char *name)
{
	php_stream_context *context = PHP_STREAM_CONTEXT(stream);

	return context ? php_stream_context_get_option(context, "ssl", name) : NULL;
}

/* --------------------------------------------------------------- module */

int xsock_tls_minit(void)
{
	if (!OPENSSL_init_ssl(OPENSSL_INIT_LOAD_CONFIG, NULL)) {
		return FAILURE;
	}
	xsock_tls_ssl_index = SSL_get_ex_new_index(0, "xsock stream", NULL, NULL, NULL);
	if (xsock_tls_ssl_index < 0 || xsock_tls_bio_minit() != XSOCK_OK
			|| xsock_tls_conf_minit() != XSOCK_OK || xsock_tls_session_minit() != XSOCK_OK
			|| xsock_tls_objects_minit() != XSOCK_OK) {
		return FAILURE;
	}
	return SUCCESS;
}

void xsock_tls_mshutdown(void)
{
	xsock_tls_session_mshutdown();
	xsock_tls_conf_mshutdown();
	xsock_tls_bio_mshutdown();
}

/* Per process: whether resumption and context sharing work is visible to an operator. */
static void cache_row(const char *name, const xsock_tls_cache_stats *st)
{
	char text[96];

	snprintf(text, sizeof(text), "entries: %zu, hits: %" PRIu64 ", misses: %" PRIu64,
		st->entries, st->hits, st->misses);
	php_info_print_table_row(2, name, text);
}

void xsock_tls_minfo(void)
{
	xsock_tls_cache_stats st;
	static const struct { int method; const char *name; } versions[] = {
		{STREAM_CRYPTO_METHOD_SSLv3_CLIENT, "SSLv3"},
		{STREAM_CRYPTO_METHOD_TLSv1_0_CLIENT, "TLSv1.0"},
		{STREAM_CRYPTO_METHOD_TLSv1_1_CLIENT, "TLSv1.1"},
		{STREAM_CRYPTO_METHOD_TLSv1_2_CLIENT, "TLSv1.2"},
		{STREAM_CRYPTO_METHOD_TLSv1_3_CLIENT, "TLSv1.3"},
	};
	char list[64] = "";
	size_t i;

	for (i = 0; i < sizeof(versions) / sizeof(versions[0]); i++) {
		if (xsock_tls_method_available(versions[i].method, NULL)) {
			if (list[0] != '\0') {
				strlcat(list, ", ", sizeof(list));
			}
			strlcat(list, versions[i].name, sizeof(list));
		}
	}
	php_info_print_table_row(2, "OpenSSL library (linked)", OpenSSL_version(OPENSSL_VERSION));
	php_info_print_table_row(2, "OpenSSL headers", OPENSSL_VERSION_TEXT);
	php_info_print_table_row(2, "TLS protocol versions", list);
	xsock_tls_session_stats(&st);
	cache_row("Client TLS session cache", &st);
	xsock_tls_conf_stats(&st);
	cache_row("SSL_CTX cache", &st);
}

/* ---------------------------------------------------------------- setup */

static xsock_tls *tls_of(xsock_stream *xs)
{
	if (xs->tls == NULL) {
		xs->tls = pecalloc(1, sizeof(xsock_tls), xs->persistent);
		xs->tls->io.xs = xs;
	}
	return xs->tls;
}

static void hint_clear(xsock_tls *tls, bool persistent)
{
	if (tls->hint != NULL) {
		pefree(tls->hint, persistent);
		tls->hint = NULL;
	}
}

/* The diagnosis that follows PHP's text of this handshake's failure; replaces an earlier one. */
void xsock_tls_hint_set(xsock_tls *tls, const char *hint)
{
	bool persistent = tls->io.xs->persistent;

	hint_clear(tls, persistent);
	tls->hint = hint != NULL ? pestrdup(hint, persistent) : NULL;
}

/* The SSL handle goes; the stream's xsock_tls stays for a later setup. */
static void ssl_drop(xsock_tls *tls)
{
	SSL_free(tls->ssl);
	tls->ssl = NULL;
	xsock_tls_conf_release(tls->conf);
	tls->conf = NULL;
	tls->active = false;
	tls->state_set = false;
	tls->session_offered = false;
	tls->offered_from = XSOCK_TLS_FROM_NONE;
	tls->tickets = 0;
	tls->hs_start_us = tls->hs_end_us = 0;
	xsock_tls_later_free(tls);
	xsock_tls_cbs_free(tls, tls->io.xs->persistent);
	xsock_tls_keylog_free(tls);
	xsock_tls_err_reset();
}

/* Setup step 16: resume the session of another xsock TLS stream. */
static void use_session(xsock_tls *tls, php_stream *session)
{
	xsock_stream *other;
	SSL_SESSION *sess;

	if (session->ops != &xsock_tcp_ops && session->ops != &xsock_tcp_ssl_ops) {
		php_error_docref(NULL, E_WARNING, "Supplied session stream must be an SSL enabled stream");
		return;
	}
	other = XSOCK_DATA(session);
	if (other->tls == NULL || other->tls->ssl == NULL) {
		php_error_docref(NULL, E_WARNING, "Supplied SSL session stream is not initialized");
		return;
	}
	sess = SSL_get1_session(other->tls->ssl);
	if (sess != NULL) {
		tls->session_offered = SSL_set_session(tls->ssl, sess) == 1;
		tls->offered_from = tls->session_offered ? XSOCK_TLS_FROM_STREAM : XSOCK_TLS_FROM_NONE;
		SSL_SESSION_free(sess);
		xsock_tls_err_reset();
	}
}

/*
 * OpenSSL's info callback, one per SSL (SSL_set_info_callback(3)): state
 * changes and alerts, a few dozen calls per handshake, none per record.
 */
static void info_callback(const SSL *ssl, int where, int ret)
{
	if (where & SSL_CB_HANDSHAKE_START) {
		xsock_tls_reneg_count(ssl);
	}
	if (where & SSL_CB_ALERT) {
		xsock_tls_alert_seen(ssl, where, ret);
	}
}

static int setup_with(php_stream *stream, xsock_tls_conf *conf, php_stream *session)
{
	xsock_stream *xs = XSOCK_DATA(stream);
	xsock_tls *tls = tls_of(xs);
	SSL *ssl = SSL_new(conf->ctx);
	BIO *bio = ssl ? xsock_tls_bio_new(&tls->io) : NULL;
	zval *val;

	if (bio == NULL) {
		XSOCK_WARN(stream, CreateFailed, "SSL handle creation failure");
		SSL_free(ssl);
		xsock_tls_conf_release(conf);
		xsock_tls_err_reset();
		return -1;
	}
	SSL_set_bio(ssl, bio, bio);
	SSL_set_ex_data(ssl, xsock_tls_ssl_index, stream);
	SSL_set_info_callback(ssl, info_callback);
	/*
	 * RELEASE_BUFFERS (plus idle_buffers() below) frees the two 16.6 KiB
	 * record buffers while a stream is idle: 17 KiB instead of 26 KiB per
	 * idle TLS 1.3 client (PHP: 42 KiB).  The price is a malloc/free pair
	 * per record, below the noise next to the recv/send it comes with.
	 */
	SSL_set_mode(ssl, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER
		| SSL_MODE_RELEASE_BUFFERS);
	tls->ssl = ssl;
	tls->conf = conf;
	hint_clear(tls, xs->persistent);
	tls->io.seen_len = 0;
	tls->alert_seen = false;
	xsock_tls_end_setup(stream, tls);
	xsock_tls_keylog_setup(stream, tls);
	if (!xs->is_client) {
		xsock_tls_reneg_init(stream, tls);
	} else {
		val = opt(stream, "session_cache");
		tls->session_cache = val == NULL || zend_is_true(val);
		if (xsock_tls_ocsp_client_setup(stream, tls) != XSOCK_OK) {
			ssl_drop(tls);
			return -1;
		}
	}
	if (session != NULL) {
		use_session(tls, session);
	}
	if (xsock_tls_resume_setup(stream, tls) != XSOCK_OK) {
		ssl_drop(tls);
		return -1;
	}
	xsock_tls_bio_take_prefix(stream, &tls->io);
	return 0;
}

int xsock_tls_setup(php_stream *stream, int method, php_stream *session)
{
	xsock_stream *xs = XSOCK_DATA(stream);
	xsock_tls_conf *conf;

	if (xs->tls != NULL && xs->tls->ssl != NULL) {
		/* Non-blocking: resuming a handshake (§6 item 3). */
		if (xs->net.is_blocked) {
			XSOCK_WARN(stream, Generic, "SSL/TLS already set-up for this stream");
			return -1;
		}
		return 0;
	}
	xsock_tls_err_reset();
	xs->is_client = (method & XSOCK_CRYPTO_IS_CLIENT) != 0;
	xs->method = method;
	conf = xsock_tls_conf_memo(stream, xs->is_client, method, xsock_tls_conf_request_memo());
	if (conf == NULL) {
		return -1;
	}
	return setup_with(stream, conf, session);
}

/* ------------------------------------------------------------ handshake */

/* Client SNI on every enable call: peer_name over url_name; IP literals too (§6 item 37). */
static void client_sni(php_stream *stream, xsock_tls *tls)
{
	xsock_stream *xs = XSOCK_DATA(stream);
	const char *name = xs->url_name;
	zval *val = opt(stream, "SNI_enabled");

	if (val != NULL && !zend_is_true(val)) {
		return;
	}
	val = opt(stream, "peer_name");
	if (val != NULL && try_convert_to_string(val)) {
		name = Z_STRVAL_P(val);
	}
	if (name != NULL) {
		SSL_set_tlsext_host_name(tls->ssl, name);
	}
}

static void handshake_failed(php_stream *stream, xsock_tls *tls, int n)
{
	xsock_stream *xs = XSOCK_DATA(stream);
	char hint[XSOCK_TLS_HINT_MAX];
	X509 *peer;

	xsock_tls_bio_peek_more(&tls->io);
	/*
	 * A plaintext peer wins over the verify callback's hint (tls_verify_hint.c);
	 * the two cannot meet anyway: verification needs the peer's TLS Certificate.
	 */
	if (tls->io.seen_len > 0
			&& xsock_tls_diagnose(tls->io.seen, tls->io.seen_len, xs->is_client, hint, sizeof(hint))) {
		xsock_tls_hint_set(tls, hint);
	} else if (tls->io.eof && tls->hint == NULL) {
		/* PHP warns nothing but "Failed to enable crypto" here; $errstr at least says what happened. */
		xsock_tls_hint_set(tls, xs->is_client ? "the server closed the connection during the TLS handshake"
			: "the client closed the connection during the TLS handshake");
	}
	xsock_tls_ssl_error(stream, n, tls->hint);
	/* What the BIO read ahead past the failing record was on the socket before: readable again. */
	xsock_tls_bio_give_back(stream, &tls->io);
	/* PHP captures the certificate of a failed handshake too (§6 item 12). */
	peer = SSL_get1_peer_certificate(tls->ssl);
	if (peer != NULL) {
		xsock_tls_capture(stream, peer);
		X509_free(peer);
	}
	xsock_tls_err_reset();
}

/*
 * stream_socket_get_crypto_status() (PHP 8.6, PR #22193): each handshake
 * step, read and write starts at NONE and ends at the direction OpenSSL
 * waits for, so a non-blocking caller knows what to stream_select() on.
 */
static void status_set(xsock_tls *tls, int want)
{
	tls->status = want == XSOCK_WANT_WRITE ? STREAM_CRYPTO_STATUS_WANT_WRITE
		: (want == XSOCK_WANT_READ ? STREAM_CRYPTO_STATUS_WANT_READ : STREAM_CRYPTO_STATUS_NONE);
}

int xsock_tls_status(const xsock_stream *xs)
{
	return xs->tls != NULL ? xs->tls->status : STREAM_CRYPTO_STATUS_NONE;
}

/* 1 done, 0 would block (non-blocking stream), -1 failed with a warning. */
/*
 * PHP's text, then (clients) which budget ran out: the handshake shares
 * the connect timeout (see xsock_tls_handshake's deadline).  Servers keep
 * PHP's text alone; ssl.accept_timeout adds its own hint (tls_server.c).
 */
static void handshake_timed_out(php_stream *stream, xsock_stream *xs)
{
	xsock_tls *tls = xs->tls;
	const struct timeval *tv = xs->is_client ? &xs->connect_timeout : &xs->net.timeout;
	const char *budget = xs->is_client ? "connect timeout" : "stream timeout";
	/* Servers keep PHP's bare text, except under xsock's own option. */
	bool say = xs->is_client;
	char hint[160];
	int ms;

	if (tls->accept_bounded) {
		budget = "ssl.accept_timeout";	/* tv: the bound, set as the child's timeout; tls_accept's hint says it */
		say = false;
	} else if (tls->hs_budget_end != 0) {
		tv = &tls->hs_budget;
		budget = "ssl.handshake_timeout";
		say = true;
	}
	ms = xsock_tv_to_ms(tv);
	if (say && ms >= 0) {
		snprintf(hint, sizeof(hint), "the TLS handshake did not finish within %s%s (%d.%03d s)",
			strncmp(budget, "ssl.", 4) == 0 ? "" : "the ", budget, ms / 1000, ms % 1000);
		XSOCK_WARN(stream, TimeOut, "SSL: Handshake timed out; %s", hint);
		xsock_err_note_str("hint", hint);
	} else {
		XSOCK_WARN(stream, TimeOut, "SSL: Handshake timed out");
	}
	xsock_err_note_str("message", "SSL: Handshake timed out");
	xsock_err_note_timeout(ms, budget);
}

static int handshake_steps(php_stream *stream, xsock_tls *tls, uint64_t deadline)
{
	xsock_stream *xs = XSOCK_DATA(stream);
	int n, err, want;

	for (;;) {
		xsock_tls_err_reset();
		tls->status = STREAM_CRYPTO_STATUS_NONE;
		recv_wait_bound(tls, xs->net.is_blocked, deadline);
		n = SSL_do_handshake(tls->ssl);
		tls->io.may_wait = false;
		if (n == 1) {
			return 1;
		}
		err = SSL_get_error(tls->ssl, n);
		if (err != SSL_ERROR_WANT_READ && err != SSL_ERROR_WANT_WRITE) {
			handshake_failed(stream, tls, n);
			return -1;
		}
		want = err == SSL_ERROR_WANT_WRITE ? XSOCK_WANT_WRITE : XSOCK_WANT_READ;
		status_set(tls, want);
		if (!xs->net.is_blocked) {
			return 0;
		}
		if (want == XSOCK_WANT_READ && wait_in_recv(xs, tls, deadline)) {
			continue;
		}
		if (tls_wait(xs, want, deadline) == XSOCK_TIMEOUT) {
			handshake_timed_out(stream, xs);
			tls->hs_timed_out = true;
			return -1;
		}
	}
}

/*
 * On a blocking stream the loop polls whenever OpenSSL wants to read, so
 * a read right after a flight (or a server's first read: the ClientHello
 * follows the TCP handshake by the client's key generation) may skip its
 * speculative recv(): one system call less per flight (tls_bio.c).  Off
 * again before anyone else reads: a non-blocking caller must always reach
 * the socket.
 */
static int handshake_loop(php_stream *stream, xsock_tls *tls, uint64_t deadline)
{
	xsock_stream *xs = XSOCK_DATA(stream);
	int n;

	tls->hs_timed_out = false;
	if (tls->hs_start_us == 0) {
		tls->hs_start_us = xsock_now_us();	/* for xsock_tls_info(): one clock read per handshake */
		tls->io.wait_first = xs->net.is_blocked && !xs->is_client;
	}
	tls->io.in_wait_loop = xs->net.is_blocked;
	tls->io.recv_wait_failed = false;
	n = handshake_steps(stream, tls, deadline);
	tls->io.in_wait_loop = tls->io.wait_first = tls->io.recv_wait_failed = false;
	return n;
}

/* After SSL_do_handshake succeeded: capture, then PHP's verification policy. */
static int handshake_done(php_stream *stream, xsock_tls *tls)
{
	X509 *peer = SSL_get1_peer_certificate(tls->ssl);
	int rc;

	if (peer != NULL) {
		xsock_tls_capture(stream, peer);
	}
	rc = xsock_tls_apply_policy(stream, peer);
	X509_free(peer);
	if (rc != XSOCK_OK) {
		/* As PHP: tell the peer (close_notify) and keep the handle. */
		xsock_tls_err_reset();
		SSL_shutdown(tls->ssl);
		xsock_tls_err_reset();
		if (XSOCK_DATA(stream)->is_client) {
			xsock_tls_session_forget(tls);
		}
		return -1;
	}
	tls->active = true;
	tls->hs_end_us = xsock_now_us();
	idle_buffers(tls);
	return 1;
}

/*
 * The deadline of a handshake step.  PHP's: a client gets its connect
 * timeout again in full, a server its stream timeout (§6 item 6), for each
 * blocking call; a non-blocking handshake has none.  ssl.handshake_timeout
 * (xsock's option) is one budget for the whole handshake instead, counted
 * from its first step, so it also ends a non-blocking handshake that a
 * silent peer would keep at "want read" forever.  Inside
 * stream_socket_accept() ssl.accept_timeout, when given, has the last
 * word.  PHP's default stays without the option: a client that already
 * spent most of its connect timeout on TCP keeps PHP's full second budget.
 */
static int seconds_option(php_stream *stream, const char *name, struct timeval *tv, bool *given);
static void timeout_hint(php_stream *stream, const char *who, const char *what, const struct timeval *tv);

static int handshake_deadline(php_stream *stream, xsock_tls *tls, uint64_t *deadline)
{
	xsock_stream *xs = XSOCK_DATA(stream);
	bool given;

	*deadline = xsock_tls_deadline(xs->is_client ? &xs->connect_timeout : &xs->net.timeout);
	if (tls->accept_bounded) {
		return XSOCK_OK;
	}
	if (tls->hs_budget_end == 0) {
		if (seconds_option(stream, "handshake_timeout", &tls->hs_budget, &given) != XSOCK_OK) {
			return XSOCK_ERR;
		}
		tls->hs_budget_end = given ? xsock_tls_deadline(&tls->hs_budget) : 0;
	}
	if (tls->hs_budget_end != 0) {
		*deadline = tls->hs_budget_end;
		if (xsock_ms_left(*deadline) == 0 && !xs->net.is_blocked) {
			/* A non-blocking step past the budget fails as a blocking one would. */
			handshake_timed_out(stream, xs);
			tls->hs_timed_out = true;
			return XSOCK_ERR;
		}
	}
	return XSOCK_OK;
}

static int handshake(php_stream *stream)
{
	xsock_stream *xs = XSOCK_DATA(stream);
	xsock_tls *tls = xs->tls;
	uint64_t deadline;
	int rc;

	if (tls == NULL || tls->ssl == NULL) {
		return -1;
	}
	if (xs->is_client) {
		client_sni(stream, tls);
	}
	/* A hint describes the step that failed; an earlier step's is stale. */
	hint_clear(tls, xs->persistent);
	if (!tls->state_set) {
		if (xs->is_client) {
			SSL_set_connect_state(tls->ssl);
			if (tls->session_cache && !tls->session_offered) {
				xsock_tls_session_offer(stream, tls);
			}
		} else {
			SSL_set_accept_state(tls->ssl);
		}
		tls->state_set = true;
	}
	if (handshake_deadline(stream, tls, &deadline) != XSOCK_OK) {
		return -1;
	}
	xsock_tls_io_record(&tls->io, true);
	/* Script callbacks may run inside (tls_resume.c); one that threw fails the handshake. */
	xsock_tls_resume_running(stream);
	rc = xsock_tls_early_step(stream, tls, deadline);
	if (rc == 1) {
		rc = handshake_loop(stream, tls, deadline);
	}
	xsock_tls_resume_running(NULL);
	xsock_tls_keylog_warn(stream, tls);
	if (rc == 1 && EG(exception)) {
		rc = -1;
	}
	if (rc != 0) {
		xsock_tls_io_record(&tls->io, false);
		if (rc < 0 && tls->hs_timed_out && tls->hs_budget_end != 0) {
			timeout_hint(stream, xs->is_client ? "the server" : "the client", "ssl.handshake_timeout",
				&tls->hs_budget);
		}
		tls->hs_budget_end = 0;
	}
	if (rc == 1 && (rc = handshake_done(stream, tls)) == 1) {
		xsock_tls_early_finish(stream, tls);
	}
	return rc;
}

/* ----------------------------------------------------------- crypto off */

/*
 * Send close_notify and read until the peer's, keeping any plaintext that
 * arrives in between for PHP.  XSOCK_OK done, XSOCK_WANT_* would block
 * (non-blocking stream), XSOCK_TIMEOUT / XSOCK_ERR failed.
 */
static int shutdown_step(php_stream *stream, xsock_tls *tls, uint64_t deadline)
{
	xsock_stream *xs = XSOCK_DATA(stream);
	char buf[4096];
	int n, rc;

	for (;;) {
		xsock_tls_err_reset();
		n = SSL_shutdown(tls->ssl);
		if (n == 1) {
			return XSOCK_OK;
		}
		rc = XSOCK_WANT_WRITE;
		if (n == 0) {
			xsock_tls_err_reset();
			n = SSL_read(tls->ssl, buf, sizeof(buf));
			if (n > 0) {
				xsock_tls_readbuf_append(stream, buf, (size_t) n);
				continue;
			}
			rc = xsock_tls_ssl_error_quiet(tls->ssl, n, &tls->io);
		} else {
			rc = xsock_tls_ssl_error_quiet(tls->ssl, n, &tls->io);
		}
		if (rc == XSOCK_OK || rc == XSOCK_ERR) {
			return rc;
		}
		if (!xs->net.is_blocked) {
			return rc;
		}
		if (tls_wait(xs, rc, deadline) == XSOCK_TIMEOUT) {
			return XSOCK_TIMEOUT;
		}
	}
}

/* A failed TLS shutdown: the socket's error, else `fallback`; stream NULL: the request's record. */
static void shutdown_commit(php_stream *stream, xsock_tls *tls, const char *fallback)
{
	int e = io_errno(tls);
	char *text = e != 0 ? php_socket_strerror(e, NULL, 0) : NULL;

	xsock_err_commit(stream, "shutdown", e, text != NULL ? text : fallback, stream == NULL);
	if (text != NULL) {
		efree(text);
	}
}

/* Crypto off without the close_notify exchange: quiet, as PHP; the stream's record says why. */
static void shutdown_failed(php_stream *stream, xsock_tls *tls, bool timed_out)
{
	if (timed_out) {
		xsock_err_note_timeout(xsock_tv_to_ms(&XSOCK_DATA(stream)->net.timeout), "stream timeout");
		xsock_err_commit(stream, "shutdown", XSOCK_ETIMEDOUT,
			"the peer's close_notify did not arrive within the stream timeout", false);
		return;
	}
	shutdown_commit(stream, tls, "the TLS session did not end with close_notify");
}

/*
 * stream_socket_enable_crypto($s, false): a clean return to plaintext.
 * PHP sends close_notify, does not wait for the peer's, keeps the handle
 * (so crypto can never be turned on again on a blocking stream) and
 * returns false; xsock completes the close_notify exchange within the
 * stream timeout, hands every byte read past it back to PHP's buffer, and
 * drops the handle so a later enable starts afresh.
 */
static int crypto_off(php_stream *stream)
{
	xsock_stream *xs = XSOCK_DATA(stream);
	xsock_tls *tls = xs->tls;
	int rc;

	rc = shutdown_step(stream, tls, xsock_tls_deadline(&xs->net.timeout));
	if (rc == XSOCK_WANT_READ || rc == XSOCK_WANT_WRITE) {
		return 0;
	}
	if (rc != XSOCK_OK) {
		shutdown_failed(stream, tls, rc == XSOCK_TIMEOUT);
	}
	/* A close_notify a cast peeked at is still in the kernel: it is not plaintext. */
	xsock_tls_bio_settle(&tls->io);
	xsock_tls_bio_give_back(stream, &tls->io);
	/* The peer's close_notify ended TLS, not the connection. */
	if (rc == XSOCK_OK && !tls->io.eof) {
		stream->eof = 0;
	}
	ssl_drop(tls);
	return rc == XSOCK_OK ? 1 : -1;
}

int xsock_tls_enable(php_stream *stream, bool activate)
{
	xsock_stream *xs = XSOCK_DATA(stream);
	xsock_tls *tls = xs->tls;

	if (tls == NULL || tls->ssl == NULL) {
		return -1;
	}
	if (activate && !tls->active) {
		return handshake(stream);
	}
	if (!activate && tls->active) {
		return crypto_off(stream);
	}
	return -1;
}

/*
 * ssl.accept_timeout and ssl.handshake_timeout (xsock's options): seconds
 * a handshake may take.  *given is false without the option (PHP's
 * deadline stays); a value that is not a number of seconds above 0 warns
 * and fails the handshake before it starts.
 */
static int seconds_option(php_stream *stream, const char *name, struct timeval *tv, bool *given)
{
	php_stream_context *context = PHP_STREAM_CONTEXT(stream);
	zval *val = context ? php_stream_context_get_option(context, "ssl", name) : NULL;
	double sec = 0;

	*given = val != NULL;
	if (val == NULL) {
		return XSOCK_OK;
	}
	if (Z_TYPE_P(val) == IS_LONG || Z_TYPE_P(val) == IS_DOUBLE
			|| (Z_TYPE_P(val) == IS_STRING && is_numeric_string(Z_STRVAL_P(val), Z_STRLEN_P(val), NULL, NULL, 0))) {
		sec = zval_get_double(val);
	}
	/* Above a day is a typo (milliseconds?) rather than a bound. */
	if (!(sec > 0 && sec <= 86400)) {
		XSOCK_WARN(stream, InvalidParam, "%s must be a number of seconds greater than 0 "
			"and at most 86400", name);
		return XSOCK_ERR;
	}
	tv->tv_sec = (time_t) sec;
	tv->tv_usec = (long) ((sec - (double) tv->tv_sec) * 1000000.0);
	if (tv->tv_sec == 0 && tv->tv_usec == 0) {
		tv->tv_usec = 1;
	}
	return XSOCK_OK;
}

/* The hint after a handshake that ran out of `what` (an option's name and value). */
static void timeout_hint(php_stream *stream, const char *who, const char *what, const struct timeval *tv)
{
	xsock_stream *xs = XSOCK_DATA(stream);
	char hint[XSOCK_TLS_HINT_MAX];

	snprintf(hint, sizeof(hint), "%s did not complete the TLS handshake within %s (%.3f s)",
		who, what, (double) tv->tv_sec + (double) tv->tv_usec / 1e6);
	xsock_tls_hint_set(xs->tls, hint);
}

/*
 * The child's handshake under ssl.accept_timeout: the deadline replaces the
 * child's stream timeout for the handshake only, and a timeout says which
 * option ran out (after PHP's text, through the hint).
 */
static int accept_bounded(php_stream *child, const struct timeval *bound)
{
	xsock_stream *cxs = XSOCK_DATA(child);
	struct timeval saved = cxs->net.timeout;
	int rc;

	cxs->net.timeout = *bound;
	cxs->tls->accept_bounded = true;
	rc = xsock_tls_enable(child, true);
	cxs->tls->accept_bounded = false;
	cxs->net.timeout = saved;
	if (rc != 1 && cxs->tls != NULL && cxs->tls->hs_timed_out) {
		timeout_hint(child, "the client", "ssl.accept_timeout", bound);
	}
	return rc;
}

/*
 * A child accepted by an ssl://, tls:// or tlsv1.x:// server.  The server's
 * method loses its client bit (PHP changes the server's field too, §3.9).
 * PHP builds a new SSL_CTX from the listening context at every accept, so
 * changes to that context apply to the next child; xsock looks the
 * options up again only when they may have changed
 * (xsock_tls_conf_memo), and they lead to the same shared SSL_CTX
 * while they stay the same.
 */
int xsock_tls_accept(php_stream *server, php_stream *child)
{
	xsock_stream *sxs = XSOCK_DATA(server);
	xsock_stream *cxs = XSOCK_DATA(child);
	xsock_tls *stls = tls_of(sxs);
	xsock_tls_memo *memo;
	xsock_tls_conf *conf;
	struct timeval bound;
	bool bounded;

	sxs->method &= ~XSOCK_CRYPTO_IS_CLIENT;
	cxs->method = sxs->method;
	cxs->is_client = false;
	xsock_tls_err_reset();
	if (seconds_option(server, "accept_timeout", &bound, &bounded) != XSOCK_OK) {
		return -1;
	}
	/* The listener's own memo; a persistent one must not hold request memory past its request. */
	if (stls->listen == NULL && !server->is_persistent) {
		stls->listen = ecalloc(1, sizeof(*stls->listen));
	}
	memo = server->is_persistent ? xsock_tls_conf_request_memo() : stls->listen;
	conf = xsock_tls_conf_memo(server, false, sxs->method, memo);
	if (conf == NULL) {
		return -1;
	}
	if (setup_with(child, conf, NULL) != 0) {
		return -1;
	}
	if (bounded) {
		return accept_bounded(child, &bound) == 1 ? 0 : -1;
	}
	return xsock_tls_enable(child, true) == 1 ? 0 : -1;
}

bool xsock_tls_active(const xsock_stream *xs)
{
	return xs->tls != NULL && xs->tls->active;
}

/* Raw bytes or a FIN the script sends go after what TLS holds back (tls_bio.c defer()). */
void xsock_tls_release(xsock_stream *xs)
{
	if (xs->tls != NULL && xs->tls->ssl != NULL) {
		xsock_tls_bio_release(&xs->tls->io);
	}
}

/* ---------------------------------------------------------------- I/O */

/* PHP's limiter tripped during a read: shut the socket, report EOF (xp_ssl.c:2108). */
static bool reneg_tripped(php_stream *stream, xsock_tls *tls)
{
	if (!tls->reneg.should_close) {
		return false;
	}
	php_stream_xport_shutdown(stream, (stream_shutdown_t) SHUT_RDWR);
	stream->eof = 1;
	return true;
}

/*
 * Bulk data: one fread() gets what has already arrived, not one 16 KiB
 * record per call.  Read on while OpenSSL or the BIO holds bytes, or the
 * last record was large (more are likely on the socket); after a small
 * record, as in request/response traffic, a further recv() would mostly
 * find nothing.  The peer's close_notify or an error met on the way is
 * handled as the first read would have: its warning now, eof set, the
 * bytes before it still returned.
 */
static int more_records(php_stream *stream, xsock_tls *tls, char *buf, size_t count, int got)
{
	int n, rc;

	while ((size_t) got < count
			&& (tls->io.big || SSL_pending(tls->ssl) > 0 || xsock_tls_bio_has_input(&tls->io, false))) {
		xsock_tls_err_reset();
		tls->io.want = (uint32_t) (count - (size_t) got);
		n = SSL_read(tls->ssl, buf + got, (int) (count - (size_t) got));
		if (n <= 0) {
			rc = xsock_tls_ssl_error(stream, n, NULL);
			if (rc == XSOCK_OK || rc == XSOCK_ERR) {
				stream->eof = 1;
			} else {
				idle_buffers(tls);	/* the empty try allocated OpenSSL's read buffer */
			}
			break;
		}
		got += n;
	}
	return got;
}

/*
 * Poll before the first SSL_read() when the last read had to wait
 * (xsock_net_read), unless SSL_read() can answer without the socket:
 * bytes held by OpenSSL or the BIO, a close_notify already seen, an error
 * already reported, or a handshake (renegotiation) under way that may
 * first have to write.
 */
static bool poll_first(php_stream *stream, xsock_tls *tls)
{
	return XSOCK_DATA(stream)->wait_first && !stream->eof && SSL_get_shutdown(tls->ssl) == 0
		&& !SSL_in_init(tls->ssl) && SSL_want(tls->ssl) != SSL_WRITING
		&& !SSL_has_pending(tls->ssl) && !xsock_tls_bio_has_input(&tls->io, false);
}

/*
 * Wait for what a read needs.  Like core sockets, unlike PHP's SSL code:
 * a new wait clears timed_out (§6 item 19).  false when it timed out.
 */
static bool read_wait(php_stream *stream, xsock_stream *xs, xsock_tls *tls, int want, uint64_t deadline)
{
	xs->net.timeout_event = 0;
	if (want == XSOCK_WANT_READ && wait_in_recv(xs, tls, deadline)) {
		return true;
	}
	if (tls_wait(xs, want, deadline) != XSOCK_TIMEOUT) {
		return true;
	}
	xsock_net_timed_out(stream, true);
	idle_buffers(tls);
	return false;
}

/*
 * A read PHP makes after it already took bytes from its buffer for the
 * same fread() found nothing: the script got data, so it must not be told
 * to wait (PHP 8.6, PR #22332).  PHP 8.2 does not mark such reads; there
 * the status says WANT_READ, which is still where the next bytes come from.
 */
static bool supplemental_read(const php_stream *stream)
{
	return XSOCK_STREAM_HAS_BUFFERED_DATA(stream);
}

/*
 * A cast's peek left bytes in the kernel that OpenSSL has consumed.  Once
 * OpenSSL has handed out all they gave (the read may never have needed the
 * socket), they are received for real: the fd then again means "bytes
 * OpenSSL has not seen".
 */
static void read_settle(xsock_tls *tls)
{
	if (tls->io.peeked > 0 && SSL_pending(tls->ssl) == 0) {
		xsock_tls_bio_settle(&tls->io);
	}
}

/*
 * Read decrypted bytes.  A blocking stream waits up to its timeout, also
 * when a record held no application data (TLS 1.3 NewSessionTicket,
 * KeyUpdate), so those can never hang a read past the timeout; a
 * non-blocking stream returns 0 at once.  PHP's return values: -1 only on
 * timeout (timed_out set); errors warn and return 0 with eof set.
 */
static ssize_t read_records(php_stream *stream, char *buf, size_t count)
{
	xsock_stream *xs = XSOCK_DATA(stream);
	xsock_tls *tls = xs->tls;
	bool wait = xsock_net_may_wait_tls(stream), waited = false;
	bool poll_now = wait && poll_first(stream, tls);
	uint64_t deadline = wait ? xsock_tls_deadline(&xs->net.timeout) : 0;
	int n, rc = XSOCK_WANT_READ;

	if (count > INT_MAX) {
		count = INT_MAX;
	}
	for (;;) {
		if (poll_now) {
			waited = true;
			if (!read_wait(stream, xs, tls, rc, deadline)) {
				return -1;
			}
		}
		xsock_tls_err_reset();
		tls->status = STREAM_CRYPTO_STATUS_NONE;
		recv_wait_bound(tls, wait, deadline);
		n = SSL_read(tls->ssl, buf, (int) count);
		tls->io.may_wait = false;	/* more_records() never waits */
		if (reneg_tripped(stream, tls)) {
			return 0;
		}
		if (n > 0) {
			n = more_records(stream, tls, buf, count, n);
			if (reneg_tripped(stream, tls)) {
				return 0;
			}
			read_settle(tls);
			xsock_net_read_done(xs, waited, (size_t) n, count);
			php_stream_notify_progress_increment(PHP_STREAM_CONTEXT(stream), n, 0);
			return n;
		}
		rc = xsock_tls_ssl_error(stream, n, NULL);
		if (rc == XSOCK_ERR) {
			xsock_err_commit(stream, "read", io_errno(tls), NULL, false);
		}
		if (rc == XSOCK_OK || rc == XSOCK_ERR) {
			read_settle(tls);
			stream->eof = 1;
			return 0;
		}
		if (!supplemental_read(stream)) {
			status_set(tls, rc);
		}
		if (!wait) {
			idle_buffers(tls);
			return 0;
		}
		poll_now = true;
	}
}

/* The BIO reads ahead for the bytes this call wants; its bulk buffers go when it returns. */
ssize_t xsock_tls_read(php_stream *stream, char *buf, size_t count)
{
	xsock_tls *tls = XSOCK_DATA(stream)->tls;
	ssize_t n;

	tls->io.want = (uint32_t) MIN(count, INT_MAX);
	/* Only this call's own loop may skip a recv() (tls_bio.c): it polls right after. */
	tls->io.in_wait_loop = xsock_net_may_wait_tls(stream);
	tls->io.recv_wait_failed = false;
	n = read_records(stream, buf, count);
	tls->io.in_wait_loop = tls->io.wait_first = tls->io.recv_wait_failed = false;
	tls->io.want = 0;
	xsock_tls_bio_idle(&tls->io);
	return n;
}

/*
 * Write as much of buf as the socket takes, all of it while it keeps
 * taking (one PHP call, not one per record); a blocking stream waits only
 * when nothing went out yet, up to its timeout (-1 then, timed_out set).
 * An error after some bytes went out reports those bytes, and its
 * warning comes with the next call, which fails: one warning per failure,
 * in PHP's order (xsock_tls_ssl_error_later).
 */
ssize_t xsock_tls_write(php_stream *stream, const char *buf, size_t count)
{
	xsock_stream *xs = XSOCK_DATA(stream);
	xsock_tls *tls = xs->tls;
	uint64_t deadline = xs->net.is_blocked ? xsock_tls_deadline(&xs->net.timeout) : 0;
	size_t done = 0;
	int n, rc;

	if (xsock_tls_warn_later(stream)) {
		return 0;
	}
	while (done < count) {
		xsock_tls_err_reset();
		tls->status = STREAM_CRYPTO_STATUS_NONE;
		/* More records after this one: the BIO may hold it for one send() of several. */
		tls->io.coalesce = xs->net.is_blocked && count - done > XSOCK_TLS_RECORD;
		n = SSL_write(tls->ssl, buf + done, (int) MIN(count - done, INT_MAX));
		if (n > 0) {
			done += (size_t) n;
			continue;
		}
		rc = done > 0 ? xsock_tls_ssl_error_later(stream, n) : xsock_tls_ssl_error(stream, n, NULL);
		if (rc == XSOCK_ERR) {
			xsock_err_commit(stream, "write", io_errno(tls), NULL, false);
		}
		status_set(tls, rc);
		/*
		 * A call that moved bytes returns them at once, as PHP's plain
		 * sockets do; only a call that moved none waits.  PHP's write loop
		 * calls again for the rest, so a peer that stopped reading ends
		 * the fwrite() after one stream timeout (PHP's TLS transport: one
		 * too), not after one per call.
		 */
		if (rc == XSOCK_OK || rc == XSOCK_ERR || !xs->net.is_blocked || done > 0) {
			break;
		}
		xs->net.timeout_event = 0;
		if (tls_wait(xs, rc, deadline) == XSOCK_TIMEOUT) {
			xsock_net_timed_out(stream, false);
			return -1;
		}
	}
	tls->io.coalesce = false;
	xsock_tls_bio_idle(&tls->io);
	if (done > 0) {
		xs->wait_first = true;	/* the answer is on its way (xsock_net_read) */
		php_stream_notify_progress_increment(PHP_STREAM_CONTEXT(stream), done, 0);
	}
	return (ssize_t) done;
}

/*
 * For stream_select() (tcp.c's cast moves this many bytes into PHP's
 * buffer), once per stream per select call, so it must be cheap, and it
 * must leave the socket as it found it for what matters to a poller:
 * mysqlnd casts the same way, then select()s the raw fd itself and never
 * looks at PHP's buffer, so a record read off the socket here would leave
 * its mysqli_poll() waiting for bytes that already came.
 *
 * Decrypted bytes inside OpenSSL count, and so do raw bytes our BIO read
 * ahead: the socket may be empty while a whole record waits there.  On a
 * blocking stream, bytes waiting on the socket are looked at too, through
 * the BIO's peek mode: OpenSSL decrypts them, the kernel keeps them.
 *  - A record with data: the fd stays readable, so select() reports the
 *    stream (stream_select) and a poller sees it (mysqlnd); nothing moves
 *    into PHP's buffer.  The read that takes the data receives the bytes
 *    for real (xsock_tls_bio_settle).
 *  - Only a TLS 1.3 session ticket or KeyUpdate (or the start of a record
 *    still arriving): nothing for the script.  Those bytes are received
 *    for real now, the fd is no longer readable, and select tells the
 *    truth instead of reporting a stream on which a blocking fread() sits
 *    out its whole timeout (PHP's behaviour).
 *  - close_notify, EOF or an error: the fd stays readable, so the next
 *    read reports it.
 * A non-blocking fread() returns "" at once instead of hanging, so
 * non-blocking streams skip the look at the socket: event loops with many
 * streams pay no recv() per stream and select.
 */
size_t xsock_tls_pending(const xsock_stream *xs)
{
	xsock_tls *tls = xs->tls;
	char byte;
	int n, rc;

	/* Already looked: the kernel still holds the bytes, the fd says so itself. */
	if (tls == NULL || !tls->active || tls->io.peeked > 0) {
		return 0;
	}
	xsock_tls_bio_release(&tls->io);	/* the script is about to wait */
	n = SSL_pending(tls->ssl);
	if (n > 0 || !xsock_tls_bio_has_input(&tls->io, xs->net.is_blocked)) {
		return (size_t) n;
	}
	xsock_tls_err_reset();
	xsock_tls_bio_peek(&tls->io, true);
	n = SSL_peek(tls->ssl, &byte, 1);
	xsock_tls_bio_peek(&tls->io, false);
	if (n > 0) {
		/* Data from the BIO's read-ahead alone is off the socket: PHP's buffer must show it. */
		return tls->io.peeked > 0 ? 0 : (size_t) SSL_pending(tls->ssl);
	}
	rc = xsock_tls_ssl_error_quiet(tls->ssl, n, &tls->io);
	if (rc == XSOCK_OK || rc == XSOCK_ERR) {
		/* Read-ahead alone: a read must come to report it. */
		return tls->io.peeked > 0 ? 0 : 1;
	}
	xsock_tls_bio_settle(&tls->io);
	idle_buffers(tls);
	return 0;
}

/*
 * feof() and persistent-stream reuse.  Only a close_notify, EOF or a fatal
 * error mean "dead".  Value 0 (feof) never waits: records that carry no
 * data (session tickets) are consumed without blocking and the stream is
 * alive.  PHP's value -1 uses connect_timeout (§6 item 20).  A peer that
 * stays quiet for the whole wait is alive (PHP says dead; nothing in PHP
 * asks with a timeout, but a quiet peer has not hung up).
 */
int xsock_tls_liveness(php_stream *stream, int timeout_value)
{
	xsock_stream *xs = XSOCK_DATA(stream);
	xsock_tls *tls = xs->tls;
	int ms = timeout_value >= 0 ? timeout_value * 1000 : xsock_tv_to_ms(&xs->connect_timeout);
	uint64_t deadline = ms > 0 ? xsock_now_ms() + (uint64_t) ms : 0;
	char byte;
	int n, rc;

	if (xs->net.socket == SOCK_ERR) {
		return PHP_STREAM_OPTION_RETURN_ERR;
	}
	if (SSL_pending(tls->ssl) > 0) {
		return PHP_STREAM_OPTION_RETURN_OK;
	}
	/* Read-ahead bytes are not on the socket any more: do not wait for them. */
	if (!xsock_tls_bio_has_input(&tls->io, false)
			&& xsock_sock_wait(xs->net.socket, POLLIN, ms) != XSOCK_OK) {
		return PHP_STREAM_OPTION_RETURN_OK;
	}
	for (;;) {
		xsock_tls_err_reset();
		n = SSL_peek(tls->ssl, &byte, 1);
		if (n > 0) {
			return PHP_STREAM_OPTION_RETURN_OK;
		}
		rc = xsock_tls_ssl_error_quiet(tls->ssl, n, &tls->io);
		if (rc == XSOCK_OK || rc == XSOCK_ERR) {
			return PHP_STREAM_OPTION_RETURN_ERR;
		}
		if (ms <= 0 || tls_wait(xs, rc, deadline) == XSOCK_TIMEOUT) {
			idle_buffers(tls);
			return PHP_STREAM_OPTION_RETURN_OK;
		}
	}
}

static const char *protocol_name(int version)
{
	const char *name = xsock_tls_version_name(version);

	return name != NULL ? name : "UNKNOWN";
}

/* stream_get_meta_data()['crypto'] (xp_ssl.c:2399-2449). */
void xsock_tls_meta(php_stream *stream, zval *array)
{
	SSL *ssl = XSOCK_DATA(stream)->tls->ssl;
	const SSL_CIPHER *cipher = SSL_get_current_cipher(ssl);
	const unsigned char *alpn = NULL;
	unsigned int alpn_len = 0;
	zval crypto;

	array_init(&crypto);
	add_assoc_string(&crypto, "protocol", (char *) protocol_name(SSL_version(ssl)));
	add_assoc_string(&crypto, "cipher_name", (char *) SSL_CIPHER_get_name(cipher));
	add_assoc_long(&crypto, "cipher_bits", SSL_CIPHER_get_bits(cipher, NULL));
	add_assoc_string(&crypto, "cipher_version", (char *) SSL_CIPHER_get_version(cipher));
	SSL_get0_alpn_selected(ssl, &alpn, &alpn_len);
	if (alpn != NULL) {
		add_assoc_stringl(&crypto, "alpn_protocol", (char *) alpn, alpn_len);
	}
#ifdef XSOCK_PHP_HAS_TLS_SESSION_API
	/* 8.6's keys; older versions show no new keys (an existing script could see them). */
	add_assoc_bool(&crypto, "session_reused", SSL_session_reused(ssl));
	xsock_tls_early_meta(XSOCK_DATA(stream)->tls, &crypto);
#endif
	add_assoc_zval(array, "crypto", &crypto);
}

const char *xsock_tls_error_hint(const xsock_stream *xs)
{
	return xs->tls != NULL ? xs->tls->hint : NULL;
}

/* --------------------------------------------------------------- close */

/*
 * Lossless close: send close_notify, then read and discard what the peer
 * already sent (TLS 1.3 session tickets a client never read, a pipelined
 * request...).  Unread bytes at close() make the kernel answer with RST
 * instead of FIN, and an RST can destroy data the peer has not read yet.
 * There is no waiting for the peer's close_notify: peers that never answer
 * it, or that run later in the same process, would make every fclose()
 * stall for the whole linger time.
 */
static void close_notify(xsock_stream *xs, xsock_tls *tls)
{
	char buf[16384];
	int i;
	ssize_t n;

	xsock_tls_err_reset();
	n = SSL_shutdown(tls->ssl);
	/*
	 * The stream is going, so only the request's record can say that the
	 * close_notify did not get out; not when the session had already
	 * ended (that failure was reported where it was met).
	 */
	if (n < 0 && tls->end == XSOCK_TLS_END_NONE
			&& xsock_tls_ssl_error_quiet(tls->ssl, (int) n, &tls->io) == XSOCK_ERR) {
		xsock_err_note_str("hint", "the connection was already broken when fclose() sent close_notify");
		shutdown_commit(NULL, tls, "SSL_shutdown failed");
	}
	xsock_tls_err_reset();
	for (i = 0; i < CLOSE_DRAIN_READS; i++) {
#ifdef XSOCK_HAVE_MSG_DONTWAIT
		n = xsock_sock_recv(xs->net.socket, buf, sizeof(buf), MSG_DONTWAIT);
#else
		n = xsock_sock_wait(xs->net.socket, POLLIN, 0) == XSOCK_OK
			? xsock_sock_recv(xs->net.socket, buf, sizeof(buf), 0) : -1;
#endif
		if (n < (ssize_t) sizeof(buf)) {
			/*
			 * EOF, an empty queue, or a read that took less than it could:
			 * the queue was empty then too, and a second look would only
			 * narrow the same window for bytes still on their way.  The
			 * socket's close need not look again.
			 */
			xs->drained = true;
			break;
		}
	}
}

void xsock_tls_free(php_stream *stream)
{
	xsock_stream *xs = XSOCK_DATA(stream);
	xsock_tls *tls = xs->tls;

	if (tls == NULL) {
		return;
	}
	if (tls->ssl != NULL) {
		if (tls->active && xs->net.socket != SOCK_ERR) {
			close_notify(xs, tls);
		}
		ssl_drop(tls);
	}
	if (tls->listen != NULL) {
		xsock_tls_memo_free(tls->listen);
		efree(tls->listen);
	}
	xsock_tls_cbs_free(tls, xs->persistent);
	xsock_tls_io_free(&tls->io);
	hint_clear(tls, xs->persistent);
	pefree(tls, xs->persistent);
	xs->tls = NULL;
}
