package action

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"strings"
	"time"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/size"
	"github.com/mvcbot/mvc/analyzer/split"
	"github.com/mvcbot/mvc/config"
	"github.com/mvcbot/mvc/report"
	ghsource "github.com/mvcbot/mvc/source/github"
	"github.com/mvcbot/mvc/source/gitrepo"
)

// prRun is one pull request's analysis, before anything is published.
type prRun struct {
	client *ghsource.Client
	pr     ghsource.PullRequest
	cfg    config.Config
	result size.Result
	// notes are caveats users should read (in the summary and as notices).
	notes []string
	// delivery is the repository's delivery health, when measured.
	delivery *report.Delivery
	// plan is the proposed split of a too-large pull request.
	plan *split.Plan
	// planOrigin says what the plan was cut from (GitHub's patches alone
	// when there is no checkout).
	planOrigin report.SplitOptions
	// local is the workspace checkout when it holds both the base and the
	// head commit (nil otherwise), opened once per run.
	local *gitrepo.Repo
	// defaultBranch is the repository's default branch from the event ("" if
	// the payload lacks it): delivery is measured there, not on the pull
	// request's merge ref the checkout sits on.
	defaultBranch string
}

func (r *runner) runPR(ctx context.Context, ev *event) (int, error) {
	run, err := r.analyzePR(ctx, ev)
	var skip *notMeasured
	if errors.As(err, &skip) {
		r.gha.Noticef("%s", skip.reason)
		return ExitOK, nil
	}
	var notShown *headNotShownError
	if errors.As(err, &notShown) {
		r.fail(TitleHeadNotShown, err)
		return ExitFailure, nil
	}
	if err != nil {
		return 0, err
	}
	return r.publishPR(ctx, run)
}

// notMeasured ends a run that has nothing to measure, before anything is
// posted: the reason is a notice and the run succeeds.
type notMeasured struct{ reason string }

func (e *notMeasured) Error() string { return e.reason }

// analyzePR reads everything a verdict needs, validating config before any
// write: a bad config stops the run with exit 2 and nothing posted.
func (r *runner) analyzePR(ctx context.Context, ev *event) (*prRun, error) {
	client, err := r.client(ctx, ev)
	if err != nil {
		return nil, err
	}
	run := &prRun{client: client, defaultBranch: ev.defaultBranch()}
	// Read the pull request afresh: labels and totals may have changed since
	// the event was queued (a rerun, a label added a second ago).
	if run.pr, err = r.readPR(ctx, client, ev); err != nil {
		return nil, err
	}
	// A closed or merged pull request gets no comment, label or status: a
	// bot labeling merged pull requests would otherwise bring a "too
	// large" comment to each old one.
	if run.pr.State == "closed" {
		return nil, &notMeasured{fmt.Sprintf("pull request #%d is closed: nothing to measure", run.pr.Number)}
	}
	if run.cfg, err = r.configAtBase(ctx, client, run.pr.BaseSHA); err != nil {
		r.statusConfigError(ctx, run, err)
		return nil, err
	}
	change, err := r.change(ctx, run)
	if err != nil {
		return nil, err
	}
	run.result = size.Measure(change, run.cfg.Size)
	r.proposeSplit(ctx, run, change)
	r.deliveryHealth(ctx, run)
	if err := r.checkHeadUnmoved(ctx, run); err != nil {
		return nil, err
	}
	return run, nil
}

// In the App, where the verdict is a commit status on the head, the head
// measured must be the pull request's current one: right after a push
// GitHub's API may still serve the previous head, and a status set there
// would leave the new head without one. The Action does not check: it
// sets no status, and rerunning an old workflow run must still measure.
const (
	staleHeadRereads = 3
	staleHeadWait    = 2 * time.Second
)

// readPR reads the pull request. In the App, a head that differs from the
// delivery's is settled by which of the two is newer (updated_at): when
// the delivery is older (it arrived late, or was redelivered by hand), the
// current head is measured, since no delivery may be left that would;
// when the API lags a push, it is read again a few times, and if it still
// lags the run fails with headNotShownError, to be redelivered. Either
// way the status goes on the head measured.
func (r *runner) readPR(ctx context.Context, client *ghsource.Client, ev *event) (ghsource.PullRequest, error) {
	pr, err := client.PullRequest(ctx, ev.prNumber())
	delivered := ev.PullRequest.GetPullRequest()
	want := delivered.GetHead().GetSHA()
	if err != nil || !r.env.CommitStatus || want == "" {
		return pr, err
	}
	for reads := 1; ; reads++ {
		switch {
		case pr.HeadSHA == want || pr.State == "closed":
			return pr, nil
		case newerThan(pr.UpdatedAt, delivered.GetUpdatedAt().Time):
			r.gha.Noticef("the event names head %s of pull request #%d, which has moved on to %s since: measuring %s",
				short(want), pr.Number, short(pr.HeadSHA), short(pr.HeadSHA))
			return pr, nil
		case reads > staleHeadRereads:
			return pr, &headNotShownError{fmt.Sprintf("GitHub's API still shows head %s of pull request #%d, not %s as the event does, after %d reads %s apart: nothing measured; redeliver this delivery once GitHub shows %s",
				short(pr.HeadSHA), pr.Number, short(want), reads, staleHeadWait, short(want))}
		}
		if err := r.clock().Sleep(ctx, staleHeadWait); err != nil {
			return pr, fmt.Errorf("wait for GitHub to show head %s of pull request #%d: %w", short(want), pr.Number, err)
		}
		if pr, err = client.PullRequest(ctx, ev.prNumber()); err != nil {
			return pr, err
		}
	}
}

// newerThan reports whether a is known to be later than b; a zero time
// is never known to be.
func newerThan(a, b time.Time) bool { return !a.IsZero() && !b.IsZero() && a.After(b) }

// headNotShownError ends an App run whose delivery names a head GitHub's
// API does not show yet: it fails (TitleHeadNotShown), so the App lets the
// delivery be redelivered.
type headNotShownError struct{ reason string }

func (e *headNotShownError) Error() string { return e.reason }

// checkHeadUnmoved re-reads the pull request after measuring, in the App:
// a push while its files were listed would otherwise get a status for a
// head whose files were not the ones measured.
func (r *runner) checkHeadUnmoved(ctx context.Context, run *prRun) error {
	if !r.env.CommitStatus {
		return nil
	}
	now, err := run.client.PullRequest(ctx, run.pr.Number)
	if err != nil {
		return err
	}
	if now.HeadSHA != run.pr.HeadSHA {
		return &notMeasured{fmt.Sprintf("pull request #%d moved from head %s to %s while it was measured: nothing posted; the delivery for the new head measures it",
			run.pr.Number, short(run.pr.HeadSHA), short(now.HeadSHA))}
	}
	return nil
}

// prSizeCostLookups caps the shipped pull requests a too-large PR's run
// reads in detail (about three requests each) to say what size costs.
const prSizeCostLookups = 25

// deliveryHealth measures delivery for the comment's "Delivery health"
// section when that is cheap (the checkout has the history) or asked for
// (an explicit deploy-source). It never fails the size check: a problem is
// logged and the section left out.
func (r *runner) deliveryHealth(ctx context.Context, run *prRun) {
	local := r.historyRepo(ctx)
	if local == nil && !r.delivery.Explicit {
		r.gha.Debugf("delivery health skipped: no checkout with full history (actions/checkout with fetch-depth: 0) and no deploy-source input")
		return
	}
	// Only an oversized pull request's comment says what size costs here,
	// which needs shipped pull requests read in detail: cap those reads.
	lookups := 0
	if run.result.Verdict == size.VerdictTooLarge {
		lookups = prSizeCostLookups
	}
	d, err := r.measureDelivery(ctx, run.client, local, run.defaultBranch, run.cfg.Size, lookups)
	if err != nil {
		r.gha.Debugf("delivery health skipped: %v", err)
		return
	}
	run.delivery = &d
}

// client builds the API client from the runner's environment.
func (r *runner) client(ctx context.Context, ev *event) (*ghsource.Client, error) {
	owner, repo, ok := strings.Cut(r.env.Getenv("GITHUB_REPOSITORY"), "/")
	if !ok && ev.Repo != nil {
		owner, repo, ok = ev.Repo.GetOwner().GetLogin(), ev.Repo.GetName(), true
	}
	if !ok || owner == "" || repo == "" {
		return nil, badInput(errors.New("GITHUB_REPOSITORY is not set to owner/name and the event names no repository"))
	}
	c, err := ghsource.NewClient(ctx, ghsource.Options{
		BaseURL:        r.env.Getenv("GITHUB_API_URL"),
		Token:          r.in.GithubToken,
		AppID:          r.in.AppID,
		AppPrivateKey:  r.in.AppPrivateKey,
		InstallationID: r.env.InstallationID,
		Tokens:         r.env.Tokens,
		Owner:          owner,
		Repo:           repo,
		HTTPClient:     r.env.HTTPClient,
		Clock:          r.clock(),
		Logger:         slog.New(workflowLog{r.gha}),
	})
	if err != nil {
		return nil, fmt.Errorf("connect to the GitHub API: %w", err)
	}
	return c, nil
}

// configAtBase reads the config file at the base commit, never the head: a
// pull request must not be able to loosen its own budget.
func (r *runner) configAtBase(ctx context.Context, client *ghsource.Client, baseSHA string) (config.Config, error) {
	return r.configAt(ctx, client, baseSHA, "base "+short(baseSHA))
}

// configAtDefaultBranch reads the config file as the default branch has
// it (at GITHUB_SHA when the event carries one of it), for report mode.
func (r *runner) configAtDefaultBranch(ctx context.Context, client *ghsource.Client) (config.Config, error) {
	ref := r.env.Getenv("GITHUB_SHA")
	where := "the default branch"
	if ref != "" {
		where = short(ref)
	}
	return r.configAt(ctx, client, ref, where)
}

// configAt reads the config file at ref ("" is the default branch) and
// merges the inputs over it. A missing file at the default path means the
// built-in defaults; at a path the workflow named, it is a mistake.
func (r *runner) configAt(ctx context.Context, client *ghsource.Client, ref, where string) (config.Config, error) {
	var file *config.File
	data, err := client.ReadFile(ctx, ref, r.in.Config)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if r.in.Config != config.DefaultPath {
			return config.Config{}, badInput(fmt.Errorf("input config: %s does not exist at %s", r.in.Config, where))
		}
	case err != nil:
		return config.Config{}, fmt.Errorf("read config: %w", err)
	default:
		if file, err = config.Parse(r.in.Config, data); err != nil {
			return config.Config{}, badInput(err)
		}
		file.Source = fmt.Sprintf("%s at %s", r.in.Config, where)
	}
	cfg, err := config.Resolve(file, config.Inputs{
		MaxLines: r.in.MaxLines, MaxFiles: r.in.MaxFiles, FailOn: r.in.FailOn,
		Comment: r.in.Comment, LabelPrefix: r.in.LabelPrefix,
		ExemptLabel: r.in.ExemptLabel, Ignore: r.in.Ignore,
	})
	if err != nil {
		return config.Config{}, badInput(err)
	}
	return cfg, nil
}

// change lists the pull request's files through the API. When the list is
// truncated (GitHub stops at 3,000 files) and the checkout has both commits,
// git measures the whole change instead. The first lines of files listed
// without a patch, and .gitattributes, come from git when the checkout has
// the commits, else from the API.
func (r *runner) change(ctx context.Context, run *prRun) (analyzer.Change, error) {
	change, err := run.client.PullRequestChange(ctx, run.pr)
	if err != nil {
		return analyzer.Change{}, err
	}
	run.local = r.localRepo(ctx, run.pr.BaseSHA, run.pr.HeadSHA)
	local := run.local
	if !listComplete(change) {
		if local != nil {
			if full, err := r.localChange(ctx, local, run.pr); err == nil {
				run.notes = append(run.notes, "GitHub listed only part of the files; mvc measured the whole change from the checkout's git history.")
				return full, nil
			} else {
				r.gha.Debugf("measure from the checkout: %v", err)
			}
		}
		run.notes = append(run.notes, "GitHub listed only part of the files and the checkout lacks the history to fill in: the size is a lower bound. Use actions/checkout with fetch-depth: 0 for an exact size.")
	}
	if err := r.readAttributes(ctx, run, &change); err != nil {
		return analyzer.Change{}, err
	}
	// After the attributes: they decide which files need their first lines.
	if err := r.fillHeaders(ctx, run, &change); err != nil {
		return analyzer.Change{}, err
	}
	return change, nil
}

// readAttributes reads the .gitattributes at the base, from the checkout
// when it has the base (no requests), else through the API.
func (r *runner) readAttributes(ctx context.Context, run *prRun, change *analyzer.Change) error {
	if run.local != nil {
		attrs, err := run.local.Attributes(ctx, run.pr.BaseSHA)
		if err == nil {
			change.Attributes = attrs
			return nil
		}
		r.gha.Debugf("read .gitattributes from the checkout: %v", err)
	}
	attrs, partial, err := run.client.Attributes(ctx, run.pr.BaseSHA)
	if err != nil {
		return err
	}
	if partial {
		run.notes = append(run.notes, "The repository tree is too large for GitHub to list: only the root .gitattributes was read.")
	}
	change.Attributes = attrs
	return nil
}

// listComplete reports whether the listed files add up to the totals.
func listComplete(c analyzer.Change) bool {
	add, del := 0, 0
	for _, f := range c.Files {
		add += f.Additions
		del += f.Deletions
	}
	return len(c.Files) >= c.Totals.Files && add >= c.Totals.Additions && del >= c.Totals.Deletions
}

// localRepo opens the workspace's git checkout when it holds both commits.
func (r *runner) localRepo(ctx context.Context, base, head string) *gitrepo.Repo {
	dir := r.files.checkoutDir()
	if dir == "" {
		return nil
	}
	repo, err := gitrepo.Open(ctx, dir)
	if err != nil || !repo.HasCommit(ctx, base) || !repo.HasCommit(ctx, head) {
		return nil
	}
	return repo
}

// localChange measures the pull request as GitHub does: from the merge
// base of base and head, not from the base branch's tip.
func (r *runner) localChange(ctx context.Context, repo *gitrepo.Repo, pr ghsource.PullRequest) (analyzer.Change, error) {
	mb, err := repo.GitString(ctx, "merge-base", pr.BaseSHA, pr.HeadSHA)
	if err != nil {
		return analyzer.Change{}, err
	}
	c, err := repo.Change(ctx, mb, pr.HeadSHA)
	if err != nil {
		return analyzer.Change{}, err
	}
	c.Labels = pr.Labels
	return c, nil
}

func short(sha string) string {
	if len(sha) > 7 {
		return sha[:7]
	}
	return sha
}
