package script

import (
	"path"
	"sort"

	"github.com/mvcbot/mvc/analyzer/imports"
	"github.com/mvcbot/mvc/analyzer/split"
)

// FileLinks lists the imports among a change's files, as the splitter's
// file links: TypeScript and JavaScript through esbuild, Python's imports
// and Ruby's requires by analyzer/imports' scanners, all resolved against
// the head's paths. It reads only the contents in memory: milliseconds
// for a large change.
func FileLinks(in split.Input, exists func(string) bool) ([]split.FileLink, error) {
	res, err := Imports(in.Head, exists)
	if err != nil {
		return nil, err
	}
	var links []split.FileLink
	for _, imp := range res.Imports {
		links = append(links, split.FileLink{From: imp.From, To: imp.To, Kind: imp.Kind})
	}
	var scanned []string
	for p := range in.Head {
		if scannedLanguage(p) {
			scanned = append(scanned, p)
		}
	}
	sort.Strings(scanned)
	for _, p := range scanned {
		switch path.Ext(p) {
		case ".py":
			for _, imp := range imports.Python(in.Head[p]) {
				for _, to := range imports.ResolvePython(p, imp, exists) {
					links = append(links, split.FileLink{From: p, To: to, Kind: "python-import"})
				}
			}
		case ".rb":
			for _, req := range imports.Ruby(in.Head[p]) {
				if to := imports.ResolveRuby(p, req, exists); to != "" && to != p {
					links = append(links, split.FileLink{From: p, To: to, Kind: "ruby-require"})
				}
			}
		}
	}
	return links, nil
}

// scannedLanguage reports a file whose imports a scanner of
// analyzer/imports reads.
func scannedLanguage(p string) bool {
	ext := path.Ext(p)
	return ext == ".py" || ext == ".rb"
}

// NeedsLinks reports whether the change has a file FileLinks reads.
func NeedsLinks(in split.Input) bool {
	for p := range in.Head {
		if IsScript(p) || scannedLanguage(p) {
			return true
		}
	}
	return false
}
