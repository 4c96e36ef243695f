/*
 * tls.h - what the TLS layer (tls_*.c) offers the tcp transport and xsock.c.
 *
 * Return conventions follow PHP's crypto API where PHP code sees the value:
 *   setup:  0 ok, -1 failure (a warning was raised)
 *   enable: 1 handshake done, 0 would block (non-blocking; call again), -1 failure
 * Everything else uses XSOCK_OK / XSOCK_ERR / XSOCK_WANT_* (xsock_stream.h).
 */
#ifndef XSOCK_TLS_H
#define XSOCK_TLS_H

#include "xsock_stream.h"

/* Module life cycle: library init, ex_data index, context cache. */
int xsock_tls_minit(void);
void xsock_tls_mshutdown(void);
/* Request end: the request's TLS context memo goes (tls_config.c). */
void xsock_tls_conf_rshutdown(void);
/* Rows for `php --ri xsock`: linked OpenSSL, protocol versions it can speak. */
void xsock_tls_minfo(void);

/*
 * Can the linked libssl negotiate every version in `method`
 * (STREAM_CRYPTO_METHOD_* bits)?  Run-time detection, not #ifdef.  When it
 * cannot, *why is a static, user-readable sentence naming the version.
 */
bool xsock_tls_method_available(int method, const char **why);

/* PHP_STREAM_OPTION_CRYPTO_API, STREAM_XPORT_CRYPTO_OP_SETUP / _ENABLE. */
int xsock_tls_setup(php_stream *stream, int method, php_stream *session);
int xsock_tls_enable(php_stream *stream, bool activate);

/*
 * A listening ssl/tls server hands a freshly accepted child here: the child
 * shares the server's SSL_CTX (built once per listening stream) and runs the
 * server handshake with the child's stream timeout.  0 ok, -1 failure.
 */
int xsock_tls_accept(php_stream *server, php_stream *child);

bool xsock_tls_active(const xsock_stream *xs);

/* Send what TLS holds back for a later write (a server's session tickets) now. */
void xsock_tls_release(xsock_stream *xs);

/* stream_socket_get_crypto_status(): STREAM_CRYPTO_STATUS_*; NONE without TLS. */
int xsock_tls_status(const xsock_stream *xs);

/* Stream ops while TLS is active; same return contract as php_stream_ops. */
ssize_t xsock_tls_read(php_stream *stream, char *buf, size_t count);
ssize_t xsock_tls_write(php_stream *stream, const char *buf, size_t count);

/*
 * For the select cast: decrypted bytes OpenSSL holds that PHP's buffer
 * must show, because the fd will not.  Never takes data off the socket.
 */
size_t xsock_tls_pending(const xsock_stream *xs);

/* PHP_STREAM_OPTION_CHECK_LIVENESS while TLS is active: PHP_STREAM_OPTION_RETURN_OK / _ERR. */
int xsock_tls_liveness(php_stream *stream, int timeout_value);

/* Adds the "crypto" key of stream_get_meta_data() (only when active). */
void xsock_tls_meta(php_stream *stream, zval *array);

/*
 * After a failed handshake: the diagnosis of what the peer sent instead of
 * TLS (e.g. a plaintext SMTP greeting), or NULL.  tcp.c appends it to
 * $errstr; the TLS layer already appended it to its own warning.
 */
const char *xsock_tls_error_hint(const xsock_stream *xs);

/*
 * xsock_tls_end_reason(): "close_notify", "eof_without_close_notify",
 * "reset" or "error" once the TLS session has ended; NULL while it is open
 * and on streams without TLS.
 */
const char *xsock_tls_end_reason(const xsock_stream *xs);

/* xsock_tls_info(): fills arr (tls_info.c); false when the stream has no active TLS session. */
bool xsock_tls_info(php_stream *stream, zval *arr);

/* Close path: close_notify when active, drain, free every TLS resource. */
void xsock_tls_free(php_stream *stream);

#endif
