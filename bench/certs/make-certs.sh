#!/bin/sh
# make-certs.sh - the certificates bench/ uses; run.php calls this when
# certs/ca.pem is missing.  Not the test PKI (tests/certs/): benchmarks
# must not depend on files the test suite may regenerate.
#
#   ca.pem / ca.key   root CA "xsock bench CA" (the clients' cafile)
#   rsa.pem           RSA-2048 leaf + key, SAN DNS:localhost, IP:127.0.0.1
#   ecdsa.pem         ECDSA P-256 leaf + key, same SANs
#
# Usage: sh make-certs.sh   (writes next to itself)
set -eu
cd "$(dirname "$0")"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

cat > "$TMP/leaf.ext" <<EOT
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost, IP:127.0.0.1
EOT

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out ca.key 2>/dev/null
openssl req -new -x509 -key ca.key -subj "/O=xsock bench/CN=xsock bench CA" \
	-days 36500 -sha256 -addext "basicConstraints=critical,CA:TRUE" \
	-addext "keyUsage=critical,keyCertSign,cRLSign" -out ca.pem

# leaf NAME KEYGEN-ARGS
leaf() {
	openssl genpkey $2 -out "$TMP/$1.key" 2>/dev/null
	openssl req -new -key "$TMP/$1.key" -subj "/O=xsock bench/CN=localhost" -out "$TMP/$1.csr"
	openssl x509 -req -in "$TMP/$1.csr" -CA ca.pem -CAkey ca.key \
		-set_serial "0x$(openssl rand -hex 8)" -days 36500 -sha256 \
		-extfile "$TMP/leaf.ext" -out "$TMP/$1.crt" 2>/dev/null
	cat "$TMP/$1.crt" "$TMP/$1.key" > "$1.pem"
}

leaf rsa "-algorithm RSA -pkeyopt rsa_keygen_bits:2048"
leaf ecdsa "-algorithm EC -pkeyopt ec_paramgen_curve:P-256"
chmod 0644 ./*.pem ./*.key
echo "bench certificates written to $(pwd)"
