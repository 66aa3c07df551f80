// Package script finds which TypeScript and JavaScript files of a change
// import which, with esbuild's parser (pure Go, so the binary stays
// static). It reads contents from memory and the repository's file list,
// never the disk, and marks every import external so nothing is bundled:
// esbuild's metafile then lists each file's imports as resolved here.
//
// It is an adapter only because esbuild's API package also holds a dev
// server (net/http), which the pure analyzer must not link.
package script

import (
	"encoding/json"
	"fmt"
	"os"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// Import says that file From imports file To (repository paths).
type Import struct {
	From string `json:"from"`
	To   string `json:"to"`
	// Kind is esbuild's: import-statement, require-call, dynamic-import,
	// import-rule (CSS), ...
	Kind string `json:"kind"`
}

// IsScript reports whether esbuild parses the file as TS or JS.
func IsScript(p string) bool {
	_, ok := loaders[path.Ext(p)]
	return ok && !strings.HasSuffix(p, ".d.ts")
}

var loaders = map[string]api.Loader{
	".ts": api.LoaderTS, ".mts": api.LoaderTS, ".cts": api.LoaderTS, ".tsx": api.LoaderTSX,
	".js": api.LoaderJS, ".mjs": api.LoaderJS, ".cjs": api.LoaderJS, ".jsx": api.LoaderJSX,
}

// namespace keeps esbuild off the file system: every file it loads comes
// from the contents handed to Imports.
const namespace = "mvc"

// Imports parses the script files among contents (path to content) and
// returns their imports of files of the repository, whose paths exists
// reports. Package imports (bare specifiers) are left out. Files esbuild
// cannot parse are left out too, and named in Skipped.
func Imports(contents map[string][]byte, exists func(string) bool) (Result, error) {
	var entries []string
	for p := range contents {
		if IsScript(p) {
			entries = append(entries, p)
		}
	}
	sort.Strings(entries)
	var res Result
	for len(entries) > 0 {
		imports, failed, err := build(entries, contents, exists)
		if err != nil {
			return Result{}, err
		}
		if len(failed) == 0 {
			res.Imports = imports
			break
		}
		res.Skipped = append(res.Skipped, failed...)
		entries = without(entries, failed)
	}
	sort.Strings(res.Skipped)
	return res, nil
}

// Result is what Imports found.
type Result struct {
	Imports []Import
	// Skipped are files esbuild could not parse.
	Skipped []string
}

// build runs esbuild once over the entries and reads the metafile. When a
// file does not parse, it returns the failing files instead.
func build(entries []string, contents map[string][]byte, exists func(string) bool) ([]Import, []string, error) {
	dir, err := os.MkdirTemp("", "mvc-esbuild-")
	if err != nil {
		return nil, nil, fmt.Errorf("parse scripts with esbuild: %w", err)
	}
	defer os.RemoveAll(dir)
	// Each entry gets its own output name: a.js and a.ts, or a.mjs and
	// a.cjs, would otherwise claim the same output file and fail the build.
	points := make([]api.EntryPoint, len(entries))
	for i, e := range entries {
		points[i] = api.EntryPoint{InputPath: e, OutputPath: strconv.Itoa(i)}
	}
	r := api.Build(api.BuildOptions{
		EntryPointsAdvanced: points,
		Bundle:              true,
		Write:               false,
		Metafile:            true,
		Outdir:              "out",
		Format:              api.FormatESModule,
		Platform:            api.PlatformNeutral,
		LogLevel:            api.LogLevelSilent,
		Plugins:             []api.Plugin{memoryPlugin(contents, exists)},
		// The files are the change's, in memory: nothing of the directory
		// mvc runs in may change how they resolve. Run inside a checkout,
		// where the same paths exist on disk, esbuild took the entry
		// points from the disk, out of the plugin's reach, and found no
		// import at all; nor may a tsconfig.json on disk apply.
		AbsWorkingDir: dir,
		TsconfigRaw:   "{}",
	})
	if len(r.Errors) > 0 {
		failed := failedFiles(r.Errors)
		if len(failed) == 0 {
			return nil, nil, fmt.Errorf("parse scripts with esbuild: %s", r.Errors[0].Text)
		}
		return nil, failed, nil
	}
	imports, err := readMetafile(r.Metafile)
	return imports, nil, err
}

func failedFiles(errs []api.Message) []string {
	seen := map[string]bool{}
	var out []string
	for _, e := range errs {
		if e.Location == nil {
			continue
		}
		f := strings.TrimPrefix(e.Location.File, namespace+":")
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
}

func without(list, drop []string) []string {
	gone := map[string]bool{}
	for _, d := range drop {
		gone[d] = true
	}
	var out []string
	for _, x := range list {
		if !gone[x] {
			out = append(out, x)
		}
	}
	return out
}

// metafile is the part of esbuild's metafile read here.
type metafile struct {
	Inputs map[string]struct {
		Imports []struct {
			Path     string `json:"path"`
			Kind     string `json:"kind"`
			External bool   `json:"external"`
		} `json:"imports"`
	} `json:"inputs"`
}

// resolvedPrefix marks the paths the plugin resolved to repository files,
// to tell them from package imports in the metafile.
const resolvedPrefix = "repo:"

func readMetafile(raw string) ([]Import, error) {
	var m metafile
	if err := json.Unmarshal([]byte(raw), &m); err != nil {
		return nil, fmt.Errorf("read esbuild's metafile: %w", err)
	}
	var out []Import
	for from, in := range m.Inputs {
		from = strings.TrimPrefix(from, namespace+":")
		for _, imp := range in.Imports {
			if to, ok := strings.CutPrefix(imp.Path, resolvedPrefix); ok {
				out = append(out, Import{From: from, To: to, Kind: imp.Kind})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].From != out[j].From {
			return out[i].From < out[j].From
		}
		return out[i].To < out[j].To
	})
	return out, nil
}
