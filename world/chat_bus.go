package world

import (
	"context"
	"encoding/json"
	"time"
)

// Bus carries chat between the nodes that serve one game; world/bus
// provides it over NATS. A World without a Bus is a single node whose chat
// never leaves the process. Publish never blocks; Request and Gather block
// and are only ever called off the loop.
type Bus interface {
	Node() string
	Publish(subject string, data []byte) bool
	Connected() bool
	Request(ctx context.Context, subject string, data []byte) ([]byte, error)
	Gather(ctx context.Context, subject string, data []byte, wait time.Duration, want int) ([][]byte, error)
	Stats() BusStats
}

// BusStats describes the chat bus for the console and metrics.
type BusStats struct {
	Node       string
	Connected  bool
	Server     string
	Embedded   bool
	In, Out    uint64
	Dropped    uint64
	Reconnects uint64
}

// Bus subjects (GAME-RULES.md), and the request subject of `who`.
const (
	SubjectSay     = "chat.say.room."       // + room id
	SubjectEmote   = "chat.emote.room."     // + room id
	SubjectLocal   = "chat.local.subzone."  // + sub-zone
	SubjectGlobal  = "chat.global"          //
	SubjectWhisper = "chat.whisper.player." // + name, lower case
	SubjectSystem  = "chat.system"          //
	SubjectWho     = "mythos.who"
)

// ChatSubjects are the subjects a node subscribes to with OnChat.
func ChatSubjects() []string {
	return []string{SubjectSay + "*", SubjectEmote + "*", SubjectLocal + "*", SubjectGlobal, SubjectSystem}
}

// WhisperSubjects is the subject a node answers with OnWhisper.
func WhisperSubjects() string { return SubjectWhisper + "*" }

// OnChat takes a chat message from the bus (on a bus goroutine) and hands
// it to the loop.
func (w *World) OnChat(_ string, data []byte) {
	m, err := decodeChat(data, w.node())
	if err != nil {
		w.log.Warn("bad chat message from the bus", "err", err)
		return
	}
	w.post(func() { w.deliverChat(m) })
}

// decodeChat reads a chat message from the bus, its text cleaned of control
// characters: another node's player reaches this node's terminals too. A
// message of another node than node loses its sender's account, which
// names another node's account (accounts are per node).
func decodeChat(data []byte, node string) (chatMsg, error) {
	var m chatMsg
	if err := json.Unmarshal(data, &m); err != nil {
		return m, err
	}
	m.From, m.Text, m.To = cleanText(m.From), cleanText(m.Text), cleanText(m.To)
	if m.Node != node {
		m.Account = 0
	}
	return m, nil
}

// whisperAnswer is the reply to a whisper request.
type whisperAnswer struct {
	Delivered bool   `json:"delivered"`
	Name      string `json:"name"`
}

// OnWhisper answers a whisper request from the bus (on a bus goroutine):
// when the player is here, the whisper is delivered and acknowledged;
// otherwise no answer is sent, so that the node that has the player
// answers.
func (w *World) OnWhisper(_ string, data []byte) []byte {
	m, err := decodeChat(data, w.node())
	if err != nil {
		return nil
	}
	res := make(chan string, 1)
	if !w.post(func() { res <- w.deliverWhisper(m) }) {
		return nil
	}
	select {
	case name := <-res:
		if name == "" {
			return nil
		}
		answer, _ := json.Marshal(whisperAnswer{Delivered: true, Name: name})
		return answer
	case <-time.After(storeTimeout):
		return nil
	}
}

// whoEntry is one player in a node's answer to `who`.
type whoEntry struct {
	Name string `json:"name"`
	Area string `json:"area"`
	Idle int64  `json:"idle"` // seconds
}

// whoAnswer is one node's answer to `who`.
type whoAnswer struct {
	Node    string     `json:"node"`
	Players []whoEntry `json:"players"`
}

// OnWho answers `who` from another node (on a bus goroutine) with this
// node's players, as the loop knows them now.
func (w *World) OnWho(_ string, _ []byte) []byte {
	res := make(chan whoAnswer, 1)
	if !w.post(func() { res <- w.whoHere() }) {
		return nil
	}
	select {
	case a := <-res:
		out, _ := json.Marshal(a)
		return out
	case <-time.After(whoWait):
		return nil
	}
}

// node is this node's name, "" without a bus.
func (w *World) node() string {
	if w.cfg.Bus == nil {
		return ""
	}
	return w.cfg.Bus.Node()
}

// busUp reports whether chat can travel over the bus now.
func (w *World) busUp() bool { return w.cfg.Bus != nil && w.cfg.Bus.Connected() }
