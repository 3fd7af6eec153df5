package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"

	"mythosd/store"
)

// runGrantAdmin is `mythosd grant-admin [-data DIR] [-revoke] NAME`: it sets
// (or with -revoke clears) the admin flag of the account NAME. It works on
// the database directly, so run it while the server is stopped or running
// alike (SQLite's WAL allows it); a running server sees the flag at the
// character's next login. It returns 0, 1 on failure, 2 for bad arguments.
func runGrantAdmin(args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("mythosd grant-admin", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", "./var", "`DIR` holding the database (as for the server)")
	revoke := fs.Bool("revoke", false, "take the admin flag away instead")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if v := getenv(envName("data")); v != "" && !flagGiven(fs, "data") {
		*data = v
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: mythosd grant-admin [-data DIR] [-revoke] NAME")
		return 2
	}
	name := fs.Arg(0)
	db, err := store.Open(filepath.Join(*data, dbFile), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		fmt.Fprintln(stderr, "mythosd:", err)
		return 1
	}
	defer db.Close()
	err = db.SetAdmin(context.Background(), name, !*revoke)
	if errors.Is(err, store.ErrNotFound) {
		fmt.Fprintf(stderr, "mythosd: no account called %q in %s\n", name, db.Path())
		return 1
	}
	if err != nil {
		fmt.Fprintln(stderr, "mythosd:", err)
		return 1
	}
	verb := "is now an admin"
	if *revoke {
		verb = "is no longer an admin"
	}
	fmt.Fprintf(stdout, "%s %s\n", name, verb)
	return 0
}

// flagGiven reports whether the named flag was set on the command line.
func flagGiven(fs *flag.FlagSet, name string) bool {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	return given
}
