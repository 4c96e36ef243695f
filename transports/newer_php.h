/*
 * newer_php.h - glue for what only PHP 8.5 and 8.6 have.  Everything in
 * newer_php.c is written from php-src's sources and is not built or run
 * on the PHP versions CI has (8.2, 8.4): the README says so.  On older
 * PHP these are stubs with the older behaviour.
 */
#ifndef XSOCK_NEWER_PHP_H
#define XSOCK_NEWER_PHP_H

#include "xsock_stream.h"

/*
 * PHP 8.5's `ssl` option uri_parser_class: the parser that derives the TLS
 * peer name from the target.  Returns false when the context names no
 * parser (the caller uses the legacy parse, as PHP does); otherwise true
 * with *name set (NULL when the parser finds no host), or with an
 * exception thrown for a value PHP refuses.
 */
bool xsock_uri_parser_name(php_stream_context *ctx, const char *res, size_t len, bool persistent, char **name);

#endif
