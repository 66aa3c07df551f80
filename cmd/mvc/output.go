package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/mvcbot/mvc/report"
)

// writeFormatted writes one finding in the format a user asked for: v
// itself as indented JSON, or doc rendered as Markdown or terminal text.
// doc is built only when a document is wanted.
func writeFormatted(w io.Writer, format string, v any, doc func() report.Doc) error {
	var out string
	switch format {
	case "json":
		data, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			return fmt.Errorf("encode the JSON report: %w", err)
		}
		out = string(data) + "\n"
	case "markdown":
		out = report.Markdown(doc())
	default:
		out = report.Text(doc())
	}
	_, err := io.WriteString(w, out)
	return err
}

// count words n of a noun so they agree: "1 GitHub API request", "3 GitHub
// API requests"; many is the plural.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
