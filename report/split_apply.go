package report

import (
	"fmt"
	"strings"
)

// StackBranch is a branch `mvc split --apply` created for one part.
type StackBranch struct {
	Name   string
	Commit string
	Title  string
}

// StackDoc tells what `mvc split --apply` created and how to publish the
// stack: push the branches and open one pull request per part, each based
// on the one below, with gh, Graphite or git-branchless. Trunk is the
// branch the bottom part merges into.
func StackDoc(branches []StackBranch, trunk string) Doc {
	var d Doc
	noun := "branches"
	if len(branches) == 1 {
		noun = "branch"
	}
	d.Add(Heading{Level: 2, Text: fmt.Sprintf("Stack created: %d %s", len(branches), noun)})
	items := make([]string, len(branches))
	for i, b := range branches {
		items[i] = fmt.Sprintf("%s at `%s`: %s", code(b.Name), sizeShortSHA(b.Commit), mdText(b.Title))
	}
	d.Add(Paragraph{Text: "Each branch holds one part, on top of the one before; the last has exactly the head's content. The working tree and the current branch are unchanged."})
	d.Add(List{Ordered: true, Items: items})
	if len(branches) == 0 {
		return d
	}
	d.Add(Paragraph{Text: "Push the branches and open the stacked pull requests, bottom first, each based on the branch below:"})
	d.Add(Code{Lang: "sh", Text: ghSteps(branches, trunk)})
	d.Add(Paragraph{Text: "Or with Graphite, track the branches bottom first and submit the stack:"})
	d.Add(Code{Lang: "sh", Text: gtSteps(branches, trunk)})
	d.Add(Paragraph{Text: "Or with git-branchless, from the top branch:"})
	d.Add(Code{Lang: "sh", Text: fmt.Sprintf("git switch %s\ngit submit --create\n", shellQuote(branches[len(branches)-1].Name))})
	return d
}

func ghSteps(branches []StackBranch, trunk string) string {
	var b strings.Builder
	names := make([]string, len(branches))
	for i, br := range branches {
		names[i] = shellQuote(br.Name)
	}
	fmt.Fprintf(&b, "git push -u origin %s\n", strings.Join(names, " "))
	parent := trunk
	for i, br := range branches {
		body := fmt.Sprintf("Part %d of %d of a stack proposed by mvc split.", i+1, len(branches))
		if i > 0 {
			body += " Merge it after the pull request of " + branches[i-1].Name + "."
		}
		fmt.Fprintf(&b, "gh pr create --base %s --head %s --title %s --body %s\n",
			shellQuote(parent), shellQuote(br.Name), shellQuote(br.Title), shellQuote(body))
		parent = br.Name
	}
	return b.String()
}

func gtSteps(branches []StackBranch, trunk string) string {
	var b strings.Builder
	parent := trunk
	for _, br := range branches {
		fmt.Fprintf(&b, "gt track %s --parent %s\n", shellQuote(br.Name), shellQuote(parent))
		parent = br.Name
	}
	b.WriteString("gt submit --stack\n")
	return b.String()
}
