/*
 * xsock_error.c - the failure record of xsock_last_error() (xsock_error.h).
 *
 * The record in progress is a PHP array in the module globals; notes add
 * keys to it, a commit completes it and hands it to the request's slot
 * and to the stream's (keyed by resource id: the stream's own struct is
 * not touched, and a persistent stream's record cannot outlive the
 * request that made it).
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "php.h"
#include "php_xsock.h"
#include "xsock_error.h"
#include "xsock_compat.h"
#include <errno.h>

/* Portable names: errno values differ by platform, the names do not. */
static const struct { int code; const char *name; } errno_names[] = {
	{ECONNREFUSED, "ECONNREFUSED"}, {ECONNRESET, "ECONNRESET"}, {ECONNABORTED, "ECONNABORTED"},
	{EPIPE, "EPIPE"}, {XSOCK_ETIMEDOUT, "ETIMEDOUT"}, {EHOSTUNREACH, "EHOSTUNREACH"},
	{ENETUNREACH, "ENETUNREACH"}, {EADDRINUSE, "EADDRINUSE"}, {EADDRNOTAVAIL, "EADDRNOTAVAIL"},
	{EACCES, "EACCES"}, {EINVAL, "EINVAL"}, {EAFNOSUPPORT, "EAFNOSUPPORT"},
	{ENOTCONN, "ENOTCONN"}, {EMFILE, "EMFILE"}, {EINPROGRESS, "EINPROGRESS"},
	{EAGAIN, "EAGAIN"}, {ENOBUFS, "ENOBUFS"}, {ENETDOWN, "ENETDOWN"}, {EMSGSIZE, "EMSGSIZE"},
	{EPERM, "EPERM"}, {ENOENT, "ENOENT"}, {EBADF, "EBADF"}, {ENOTSOCK, "ENOTSOCK"},
#ifdef XSOCK_WINDOWS
	/* Winsock's own codes for the same failures (what php_socket_errno() gives there). */
	{WSAECONNREFUSED, "ECONNREFUSED"}, {WSAECONNRESET, "ECONNRESET"}, {WSAECONNABORTED, "ECONNABORTED"},
	{WSAEHOSTUNREACH, "EHOSTUNREACH"}, {WSAENETUNREACH, "ENETUNREACH"}, {WSAEADDRINUSE, "EADDRINUSE"},
	{WSAEADDRNOTAVAIL, "EADDRNOTAVAIL"}, {WSAEACCES, "EACCES"}, {WSAEINVAL, "EINVAL"},
	{WSAEAFNOSUPPORT, "EAFNOSUPPORT"}, {WSAENOTCONN, "ENOTCONN"}, {WSAEMFILE, "EMFILE"},
	{WSAEINPROGRESS, "EINPROGRESS"}, {WSAEWOULDBLOCK, "EAGAIN"}, {WSAENOBUFS, "ENOBUFS"},
	{WSAENETDOWN, "ENETDOWN"}, {WSAEMSGSIZE, "EMSGSIZE"}, {WSAENOTSOCK, "ENOTSOCK"},
#endif
};

const char *xsock_err_errno_name(int code)
{
	size_t i;

	for (i = 0; i < sizeof(errno_names) / sizeof(errno_names[0]); i++) {
		if (errno_names[i].code == code) {
			return errno_names[i].name;
		}
	}
	return NULL;
}

/* The record in progress; NULL outside a request (nothing is kept then). */
static HashTable *current(void)
{
	if (XSOCK_G(err_closed)) {
		return NULL;
	}
	if (Z_TYPE(XSOCK_G(err_cur)) != IS_ARRAY) {
		array_init(&XSOCK_G(err_cur));
	}
	return Z_ARRVAL(XSOCK_G(err_cur));
}

/* The record in progress when key is not in it yet (the first value of a key wins), else NULL. */
static HashTable *unnoted(const char *key)
{
	HashTable *ht = current();

	return ht != NULL && zend_hash_str_find(ht, key, strlen(key)) == NULL ? ht : NULL;
}

void xsock_err_note_str(const char *key, const char *val)
{
	if (val != NULL && unnoted(key) != NULL) {
		add_assoc_string(&XSOCK_G(err_cur), key, val);
	}
}

void xsock_err_note_long(const char *key, zend_long val)
{
	if (unnoted(key) != NULL) {
		add_assoc_long(&XSOCK_G(err_cur), key, val);
	}
}

void xsock_err_note_zval(const char *key, zval *val)
{
	HashTable *ht = unnoted(key);

	if (ht != NULL) {
		zend_hash_str_update(ht, key, strlen(key), val);
	} else {
		zval_ptr_dtor(val);
	}
}

void xsock_err_note_openssl(const char *lib, const char *reason)
{
	HashTable *ht = current();
	zval *list, entry, tmp;

	if (ht == NULL) {
		return;
	}
	list = zend_hash_str_find(ht, "openssl", sizeof("openssl") - 1);
	if (list == NULL) {
		array_init(&tmp);
		list = zend_hash_str_update(ht, "openssl", sizeof("openssl") - 1, &tmp);
	}
	array_init(&entry);
	add_assoc_string(&entry, "library", lib ? lib : "");
	add_assoc_string(&entry, "reason", reason ? reason : "");
	add_next_index_zval(list, &entry);
}

void xsock_err_note_timeout(zend_long ms, const char *budget)
{
	xsock_err_note_long("timeout_ms", ms);
	xsock_err_note_str("budget", budget);
}

static void store(zval *slot, zval *rec)
{
	zval_ptr_dtor(slot);
	ZVAL_COPY(slot, rec);
}

static void store_for_stream(php_stream *stream, zval *rec)
{
	if (stream == NULL || stream->res == NULL) {
		return;
	}
	if (XSOCK_G(err_streams) == NULL) {
		ALLOC_HASHTABLE(XSOCK_G(err_streams));
		zend_hash_init(XSOCK_G(err_streams), 8, NULL, ZVAL_PTR_DTOR, 0);
	}
	Z_TRY_ADDREF_P(rec);
	zend_hash_index_update(XSOCK_G(err_streams), stream->res->handle, rec);
}

void xsock_err_commit(php_stream *stream, const char *phase, int err_no, const char *message, bool global)
{
	zval rec;
	const char *name;

	if (current() == NULL) {
		return;
	}
	xsock_err_note_str("phase", phase);
	xsock_err_note_long("errno", err_no);
	name = xsock_err_errno_name((int) zval_get_long(zend_hash_str_find(current(), "errno", sizeof("errno") - 1)));
	xsock_err_note_str("errno_name", name != NULL ? name : "");
	/* Never both empty: the phase says what failed when nothing else does. */
	xsock_err_note_str("message", message != NULL && message[0] != '\0' ? message : phase);
	ZVAL_COPY_VALUE(&rec, &XSOCK_G(err_cur));
	ZVAL_UNDEF(&XSOCK_G(err_cur));
	store_for_stream(stream, &rec);
	if (global) {
		store(&XSOCK_G(err_last), &rec);
	}
	zval_ptr_dtor(&rec);
}

void xsock_err_discard(void)
{
	zval_ptr_dtor(&XSOCK_G(err_cur));
	ZVAL_UNDEF(&XSOCK_G(err_cur));
}

zval *xsock_err_last(php_stream *stream)
{
	if (stream == NULL) {
		return Z_TYPE(XSOCK_G(err_last)) == IS_ARRAY ? &XSOCK_G(err_last) : NULL;
	}
	if (XSOCK_G(err_streams) == NULL || stream->res == NULL) {
		return NULL;
	}
	return zend_hash_index_find(XSOCK_G(err_streams), stream->res->handle);
}

static const char *str_of(HashTable *ht, const char *key)
{
	zval *v = ht != NULL ? zend_hash_str_find(ht, key, strlen(key)) : NULL;

	return v != NULL && Z_TYPE_P(v) == IS_STRING ? Z_STRVAL_P(v) : NULL;
}

const char *xsock_err_summary(php_stream *stream)
{
	zval *rec = xsock_err_last(stream), *list, *last;
	const char *msg;

	if (rec == NULL) {
		return NULL;
	}
	msg = str_of(Z_ARRVAL_P(rec), "message");
	if (msg != NULL && strchr(msg, '\n') == NULL) {
		return msg;
	}
	list = zend_hash_str_find(Z_ARRVAL_P(rec), "openssl", sizeof("openssl") - 1);
	last = list != NULL && Z_TYPE_P(list) == IS_ARRAY ? zend_hash_index_find(Z_ARRVAL_P(list),
		zend_hash_num_elements(Z_ARRVAL_P(list)) - 1) : NULL;
	return last != NULL && Z_TYPE_P(last) == IS_ARRAY ? str_of(Z_ARRVAL_P(last), "reason") : msg;
}

void xsock_err_rinit(void)
{
	XSOCK_G(err_closed) = false;
}

void xsock_err_rshutdown(void)
{
	XSOCK_G(err_closed) = true;
	xsock_err_discard();
	zval_ptr_dtor(&XSOCK_G(err_last));
	ZVAL_UNDEF(&XSOCK_G(err_last));
	if (XSOCK_G(err_streams) != NULL) {
		zend_hash_destroy(XSOCK_G(err_streams));
		FREE_HASHTABLE(XSOCK_G(err_streams));
		XSOCK_G(err_streams) = NULL;
	}
}
