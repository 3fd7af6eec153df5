package world

import (
	"strconv"
	"strings"
)

// dataRequest is a client's request for game data the world answers.
type dataRequest struct {
	list string // "inv" or "room"; "" for a container's contents
	box  int64  // the container, when list is ""
}

// maxDataPayload bounds the payload of a request the world reads (an item
// id in quotes or bare, at most).
const maxDataPayload = 32

// parseDataRequest reads a request by its package name (any case): ok is
// false for a package the world does not answer or a payload it cannot
// read.
func parseDataRequest(pkg string, payload []byte) (dataRequest, bool) {
	switch strings.ToLower(pkg) {
	case "char.items.inv":
		return dataRequest{list: "inv"}, true
	case "char.items.room":
		return dataRequest{list: "room"}, true
	case "char.items.contents":
		if len(payload) > maxDataPayload {
			return dataRequest{}, false
		}
		id, err := strconv.ParseInt(strings.Trim(strings.TrimSpace(string(payload)), `"`), 10, 64)
		if err != nil || id <= 0 {
			return dataRequest{}, false
		}
		return dataRequest{box: id}, true
	}
	return dataRequest{}, false
}

// Data answers a request the client sent as structured data, once the
// character plays. A request spends the command budget as a line does, so a
// flood of them slows only its sender.
func (s *Session) Data(pkg string, payload []byte) {
	if s.login != nil || s.dialog != nil {
		return
	}
	req, ok := parseDataRequest(pkg, payload)
	if !ok || !s.paced() {
		return
	}
	s.w.post(func() { s.w.answerData(s, req) })
}

// answerData sends what req asks for: the inventory, the room's items, or
// the contents of a container the character can reach and see into.
func (w *World) answerData(s *Session, req dataRequest) {
	c := s.char
	if c == nil {
		return
	}
	if req.list != "" {
		w.sendItemList(c, req.list)
		return
	}
	for _, it := range w.reachable(c) {
		if it.ID == req.box && it.proto.isContainer() && closedWhy(it) == "" {
			w.sendContents(c, it)
			return
		}
	}
}
