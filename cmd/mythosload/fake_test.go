package main

import (
	"bufio"
	"errors"
	"net"
	"strings"
	"sync"
	"testing"
	"time"
)

// Telnet sequences the fake server sends, as mythosd does.
const (
	fakeGA       = "\xff\xf9"
	fakeWillEcho = "\xff\xfb\x01"
	fakeWontEcho = "\xff\xfc\x01"
	fakeOffers   = "\xff\xfd\x18\xff\xfb\x03\xff\xfb\xc9" // DO TTYPE, WILL SGA, WILL GMCP
	fakeDeadline = 5 * time.Second
)

// fakeMUD is a tiny telnet server that behaves like mythosd's login and
// look: the boundary of the load tool. Every player stands in one room;
// arrivals, departures and a draught are told to the others with a prompt,
// as mythosd tells what happens between commands.
type fakeMUD struct {
	t          testing.TB
	ln         net.Listener
	silent     bool // accept, then say nothing: logins time out
	stallAfter int  // answer this many looks per connection, then no more (0: all)
	hangAfter  int  // hang up after answering this many looks (0: never)

	mu       sync.Mutex
	accounts map[string]string // proper name to password
	created  int
	logins   int
	looks    int
	players  map[*fakePlayer]bool
	wg       sync.WaitGroup
}

// fakePlayer is one connection to the fake server.
type fakePlayer struct {
	conn    net.Conn
	in      *bufio.Reader
	name    string // written before inWorld
	inWorld bool   // guarded by fakeMUD.mu
	wmu     sync.Mutex
}

// startFake starts a fake server on 127.0.0.1:0; set its fields in setup,
// which runs before the first connection is accepted.
func startFake(t testing.TB, setup func(*fakeMUD)) *fakeMUD {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	f := &fakeMUD{t: t, ln: ln, accounts: map[string]string{}, players: map[*fakePlayer]bool{}}
	if setup != nil {
		setup(f)
	}
	f.wg.Add(1)
	go f.serve()
	t.Cleanup(f.close)
	return f
}

func (f *fakeMUD) addr() string { return f.ln.Addr().String() }

func (f *fakeMUD) serve() {
	defer f.wg.Done()
	for {
		c, err := f.ln.Accept()
		if err != nil {
			return
		}
		f.wg.Add(1)
		go func() {
			defer f.wg.Done()
			f.play(&fakePlayer{conn: c, in: bufio.NewReader(c)})
		}()
	}
}

func (f *fakeMUD) close() {
	_ = f.ln.Close()
	f.mu.Lock()
	for p := range f.players {
		_ = p.conn.Close()
	}
	f.mu.Unlock()
	f.wg.Wait()
}

// counts returns characters created, logins and looks seen so far.
func (f *fakeMUD) counts() (created, logins, looks int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.created, f.logins, f.looks
}

// play runs one connection: login, then commands, until it ends.
func (f *fakeMUD) play(p *fakePlayer) {
	f.mu.Lock()
	f.players[p] = true
	f.mu.Unlock()
	defer f.leave(p)
	if f.silent {
		_, _ = p.in.ReadString(0) // until the client hangs up
		return
	}
	p.write(fakeOffers + "\x1b[1mWelcome\x1b[0m to the Arkham Sanitarium.\r\n")
	if f.login(p) {
		f.enter(p)
		f.commands(p)
	}
}

// login runs the dialogue; it reports whether the player got in.
func (f *fakeMUD) login(p *fakePlayer) bool {
	for {
		name, ok := p.ask("By what name are you known? ")
		if !ok {
			return false
		}
		if !fakeNameOK(name) {
			p.write("That name will not do: a name has letters only (A to Z).\r\n")
			continue
		}
		p.name = strings.ToUpper(name[:1]) + strings.ToLower(name[1:])
		f.mu.Lock()
		want, exists := f.accounts[p.name]
		f.mu.Unlock()
		if exists {
			return f.checkPassword(p, want)
		}
		return f.create(p)
	}
}

func fakeNameOK(name string) bool { return len(name) >= 3 && len(name) <= 20 && letters(name) }

func (f *fakeMUD) checkPassword(p *fakePlayer, want string) bool {
	for range 2 {
		pw, ok := p.ask(fakeWillEcho + "Password: ")
		if !ok {
			return false
		}
		if pw == want {
			p.write("\r\n" + fakeWontEcho)
			f.mu.Lock()
			f.logins++
			f.mu.Unlock()
			return true
		}
		p.write("\r\nWrong password.\r\n")
	}
	p.write("Wrong password. Too many tries; the sanitarium doors close on you.\r\n")
	return false
}

func (f *fakeMUD) create(p *fakePlayer) bool {
	answer, ok := p.ask("No one here is called " + p.name + ". Are you new to Arkham, " + p.name + "? (y/n) ")
	if !ok || answer != "y" {
		return false
	}
	pw, ok := p.ask(fakeWillEcho + "Choose a password (at least 6 characters): ")
	if !ok {
		return false
	}
	again, ok := p.ask("\r\nRepeat the password: ")
	if !ok || again != pw {
		return false
	}
	p.write("\r\n" + fakeWontEcho)
	f.mu.Lock()
	f.accounts[p.name] = pw
	f.created++
	f.mu.Unlock()
	return true
}

// enter tells the others and shows the room.
func (f *fakeMUD) enter(p *fakePlayer) {
	f.mu.Lock()
	p.inWorld = true
	f.mu.Unlock()
	f.tellOthers(p, p.name+" blinks into being, as if waking from a long dream.")
	p.write("Welcome to Arkham, " + p.name + ".\r\n" + f.room(p) + "> " + fakeGA)
}

// commands answers looks until the player hangs up or a limit is reached.
func (f *fakeMUD) commands(p *fakePlayer) {
	answered := 0
	for {
		line, err := p.in.ReadString('\n')
		if err != nil {
			return
		}
		if strings.TrimSpace(line) != "look" {
			p.write("Huh?\r\n> " + fakeGA)
			continue
		}
		f.mu.Lock()
		f.looks++
		f.mu.Unlock()
		if f.stallAfter > 0 && answered >= f.stallAfter {
			continue
		}
		// Something happened before the command ran: told with its own
		// prompt. Then the answer, its prompt split across two writes.
		p.write("\r\nA cold draught moves through the hall.\r\n> " + fakeGA)
		p.write(f.room(p) + "> \xff")
		p.write("\xf9")
		answered++
		if f.hangAfter > 0 && answered >= f.hangAfter {
			return
		}
	}
}

// room describes the one room to p, with colour as a client may get it.
func (f *fakeMUD) room(p *fakePlayer) string {
	var others []string
	f.mu.Lock()
	for o := range f.players {
		if o != p && o.inWorld {
			others = append(others, o.name)
		}
	}
	f.mu.Unlock()
	s := "\x1b[1;33mThe Long Ward\x1b[0m [Arkham Sanitarium]\r\nA white hall smelling of carbolic.\r\n" +
		"\x1b[36mExits:\x1b[0m north, south.\r\n"
	if len(others) > 0 {
		s += "Also here: " + strings.Join(others, ", ") + ".\r\n"
	}
	return s
}

// leave forgets p and tells the others.
func (f *fakeMUD) leave(p *fakePlayer) {
	f.mu.Lock()
	delete(f.players, p)
	was := p.inWorld
	f.mu.Unlock()
	_ = p.conn.Close()
	if was {
		f.tellOthers(p, p.name+" fades from the waking world.")
	}
}

// tellOthers sends news to every other player, with a prompt.
func (f *fakeMUD) tellOthers(p *fakePlayer, news string) {
	f.mu.Lock()
	var others []*fakePlayer
	for o := range f.players {
		if o != p && o.inWorld {
			others = append(others, o)
		}
	}
	f.mu.Unlock()
	for _, o := range others {
		o.write("\r\n" + news + "\r\n> " + fakeGA)
	}
}

// ask sends a prompt and reads the answer line.
func (p *fakePlayer) ask(prompt string) (string, bool) {
	p.write(prompt + fakeGA)
	line, err := p.in.ReadString('\n')
	if err != nil {
		return "", false
	}
	return strings.TrimRight(line, "\r\n"), true
}

// write sends s, bounded by a deadline; errors end the connection later.
func (p *fakePlayer) write(s string) {
	p.wmu.Lock()
	defer p.wmu.Unlock()
	_ = p.conn.SetWriteDeadline(time.Now().Add(fakeDeadline))
	if _, err := p.conn.Write([]byte(s)); err != nil && !errors.Is(err, net.ErrClosed) {
		_ = p.conn.Close()
	}
}
