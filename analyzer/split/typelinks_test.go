package split

import (
	"testing"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/size"
)

// Two changes no name connects: only the adapter's facts link them.
func typeLinkInput() Input {
	add := func(path string, line int, text string) analyzer.FileChange {
		return analyzer.FileChange{Path: path, Status: analyzer.Modified, Additions: 1,
			Hunks: []analyzer.Hunk{{OldStart: line - 1, NewStart: line, NewLines: 1, Lines: []analyzer.Line{{Op: analyzer.Add, Text: text}}}}}
	}
	return Input{
		Change: analyzer.Change{Files: []analyzer.FileChange{
			add("a/a.go", 3, "func helperOne() int { return 1 }"),
			add("web/b.ts", 2, "export const quux = 2"),
		}},
		Policy: size.DefaultPolicy(),
	}
}

func TestTypeAndFileLinksReachTheLinker(t *testing.T) {
	for _, tc := range []struct {
		name                string
		typeLinks           []TypeLink
		fileLinks           []FileLink
		wantUse, wantRefers bool
	}{
		{name: "none"},
		{name: "type link", typeLinks: []TypeLink{{FromPath: "web/b.ts", FromLine: 2, ToPath: "a/a.go", ToLine: 3, Kind: "use"}}, wantUse: true},
		{name: "link to an unchanged line", typeLinks: []TypeLink{{FromPath: "web/b.ts", FromLine: 2, ToPath: "a/a.go", ToLine: 9, Kind: "use"}}},
		{name: "deleted side", typeLinks: []TypeLink{{FromPath: "web/b.ts", FromLine: 2, ToPath: "a/a.go", ToLine: 3, Old: true}}},
		{name: "file link", fileLinks: []FileLink{{From: "web/b.ts", To: "a/a.go", Kind: "import-statement"}}, wantRefers: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := typeLinkInput()
			in.TypeLinks, in.FileLinks = tc.typeLinks, tc.fileLinks
			w, err := prepare(in)
			if err != nil {
				t.Fatal(err)
			}
			w.describeAtoms()
			l := w.newLinker()
			def, use := w.files[0].atoms[0], w.files[1].atoms[0]
			if got := l.uses[[2]int{use, def}]; got != tc.wantUse {
				t.Errorf("use link = %v, want %v", got, tc.wantUse)
			}
			if got := l.file(0, 1).refers; got != tc.wantRefers {
				t.Errorf("file reference = %v, want %v", got, tc.wantRefers)
			}
		})
	}
}
