package main

import (
	"fmt"
	"os"
	"strings"

	"mythosd/world"
	"mythosd/world/bus"
)

// defaultNode names a node after its host.
func defaultNode() string {
	if h, err := os.Hostname(); err == nil && h != "" {
		return h
	}
	return "mythosd"
}

// natsURLs splits -nats.
func (c *config) natsURLs() []string {
	var urls []string
	for _, u := range strings.Split(c.NATS, ",") {
		if u = strings.TrimSpace(u); u != "" {
			urls = append(urls, u)
		}
	}
	return urls
}

// validateBus checks the chat bus flags.
func (c *config) validateBus() error {
	switch {
	case c.Node == "" || strings.ContainsAny(c.Node, " .*>"):
		return bad("node", fmt.Sprintf("%q cannot name a node; use letters, digits, - or _", c.Node))
	case c.NATS != "" && c.NATSListen != "":
		return bad("nats-listen", "only the embedded server listens; leave it out with -nats")
	case (c.NATSCert == "") != (c.NATSKey == ""):
		return bad("nats-tls-cert", "give -nats-tls-cert and -nats-tls-key together")
	}
	if c.NATSListen != "" {
		if err := checkAddr(c.NATSListen); err != nil {
			return bad("nats-listen", err.Error())
		}
	}
	return nil
}

// openBus connects the chat bus: the embedded NATS server, or the cluster
// of -nats.
func (s *server) openBus() error {
	b, err := bus.Open(bus.Config{
		Node: s.cfg.Node, URLs: s.cfg.natsURLs(), Listen: s.cfg.NATSListen, Creds: s.cfg.NATSCreds,
		TLSCA: s.cfg.NATSCA, TLSCert: s.cfg.NATSCert, TLSKey: s.cfg.NATSKey, Logger: s.log,
	})
	if err != nil {
		return fmt.Errorf("%w (check -nats and -nats-listen)", err)
	}
	s.bus = b
	if u := b.ClientURL(); u != "" {
		s.addrs["nats"] = u
		s.log.Info("embedded nats listening", "url", u)
	}
	return nil
}

// subscribe routes the bus's chat, whispers and who requests to the world.
func (s *server) subscribe() error {
	for _, subject := range world.ChatSubjects() {
		if err := s.bus.Subscribe(subject, s.world.OnChat); err != nil {
			return err
		}
	}
	if err := s.bus.Handle(world.WhisperSubjects(), s.world.OnWhisper); err != nil {
		return err
	}
	return s.bus.Handle(world.SubjectWho, s.world.OnWho)
}

// worldBus adapts the bus to the world's Bus interface.
type worldBus struct{ *bus.Bus }

// Stats converts the bus's counters for the world's snapshots.
func (b worldBus) Stats() world.BusStats {
	st := b.Bus.Stats()
	return world.BusStats{Node: st.Node, Connected: st.Connected, Server: st.Server, Embedded: st.Embedded,
		In: st.In, Out: st.Out, Dropped: st.Dropped, Reconnects: st.Reconnects}
}
