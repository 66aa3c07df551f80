package script

import (
	"path"
	"sort"

	"github.com/mvcbot/mvc/analyzer/imports"
	"github.com/mvcbot/mvc/analyzer/split"
)

// FileLinks lists the imports among a change's files, as the splitter's
// file links: TypeScript and JavaScript through esbuild, Python by
// analyzer/imports' scanner, both resolved against the head's paths. It
// reads only the contents in memory: milliseconds for a large change.
func FileLinks(in split.Input, exists func(string) bool) ([]split.FileLink, error) {
	res, err := Imports(in.Head, exists)
	if err != nil {
		return nil, err
	}
	var links []split.FileLink
	for _, imp := range res.Imports {
		links = append(links, split.FileLink{From: imp.From, To: imp.To, Kind: imp.Kind})
	}
	var pyFiles []string
	for p := range in.Head {
		if path.Ext(p) == ".py" {
			pyFiles = append(pyFiles, p)
		}
	}
	sort.Strings(pyFiles)
	for _, p := range pyFiles {
		for _, imp := range imports.Python(in.Head[p]) {
			for _, to := range imports.ResolvePython(p, imp, exists) {
				links = append(links, split.FileLink{From: p, To: to, Kind: "python-import"})
			}
		}
	}
	return links, nil
}

// NeedsLinks reports whether the change has a file FileLinks reads.
func NeedsLinks(in split.Input) bool {
	for p := range in.Head {
		if IsScript(p) || path.Ext(p) == ".py" {
			return true
		}
	}
	return false
}
