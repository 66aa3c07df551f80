package action

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	"github.com/sethvargo/go-githubactions"
)

// workflowLog writes the API client's log to the workflow log. Its Info
// lines announce each wait on a rate limit or an outage: they go out as
// plain lines, which the runner shows at once (a wait of minutes with no
// output looks like a hung job) and the App logs with the delivery's
// attributes; finer records are debug lines.
type workflowLog struct{ gha *githubactions.Action }

func (workflowLog) Enabled(context.Context, slog.Level) bool { return true }

func (w workflowLog) Handle(_ context.Context, rec slog.Record) error {
	if rec.Level >= slog.LevelInfo {
		w.gha.Infof("%s", rec.Message) // the message reads on its own
		return nil
	}
	var b strings.Builder
	b.WriteString(rec.Message)
	rec.Attrs(func(a slog.Attr) bool {
		fmt.Fprintf(&b, " %s=%v", a.Key, a.Value)
		return true
	})
	w.gha.Debugf("%s", b.String())
	return nil
}

func (w workflowLog) WithAttrs([]slog.Attr) slog.Handler { return w }
func (w workflowLog) WithGroup(string) slog.Handler      { return w }
