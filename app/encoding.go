package app

import (
	"errors"
	"fmt"
	"mime"
	"net/url"
)

// A GitHub App's webhook sends its JSON payload either as the body
// (application/json) or as the form field "payload"
// (application/x-www-form-urlencoded), as its settings choose. The
// signature is over the raw body in both.
const (
	jsonType = "application/json"
	formType = "application/x-www-form-urlencoded"
)

// isForm reads the Content-Type: whether the body is form-encoded. No
// Content-Type reads as JSON; a type GitHub never sends is an error that
// names the setting to change.
func isForm(contentType string) (bool, error) {
	if contentType == "" {
		return false, nil
	}
	mediaType, _, err := mime.ParseMediaType(contentType)
	switch {
	case err == nil && mediaType == jsonType:
		return false, nil
	case err == nil && mediaType == formType:
		return true, nil
	}
	return false, fmt.Errorf("content type %q is not a webhook's: set the App's webhook content type to %s", contentType, jsonType)
}

// formPayload is the JSON a form-encoded body carries in its payload
// field.
func formPayload(body []byte) ([]byte, error) {
	values, err := url.ParseQuery(string(body))
	if err != nil || values.Get("payload") == "" {
		return nil, errors.New("the form-encoded body has no payload field: set the App's webhook content type to " + jsonType)
	}
	return []byte(values.Get("payload")), nil
}
