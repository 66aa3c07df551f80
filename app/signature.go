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

// verifySignature checks a delivery's signature in constant time. The
// errors are one line each, safe to send back to the sender.
func verifySignature(secret, body []byte, header string) error {
	if header == "" {
		return errors.New("missing " + signatureHeader + ": set the App's webhook secret")
	}
	hexSum, ok := strings.CutPrefix(header, "sha256=")
	if !ok {
		return errors.New(signatureHeader + " is not sha256=<hex>")
	}
	got, err := hex.DecodeString(hexSum)
	if err != nil {
		return errors.New(signatureHeader + " is not sha256=<hex>")
	}
	if !hmac.Equal(got, sign(secret, body)) {
		return errors.New(signatureHeader + " does not match: the App's webhook secret and mvc's differ")
	}
	return nil
}

// sign is the HMAC-SHA256 of body keyed with secret.
func sign(secret, body []byte) []byte {
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	return mac.Sum(nil)
}
