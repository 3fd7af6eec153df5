package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mythosd/ssh/sshtest"

	gossh "golang.org/x/crypto/ssh"
)

// opensshClient is Debian's ssh client, run with -tt and driven through
// its stdin and stdout.
type opensshClient struct {
	t      testing.TB
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	out    *sshtest.Output
	errOut *sshtest.Output
	done   chan error
}

// writeClientKey makes an ed25519 key pair for OpenSSH: the private key in
// a 0600 file in dir, as ssh-keygen writes it, and its public line.
func writeClientKey(t testing.TB, dir string) (path, public string) {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "player@test")
	if err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(dir, "id_ed25519")
	if err := os.WriteFile(path, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return path, authorizedLine(signer, "player@test")
}

// runOpenSSH starts `ssh -tt` as user with the key at keyFile, trusting
// any host key, reading no config and using no agent.
func runOpenSSH(t testing.TB, addr, user, keyFile string) *opensshClient {
	t.Helper()
	bin, err := exec.LookPath("ssh")
	if err != nil {
		t.Fatal("the OpenSSH client is needed (Debian package openssh-client; `make deps` installs it)")
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-tt", "-F", "/dev/null", "-p", port,
		"-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
		"-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "LogLevel=ERROR",
		"-o", "ConnectTimeout=20", "-i", keyFile, user+"@"+host)
	cmd.Env = []string{"TERM=xterm-256color", "HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}
	c := &opensshClient{t: t, cmd: cmd, out: sshtest.NewOutput(), errOut: sshtest.NewOutput(), done: make(chan error, 1)}
	cmd.Stdout, cmd.Stderr = c.out, c.errOut
	if c.stdin, err = cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start ssh: %v", err)
	}
	go func() { c.done <- cmd.Wait() }()
	t.Cleanup(func() {
		c.stdin.Close()
		select {
		case <-c.done:
		case <-time.After(waitLimit):
			cmd.Process.Kill()
			<-c.done
		}
	})
	return c
}

// send types a line and presses Enter, as a terminal sends it.
func (c *opensshClient) send(line string) {
	c.t.Helper()
	if _, err := io.WriteString(c.stdin, line+"\r"); err != nil {
		c.t.Fatalf("send %q: %v", line, err)
	}
}

// expect waits for want on the client's output.
func (c *opensshClient) expect(want string) string {
	c.t.Helper()
	return c.out.Await(c.t, want)
}

// exitCode waits for ssh to end and returns its exit status.
func (c *opensshClient) exitCode() int {
	c.t.Helper()
	select {
	case err := <-c.done:
		c.done <- err
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return exit.ExitCode()
		}
		if err != nil {
			c.t.Fatalf("ssh: %v", err)
		}
		return 0
	case <-time.After(waitLimit):
		c.t.Fatalf("ssh did not end; output %q, errors %q", c.out.String(), c.errOut.String())
		return -1
	}
}

// TestOpenSSHClient plays through the real OpenSSH client: a character is
// created as "new" (its password unechoed), registers the client's key in
// game, and comes back with that key to talk to a telnet player.
func TestOpenSSHClient(t *testing.T) {
	srv := startServer(t, sshTestConfig(t.TempDir()))
	addr := srv.addr("ssh")
	keyFile, public := writeClientKey(t, t.TempDir())
	bob := dial(t, srv.addr("telnet"))
	bob.createCharacter("Bob", "lanterns2")

	carol := runOpenSSH(t, addr, "new", keyFile)
	carol.expect("By what name are you known? ")
	carol.send("Carol")
	carol.expect("(y/n) ")
	carol.send("y")
	carol.expect("Choose a password")
	carol.send("whateley1")
	if got := carol.expect("Repeat the password: "); strings.Contains(got, "whateley1") {
		t.Errorf("OpenSSH showed the password: %q", got)
	}
	carol.send("whateley1")
	carol.expect("Keep them")
	carol.send("k")
	wantIn(t, carol.expect(promptEnd), "Welcome to Arkham, Carol.")
	carol.send("keys add " + public)
	carol.expect("added")
	carol.send("quit")
	carol.expect("Until next time")
	if code := carol.exitCode(); code != 0 {
		t.Errorf("ssh exited with %d after quit, want 0", code)
	}

	again := runOpenSSH(t, addr, "Carol", keyFile)
	wantIn(t, again.expect(promptEnd), "Welcome to Arkham, Carol.", "Exits:")
	wantIn(t, bob.do("look", "Exits:"), "Also here: Carol")
	again.send("say Who keeps the lamps lit?")
	bob.expect(`Carol says, "Who keeps the lamps lit?"`)
	bob.send("say The Keepers do.")
	again.expect(`Bob says, "The Keepers do."`)
	again.send("who")
	again.expect("Wanderers")
	wantIn(t, again.expect(promptEnd), "Bob", "Carol")
	again.send("quit")
	again.expect("Until next time")
	if code := again.exitCode(); code != 0 {
		t.Errorf("ssh exited with %d after quit, want 0", code)
	}
	for _, b := range []*sshtest.Output{carol.out, again.out} {
		if strings.Contains(b.Everything(), "\xff") {
			t.Error("a telnet byte reached the ssh client")
		}
	}

	otherKey, _ := writeClientKey(t, t.TempDir())
	refused := runOpenSSH(t, addr, "Carol", otherKey)
	if code := refused.exitCode(); code != 255 {
		t.Errorf("an unregistered key: ssh exited with %d, want 255", code)
	}
	if got := refused.errOut.String(); !strings.Contains(got, "Permission denied") {
		t.Errorf("an unregistered key: ssh said %q", got)
	}
}
