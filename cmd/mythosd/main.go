// Command mythosd is the MythosMUD server: telnet play through the session
// hub and world loop, on SQLite, with the shipped world.
//
//	mythosd [flags]                  serve (see -h)
//	mythosd check-world [-world DIR] check a world's files and report every problem
//	mythosd grant-admin [-data DIR] [-revoke] NAME   make NAME an admin (or not)
//	mythosd grant-role [-data DIR] [-revoke] NAME ROLE   grant (or revoke) builder or admin
//	mythosd console [-data DIR] [-admin ADDR]        open the admin console
//	mythosd backup [-data DIR] -out FILE             online backup, checked
//	mythosd restore [-data DIR] -from FILE           restore a backup (server stopped)
//	mythosd export-world [-data DIR] -out DIR        write the stored world as world files
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

func main() {
	args := os.Args[1:]
	if len(args) > 0 {
		switch args[0] {
		case "check-world":
			os.Exit(runCheckWorld(args[1:], os.Stdout, os.Stderr))
		case "grant-admin":
			os.Exit(runGrantAdmin(args[1:], os.Getenv, os.Stdout, os.Stderr))
		case "grant-role":
			os.Exit(runGrantRole(args[1:], os.Getenv, os.Stdout, os.Stderr))
		case "console":
			os.Exit(runConsole(args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr))
		case "backup":
			os.Exit(runBackup(args[1:], os.Getenv, os.Stdout, os.Stderr))
		case "restore":
			os.Exit(runRestore(args[1:], os.Getenv, os.Stdout, os.Stderr))
		case "export-world":
			os.Exit(runExportWorld(args[1:], os.Getenv, os.Stdout, os.Stderr))
		case "import-world":
			os.Exit(runImportWorld(args[1:], os.Getenv, os.Stdout, os.Stderr))
		}
	}
	os.Exit(run(args, os.Getenv, os.Stderr))
}

// run starts the server and serves until SIGINT or SIGTERM. It returns the
// exit status: 0 after a clean shutdown, 2 for a bad configuration, 1 for
// any other failure.
func run(args []string, getenv func(string) string, stderr io.Writer) int {
	cfg, err := parseConfig(args, getenv, stderr)
	if errors.Is(err, flagHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintln(stderr, "mythosd:", err)
		return 2
	}
	log := newLogger(stderr, cfg.LogFormat, cfg.LogLevel)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv, err := start(ctx, cfg, log)
	if err != nil {
		fmt.Fprintln(stderr, "mythosd:", err)
		if errors.Is(err, errUsage) {
			return 2
		}
		return 1
	}
	status := 0
	select {
	case <-ctx.Done():
		log.Info("signal received; shutting down")
	case <-srv.halted():
		log.Info("shutdown asked for from the admin console; shutting down")
	case err := <-srv.loopEnded():
		log.Error("world loop ended", "err", err)
		status = 1
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.shutdown(sctx); err != nil {
		log.Error("shutdown", "err", err)
		return 1
	}
	log.Info("shut down cleanly")
	return status
}
