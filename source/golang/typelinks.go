package golang

import (
	"context"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/split"
	"github.com/mvcbot/mvc/source/gitrepo"
)

// LinkKind says why the type checker ties two changed lines.
type LinkKind string

// The kinds of type links.
const (
	// LinkUse ties a changed use of a name to its changed definition.
	LinkUse LinkKind = "use"
	// LinkCall ties the changed lines of a call to a changed function.
	LinkCall LinkKind = "call"
	// LinkImplements ties a changed method to the changed interface
	// method it implements.
	LinkImplements LinkKind = "implements"
	// LinkImport ties a changed import to the changed lines that use it.
	LinkImport LinkKind = "import"
)

// TypeLink is a plain fact for the splitter: the changed line From needs
// the changed line To (its definition) in the same or an earlier part.
// Old says both lines are deleted lines numbered in the base file; else
// both are added lines numbered in the head file.
type TypeLink struct {
	FromPath string   `json:"from_path"`
	FromLine int      `json:"from_line"`
	ToPath   string   `json:"to_path"`
	ToLine   int      `json:"to_line"`
	Old      bool     `json:"old"`
	Kind     LinkKind `json:"kind"`
}

// linkMode loads the touched packages from source with full type
// information; their dependencies come from export data.
const linkMode = packages.NeedName | packages.NeedFiles | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo

// TypeLinks resolves the identifiers of the change's Go packages with
// go/types, at the base (deleted lines) and at the head (added lines), in
// temporary worktrees removed after. A side whose packages fail to load
// gives the links it could still resolve.
func TypeLinks(ctx context.Context, repo *gitrepo.Repo, in split.Input, opt Options) ([]TypeLink, error) {
	dirs := goDirs(in.Change.Files)
	if len(dirs) == 0 {
		return nil, nil
	}
	if err := needGo(); err != nil {
		return nil, err
	}
	var links []TypeLink
	for _, side := range []struct {
		rev string
		old bool
	}{{in.Change.Base, true}, {in.Change.Head, false}} {
		found, err := sideLinks(ctx, repo, side.rev, changedLines(in.Change.Files, side.old), dirs, opt)
		if err != nil {
			return nil, err
		}
		for i := range found {
			found[i].Old = side.old
		}
		links = append(links, found...)
	}
	sortLinks(links)
	return links, nil
}

// lineSet holds changed lines by path.
type lineSet map[string]map[int]bool

func (s lineSet) has(path string, line int) bool { return s[path][line] }

// changedLines lists the deleted (old) or added lines of every file.
func changedLines(files []analyzer.FileChange, old bool) lineSet {
	set := lineSet{}
	for _, f := range files {
		lines := map[int]bool{}
		for _, h := range f.Hunks {
			o, n := h.OldStart, h.NewStart
			for _, l := range h.Lines {
				switch {
				case l.Op == analyzer.Delete && old:
					lines[o] = true
				case l.Op == analyzer.Add && !old:
					lines[n] = true
				}
				if l.Op != analyzer.Add {
					o++
				}
				if l.Op != analyzer.Delete {
					n++
				}
			}
		}
		set[f.Path] = lines
	}
	return set
}

func sideLinks(ctx context.Context, repo *gitrepo.Repo, rev string, changed lineSet, dirs []string, opt Options) ([]TypeLink, error) {
	wt, err := addWorktree(ctx, repo, rev)
	if err != nil {
		return nil, err
	}
	defer wt.remove()
	var links []TypeLink
	modules := wt.modulesOf(dirs)
	for _, root := range sortedKeys(modules) {
		cfg := &packages.Config{Context: ctx, Mode: linkMode, Dir: filepath.Join(wt.dir, root), Env: goEnv(opt.Env), Tests: true}
		pkgs, err := packages.Load(cfg, modules[root]...)
		if err != nil {
			return nil, fmt.Errorf("load the Go packages of the module %s at %s: %s", orRoot(root), rev, loadError(err))
		}
		r := &resolver{dir: wt.dir, changed: changed, seen: map[TypeLink]bool{}}
		for _, p := range pkgs {
			if p.TypesInfo != nil {
				r.pkg(p)
			}
		}
		r.implementations(pkgs)
		links = append(links, r.links...)
	}
	return links, nil
}

// resolver turns one side's type information into links between changed
// lines.
type resolver struct {
	dir     string
	fset    *token.FileSet
	changed lineSet
	seen    map[TypeLink]bool
	links   []TypeLink
}

// place is a repository-relative position.
type place struct {
	path string
	line int
}

func (r *resolver) at(pos token.Pos) (place, bool) {
	if !pos.IsValid() || r.fset == nil {
		return place{}, false
	}
	p := r.fset.Position(pos)
	rel, err := filepath.Rel(r.dir, p.Filename)
	if err != nil || strings.HasPrefix(rel, "..") {
		return place{}, false // the standard library or another module
	}
	return place{filepath.ToSlash(rel), p.Line}, true
}

func (r *resolver) isChanged(p place) bool { return r.changed.has(p.path, p.line) }

func (r *resolver) add(from, to place, kind LinkKind) {
	if from == to || !r.isChanged(from) || !r.isChanged(to) {
		return
	}
	l := TypeLink{FromPath: from.path, FromLine: from.line, ToPath: to.path, ToLine: to.line, Kind: kind}
	if !r.seen[l] {
		r.seen[l] = true
		r.links = append(r.links, l)
	}
}

// pkg links every changed use of a name to its changed definition, and
// every changed line of a call to a changed callee.
func (r *resolver) pkg(p *packages.Package) {
	r.fset = p.Fset
	for id, obj := range p.TypesInfo.Uses {
		use, ok := r.at(id.Pos())
		if !ok || !r.isChanged(use) {
			continue
		}
		def, ok := r.at(obj.Pos())
		if !ok {
			continue
		}
		kind := LinkUse
		if _, isPkg := obj.(*types.PkgName); isPkg {
			kind = LinkImport
		}
		r.add(use, def, kind)
	}
	for _, f := range p.Syntax {
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				r.call(p.TypesInfo, call)
			}
			return true
		})
	}
}

// call ties the changed lines of a multi-line call (arguments changed
// with a new signature) to the callee's changed definition.
func (r *resolver) call(info *types.Info, call *ast.CallExpr) {
	var id *ast.Ident
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = fun
	case *ast.SelectorExpr:
		id = fun.Sel
	default:
		return
	}
	obj, ok := info.Uses[id].(*types.Func)
	if !ok {
		return
	}
	def, ok := r.at(obj.Pos())
	start, ok2 := r.at(call.Pos())
	end, ok3 := r.at(call.End())
	if !ok || !ok2 || !ok3 || !r.isChanged(def) {
		return
	}
	for line := start.line; line <= end.line; line++ {
		r.add(place{start.path, line}, def, LinkCall)
	}
}

func sortLinks(links []TypeLink) {
	sort.Slice(links, func(i, j int) bool {
		a, b := links[i], links[j]
		if a.Old != b.Old {
			return a.Old
		}
		if a.FromPath != b.FromPath {
			return a.FromPath < b.FromPath
		}
		if a.FromLine != b.FromLine {
			return a.FromLine < b.FromLine
		}
		if a.ToPath != b.ToPath {
			return a.ToPath < b.ToPath
		}
		if a.ToLine != b.ToLine {
			return a.ToLine < b.ToLine
		}
		return a.Kind < b.Kind
	})
}

// SplitLinks is TypeLinks as the splitter's plain facts.
func SplitLinks(ctx context.Context, repo *gitrepo.Repo, in split.Input, opt Options) ([]split.TypeLink, error) {
	links, err := TypeLinks(ctx, repo, in, opt)
	out := make([]split.TypeLink, len(links))
	for i, l := range links {
		out[i] = split.TypeLink{FromPath: l.FromPath, FromLine: l.FromLine, ToPath: l.ToPath, ToLine: l.ToLine, Old: l.Old, Kind: string(l.Kind)}
	}
	return out, err
}
