package golang

import (
	"errors"
	"os/exec"
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
