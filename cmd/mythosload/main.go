// Command mythosload is mythosd's load generator. It connects telnet bots
// to one server, each with its own character in the start room (created on
// the first run, logged in after), has each send `look` once every -rate
// for -duration, and reports the round trips (from the write of the
// command to the prompt that ends its answer), what went unanswered, and,
// given the server's pid, the server's memory per connection and CPU.
//
//	mythosload -addr 127.0.0.1:4000 -bots 100 -rate 1s -duration 60s -ramp 10s [-prefix Bot] [-json]
//	mythosload -bots 1000 -idle -duration 30s -server-pid PID    memory per idle connection
//
// Every run is bounded: at most 10000 bots, phases of at most an hour, and
// a deadline over the whole run. The exit status is 0 when every bot got
// in and every look was answered in time, 1 otherwise, 2 for bad flags.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// slack is added to the sum of the phases for the whole run's deadline.
const slack = 30 * time.Second

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run runs the load described by args, prints the report to stdout and
// progress to stderr, and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	cfg, err := parseConfig(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintln(stderr, "mythosload:", err)
		return 2
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil)).With("component", "mythosload")
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, cfg.deadline())
	defer cancel()
	rep := newRunner(cfg, logger).run(ctx)
	if err := printReport(stdout, cfg, rep); err != nil {
		logger.Error("print report", "err", err)
		return 1
	}
	if rep.Failed() {
		return 1
	}
	return 0
}

// printReport writes the report in the format cfg asks for.
func printReport(w io.Writer, cfg config, rep Report) error {
	if cfg.JSON {
		return writeJSON(w, rep)
	}
	return writeText(w, rep)
}

// deadline bounds a whole run: ramp, login, measured phase, drain.
func (c config) deadline() time.Duration {
	return c.Ramp + c.LoginTimeout + c.Duration + c.Timeout + slack
}
