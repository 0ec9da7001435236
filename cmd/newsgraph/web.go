package main

import (
	"errors"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/ingest/fetch"
)

// webFlags are the flags of commands that take URLs.
type webFlags struct {
	urls    string
	cache   string
	delay   time.Duration
	timeout time.Duration
	perHost int
}

// register adds the flags to cmd.
func (w *webFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&w.urls, "urls", "", "read more inputs from this file of URLs, one a line (# starts a comment)")
	fl.StringVar(&w.cache, "cache", "", "keep fetched pages in this folder; a page found there is not fetched again")
	fl.DurationVar(&w.delay, "fetch-delay", fetch.DefaultDelay, "pause between two requests to the same host (a longer robots.txt Crawl-delay wins)")
	fl.DurationVar(&w.timeout, "fetch-timeout", fetch.DefaultTimeout, "give up on a page after this long")
	fl.IntVar(&w.perHost, "per-host", 1, "requests open at once to one host (1 or 2)")
}

// inputs returns the paths and URLs given as arguments and in --urls.
func (w *webFlags) inputs(args []string) ([]string, error) {
	if w.urls == "" {
		if len(args) == 0 {
			return nil, errors.New("give at least one file, folder, URL or - (or --urls FILE)")
		}
		return args, nil
	}
	list, err := ingest.ReadURLList(w.urls)
	if err != nil {
		return nil, err
	}
	return append(append([]string(nil), args...), list...), nil
}

// client returns the fetcher the flags describe, refusing pages larger
// than maxBytes.
func (w *webFlags) client(maxBytes int) *fetch.Client {
	delay := w.delay
	if delay == 0 {
		delay = -1 // no pause (fetch reads 0 as the default)
	}
	return fetch.New(fetch.Options{CacheDir: w.cache, Delay: delay, Timeout: w.timeout, PerHost: w.perHost, MaxBytes: int64(maxBytes)})
}
