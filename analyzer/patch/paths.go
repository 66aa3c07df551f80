package patch

import (
	"fmt"
	"strings"
)

// devNull is how git names the missing side of an added or removed file.
const devNull = "/dev/null"

// unquote decodes a path as git writes it in diff headers: bare, or in
// double quotes with C escapes (\t, \", \\, \ooo octal bytes) when it holds
// characters core.quotepath does not leave alone.
func unquote(s string) (string, error) {
	if !strings.HasPrefix(s, `"`) {
		return s, nil
	}
	name, rest, err := cutQuoted(s)
	if err != nil {
		return "", err
	}
	if rest != "" {
		return "", fmt.Errorf("unexpected text %q after quoted path", rest)
	}
	return name, nil
}

// cutQuoted decodes the quoted string at the start of s and returns it with
// the text that follows the closing quote.
func cutQuoted(s string) (name, rest string, err error) {
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			return b.String(), s[i+1:], nil
		case c != '\\':
			b.WriteByte(c)
		case i+1 >= len(s):
			return "", "", fmt.Errorf("path %s ends inside an escape", s)
		case isOctal(s[i+1]):
			if i+3 >= len(s) || !isOctal(s[i+2]) || !isOctal(s[i+3]) {
				return "", "", fmt.Errorf("path %s has a short octal escape", s)
			}
			b.WriteByte((s[i+1]-'0')<<6 | (s[i+2]-'0')<<3 | (s[i+3] - '0'))
			i += 3
		default:
			e, ok := cEscapes[s[i+1]]
			if !ok {
				return "", "", fmt.Errorf("path %s has an unknown escape \\%c", s, s[i+1])
			}
			b.WriteByte(e)
			i++
		}
	}
	return "", "", fmt.Errorf("path %s lacks its closing quote", s)
}

var cEscapes = map[byte]byte{
	'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v',
	'"': '"', '\\': '\\',
}

func isOctal(c byte) bool { return c >= '0' && c <= '7' }

// stripPrefix removes git's a/ or b/ prefix; /dev/null stays as it is so the
// caller can see a missing side.
func stripPrefix(name, prefix string) string {
	if name == devNull {
		return name
	}
	return strings.TrimPrefix(name, prefix)
}

// headerPath reads the path of a "--- a/x" or "+++ b/x" line. Git ends a
// bare name that contains a space with a tab, which is not part of it.
func headerPath(field, prefix string) (string, error) {
	name, err := unquote(strings.TrimSuffix(field, "\t"))
	if err != nil {
		return "", err
	}
	return stripPrefix(name, prefix), nil
}

// gitHeaderPaths reads the two paths of a "diff --git a/x b/y" line. Bare
// names with spaces are ambiguous there, so it is the last resort: the
// ---/+++ and rename/copy lines, when present, win. For bare names it
// relies on both sides being equal, which holds whenever those lines are
// absent (binary files, mode changes, empty files) without rename detection.
func gitHeaderPaths(rest string) (oldPath, newPath string, err error) {
	if strings.HasPrefix(rest, `"`) {
		oldPath, rest, err = cutQuoted(rest)
		if err != nil {
			return "", "", err
		}
		rest = strings.TrimPrefix(rest, " ")
		if newPath, err = unquote(rest); err != nil {
			return "", "", err
		}
		return stripPrefix(oldPath, "a/"), stripPrefix(newPath, "b/"), nil
	}
	if i := strings.Index(rest, ` "`); i >= 0 {
		if newPath, err = unquote(rest[i+1:]); err != nil {
			return "", "", err
		}
		return stripPrefix(rest[:i], "a/"), stripPrefix(newPath, "b/"), nil
	}
	if (len(rest)-1)%2 == 0 {
		half := (len(rest) - 1) / 2
		a, b := rest[:half], rest[half+1:]
		if rest[half] == ' ' && strings.TrimPrefix(a, "a/") == strings.TrimPrefix(b, "b/") {
			return stripPrefix(a, "a/"), stripPrefix(b, "b/"), nil
		}
	}
	return "", "", fmt.Errorf("cannot tell the two paths apart in %q", rest)
}
