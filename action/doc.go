// Package action is mvc's GitHub Actions front door: it reads the runner's
// environment (INPUT_* variables, the event file), runs the same analysis as
// the CLI, publishes the sticky comment and labels, and writes the step
// outputs, the step summary and the JSON report. It is wiring only: the
// analysis lives in analyzer/, the I/O in source/ and publish/.
package action
