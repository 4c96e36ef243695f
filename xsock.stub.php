<?php

/** @generate-class-entries */

/**
 * Switch an open xsock stream to TLS or back (STARTTLS), with the contract
 * of stream_socket_enable_crypto(): true when done, false on failure, 0
 * while a non-blocking handshake is still in progress.
 *
 * @param resource $stream
 * @param resource|null $session_stream
 */
function xsock_enable_crypto($stream, bool $enable, ?int $crypto_method = null, $session_stream = null): int|bool {}

/**
 * Every registered transport name mapped to "xsock" or "builtin".
 *
 * @return array<string, string>
 */
function xsock_transports(): array {}

/**
 * How the TLS session of an xsock stream ended: "close_notify",
 * "eof_without_close_notify" (the peer's FIN without close_notify: the
 * data may have been truncated), "reset" or "error".  null while the
 * session is open and on streams without TLS.
 *
 * @param resource $stream
 */
function xsock_tls_end_reason($stream): ?string {}

/**
 * What the TLS session of an xsock stream negotiated (protocol, cipher,
 * group, signature, ALPN, SNI, resumption, peer chain with SPKI pins,
 * trust store, OCSP staple status, end reason, handshake time, addresses).
 * null on streams without an established TLS session and on streams
 * xsock did not make.
 *
 * @param resource $stream
 */
function xsock_tls_info($stream): ?array {}

/**
 * The last failure of an xsock stream, or with no stream the last failure
 * of stream_socket_client(), fsockopen(), pfsockopen(),
 * stream_socket_server(), stream_socket_accept() or a TLS fclose() in this
 * request: phase (dns, connect, tls_handshake, verify, read, write,
 * shutdown, listen, accept), errno, errno_name, message and what else was
 * known (address, attempts, tls_alert, openssl, verify, timeout_ms, hint).
 * null when there was none.
 *
 * @param resource|null $stream
 */
function xsock_last_error($stream = null): ?array {}
