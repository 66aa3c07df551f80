package config

import (
	"errors"
	"strings"
	"testing"
)

// Whatever a user writes, mvc must answer with one line or a Config the
// analyzer accepts, never a panic. `go test -fuzz FuzzParse ./config/`
// explores beyond these seeds.

func FuzzParse(f *testing.F) {
	for _, c := range goodConfigs {
		f.Add(c.src)
	}
	for _, c := range append(badValues, unknownKeys...) {
		f.Add(c.src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		file, err := Parse(name, []byte(src))
		if err != nil {
			assertOneLineError(t, err)
			return
		}
		cfg, err := Resolve(file, Inputs{})
		if err != nil {
			t.Fatalf("Resolve without inputs failed on a parsed file: %v", err)
		}
		if err := cfg.Size.Validate(); err != nil {
			t.Errorf("Parse(%q) accepted a policy the analyzer refuses: %v", src, err)
		}
	})
}

func FuzzResolve(f *testing.F) {
	f.Add("400", "40", "too-large", "on-violation", "size/", "mvc/exempt", "gen/\n!gen/keep")
	f.Add("abc", "-1", "x", "y", " ", "\t", "[")
	f.Fuzz(func(t *testing.T, lines, files, failOn, comment, prefix, exempt, ignore string) {
		in := Inputs{MaxLines: lines, MaxFiles: files, FailOn: failOn, Comment: comment,
			LabelPrefix: prefix, ExemptLabel: exempt, Ignore: ignore}
		cfg, err := Resolve(nil, in)
		if err != nil {
			assertOneLineError(t, err)
			return
		}
		if err := cfg.Size.Validate(); err != nil {
			t.Errorf("Resolve(%+v) accepted a policy the analyzer refuses: %v", in, err)
		}
	})
}

func assertOneLineError(t *testing.T, err error) {
	t.Helper()
	var cerr *Error
	if !errors.As(err, &cerr) {
		t.Errorf("error %v is a %T, not an *Error", err, err)
	}
	if strings.ContainsAny(err.Error(), "\r\n") {
		t.Errorf("error spans several lines: %q", err)
	}
}
