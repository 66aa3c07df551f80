package report

import (
	"fmt"

	"github.com/mvcbot/mvc/analyzer/size"
)

// PRMarker is the hidden fingerprint of mvc's sticky pull-request comment:
// reruns find the comment by it and edit it instead of posting another.
const PRMarker = "mvc:pr-report"

// PRComment is everything the sticky pull-request comment (and the step
// summary, which shows the same) can say.
type PRComment struct {
	Size size.Result
	// Brief asks for the short "now within budget" form: the comment
	// exists from an earlier too-large run and the change now fits.
	Brief bool
	// Split is the proposed stack, shown when the change is too large.
	Split []Block
	// Delivery is the repository's delivery health, when measured.
	Delivery []Block
	// Notes are caveats about how the figures were obtained.
	Notes []string
	// Settings says where the policy came from ("built-in defaults").
	Settings string
}

// Doc renders the comment. Sections with nothing to say are left out, so
// the comment stays short.
func (c PRComment) Doc() Doc {
	var d Doc
	d.Add(Marker{ID: PRMarker})
	d.Add(Heading{Level: 3, Text: prTitle(c.Size)})
	if c.Brief {
		d.Add(SizeNowWithinBudget(c.Size)...)
	} else {
		d.Add(SizeSection(c.Size)...)
	}
	for _, n := range c.Notes {
		d.Add(Paragraph{Text: "> " + n})
	}
	if len(c.Split) > 0 && c.Size.Verdict == size.VerdictTooLarge {
		d.Add(c.Split...)
	}
	if len(c.Delivery) > 0 {
		d.Add(c.Delivery...)
	}
	if c.Settings != "" {
		d.Add(Paragraph{Text: fmt.Sprintf("<sub>Settings: %s. Reported by mvc; this comment is edited in place on every push.</sub>", c.Settings)})
	}
	return d
}

// prTitle is constant: the verdict line right below it carries the news,
// and a stable title keeps edits of the sticky comment easy to scan.
func prTitle(size.Result) string { return "mvc: Minimum Viable Change check" }
