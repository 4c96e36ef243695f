/*
 * xsock_error.h - the record behind xsock_last_error(): what failed, in
 * which phase, with the details the failing code knew (issue #13).
 *
 * Code that meets a detail on the way to a failure notes it
 * (xsock_err_note_*); the place that reports the failure commits the
 * record with its phase.  Nothing is allocated until a note or commit,
 * so success paths cost nothing.  Request-scoped: freed at RSHUTDOWN;
 * streams PHP closes after that (globals, persistent ones) record nothing.
 */
#ifndef XSOCK_ERROR_H
#define XSOCK_ERROR_H
#include "php.h"
#include "php_streams.h"

/* A detail of the failure in progress; the first value of a key wins. */
void xsock_err_note_str(const char *key, const char *val);
void xsock_err_note_long(const char *key, zend_long val);
/* Takes the reference of val (an array of details). */
void xsock_err_note_zval(const char *key, zval *val);
/* One entry of OpenSSL's error queue, before the queue is cleared. */
void xsock_err_note_openssl(const char *lib, const char *reason);
/* A deadline fired: its length and which budget it was ("connect timeout"). */
void xsock_err_note_timeout(zend_long ms, const char *budget);

/*
 * Finish the record: `phase` unless a note named one, errno and message
 * unless noted.  It becomes the stream's last error and, with `global`,
 * the request's (stream_socket_client() and friends).  stream may be NULL.
 */
void xsock_err_commit(php_stream *stream, const char *phase, int err_no, const char *message, bool global);

/* Drop a note nobody committed (the operation recovered). */
void xsock_err_discard(void);
/* The stream's record (stream NULL: the request's); NULL when none. */
zval *xsock_err_last(php_stream *stream);
/*
 * That record in one line, for a $errstr PHP would leave empty: its
 * message when it is one line, else the reason of OpenSSL's last queue
 * entry; NULL when there is no record.
 */
const char *xsock_err_summary(php_stream *stream);
/* "ECONNREFUSED" for ECONNREFUSED; NULL for a code without a portable name. */
const char *xsock_err_errno_name(int code);
void xsock_err_rinit(void);
void xsock_err_rshutdown(void);
#endif
