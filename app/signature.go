package app

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
)

// signatureHeader carries the HMAC-SHA256 of the raw body, keyed with the
// webhook secret, as "sha256=<hex>".
const signatureHeader = "X-Hub-Signature-256"

// parseSignature reads the header's HMAC, before any of the body is read,
// so a request that cannot be a signed delivery costs nothing. The errors
// are one line each, safe to send back to the sender.
func parseSignature(header string) ([]byte, error) {
	if header == "" {
		return nil, errors.New("missing " + signatureHeader + ": set the App's webhook secret")
	}
	hexSum, ok := strings.CutPrefix(header, "sha256=")
	if !ok || len(hexSum) != 2*sha256.Size {
		return nil, errors.New(signatureHeader + " is not sha256=<hex>")
	}
	sum, err := hex.DecodeString(hexSum)
	if err != nil {
		return nil, errors.New(signatureHeader + " is not sha256=<hex>")
	}
	return sum, nil
}

// errSignatureMismatch is the answer to a body the signature is not of.
var errSignatureMismatch = errors.New(signatureHeader + " does not match: the App's webhook secret and mvc's differ")

// signedBy reports, in constant time, whether sum is body's HMAC.
func signedBy(secret, body, sum []byte) bool { return hmac.Equal(sum, sign(secret, body)) }

// sign is the HMAC-SHA256 of body keyed with secret.
func sign(secret, body []byte) []byte {
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	return mac.Sum(nil)
}
