package telnet

// SendData queues one GMCP message, pkg followed by its JSON payload, when
// GMCP is in force and the client supports pkg or a module above it
// (Core.Supports). It returns false, queueing nothing, otherwise, and when
// the connection is closed or its outbox full (the connection is then
// dropped, as with Send).
func (c *Conn) SendData(pkg string, payload []byte) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ended() || !c.neg.enabledLocal(OptGMCP) || !c.neg.client.gmcp.supports(pkg) {
		return false
	}
	text := pkg
	if len(payload) > 0 {
		text = pkg + " " + string(payload)
	}
	return c.enqueueLocked(message{text: text, kind: msgGMCP})
}
