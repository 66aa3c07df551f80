package app

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

var (
	errQueueFull    = errors.New("the work queue is full: GitHub can redeliver this later")
	errShuttingDown = errors.New("mvc is shutting down: GitHub can redeliver this later")
)

// scheduler runs jobs on a fixed number of workers, one pull request at a
// time: a pull request with a run queued or in progress holds a slot, and
// a new event for it waits in the slot instead of taking a worker. Only
// one waiting event is kept, since every run reads the pull request
// afresh: the newest, by the pull request's updated_at in the payload, so
// a late delivery naming an older head cannot displace the one naming the
// newer head. The queue is bounded by the number of pull requests waiting.
type scheduler struct {
	run func(ctx context.Context, j job)
	// drop is told of each job not started because shutdown's deadline
	// passed first.
	drop  func(j job)
	now   func() time.Time
	queue chan string // keys of the pull requests waiting for a worker
	ctx   context.Context
	stop  context.CancelFunc // cancels runs still going when shutdown's deadline passes

	mu      sync.Mutex
	idle    *sync.Cond
	slots   map[string]*job      // key → the newest job not started yet (nil: none)
	running map[string]time.Time // key → when its run started, for /healthz
	closed  bool
	expired bool // shutdown's deadline passed: start nothing more
	workers sync.WaitGroup
}

func newScheduler(workers, queue int, now func() time.Time, run func(context.Context, job), drop func(job)) *scheduler {
	ctx, stop := context.WithCancel(context.Background())
	s := &scheduler{run: run, drop: drop, now: now, queue: make(chan string, queue), ctx: ctx, stop: stop, slots: map[string]*job{}, running: map[string]time.Time{}}
	s.idle = sync.NewCond(&s.mu)
	for range workers {
		s.workers.Add(1)
		go s.work()
	}
	return s
}

// submit queues j. It reports whether j joined a run already waiting for
// its pull request (and replaced that run's event).
func (s *scheduler) submit(j job) (joined bool, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return false, errShuttingDown
	}
	key := j.key()
	if waiting, ok := s.slots[key]; ok {
		switch {
		case waiting == nil:
		case !j.updatedAt.IsZero() && j.updatedAt.Before(waiting.updatedAt):
			waiting.folded = append(waiting.folded, j.delivery)
			return true, nil
		default:
			j.folded = append(waiting.folded, waiting.delivery)
		}
		s.slots[key] = &j
		return waiting != nil, nil
	}
	select {
	case s.queue <- key:
		s.slots[key] = &j
		return false, nil
	default:
		return false, errQueueFull
	}
}

// work runs the pull requests handed to it until the queue is closed and
// drained, each until no event waits for it any more. Past shutdown's
// deadline it drains without running: a run started then would only be
// cancelled at once.
func (s *scheduler) work() {
	defer s.workers.Done()
	for key := range s.queue {
		for j, start := s.take(key); j != nil; j, start = s.take(key) {
			if !start {
				s.drop(*j)
				continue
			}
			s.run(s.ctx, *j)
			s.finished(key)
		}
	}
}

// take hands out the job waiting for key, or frees the slot; start is
// false when the job must be dropped instead of run.
func (s *scheduler) take(key string) (j *job, start bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	j = s.slots[key]
	if j == nil {
		delete(s.slots, key)
		if len(s.slots) == 0 {
			s.idle.Broadcast()
		}
		return nil, false
	}
	s.slots[key] = nil // taken: the slot stays, so the pull request's next event waits
	if s.expired {
		return j, false
	}
	s.running[key] = s.now()
	return j, true
}

func (s *scheduler) finished(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.running, key)
}

// startedBefore counts the runs going on that started before t.
func (s *scheduler) startedBefore(t time.Time) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, started := range s.running {
		if started.Before(t) {
			n++
		}
	}
	return n
}

// wait returns once no run is queued or in progress.
func (s *scheduler) wait() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for len(s.slots) > 0 {
		s.idle.Wait()
	}
}

// shutdown stops taking jobs and lets the workers finish what was queued.
// When ctx ends first, the runs still going are cancelled and awaited and
// the jobs not started are dropped; the error then says how many of each.
func (s *scheduler) shutdown(ctx context.Context) error {
	s.mu.Lock()
	if !s.closed {
		s.closed = true
		close(s.queue)
	}
	s.mu.Unlock()
	done := make(chan struct{})
	go func() { s.workers.Wait(); close(done) }()
	select {
	case <-done:
		s.stop()
		return nil
	case <-ctx.Done():
	}
	running, waiting := s.expire()
	s.stop()
	<-done
	if running+waiting == 0 { // the last run ended just as the deadline passed
		return nil
	}
	return fmt.Errorf("%d runs cancelled and %d not started at the shutdown deadline: %w", running, waiting, ctx.Err())
}

// expire makes the workers start nothing more and counts the runs going
// on and the jobs waiting.
func (s *scheduler) expire() (running, waiting int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.expired = true
	for _, j := range s.slots {
		if j != nil {
			waiting++
		}
	}
	return len(s.running), waiting
}
