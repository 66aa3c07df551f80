package action

import (
	"os"
	"slices"
	"testing"

	"go.yaml.in/yaml/v3"
)

type actionYML struct {
	Name   string `yaml:"name"`
	Inputs map[string]struct {
		Default  string `yaml:"default"`
		Required bool   `yaml:"required"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Description string `yaml:"description"`
	} `yaml:"outputs"`
	Runs struct {
		Using string   `yaml:"using"`
		Image string   `yaml:"image"`
		Args  []string `yaml:"args"`
	} `yaml:"runs"`
}

// TestActionYMLMatchesCode keeps action.yml and the Go code in step: every
// declared input is read, every output is written, and defaults that Go
// applies are empty in action.yml (the runner always fills defaults in, so a
// non-empty one would hide the config file).
func TestActionYMLMatchesCode(t *testing.T) {
	data, err := os.ReadFile("../action.yml")
	if err != nil {
		t.Fatal(err)
	}
	var a actionYML
	if err := yaml.Unmarshal(data, &a); err != nil {
		t.Fatalf("parse action.yml: %v", err)
	}
	if a.Runs.Using != "docker" || a.Runs.Image != "Dockerfile" || !slices.Equal(a.Runs.Args, []string{"action"}) {
		t.Errorf("runs = %+v, want docker, Dockerfile, [action]", a.Runs)
	}
	var declared []string
	for name, in := range a.Inputs {
		declared = append(declared, name)
		wantDefault := map[string]string{
			"github-token": "${{ github.token }}", "mode": "auto", "config": defaultConfigPath,
		}[name]
		if in.Default != wantDefault {
			t.Errorf("input %s: default %q, want %q", name, in.Default, wantDefault)
		}
		if in.Required {
			t.Errorf("input %s: required is not enforced by the runner; validate in Go instead", name)
		}
	}
	slices.Sort(declared)
	want := slices.Sorted(slices.Values(inputNames))
	if !slices.Equal(declared, want) {
		t.Errorf("action.yml inputs %v\ncode reads %v", declared, want)
	}
	var outputs []string
	for name := range a.Outputs {
		outputs = append(outputs, name)
	}
	slices.Sort(outputs)
	if wantOut := slices.Sorted(slices.Values(outputNames)); !slices.Equal(outputs, wantOut) {
		t.Errorf("action.yml outputs %v\ncode writes %v", outputs, wantOut)
	}
}
