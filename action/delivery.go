package action

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/mvcbot/mvc/analyzer/delivery"
	"github.com/mvcbot/mvc/analyzer/size"
	"github.com/mvcbot/mvc/internal/deliveryrun"
	"github.com/mvcbot/mvc/report"
	ghsource "github.com/mvcbot/mvc/source/github"
	"github.com/mvcbot/mvc/source/gitrepo"
)

// deliveryInputs are the delivery-metrics inputs, validated.
type deliveryInputs struct {
	Source, Workflow, Environment, TagPattern string
	WindowDays                                int
	// Failure signals and levels.
	IncidentLabel, HotfixLabel, HotfixBranch, Edition string
	IncidentWindow                                    time.Duration
	// Explicit is set when the workflow named a deploy source: pr mode then
	// reports delivery health even without a checkout's history.
	Explicit bool
}

var deliveryInputNames = []string{
	"deploy-source", "deploy-workflow", "environment", "window-days", "tag-pattern",
	"incident-label", "incident-window", "hotfix-label", "hotfix-branch", "dora-edition",
}

func readDeliveryInputs(get func(string) string) (deliveryInputs, error) {
	d := deliveryInputs{
		Source: get("deploy-source"), Workflow: get("deploy-workflow"),
		Environment: get("environment"), TagPattern: get("tag-pattern"), WindowDays: 30,
		IncidentLabel:  orDefault(get("incident-label"), "incident"),
		HotfixLabel:    orDefault(get("hotfix-label"), "hotfix"),
		HotfixBranch:   orDefault(get("hotfix-branch"), "hotfix/"),
		Edition:        orDefault(get("dora-edition"), delivery.DefaultEdition),
		IncidentWindow: 7 * 24 * time.Hour,
	}
	if w := get("incident-window"); w != "" {
		dur, err := delivery.ParseDuration(w)
		if err != nil {
			return d, fmt.Errorf("input incident-window: use a duration such as 7d or 36h, got %q", w)
		}
		d.IncidentWindow = dur
	}
	if err := delivery.ValidEdition(d.Edition); err != nil {
		return d, fmt.Errorf("input dora-edition: %w", err)
	}
	d.Explicit = d.Source != "" && d.Source != delivery.SourceAuto
	if d.Source == "" {
		d.Source = delivery.SourceAuto
	}
	if d.Environment == "" {
		d.Environment = "production"
	}
	if err := delivery.ValidSource(d.Source); err != nil {
		return d, fmt.Errorf("input deploy-source: %w", err)
	}
	if d.Source == delivery.SourceWorkflow && d.Workflow == "" {
		return d, fmt.Errorf("input deploy-workflow: deploy-source workflow needs the workflow's file name, e.g. deploy.yml")
	}
	if err := delivery.ValidatePattern(d.TagPattern); err != nil {
		return d, fmt.Errorf("input tag-pattern: %w", err)
	}
	if w := get("window-days"); w != "" {
		n, err := strconv.Atoi(w)
		if err != nil || n <= 0 || n > delivery.MaxWindowDays {
			return d, fmt.Errorf("input window-days: must be a whole number of days from 1 to %d, got %q", delivery.MaxWindowDays, w)
		}
		d.WindowDays = n
	}
	return d, nil
}

func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

// measureDelivery computes the delivery metrics of the window ending now:
// deployments from the checkout (tags, merges: no API call) or the API,
// the commit graph from the checkout when it has the history, else from
// the compare API.
//
// With lookups > 0 it also reads what only GitHub knows about failures and
// pull requests (incidents, hotfix and revert pull requests, and up to
// lookups shipped pull requests in detail, about three requests each);
// without, failures come from git alone (rollbacks, reverts, hotfix merges).
func (r *runner) measureDelivery(ctx context.Context, client *ghsource.Client, local *gitrepo.Repo, defaultBranch string, policy size.Policy, lookups int) (report.Delivery, error) {
	d := r.delivery
	api := ghsource.NewDeliveries(client)
	api.Branch = defaultBranch // known from the event: no request to look it up
	src := deliveryrun.Sources{GitHub: api, History: deliveryrun.FromCompare(client)}
	if local != nil {
		// historyRepo vouches for the checkout's history: no compare calls.
		clone := gitrepo.NewDeliveries(local)
		clone.Branch = checkoutBranch(ctx, local, defaultBranch)
		src.Clone, src.History = clone, deliveryrun.FromClone(clone)
	}
	src.History = historyErrorsNamed(src.History)
	req := deliveryrun.Request{
		Source: d.Source,
		Query:  delivery.Query{Environment: d.Environment, Workflow: d.Workflow, TagPattern: d.TagPattern},
		Options: delivery.Options{
			Until: r.env.Now(), WindowDays: d.WindowDays, Environment: d.Environment, Edition: d.Edition,
			Failures: delivery.FailureRules{HotfixBranch: d.HotfixBranch, IncidentWindow: d.IncidentWindow},
		},
	}
	var hooks deliveryrun.Hooks
	if lookups > 0 {
		hooks.Signals = r.deliverySignals(client, policy, lookups)
	}
	advice := r.deliveryAdvice()
	out, err := deliveryrun.Measure(ctx, src, req, hooks)
	var unavailable *delivery.UnavailableError
	if errors.As(err, &unavailable) {
		// Only a named source gets here (auto passes it over): the
		// workflow asked for what this run cannot read.
		return out, badInput(fmt.Errorf("input deploy-source: %s %s", unavailable.Source, advice.Need(unavailable.Need)))
	}
	out.Advice = advice
	return out, err
}

// deliveryAdvice words what a deploy source lacked for the front door
// this run serves: the Action's inputs and checkout, or the App, which has
// neither. The API is always at hand in both.
func (r *runner) deliveryAdvice() report.DeliveryAdvice {
	if r.env.NoCheckout {
		return report.DeliveryAdvice{
			History:    "needs git history, and the App has no checkout: run mvc's Action with actions/checkout fetch-depth: 0, or mvc report",
			NameSource: "run mvc's Action on a schedule with its `deploy-source` input",
		}
	}
	return report.DeliveryAdvice{
		History:    "needs a checkout with full history: actions/checkout with fetch-depth: 0 before mvc",
		NameSource: "set the `deploy-source` input",
	}
}

// checkoutBranch names the default branch in the checkout: its
// remote-tracking ref (actions/checkout fetches it with fetch-depth: 0 but
// creates no local branch), else a local branch of that name. Without
// either it is "", and the clone reads from origin/HEAD or HEAD: in a pull
// request's checkout HEAD is the pull request's merge commit, whose merge
// is not a deployment.
func checkoutBranch(ctx context.Context, repo *gitrepo.Repo, branch string) string {
	if branch == "" {
		return ""
	}
	for _, ref := range []string{"refs/remotes/origin/" + branch, "refs/heads/" + branch} {
		if _, err := repo.ResolveCommit(ctx, ref); err == nil {
			return ref
		}
	}
	return ""
}

// historyErrorsNamed says which step failed: an error of read alone
// would not tell reading deployments from reading their commits.
func historyErrorsNamed(read deliveryrun.HistoryReader) deliveryrun.HistoryReader {
	return func(ctx context.Context, deploys []delivery.Deployment, since time.Time) (*delivery.History, error) {
		h, err := read(ctx, deploys, since)
		if err != nil {
			return nil, fmt.Errorf("read the commits behind the deployments: %w", err)
		}
		return h, nil
	}
}

// deliverySignals reads incidents and hotfix, revert and shipped pull
// requests from the API; what could not be read becomes a warning, and
// the report goes on.
func (r *runner) deliverySignals(client *ghsource.Client, policy size.Policy, lookups int) func(context.Context, deliveryrun.Facts) delivery.Signals {
	d := r.delivery
	return func(ctx context.Context, f deliveryrun.Facts) delivery.Signals {
		sig, warnings := deliveryrun.ReadSignals(ctx, client, f, ghsource.SignalOptions{
			IncidentLabel: d.IncidentLabel, HotfixLabel: d.HotfixLabel, HotfixBranch: d.HotfixBranch,
			MaxLookups: lookups, Policy: policy,
		})
		for _, w := range warnings {
			r.gha.Warningf("delivery report: %v", w)
		}
		return sig
	}
}

// historyRepo is the workspace's checkout when it has full history (not
// shallow), so delivery can be measured from git with no API calls.
func (r *runner) historyRepo(ctx context.Context) *gitrepo.Repo {
	dir := r.files.checkoutDir()
	if dir == "" {
		return nil
	}
	repo, err := gitrepo.Open(ctx, dir)
	if err != nil || repo.IsShallow(ctx) {
		return nil
	}
	if _, err := repo.ResolveCommit(ctx, "HEAD"); err != nil {
		return nil
	}
	return repo
}

// deliveryOutputs are the delivery figures as step outputs; a figure that
// was not measured (no deployment source found, no lead time) is left out,
// so the output is empty rather than a zero a dashboard would record.
func deliveryOutputs(m delivery.Metrics) map[string]string {
	out := map[string]string{}
	if m.DeploysPerWeek != nil {
		out["deploys-per-week"] = strconv.FormatFloat(*m.DeploysPerWeek, 'f', 2, 64)
	}
	if m.LeadTime.Median != nil {
		out["lead-time-hours"] = strconv.FormatFloat(*m.LeadTime.Median, 'f', 1, 64)
	}
	if m.ChangeFailureRate != nil {
		out["change-failure-rate"] = strconv.FormatFloat(*m.ChangeFailureRate, 'f', 3, 64)
	}
	if m.RecoveryHours.Median != nil {
		out["recovery-hours"] = strconv.FormatFloat(*m.RecoveryHours.Median, 'f', 1, 64)
	}
	return out
}
