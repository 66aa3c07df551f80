package config

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mvcbot/mvc/analyzer/size"
)

// The checks here are shared by the config file and by inputs and flags, so
// a value means the same, and is refused with the same words, wherever it is
// set. Each returns a problem ("" when fine) that callers wrap with where
// the value came from.

// maxLabelLen is GitHub's limit on a label name.
const maxLabelLen = 50

// maxPrefixLen leaves room for the longest bucket name, "XXL".
const maxPrefixLen = maxLabelLen - 3

// parseWhole reads a positive whole number written in decimal.
func parseWhole(s string) (int, string) {
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		return 0, fmt.Sprintf("must be a positive whole number, got %q", s)
	}
	return n, ""
}

// parseEnum accepts exactly one of the allowed values.
func parseEnum[T ~string](s string, allowed []T) (T, string) {
	for _, a := range allowed {
		if string(a) == s {
			return a, ""
		}
	}
	return "", fmt.Sprintf("must be one of %s; got %q", joinValues(allowed), s)
}

func joinValues[T ~string](values []T) string {
	parts := make([]string, len(values))
	for i, v := range values {
		parts[i] = string(v)
	}
	return strings.Join(parts, ", ")
}

// checkLabel accepts a label name (or prefix) GitHub will take: not empty,
// at most max characters, no surrounding spaces, no control characters.
func checkLabel(s string, max int) string {
	switch {
	case s == "":
		return "must not be empty"
	case utf8.RuneCountInString(s) > max:
		return fmt.Sprintf("must be at most %d characters (GitHub's label limit), got %d", max, utf8.RuneCountInString(s))
	case strings.TrimSpace(s) != s:
		return fmt.Sprintf("must not start or end with spaces, got %q", s)
	case strings.ContainsFunc(s, unicode.IsControl):
		return fmt.Sprintf("must not contain control characters or line breaks, got %q", s)
	}
	return ""
}

// checkExempt refuses an exempt label that is one of the size labels:
// mvc would exempt every pull request it labels that size, and then every
// rerun. GitHub compares label names case-insensitively, and so does this.
func checkExempt(l Labels) string {
	if sizeLabelOf(l.Prefix, l.Exempt) == "" {
		return ""
	}
	return fmt.Sprintf("must differ from the size labels %s (mvc would exempt every pull request it labels), got %q", sizeLabels(l.Prefix), l.Exempt)
}

// checkPrefixAgainstExempt is checkExempt's problem told from the prefix's
// side, for a prefix input that turns a configured exempt label into a size
// label.
func checkPrefixAgainstExempt(l Labels) string {
	if sizeLabelOf(l.Prefix, l.Exempt) == "" {
		return ""
	}
	return fmt.Sprintf("must not make a size label equal to the exempt label %q; the size labels would be %s", l.Exempt, sizeLabels(l.Prefix))
}

// sizeLabelOf returns the size label with prefix that equals label,
// ignoring case, or "".
func sizeLabelOf(prefix, label string) string {
	for _, s := range size.Sizes {
		if name := prefix + string(s); strings.EqualFold(name, label) {
			return name
		}
	}
	return ""
}

// sizeLabels lists the six size labels with prefix.
func sizeLabels(prefix string) string {
	names := make([]string, len(size.Sizes))
	for i, s := range size.Sizes {
		names[i] = prefix + string(s)
	}
	return strings.Join(names, ", ")
}

// normalizeColor accepts 6 hex digits, with or without "#", and returns them
// lower case without "#", the form GitHub's labels API takes.
func normalizeColor(s string) (string, string) {
	hex := strings.TrimPrefix(s, "#")
	if len(hex) != 6 || strings.IndexFunc(hex, notHexDigit) >= 0 {
		return "", fmt.Sprintf(`must be 6 hex digits such as "ee0000" or "#ee0000", got %q`, s)
	}
	return strings.ToLower(hex), ""
}

func notHexDigit(r rune) bool {
	return !strings.ContainsRune("0123456789abcdefABCDEF", r)
}

// checkPattern accepts one ignore pattern: gitignore syntax on one line.
func checkPattern(s string) string {
	switch {
	case strings.TrimSpace(s) == "":
		return "must not be empty"
	case strings.ContainsAny(s, "\r\n"):
		return fmt.Sprintf("must be one pattern per entry, without line breaks, got %q", s)
	}
	// A malformed glob would silently never match: refuse it instead.
	for _, segment := range strings.Split(strings.TrimPrefix(s, "!"), "/") {
		if _, err := filepath.Match(segment, ""); err != nil {
			return fmt.Sprintf(`has a malformed glob %q (an unclosed "[" or a trailing "\"), got %q`, segment, s)
		}
	}
	return ""
}

// bucketField points at the lower bound of the named bucket.
func bucketField(b *size.Buckets, name size.Size) *int {
	return map[size.Size]*int{
		size.XS: &b.XS, size.S: &b.S, size.M: &b.M, size.L: &b.L, size.XL: &b.XL, size.XXL: &b.XXL,
	}[name]
}

// checkBuckets requires lower bounds that increase strictly from XS to XXL,
// so every weighted size falls in exactly one bucket.
func checkBuckets(b size.Buckets) string {
	if outOfOrderBucket(b) < 0 {
		return ""
	}
	return fmt.Sprintf("lower bounds must increase strictly from XS to XXL, got %s (unset buckets keep their defaults)", describeBuckets(b))
}

// outOfOrderBucket is the index in size.Sizes of the first bucket whose
// lower bound is not above the one before it, or -1.
func outOfOrderBucket(b size.Buckets) int {
	for i := 1; i < len(size.Sizes); i++ {
		if *bucketField(&b, size.Sizes[i]) <= *bucketField(&b, size.Sizes[i-1]) {
			return i
		}
	}
	return -1
}

// blameBuckets names the bucket that breaks the order, or else the one it
// does not exceed: the mapping may set either or both.
func blameBuckets(c *Config) []string {
	i := outOfOrderBucket(c.Size.Buckets)
	if i < 0 {
		return nil
	}
	return []string{string(size.Sizes[i]), string(size.Sizes[i-1])}
}

func describeBuckets(b size.Buckets) string {
	parts := make([]string, len(size.Sizes))
	for i, name := range size.Sizes {
		parts[i] = fmt.Sprintf("%s %d", name, *bucketField(&b, name))
	}
	return strings.Join(parts, ", ")
}
