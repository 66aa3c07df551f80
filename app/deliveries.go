package app

import "sync"

// deliveries remembers the most recent delivery ids, so a delivery GitHub
// sends twice runs once. It is bounded: the oldest id is forgotten first.
// It lives in memory, so a restart forgets it; that costs at most one
// repeated run, which edits the same comment.
type deliveries struct {
	mu   sync.Mutex
	slot map[string]int // id → its index in ring
	ring []string       // the remembered ids; next is overwritten first
	next int
}

func newDeliveries(capacity int) *deliveries {
	return &deliveries{slot: make(map[string]int, capacity), ring: make([]string, max(1, capacity))}
}

// add records id and reports whether it was new.
func (d *deliveries) add(id string) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	if _, seen := d.slot[id]; seen {
		return false
	}
	if old := d.ring[d.next]; old != "" {
		delete(d.slot, old)
	}
	d.ring[d.next] = id
	d.slot[id] = d.next
	d.next = (d.next + 1) % len(d.ring)
	return true
}

// forget drops id, so a redelivery runs again (after a failed run, or when
// the queue refused it).
func (d *deliveries) forget(id string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if i, ok := d.slot[id]; ok {
		d.ring[i] = ""
		delete(d.slot, id)
	}
}
