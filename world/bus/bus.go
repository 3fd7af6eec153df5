// Package bus carries chat between mythosd nodes over NATS: an embedded
// NATS server in the process by default, or an external NATS cluster.
// Publishing never blocks its caller: messages leave through a bounded
// buffer drained by one goroutine, and what cannot be queued is counted and
// logged, never waited on. The package knows nothing of the game.
package bus

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nuid"
)

// Config says how to reach NATS.
type Config struct {
	// Node names this node; it is the NATS connection name too.
	Node string
	// URLs of an external NATS cluster; empty runs an embedded server.
	URLs []string
	// Listen opens the embedded server's client port on this address so
	// other nodes can join ("" keeps it in-process only).
	Listen string
	// Creds is a NATS credentials file for the external cluster.
	Creds string
	// TLSCA, TLSCert and TLSKey configure TLS to the external cluster.
	TLSCA, TLSCert, TLSKey string
	// Buffer is how many outgoing messages may wait (default 4096).
	Buffer int
	// Logger logs connection changes and drops.
	Logger *slog.Logger
}

// Stats are the bus's counters.
type Stats struct {
	Node       string
	Connected  bool
	Server     string // the server connected to
	Embedded   bool
	In, Out    uint64
	Dropped    uint64
	Reconnects uint64
}

// Bus is a connection to NATS with a non-blocking publisher.
type Bus struct {
	cfg    Config
	log    *slog.Logger
	srv    *server.Server // the embedded server, nil with an external cluster
	nc     *nats.Conn
	out    chan outgoing
	held   []outgoing    // sender-owned: published while NATS was away
	back   chan struct{} // signalled on every reconnect
	done   chan struct{}
	closed chan struct{} // closed by nats.go when the connection is closed
	wg     sync.WaitGroup

	in, sent, dropped, reconnects atomic.Uint64
	lastDropLog                   atomic.Int64

	// Answers to Gather arrive on one subscription made at Open, so that
	// the cluster knows of it long before the first question.
	gatherPrefix string
	gatherMu     sync.Mutex
	gatherers    map[string]chan []byte
}

type outgoing struct {
	subject string
	data    []byte
}

// closeWait bounds how long Close waits for the connection to drain.
const closeWait = 10 * time.Second

// ErrClosed is returned by calls on a closed bus.
var ErrClosed = errors.New("bus closed")

// Open starts the embedded server (unless URLs are given) and connects.
// With an external cluster that cannot be reached yet, Open still succeeds
// and the connection keeps retrying in the background.
func Open(cfg Config) (*Bus, error) {
	if cfg.Buffer <= 0 {
		cfg.Buffer = 4096
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	b := &Bus{cfg: cfg, log: cfg.Logger.With("component", "bus", "node", cfg.Node),
		out: make(chan outgoing, cfg.Buffer), back: make(chan struct{}, 1), done: make(chan struct{}),
		closed: make(chan struct{})}
	opts := b.natsOptions()
	if len(cfg.URLs) == 0 {
		srv, err := startEmbedded(cfg)
		if err != nil {
			return nil, err
		}
		b.srv = srv
		opts = append(opts, nats.InProcessServer(srv))
	}
	nc, err := nats.Connect(joinURLs(cfg.URLs), opts...)
	if err != nil {
		b.shutdownServer()
		return nil, fmt.Errorf("connect to nats %s: %w", joinURLs(cfg.URLs), err)
	}
	b.nc = nc
	if err := b.listenForAnswers(); err != nil {
		nc.Close()
		b.shutdownServer()
		return nil, err
	}
	b.wg.Add(1)
	go b.send()
	return b, nil
}

// listenForAnswers subscribes to the inbox prefix that Gather's questions
// name as their reply subject.
func (b *Bus) listenForAnswers() error {
	b.gatherPrefix = nats.NewInbox()
	b.gatherers = make(map[string]chan []byte)
	_, err := b.nc.Subscribe(b.gatherPrefix+".*", func(m *nats.Msg) {
		b.in.Add(1)
		b.gatherMu.Lock()
		ch := b.gatherers[m.Subject]
		b.gatherMu.Unlock()
		if ch != nil {
			select {
			case ch <- m.Data:
			default: // the gatherer has all it wanted
			}
		}
	})
	if err != nil {
		return fmt.Errorf("subscribe answers: %w", err)
	}
	return nil
}

// natsOptions are the connection's options: endless reconnects with a short
// wait, a reconnect buffer, and logged state changes.
func (b *Bus) natsOptions() []nats.Option {
	opts := []nats.Option{
		nats.Name(b.cfg.Node),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(250 * time.Millisecond),
		nats.ReconnectBufSize(8 << 20),
		nats.RetryOnFailedConnect(true),
		nats.ClosedHandler(func(*nats.Conn) { close(b.closed) }),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) { b.log.Warn("nats disconnected", "err", err) }),
		nats.ReconnectHandler(func(nc *nats.Conn) {
			b.reconnects.Add(1)
			b.log.Info("nats reconnected", "server", nc.ConnectedUrlRedacted())
			select {
			case b.back <- struct{}{}:
			default:
			}
		}),
	}
	if b.cfg.Creds != "" {
		opts = append(opts, nats.UserCredentials(b.cfg.Creds))
	}
	if b.cfg.TLSCA != "" {
		opts = append(opts, nats.RootCAs(b.cfg.TLSCA))
	}
	if b.cfg.TLSCert != "" {
		opts = append(opts, nats.ClientCert(b.cfg.TLSCert, b.cfg.TLSKey))
	}
	return opts
}

func joinURLs(urls []string) string {
	out := ""
	for i, u := range urls {
		if i > 0 {
			out += ","
		}
		out += u
	}
	return out
}

// Node is this node's name.
func (b *Bus) Node() string { return b.cfg.Node }

// Publish queues data for subject and returns at once; false when the
// buffer is full (the message is dropped, counted and logged) or the bus is
// closed.
func (b *Bus) Publish(subject string, data []byte) bool {
	select {
	case <-b.done:
		return false
	default:
	}
	select {
	case b.out <- outgoing{subject, data}:
		return true
	default:
		b.dropped.Add(1)
		b.logDrop(subject)
		return false
	}
}

// logDrop logs dropped messages at most once a second.
func (b *Bus) logDrop(subject string) {
	now := time.Now().UnixNano()
	last := b.lastDropLog.Load()
	if now-last > int64(time.Second) && b.lastDropLog.CompareAndSwap(last, now) {
		b.log.Warn("bus buffer full; message dropped", "subject", subject, "dropped", b.dropped.Load())
	}
}

// settle is how long the sender waits after a reconnect before it sends
// what it held: long enough for the cluster to learn who listens where, so
// that the held messages reach the other nodes.
const settle = 500 * time.Millisecond

// send drains the outgoing buffer into the connection. While NATS is away
// it holds messages (up to the buffer's size) and sends them, in order,
// once the connection has been back for a moment: a node that loses NATS
// catches up when it returns.
func (b *Bus) send() {
	defer b.wg.Done()
	var release <-chan time.Time
	for {
		select {
		case m := <-b.out:
			b.route(m)
		case <-b.back:
			release = time.After(settle)
		case <-release:
			release = nil
			b.release()
		case <-b.done:
			b.release()
			for {
				select {
				case m := <-b.out:
					b.route(m)
				default:
					return
				}
			}
		}
	}
}

// route publishes m, or holds it while NATS is away or earlier messages
// are still held.
func (b *Bus) route(m outgoing) {
	if b.nc.IsConnected() && len(b.held) == 0 {
		b.publish(m)
		return
	}
	if len(b.held) >= b.cfg.Buffer {
		b.dropped.Add(1)
		b.logDrop(m.subject)
		return
	}
	b.held = append(b.held, m)
}

// release sends the held messages if NATS is there.
func (b *Bus) release() {
	if !b.nc.IsConnected() {
		return
	}
	for _, m := range b.held {
		b.publish(m)
	}
	clear(b.held)
	b.held = b.held[:0]
}

func (b *Bus) publish(m outgoing) {
	if err := b.nc.Publish(m.subject, m.data); err != nil {
		b.dropped.Add(1)
		b.log.Warn("nats publish failed", "subject", m.subject, "err", err)
		return
	}
	b.sent.Add(1)
}

// Subscribe calls fn, on a NATS goroutine, for every message on subject
// (wildcards allowed).
func (b *Bus) Subscribe(subject string, fn func(subject string, data []byte)) error {
	_, err := b.nc.Subscribe(subject, func(m *nats.Msg) {
		b.in.Add(1)
		fn(m.Subject, m.Data)
	})
	if err != nil {
		return fmt.Errorf("subscribe %s: %w", subject, err)
	}
	return nil
}

// Handle answers requests on subject with what fn returns; a nil answer
// sends no reply.
func (b *Bus) Handle(subject string, fn func(subject string, data []byte) []byte) error {
	_, err := b.nc.Subscribe(subject, func(m *nats.Msg) {
		b.in.Add(1)
		if reply := fn(m.Subject, m.Data); reply != nil && m.Reply != "" {
			if err := m.Respond(reply); err != nil {
				b.log.Warn("nats respond failed", "subject", subject, "err", err)
			}
		}
	})
	if err != nil {
		return fmt.Errorf("handle %s: %w", subject, err)
	}
	return nil
}

// ErrNoAnswer is returned by Request when nobody answered.
var ErrNoAnswer = errors.New("no answer")

// Request sends data on subject and waits for the first answer, until ctx
// ends. It blocks: never call it from the world loop.
func (b *Bus) Request(ctx context.Context, subject string, data []byte) ([]byte, error) {
	m, err := b.nc.RequestWithContext(ctx, subject, data)
	if errors.Is(err, nats.ErrNoResponders) || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, nats.ErrTimeout) {
		return nil, ErrNoAnswer
	}
	if err != nil {
		return nil, fmt.Errorf("request %s: %w", subject, err)
	}
	return m.Data, nil
}

// Gather sends data on subject and collects the answers that arrive within
// wait (or until ctx ends), returning early once it has want of them (want
// 0 waits the whole time). It blocks: never call it from the loop.
func (b *Bus) Gather(ctx context.Context, subject string, data []byte, wait time.Duration, want int) ([][]byte, error) {
	inbox := b.gatherPrefix + "." + nuid.Next()
	answers := make(chan []byte, 64)
	b.gatherMu.Lock()
	b.gatherers[inbox] = answers
	b.gatherMu.Unlock()
	defer func() {
		b.gatherMu.Lock()
		delete(b.gatherers, inbox)
		b.gatherMu.Unlock()
	}()
	if err := b.nc.PublishRequest(subject, inbox, data); err != nil {
		return nil, fmt.Errorf("gather %s: %w", subject, err)
	}
	ctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	var out [][]byte
	for want <= 0 || len(out) < want {
		select {
		case a := <-answers:
			out = append(out, a)
		case <-ctx.Done():
			return out, nil // the wait is over
		}
	}
	return out, nil
}

// Connected reports whether the connection to NATS is up.
func (b *Bus) Connected() bool { return b.nc.IsConnected() }

// ClientURL is the embedded server's client URL when it listens, else "".
func (b *Bus) ClientURL() string {
	if b.srv == nil || b.cfg.Listen == "" {
		return ""
	}
	return b.srv.ClientURL()
}

// Stats returns the bus's counters; safe from any goroutine.
func (b *Bus) Stats() Stats {
	return Stats{
		Node: b.cfg.Node, Connected: b.nc.IsConnected(), Server: b.nc.ConnectedUrlRedacted(),
		Embedded: b.srv != nil, In: b.in.Load(), Out: b.sent.Load(), Dropped: b.dropped.Load(),
		Reconnects: b.reconnects.Load(),
	}
}

// Close sends what is queued, drains the connection and stops the embedded
// server. Calling it twice is harmless.
func (b *Bus) Close() error {
	select {
	case <-b.done:
		return nil
	default:
	}
	close(b.done)
	b.wg.Wait()
	if n := len(b.held); n > 0 {
		b.log.Warn("nats unreachable at shutdown; held messages dropped", "messages", n)
	}
	if err := b.nc.Drain(); err != nil {
		b.log.Warn("nats drain", "err", err)
		b.nc.Close()
	}
	select {
	case <-b.closed:
	case <-time.After(closeWait):
		b.nc.Close()
	}
	b.shutdownServer()
	return nil
}

func (b *Bus) shutdownServer() {
	if b.srv != nil {
		b.srv.Shutdown()
		b.srv.WaitForShutdown()
	}
}
