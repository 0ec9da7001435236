package main

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/cayleygraph/cayley/cmd/cayley/command"
	"github.com/gobuffalo/packr/v2"
	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/newsgraph/newsgraph/graph"
)

func newServeCmd(g *globalFlags) *cobra.Command {
	var addr string
	var writable bool
	var timeout time.Duration
	var allowOrigins []string
	cmd := &cobra.Command{
		Use:   "serve [--db D] [--addr 127.0.0.1:64210]",
		Short: "Serve Cayley's HTTP API and web UI (query editor, visualizer) over the store",
		Long: `Serve runs Cayley's own HTTP server and web UI on the store. It is
read-only unless --writable is given, and binds to the loopback address
unless told otherwise with --addr.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			backend, address := graph.ParseDSN(g.db)
			// open once ourselves: clear errors for a missing, locked or damaged store
			st, err := graph.Open(runCtx, g.db, graph.OpenOptions{Base: g.base})
			if err != nil {
				return err
			}
			st.Close()
			if dir, err := cayleyAssetsDir(); err != nil {
				slog.Warn("web UI files not found; the API works but /ui pages will not", "err", err)
			} else {
				for _, box := range []string{"Static", "Templates", "Docs"} {
					packr.New(box, "").ResolutionDir = filepath.Join(dir, strings.ToLower(box))
				}
			}
			viper.Set(command.KeyBackend, backend)
			viper.Set(command.KeyAddress, address)
			viper.Set(command.KeyReadOnly, !writable)
			hc := command.NewHttpCmd()
			hc.Flags().String("cpuprofile", "", "")
			hc.Flags().String("memprofile", "", "")
			if err := hc.Flags().Set("host", addr); err != nil {
				return err
			}
			if err := hc.Flags().Set("timeout", timeout.String()); err != nil {
				return err
			}
			mode := "read-only"
			if writable {
				mode = "writable"
			}
			// Cayley registers its routes on http.DefaultServeMux and serves
			// it with a nil handler, which Go resolves on every request: let
			// it register on a mux of its own, then put the guard in front.
			cayleyMux := http.NewServeMux()
			http.DefaultServeMux = cayleyMux
			errc := make(chan error, 1)
			go func() { errc <- hc.RunE(hc, nil) }()
			probe, _ := http.NewRequest("GET", "/api/v1/query/gizmo", nil)
			for {
				if _, pattern := cayleyMux.Handler(probe); pattern != "" {
					break
				}
				select {
				case err := <-errc:
					return err
				case <-time.After(time.Millisecond):
				}
			}
			guarded := http.NewServeMux()
			guarded.Handle("/", newOriginGuard(cayleyMux, addr, allowOrigins))
			http.DefaultServeMux = guarded
			fmt.Fprintf(cmd.ErrOrStderr(), "newsgraph: serving %s store %s (%s, query limit %s) at http://%s/\n", backend, graph.Redact(address), mode, timeout, addr)
			if h, _, err := net.SplitHostPort(addr); err == nil {
				if ip := net.ParseIP(h); ip == nil || !ip.IsLoopback() {
					fmt.Fprintf(cmd.ErrOrStderr(), "newsgraph: warning: %s is reachable from other machines and has no authentication\n", addr)
				}
			}
			return <-errc
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:64210", "host:port to listen on")
	cmd.Flags().BoolVar(&writable, "writable", false, "allow the write and delete API and the UI's Write page")
	cmd.Flags().DurationVar(&timeout, "timeout", 30*time.Second, "stop each query after this long")
	cmd.Flags().StringSliceVar(&allowOrigins, "allow-origin", nil, "web origins (scheme://host[:port]) allowed to call the API from a browser; others are refused")
	return cmd
}

// cayleyAssetsDir finds Cayley's web UI files. Cayley v0.7.7 does not
// compile them into binaries; they live in its module directory, which is
// found from NEWSGRAPH_CAYLEY_DIR, the Go module cache, or `go env`.
func cayleyAssetsDir() (string, error) {
	ok := func(dir string) bool {
		_, err := os.Stat(filepath.Join(dir, "static"))
		return dir != "" && err == nil
	}
	if d := os.Getenv("NEWSGRAPH_CAYLEY_DIR"); ok(d) {
		return d, nil
	}
	version := "v0.7.7"
	if bi, found := debug.ReadBuildInfo(); found {
		for _, m := range bi.Deps {
			if m.Path == "github.com/cayleygraph/cayley" {
				version = m.Version
			}
		}
	}
	var caches []string
	if c := os.Getenv("GOMODCACHE"); c != "" {
		caches = append(caches, c)
	}
	if out, err := exec.Command("go", "env", "GOMODCACHE").Output(); err == nil {
		caches = append(caches, strings.TrimSpace(string(out)))
	}
	if home, err := os.UserHomeDir(); err == nil {
		caches = append(caches, filepath.Join(home, "go", "pkg", "mod"))
	}
	for _, c := range caches {
		if d := filepath.Join(c, "github.com", "cayleygraph", "cayley@"+version); ok(d) {
			return d, nil
		}
	}
	return "", errors.New("cayley " + version + " module directory not found; set NEWSGRAPH_CAYLEY_DIR")
}
