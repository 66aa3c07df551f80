package main

import (
	"context"
	"fmt"
)

func init() {
	register(&command{
		name:    "version",
		summary: "print mvc's version",
		usage:   "Usage: mvc version\n\nPrint mvc's version (also: mvc --version).\n",
		order:   100,
		run:     runVersion,
	})
}

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func runVersion(_ context.Context, e *env, args []string) error {
	if err := parseFlags(newFlagSet(commands["version"], e), args); err != nil {
		return err
	}
	_, err := fmt.Fprintf(e.stdout, "mvc %s\n", version)
	return err
}
