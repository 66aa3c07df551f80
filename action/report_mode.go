package action

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"

	"github.com/mvcbot/mvc/publish"
	"github.com/mvcbot/mvc/report"
)

// reportLabel marks the repository's one delivery report issue.
const reportLabel = "mvc/report"

// reportLookups caps the shipped pull requests report mode reads in detail
// (about three requests each) for the lead-time stages and size costs.
const reportLookups = 200

// runReport is report mode (schedule, workflow_dispatch, push to the
// default branch): the full delivery report in the step summary, and one
// sticky issue per repository, labelled mvc/report and edited in place.
func (r *runner) runReport(ctx context.Context, ev *event) (int, error) {
	client, err := r.client(ctx, ev)
	if err != nil {
		return 0, err
	}
	cfg, err := r.configAtDefaultBranch(ctx, client)
	if err != nil {
		return 0, err
	}
	d, err := r.measureDelivery(ctx, client, r.historyRepo(ctx), ev.defaultBranch(), cfg.Size, reportLookups)
	var bad *badInputError
	switch {
	case errors.As(err, &bad):
		return 0, err // names the input on its own
	case err != nil:
		return 0, fmt.Errorf("measure delivery: %w", err)
	}
	doc := report.DeliveryReport(d)
	r.addSummary(report.Markdown(doc))

	var body report.Doc
	body.Add(report.Marker{ID: report.DeliveryMarker})
	body.Add(doc.Blocks...)
	res, err := publish.PublishIssue(ctx, client, publish.StickyIssue{
		Label:  reportLabel,
		Marker: "<!-- " + report.DeliveryMarker + " -->",
		Title:  "mvc delivery report",
		Body:   report.Markdown(body),
	})
	if err != nil {
		return 0, fmt.Errorf("publish the delivery report issue: %w", err)
	}
	if w := res.Warning(); w != "" {
		r.gha.Warningf("%s", w)
	} else if res.URL != "" {
		r.gha.Noticef("delivery report %s: %s", res.Action, res.URL)
	}

	data, err := json.MarshalIndent(d.Metrics, "", "  ")
	if err != nil {
		return 0, fmt.Errorf("encode the report: %w", err)
	}
	path, err := r.writeReport(r.in.ReportFile, append(data, '\n'))
	if err != nil {
		return 0, err
	}
	outputs := map[string]string{"report": path}
	maps.Copy(outputs, deliveryOutputs(d.Metrics))
	r.setOutputs(outputs)
	return ExitOK, nil
}
