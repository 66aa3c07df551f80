package delivery

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseReverts(t *testing.T) {
	full := "0123456789abcdef0123456789abcdef01234567"
	cases := []struct {
		message string
		want    []string
	}{
		{"Revert \"add b\"\n\nThis reverts commit " + full + ".\n", []string{full}},
		{"Revert \"merge\"\n\nThis reverts commit " + full + ", reversing\nchanges made to 1111111.\n", []string{full}},
		{"Revert two (#12)\n\n* Revert \"a\"\n\nThis reverts commit ABCDEF1.\n\n* Revert \"b\"\n\nThis reverts commit 1234567.", []string{"abcdef1", "1234567"}},
		{"This reverts commit 12345.", nil}, // too short to trust
		{"fix: do not revert", nil},
	}
	for _, tc := range cases {
		if got := ParseReverts(tc.message); !cmp.Equal(tc.want, got) {
			t.Errorf("ParseReverts(%q) = %v, want %v", tc.message, got, tc.want)
		}
	}
}

func TestParseMergedBranch(t *testing.T) {
	cases := map[string]string{
		"Merge pull request #12 from octo/hotfix/db":     "hotfix/db",
		"Merge branch 'hotfix/db'":                       "hotfix/db",
		"Merge branch 'hotfix/db' into main":             "hotfix/db",
		"Merge remote-tracking branch 'origin/hotfix/x'": "hotfix/x",
		"Add the thing (#13)":                            "",
		"Merge pull request #14":                         "",
	}
	for subject, want := range cases {
		if got := ParseMergedBranch(subject); got != want {
			t.Errorf("ParseMergedBranch(%q) = %q, want %q", subject, got, want)
		}
	}
}

func TestShaIndexResolvesUniqueAbbreviations(t *testing.T) {
	h := new(graph).line("", []string{"abcdef01aa", "abcdef01bb", "1234567890"}, []float64{0, 1, 2}).history()
	x := shaIndex{h: h}
	for sha, want := range map[string]bool{"1234567890": true, "1234567": true, "abcdef01": false, "abcdef01b": true, "123": false, "fffffff": false} {
		if _, ok := x.resolve(sha); ok != want {
			t.Errorf("resolve(%q) found %v, want %v", sha, ok, want)
		}
	}
}
