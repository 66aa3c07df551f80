package publish

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/mvcbot/mvc/analyzer/size"
	"github.com/mvcbot/mvc/config"
	"github.com/mvcbot/mvc/internal/fakegithub"
)

func labelsConfig() config.Labels { return config.Default().Labels }

func TestSizeLabel(t *testing.T) {
	tests := []struct {
		name     string
		existing map[string]string // repository labels and colours
		current  []string
		size     size.Size
		want     LabelResult
		labels   []string
		counts   counts
	}{
		{
			name: "stale label replaced, unrelated labels kept", existing: map[string]string{"size/S": "77bb00"},
			current: []string{"bug", "size/XL", "mvc/exempt"}, size: size.S,
			want:   LabelResult{Action: Updated, Added: "size/S", Removed: []string{"size/XL"}, Reason: "added size/S; removed size/XL"},
			labels: []string{"bug", "mvc/exempt", "size/S"}, counts: counts{0, 2},
		},
		{
			name: "missing label created with its colour", current: []string{"bug"}, size: size.XXL,
			want:   LabelResult{Action: Updated, Added: "size/XXL", Colored: true, Reason: "added size/XXL"},
			labels: []string{"bug", "size/XXL"}, counts: counts{0, 2},
		},
		{
			name: "a label its owners recoloured keeps its colour", existing: map[string]string{"size/M": "123456"},
			size: size.M, want: LabelResult{Action: Updated, Added: "size/M", Reason: "added size/M"},
			labels: []string{"size/M"}, counts: counts{0, 1},
		},
		{
			name: "already right: no writes", current: []string{"size/L", "bug"}, size: size.L,
			want:   LabelResult{Action: Unchanged, Reason: "size/L is already the only size label"},
			labels: []string{"size/L", "bug"}, counts: counts{0, 0},
		},
		{
			name: "right label, stale ones removed, case-insensitively", current: []string{"size/L", "Size/XS", "size/M"}, size: size.L,
			want:   LabelResult{Action: Updated, Removed: []string{"Size/XS", "size/M"}, Reason: "removed Size/XS, size/M"},
			labels: []string{"size/L"}, counts: counts{0, 2},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, fakegithub.Pull{})
			for name, color := range tt.existing {
				f.repo.AddLabel(name, color)
			}
			// Reseed #1 now that the labels exist with their colours.
			f.repo.AddPull(fakegithub.Pull{Number: 1, Labels: tt.current})
			got, err := PublishSizeLabel(context.Background(), f.client, SizeLabel{Number: 1, Size: tt.size, Labels: labelsConfig(), Current: tt.current})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("result (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.labels, f.repo.IssueLabels(1)); diff != "" {
				t.Errorf("labels on the pull request (-want +got):\n%s", diff)
			}
			if f.counts() != tt.counts {
				t.Errorf("cost %+v, want %+v", f.counts(), tt.counts)
			}
		})
	}
}

func TestNewLabelGetsProwsColour(t *testing.T) {
	f := newFixture(t, fakegithub.Pull{})
	if _, err := PublishSizeLabel(context.Background(), f.client, SizeLabel{Number: 1, Size: size.XL, Labels: labelsConfig()}); err != nil {
		t.Fatal(err)
	}
	if got := f.repo.Label("size/XL").GetColor(); got != "ee5500" {
		t.Errorf("colour = %s, want prow's ee5500", got)
	}
	var paths []string
	for _, r := range f.srv.Requests() {
		paths = append(paths, r.Method+" "+r.Path)
	}
	want := []string{"POST /repos/octo/hello/issues/1/labels", "PATCH /repos/octo/hello/labels/size%2FXL"}
	if diff := cmp.Diff(want, paths); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
}

func TestSizeLabelOnAReadOnlyToken(t *testing.T) {
	f := newFixture(t, fakegithub.Pull{Labels: []string{"size/XS"}})
	f.srv.SetReadOnly(true)
	got, err := PublishSizeLabel(context.Background(), f.client, SizeLabel{Number: 1, Size: size.L, Labels: labelsConfig(), Current: []string{"size/XS"}})
	if err != nil {
		t.Fatalf("err = %v, want a read-only result", err)
	}
	if got.Action != ReadOnly || got.Added != "" || got.Warning() == "" {
		t.Errorf("result %+v", got)
	}
	if f.srv.Writes() != 1 {
		t.Errorf("writes = %d: stop at the first refusal", f.srv.Writes())
	}
}

func TestSizeLabelFailureIsAnError(t *testing.T) {
	f := newFixture(t, fakegithub.Pull{})
	f.srv.FailNext("POST", "/repos/octo/hello/issues/1/labels", 422, nil,
		`{"message":"Validation Failed","errors":[{"resource":"Label","field":"name","code":"invalid"}]}`)
	_, err := PublishSizeLabel(context.Background(), f.client, SizeLabel{Number: 1, Size: size.S, Labels: labelsConfig()})
	want := "set the size label: add label size/S to #1: GitHub answered 422 Validation Failed (Label.name invalid)"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant  %s", err, want)
	}
}
