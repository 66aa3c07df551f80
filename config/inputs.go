package config

import (
	"flag"
	"strings"
)

// Inputs are the knobs a user sets for one run, as raw strings: the Action's
// inputs or the CLI's flags. An empty (or all-space) string means "not set".
type Inputs struct {
	MaxLines    string // budget.lines
	MaxFiles    string // budget.files
	FailOn      string // fail-on
	Comment     string // comment
	LabelPrefix string // labels.prefix
	ExemptLabel string // labels.exempt
	// Ignore holds extra ignore patterns, one per line; blank lines and
	// lines starting with "#" are skipped, as in a .gitignore.
	Ignore string
	// Flags makes errors name CLI flags ("flag --max-lines") rather than
	// Action inputs ("input max-lines"). AddFlags sets it.
	Flags bool
}

// knob is one input: its name (as in action.yml, and as the CLI flag), the
// Inputs field holding it, and how it changes a Config.
type knob struct {
	name  string
	usage string
	field func(in *Inputs) *string
	apply func(s string, c *Config) string // returns a problem, or ""
}

var knobs = []knob{
	{"max-lines", "MVC budget of weighted changed lines (default 400, or budget.lines in the config file)",
		func(in *Inputs) *string { return &in.MaxLines },
		func(s string, c *Config) (msg string) { c.Size.Budget.Lines, msg = parseWhole(s); return msg }},
	{"max-files", "MVC budget of reviewable files (default 40, or budget.files in the config file)",
		func(in *Inputs) *string { return &in.MaxFiles },
		func(s string, c *Config) (msg string) { c.Size.Budget.Files, msg = parseWhole(s); return msg }},
	{"fail-on", "verdict that fails the run: never or too-large (default too-large)",
		func(in *Inputs) *string { return &in.FailOn },
		func(s string, c *Config) (msg string) { c.FailOn, msg = parseEnum(s, failOnValues); return msg }},
	{"comment", "when to comment on the pull request: always, on-violation or never (default on-violation)",
		func(in *Inputs) *string { return &in.Comment },
		func(s string, c *Config) (msg string) { c.Comment, msg = parseEnum(s, commentValues); return msg }},
	{"label-prefix", "prefix of the size labels, <prefix>XS … <prefix>XXL (default size/)",
		func(in *Inputs) *string { return &in.LabelPrefix },
		func(s string, c *Config) string { c.Labels.Prefix = s; return checkPrefix(s) }},
	{"exempt-label", "label that exempts a pull request from the budget (default mvc/exempt)",
		func(in *Inputs) *string { return &in.ExemptLabel },
		func(s string, c *Config) string { c.Labels.Exempt = s; return checkLabelName(s) }},
	{"ignore", "extra ignore pattern (gitignore syntax), appended to the config file's list; repeatable",
		func(in *Inputs) *string { return &in.Ignore },
		appendIgnore},
}

// appendIgnore adds the input's patterns after the config file's, so a
// run can only narrow what the repository's own list decides.
func appendIgnore(s string, c *Config) string {
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if msg := checkPattern(line); msg != "" {
			return msg
		}
		c.Size.Ignore = append(c.Size.Ignore, line)
	}
	return ""
}

// Resolve layers the inputs over the file (nil: no config file) over the
// built-in defaults and returns the one validated Config. The error, if
// any, is an *Error naming the input or flag.
func Resolve(file *File, in Inputs) (Config, error) {
	cfg := Default()
	if file != nil {
		cfg = file.config.clone()
		cfg.Source = file.Source
	}
	for _, k := range knobs {
		s := strings.TrimSpace(*k.field(&in))
		if s == "" {
			continue
		}
		if msg := k.apply(s, &cfg); msg != "" {
			return Config{}, &Error{Key: in.knobName(k.name), Msg: msg}
		}
	}
	if err := in.checkLabels(cfg.Labels); err != nil {
		return Config{}, err
	}
	cfg.Size.ExemptLabel = cfg.Labels.Exempt
	return cfg, nil
}

// checkLabels refuses an exempt label equal to a size label. A file alone
// cannot get here (Parse refuses it), so an input made the clash: the
// exempt-label input when set, else the label-prefix input.
func (in *Inputs) checkLabels(l Labels) error {
	if strings.TrimSpace(in.ExemptLabel) != "" {
		if msg := checkExempt(l); msg != "" {
			return &Error{Key: in.knobName("exempt-label"), Msg: msg}
		}
		return nil
	}
	if msg := checkPrefixAgainstExempt(l); msg != "" {
		return &Error{Key: in.knobName("label-prefix"), Msg: msg}
	}
	return nil
}

func (in *Inputs) knobName(name string) string {
	if in.Flags {
		return "flag --" + name
	}
	return "input " + name
}

// InputsFromEnv reads the Action's inputs the way the runner passes them to
// a Docker action: INPUT_<NAME>, upper-cased with hyphens kept
// (INPUT_MAX-LINES).
func InputsFromEnv(getenv func(string) string) Inputs {
	var in Inputs
	for _, k := range knobs {
		*k.field(&in) = getenv("INPUT_" + strings.ToUpper(k.name))
	}
	return in
}

// AddFlags defines the same knobs as CLI flags on fs (--max-lines,
// --max-files, --fail-on, --comment, --label-prefix, --exempt-label and the
// repeatable --ignore), writing into in, so the CLI and the Action share one
// code path.
func (in *Inputs) AddFlags(fs *flag.FlagSet) {
	in.Flags = true
	for _, k := range knobs {
		if k.name == "ignore" {
			fs.Var((*linesFlag)(k.field(in)), k.name, k.usage)
			continue
		}
		fs.StringVar(k.field(in), k.name, "", k.usage)
	}
}

// linesFlag collects a repeatable flag as lines of one string, the same
// shape the Action's multi-line input has.
type linesFlag string

func (f *linesFlag) String() string {
	if f == nil {
		return ""
	}
	return string(*f)
}

func (f *linesFlag) Set(s string) error {
	if *f != "" {
		*f += "\n"
	}
	*f += linesFlag(s)
	return nil
}
