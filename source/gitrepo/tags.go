package gitrepo

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/mvcbot/mvc/analyzer/delivery"
)

// tagFormat prints, per tag: name, object type and name, the peeled
// object's type and name (annotated tags), and the tagger date.
const tagFormat = "--format=%(refname:strip=2)%00%(objecttype)%00%(objectname)%00%(*objecttype)%00%(*objectname)%00%(taggerdate:unix)"

// Tags lists every tag under refs/tags peeled to its commit, with the
// tagger date of annotated tags, in one git for-each-ref call. Tags of
// trees or blobs are not deployments and are left out.
func (r *Repo) Tags(ctx context.Context) ([]delivery.Tag, error) {
	out, err := r.Git(ctx, "for-each-ref", tagFormat, "refs/tags")
	if err != nil {
		return nil, fmt.Errorf("list tags of %s: %w", r.Dir, err)
	}
	var tags []delivery.Tag
	var nested []string // tags of tags: peeled one level only by for-each-ref
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\x00")
		if len(f) != 6 {
			return nil, fmt.Errorf("list tags of %s: unexpected line %q", r.Dir, sc.Text())
		}
		name, typ, obj, peeledType, peeled, tagged := f[0], f[1], f[2], f[3], f[4], f[5]
		switch {
		case typ == "commit":
			tags = append(tags, delivery.Tag{Name: name, SHA: obj})
		case typ == "tag" && peeledType == "commit":
			tags = append(tags, delivery.Tag{Name: name, SHA: peeled, Tagged: taggerTime(tagged)})
		case typ == "tag" && peeledType == "tag":
			nested = append(nested, name)
		}
	}
	resolved, err := r.peelNested(ctx, nested)
	return append(tags, resolved...), err
}

// taggerTime reads a tagger date; an annotated tag without a tagger line
// (some very old tags) gives zero, which means "use the commit's date".
func taggerTime(s string) time.Time {
	t, err := unixTime(s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// peelNested resolves tags of tags to their commits in one cat-file call.
// Their time is the outermost tag's tagger date, read in the same call.
func (r *Repo) peelNested(ctx context.Context, names []string) ([]delivery.Tag, error) {
	if len(names) == 0 {
		return nil, nil
	}
	var in strings.Builder
	for _, n := range names {
		fmt.Fprintf(&in, "refs/tags/%s^{commit}\n", n)
	}
	cmd := r.Command(ctx, "cat-file", "--batch-check=%(objectname) %(objecttype)")
	cmd.Stdin = strings.NewReader(in.String())
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("peel nested tags of %s: %w", r.Dir, err)
	}
	dates, err := r.Git(ctx, "for-each-ref", "--format=%(refname:strip=2) %(taggerdate:unix)", "refs/tags")
	if err != nil {
		return nil, fmt.Errorf("read tag dates of %s: %w", r.Dir, err)
	}
	tagged := map[string]time.Time{}
	for _, line := range strings.Split(string(dates), "\n") {
		if name, secs, ok := strings.Cut(line, " "); ok {
			tagged[name] = taggerTime(secs)
		}
	}
	var tags []delivery.Tag
	for i, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		sha, typ, _ := strings.Cut(line, " ")
		if i < len(names) && typ == "commit" {
			tags = append(tags, delivery.Tag{Name: names[i], SHA: sha, Tagged: tagged[names[i]]})
		}
	}
	return tags, nil
}
