/*
 * xsock_compat.h - every PHP-version, OpenSSL-version and OS difference, as
 * positive feature macros or small shims.  Function bodies test these,
 * never PHP_VERSION_ID, OPENSSL_VERSION_NUMBER or _WIN32 directly.
 *
 * Support matrix: PHP 8.2 to 8.6, OpenSSL 3.0 and later.  The PHP 8.3, 8.5
 * and 8.6 entries are written from php-src's sources and UPGRADING notes
 * (../shared/reference/php-transports-8.3-8.6.md §5); 8.2 and 8.4 are
 * built and tested.  Included after php.h (xsock_stream.h).
 */
#ifndef XSOCK_COMPAT_H
#define XSOCK_COMPAT_H

#include <stddef.h>
#include <string.h>

/* PHP ----------------------------------------------------------------- */

/*
 * 8.3: _php_stream_read() sets stream->has_buffered_data while it asks the
 * transport for more after copying buffered bytes; the transport must not
 * wait then (bug #51056, xp_socket.c php_sockop_read).
 */
#if PHP_VERSION_ID >= 80300
# define XSOCK_STREAM_HAS_BUFFERED_DATA(stream) ((stream)->has_buffered_data)
#else
# define XSOCK_STREAM_HAS_BUFFERED_DATA(stream) 0
#endif
/* ext/openssl's TLS reads honour it only from 8.4.24 and 8.5.9 (PR #22346). */
#if (PHP_VERSION_ID >= 80424 && PHP_VERSION_ID < 80500) || PHP_VERSION_ID >= 80509
# define XSOCK_TLS_HAS_BUFFERED_DATA(stream) XSOCK_STREAM_HAS_BUFFERED_DATA(stream)
#else
# define XSOCK_TLS_HAS_BUFFERED_DATA(stream) 0
#endif

/*
 * PHP's own transport texts that changed after 8.2 and that xsock follows
 * on the PHP it is loaded into.  GH-19245 (8.3.26, 8.4.13, 8.5.0): a TLS
 * accept whose handshake fails says "Cannot enable crypto", where earlier
 * releases print a stale strerror(errno) ("Success").
 */
#if (PHP_VERSION_ID >= 80326 && PHP_VERSION_ID < 80400) || PHP_VERSION_ID >= 80413
# define XSOCK_PHP_ACCEPT_TLS_TEXT "Cannot enable crypto"
#else
# define XSOCK_PHP_ACCEPT_TLS_TEXT NULL
#endif

/*
 * PHP 8.4.28 stopped truncating ports: a port outside 0..65535 (after
 * atoi()'s reading) fails with `Failed to parse port of address "..."`,
 * checked before the host, so ":99999" says so too.  Seen on Debian 13's
 * 8.4.28; 8.4.27 and 8.2.36 still truncate.  The fix is not in the NEWS
 * xsock could read; 8.5.13, released with 8.4.28, is assumed to carry it.
 */
#if (PHP_VERSION_ID >= 80428 && PHP_VERSION_ID < 80500) || PHP_VERSION_ID >= 80513
# define XSOCK_PHP_REFUSES_PORT_RANGE 1
#else
# define XSOCK_PHP_REFUSES_PORT_RANGE 0
#endif

/*
 * 8.3.24 / 8.4.11 (bug #80770) made SNI_server_certs contexts inherit the
 * main context's verification settings.  xsock's per-host contexts carry
 * every setting on every version (README), so no version test is needed.
 */

/*
 * 8.5: the `ssl` option uri_parser_class picks the parser that derives the
 * TLS peer name (RFC url_parsing_api; newer_php.c).
 */
#if PHP_VERSION_ID >= 80500
# define XSOCK_PHP_HAS_URI_PARSER_OPTION 1
#endif

/*
 * 8.4 moved php_set_sock_blocking() to main/php_network.h with a bool
 * argument and a zend_result (PR #15511); 8.2 and 8.3 declare
 * `int php_set_sock_blocking(php_socket_t, int)` in ext/standard/file.h.
 * Both return SUCCESS (0) on success.
 */
#if PHP_VERSION_ID < 80400
# include "ext/standard/file.h"
#endif
#define XSOCK_SET_SOCK_BLOCKING(fd, on) (php_set_sock_blocking((fd), (on)) == SUCCESS)

/*
 * 8.4 renamed HAVE_SOCKADDR_STORAGE / HAVE_SOCKADDR_SA_LEN to HAVE_STRUCT_...
 * xsock tests neither: it uses struct sockaddr_storage unconditionally
 * (POSIX, and Winsock has it) and never reads sa_len, so the rename cannot
 * silently drop anything here.
 */

/*
 * 8.6 removed CHECK_NULL_PATH (PR #20155) and XtOffsetOf (PR #21899);
 * plain C does the same on every version.
 */
#define XSOCK_HAS_NUL(p, len) (memchr((p), '\0', (len)) != NULL)
#define XSOCK_OFFSETOF(type, member) offsetof(type, member)

/*
 * 8.6's Stream Errors API (RFC stream_errors): transports report through
 * php_stream_warn(stream, Code, ...) with a StreamErrorCode case name, so
 * stream.error_mode, error_store and stream_last_errors() see them.  In
 * the default mode the output is the same warning as php_error_docref().
 * Detected by the macro itself (PHP_STREAM_EC, the case-name form in
 * php-src's later revisions): with any other shape of the API xsock keeps
 * plain warnings rather than fail to build.  Before 8.6, and where a
 * warning has no stream yet, it is php_error_docref() as always.  The
 * codes follow the messages' php-src counterparts where those could be
 * read (ext/openssl: AuthFailed for name and fingerprint checks, Generic
 * for a malformed option, NotFound, PermissionDenied, ProtocolError for
 * "Failed to enable crypto"); the rest are chosen by meaning.
 */
#if PHP_VERSION_ID >= 80600 && defined(__has_include)
# if __has_include("streams/php_stream_errors.h")
#  include "streams/php_stream_errors.h"
# endif
#endif
#if PHP_VERSION_ID >= 80600 && defined(PHP_STREAM_EC) && defined(php_stream_warn) && defined(php_stream_notice)
# define XSOCK_HAVE_STREAM_ERRORS 1
# define XSOCK_WARN(stream, code, ...) \
	((stream) != NULL ? php_stream_warn((stream), code, __VA_ARGS__) : php_error_docref(NULL, E_WARNING, __VA_ARGS__))
# define XSOCK_NOTICE(stream, code, ...) \
	((stream) != NULL ? php_stream_notice((stream), code, __VA_ARGS__) : php_error_docref(NULL, E_NOTICE, __VA_ARGS__))
#else
# define XSOCK_WARN(stream, code, ...) php_error_docref(NULL, E_WARNING, __VA_ARGS__)
# define XSOCK_NOTICE(stream, code, ...) php_error_docref(NULL, E_NOTICE, __VA_ARGS__)
#endif

/*
 * 8.6's Io\Poll asks streams for their fd with a cast for select, or in a
 * later revision with its own PHP_STREAM_AS_FD_FOR_POLL (php-src
 * ext/standard/io_poll.c); both get what select gets.
 */
#ifdef PHP_STREAM_AS_FD_FOR_POLL
# define XSOCK_CAST_FOR_POLLING(castas) ((castas) == PHP_STREAM_AS_FD_FOR_SELECT || (castas) == PHP_STREAM_AS_FD_FOR_POLL)
#else
# define XSOCK_CAST_FOR_POLLING(castas) ((castas) == PHP_STREAM_AS_FD_FOR_SELECT)
#endif

/*
 * 8.6 made php_stream_xport_register() void ("registering cannot fail",
 * PR #22811; read from the PR, not from a release).  xsock counts a
 * registration as taken either way.
 */
#if PHP_VERSION_ID >= 80600
# define XSOCK_XPORT_REGISTER(name, factory) (php_stream_xport_register((name), (factory)), SUCCESS)
#else
# define XSOCK_XPORT_REGISTER(name, factory) php_stream_xport_register((name), (factory))
#endif

/*
 * 8.6: ext/openssl's TLS session resumption, PSK and early data API
 * (PRs #20296, #22057, #22802; read from the PRs and tests, not from a
 * release): classes Openssl\Session and Openssl\Psk (tls_php86.c talks
 * to them), meta data keys crypto.session_reused and crypto.early_data.
 * Older versions get xsock's shim classes and no new meta data keys.
 */
#if PHP_VERSION_ID >= 80600
# define XSOCK_PHP_HAS_TLS_SESSION_API 1
#endif

#ifdef PHP_WIN32
# define XSOCK_WINDOWS 1
#endif

/*
 * The system CA bundles of tls_trust.c are files at Unix paths; Windows
 * keeps its roots in the CryptoAPI store, which PHP does not read either.
 */
#ifndef XSOCK_WINDOWS
# define XSOCK_HAVE_SYSTEM_CA_BUNDLES 1
#endif

/* send() flag that suppresses SIGPIPE (Linux, BSDs); macOS uses SO_NOSIGPIPE. */
#ifdef MSG_NOSIGNAL
# define XSOCK_SEND_FLAGS MSG_NOSIGNAL
#else
# define XSOCK_SEND_FLAGS 0
#endif
#if defined(SO_NOSIGPIPE) && !defined(MSG_NOSIGNAL)
# define XSOCK_HAVE_SO_NOSIGPIPE 1
#endif

/* Per-call non-blocking I/O, so the fd's own mode is never toggled. */
#ifdef MSG_DONTWAIT
# define XSOCK_HAVE_MSG_DONTWAIT 1
# define XSOCK_RECV_DONTWAIT MSG_DONTWAIT
#else
# define XSOCK_RECV_DONTWAIT 0
#endif

/*
 * A blocking recv() bounded by SO_RCVTIMEO, so a read that has to wait
 * costs one system call instead of poll() and recv() (netops.c,
 * xsock_net_recv_wait).  Linux only, where socket(7) says what it takes:
 * the timeout ends the call with EAGAIN, and a signal ends it with EINTR
 * even under SA_RESTART, as it ends poll().
 */
#if defined(__linux__) && defined(XSOCK_HAVE_MSG_DONTWAIT) && defined(SO_RCVTIMEO)
# define XSOCK_HAVE_RECV_WAIT 1
#endif

/* socket(SOCK_STREAM | SOCK_NONBLOCK) and fcntl(F_SETFL): Linux, the BSDs. */
#if defined(SOCK_NONBLOCK) && !defined(XSOCK_WINDOWS)
# define XSOCK_HAVE_SOCK_NONBLOCK 1
# include <fcntl.h>
#endif

#ifdef SO_REUSEPORT
# define XSOCK_HAVE_SO_REUSEPORT 1
#endif

/*
 * How a client's lookup is bounded by its connect timeout (dns.c):
 * glibc's getaddrinfo_a (config.m4 found it), else a thread per lookup on
 * POSIX systems with pthreads (musl, BSD, macOS); --enable-xsock-dns-thread
 * takes the thread on glibc too, so it is tested there.  Windows: none yet.
 * The thread waits on a condition variable; where it can use the
 * monotonic clock (not macOS), a clock step cannot stretch the wait.
 */
#if defined(HAVE_GETADDRINFO_A) && !defined(XSOCK_DNS_FORCE_THREAD)
# define XSOCK_DNS_GAI_A 1
#elif defined(HAVE_PTHREAD_CREATE) && !defined(XSOCK_WINDOWS)
# define XSOCK_DNS_THREAD 1
# ifdef HAVE_PTHREAD_CONDATTR_SETCLOCK
#  define XSOCK_COND_CLOCK CLOCK_MONOTONIC
#  define XSOCK_COND_SETCLOCK(attr) pthread_condattr_setclock((attr), CLOCK_MONOTONIC)
# else
#  define XSOCK_COND_CLOCK CLOCK_REALTIME
#  define XSOCK_COND_SETCLOCK(attr) ((void) (attr))
# endif
#endif

/*
 * The key log file (tls_keylog.c): open(O_NOFOLLOW), flock().  POSIX
 * systems; on Windows a key log cannot be opened, and says so.
 */
#ifndef XSOCK_WINDOWS
# define XSOCK_HAVE_KEYLOG_FILE 1
#endif

/*
 * TCP keepalive and timeout knobs (sockopt.c).  Linux names the idle timer
 * TCP_KEEPIDLE, macOS TCP_KEEPALIVE; macOS also does not copy it from the
 * listening socket to accepted ones (PHP 8.6 network.c sets it again after
 * accept for that reason).  The limits are Linux's (include/net/tcp.h
 * MAX_TCP_KEEPIDLE/KEEPINTVL/KEEPCNT); elsewhere the kernel decides.
 */
#include <limits.h>
#ifndef XSOCK_WINDOWS
# include <netinet/tcp.h>
#endif
#if defined(TCP_KEEPIDLE)
# define XSOCK_TCP_KEEPIDLE TCP_KEEPIDLE
#elif defined(TCP_KEEPALIVE)
# define XSOCK_TCP_KEEPIDLE TCP_KEEPALIVE
# define XSOCK_KEEPIDLE_NOT_INHERITED 1
#endif
#ifdef __linux__
# define XSOCK_KEEPIDLE_MAX 32767
# define XSOCK_KEEPINTVL_MAX 32767
# define XSOCK_KEEPCNT_MAX 127
#else
# define XSOCK_KEEPIDLE_MAX INT_MAX
# define XSOCK_KEEPINTVL_MAX INT_MAX
# define XSOCK_KEEPCNT_MAX INT_MAX
#endif
#ifdef TCP_USER_TIMEOUT
# define XSOCK_HAVE_TCP_USER_TIMEOUT 1
#endif
/* Darwin's SO_LINGER counts ticks; SO_LINGER_SEC counts seconds (PHP 8.6). */
#ifdef SO_LINGER_SEC
# define XSOCK_LINGER_OPT SO_LINGER_SEC
#else
# define XSOCK_LINGER_OPT SO_LINGER
#endif

#ifdef IP_BIND_ADDRESS_NO_PORT
# define XSOCK_HAVE_BIND_NO_PORT 1
#endif

#ifdef XSOCK_WINDOWS
# define XSOCK_ETIMEDOUT WSAETIMEDOUT
# define XSOCK_EWOULDBLOCK(e) ((e) == WSAEWOULDBLOCK)
# define XSOCK_EINPROGRESS(e) ((e) == WSAEWOULDBLOCK || (e) == WSAEINPROGRESS)
#else
# define XSOCK_ETIMEDOUT ETIMEDOUT
# define XSOCK_EWOULDBLOCK(e) ((e) == EAGAIN || (e) == EWOULDBLOCK)
# define XSOCK_EINPROGRESS(e) ((e) == EINPROGRESS)
#endif

/* PHP ----------------------------------------------------------------- */

/*
 * PHP 8.6 (PR #22193): stream_socket_get_crypto_status() is core's and asks
 * the transport with a crypto op; older PHP gets xsock's function and the
 * STREAM_CRYPTO_STATUS_* constants (xsock.c).  The op is a member of the
 * enum in php_stream_xport_crypto_param (as SETUP and ENABLE are in 8.2),
 * which #ifdef cannot see, hence the version as well.
 */
#if defined(STREAM_XPORT_CRYPTO_OP_GET_STATUS) || PHP_VERSION_ID >= 80600
# define XSOCK_PHP_HAS_CRYPTO_STATUS 1
#endif
#ifndef STREAM_CRYPTO_STATUS_NONE
# define STREAM_CRYPTO_STATUS_NONE 0
# define STREAM_CRYPTO_STATUS_WANT_READ 1
# define STREAM_CRYPTO_STATUS_WANT_WRITE 2
#endif

/* OpenSSL ------------------------------------------------------------- */
#ifdef XSOCK_WITH_OPENSSL_HEADERS
# include <openssl/opensslv.h>
# include <openssl/ssl.h>
/* configure refuses older libraries with a message; this catches the rest. */
# if OPENSSL_VERSION_NUMBER < 0x30000000L
#  error "xsock needs OpenSSL 3.0 or later"
# endif
# ifdef TLS1_3_VERSION
#  define XSOCK_HAVE_TLS13 1
# endif
# ifdef SSL3_VERSION
#  define XSOCK_HAVE_SSL3_CONST 1
# endif
/*
 * SSL_SESSION_get_time() returns a long, which overflows in 2038 on ILP32;
 * OpenSSL 3.3 added the time_t variant and 3.4 deprecated the old one.
 */
# if OPENSSL_VERSION_NUMBER >= 0x30300000L
#  define XSOCK_SSL_SESSION_TIME(sess) ((uint64_t) SSL_SESSION_get_time_ex(sess))
# else
#  define XSOCK_SSL_SESSION_TIME(sess) ((uint64_t) SSL_SESSION_get_time(sess))
# endif
/* The negotiated key-exchange group's name: SSL_get0_group_name() came with 3.2. */
# if OPENSSL_VERSION_NUMBER >= 0x30200000L
#  define XSOCK_SSL_GROUP_NAME(ssl) SSL_get0_group_name(ssl)
# else
#  define XSOCK_SSL_GROUP_NAME(ssl) SSL_group_to_name((ssl), SSL_get_negotiated_group(ssl))
# endif
#endif

#endif
