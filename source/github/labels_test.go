package github

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/mvcbot/mvc/internal/fakegithub"
)

func TestLabelNamesWithSlashesAreEscaped(t *testing.T) {
	f := newFixture(t)
	f.repo.AddLabel("size/XL", "ededed")
	f.repo.AddPull(fakegithub.Pull{Number: 1, Labels: []string{"size/XL", "bug"}})
	ctx := context.Background()
	if _, err := f.client.UpdateLabelColor(ctx, "size/XL", "ee5500"); err != nil {
		t.Fatal(err)
	}
	if err := f.client.RemoveLabel(ctx, 1, "size/XL"); err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, r := range f.srv.Requests() {
		paths = append(paths, r.Method+" "+r.Path)
	}
	want := []string{"PATCH /repos/octo/hello/labels/size%2FXL", "DELETE /repos/octo/hello/issues/1/labels/size%2FXL"}
	if diff := cmp.Diff(want, paths); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
	if got := f.repo.Label("size/XL").GetColor(); got != "ee5500" {
		t.Errorf("colour = %s", got)
	}
	if got := f.repo.IssueLabels(1); !cmp.Equal(got, []string{"bug"}) {
		t.Errorf("labels = %v, want bug alone", got)
	}
}

func TestRemovingAnAbsentLabelSucceeds(t *testing.T) {
	f := newFixture(t)
	f.repo.AddPull(fakegithub.Pull{Number: 1})
	if err := f.client.RemoveLabel(context.Background(), 1, "size/S"); err != nil {
		t.Errorf("err = %v, want none: the label is already gone", err)
	}
}

func TestAddLabelsReturnsColours(t *testing.T) {
	f := newFixture(t)
	f.repo.AddLabel("bug", "d73a4a")
	f.repo.AddPull(fakegithub.Pull{Number: 1, Labels: []string{"bug"}})
	got, err := f.client.AddLabels(context.Background(), 1, "size/M")
	if err != nil {
		t.Fatal(err)
	}
	want := []Label{{Name: "bug", Color: "d73a4a"}, {Name: "size/M", Color: fakegithub.DefaultLabelColor}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("labels (-want +got):\n%s", diff)
	}
}

func TestCreateLabelErrors(t *testing.T) {
	f := newFixture(t)
	f.repo.AddLabel("size/S", "77bb00")
	ctx := context.Background()
	tests := []struct {
		label Label
		want  string
	}{
		{Label{Name: "size/S", Color: "77bb00"}, "create label size/S: GitHub answered 422 Validation Failed (Label.name already_exists)"},
		{Label{Name: "size/M", Color: "#eebb00"}, "create label size/M: GitHub answered 422 Validation Failed (Label.color invalid)"},
	}
	for _, tt := range tests {
		_, err := f.client.CreateLabel(ctx, tt.label)
		if !IsValidation(err) || err == nil || err.Error() != tt.want {
			t.Errorf("CreateLabel(%+v) = %v\nwant %s", tt.label, err, tt.want)
		}
	}
	got, err := f.client.CreateLabel(ctx, Label{Name: "size/XXL", Color: "ee0000", Description: "huge"})
	if err != nil || got != (Label{Name: "size/XXL", Color: "ee0000", Description: "huge"}) {
		t.Errorf("CreateLabel = %+v, %v", got, err)
	}
}
