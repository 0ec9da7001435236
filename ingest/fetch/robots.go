package fetch

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
)

// maxRobotsBytes bounds a robots.txt (Google reads 500 KiB of one).
const maxRobotsBytes = 512 << 10

// maxCrawlDelay caps a robots.txt Crawl-delay.
const maxCrawlDelay = time.Minute

// robotsCache fetches each host's robots.txt once per run.
type robotsCache struct {
	c     *Client
	mu    sync.Mutex
	hosts map[string]*robotsEntry
}

type robotsEntry struct {
	once  sync.Once
	group *robotstxt.Group
	err   error
}

func newRobotsCache(c *Client) *robotsCache {
	return &robotsCache{c: c, hosts: map[string]*robotsEntry{}}
}

// agentName is the product token robots.txt groups are matched against.
func (c *Client) agentName() string {
	name, _, _ := strings.Cut(c.opt.UserAgent, "/")
	return name
}

// allowed reports (as an error) whether u may be fetched.
func (c *Client) allowed(ctx context.Context, u *url.URL) error {
	if c.opt.IgnoreRobots {
		return nil
	}
	g, err := c.robots.group(ctx, u)
	if err != nil {
		return err
	}
	path := u.EscapedPath()
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if !g.Test(path) {
		return fmt.Errorf("%w (%s://%s/robots.txt)", ErrRobots, u.Scheme, u.Host)
	}
	return nil
}

// delay is the pause between requests to u's host.
func (c *Client) delay(u *url.URL) time.Duration {
	d := c.opt.Delay
	if c.opt.IgnoreRobots {
		return d
	}
	if g, err := c.robots.group(context.Background(), u); err == nil && g.CrawlDelay > d {
		d = min(g.CrawlDelay, maxCrawlDelay)
	}
	return d
}

// group returns the robots.txt rules of u's host for newsgraph.
func (r *robotsCache) group(ctx context.Context, u *url.URL) (*robotstxt.Group, error) {
	key := u.Scheme + "://" + u.Host
	r.mu.Lock()
	e := r.hosts[key]
	if e == nil {
		e = &robotsEntry{}
		r.hosts[key] = e
	}
	r.mu.Unlock()
	e.once.Do(func() { e.group, e.err = r.fetch(ctx, key) })
	return e.group, e.err
}

// fetch reads key's robots.txt. A missing one (4xx) allows everything, a
// server error disallows everything (as Google reads them); a network
// failure is the page's failure too.
func (r *robotsCache) fetch(ctx context.Context, key string) (*robotstxt.Group, error) {
	release, err := r.c.hosts.acquire(ctx, strings.TrimPrefix(strings.TrimPrefix(key, "https://"), "http://"), r.c.opt.Delay)
	if err != nil {
		return nil, err
	}
	defer release()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, key+"/robots.txt", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", r.c.opt.UserAgent)
	resp, err := r.c.robotsHTTP.Do(req)
	if err != nil {
		return nil, describe(err, r.c.opt.Timeout)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxRobotsBytes))
	if err != nil {
		return nil, fmt.Errorf("reading robots.txt: %w", describe(err, r.c.opt.Timeout))
	}
	data, err := robotstxt.FromStatusAndBytes(resp.StatusCode, body)
	if err != nil {
		// an unparsable robots.txt says nothing: allow
		data, _ = robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
	}
	return data.FindGroup(r.c.agentName()), nil
}
