package world

import (
	"context"
	"net/netip"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"mythosd/world/netcore"
)

// newAdmin creates the character name with the admin right and returns
// its player, logged in again.
func (tw *testWorld) newAdmin(t testing.TB, name string) *player {
	t.Helper()
	tw.create(t, name).do("quit")
	if err := tw.db.SetAdmin(context.Background(), name, true); err != nil {
		t.Fatal(err)
	}
	tw.tick()
	tw.flush(t)
	p, got := tw.login(t, name, "secret1")
	wantContains(t, got, "Welcome")
	return p
}

func TestBannedAnswersForAddressesAndPrefixes(t *testing.T) {
	tw := newTestWorld(t, "")
	ctx := context.Background()
	for _, target := range []string{"192.0.2.7", "198.51.100.0/24", "2001:db8::/48", "::ffff:203.0.113.9"} {
		if err := tw.Ban(ctx, target, 0, "", "test"); err != nil {
			t.Fatalf("ban %s: %v", target, err)
		}
	}
	if err := tw.Ban(ctx, "10.1.2.3", 30*time.Minute, "cooling off", "test"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		addr string
		want bool
	}{
		{"192.0.2.7", true}, {"192.0.2.8", false}, {"::ffff:192.0.2.7", true},
		{"198.51.100.1", true}, {"198.51.100.255", true}, {"198.51.101.1", false},
		{"2001:db8:0:ffff::1", true}, {"2001:db9::1", false},
		{"203.0.113.9", true}, {"10.1.2.3", true}, {"127.0.0.1", false},
	}
	check := func(when string, tests []struct {
		addr string
		want bool
	}) {
		t.Helper()
		for _, tt := range tests {
			if got := tw.Banned(netip.MustParseAddr(tt.addr)); got != tt.want {
				t.Errorf("%s: Banned(%s) = %v, want %v", when, tt.addr, got, tt.want)
			}
		}
	}
	check("at once", tests)
	tw.clock.advance(30 * time.Minute)
	check("once the timed ban ran out", []struct {
		addr string
		want bool
	}{{"10.1.2.3", false}, {"192.0.2.7", true}})
	if err := tw.Unban(ctx, "198.51.100.7/24", "test"); err != nil {
		t.Fatalf("unban by any address of the prefix: %v", err)
	}
	check("after unban", []struct {
		addr string
		want bool
	}{{"198.51.100.1", false}, {"2001:db8::1", true}})
	if err := tw.Unban(ctx, "198.51.100.0/24", "test"); err == nil {
		t.Error("lifting a ban twice succeeded")
	}
	for _, bad := range []string{"", "nonsense", "300.1.1.1", "10.0.0.0/99"} {
		if err := tw.Ban(ctx, bad, 0, "", "test"); err == nil {
			t.Errorf("ban %q accepted", bad)
		}
	}
}

func TestAdminBanKicksPersistsAndExpires(t *testing.T) {
	dir := t.TempDir()
	tw := newTestWorld(t, dir)
	admin := tw.newAdmin(t, "Keeper")
	victim := tw.createFrom(t, "Victim", "192.0.2.7:5000")
	neighbour := tw.connectFrom(t, "192.0.2.99:4000") // still logging in
	bystander := tw.createFrom(t, "Bystander", "198.51.100.1:4000")

	wantContains(t, admin.do("admin ban 192.0.2.7 spamming the square"), "Banned 192.0.2.7/32 forever, by Keeper: spamming the square")
	wantContains(t, victim.conn.take(), "barred to you: spamming the square")
	if !victim.conn.isClosed() || victim.conn.cause != netcore.CauseKicked {
		t.Fatalf("banned player not kicked: closed %v, cause %v", victim.conn.isClosed(), victim.conn.cause)
	}
	wantContains(t, admin.do("look"), "Bystander")
	if strings.Contains(admin.do("look"), "Victim") {
		t.Error("the banned player is still in the room")
	}
	wantContains(t, admin.do("admin ban 192.0.2.0/24 15"), "192.0.2.0/24 until 1926-10-31 21:15 UTC")
	if !neighbour.conn.isClosed() {
		t.Error("a session logging in from the banned prefix stayed open")
	}
	if bystander.conn.isClosed() {
		t.Error("a player from elsewhere was kicked")
	}
	wantContains(t, admin.do("admin ban 2001:db8::/48 0"), "1 to 525600 minutes")
	wantContains(t, admin.do("admin ban 2001:db8::/48 99999999999999999999"), "1 to 525600 minutes")
	wantContains(t, admin.do("admin ban 2001:db8::/48"), "2001:db8::/48 forever")
	wantContains(t, admin.do("admin ban the moon"), "not an address")
	wantContains(t, admin.do("admin unban 10.9.9.9"), "no ban of 10.9.9.9/32")
	wantContains(t, admin.do("admin bans"), "Banned addresses (3)", "192.0.2.0/24 until", "192.0.2.7/32 forever", "2001:db8::/48")

	tw.clock.advance(15 * time.Minute)
	tw.tick()
	got := admin.do("admin bans")
	wantContains(t, got, "(2)")
	if strings.Contains(got, "192.0.2.0/24") {
		t.Errorf("an expired ban is still listed:\n%s", got)
	}
	wantContains(t, admin.do("admin unban 2001:db8::/48"), "lifted")
	wantContains(t, bystander.do("admin ban 1.2.3.4"), "grope for the meaning")

	tw.tick()
	tw.flush(t)
	tw.stop()
	again := newTestWorld(t, dir)
	if !again.Banned(netip.MustParseAddr("192.0.2.7")) {
		t.Error("the ban did not survive a restart")
	}
	if again.Banned(netip.MustParseAddr("2001:db8::1")) || again.Banned(netip.MustParseAddr("192.0.2.1")) {
		t.Error("a lifted or expired ban came back after a restart")
	}
}

func BenchmarkBanned(b *testing.B) {
	tw := newTestWorld(b, "")
	for i := range 100 {
		if err := tw.Ban(context.Background(), netip.AddrFrom4([4]byte{10, byte(i), 0, 0}).String()+"/16", 0, "", "bench"); err != nil {
			b.Fatal(err)
		}
		if err := tw.Ban(context.Background(), netip.AddrFrom4([4]byte{192, 0, 2, byte(i)}).String(), 0, "", "bench"); err != nil {
			b.Fatal(err)
		}
	}
	addr := netip.MustParseAddr("203.0.113.5")
	for b.Loop() {
		tw.Banned(addr)
	}
}

func TestAdminHelpOnlyForAdmins(t *testing.T) {
	tw := newTestWorldWith(t, "", func(c *Config) {
		c.Help = fstest.MapFS{"admin.txt": {Data: []byte("ADMIN - admin ban <address|CIDR>\n")}, "look.txt": {Data: []byte("LOOK\n")}}
	})
	admin, player := tw.newAdmin(t, "Keeper"), tw.create(t, "Alice")
	wantContains(t, admin.do("help admin"), "admin ban <address|CIDR>")
	wantContains(t, admin.do("help"), "Topics: admin, look")
	wantContains(t, player.do("help admin"), "There is no help on")
	if got := player.do("help"); strings.Contains(got, "admin") {
		t.Errorf("the admin topic is listed to a player:\n%s", got)
	}
}

func FuzzParseBanTarget(f *testing.F) {
	for _, s := range []string{"192.0.2.7", "192.0.2.0/24", "2001:db8::/48", "::ffff:1.2.3.4/120", "fe80::1%eth0", "", "1.2.3.4/33"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := parseBanTarget(s)
		if err != nil {
			return
		}
		if !p.IsValid() || p != p.Masked() || p.Addr().Is4In6() || p.Addr().Zone() != "" {
			t.Fatalf("parseBanTarget(%q) = %v: not a masked, plain prefix", s, p)
		}
		again, err := parseBanTarget(p.String())
		if err != nil || again != p {
			t.Fatalf("%q reads back as %v, %v", p.String(), again, err)
		}
	})
}

func FuzzBanTerms(f *testing.F) {
	for _, s := range []string{"", "30", "30 spam", "spam", "-5", "99999999999999999999 x", "+7 seven"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, _, err := banTerms(s)
		if err == nil && (d < 0 || d > maxBanMinutes*time.Minute) {
			t.Fatalf("banTerms(%q) = %v", s, d)
		}
	})
}
