package gitrepo

import (
	"bytes"
	"context"
	"path"
	"strings"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/size"
)

// attributesBytes is what is read of a .gitattributes file: all of a real
// one. Of a changed file, the first size.HeaderBytes.
const attributesBytes = 1 << 20

// treeBlob is a .gitattributes file of the base tree.
type treeBlob struct {
	dir, sha string
}

type treeResult struct {
	blobs []treeBlob
	err   error
}

// attributeBlobs lists every .gitattributes file in the base tree.
func (r *Repo) attributeBlobs(ctx context.Context, base string) ([]treeBlob, error) {
	out, err := r.Git(ctx, "ls-tree", "-r", "-z", "--full-tree", base)
	if err != nil {
		return nil, err
	}
	var blobs []treeBlob
	for _, rec := range bytes.Split(out, []byte{0}) {
		meta, name, ok := bytes.Cut(rec, []byte{'\t'})
		fields := strings.Fields(string(meta))
		if !ok || len(fields) != 3 || fields[1] != "blob" {
			continue
		}
		if p := string(name); path.Base(p) == ".gitattributes" {
			blobs = append(blobs, treeBlob{dir: strings.TrimSuffix(path.Dir(p), "."), sha: fields[2]})
		}
	}
	return blobs, nil
}

// fillChange puts the files, their headers and the attributes in c.
func fillChange(c *analyzer.Change, files []diffFile, attrs []treeBlob, blobs map[string][]byte) {
	c.Files = make([]analyzer.FileChange, len(files))
	for i, f := range files {
		c.Files[i] = f.FileChange
		if f.headerBlob != "" {
			c.Files[i].Header = size.Header(blobs[f.headerBlob])
		}
	}
	if len(attrs) > 0 {
		c.Attributes = make(map[string][]byte, len(attrs))
		for _, a := range attrs {
			c.Attributes[a.dir] = blobs[a.sha]
		}
	}
}
