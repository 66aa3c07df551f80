package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/mvcbot/mvc/analyzer/size"
)

func TestLoadFileOutcomes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	good := write("good.yml", "budget: {lines: 10}\n")
	bad := write("bad.yml", "budget: {lines: ten}\n")
	huge := write("huge.yml", strings.Repeat("#", 3*maxFileSize))

	t.Run("present", func(t *testing.T) {
		f, err := LoadFile(good)
		if err != nil {
			t.Fatal(err)
		}
		if f.Name != good || f.Source != good || f.config.Size.Budget.Lines != 10 {
			t.Errorf("LoadFile(%s) = name %q, source %q, lines %d", good, f.Name, f.Source, f.config.Size.Budget.Lines)
		}
	})
	t.Run("not present", func(t *testing.T) {
		_, err := LoadFile(filepath.Join(dir, "missing.yml"))
		if !errors.Is(err, ErrNotFound) {
			t.Errorf("LoadFile(missing) = %v, want ErrNotFound", err)
		}
	})
	t.Run("a dangling symbolic link", func(t *testing.T) {
		link := filepath.Join(dir, "link.yml")
		if err := os.Symlink(filepath.Join(dir, "gone.yml"), link); err != nil {
			t.Skip("no symbolic links here:", err)
		}
		_, err := LoadFile(link)
		if err == nil || errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "symbolic link to "+filepath.Join(dir, "gone.yml")+", which does not exist") {
			t.Errorf("LoadFile(dangling link) = %v, want an error naming the missing target", err)
		}
	})
	t.Run("a directory", func(t *testing.T) {
		_, err := LoadFile(dir)
		var cerr *Error
		if err == nil || errors.Is(err, ErrNotFound) || errors.As(err, &cerr) {
			t.Errorf("LoadFile(dir) = %v, want a read error", err)
		}
	})
	for _, tt := range []struct{ path, want string }{
		{bad, bad + `:1: budget.lines: must be a positive whole number, got "ten"`},
		{huge, huge + ": is larger than 1048576 bytes, too large for a config file"},
	} {
		t.Run("invalid "+filepath.Base(tt.path), func(t *testing.T) {
			_, err := LoadFile(tt.path)
			var cerr *Error
			if !errors.As(err, &cerr) || err.Error() != tt.want {
				t.Errorf("LoadFile = %v, want *Error %q", err, tt.want)
			}
		})
	}
}

// LoadFileAs reads path but names the file name, in parse and read
// errors alike: .github/mvc.yml:1:, not the clone's absolute path.
func TestLoadFileAsNamesTheFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "mvc.yml")
	if err := os.WriteFile(path, []byte("budget: {lines: ten}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ path, want string }{
		{path, `.github/mvc.yml:1: budget.lines: must be a positive whole number, got "ten"`},
		{dir, ".github/mvc.yml: is a directory, not a file"},
	} {
		_, err := LoadFileAs(tc.path, DefaultPath)
		if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), dir) {
			t.Errorf("LoadFileAs(%s) = %v, want %q", tc.path, err, tc.want)
		}
	}
	f, err := LoadFileAs(filepath.Join("testdata", "mvc.yml"), DefaultPath)
	if err != nil || f.Name != DefaultPath || f.Source != DefaultPath {
		t.Errorf("LoadFileAs = %+v, %v; want it named %s", f, err, DefaultPath)
	}
}

// TestExampleFile keeps the documented example honest: it must load and
// say what its comments claim.
func TestExampleFile(t *testing.T) {
	f, err := LoadFile(filepath.Join("testdata", "mvc.yml"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := Resolve(f, Inputs{})
	if err != nil {
		t.Fatal(err)
	}
	want := Default()
	want.Source = filepath.Join("testdata", "mvc.yml")
	want.Size.Budget = sizeBudget(300, 30)
	want.Size.Weights.Test = 0.25
	want.Size.Ignore = []string{"api/openapi/*.json", "!api/openapi/handwritten.json"}
	want.Labels.Colors[size.XXL] = "b60205"
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("example config (-want +got):\n%s", diff)
	}
}
