package world

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"testing/fstest"

	"mythosd/store"
)

// withRole creates name and logs them back in holding role (none for
// RolePlayer).
func (tw *testWorld) withRole(t testing.TB, name string, role store.Role) *player {
	t.Helper()
	p := tw.create(t, name)
	if role == store.RolePlayer {
		return p
	}
	p.do("quit")
	if err := tw.db.SetRole(context.Background(), name, role, true); err != nil {
		t.Fatal(err)
	}
	tw.tick()
	tw.flush(t)
	p, _ = tw.login(t, name, "secret1")
	return p
}

// auditWorld is a test world whose log is kept, with an admin, a builder
// and a player in it.
func auditWorld(t *testing.T) (tw *testWorld, logs *syncBuffer, admin, builder, wilbur *player) {
	t.Helper()
	logs = &syncBuffer{}
	tw = newTestWorldWith(t, "", func(c *Config) { c.Logger = slog.New(slog.NewTextHandler(logs, nil)) })
	return tw, logs, tw.withRole(t, "Armitage", store.RoleAdmin), tw.withRole(t, "Builder", store.RoleBuilder),
		tw.withRole(t, "Wilbur", store.RolePlayer)
}

// TestAdminRefusals: a player may use no admin or builder command; a
// builder may use the building ones and no other (not ban, not roles);
// refusals are in the audit log.
func TestAdminRefusals(t *testing.T) {
	tw, logs, admin, builder, wilbur := auditWorld(t)
	_ = tw
	tests := []struct {
		who  *player
		line string
		want string
	}{
		{wilbur, "admin goto hall", "grope for the meaning"},
		{wilbur, "admin ban 10.0.0.1", "grope for the meaning"},
		{wilbur, "admin role Wilbur admin", "grope for the meaning"},
		{wilbur, "admin snoop Armitage", "grope for the meaning"},
		{builder, "admin ban 10.0.0.1", "Only admins may use admin ban."},
		{builder, "admin role Builder admin", "Only admins may use admin role."},
		{builder, "admin freeze Wilbur", "Only admins may use admin freeze."},
		{builder, "admin snoop Wilbur", "Only admins may use admin snoop."},
		{builder, "admin chatlog Wilbur", "Only admins may use admin chatlog."},
		{builder, "admin setlucidity Wilbur 5", "Only admins may use admin setlucidity."},
		{builder, "admin goto hall", "Hall"},
		{builder, "admin", "admin goto"},
		{admin, "admin ban 10.0.0.1", "Banned 10.0.0.1/32"},
	}
	for _, tt := range tests {
		got := tt.who.do(tt.line)
		if !strings.Contains(strings.ToLower(got), strings.ToLower(tt.want)) {
			t.Errorf("%q: got %q, want %q", tt.line, got, tt.want)
		}
	}
	for _, line := range []string{"admin", "admin ban 10.0.0.1", "admn", "dmin"} {
		if got := wilbur.do(line); strings.Contains(got, `"admin"?`) {
			t.Errorf("%q: a player is offered the admin command: %q", line, got)
		}
	}
	if got := builder.do("admin"); strings.Contains(got, "admin ban") {
		t.Errorf("a builder's usage offers admin commands: %q", got)
	}
	for _, want := range []string{
		`msg="admin command refused" component=audit command=ban args=10.0.0.1 role=builder by=Builder`,
		`msg="admin command" component=audit command=goto args=hall role=builder by=Builder`,
		`msg="admin ban" component=audit target=10.0.0.1/32`,
	} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("the log lacks %q", want)
		}
	}
}

// TestAdminRoleAndUnrole: an admin grants and revokes roles in the game;
// the character holds them at once and is told; the store keeps them.
func TestAdminRoleAndUnrole(t *testing.T) {
	tw, logs, admin, _, wilbur := auditWorld(t)
	tests := []struct {
		line, want string
		tells      string // what Wilbur is told, if anything
		may        bool   // whether Wilbur may use admin goto afterwards
	}{
		{"admin role Wilbur builder", "Wilbur is now a builder.", "You are now a builder.", true},
		{"admin unrole wilbur builder", "wilbur is no longer a builder.", "You are no longer a builder.", false},
		{"admin role Wilbur wizard", "The roles are builder and admin.", "", false},
		{"admin role Nobody admin", "There is no account called Nobody.", "", false},
		{"admin role Wilbur", "Usage: admin role", "", false},
		{"admin unrole Armitage admin", "You may not take the admin role from yourself", "", false},
	}
	for _, tt := range tests {
		admin.doAwait(t, tt.line, tt.want)
		if tt.tells != "" {
			wilbur.awaitText(t, tt.tells)
		}
		got := wilbur.do("admin goto hall")
		if strings.Contains(got, "Hall") != tt.may {
			t.Errorf("after %q, admin goto gives %q", tt.line, got)
		}
		wilbur.do("admin goto ward")
	}
	a, err := tw.db.AccountByName(context.Background(), "Wilbur")
	if err != nil || a.Builder || a.Admin {
		t.Errorf("Wilbur in the store: %+v, %v", a, err)
	}
	if want := `msg="admin role" component=audit name=Wilbur role=builder grant=true by=Armitage`; !strings.Contains(logs.String(), want) {
		t.Errorf("the log lacks %q", want)
	}
}

// TestConsoleSetRole: the console's SetRole grants a role to a playing
// character at once, and reports an unknown account.
func TestConsoleSetRole(t *testing.T) {
	tw, _, _, _, wilbur := auditWorld(t)
	ctx := context.Background()
	if err := tw.SetRole(ctx, "Wilbur", "admin", true, "console"); err != nil {
		t.Fatal(err)
	}
	wilbur.awaitText(t, "You are now an admin.")
	wantContains(t, wilbur.do("admin bans"), "No address is banned")
	if err := tw.SetRole(ctx, "Nobody", "admin", true, "console"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("SetRole of nobody: %v", err)
	}
}

// doAwait types line and collects what p is sent until it holds want.
func (p *player) doAwait(t testing.TB, line, want string) string {
	t.Helper()
	got := p.do(line)
	if strings.Contains(got, want) {
		return got
	}
	return got + p.awaitText(t, want)
}

// TestAdminHelpByRole: help admin and the admin topic in the help list are
// for builders and admins only.
func TestAdminHelpByRole(t *testing.T) {
	tw := newTestWorldWith(t, "", func(c *Config) {
		c.Help = fstest.MapFS{"admin.txt": {Data: []byte("ADMIN - the keepers' commands\n")}, "index.txt": {Data: []byte("Index.\n")}}
	})
	for _, tt := range []struct {
		name  string
		role  store.Role
		shown bool
	}{{"Wilbur", store.RolePlayer, false}, {"Builder", store.RoleBuilder, true}, {"Armitage", store.RoleAdmin, true}} {
		p := tw.withRole(t, tt.name, tt.role)
		if got := p.do("help admin"); strings.Contains(got, "keepers' commands") != tt.shown {
			t.Errorf("help admin to a %s: %q", tt.role, got)
		}
		if got := p.do("help"); strings.Contains(got, "Topics: admin") != tt.shown {
			t.Errorf("help to a %s: %q", tt.role, got)
		}
	}
}
