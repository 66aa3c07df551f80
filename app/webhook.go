package app

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
)

// The headers GitHub sends with every delivery.
const (
	eventHeader    = "X-GitHub-Event"
	deliveryHeader = "X-GitHub-Delivery"
)

// payloadHandlers are the events whose payload mvc reads; any other event
// is only authenticated, its body streamed through the HMAC, not kept.
var payloadHandlers = map[string]func(*Server, http.ResponseWriter, *slog.Logger, string, []byte){
	"ping": func(s *Server, w http.ResponseWriter, log *slog.Logger, _ string, _ []byte) {
		log.Info("ping")
		reply(w, http.StatusOK, "pong")
	},
	"pull_request": func(s *Server, w http.ResponseWriter, log *slog.Logger, delivery string, body []byte) {
		s.queue(w, log, delivery, body, func(delivery string, body []byte) (job, string, error) {
			return pullRequestJob(delivery, body, s.cfg.BotLogin)
		})
	},
	"issues": func(s *Server, w http.ResponseWriter, log *slog.Logger, delivery string, body []byte) {
		s.queue(w, log, delivery, body, issuesJob)
	},
	"installation": (*Server).installationChanged,
}

// webhook takes one delivery: headers first, then the signature over the
// body, then the event. It answers within GitHub's 10-second limit
// because the work is only queued here.
func (s *Server) webhook(w http.ResponseWriter, r *http.Request) {
	event, delivery := r.Header.Get(eventHeader), r.Header.Get(deliveryHeader)
	log := s.log.With("delivery", delivery, "event", event)
	sum, err := parseSignature(r.Header.Get(signatureHeader))
	if err != nil {
		s.refuse(w, log, http.StatusUnauthorized, err)
		return
	}
	if !validEventName(event) {
		s.refuse(w, log, http.StatusBadRequest, fmt.Errorf("missing or malformed %s: only GitHub's webhooks are served here", eventHeader))
		return
	}
	form, err := isForm(r.Header.Get("Content-Type"))
	if err != nil {
		s.refuse(w, log, http.StatusUnsupportedMediaType, err)
		return
	}
	handle, reads := payloadHandlers[event]
	if !reads {
		if err := s.checkStreamed(w, r, sum); err != nil {
			s.refuseRead(w, log, err)
			return
		}
		s.ignore(w, log, "mvc acts on pull_request and issues events only")
		return
	}
	if !validDeliveryID(delivery) {
		s.refuse(w, log, http.StatusBadRequest, fmt.Errorf("missing or malformed %s: only GitHub's webhooks are served here", deliveryHeader))
		return
	}
	body, err := s.readPayload(w, r)
	if err != nil {
		s.refuseRead(w, log, err)
		return
	}
	if !signedBy([]byte(s.cfg.WebhookSecret), body, sum) {
		s.refuse(w, log, http.StatusUnauthorized, errSignatureMismatch)
		return
	}
	if form {
		if body, err = formPayload(body); err != nil {
			s.refuse(w, log, http.StatusBadRequest, err)
			return
		}
	}
	handle(s, w, log, delivery, body)
}

// validEventName accepts GitHub's event names (pull_request, ping, …).
func validEventName(event string) bool {
	if event == "" || len(event) > 64 {
		return false
	}
	for _, c := range event {
		if (c < 'a' || c > 'z') && c != '_' {
			return false
		}
	}
	return true
}

// validDeliveryID accepts GitHub's delivery ids (a GUID) and anything
// like one. GitHub sends one with every delivery; one of an event mvc
// reads that has none is refused (before its body is read) rather than
// given a made-up id, since the id is what a repeated delivery is known
// by, what every log line of its run carries, and what an operator looks
// up under the App's Recent deliveries to redeliver it: a run without one
// could be neither deduplicated nor redelivered. An event mvc ignores is
// only authenticated and acknowledged, so its id matters to no one.
func validDeliveryID(id string) bool { return id != "" && len(id) <= 128 }

// refuseRead answers a delivery whose body could not be read or checked.
func (s *Server) refuseRead(w http.ResponseWriter, log *slog.Logger, err error) {
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		s.refuse(w, log, http.StatusRequestEntityTooLarge, errors.New("payload larger than GitHub's 25 MB limit"))
	case errors.Is(err, errSignatureMismatch):
		s.refuse(w, log, http.StatusUnauthorized, err)
	case errors.Is(err, errBusy):
		s.refuse(w, log, http.StatusServiceUnavailable, err)
	case isReadTimeout(err):
		s.refuse(w, log, http.StatusRequestTimeout, fmt.Errorf("payload not received within %s: GitHub sends one at once", s.bodyReadTimeout))
	default:
		s.refuse(w, log, http.StatusBadRequest, fmt.Errorf("read the payload: %w", err))
	}
}

// ignore logs and answers a delivery mvc has nothing to do for: the
// operator checking why GitHub shows a 202 finds the reason.
func (s *Server) ignore(w http.ResponseWriter, log *slog.Logger, reason string) {
	log.Info("delivery ignored", "reason", reason)
	reply(w, http.StatusAccepted, "ignored: "+reason)
}

// refuse logs and answers a delivery mvc does not take.
func (s *Server) refuse(w http.ResponseWriter, log *slog.Logger, status int, err error) {
	log.Warn("delivery refused", "status", status, "reason", err.Error())
	reply(w, status, err.Error())
}

// queue queues a delivery that can change what mvc says, decoded by
// decode.
func (s *Server) queue(w http.ResponseWriter, log *slog.Logger, delivery string, body []byte, decode func(string, []byte) (job, string, error)) {
	j, ignored, err := decode(delivery, body)
	switch {
	case err != nil:
		s.refuse(w, log, http.StatusBadRequest, err)
		return
	case ignored != "":
		s.ignore(w, log, ignored)
		return
	}
	log = log.With("repo", j.repo, "number", j.number, "action", j.action)
	if !s.seen.add(delivery) {
		log.Info("duplicate delivery skipped")
		reply(w, http.StatusOK, "duplicate delivery: already taken")
		return
	}
	joined, err := s.sched.submit(j)
	if err != nil {
		// Not taken: a redelivery of this id must run.
		s.seen.forget(delivery)
		s.refuse(w, log, http.StatusServiceUnavailable, err)
		return
	}
	log.Info("delivery queued", "joined_waiting_run", joined)
	reply(w, http.StatusAccepted, "queued")
}
