/*
 * tls_keylog.c - TLS secrets in the SSLKEYLOGFILE format (NSS's key log,
 * read by Wireshark and tshark) for debugging a connection on the wire.
 *
 * Off unless the system setting xsock.keylog allows it: the file lets
 * anyone who reads it decrypt the traffic, so a script alone (ssl.keylog_file)
 * or the environment alone (SSLKEYLOGFILE) must not turn it on.  Then
 * ssl.keylog_file names the file, else SSLKEYLOGFILE does.
 *
 * The path is per stream, not per SSL_CTX: contexts are shared by every
 * stream with the same option set (tls_config.c), and the path is not part
 * of that key.  The callback on the context finds the stream through the
 * SSL's ex data (xsock_tls_stream_of) and its path there.
 *
 * Each line is one open/lock/write/close: a handshake writes two (TLS 1.2)
 * to five (TLS 1.3) lines, and keeping no descriptor open means a rotated or
 * deleted file is simply created again, and nothing leaks into children.
 */
#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include "tls_int.h"
#include "php_xsock.h"
#include "main/fopen_wrappers.h"

#ifdef XSOCK_HAVE_KEYLOG_FILE
# include <fcntl.h>
# include <sys/file.h>
# include <sys/stat.h>
# ifndef O_CLOEXEC
#  define O_CLOEXEC 0
# endif
#endif

/* The warning that secrets are being written: once per process (a race under ZTS only repeats it). */
static bool keylog_announced;

#ifdef XSOCK_HAVE_KEYLOG_FILE
/*
 * Append one line; 0, or the errno of what failed (EINVAL: not a regular
 * file, EIO: a short write).  O_NOFOLLOW: a symlink planted at the path cannot
 * redirect secrets elsewhere; O_NONBLOCK and the S_ISREG check: a FIFO or
 * device at the path neither blocks the handshake nor gets the secrets.
 * New files are 0600; an existing regular file keeps its owner's mode.
 * flock() keeps lines of concurrent processes (php-fpm workers) whole.
 */
static int append_line(const char *path, const char *line)
{
	size_t len = strlen(line);
	char *buf = emalloc(len + 1);
	struct stat st;
	ssize_t n;
	int fd, e = 0;

	memcpy(buf, line, len);
	buf[len] = '\n';
	fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0600);
	if (fd < 0) {
		e = errno;
	} else if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		e = EINVAL;
	} else if (flock(fd, LOCK_EX) != 0) {
		e = errno;
	} else {
		n = write(fd, buf, len + 1);
		e = n == (ssize_t) (len + 1) ? 0 : (n < 0 ? errno : EIO);
		flock(fd, LOCK_UN);
	}
	if (fd >= 0) {
		close(fd);
	}
	efree(buf);
	return e;
}
#else
static int append_line(const char *path, const char *line)
{
	return ENOSYS;
}
#endif

/* SSL_CTX_set_keylog_callback: called inside SSL_do_handshake(); no PHP code runs here. */
static void keylog_cb(const SSL *ssl, const char *line)
{
	php_stream *stream = xsock_tls_stream_of(ssl);
	xsock_tls *tls = stream != NULL ? XSOCK_DATA(stream)->tls : NULL;

	if (tls == NULL || tls->keylog == NULL || tls->keylog_errno != 0) {
		return;
	}
	tls->keylog_errno = append_line(tls->keylog, line);
	tls->keylog_logged = tls->keylog_logged || tls->keylog_errno == 0;
}

/* Every SSL_CTX xsock builds, when xsock.keylog allows logging at all (a system setting). */
void xsock_tls_keylog_ctx(SSL_CTX *ctx)
{
	if (XSOCK_G(keylog)) {
		SSL_CTX_set_keylog_callback(ctx, keylog_cb);
	}
}

/* ssl.keylog_file, else SSLKEYLOGFILE; NULL when neither names a file. */
static const char *keylog_path(php_stream *stream)
{
	php_stream_context *context = PHP_STREAM_CONTEXT(stream);
	zval *val = context ? php_stream_context_get_option(context, "ssl", "keylog_file") : NULL;
	const char *env;

	if (val != NULL) {
		if (Z_TYPE_P(val) != IS_STRING || Z_STRLEN_P(val) == 0 || XSOCK_HAS_NUL(Z_STRVAL_P(val), Z_STRLEN_P(val))) {
			XSOCK_WARN(stream, Generic, "ssl.keylog_file must be a non-empty path string; no TLS secrets are logged");
			return NULL;
		}
		return Z_STRVAL_P(val);
	}
	env = getenv("SSLKEYLOGFILE");
	return env != NULL && env[0] != '\0' ? env : NULL;
}

/* Per setup: which file this stream's secrets go to, if any. */
void xsock_tls_keylog_setup(php_stream *stream, xsock_tls *tls)
{
	const char *path;

	xsock_tls_keylog_free(tls);
	if (!XSOCK_G(keylog) || (path = keylog_path(stream)) == NULL) {
		return;
	}
	/* php_check_open_basedir() warns itself. */
	if (php_check_open_basedir(path) != 0) {
		return;
	}
	tls->keylog = pestrdup(path, tls->io.xs->persistent);
}

/* append_line()'s refusals in words; errno's text for the rest (EACCES, ENOENT...). */
static const char *why_not(int e)
{
	if (e == ELOOP) {
		return "it is a symlink, which is not followed";
	}
	if (e == EINVAL) {
		return "it is not a regular file";
	}
	if (e == ENOSYS) {
		return "key logging is not available on this system";
	}
	return strerror(e);
}

/*
 * After a handshake step, outside OpenSSL's callback (a warning may run a
 * script's error handler, which must not see the stream mid-handshake):
 * say once per process that secrets are being written, and per stream
 * when the file could not be written.
 */
void xsock_tls_keylog_warn(php_stream *stream, xsock_tls *tls)
{
	if (tls->keylog == NULL) {
		return;
	}
	if (tls->keylog_errno != 0) {
		XSOCK_WARN(stream, WriteFailed, "xsock.keylog: cannot append TLS secrets to %s: %s; this connection's "
			"secrets are not logged", tls->keylog, why_not(tls->keylog_errno));
		xsock_tls_keylog_free(tls);
		return;
	}
	if (tls->keylog_logged && !keylog_announced) {
		keylog_announced = true;
		XSOCK_WARN(stream, Generic, "xsock.keylog is on: TLS secrets are being written to %s (SSLKEYLOGFILE "
			"format); whoever can read that file can decrypt this process's TLS traffic", tls->keylog);
	}
	tls->keylog_logged = false;
}

void xsock_tls_keylog_free(xsock_tls *tls)
{
	if (tls->keylog != NULL) {
		pefree(tls->keylog, tls->io.xs->persistent);
		tls->keylog = NULL;
	}
	tls->keylog_logged = false;
	tls->keylog_errno = 0;
}
