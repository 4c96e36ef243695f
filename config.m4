dnl config.m4 for xsock: PHP socket stream transports on xsock's own code.

PHP_ARG_ENABLE([xsock],
  [whether to enable xsock],
  [AS_HELP_STRING([--enable-xsock], [Enable the xsock socket transports])],
  [yes])

PHP_ARG_ENABLE([xsock-dev],
  [whether to build xsock with developer checks],
  [AS_HELP_STRING([--enable-xsock-dev], [xsock: strict warnings as errors (developers and CI)])],
  [no], [no])

if test "$PHP_XSOCK" != "no"; then
  dnl xsock links libssl itself: it must work when ext/openssl is absent.
  PHP_SETUP_OPENSSL(XSOCK_SHARED_LIBADD,
    [AC_DEFINE(HAVE_XSOCK_OPENSSL, 1, [OpenSSL found for xsock])],
    [AC_MSG_ERROR([xsock needs OpenSSL 1.1.1 or later (pkg-config openssl); install libssl-dev])])
  PHP_SUBST(XSOCK_SHARED_LIBADD)

  XSOCK_CFLAGS="-DZEND_ENABLE_STATIC_TSRMLS_CACHE=1 -I@ext_srcdir@/transports"
  if test "$PHP_XSOCK_DEV" != "no"; then
    XSOCK_CFLAGS="$XSOCK_CFLAGS -Wall -Wextra -Werror -Wno-unused-parameter -Wno-missing-field-initializers -Wno-sign-compare -Wshadow -Wformat=2"
  fi

  dnl Sources grouped per folder: the glue at the root, one file per
  dnl transport or concern under transports/.
  XSOCK_TRANSPORTS="transports/scheme.c transports/addr.c transports/sock.c transports/sockopt.c transports/netops.c \
    transports/tcp.c transports/udp.c transports/tls.c transports/tls_config.c \
    transports/tls_verify.c transports/tls_server.c transports/tls_bio.c \
    transports/tls_error.c transports/tls_session.c transports/tls_diag.c"

  PHP_NEW_EXTENSION(xsock, xsock.c $XSOCK_TRANSPORTS, $ext_shared,, $XSOCK_CFLAGS)
  PHP_ADD_BUILD_DIR([$ext_builddir/transports])
  PHP_ADD_EXTENSION_DEP(xsock, openssl, true)
fi
