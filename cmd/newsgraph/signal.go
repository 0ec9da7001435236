package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// interrupted is the cause of runCtx's cancellation when a signal stops
// the command.
type interrupted struct{ sig syscall.Signal }

func (e interrupted) Error() string { return "stopped by " + signalName(e.sig) }

// exitCode is the shell's status for a process killed by the signal:
// 130 for SIGINT, 143 for SIGTERM.
func (e interrupted) exitCode() int { return 128 + int(e.sig) }

func signalName(s syscall.Signal) string {
	switch s {
	case syscall.SIGINT:
		return "SIGINT"
	case syscall.SIGTERM:
		return "SIGTERM"
	}
	return s.String()
}

// stopMessage is printed once, on the first signal.
const stopMessage = "newsgraph: stopping… (press Ctrl-C again to quit at once)"

// watchSignals returns a context cancelled, with an [interrupted] cause, by
// the first SIGINT or SIGTERM. The first signal prints stopMessage to
// stderr; the second exits the process at once through exit (status 130
// for SIGINT, 143 for SIGTERM) — an explicit exit rather than the default
// disposition, which is "ignore" for a SIGINT sent to a job a
// non-interactive shell started in the background. stop releases the
// signals.
func watchSignals(parent context.Context, stderr io.Writer, exit func(int)) (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(parent)
	sigc := make(chan os.Signal, 2)
	signal.Notify(sigc, syscall.SIGINT, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		first := true
		for {
			select {
			case s := <-sigc:
				sig, _ := s.(syscall.Signal)
				if !first {
					exit(interrupted{sig}.exitCode())
					return
				}
				first = false
				fmt.Fprintln(stderr, stopMessage)
				cancel(interrupted{sig})
			case <-done:
				return
			}
		}
	}()
	return ctx, func() {
		signal.Stop(sigc)
		close(done)
		cancel(context.Canceled)
	}
}

// exitStatus turns a command's error into the process's exit status and
// the message to print ("" for none). A command that fails because a
// signal stopped it exits 128+signal; one that finished its work in spite
// of the signal (serve's graceful shutdown) exits 0.
func exitStatus(ctx context.Context, err error) (int, string) {
	if err == nil {
		return 0, ""
	}
	var in interrupted
	if errors.As(context.Cause(ctx), &in) {
		msg := "newsgraph: " + in.Error()
		var ee exitError
		if !errors.Is(err, context.Canceled) && !errors.As(err, &in) && !errors.As(err, &ee) {
			msg += ": " + err.Error()
		}
		return in.exitCode(), msg
	}
	var ee exitError
	if errors.As(err, &ee) {
		return ee.code, ""
	}
	return 1, "newsgraph: " + err.Error()
}
