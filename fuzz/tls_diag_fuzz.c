/*
 * tls_diag_fuzz.c - libFuzzer harness for xsock_tls_diagnose().
 *
 * The first input byte picks the side and the hint buffer size; the rest is
 * what the peer "sent".  libFuzzer hands us an exactly sized heap copy and
 * the hint buffer is exactly sized too, so ASan sees any read past `len` or
 * write past `hintlen`.  Beyond memory safety it checks the contract in
 * tls_diag.h: the answer does not depend on the buffer, the hint is always
 * NUL-terminated and printable ASCII (it ends up in a PHP warning), and a
 * full hint fits the TLS layer's 256-byte buffer without being cut.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tls_diag.h"

#define BIG_HINT 1024	/* larger than any hint the table can produce */
#define HINT_FITS 256	/* the TLS layer keeps hints in char[XSOCK_TLS_HINT_MAX] (tls_int.h) */

static void check_hint(const char *hint, size_t hintlen)
{
	const char *nul = memchr(hint, '\0', hintlen);
	size_t n, i;

	if (nul == NULL) {
		abort();	/* not NUL-terminated */
	}
	n = (size_t) (nul - hint);
	for (i = 0; i < n; i++) {
		if ((unsigned char) hint[i] < 0x20 || (unsigned char) hint[i] > 0x7e) {
			abort();	/* a raw peer byte leaked into the hint */
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	bool client, full, small;
	size_t hintlen;
	char *big = NULL, *tiny = NULL;

	if (size < 1) {
		return 0;
	}
	client = (data[0] & 1) != 0;
	hintlen = (size_t) (data[0] >> 1);	/* 0..127: exercises truncation */
	data++;
	size--;

	big = malloc(BIG_HINT);
	tiny = hintlen ? malloc(hintlen) : NULL;
	if (big == NULL || (hintlen && tiny == NULL)) {
		goto out;
	}
	full = xsock_tls_diagnose(data, size, client, big, BIG_HINT);
	small = xsock_tls_diagnose(data, size, client, tiny, hintlen);
	if (full != small || xsock_tls_diagnose(data, size, client, NULL, 0) != full) {
		abort();
	}
	if (full) {
		check_hint(big, BIG_HINT);
		if (strlen(big) + 1 > HINT_FITS || strncmp(big, "the ", 4) != 0) {
			abort();
		}
	}
	if (full && hintlen) {
		check_hint(tiny, hintlen);
		if (strncmp(tiny, big, hintlen - 1) != 0) {
			abort();	/* truncation must keep a prefix of the full hint */
		}
	}
out:
	free(tiny);
	free(big);
	return 0;
}
