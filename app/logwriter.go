package app

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"

	"github.com/mvcbot/mvc/action"
)

// logWriter turns the Action's output, workflow commands written for a
// runner ("::error title=…::message"), into log records at the matching
// level, carrying the delivery's attributes.
type logWriter struct {
	ctx context.Context
	log *slog.Logger
	mu  sync.Mutex
	buf bytes.Buffer
	// titles are the annotation titles seen, for the outcome line.
	titles map[string]bool
}

func newLogWriter(ctx context.Context, log *slog.Logger) *logWriter {
	return &logWriter{ctx: ctx, log: log}
}

func (w *logWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	for {
		line, err := w.buf.ReadString('\n')
		if err != nil { // no full line yet: keep it for the next write
			w.buf.Reset()
			w.buf.WriteString(line)
			return len(p), nil
		}
		w.emit(strings.TrimRight(line, "\r\n"))
	}
}

// flush logs a last line that had no newline.
func (w *logWriter) flush() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.buf.Len() > 0 {
		w.emit(w.buf.String())
		w.buf.Reset()
	}
}

// saw reports whether the run wrote an annotation titled title.
func (w *logWriter) saw(title string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.titles[title]
}

// commandLevels maps workflow commands to log levels.
var commandLevels = map[string]slog.Level{
	"debug": slog.LevelDebug, "notice": slog.LevelInfo,
	"warning": slog.LevelWarn, "error": slog.LevelError,
}

// unescape undoes the workflow-command escaping of messages and
// properties, keeping each record on one line.
var unescape = strings.NewReplacer("%0A", " ", "%0D", "", "%3A", ":", "%2C", ",", "%25", "%")

func (w *logWriter) emit(line string) {
	if strings.TrimSpace(line) == "" {
		return
	}
	rest, ok := strings.CutPrefix(line, "::")
	if !ok {
		w.log.InfoContext(w.ctx, line)
		return
	}
	head, msg, _ := strings.Cut(rest, "::")
	name, props, _ := strings.Cut(head, " ")
	level, known := commandLevels[name]
	if !known {
		return // add-mask and friends are for the runner only
	}
	var args []any
	title := ""
	for _, prop := range strings.Split(props, ",") {
		if t, ok := strings.CutPrefix(prop, "title="); ok {
			title = unescape.Replace(t)
			args = append(args, "title", title)
		}
	}
	if title != "" {
		if w.titles == nil {
			w.titles = map[string]bool{}
		}
		w.titles[title] = true
	}
	// An error annotation that is not the run's failure is a verdict
	// shown to the pull request's author (too large): in the App's log it
	// is an outcome, which the status carries, not a fault to alert on.
	if level == slog.LevelError && title != action.TitleFailed && title != action.TitleBadInput {
		level = slog.LevelWarn
	}
	w.log.Log(w.ctx, level, unescape.Replace(msg), args...)
}
