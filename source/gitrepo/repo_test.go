package gitrepo

import (
	"errors"
	"strings"
	"testing"
)

// A failed git command is named in one line: an argument holding a line
// break (a commit message given with -m) is cut at its first line.
func TestErrorIsOneLine(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		stderr string
		want   string
	}{
		{"plain", []string{"rev-parse", "HEAD"}, "fatal: bad revision\nmore\n", "git rev-parse HEAD: fatal: bad revision"},
		{"message", []string{"commit-tree", "abc", "-m", "Title\n\nBody.\n", "-p", "def"}, "Author identity unknown\n\n*** Please tell me who you are.\n", "git commit-tree abc -m Title… -p def: Author identity unknown"},
		{"crlf", []string{"tag", "-m", "v1\r\nnotes", "v1"}, "fatal: x\n", "git tag -m v1… v1: fatal: x"},
		{"no stderr", []string{"status"}, "", "git status: exit status 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := (&Error{Args: tc.args, Stderr: tc.stderr, Err: errors.New("exit status 1")}).Error()
			if got != tc.want || strings.ContainsAny(got, "\r\n") {
				t.Errorf("Error() = %q, want %q", got, tc.want)
			}
		})
	}
}
