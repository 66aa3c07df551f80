package action

import (
	"strings"
	"testing"

	"github.com/mvcbot/mvc/internal/fakegithub"
)

// An exempt label equal to a size label would let mvc's own label exempt
// the pull request on the next run: it is bad input, refused before any
// write, whether an input or the base's .github/mvc.yml sets it.
func TestExemptLabelThatIsASizeLabelIsBadInput(t *testing.T) {
	cases := []struct{ name, input, prefix, config, want string }{
		{name: "input", input: "size/XL", want: "input exempt-label: must differ from the size labels size/XS, size/S, size/M, size/L, size/XL, size/XXL"},
		{name: "input, other case", input: "SIZE/xxl", want: "input exempt-label: must differ from the size labels"},
		{name: "input with a prefix input", input: "pr-L", prefix: "pr-", want: "input exempt-label: must differ from the size labels pr-XS, pr-S, pr-M, pr-L, pr-XL, pr-XXL"},
		{name: "config", config: "labels: {exempt: size/XL}\n", want: ".github/mvc.yml:1: labels.exempt: must differ from the size labels size/XS"},
		{name: "config exempt, prefix input", config: "labels: {exempt: big/S}\n", prefix: "big/", want: `input label-prefix: must not make a size label equal to the exempt label "big/S"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			h.addPull(fakegithub.Pull{Number: 17, Files: codeFiles(10, 100)})
			if tc.config != "" {
				base, _ := h.prSHAs(17)
				h.repo.SetFile(base, ".github/mvc.yml", tc.config)
			}
			if tc.input != "" {
				h.env["INPUT_EXEMPT-LABEL"] = tc.input
			}
			if tc.prefix != "" {
				h.env["INPUT_LABEL-PREFIX"] = tc.prefix
			}
			h.prEvent("opened", 17)
			if code := h.run(); code != ExitBadInput {
				t.Fatalf("exit %d, want %d\n%s", code, ExitBadInput, h.stdout.String())
			}
			if w := h.gh.Writes(); w != 0 {
				t.Errorf("%d writes after bad input", w)
			}
			var errs []string
			for _, l := range strings.Split(h.stdout.String(), "\n") {
				if strings.HasPrefix(l, "::error") {
					errs = append(errs, l)
				}
			}
			if len(errs) != 1 || !strings.Contains(errs[0], tc.want) {
				t.Errorf("error lines %q, want one naming %q", errs, tc.want)
			}
		})
	}
}
