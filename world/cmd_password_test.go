package world

import (
	"strings"
	"testing"
)

// echoOff reports whether the connection has echo turned off.
func (c *testConn) echoOff() bool { c.mu.Lock(); defer c.mu.Unlock(); return c.echo }

// TestPasswordChange walks the password dialogue: each answer with echo
// off; a wrong old password, a short or differing new one and an empty
// line leave the password as it was; a right one changes it, and only the
// new one logs in afterwards.
func TestPasswordChange(t *testing.T) {
	tests := []struct {
		name    string
		answers []string
		want    string
		newPW   string // the password that logs in afterwards
	}{
		{"changed", []string{"secret1", "lantern9", "lantern9"}, "Your password is changed.", "lantern9"},
		{"wrong old", []string{"guess12"}, "That is not your password; it is unchanged.", "secret1"},
		{"too short", []string{"secret1", "abc"}, "A password has 6 to 256 characters", "secret1"},
		{"differ", []string{"secret1", "lantern9", "lantern8"}, "The passwords differ", "secret1"},
		{"given up", []string{""}, "Your password is unchanged.", "secret1"},
		{"given up later", []string{"secret1", ""}, "Your password is unchanged.", "secret1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tw := newTestWorld(t, "")
			p := tw.create(t, "Carter")
			wantContains(t, p.do("password"), "Current password")
			var got string
			for i, a := range tt.answers {
				if !p.conn.echoOff() {
					t.Fatalf("echo on while asking for %q", a)
				}
				if i == len(tt.answers)-1 {
					got = p.doAwait(t, a, "dp") // the dialogue's end, then the prompt
				} else {
					got = p.do(a)
				}
			}
			wantContains(t, got, tt.want)
			if p.conn.echoOff() {
				t.Fatal("echo still off after the dialogue")
			}
			wantContains(t, p.do("look"), "Ward") // back in play
			p.do("quit")
			tw.tick()
			tw.flush(t)
			tw.clock.advance(guardBase) // past a wrong password's back-off
			_, out := tw.login(t, "Carter", tt.newPW)
			wantContains(t, out, "Welcome")
		})
	}
}

// TestPasswordChangeWrongOldBacksOff: a wrong old password counts toward
// the guard's back-off, so the next try at once is refused unchecked.
func TestPasswordChangeWrongOldBacksOff(t *testing.T) {
	tw := newTestWorld(t, "")
	p := tw.create(t, "Carter")
	p.do("password")
	wantContains(t, p.doAwait(t, "guess12", "dp"), "That is not your password")
	p.do("password")
	wantContains(t, p.doAwait(t, "secret1", "dp"), "Too many wrong passwords of late; wait")
	if strings.Contains(p.do("look"), "Current password") {
		t.Fatal("the dialogue went on after a refusal")
	}
}

// TestPasswordTakesNoArguments: password with words after it explains itself.
func TestPasswordTakesNoArguments(t *testing.T) {
	tw := newTestWorld(t, "")
	p := tw.create(t, "Carter")
	got := p.do("password newpass")
	wantContains(t, got, "Type password alone")
	if p.conn.echoOff() {
		t.Fatal("echo off after a refused password command")
	}
}
