package main

import (
	"fmt"
	"io"
	"log/slog"
)

// parseLevel reads a log level name.
func parseLevel(name string) (slog.Level, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(name)); err != nil {
		return l, fmt.Errorf("%q is not a level; use debug, info, warn or error", name)
	}
	return l, nil
}

// newLogger makes the process's root logger.
func newLogger(w io.Writer, format, level string) *slog.Logger {
	lvl, _ := parseLevel(level) // validated already
	opts := &slog.HandlerOptions{Level: lvl}
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}
