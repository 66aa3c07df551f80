package action

import (
	"fmt"

	ghsource "github.com/mvcbot/mvc/source/github"
	"path/filepath"
	"strings"
)

// inputs are the action's raw inputs as the runner passes them
// (INPUT_<NAME>, upper-cased, hyphens kept). The runner fills in
// action.yml's defaults and does not enforce `required`, so every value is
// checked here; empty means "not set".
type inputs struct {
	GithubToken   string
	AppID         string
	AppPrivateKey string
	Mode          Mode
	Config        string
	ReportFile    string

	// Policy knobs, merged with the config file by package config.
	MaxLines, MaxFiles, FailOn, Comment, LabelPrefix, ExemptLabel, Ignore string
}

// inputNames lists every input action.yml declares; a test keeps the two in
// step.
var inputNames = append([]string{
	"github-token", "app-id", "app-private-key", "mode", "config",
	"max-lines", "max-files", "fail-on", "comment", "label-prefix",
	"exempt-label", "ignore", "report-file",
}, deliveryInputNames...)

const (
	defaultConfigPath = ".github/mvc.yml"
	defaultReportFile = "mvc-report.json"
)

func readInputs(get func(name string) string) (inputs, error) {
	in := inputs{
		GithubToken:   get("github-token"),
		AppID:         get("app-id"),
		AppPrivateKey: get("app-private-key"),
		Mode:          Mode(strings.ToLower(get("mode"))),
		Config:        get("config"),
		ReportFile:    get("report-file"),
		MaxLines:      get("max-lines"),
		MaxFiles:      get("max-files"),
		FailOn:        get("fail-on"),
		Comment:       get("comment"),
		LabelPrefix:   get("label-prefix"),
		ExemptLabel:   get("exempt-label"),
		Ignore:        get("ignore"),
	}
	if in.Mode == "" {
		in.Mode = ModeAuto
	}
	switch in.Mode {
	case ModeAuto, ModePR, ModeIssue, ModeReport:
	default:
		return in, fmt.Errorf("input mode: must be auto, pr, issue or report, got %q", in.Mode)
	}
	if in.Config == "" {
		in.Config = defaultConfigPath
	}
	if in.ReportFile == "" {
		in.ReportFile = defaultReportFile
	}
	if err := checkRelative("config", in.Config); err != nil {
		return in, err
	}
	if err := checkRelative("report-file", in.ReportFile); err != nil {
		return in, err
	}
	if (in.AppID == "") != (in.AppPrivateKey == "") {
		return in, fmt.Errorf("inputs app-id and app-private-key go together: set both to authenticate as a GitHub App, or neither to use github-token")
	}
	if in.AppID != "" {
		if err := ghsource.ValidateAppCredentials(in.AppID, in.AppPrivateKey); err != nil {
			return in, fmt.Errorf("input %w", err)
		}
	}
	if in.GithubToken == "" && in.AppID == "" {
		return in, fmt.Errorf("input github-token is empty: pass ${{ github.token }} (the default) or set app-id and app-private-key")
	}
	return in, nil
}

// checkRelative refuses paths that would leave the repository or the
// workspace: the config is read from the repository at the base commit and
// the report is written inside the mounted workspace.
func checkRelative(input, p string) error {
	clean := filepath.ToSlash(filepath.Clean(p))
	if filepath.IsAbs(p) || clean == ".." || strings.HasPrefix(clean, "../") {
		return fmt.Errorf("input %s: must be a path relative to the repository, inside it, got %q", input, p)
	}
	return nil
}
