/*
 * tls_diag.h - explain a failed handshake from the first bytes the peer sent.
 */
#ifndef XSOCK_TLS_DIAG_H
#define XSOCK_TLS_DIAG_H

#include <stddef.h>
#include <stdbool.h>

/*
 * `seen` holds the first bytes read from the peer where a TLS record was
 * expected.  When they are a recognisable plaintext protocol (SMTP, IMAP,
 * POP3, FTP, HTTP, ... greeting or request), write a one-sentence hint into
 * hint[hintlen] (NUL-terminated, truncated safely) and return true.
 * `local_is_client` says which side we are: a client that got a server
 * greeting (the STARTTLS/587 trap) gets different advice from a server
 * that got a plaintext request on its TLS port.
 * Pure function: no allocation, no PHP or OpenSSL calls (fuzzed in fuzz/).
 */
bool xsock_tls_diagnose(const unsigned char *seen, size_t len, bool local_is_client,
	char *hint, size_t hintlen);

#endif
