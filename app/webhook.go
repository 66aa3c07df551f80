package app

import (
	"errors"
	"io"
	"log/slog"
	"net/http"
)

// The headers GitHub sends with every delivery.
const (
	eventHeader    = "X-GitHub-Event"
	deliveryHeader = "X-GitHub-Delivery"
)

// webhook takes one delivery: signature first, then the event. It answers
// within GitHub's 10-second limit because the work is only queued here.
func (s *Server) webhook(w http.ResponseWriter, r *http.Request) {
	event, delivery := r.Header.Get(eventHeader), r.Header.Get(deliveryHeader)
	log := s.log.With("delivery", delivery, "event", event)
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxPayload))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			reply(w, http.StatusRequestEntityTooLarge, "payload larger than GitHub's 25 MB limit")
			return
		}
		reply(w, http.StatusBadRequest, "read the payload: "+err.Error())
		return
	}
	if err := verifySignature([]byte(s.cfg.WebhookSecret), body, r.Header.Get(signatureHeader)); err != nil {
		log.Warn("delivery refused", "reason", err.Error())
		reply(w, http.StatusUnauthorized, err.Error())
		return
	}
	switch event {
	case "ping":
		log.Info("ping")
		reply(w, http.StatusOK, "pong")
	case "pull_request":
		s.queue(w, log, delivery, body, pullRequestJob)
	case "issues":
		s.queue(w, log, delivery, body, issuesJob)
	default:
		reply(w, http.StatusAccepted, "ignored: mvc acts on pull_request and issues events only")
	}
}

// queue queues a delivery that can change what mvc says, decoded by
// decode.
func (s *Server) queue(w http.ResponseWriter, log *slog.Logger, delivery string, body []byte, decode func(string, []byte) (job, string, error)) {
	j, ignored, err := decode(delivery, body)
	switch {
	case err != nil:
		log.Warn("delivery refused", "reason", err.Error())
		reply(w, http.StatusBadRequest, err.Error())
		return
	case ignored != "":
		reply(w, http.StatusAccepted, "ignored: "+ignored)
		return
	}
	log = log.With("repo", j.repo, "number", j.number, "action", j.action)
	if delivery != "" && !s.seen.add(delivery) {
		log.Info("duplicate delivery skipped")
		reply(w, http.StatusOK, "duplicate delivery: already taken")
		return
	}
	joined, err := s.sched.submit(j)
	if err != nil {
		// Not taken: a redelivery of this id must run.
		s.seen.forget(delivery)
		log.Warn("delivery refused", "reason", err.Error())
		reply(w, http.StatusServiceUnavailable, err.Error())
		return
	}
	log.Info("delivery queued", "joined_waiting_run", joined)
	reply(w, http.StatusAccepted, "queued")
}
