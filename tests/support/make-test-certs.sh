#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Generates throwaway TLS material for tests into DIR (EC P-256 keys, valid for 2 days):
#   ca.crt/ca.key              the test CA
#   server.crt/server.key      signed by it, CN and subjectAltName DNS:localhost only (no IP address)
#   client.crt/client.key      signed by it, CN=pgdesk_cert (the role pgcluster --ssl lets in by certificate)
#   other-ca.crt/other-ca.key  an unrelated CA
#   other-client.crt/.key      CN=pgdesk_cert, but signed by the unrelated CA
set -euo pipefail
dir=$1
mkdir -p "$dir"
cd "$dir"
command -v openssl >/dev/null || { echo "make-test-certs: openssl is not installed (run scripts/install-deps)" >&2; exit 1; }
key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; chmod 600 "$1"; }
ca() {
  key "$1.key"
  openssl req -x509 -new -key "$1.key" -out "$1.crt" -days 2 -subj "/CN=$2" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
}
signed() { # name CN ca extensions
  key "$1.key"
  openssl req -new -key "$1.key" -out "$1.csr" -subj "/CN=$2" 2>/dev/null
  printf '%s\n' "$4" >"$1.ext"
  openssl x509 -req -in "$1.csr" -CA "$3.crt" -CAkey "$3.key" -CAcreateserial -out "$1.crt" -days 2 \
    -extfile "$1.ext" 2>/dev/null
  rm -f "$1.csr" "$1.ext"
}
ca ca "PgDesk Test CA"
ca other-ca "Unrelated Test CA"
signed server localhost ca "subjectAltName=DNS:localhost
basicConstraints=CA:FALSE
extendedKeyUsage=serverAuth"
signed client pgdesk_cert ca "basicConstraints=CA:FALSE
extendedKeyUsage=clientAuth"
signed other-client pgdesk_cert other-ca "basicConstraints=CA:FALSE
extendedKeyUsage=clientAuth"
ls "$dir" >/dev/null
