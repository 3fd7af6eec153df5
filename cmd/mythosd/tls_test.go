package main

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// tlsConfigFor returns a test configuration with the TLS listener on.
func tlsConfigFor(dir string) config {
	cfg := testConfig(dir)
	cfg.TelnetTLS = "127.0.0.1:0"
	return cfg
}

// dialTLS connects with crypto/tls, trusting only the certificate in
// certFile, and returns a telnet client over it and the certificate the
// server presented.
func dialTLS(t testing.TB, addr, certFile string) (*rawClient, []byte) {
	t.Helper()
	pemBytes, err := os.ReadFile(certFile)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pemBytes) {
		t.Fatalf("no certificate in %s", certFile)
	}
	conn, err := tls.DialWithDialer(&net.Dialer{Timeout: waitLimit}, "tcp", addr,
		&tls.Config{RootCAs: pool, ServerName: "127.0.0.1", MinVersion: tls.VersionTLS12})
	if err != nil {
		t.Fatalf("TLS dial %s: %v", addr, err)
	}
	t.Cleanup(func() { conn.Close() })
	return &rawClient{t: t, conn: conn}, conn.ConnectionState().PeerCertificates[0].Raw
}

// TestTelnetTLSSelfSigned plays over TLS with the certificate made on the
// first start, checks that the log says where it is, and that a restart
// keeps it.
func TestTelnetTLSSelfSigned(t *testing.T) {
	dir := t.TempDir()
	certFile, keyFile := filepath.Join(dir, selfSignedCert), filepath.Join(dir, selfSignedKey)
	srv, logs := startLogged(t, tlsConfigFor(dir))
	if !strings.Contains(logs.String(), "made a self-signed TLS certificate") || !strings.Contains(logs.String(), certFile) {
		t.Fatalf("the log does not say where the new certificate is:\n%s", logs)
	}
	if st, err := os.Stat(keyFile); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("key file %s: %v, mode %v; want 0600", keyFile, err, st.Mode())
	}
	c, first := dialTLS(t, srv.addr("telnet-tls"), certFile)
	room := c.createCharacter("Tessa", "lanterns1")
	wantIn(t, room, "Exits:")
	c.send("look")
	c.expect("Exits:")
	waitForTransport(t, srv, "Tessa", "telnet+tls")
	c.send("quit")
	c.expect("Until next time")
	stopServer(t, srv)

	srv2, logs2 := startLogged(t, tlsConfigFor(dir))
	if !strings.Contains(logs2.String(), "using the self-signed TLS certificate") {
		t.Fatalf("the restart does not say it reuses the certificate:\n%s", logs2)
	}
	c2, second := dialTLS(t, srv2.addr("telnet-tls"), certFile)
	if !bytes.Equal(first, second) {
		t.Fatal("the restart made a new certificate instead of keeping the first")
	}
	wantIn(t, c2.login("tessa", "lanterns1"), "Exits:")
}

// waitForTransport polls the world's snapshots until name plays over
// transport.
func waitForTransport(t testing.TB, srv *server, name, transport string) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for time.Now().Before(deadline) {
		for _, s := range srv.world.Snapshot().Sessions {
			if s.Name == name && s.Transport == transport {
				return
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("%s never showed as playing over %s: %+v", name, transport, srv.world.Snapshot().Sessions)
}

// TestTelnetTLSGivenCertificate uses -tls-cert and -tls-key and makes no
// certificate of its own.
func TestTelnetTLSGivenCertificate(t *testing.T) {
	dir, keys := t.TempDir(), t.TempDir()
	cfg := tlsConfigFor(dir)
	cfg.TLSCert, cfg.TLSKey = filepath.Join(keys, "cert.pem"), filepath.Join(keys, "key.pem")
	if err := writeSelfSigned(cfg.TLSCert, cfg.TLSKey, time.Now()); err != nil {
		t.Fatal(err)
	}
	srv, logs := startLogged(t, cfg)
	c, _ := dialTLS(t, srv.addr("telnet-tls"), cfg.TLSCert)
	c.expect("By what name are you known?")
	if _, err := os.Stat(filepath.Join(dir, selfSignedCert)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a self-signed certificate was made although -tls-cert was given: %v", err)
	}
	if !strings.Contains(logs.String(), "TLS certificate loaded") {
		t.Errorf("the log does not name the certificate:\n%s", logs)
	}
	// The plain listener still serves, beside the TLS one.
	dial(t, srv.addr("telnet")).expect("By what name are you known?")
}

// TestTelnetTLSBadCertificate fails the start with a message that names
// the flags to fix.
func TestTelnetTLSBadCertificate(t *testing.T) {
	keys := t.TempDir()
	cfg := tlsConfigFor(t.TempDir())
	cfg.TLSCert, cfg.TLSKey = filepath.Join(keys, "cert.pem"), filepath.Join(keys, "key.pem")
	for _, f := range []string{cfg.TLSCert, cfg.TLSKey} {
		if err := os.WriteFile(f, []byte("not a certificate"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	_, err := start(t.Context(), cfg, slog.New(slog.DiscardHandler))
	if err == nil || !strings.Contains(err.Error(), "-tls-cert") {
		t.Fatalf("start with a bad certificate: %v, want an error naming -tls-cert", err)
	}
}

// TestTLSConfig checks the TLS flags, their environment fallbacks and
// their validation.
func TestTLSConfig(t *testing.T) {
	dir := t.TempDir()
	cert := filepath.Join(dir, "cert.pem")
	if err := os.WriteFile(cert, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		wantErr string // "" for none
		wantTLS string
	}{
		{"off by default", nil, nil, "", ""},
		{"flag", []string{"-telnet-tls", ":4443"}, nil, "", ":4443"},
		{"environment", nil, map[string]string{"MYTHOS_TELNET_TLS": "127.0.0.1:4443"}, "", "127.0.0.1:4443"},
		{"bad address", []string{"-telnet-tls", "4443"}, nil, "-telnet-tls", ""},
		{"certificate without key", []string{"-tls-cert", cert}, nil, "-tls-key", ""},
		{"key without certificate", []string{"-tls-key", cert}, nil, "-tls-cert", ""},
		{"missing certificate file", []string{"-tls-cert", filepath.Join(dir, "none"), "-tls-key", cert}, nil, "-tls-cert", ""},
		{"missing key file", nil, map[string]string{"MYTHOS_TLS_CERT": cert, "MYTHOS_TLS_KEY": dir}, "-tls-key", ""},
		{"both files", []string{"-telnet-tls", ":4443", "-tls-cert", cert, "-tls-key", cert}, nil, "", ":4443"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := parseConfig(tt.args, func(k string) string { return tt.env[k] }, &bytes.Buffer{})
			if tt.wantErr != "" {
				if !errors.Is(err, errUsage) || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one naming %s", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if cfg.TelnetTLS != tt.wantTLS {
				t.Fatalf("telnet-tls %q, want %q", cfg.TelnetTLS, tt.wantTLS)
			}
		})
	}
}
