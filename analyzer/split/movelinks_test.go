package split

import "testing"

func TestMovedLinesLinkCutAndPaste(t *testing.T) {
	body := "func parseHeader(line string) (string, string) {\n\tkey, value, _ := strings.Cut(line, \":\")\n\treturn strings.TrimSpace(key), strings.TrimSpace(value)\n}\n"
	in := changeOf(map[string][2]string{
		"server/http.go":  {"package server\n\n" + body, "package server\n"},
		"header/parse.go": {"package header\n", "package header\n\n" + body},
		"server/other.go": {"package server\n\nfunc a() {\n\treturn nil, err\n}\n", "package server\n\nfunc a() {\n\treturn nil, err\n\treturn nil, err\n}\n"},
		"client/c.go":     {"package client\n\nfunc b() {\n\treturn nil, err\n\treturn nil, err\n}\n", "package client\n"},
	})
	w, err := prepare(in)
	if err != nil {
		t.Fatal(err)
	}
	w.describeAtoms()
	l := w.newLinker()
	movedBetween := func(a, b string) float64 {
		var best float64
		for k, v := range l.moved {
			pa, pb := w.files[w.atoms[k[0]].file].Path, w.files[w.atoms[k[1]].file].Path
			if (pa == a && pb == b || pa == b && pb == a) && v > best {
				best = v
			}
		}
		return best
	}
	if got := movedBetween("server/http.go", "header/parse.go"); got < 0.5 {
		t.Errorf("moved share between the cut and the paste = %.2f, want at least 0.5", got)
	}
	if got := movedBetween("server/other.go", "client/c.go"); got != 0 {
		t.Errorf("short common lines count as a move: share %.2f", got)
	}
}
