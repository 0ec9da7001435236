package fetch

import (
	"context"
	"sync"
	"time"
)

// hostGates lets at most perHost requests be open to one host, and
// spaces their starts by the host's delay.
type hostGates struct {
	perHost int
	mu      sync.Mutex
	hosts   map[string]*hostGate
}

type hostGate struct {
	slots chan struct{}
	mu    sync.Mutex
	next  time.Time // earliest start of the next request
}

func newHostGates(perHost int) *hostGates {
	return &hostGates{perHost: perHost, hosts: map[string]*hostGate{}}
}

func (g *hostGates) gate(host string) *hostGate {
	g.mu.Lock()
	defer g.mu.Unlock()
	h := g.hosts[host]
	if h == nil {
		h = &hostGate{slots: make(chan struct{}, g.perHost)}
		g.hosts[host] = h
	}
	return h
}

// acquire waits for host's turn; release gives it back.
func (g *hostGates) acquire(ctx context.Context, host string, delay time.Duration) (release func(), err error) {
	h := g.gate(host)
	select {
	case h.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	h.mu.Lock()
	wait := time.Until(h.next)
	start := time.Now().Add(max(wait, 0))
	h.next = start.Add(delay)
	h.mu.Unlock()
	if wait > 0 {
		t := time.NewTimer(wait)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			<-h.slots
			return nil, ctx.Err()
		}
	}
	return func() { <-h.slots }, nil
}
