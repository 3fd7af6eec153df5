package store

import (
	"slices"
	"testing"
)

// TestStaff lists the accounts with roles, by name, admin before builder,
// and leaves out players.
func TestStaff(t *testing.T) {
	db := newDB(t)
	ctx := ctxT(t)
	for _, name := range []string{"Whateley", "armitage", "Curwen", "Pickman"} {
		mustCreate(t, db, name)
	}
	for _, g := range []struct {
		name string
		role Role
	}{{"Whateley", RoleBuilder}, {"armitage", RoleAdmin}, {"Whateley", RoleAdmin}, {"Curwen", RoleBuilder}} {
		if err := db.SetRole(ctx, g.name, g.role, true); err != nil {
			t.Fatal(err)
		}
	}
	got, err := db.Staff(ctx)
	want := []StaffMember{
		{"armitage", []Role{RoleAdmin}}, {"Curwen", []Role{RoleBuilder}}, {"Whateley", []Role{RoleAdmin, RoleBuilder}},
	}
	if err != nil || !slices.EqualFunc(got, want, func(a, b StaffMember) bool {
		return a.Name == b.Name && slices.Equal(a.Roles, b.Roles)
	}) {
		t.Errorf("Staff = %v, %v; want %v", got, err, want)
	}
}
