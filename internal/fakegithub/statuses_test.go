package fakegithub

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// The combined status shows each context's latest status, one state over
// them by GitHub's rule, and pages its statuses like a list.
func TestCombinedStatusFollowsGitHub(t *testing.T) {
	type status struct {
		Context, State, Description string
		TargetURL                   string `json:"target_url"`
	}
	type answer struct {
		State      string   `json:"state"`
		Statuses   []status `json:"statuses"`
		SHA        string   `json:"sha"`
		TotalCount int      `json:"total_count"`
	}
	tests := []struct {
		name  string
		set   []string // context:state, in order
		query string
		want  answer
		link  bool // a next page is linked
	}{
		{name: "none is pending", want: answer{State: "pending", Statuses: []status{}}},
		{name: "latest per context", set: []string{"mvc/size:failure", "ci:pending", "mvc/size:success", "ci:success"},
			want: answer{State: "success", TotalCount: 2, Statuses: []status{{"ci", "success", "ci", ""}, {"mvc/size", "success", "mvc/size", ""}}}},
		{name: "any pending", set: []string{"a:success", "b:pending"},
			want: answer{State: "pending", TotalCount: 2, Statuses: []status{{"b", "pending", "b", ""}, {"a", "success", "a", ""}}}},
		{name: "an error fails", set: []string{"a:error", "b:pending"},
			want: answer{State: "failure", TotalCount: 2, Statuses: []status{{"b", "pending", "b", ""}, {"a", "error", "a", ""}}}},
		{name: "paged", set: []string{"a:success", "b:success", "c:success"}, query: "?per_page=2&page=2",
			want: answer{State: "success", TotalCount: 3, Statuses: []status{{"a", "success", "a", ""}}}},
		{name: "first page links the next", set: []string{"a:success", "b:success", "c:success"}, query: "?per_page=2", link: true,
			want: answer{State: "success", TotalCount: 3, Statuses: []status{{"c", "success", "c", ""}, {"b", "success", "b", ""}}}},
	}
	sha := strings.Repeat("ab", 20)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(t)
			s.AddRepo("octo", "hello")
			for _, cs := range tt.set {
				c, st, _ := strings.Cut(cs, ":")
				body := fmt.Sprintf(`{"context":%q,"state":%q,"description":%q}`, c, st, c)
				if code, _, out := send(t, s, "POST", "/repos/octo/hello/statuses/"+sha, body); code != 201 {
					t.Fatalf("set %s: %d %s", cs, code, out)
				}
			}
			code, h, body := send(t, s, "GET", "/repos/octo/hello/commits/"+sha+"/status"+tt.query, "")
			var got answer
			if err := json.Unmarshal([]byte(body), &got); err != nil || code != 200 {
				t.Fatalf("%d %s: %v", code, body, err)
			}
			tt.want.SHA = sha
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
			if next := strings.Contains(h.Get("Link"), `rel="next"`); next != tt.link {
				t.Errorf("Link %q: next page linked = %v, want %v", h.Get("Link"), next, tt.link)
			}
		})
	}
}
