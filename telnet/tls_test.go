package telnet

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"math/big"
	"net"
	"testing"
	"time"

	"mythosd/world/netcore"
	"mythosd/world/netcore/nettest"
)

// testCertificate makes a self-signed certificate for 127.0.0.1 and the
// pool that trusts it.
func testCertificate(tb testing.TB) (tls.Certificate, *x509.CertPool) {
	tb.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		tb.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
		IPAddresses:  []net.IP{net.IPv4(127, 0, 0, 1)},
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		tb.Fatal(err)
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		tb.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(leaf)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}, pool
}

func TestConnTLS(t *testing.T) {
	cert, pool := testCertificate(t)
	acc := newTestAcceptor()
	s := &Server{Acceptor: acc, TLS: &tls.Config{Certificates: []tls.Certificate{cert}}}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- s.Serve(l) }()
	t.Cleanup(func() {
		_ = s.Close()
		if err := <-served; !errors.Is(err, ErrServerClosed) {
			t.Errorf("Serve returned %v", err)
		}
	})
	nc, err := tls.DialWithDialer(&net.Dialer{Timeout: ioTimeout}, "tcp", l.Addr().String(),
		&tls.Config{RootCAs: pool, ServerName: "127.0.0.1"})
	if err != nil {
		t.Fatalf("TLS dial: %v", err)
	}
	c := newClient(t, nc)
	c.expect(greeting)
	conn := acc.next(t)
	if got := conn.Info().Transport; got != "telnet+tls" {
		t.Fatalf("transport %q, want telnet+tls", got)
	}
	c.write(doMCCP2) // compression inside TLS works too
	c.expect(sbMCCP2)
	c.inflate()
	c.write("look\r\n")
	c.expect("you said: look\r\n")
}

// TestTLSHandshakeWithinGrace checks that the login grace covers the TLS
// handshake: a client that connects and never says hello is dropped.
func TestTLSHandshakeWithinGrace(t *testing.T) {
	cert, _ := testCertificate(t)
	s := &Server{Acceptor: newTestAcceptor(), TLS: &tls.Config{Certificates: []tls.Certificate{cert}},
		Limits: netcore.Limits{LoginGrace: 100 * time.Millisecond}}
	nc, err := net.DialTimeout("tcp", startServer(t, s), ioTimeout)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	if _, closed := nettest.DrainToEOF(nc); !closed {
		t.Fatal("a client that never shook hands stayed connected")
	}
	nettest.WaitUntil(t, "the end at the grace", func() bool { return s.Stats().Ended[netcore.CauseLoginGrace] == 1 })
}
