// Package app is mvc's GitHub App front door: a webhook server that runs
// the Action's pull-request flow for every repository the App is installed
// on, without a workflow.
//
// It is wiring only. The handler checks the signature, decides whether a
// delivery can change a size verdict, answers 202 at once and queues the
// work; a worker then runs action.Run in-process with a synthetic
// environment (the payload as the event file, the App's credentials as
// inputs, the installation from the payload), so the App and the Action
// measure, comment and label through the same code.
//
// Deliveries are de-duplicated by X-GitHub-Delivery (so one of an event
// mvc reads that lacks it is refused), runs for one pull
// request never overlap (so there is never a second sticky comment), and
// events for a pull request that already has a run waiting collapse into
// it: every run reads the pull request afresh.
package app
