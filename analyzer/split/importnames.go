package split

import (
	"path"
	"regexp"
	"strings"

	"github.com/mvcbot/mvc/analyzer"
)

// What an import statement binds: the names code then uses, per language.

// goImportSpec matches one Go import spec on a line of its own, or a
// one-line import declaration: an optional local name, then the path.
var goImportSpec = regexp.MustCompile(`^\s*(?:import\s+)?(?:([\p{L}_][\p{L}\p{N}_]*|\.)\s+)?"([^"]+)"\s*(?://.*)?$`)

// importNames adds the names the import statements among lines bind.
func importNames(lg language, lines []analyzer.Line, into map[string]bool) {
	if len(lines) == 0 {
		return
	}
	if lg == langGo {
		goImportNames(lines, into)
		return
	}
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l.Text)
		b.WriteByte('\n')
	}
	text := b.String()
	n := len(into)
	switch lg {
	case langScript, langComponent:
		scriptImportNames(text, into)
	case langPython:
		pythonImportNames(text, into)
	case langBrace:
		braceImportNames(text, into)
	}
	if len(into) == n {
		// Lines inside a statement written over several lines
		// ("  isBundledDev," between import { and } from): each item
		// is a name, or "x as y".
		for _, l := range lines {
			t := strings.Trim(strings.TrimSpace(l.Text), "{}(),;")
			for _, item := range strings.Split(t, ",") {
				addBoundName(strings.TrimPrefix(strings.TrimSpace(item), "type "), into)
			}
		}
	}
}

// goImportNames adds the names Go import specs bind: the local name when
// one is given, else the names the package is likely to declare (the
// path's last element, without a major-version suffix or a go- prefix).
// Blank and dot imports bind no name a use would show.
func goImportNames(lines []analyzer.Line, into map[string]bool) {
	for _, l := range lines {
		m := goImportSpec.FindStringSubmatch(l.Text)
		if m == nil {
			continue
		}
		switch m[1] {
		case "_", ".":
			continue
		case "":
			for _, n := range packageNames(m[2]) {
				into[n] = true
			}
		default:
			into[m[1]] = true
		}
	}
}

var (
	// import D, { a, b as c } from 'x'; import * as ns from "x"; import type { T } from 'x'
	scriptImportClause = regexp.MustCompile(`(?s)\bimport\s+(?:type\s+)?([^'"();]*?)\s+from\s*['"]`)
	// const x = require('x'); const { a, b: c } = require("x")
	scriptRequire = regexp.MustCompile(`\b(?:const|let|var)\s+(\w+|\{[^}]*\})\s*=\s*require\(\s*['"]`)
	// from m import a, b as c; from m import (a,\n b)
	pythonFromImport = regexp.MustCompile(`(?m)^\s*from\s+[\w.]+\s+import\s+(\([^)]*\)?|[^\n#]*)`)
	// import a.b.c; import a as b, c
	pythonImport = regexp.MustCompile(`(?m)^\s*import\s+([^\n#]*)`)
	// use a::b::{C, D as E}; import a.b.C; import static a.b.C.m; use A\B\C as D;
	braceImport = regexp.MustCompile(`(?m)^\s*(?:pub(?:\([^)]*\))?\s+)?(?:use|import)\s+(?:static\s+|type\s+|function\s+|const\s+)?([^;\n]*(?:\{[^}]*\})?[^;\n]*)`)
)

func scriptImportNames(text string, into map[string]bool) {
	for _, m := range scriptRequire.FindAllStringSubmatch(text, -1) {
		clause := strings.NewReplacer("{", ",", "}", ",", ":", " as ").Replace(m[1])
		for _, item := range strings.Split(clause, ",") {
			addBoundName(item, into)
		}
	}
	for _, m := range scriptImportClause.FindAllStringSubmatch(text, -1) {
		clause := strings.NewReplacer("{", ",", "}", ",").Replace(m[1])
		for _, item := range strings.Split(clause, ",") {
			addBoundName(strings.TrimPrefix(strings.TrimSpace(item), "type "), into)
		}
	}
}

func pythonImportNames(text string, into map[string]bool) {
	for _, m := range pythonFromImport.FindAllStringSubmatch(text, -1) {
		for _, item := range strings.Split(strings.Trim(m[1], "() \t\\"), ",") {
			addBoundName(item, into)
		}
	}
	for _, m := range pythonImport.FindAllStringSubmatch(text, -1) {
		for _, item := range strings.Split(m[1], ",") {
			item = strings.TrimSpace(item)
			if _, as, ok := strings.Cut(item, " as "); ok {
				addBoundName(as, into)
			} else if first, _, _ := strings.Cut(item, "."); first != "" {
				addBoundName(first, into) // import a.b binds a
			}
		}
	}
}

func braceImportNames(text string, into map[string]bool) {
	for _, m := range braceImport.FindAllStringSubmatch(text, -1) {
		stmt := strings.TrimSpace(m[1])
		if open := strings.IndexByte(stmt, '{'); open >= 0 {
			// use a::b::{C, d::E as F}: each item's last segment, or its alias
			inner := strings.Trim(stmt[open:], "{} ")
			for _, item := range strings.Split(inner, ",") {
				addBoundName(lastSegment(item), into)
			}
			continue
		}
		addBoundName(lastSegment(stmt), into)
	}
}

// lastSegment is what a qualified import binds: a::b::C, a.b.C and A\B\C
// bind C; an alias (C as D) binds D.
func lastSegment(s string) string {
	s = strings.TrimSpace(s)
	if _, as, ok := strings.Cut(s, " as "); ok {
		return as
	}
	if i := strings.LastIndexAny(s, ".:\\"); i >= 0 {
		s = s[i+1:]
	}
	return s
}

// addBoundName adds one imported item's local name: "x as y" binds y.
// Wildcards and anything that is not an identifier bind nothing.
func addBoundName(item string, into map[string]bool) {
	item = strings.TrimSpace(item)
	if _, as, ok := strings.Cut(item, " as "); ok {
		item = strings.TrimSpace(as)
	}
	if n := leadingIdent(item); n != "" && n == item && n != "self" {
		into[n] = true
	}
}

// packageNames guesses the names a package of the import path declares.
func packageNames(importPath string) []string {
	last := path.Base(importPath)
	if len(last) > 1 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" && strings.Contains(importPath, "/") {
		last = path.Base(path.Dir(importPath)) // example.com/mod/v2
	}
	if i := strings.Index(last, ".v"); i > 0 {
		last = last[:i] // gopkg.in/yaml.v3
	}
	names := []string{last}
	trimmed := strings.TrimSuffix(strings.TrimPrefix(last, "go-"), "-go")
	names = append(names, trimmed, strings.ReplaceAll(trimmed, "-", ""), strings.ReplaceAll(trimmed, "-", "_"))
	return names
}
