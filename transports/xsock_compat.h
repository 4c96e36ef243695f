/*
 * xsock_compat.h - every OpenSSL-version and OS difference, as positive
 * feature macros.  Function bodies test these, never OPENSSL_VERSION_NUMBER
 * or _WIN32 directly.
 */
#ifndef XSOCK_COMPAT_H
#define XSOCK_COMPAT_H

#ifdef PHP_WIN32
# define XSOCK_WINDOWS 1
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

/* socket(SOCK_STREAM | SOCK_NONBLOCK) and fcntl(F_SETFL): Linux, the BSDs. */
#if defined(SOCK_NONBLOCK) && !defined(XSOCK_WINDOWS)
# define XSOCK_HAVE_SOCK_NONBLOCK 1
# include <fcntl.h>
#endif

#ifdef SO_REUSEPORT
# define XSOCK_HAVE_SO_REUSEPORT 1
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

/* PHP 8.3+ marks a read that already took bytes from PHP's buffer. */
#if PHP_VERSION_ID >= 80300
# define XSOCK_PHP_HAS_BUFFERED_DATA 1
#endif

/* OpenSSL ------------------------------------------------------------- */
#ifdef XSOCK_WITH_OPENSSL_HEADERS
# include <openssl/opensslv.h>
# include <openssl/ssl.h>
# if OPENSSL_VERSION_NUMBER >= 0x30000000L
#  define XSOCK_HAVE_OPENSSL3 1
# endif
# ifdef SSL_OP_IGNORE_UNEXPECTED_EOF
#  define XSOCK_HAVE_IGNORE_UNEXPECTED_EOF 1
# endif
# ifdef TLS1_3_VERSION
#  define XSOCK_HAVE_TLS13 1
# endif
# ifdef SSL3_VERSION
#  define XSOCK_HAVE_SSL3_CONST 1
# endif
# if OPENSSL_VERSION_NUMBER >= 0x30000000L
#  define XSOCK_SSL_get_peer_certificate SSL_get1_peer_certificate
# else
#  define XSOCK_SSL_get_peer_certificate SSL_get_peer_certificate
# endif
#endif

#endif
