dnl config.m4 for xsock: PHP socket stream transports on xsock's own code.

PHP_ARG_ENABLE([xsock],
  [whether to enable xsock],
  [AS_HELP_STRING([--enable-xsock], [Enable the xsock socket transports])],
  [yes])

PHP_ARG_ENABLE([xsock-dev],
  [whether to build xsock with developer checks],
  [AS_HELP_STRING([--enable-xsock-dev], [xsock: strict warnings as errors (developers and CI)])],
  [no], [no])

PHP_ARG_ENABLE([xsock-dns-thread],
  [whether to bound DNS lookups with a thread even where getaddrinfo_a exists],
  [AS_HELP_STRING([--enable-xsock-dns-thread], [xsock: bound lookups with a resolver thread on glibc too (tests the non-glibc path)])],
  [no], [no])

if test "$PHP_XSOCK" != "no"; then
  dnl xsock links libssl itself: it must work when ext/openssl is absent.
  PHP_SETUP_OPENSSL(XSOCK_SHARED_LIBADD,
    [AC_DEFINE(HAVE_XSOCK_OPENSSL, 1, [OpenSSL found for xsock])],
    [AC_MSG_ERROR([xsock needs OpenSSL 3.0 or later (pkg-config openssl); install libssl-dev])])
  PHP_SUBST(XSOCK_SHARED_LIBADD)

  dnl PHP_SETUP_OPENSSL accepts 1.0.2 (PHP 8.2) or 1.1.1 (PHP 8.4); xsock is
  dnl written and tested for the 3.x API only.  1.1.1 left upstream support
  dnl in September 2023, so it is refused here with a reason, not at compile
  dnl time with a list of missing functions.
  AC_MSG_CHECKING([for OpenSSL 3.0 or later])
  xsock_save_CPPFLAGS=$CPPFLAGS
  CPPFLAGS="$CPPFLAGS $INCLUDES $OPENSSL_CFLAGS"
  AC_PREPROC_IFELSE([AC_LANG_SOURCE([[
#include <openssl/opensslv.h>
#if OPENSSL_VERSION_NUMBER < 0x30000000L
# error OpenSSL older than 3.0
#endif
  ]])], [AC_MSG_RESULT([yes])], [
    AC_MSG_RESULT([no])
    xsock_found=`$PKG_CONFIG --modversion openssl 2>/dev/null`
    AC_MSG_ERROR([xsock needs OpenSSL 3.0 or later, found ${xsock_found:-an older one}. OpenSSL 1.1.1 left upstream support in 2023; install OpenSSL 3 (Debian: libssl-dev) or point PKG_CONFIG_PATH at it.])
  ])
  CPPFLAGS=$xsock_save_CPPFLAGS

  dnl getaddrinfo_a bounds DNS by the connect timeout (sock.c); in libc since
  dnl glibc 2.34, in libanl before; absent on musl, BSD (blocking lookup there).
  AC_SEARCH_LIBS([getaddrinfo_a], [anl],
    [AC_DEFINE(HAVE_GETADDRINFO_A, 1, [glibc's asynchronous getaddrinfo])
     if test "$ac_cv_search_getaddrinfo_a" != "none required"; then
       PHP_ADD_LIBRARY(anl, 1, XSOCK_SHARED_LIBADD)
     fi])
  dnl Elsewhere a thread per lookup (dns.c): pthreads, with the condition
  dnl variable on the monotonic clock where the system allows it.
  AC_SEARCH_LIBS([pthread_create], [pthread],
    [AC_DEFINE(HAVE_PTHREAD_CREATE, 1, [POSIX threads])
     if test "$ac_cv_search_pthread_create" != "none required"; then
       PHP_ADD_LIBRARY(pthread, 1, XSOCK_SHARED_LIBADD)
     fi
     AC_CHECK_FUNCS([pthread_condattr_setclock])])
  AC_SEARCH_LIBS([dladdr], [dl],
    [if test "$ac_cv_search_dladdr" != "none required"; then
       PHP_ADD_LIBRARY(dl, 1, XSOCK_SHARED_LIBADD)
     fi])
  if test "$PHP_XSOCK_DNS_THREAD" != "no"; then
    AC_DEFINE(XSOCK_DNS_FORCE_THREAD, 1, [bound lookups with a thread even where getaddrinfo_a exists])
  fi

  dnl PHP 8.6's ZEND_CONTAINER_OF uses typeof: a compiler whose default is
  dnl strict C99/C11 needs GNU C11 (gcc 5-14 and clang default to gnu11 or
  dnl gnu17 already, so this adds nothing there).
  AC_MSG_CHECKING([whether the C compiler knows typeof])
  AC_COMPILE_IFELSE([AC_LANG_PROGRAM([[]], [[int a = 0; typeof(a) b = a; return b;]])],
    [AC_MSG_RESULT([yes]); XSOCK_STD=""],
    [AC_MSG_RESULT([no, using -std=gnu11]); XSOCK_STD="-std=gnu11"])

  XSOCK_CFLAGS="$XSOCK_STD -DZEND_ENABLE_STATIC_TSRMLS_CACHE=1 -I@ext_srcdir@/transports"
  if test "$PHP_XSOCK_DEV" != "no"; then
    XSOCK_CFLAGS="$XSOCK_CFLAGS -Wall -Wextra -Werror -Wno-unused-parameter -Wno-missing-field-initializers -Wno-sign-compare -Wshadow -Wformat=2"
  fi

  dnl Sources grouped per folder: the glue at the root, one file per
  dnl transport or concern under transports/.
  XSOCK_TRANSPORTS="transports/scheme.c transports/addr.c transports/sock.c transports/dns.c transports/sockopt.c transports/netops.c \
    transports/tcp.c transports/udp.c transports/tls.c transports/tls_config.c \
    transports/tls_verify.c transports/tls_server.c transports/tls_bio.c \
    transports/tls_error.c transports/tls_session.c transports/tls_diag.c \
    transports/tls_objects.c transports/tls_php86.c transports/tls_resume.c \
    transports/tls_psk.c transports/tls_early.c transports/tls_pin.c transports/tls_info.c transports/tls_ocsp.c \
    transports/tls_trust.c transports/tls_verify_hint.c transports/tls_sni_cb.c transports/tls_keylog.c transports/newer_php.c transports/xsock_error.c"

  PHP_NEW_EXTENSION(xsock, xsock.c $XSOCK_TRANSPORTS, $ext_shared,, $XSOCK_CFLAGS)
  PHP_ADD_BUILD_DIR([$ext_builddir/transports])
  PHP_ADD_EXTENSION_DEP(xsock, openssl, true)
fi
