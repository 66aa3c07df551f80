package size

import (
	"strings"
	"testing"
)

func TestHeaderStopsAtTenLinesOr4KB(t *testing.T) {
	long := strings.Repeat("x", 10<<10)
	cases := map[string]string{
		"":                         "",
		"one line without newline": "one line without newline",
		strings.Repeat("l\n", 12):  strings.Repeat("l\n", 10),
		long + "\nnext\n":          long[:4<<10],
	}
	for in, want := range cases {
		if got := Header([]byte(in)); got != want {
			t.Errorf("Header(%.20q…) = %.40q…, want %.40q…", in, got, want)
		}
	}
}
