package script

import (
	"path"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// memoryPlugin serves the entries from memory and resolves their relative
// imports against the repository's paths; every import is external, so
// esbuild parses each entry and nothing else.
func memoryPlugin(contents map[string][]byte, exists func(string) bool) api.Plugin {
	return api.Plugin{Name: "mvc-memory", Setup: func(b api.PluginBuild) {
		b.OnResolve(api.OnResolveOptions{Filter: ".*"}, func(a api.OnResolveArgs) (api.OnResolveResult, error) {
			if a.Kind == api.ResolveEntryPoint {
				return api.OnResolveResult{Path: a.Path, Namespace: namespace}, nil
			}
			if to, ok := resolve(path.Dir(a.Importer), a.Path, exists); ok {
				return api.OnResolveResult{Path: resolvedPrefix + to, External: true}, nil
			}
			return api.OnResolveResult{Path: a.Path, External: true}, nil
		})
		b.OnLoad(api.OnLoadOptions{Filter: ".*", Namespace: namespace}, func(a api.OnLoadArgs) (api.OnLoadResult, error) {
			src := string(contents[a.Path])
			return api.OnLoadResult{Contents: &src, Loader: loaders[path.Ext(a.Path)]}, nil
		})
	}}
}

// scriptExts are tried in order after an extensionless specifier, as
// TypeScript and bundlers do.
var scriptExts = []string{".ts", ".tsx", ".d.ts", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts", ".json"}

// tsForJS maps the .js extension an ESM TypeScript import names to the
// source extensions it stands for.
var tsForJS = map[string][]string{".js": {".ts", ".tsx"}, ".jsx": {".tsx"}, ".mjs": {".mts"}, ".cjs": {".cts"}}

// resolve finds the repository file a relative specifier names: the path
// itself, with an extension added, an index file of a directory, or the
// TypeScript source of an imported .js. Bare specifiers (packages, and
// aliases from tsconfig paths, which are not read) do not resolve.
func resolve(dir, spec string, exists func(string) bool) (string, bool) {
	if !strings.HasPrefix(spec, "./") && !strings.HasPrefix(spec, "../") && spec != "." && spec != ".." {
		return "", false
	}
	if i := strings.IndexAny(spec, "?#"); i >= 0 {
		spec = spec[:i]
	}
	p := path.Join(dir, spec)
	if strings.HasPrefix(p, "../") || p == ".." {
		return "", false
	}
	for _, c := range candidates(p) {
		if exists(c) {
			return c, true
		}
	}
	return "", false
}

func candidates(p string) []string {
	out := []string{p}
	ext := path.Ext(p)
	for _, alt := range tsForJS[ext] {
		out = append(out, strings.TrimSuffix(p, ext)+alt)
	}
	for _, e := range scriptExts {
		out = append(out, p+e)
	}
	for _, e := range scriptExts {
		out = append(out, p+"/index"+e)
	}
	return out
}
