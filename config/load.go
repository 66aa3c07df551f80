package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// LoadFile reads and parses the config file at path; errors name the file
// by path. A missing file is not a failure of the config: LoadFile then
// returns an error that wraps ErrNotFound, and the caller resolves with a
// nil *File (built-in defaults). Other read failures are plain errors;
// parse failures are *Error.
func LoadFile(path string) (*File, error) { return LoadFileAs(path, path) }

// LoadFileAs is LoadFile with errors naming the file name rather than
// path: the working tree's config is .github/mvc.yml from the repository
// root, as the Action names it, wherever the clone is.
func LoadFileAs(path, name string) (*File, error) {
	data, err := readLimited(path)
	switch {
	case errors.Is(err, fs.ErrNotExist) && isSymlink(path):
		// A link whose target is gone is a broken config, not a missing
		// one: falling back to the defaults would hide it.
		target, _ := os.Readlink(path)
		return nil, fmt.Errorf("read config %s: it is a symbolic link to %s, which does not exist", name, target)
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("read config %s: %w", name, ErrNotFound)
	case err != nil:
		return nil, fmt.Errorf("read config %s: %w", name, err)
	}
	return Parse(name, data)
}

func isSymlink(path string) bool {
	info, err := os.Lstat(path)
	return err == nil && info.Mode()&fs.ModeSymlink != 0
}

// readLimited reads at most one byte more than Parse accepts, so a huge
// file is refused by Parse without being read whole.
func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, errors.New("is a directory, not a file")
	}
	return io.ReadAll(io.LimitReader(f, maxFileSize+1))
}
