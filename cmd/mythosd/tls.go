package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// Files of the self-signed certificate kept in the data directory.
const (
	selfSignedCert = "tls-cert.pem"
	selfSignedKey  = "tls-key.pem"
)

// selfSignedLifetime is how long a self-signed certificate is valid.
const selfSignedLifetime = 10 * 365 * 24 * time.Hour

// validateTLS checks -telnet-tls, -tls-cert and -tls-key.
func (c *config) validateTLS() error {
	if err := checkAddr(c.TelnetTLS); err != nil {
		return bad("telnet-tls", err.Error())
	}
	switch {
	case c.TLSCert != "" && c.TLSKey == "":
		return bad("tls-key", "missing; give the private key of -tls-cert, or neither for a self-signed certificate")
	case c.TLSKey != "" && c.TLSCert == "":
		return bad("tls-cert", "missing; give the certificate of -tls-key, or neither for a self-signed certificate")
	}
	for _, f := range []struct{ flag, file string }{{"tls-cert", c.TLSCert}, {"tls-key", c.TLSKey}} {
		if f.file == "" {
			continue
		}
		if st, err := os.Stat(f.file); err != nil || st.IsDir() {
			return bad(f.flag, fmt.Sprintf("%q is not a readable file; give a PEM file", f.file))
		}
	}
	return nil
}

// startTelnetTLS opens the telnet-over-TLS listener unless -telnet-tls is
// off.
func (s *server) startTelnetTLS() error {
	if listenerOff(s.cfg.TelnetTLS) {
		return nil
	}
	cert, err := s.tlsCertificate()
	if err != nil {
		return err
	}
	ln, err := listen(s.cfg.TelnetTLS)
	if err != nil {
		return listenErr("telnet-tls", s.cfg.TelnetTLS, "telnet-tls", err)
	}
	s.serveTelnet("telnet-tls", ln, &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12})
	return nil
}

// tlsCertificate loads -tls-cert and -tls-key, or the self-signed
// certificate of the data directory, made on first use.
func (s *server) tlsCertificate() (tls.Certificate, error) {
	if s.cfg.TLSCert != "" {
		cert, err := tls.LoadX509KeyPair(s.cfg.TLSCert, s.cfg.TLSKey)
		if err != nil {
			return cert, fmt.Errorf("load TLS certificate %s: %w (check -tls-cert and -tls-key)", s.cfg.TLSCert, err)
		}
		s.log.Info("TLS certificate loaded", "cert", s.cfg.TLSCert)
		return cert, nil
	}
	certFile := filepath.Join(s.cfg.DataDir, selfSignedCert)
	keyFile := filepath.Join(s.cfg.DataDir, selfSignedKey)
	cert, err := tls.LoadX509KeyPair(certFile, keyFile)
	switch {
	case err == nil:
		s.log.Info("using the self-signed TLS certificate; give -tls-cert and -tls-key to use your own",
			"cert", certFile, "key", keyFile)
		return cert, nil
	case !errors.Is(err, fs.ErrNotExist):
		return cert, fmt.Errorf("load self-signed TLS certificate %s: %w (remove it and %s to make a new one)",
			certFile, err, keyFile)
	}
	if err := writeSelfSigned(certFile, keyFile, time.Now()); err != nil {
		return cert, err
	}
	s.log.Warn("made a self-signed TLS certificate; clients will warn about it until you give -tls-cert and -tls-key",
		"cert", certFile, "key", keyFile)
	if cert, err = tls.LoadX509KeyPair(certFile, keyFile); err != nil {
		return cert, fmt.Errorf("load new self-signed TLS certificate %s: %w", certFile, err)
	}
	return cert, nil
}

// writeSelfSigned makes an ECDSA P-256 key and a certificate for
// localhost, the host's name and the loopback addresses, valid from now,
// and writes both as PEM files (the key readable by the owner only).
func writeSelfSigned(certFile, keyFile string, now time.Time) error {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return fmt.Errorf("make TLS key: %w", err)
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		return fmt.Errorf("make TLS certificate serial: %w", err)
	}
	names := []string{"localhost"}
	if host, err := os.Hostname(); err == nil && host != "" && host != "localhost" {
		names = append(names, host)
	}
	tmpl := &x509.Certificate{
		SerialNumber: serial,
		Subject:      pkix.Name{CommonName: "mythosd", Organization: []string{"MythosMUD"}},
		NotBefore:    now.Add(-time.Hour),
		NotAfter:     now.Add(selfSignedLifetime),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		DNSNames:     names,
		IPAddresses:  []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return fmt.Errorf("make TLS certificate: %w", err)
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return fmt.Errorf("encode TLS key: %w", err)
	}
	if err := writePEM(keyFile, "PRIVATE KEY", keyDER, 0o600); err != nil {
		return err
	}
	return writePEM(certFile, "CERTIFICATE", der, 0o644)
}

// writePEM writes one PEM block to file through a temporary file, so that
// a crash never leaves half a file.
func writePEM(file, blockType string, der []byte, perm os.FileMode) error {
	if err := os.MkdirAll(filepath.Dir(file), 0o750); err != nil {
		return fmt.Errorf("write %s: %w", file, err)
	}
	tmp := file + ".tmp"
	data := pem.EncodeToMemory(&pem.Block{Type: blockType, Bytes: der})
	if err := os.WriteFile(tmp, data, perm); err != nil {
		return fmt.Errorf("write %s: %w", tmp, err)
	}
	if err := os.Rename(tmp, file); err != nil {
		return fmt.Errorf("write %s: %w", file, err)
	}
	return nil
}

// msspFigures are the server's figures for MSSP crawlers. It reads only
// the world's latest snapshot, so it never blocks.
func (s *server) msspFigures() map[string]string {
	f := map[string]string{
		"NAME":              "MythosMUD",
		"PLAYERS":           strconv.Itoa(len(s.world.Snapshot().Sessions)),
		"UPTIME":            strconv.FormatInt(s.started.Unix(), 10),
		"CODEBASE":          "mythosd",
		"FAMILY":            "Custom",
		"CREATED":           "2026",
		"LANGUAGE":          "English",
		"GENRE":             "Horror",
		"SUBGENRE":          "Lovecraftian",
		"GAMEPLAY":          "Roleplaying",
		"GAMESYSTEM":        "Custom",
		"STATUS":            "Alpha",
		"CRAWL DELAY":       "-1",
		"ANSI":              "1",
		"UTF-8":             "1",
		"XTERM 256 COLORS":  "1",
		"XTERM TRUE COLORS": "1",
		"GMCP":              "1",
		"MCCP":              "1",
		"MSSP":              "1",
		"MSDP":              "0",
		"MXP":               "0",
		"PUEBLO":            "0",
		"VT100":             "0",
	}
	s.cfg.Ops.applyMSSP(f)
	if port := portOf(s.cfg.TelnetAddr); port != "" {
		f["PORT"] = port
	}
	if port := portOf(s.cfg.TelnetTLS); port != "" {
		f["SSL"] = port
	}
	return f
}

// portOf returns the port of a configured listen address, "" when it is
// off or chosen by the system (port 0). The configured address is read,
// not the bound one, because listeners start while others already serve.
func portOf(addr string) string {
	if listenerOff(addr) {
		return ""
	}
	_, port, err := net.SplitHostPort(addr)
	if err != nil || port == "0" {
		return ""
	}
	return port
}
