package split

import (
	"go/ast"
	"go/parser"
	"go/token"
)

// goSegments finds a Go file's declarations with go/parser: the package
// clause, the imports, each function and method, and each spec of a type,
// var or const declaration (so one entry of a long const block is its own
// declaration). A file that does not parse falls back to the line scanner,
// so a half-written file still gets cut somewhere sensible.
func goSegments(content []byte) []segment {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", content, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil || f == nil {
		return goScan(content)
	}
	line := func(p token.Pos) int { return fset.Position(p).Line - 1 }
	segs := []segment{{start: 0, end: line(f.Name.End()) + 1, key: "package"}}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			start := d.Pos()
			if d.Doc != nil {
				start = d.Doc.Pos()
			}
			key, name := funcKey(d)
			segs = append(segs, segment{start: line(start), end: line(d.End()) + 1, key: key, name: name})
		case *ast.GenDecl:
			segs = append(segs, genSegments(d, line)...)
		}
	}
	return segs
}

func funcKey(d *ast.FuncDecl) (key, name string) {
	name = d.Name.Name
	if d.Recv != nil && len(d.Recv.List) > 0 {
		return "method " + recvName(d.Recv.List[0].Type) + "." + name, name
	}
	return "func " + name, name
}

func recvName(e ast.Expr) string {
	for {
		switch t := e.(type) {
		case *ast.StarExpr:
			e = t.X
		case *ast.IndexExpr:
			e = t.X
		case *ast.IndexListExpr:
			e = t.X
		case *ast.Ident:
			return t.Name
		default:
			return "?"
		}
	}
}

// genSegments cuts a type, var, const or import declaration: a grouped
// declaration of several specs becomes one segment per spec.
func genSegments(d *ast.GenDecl, line func(token.Pos) int) []segment {
	start := d.Pos()
	if d.Doc != nil {
		start = d.Doc.Pos()
	}
	kw := d.Tok.String()
	if len(d.Specs) <= 1 || !d.Lparen.IsValid() {
		key, name := kw, ""
		if d.Tok != token.IMPORT && len(d.Specs) == 1 {
			name = specName(d.Specs[0])
			key = kw + " " + name
		}
		return []segment{{start: line(start), end: line(d.End()) + 1, key: key, name: name}}
	}
	segs := make([]segment, 0, len(d.Specs))
	for i, s := range d.Specs {
		name := specName(s)
		key := kw + " " + name
		if is, ok := s.(*ast.ImportSpec); ok {
			// Each import goes with the code that uses it, not with the
			// other imports: an import without its use, or a use without
			// its import, does not build.
			key = importKey + is.Path.Value
		}
		seg := segment{start: line(s.Pos()), end: line(s.End()) + 1, key: key, name: name}
		if i == 0 {
			seg.start = line(start) // the opening "const (" goes with the first spec
		}
		if i == len(d.Specs)-1 {
			seg.end = line(d.End()) + 1 // and the closing ")" with the last
		}
		segs = append(segs, seg)
	}
	return segs
}

func specName(s ast.Spec) string {
	switch s := s.(type) {
	case *ast.TypeSpec:
		return s.Name.Name
	case *ast.ValueSpec:
		if len(s.Names) > 0 {
			return s.Names[0].Name
		}
	}
	return ""
}
