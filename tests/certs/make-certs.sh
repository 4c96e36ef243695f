#!/bin/sh
# make-certs.sh - regenerate the test PKI used by tests/tls, tests/starttls
# and bench/.  The generated files are committed: tests never run this.
#
# Every certificate except expired.pem is valid for 100 years.  Keys are
# new on each run (RSA-2048 unless noted), names and SANs are fixed.
#
#   ca.pem / ca.key                 root CA "xsock test CA"
#   inter.pem / inter.key           intermediate CA signed by the root
#   server.crt / server.key         RSA-2048 leaf signed by the root,
#                                   SAN DNS:localhost, IP:127.0.0.1, IP:::1
#   server.pem                      server.crt + server.key (one file)
#   chain.crt / chain.key           leaf signed by the intermediate (same SANs)
#   chain.pem                       chain.crt + inter.pem + chain.key
#   other.pem (.crt/.key)           SAN DNS:other.test only (name mismatch)
#   expired.pem (.crt/.key)         signed by the root, expired in 2001
#   selfsigned.pem (.crt/.key)      self-signed, CN=localhost, SAN localhost
#   untrusted-ca.pem / .key         a CA nobody trusts
#   untrusted.pem (.crt/.key)       localhost leaf signed by untrusted-ca
#   client.pem (.crt/.key)          client certificate (clientAuth) signed by the root
#   server-enc.key                  server.key encrypted with passphrase "secret"
#   server-enc.pem                  server.crt + server-enc.key
#   ecdsa.pem (.crt/.key)           ECDSA P-256 leaf, same SANs as server
#   a.test.pem / b.test.pem (.crt/.key)  SNI pair, SAN DNS:a.test / DNS:b.test
#   dh2048.pem                      2048-bit DH parameters
#
# Usage: sh make-certs.sh   (from any directory; writes next to itself)

set -eu
cd "$(dirname "$0")"

DAYS=36500
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

rsakey() {
	openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1" 2>/dev/null
}

# ext NAME SAN EKU -> writes $TMP/NAME.ext
leafext() {
	cat > "$TMP/$1.ext" <<EOT
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = $3
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid, issuer
subjectAltName = $2
EOT
}

caext() {
	cat > "$TMP/ca.ext" <<EOT
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always, issuer
EOT
}

# sign NAME CN ISSUER SAN EKU: NAME.key must exist; writes NAME.crt
sign() {
	leafext "$1" "$4" "$5"
	openssl req -new -key "$1.key" -subj "/O=xsock tests/CN=$2" -out "$TMP/$1.csr"
	openssl x509 -req -in "$TMP/$1.csr" -CA "$3.pem" -CAkey "$3.key" \
		-set_serial "0x$(openssl rand -hex 8)" -days $DAYS -sha256 \
		-extfile "$TMP/$1.ext" -out "$1.crt" 2>/dev/null
}

SERVER_SAN="DNS:localhost, IP:127.0.0.1, IP:::1"

# Root CA and intermediate.
caext
rsakey ca.key
openssl req -new -x509 -key ca.key -subj "/O=xsock tests/CN=xsock test CA" \
	-days $DAYS -sha256 \
	-addext "basicConstraints=critical,CA:TRUE" \
	-addext "keyUsage=critical,keyCertSign,cRLSign" -out ca.pem

rsakey inter.key
openssl req -new -key inter.key -subj "/O=xsock tests/CN=xsock test intermediate CA" -out "$TMP/inter.csr"
openssl x509 -req -in "$TMP/inter.csr" -CA ca.pem -CAkey ca.key \
	-set_serial "0x$(openssl rand -hex 8)" -days $DAYS -sha256 \
	-extfile "$TMP/ca.ext" -out inter.pem 2>/dev/null

# Main RSA-2048 server certificate (also used by bench/).
rsakey server.key
sign server localhost ca "$SERVER_SAN" serverAuth
cat server.crt server.key > server.pem

# Leaf under the intermediate; chain.pem carries the intermediate.
rsakey chain.key
sign chain localhost inter "$SERVER_SAN" serverAuth
cat chain.crt inter.pem chain.key > chain.pem

# Wrong host name.
rsakey other.key
sign other other.test ca "DNS:other.test" serverAuth
cat other.crt other.key > other.pem

# SNI pair.
for h in a.test b.test; do
	rsakey "$h.key"
	sign "$h" "$h" ca "DNS:$h" serverAuth
	cat "$h.crt" "$h.key" > "$h.pem"
done

# Client certificate for mutual TLS.
rsakey client.key
sign client "xsock test client" ca "DNS:client.test" clientAuth
cat client.crt client.key > client.pem

# ECDSA P-256 server.
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ecdsa.key
leafext ecdsa "$SERVER_SAN" serverAuth
sed -i 's/keyUsage = critical, digitalSignature, keyEncipherment/keyUsage = critical, digitalSignature/' "$TMP/ecdsa.ext"
openssl req -new -key ecdsa.key -subj "/O=xsock tests/CN=localhost" -out "$TMP/ecdsa.csr"
openssl x509 -req -in "$TMP/ecdsa.csr" -CA ca.pem -CAkey ca.key \
	-set_serial "0x$(openssl rand -hex 8)" -days $DAYS -sha256 \
	-extfile "$TMP/ecdsa.ext" -out ecdsa.crt 2>/dev/null
cat ecdsa.crt ecdsa.key > ecdsa.pem

# Encrypted copy of the server key (passphrase "secret").
openssl pkey -in server.key -aes256 -passout pass:secret -out server-enc.key
cat server.crt server-enc.key > server-enc.pem

# Self-signed.
rsakey selfsigned.key
openssl req -new -x509 -key selfsigned.key -subj "/O=xsock tests/CN=localhost" \
	-days $DAYS -sha256 -addext "subjectAltName=DNS:localhost" \
	-addext "basicConstraints=critical,CA:FALSE" -out selfsigned.crt
cat selfsigned.crt selfsigned.key > selfsigned.pem

# A CA nobody trusts, and a localhost leaf signed by it.
rsakey untrusted-ca.key
openssl req -new -x509 -key untrusted-ca.key -subj "/O=xsock tests/CN=xsock untrusted CA" \
	-days $DAYS -sha256 \
	-addext "basicConstraints=critical,CA:TRUE" \
	-addext "keyUsage=critical,keyCertSign,cRLSign" -out untrusted-ca.pem
rsakey untrusted.key
sign untrusted localhost untrusted-ca "$SERVER_SAN" serverAuth
cat untrusted.crt untrusted.key > untrusted.pem

# Expired: `openssl ca` is the 3.0 tool that takes explicit dates.
rsakey expired.key
leafext expired "$SERVER_SAN" serverAuth
mkdir "$TMP/db"
: > "$TMP/db/index.txt"
cat > "$TMP/ca.cnf" <<EOT
[ ca ]
default_ca = test
[ test ]
database = $TMP/db/index.txt
new_certs_dir = $TMP/db
serial = $TMP/db/serial
default_md = sha256
policy = anything
unique_subject = no
copy_extensions = none
[ anything ]
organizationName = optional
commonName = supplied
EOT
openssl rand -hex 8 > "$TMP/db/serial"
openssl req -new -key expired.key -subj "/O=xsock tests/CN=localhost" -out "$TMP/expired.csr"
openssl ca -batch -notext -config "$TMP/ca.cnf" -cert ca.pem -keyfile ca.key \
	-startdate 20000101000000Z -enddate 20010101000000Z \
	-extfile "$TMP/expired.ext" -in "$TMP/expired.csr" -out expired.crt 2>/dev/null
cat expired.crt expired.key > expired.pem

# DH parameters for the dh_param option.
openssl dhparam -out dh2048.pem 2048 2>/dev/null

chmod 0644 ./*.pem ./*.crt ./*.key
echo "certificates written to $(pwd)"
