package app

import (
	"bufio"
	"bytes"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/mvcbot/mvc/action"
)

// outputsFile is where a run's outputs (GITHUB_OUTPUT) land in its
// scratch directory.
const outputsFile = "outputs"

// logOutcome logs one line per run, in the words of what was run: a pull
// request is measured, an issue checked. A run that did not finish
// forgets its delivery id, so redelivering it from the App's settings
// runs it again.
func (s *Server) logOutcome(log *slog.Logger, j job, code int, workspace string, took time.Duration) {
	log = log.With("exit", code, "took", took.Round(time.Millisecond).String())
	what, done := "pull request", "measured"
	if j.event == "issues" {
		what, done = "issue", "checked"
	}
	switch code {
	case action.ExitOK, action.ExitTooLarge:
		if j.event == "issues" {
			s.logIssueOutcome(log, filepath.Join(filepath.Dir(workspace), outputsFile))
			return
		}
		v, measured := readVerdict(filepath.Join(workspace, reportFile))
		if !measured {
			log.Info("nothing measured (see the notice above)")
			return
		}
		// The run measured the pull request's current head, which a late
		// delivery does not name (see readPR).
		head := v.Head
		if head == "" {
			head = j.headSHA
		}
		log.Info("pull request measured", "head", head, "verdict", v.Verdict, "size", v.Size,
			"weighted_lines", v.WeightedLines, "exact", v.Exact)
	case action.ExitBadInput:
		log.Warn(what + " not " + done + ": bad config or payload (see the error above); nothing was posted")
		s.forget(j)
	default:
		log.Error(what + " run failed (see the error above)")
		s.forget(j)
	}
}

// logIssueOutcome logs an issue run's verdict from its outputs.
func (s *Server) logIssueOutcome(log *slog.Logger, outputsPath string) {
	out := readOutputs(outputsPath)
	if out["verdict"] == "" {
		log.Info("nothing checked (see the notice above)")
		return
	}
	log.Info("issue checked", "verdict", out["verdict"], "parts", out["parts"])
}

// verdict is the part of the Action's JSON report the log line shows.
type verdict struct {
	Verdict       string `json:"verdict"`
	Head          string `json:"head"`
	Size          string `json:"size"`
	WeightedLines int    `json:"weighted_lines"`
	Exact         bool   `json:"exact"`
}

// readVerdict reads the run's report; measured is false when the run
// wrote none (it stopped with a notice before measuring).
func readVerdict(path string) (v verdict, measured bool) {
	data, err := os.ReadFile(path)
	if err != nil {
		return v, false
	}
	_ = json.Unmarshal(data, &v) // an odd report leaves the fields empty
	return v, true
}

// readOutputs reads a GITHUB_OUTPUT file: "name=value" lines, or
// "name<<DELIMITER", the value's lines, then the delimiter alone. A
// missing file has no outputs.
func readOutputs(path string) map[string]string {
	data, _ := os.ReadFile(path)
	out := map[string]string{}
	lines := bufio.NewScanner(bytes.NewReader(data))
	for lines.Scan() {
		line := lines.Text()
		if name, delim, ok := strings.Cut(line, "<<"); ok {
			var value []string
			for lines.Scan() && lines.Text() != delim {
				value = append(value, lines.Text())
			}
			out[name] = strings.Join(value, "\n")
			continue
		}
		if name, value, ok := strings.Cut(line, "="); ok {
			out[name] = value
		}
	}
	return out
}
