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

// runGrantAdmin is `mythosd grant-admin [-data DIR] [-revoke] NAME`: it
// grants (or with -revoke revokes) the admin role of the account NAME; see
// runGrantRole.
func runGrantAdmin(args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	return grantRole(args, 1, "mythosd grant-admin [-data DIR] [-revoke] NAME", getenv, stdout, stderr)
}

// runGrantRole is `mythosd grant-role [-data DIR] [-revoke] NAME ROLE`: it
// grants (or with -revoke revokes) ROLE (builder or admin) to the account
// NAME. It works on the database directly, so run it while the server is
// stopped or running alike (SQLite's WAL allows it); a running server sees
// the role at the character's next login. It returns 0, 1 on failure, 2 for
// bad arguments.
func runGrantRole(args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	return grantRole(args, 2, "mythosd grant-role [-data DIR] [-revoke] NAME ROLE", getenv, stdout, stderr)
}

// grantRole parses the flags and nargs arguments (NAME, then ROLE when
// there are two; admin when there is one) and sets the role.
func grantRole(args []string, nargs int, usage string, getenv func(string) string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet(usage, flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", "./var", "`DIR` holding the database (as for the server)")
	revoke := fs.Bool("revoke", false, "take the role away instead")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if v := getenv(envName("data")); v != "" && !flagGiven(fs, "data") {
		*data = v
	}
	if fs.NArg() != nargs {
		fmt.Fprintln(stderr, "usage:", usage)
		return 2
	}
	name, role := fs.Arg(0), store.RoleAdmin
	if nargs == 2 {
		var err error
		if role, err = store.ParseRole(fs.Arg(1)); err != nil {
			fmt.Fprintf(stderr, "mythosd: no role %q: the roles are builder and admin\n", fs.Arg(1))
			return 2
		}
	}
	if code := setRole(*data, name, role, !*revoke, stderr); code != 0 {
		return code
	}
	verb := "is now"
	if *revoke {
		verb = "is no longer"
	}
	fmt.Fprintf(stdout, "%s %s %s\n", name, verb, article(role))
	return 0
}

// setRole opens the database in dir and sets the role; it returns the exit
// status, having said what went wrong.
func setRole(dir, name string, role store.Role, grant bool, stderr io.Writer) int {
	db, err := store.Open(filepath.Join(dir, dbFile), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		fmt.Fprintln(stderr, "mythosd:", err)
		return 1
	}
	defer db.Close()
	err = db.SetRole(context.Background(), name, role, grant)
	if errors.Is(err, store.ErrNotFound) {
		fmt.Fprintf(stderr, "mythosd: no account called %q in %s\n", name, db.Path())
		return 1
	}
	if err != nil {
		fmt.Fprintln(stderr, "mythosd:", err)
		return 1
	}
	return 0
}

// article is the role with its indefinite article: "an admin", "a builder".
func article(r store.Role) string {
	if r == store.RoleAdmin {
		return "an admin"
	}
	return "a " + string(r)
}

// flagGiven reports whether the named flag was set on the command line.
func flagGiven(fs *flag.FlagSet, name string) bool {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	return given
}
