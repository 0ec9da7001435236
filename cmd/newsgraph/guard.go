package main

import (
	"net"
	"net/http"
	"strings"
)

// originGuard sits in front of Cayley's HTTP handlers. Cayley v0.7.7
// answers every Origin with Access-Control-Allow-Origin and accepts
// text/plain writes, so any web page open in the user's browser could read
// — and with --writable, change — a local graph. The guard refuses
// requests from other origins unless allow-listed, and requests whose Host
// is not the address being served (DNS rebinding).
type originGuard struct {
	next  http.Handler
	allow map[string]bool // allowed origins, e.g. "https://newsroom.example"
	hosts map[string]bool // accepted Host headers
}

func newOriginGuard(next http.Handler, addr string, allow []string) *originGuard {
	g := &originGuard{next: next, allow: map[string]bool{}, hosts: map[string]bool{}}
	for _, o := range allow {
		g.allow[strings.TrimSuffix(o, "/")] = true
	}
	host, port, err := net.SplitHostPort(addr)
	if err == nil {
		g.hosts[addr] = true
		if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsLoopback() || host == "localhost" {
			for _, h := range []string{"127.0.0.1", "localhost", "[::1]"} {
				g.hosts[h+":"+port] = true
			}
		}
		if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
			g.hosts = nil // listening on every interface: any Host
		}
	}
	return g
}

func (g *originGuard) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if g.hosts != nil && !g.hosts[r.Host] {
		http.Error(w, "newsgraph: unexpected Host header "+r.Host, http.StatusForbidden)
		return
	}
	origin := r.Header.Get("Origin")
	switch {
	case origin == "" || origin == "http://"+r.Host:
		// not from a browser, or from the served UI itself
		w.Header().Del("Access-Control-Allow-Origin")
		g.next.ServeHTTP(noCORS{w}, r)
	case g.allow[origin]:
		g.next.ServeHTTP(w, r)
	default:
		http.Error(w, "newsgraph: cross-origin request from "+origin+" refused (see serve --allow-origin)", http.StatusForbidden)
	}
}

// noCORS drops the Access-Control-Allow-Origin header Cayley adds.
type noCORS struct{ http.ResponseWriter }

func (w noCORS) WriteHeader(code int) {
	w.Header().Del("Access-Control-Allow-Origin")
	w.ResponseWriter.WriteHeader(code)
}

func (w noCORS) Write(b []byte) (int, error) {
	w.Header().Del("Access-Control-Allow-Origin")
	return w.ResponseWriter.Write(b)
}
