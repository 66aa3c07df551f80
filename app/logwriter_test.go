package app

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"testing"
)

func TestLogWriterMapsWorkflowCommands(t *testing.T) {
	var buf syncBuffer
	w := newLogWriter(context.Background(), slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug})))
	fmt.Fprint(w, "::debug::GitHub API: 4 reads\n::warning::cannot write%0Alabels\n::add-mask::hidden\n")
	fmt.Fprint(w, "::error title=mvc%3A bad input::config: budget")
	fmt.Fprint(w, ".lines is not a number\n")
	fmt.Fprint(w, "::error title=mvc failed::get pull request 8: 502\n")
	fmt.Fprint(w, "::error title=Too large to be a Minimum Viable Change::size XL\nplain line")
	w.flush()
	want := []string{
		`level=DEBUG msg="GitHub API: 4 reads"`,
		`level=WARN msg="cannot write labels"`,
		`level=ERROR msg="config: budget.lines is not a number" title="mvc: bad input"`,
		`level=ERROR msg="get pull request 8: 502" title="mvc failed"`,
		// A verdict is an outcome, not a fault of the server.
		`level=WARN msg="size XL" title="Too large to be a Minimum Viable Change"`,
		`level=INFO msg="plain line"`,
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		_, rest, _ := strings.Cut(line, " ") // drop the time
		got = append(got, rest)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestDeliveriesAreBounded(t *testing.T) {
	d := newDeliveries(2)
	steps := []struct {
		id   string
		want bool
	}{
		{"a", true}, {"a", false}, {"b", true}, {"c", true}, // c pushes a out
		{"b", false}, {"a", true},
	}
	for i, s := range steps {
		if got := d.add(s.id); got != s.want {
			t.Errorf("step %d: add(%q) = %v, want %v", i, s.id, got, s.want)
		}
	}
	d.forget("a")
	if !d.add("a") {
		t.Error("a forgotten id is still remembered")
	}
}
