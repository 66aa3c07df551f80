package main

import (
	"flag"
	"strings"

	"github.com/mvcbot/mvc/analyzer/delivery"
)

// stabilityFlags tune the failure signals and the DORA edition of `mvc
// report`. The labels need the API (--github); the hotfix branch prefix
// and everything else also work on a local clone.
type stabilityFlags struct {
	incidentLabel, incidentWindow string
	hotfixLabel, hotfixBranch     string
	edition                       string
}

func (s *stabilityFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&s.incidentLabel, "incident-label", delivery.DefaultIncidentLabel, "with --github, issues with this label are incidents")
	fs.StringVar(&s.incidentWindow, "incident-window", "7d", "an incident naming no deployment is blamed on the last one this long before it (e.g. 7d, 36h)")
	fs.StringVar(&s.hotfixLabel, "hotfix-label", delivery.DefaultHotfixLabel, "with --github, pull requests with this label are hotfixes")
	fs.StringVar(&s.hotfixBranch, "hotfix-branch", delivery.DefaultHotfixBranch, "pull requests from branches starting with this are hotfixes")
	fs.StringVar(&s.edition, "dora-edition", delivery.DefaultEdition, "State of DevOps report whose performance levels to use: "+strings.Join(delivery.Editions, " or "))
}

// apply checks the values and copies them into opts.
func (s *stabilityFlags) apply(opts *delivery.Options) error {
	if err := delivery.ValidEdition(s.edition); err != nil {
		return usagef("--dora-edition: %v", err)
	}
	window, err := delivery.ParseDuration(s.incidentWindow)
	if err != nil {
		return usagef("--incident-window %q: use a duration such as 7d or 36h", s.incidentWindow)
	}
	if strings.TrimSpace(s.hotfixBranch) == "" {
		return usagef("--hotfix-branch: give a branch prefix such as hotfix/")
	}
	opts.Edition = s.edition
	opts.Failures = delivery.FailureRules{HotfixBranch: s.hotfixBranch, IncidentWindow: window}
	return nil
}
