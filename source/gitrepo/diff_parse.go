package gitrepo

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/mvcbot/mvc/analyzer"
)

// diffFile is a changed file and the blob whose first lines are its
// header: the head side, or the base side of a removed file.
type diffFile struct {
	analyzer.FileChange
	headerBlob string // "" when there is none to read (a submodule)
	// sameContent: a rename or copy whose blob did not change (R100),
	// which numstat cannot say of a binary file.
	sameContent bool
}

// tokenReader reads the NUL-terminated fields of `git diff -z` output.
type tokenReader struct{ br *bufio.Reader }

// next returns the next field, or io.EOF after the last one.
func (t tokenReader) next() (string, error) {
	tok, err := t.br.ReadString(0)
	if err == io.EOF && tok != "" {
		return tok, nil // the last field lacks its NUL
	}
	return strings.TrimSuffix(tok, "\x00"), err
}

// parseDiff parses a whole `git diff -z --raw --numstat` output.
func parseDiff(out []byte) ([]diffFile, error) {
	tr := tokenReader{bufio.NewReader(bytes.NewReader(out))}
	files, pending, err := parseRaw(tr, func(diffFile) {})
	if err != nil {
		return nil, err
	}
	return files, parseNumstat(tr, pending, files)
}

// parseRaw reads the raw records (":<modes> <shas> <status>" then one path,
// or two for a rename or copy), calling onRaw with each, up to the first
// numstat field, which it returns ("" at the end of the output).
func parseRaw(tr tokenReader, onRaw func(diffFile)) ([]diffFile, string, error) {
	var files []diffFile
	for {
		tok, err := tr.next()
		if errors.Is(err, io.EOF) {
			return files, "", nil
		}
		if err != nil {
			return nil, "", err
		}
		if !strings.HasPrefix(tok, ":") {
			return files, tok, nil
		}
		f, err := rawFile(tok, tr)
		if err != nil {
			return nil, "", err
		}
		onRaw(f)
		files = append(files, f)
	}
}

// rawFile builds one file from a raw record's metadata (src mode, dst
// mode, src sha, dst sha, status) and its path fields.
func rawFile(record string, tr tokenReader) (diffFile, error) {
	meta := strings.Fields(record[1:])
	if len(meta) != 5 || meta[4] == "" {
		return diffFile{}, fmt.Errorf("unexpected raw diff record %q", record)
	}
	status, ok := statuses[meta[4][0]]
	if !ok {
		return diffFile{}, fmt.Errorf("unexpected diff status %q", meta[4])
	}
	paths := make([]string, 1, 2)
	if status == analyzer.Renamed || status == analyzer.Copied {
		paths = paths[:2]
	}
	for i := range paths {
		p, err := tr.next()
		if err != nil {
			return diffFile{}, fmt.Errorf("raw diff record %q lacks its path", record)
		}
		paths[i] = p
	}
	f := diffFile{FileChange: analyzer.FileChange{Path: paths[len(paths)-1], Status: status}}
	if len(paths) == 2 {
		f.OldPath = paths[0]
		f.sameContent = meta[2] == meta[3]
	}
	mode, blob := meta[1], meta[3]
	if status == analyzer.Removed {
		mode, blob = meta[0], meta[2]
	}
	f.Submodule = mode == submoduleMode
	if !f.Submodule && strings.Trim(blob, "0") != "" {
		f.headerBlob = blob
	}
	return f, nil
}

// submoduleMode is a gitlink: its "blob" is a commit of another repository.
const submoduleMode = "160000"

var statuses = map[byte]analyzer.Status{
	'A': analyzer.Added, 'M': analyzer.Modified, 'T': analyzer.Modified,
	'D': analyzer.Removed, 'R': analyzer.Renamed, 'C': analyzer.Copied,
}

// parseNumstat fills line counts from numstat records ("<add>\t<del>\t<path>",
// or "<add>\t<del>\t" then old and new paths), one per raw record in order;
// first is the record parseRaw stopped at.
func parseNumstat(tr tokenReader, first string, files []diffFile) error {
	tok := first
	for i := range files {
		if i > 0 {
			var err error
			if tok, err = tr.next(); err != nil && !errors.Is(err, io.EOF) {
				return err
			}
		}
		if tok == "" {
			return fmt.Errorf("numstat lists %d files, raw lists %d", i, len(files))
		}
		if err := numstatRecord(tr, tok, i, &files[i]); err != nil {
			return err
		}
	}
	return nil
}

func numstatRecord(tr tokenReader, tok string, i int, f *diffFile) error {
	fields := strings.SplitN(tok, "\t", 3)
	if len(fields) != 3 {
		return fmt.Errorf("unexpected numstat record %q", tok)
	}
	path := fields[2]
	if path == "" { // a rename: old and new paths follow
		_, _ = tr.next()
		path, _ = tr.next()
	}
	if path != f.Path {
		return fmt.Errorf("numstat record %d is %q, raw record is %q", i, path, f.Path)
	}
	return setCounts(f, fields[0], fields[1])
}

// setCounts reads numstat counts; "-" for both means binary content. The
// header of a binary file is still read: a minified script with a NUL
// byte is generated before it is binary.
func setCounts(f *diffFile, add, del string) error {
	if f.Submodule {
		// numstat counts its "Subproject commit" lines, which are not
		// the file's: it has none, as the patch of `mvc split` says.
		f.Binary = true
		return nil
	}
	if add == "-" && del == "-" {
		// A binary file moved unchanged is a pure rename, as GitHub
		// lists it: no byte changed, so nothing is binary about the diff.
		f.Binary = !f.sameContent
		return nil
	}
	a, errA := strconv.Atoi(add)
	d, errD := strconv.Atoi(del)
	if errA != nil || errD != nil || a < 0 || d < 0 {
		return fmt.Errorf("unexpected numstat counts %q %q for %s", add, del, f.Path)
	}
	f.Additions, f.Deletions = a, d
	return nil
}
