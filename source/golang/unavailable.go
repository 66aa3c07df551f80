package golang

import (
	"errors"
	"fmt"
	"os/exec"
	"regexp"
	"strings"
)

// ErrNoGo says the go command is not on PATH: verification needs it to
// load and type-check packages.
var ErrNoGo = errors.New("the go command is not on PATH")

// UnavailableError says the stack could not be verified here: the
// environment (no go command, modules that cannot be fetched) is at fault,
// not the change, so no part is marked as building or not. Reason is one
// line that says what to do.
type UnavailableError struct {
	Reason string
	Err    error
}

func (e *UnavailableError) Error() string { return e.Reason }

func (e *UnavailableError) Unwrap() error { return e.Err }

// needGo fails fast when the go command is missing: go/packages would
// otherwise report it once per module as if the code had failed to load.
func needGo() error {
	if _, err := exec.LookPath("go"); err != nil {
		return &UnavailableError{Reason: ErrNoGo.Error(), Err: ErrNoGo}
	}
	return nil
}

// moduleAtVersion is the "module@version: " the go command puts before a
// failure to fetch a module.
var moduleAtVersion = regexp.MustCompile(`^(\S+@v\S+): `)

// offlineMarks are the go command's words for a download that could not
// reach the network.
var offlineMarks = []string{"dial tcp", "no such host", "connection refused", "i/o timeout", "network is unreachable", "TLS handshake timeout", "proxyconnect"}

// fetchFailure tells, in one line, that the module behind pkg (an import
// path, or "" when unknown) is not in the module cache and could not be
// downloaded, when msg, the go command's error, says so. Any other error
// is the code's, and ok is false.
func fetchFailure(pkg, msg string) (reason string, ok bool) {
	what := "a module the change needs"
	if m := moduleAtVersion.FindStringSubmatch(msg); m != nil {
		what = "module " + m[1]
	} else if pkg != "" {
		what = "the module providing " + pkg
	}
	if strings.Contains(msg, "cannot find module providing package") {
		// No required module provides it, so the go command looked for
		// one: the state of the code lacks the package or the requirement.
		return "", false
	}
	if strings.Contains(msg, "GOPROXY=off") {
		return what + " is not in the module cache and the network is off (GOPROXY=off): run `go mod download` first", true
	}
	for _, mark := range offlineMarks {
		if strings.Contains(msg, mark) {
			cause := msg[strings.LastIndex(msg, ": ")+2:]
			return fmt.Sprintf("%s is not in the module cache and could not be downloaded (%s): run `go mod download` with the network on first", what, cause), true
		}
	}
	return "", false
}
