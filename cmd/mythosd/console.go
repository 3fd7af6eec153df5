package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/term"

	mssh "mythosd/ssh"
)

// consoleDialTimeout bounds the console's connection and handshake.
const consoleDialTimeout = 10 * time.Second

// runConsole is `mythosd console [-data DIR] [-admin ADDR]`: it opens the
// admin console of the server using the same data directory, logging in
// with the admin key the server made there and checking the server's host
// key kept beside it. It returns the session's exit status, 1 when it
// cannot connect, 2 for bad arguments.
func runConsole(args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("mythosd console", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", "./var", "`DIR` holding the server's state (as for the server)")
	addr := fs.String("admin", "127.0.0.1:4023", "the admin console's `ADDR` (as for the server)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if err := applyEnv(fs, getenv); err != nil || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: mythosd console [-data DIR] [-admin ADDR]")
		return 2
	}
	status, err := openConsole(*data, *addr, termName(getenv), stdin, stdout, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "mythosd console:", err)
		return 1
	}
	return status
}

// termName is the local terminal's type, for the server's colours.
func termName(getenv func(string) string) string {
	if t := getenv("TERM"); t != "" {
		return t
	}
	return "xterm"
}

// openConsole connects, runs the session with the local terminal in raw
// mode, and returns the session's exit status.
func openConsole(dir, addr, termType string, stdin io.Reader, stdout, stderr io.Writer) (int, error) {
	client, err := dialConsole(dir, addr)
	if err != nil {
		return 0, err
	}
	defer client.Close()
	sess, err := client.NewSession()
	if err != nil {
		return 0, fmt.Errorf("open session: %w", err)
	}
	defer sess.Close()
	fd, isTerm := terminalFd(stdin)
	w, h := termSize(fd, isTerm)
	if err := sess.RequestPty(termType, h, w, gossh.TerminalModes{gossh.ECHO: 0}); err != nil {
		return 0, fmt.Errorf("request a terminal: %w", err)
	}
	sess.Stdin, sess.Stdout, sess.Stderr = stdin, stdout, stderr
	if isTerm {
		old, err := term.MakeRaw(fd)
		if err != nil {
			return 0, fmt.Errorf("raw mode: %w", err)
		}
		defer term.Restore(fd, old)
		stop := followWindow(sess, fd)
		defer stop()
	}
	if err := sess.Shell(); err != nil {
		return 0, fmt.Errorf("start console: %w", err)
	}
	return exitStatus(sess.Wait())
}

// dialConsole logs in with dir's admin key, trusting only dir's host key.
func dialConsole(dir, addr string) (*gossh.Client, error) {
	signer, err := readKey(filepath.Join(dir, adminKeyFile), "admin key")
	if err != nil {
		return nil, err
	}
	host, err := readKey(filepath.Join(dir, mssh.HostKeyFile), "server host key")
	if err != nil {
		return nil, err
	}
	client, err := gossh.Dial("tcp", dialAddr(addr), &gossh.ClientConfig{
		User: "admin", Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: gossh.FixedHostKey(host.PublicKey()), Timeout: consoleDialTimeout,
	})
	if err != nil {
		return nil, fmt.Errorf("connect to the admin console at %s: %w (is the server running with -data %s and -admin %s?)", addr, err, dir, addr)
	}
	return client, nil
}

// readKey reads a private key the server made in the data directory.
func readKey(path, what string) (gossh.Signer, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("no %s at %s: start the server once with this -data; it makes one", what, path)
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", what, err)
	}
	s, err := gossh.ParsePrivateKey(data)
	if err != nil {
		return nil, fmt.Errorf("parse %s %s: %w", what, path, err)
	}
	return s, nil
}

// dialAddr turns a listen address into one to dial: no host, or every
// interface, means this machine.
func dialAddr(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	switch host {
	case "", "0.0.0.0":
		host = "127.0.0.1"
	case "::":
		host = "::1"
	}
	return net.JoinHostPort(host, port)
}

// terminalFd returns stdin's descriptor and whether it is a terminal.
func terminalFd(stdin io.Reader) (int, bool) {
	f, ok := stdin.(*os.File)
	if !ok {
		return 0, false
	}
	fd := int(f.Fd())
	return fd, term.IsTerminal(fd)
}

// termSize is the terminal's size, 80x24 when unknown.
func termSize(fd int, isTerm bool) (w, h int) {
	if isTerm {
		if w, h, err := term.GetSize(fd); err == nil && w > 0 && h > 0 {
			return w, h
		}
	}
	return 80, 24
}

// followWindow sends the terminal's new size on every SIGWINCH until stop.
func followWindow(sess *gossh.Session, fd int) (stop func()) {
	sig := make(chan os.Signal, 1)
	done := make(chan struct{})
	signal.Notify(sig, syscall.SIGWINCH)
	go func() {
		for {
			select {
			case <-sig:
				w, h := termSize(fd, true)
				sess.WindowChange(h, w)
			case <-done:
				return
			}
		}
	}()
	return func() {
		signal.Stop(sig)
		close(done)
	}
}

// exitStatus turns the end of a session into an exit status.
func exitStatus(err error) (int, error) {
	var exit *gossh.ExitError
	switch {
	case err == nil:
		return 0, nil
	case errors.As(err, &exit):
		return exit.ExitStatus(), nil
	case errors.Is(err, io.EOF):
		return 0, nil
	}
	var missing *gossh.ExitMissingError
	if errors.As(err, &missing) {
		return 1, errors.New("the server closed the console without an exit status")
	}
	return 1, fmt.Errorf("console: %w", err)
}
