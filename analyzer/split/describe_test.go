package split

import (
	"strings"
	"testing"
)

func TestBaseNamesAreTheShortestDistinctTails(t *testing.T) {
	got := baseNames([]string{
		"playground/vue/components/HelloWorld.vue",
		"playground/react/components/HelloWorld.vue",
		"playground/vue/main.js",
		"a/b", "c/a/b",
	})
	want := []string{"vue/components/HelloWorld.vue", "react/components/HelloWorld.vue", "main.js", "a/b", "c/a/b"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("baseNames = %q, want %q", got, want)
	}
}
