package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/mvcbot/mvc/source/golang"
)

// Counts agree with their nouns in every summary line.
func TestCountAgrees(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{
		{0, "0 GitHub API requests"},
		{1, "1 GitHub API request"},
		{2, "2 GitHub API requests"},
	} {
		if got := count(tc.n, "GitHub API request", "GitHub API requests"); got != tc.want {
			t.Errorf("count(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
	yes, no := true, false
	var b bytes.Buffer
	writeVerifySummary(&b, golang.Report{HeadBuilds: &yes, Checks: 1, Repairs: []string{"moved a hunk"},
		Parts: []golang.PartResult{{Part: 1, Builds: &no}, {Part: 2, Builds: &yes}}}, 1, time.Second)
	want := "mvc split: --verify: 1 of 2 parts does not build on the ones below; 1 type-resolved link, 1 state type-checked, 1 repair, in 1s\n"
	if got, _, _ := strings.Cut(b.String(), "mvc split: --verify: moved"); got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
}
