// Package fetch gets web pages politely: a User-Agent naming newsgraph,
// timeouts, a size limit, a redirect limit, one or two requests at a time
// per host with a delay between them, robots.txt honoured, gzip, and an
// optional cache on disk so that a rebuild makes no request.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// UserAgent is sent with every request; robots.txt rules are matched
// against its first word, "newsgraph".
const UserAgent = "newsgraph/1.0 (+https://github.com/newsgraph/newsgraph; news knowledge graph builder)"

// Defaults for [Options].
const (
	DefaultTimeout      = 30 * time.Second
	DefaultMaxBytes     = 8 << 20
	DefaultMaxRedirects = 10
	DefaultDelay        = time.Second
)

// Options tune a [Client]. Zero values mean the defaults.
type Options struct {
	UserAgent    string
	Timeout      time.Duration // whole request, body included
	MaxBytes     int64         // largest body accepted (after gzip)
	MaxRedirects int
	// PerHost is how many requests may be open to one host at once:
	// 1 (the default) or 2.
	PerHost int
	// Delay is the pause between two requests to the same host; a larger
	// Crawl-delay in the host's robots.txt (up to a minute) wins.
	Delay time.Duration
	// CacheDir, if set, keeps every page fetched; a page found there is
	// never fetched again.
	CacheDir string
	// IgnoreRobots skips robots.txt (for tests of servers you own).
	IgnoreRobots bool
	// Transport replaces the HTTP transport (tests).
	Transport http.RoundTripper
}

// Page is a fetched page.
type Page struct {
	URL         string // the address asked for
	FinalURL    string // after redirects
	ContentType string
	Body        []byte
	Cached      bool // read from the cache, no request made
}

// Errors that fetches wrap, for errors.Is.
var (
	ErrRobots     = errors.New("robots.txt disallows fetching it")
	ErrStatus     = errors.New("HTTP error")
	ErrTooLarge   = errors.New("too large")
	ErrNotPage    = errors.New("not a web page")
	ErrRedirects  = errors.New("too many redirects")
	ErrRedirLoop  = errors.New("redirect loop")
	ErrBadURL     = errors.New("not an http(s) URL")
	ErrTimeout    = errors.New("timed out")
	ErrDNS        = errors.New("host not found")
	ErrConnection = errors.New("cannot connect")
)

// Client fetches pages. It is safe for concurrent use.
type Client struct {
	opt  Options
	http *http.Client
	// robotsHTTP reads robots.txt files: redirects are limited but not
	// checked against robots.txt (which would wait on itself)
	robotsHTTP *http.Client
	hosts      *hostGates
	robots     *robotsCache
	cache      *diskCache
}

// New returns a client with opt's settings.
func New(opt Options) *Client {
	if opt.UserAgent == "" {
		opt.UserAgent = UserAgent
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	if opt.MaxRedirects <= 0 {
		opt.MaxRedirects = DefaultMaxRedirects
	}
	opt.PerHost = min(max(opt.PerHost, 1), 2)
	if opt.Delay < 0 {
		opt.Delay = 0
	} else if opt.Delay == 0 {
		opt.Delay = DefaultDelay
	}
	tr := opt.Transport
	if tr == nil {
		tr = &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
			TLSHandshakeTimeout:   10 * time.Second,
			ResponseHeaderTimeout: opt.Timeout,
			MaxIdleConnsPerHost:   2,
			IdleConnTimeout:       60 * time.Second,
		}
	}
	c := &Client{opt: opt, hosts: newHostGates(opt.PerHost)}
	c.http = &http.Client{Transport: tr, Timeout: opt.Timeout, CheckRedirect: c.checkRedirect}
	c.robotsHTTP = &http.Client{Transport: tr, Timeout: opt.Timeout, CheckRedirect: func(req *http.Request, via []*http.Request) error {
		if len(via) > opt.MaxRedirects {
			return fmt.Errorf("%w (more than %d)", ErrRedirects, opt.MaxRedirects)
		}
		return nil
	}}
	c.robots = newRobotsCache(c)
	if opt.CacheDir != "" {
		c.cache = &diskCache{dir: opt.CacheDir}
	}
	return c
}

// Get fetches rawURL (or reads it from the cache). Its errors name the
// URL and the reason in one line.
func (c *Client) Get(ctx context.Context, rawURL string) (*Page, error) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%s: %w", rawURL, ErrBadURL)
	}
	if c.cache != nil {
		if p, ok := c.cache.get(rawURL); ok {
			return p, nil
		}
	}
	p, err := c.fetch(ctx, u)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", rawURL, err)
	}
	p.URL = rawURL
	if c.cache != nil {
		if err := c.cache.put(p); err != nil {
			slog.Warn("cannot cache page", "url", rawURL, "err", err)
		}
	}
	return p, nil
}

// fetch makes the request, within robots.txt and the host's turn.
func (c *Client) fetch(ctx context.Context, u *url.URL) (*Page, error) {
	if err := c.allowed(ctx, u); err != nil {
		return nil, err
	}
	release, err := c.hosts.acquire(ctx, u.Host, c.delay(u))
	if err != nil {
		return nil, err
	}
	defer release()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", c.opt.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.1")
	slog.Debug("fetch", "url", u.String())
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, describe(err, c.opt.Timeout)
	}
	defer resp.Body.Close()
	return c.readPage(resp)
}

// readPage checks the response and reads its body within the size limit.
func (c *Client) readPage(resp *http.Response) (*Page, error) {
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%w %d %s", ErrStatus, resp.StatusCode, http.StatusText(resp.StatusCode))
	}
	ct := resp.Header.Get("Content-Type")
	if !isPage(ct) {
		return nil, fmt.Errorf("%w (content type %q)", ErrNotPage, ct)
	}
	if resp.ContentLength > c.opt.MaxBytes {
		return nil, fmt.Errorf("%w (%d bytes; the limit is %d)", ErrTooLarge, resp.ContentLength, c.opt.MaxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.opt.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading the page: %w", describe(err, c.opt.Timeout))
	}
	if int64(len(body)) > c.opt.MaxBytes {
		return nil, fmt.Errorf("%w (more than %d bytes)", ErrTooLarge, c.opt.MaxBytes)
	}
	return &Page{FinalURL: resp.Request.URL.String(), ContentType: ct, Body: body}, nil
}

// isPage accepts HTML, XHTML and plain text (an article saved as text);
// a missing content type is given the benefit of the doubt.
func isPage(ct string) bool {
	if ct == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return false
	}
	return mt == "text/html" || mt == "application/xhtml+xml" || mt == "text/plain"
}

// checkRedirect stops loops and long chains, and asks robots.txt about
// each new address.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	for _, v := range via {
		if v.URL.String() == req.URL.String() {
			return fmt.Errorf("%w (back to %s after %d redirects)", ErrRedirLoop, req.URL, len(via))
		}
	}
	if len(via) > c.opt.MaxRedirects {
		return fmt.Errorf("%w (more than %d)", ErrRedirects, c.opt.MaxRedirects)
	}
	return c.allowed(req.Context(), req.URL)
}

// describe turns transport errors into one short reason.
func describe(err error, timeout time.Duration) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var dns *net.DNSError
	var op *net.OpError
	switch {
	case errors.Is(err, context.Canceled):
		return err
	case errors.Is(err, ErrRobots), errors.Is(err, ErrRedirLoop), errors.Is(err, ErrRedirects):
		return err
	case errors.As(err, &dns):
		return fmt.Errorf("%w: %s", ErrDNS, dns.Name)
	case errors.Is(err, context.DeadlineExceeded), isTimeout(err):
		return fmt.Errorf("%w after %s", ErrTimeout, timeout)
	case errors.As(err, &op) && op.Op == "dial":
		return fmt.Errorf("%w: %v", ErrConnection, op.Err)
	}
	return err
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}
