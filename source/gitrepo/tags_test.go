package gitrepo

import (
	"context"
	"sort"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/mvcbot/mvc/analyzer/delivery"
	"github.com/mvcbot/mvc/internal/gittest"
)

func TestTags(t *testing.T) {
	g := gittest.New(t)
	g.Write("a", "1")
	first := g.Commit("one")
	g.Write("a", "2")
	second := g.Commit("two")
	tagged := time.Date(2024, 5, 1, 9, 30, 0, 0, time.FixedZone("CEST", 2*3600))
	g.Tag("v1.0.0", first)
	g.AnnotatedTag("v1.1.0", second, tagged)
	g.AnnotatedTag("signed-again", "v1.1.0", tagged.Add(time.Hour)) // a tag of a tag
	g.Tag("tree-tag", second+"^{tree}")

	got, err := openRepo(t, g).Tags(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(got, func(i, j int) bool { return got[i].Name < got[j].Name })
	want := []delivery.Tag{
		{Name: "signed-again", SHA: second, Tagged: tagged.Add(time.Hour).UTC()},
		{Name: "v1.0.0", SHA: first},
		{Name: "v1.1.0", SHA: second, Tagged: tagged.UTC()},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Tags (-want +got):\n%s", diff)
	}
}

func TestTagsOfARepositoryWithoutTags(t *testing.T) {
	g := gittest.New(t)
	g.Commit("one")
	got, err := openRepo(t, g).Tags(context.Background())
	if err != nil || len(got) != 0 {
		t.Fatalf("Tags = %v, %v; want none", got, err)
	}
}

func TestDeliveriesTagsAndMerges(t *testing.T) {
	g := gittest.New(t)
	at := func(h int) time.Time { return gittest.Epoch.Add(time.Duration(h) * time.Hour) }
	g.Write("a", "1")
	root := g.CommitAt("root", at(0), at(0))
	g.Tag("v0.1.0", root)
	g.Git("checkout", "-q", "-b", "feature")
	g.Write("b", "1")
	g.CommitAt("feature", at(1), at(2))
	g.Git("checkout", "-q", "main")
	g.Git("merge", "-q", "--no-ff", "--no-commit", "feature")
	merge := g.CommitAt("Merge feature", at(5), at(5))
	g.Tag("release-candidate", merge)

	d := NewDeliveries(openRepo(t, g))
	tags, err := d.Deployments(context.Background(), delivery.Query{Source: delivery.SourceTags})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]delivery.Deployment{{SHA: root, At: at(0), Ref: "v0.1.0"}}, tags); diff != "" {
		t.Errorf("tags with the default pattern (-want +got):\n%s", diff)
	}
	merges, err := d.Deployments(context.Background(), delivery.Query{Source: delivery.SourceMerges})
	if err != nil {
		t.Fatal(err)
	}
	if len(merges) != 1 || merges[0].SHA != merge || !merges[0].At.Equal(at(5)) {
		t.Errorf("merges = %+v, want the one merge %s", merges, merge)
	}
	if d.Supports(delivery.SourceDeployments) || !d.Supports(delivery.SourceMerges) {
		t.Error("a clone supports tags and merges only")
	}
}
