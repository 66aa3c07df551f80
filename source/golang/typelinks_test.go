package golang

import (
	"context"
	"fmt"
	"testing"
)

func TestTypeLinksResolveUsesCallsInterfacesAndImports(t *testing.T) {
	repo, in := change(t, map[string]string{
		"go.mod": goMod,
		"a/a.go": "package a\n\n// Store stores.\ntype Store interface {\n\tGet() string\n}\n\n// Hello greets.\nfunc Hello() string { return \"hi\" }\n",
		"b/b.go": "package b\n\nimport \"example.com/m/a\"\n\ntype mem struct{}\n\nfunc (mem) Get() string { return \"\" }\n\nvar _ a.Store = mem{}\n\nfunc Use() string {\n\treturn a.Hello()\n}\n",
		"c/c.go": "package c\n\nfunc old() int { return 1 }\n\nvar x = old()\n",
	}, map[string]string{
		"a/a.go": "package a\n\n// Store stores.\ntype Store interface {\n\tGet() string\n\tPut(string)\n}\n\n// Hello greets.\nfunc Hello(name string) string { return \"hi \" + name }\n",
		"b/b.go": "package b\n\nimport (\n\t\"strings\"\n\n\t\"example.com/m/a\"\n)\n\ntype mem struct{}\n\nfunc (mem) Get() string { return \"\" }\n\nfunc (mem) Put(string) {}\n\nvar _ a.Store = mem{}\n\nfunc Use() string {\n\treturn a.Hello(\n\t\tstrings.ToUpper(\"x\"),\n\t)\n}\n",
		"c/c.go": "package c\n",
	})
	links, err := TypeLinks(context.Background(), repo, in, offline)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, l := range links {
		got[fmt.Sprintf("%s:%d -> %s:%d %s old=%v", l.FromPath, l.FromLine, l.ToPath, l.ToLine, l.Kind, l.Old)] = true
	}
	for _, want := range []string{
		"b/b.go:13 -> a/a.go:6 implements old=false", // mem.Put implements Store.Put
		"b/b.go:18 -> a/a.go:10 use old=false",       // the changed call names the changed Hello
		"b/b.go:19 -> a/a.go:10 call old=false",      // a new argument line of that call
		"b/b.go:19 -> b/b.go:4 import old=false",     // strings.ToUpper needs the new import
		"c/c.go:5 -> c/c.go:3 use old=true",          // a deleted use of a deleted function
	} {
		if !got[want] {
			t.Errorf("missing link %s", want)
		}
	}
	for _, l := range links {
		if l.FromPath == "b/b.go" && l.FromLine == 15 {
			t.Errorf("an unchanged line is linked: %+v", l)
		}
	}
	if t.Failed() {
		t.Logf("links: %v", got)
	}
}
