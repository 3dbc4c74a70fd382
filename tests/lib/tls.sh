# Sourced by tests that need TLS on loopback: a CA, a server certificate
# for 127.0.0.1/localhost, a client certificate, and an unrelated CA that
# must not be trusted, all made by openssl under DIR.
#
#   tls_certs DIR   ca.pem server.pem server-key.pem client.pem
#                   client-key.pem wrongca.pem, and certs/ as
#                   DOCKER_CERT_PATH wants it (ca.pem cert.pem key.pem)

tls_cert() { # DIR NAME CA_NAME EXT
	openssl req -new -newkey rsa:2048 -nodes -subj "/CN=$2" \
		-keyout "$1/$2-key.pem" -out "$1/$2.csr" 2>/dev/null &&
		printf '%s\n' "$4" >"$1/$2.ext" &&
		openssl x509 -req -in "$1/$2.csr" -CA "$1/$3.pem" \
			-CAkey "$1/$3-key.pem" -CAcreateserial -days 2 \
			-extfile "$1/$2.ext" -out "$1/$2.pem" 2>/dev/null
}

tls_certs() {
	local ca
	for ca in ca wrongca; do
		openssl req -x509 -newkey rsa:2048 -nodes -days 2 \
			-subj "/CN=berth $ca" -keyout "$1/$ca-key.pem" \
			-out "$1/$ca.pem" 2>/dev/null || return 1
	done
	tls_cert "$1" server ca "subjectAltName=IP:127.0.0.1,DNS:localhost
extendedKeyUsage=serverAuth" || return 1
	tls_cert "$1" client ca "extendedKeyUsage=clientAuth" || return 1
	mkdir -p "$1/certs"
	cp "$1/ca.pem" "$1/certs/ca.pem"
	cp "$1/client.pem" "$1/certs/cert.pem"
	cp "$1/client-key.pem" "$1/certs/key.pem"
}
