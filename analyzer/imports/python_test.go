package imports

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPython(t *testing.T) {
	src := `"""Module docs.

import not_this  # inside a docstring
"""
import os, sys as system
from . import sibling
from ..pkg.mod import (
    Alpha,  # a comment
    Beta as B,
)
from x import *; import y.z
x = "from fake import nothing"
s = '''
import also_not_this
'''

def f():
    import inner
    return 1 \
        + 2

from long.name \
    import Gamma
`
	got := Python([]byte(src))
	want := []Import{
		{Line: 5, Module: "os"},
		{Line: 5, Module: "sys"},
		{Line: 6, Module: ".", Names: []string{"sibling"}},
		{Line: 7, Module: "..pkg.mod", Names: []string{"Alpha", "Beta"}},
		{Line: 11, Module: "x", Names: []string{"*"}},
		{Line: 11, Module: "y.z"},
		{Line: 18, Module: "inner"},
		{Line: 22, Module: "long.name", Names: []string{"Gamma"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("imports (-want +got):\n%s", diff)
	}
}

func TestResolvePython(t *testing.T) {
	files := map[string]bool{
		"src/app/__init__.py": true, "src/app/models.py": true, "src/app/views/__init__.py": true,
		"src/app/views/list.py": true, "src/app/util.py": true, "tools/run.py": true,
	}
	exists := func(p string) bool { return files[p] }
	for _, tc := range []struct {
		from string
		imp  Import
		want []string
	}{
		{"src/app/views/list.py", Import{Module: "..models", Names: []string{"User"}}, []string{"src/app/models.py"}},
		{"src/app/views/__init__.py", Import{Module: ".", Names: []string{"list"}}, []string{"src/app/views/__init__.py", "src/app/views/list.py"}},
		{"src/app/models.py", Import{Module: "app.util"}, []string{"src/app/util.py"}},
		{"src/app/models.py", Import{Module: "app", Names: []string{"views", "util"}}, []string{"src/app/__init__.py", "src/app/views/__init__.py", "src/app/util.py"}},
		{"tools/run.py", Import{Module: "requests"}, nil},
	} {
		if diff := cmp.Diff(tc.want, ResolvePython(tc.from, tc.imp, exists)); diff != "" {
			t.Errorf("ResolvePython(%s, %+v) (-want +got):\n%s", tc.from, tc.imp, diff)
		}
	}
}
