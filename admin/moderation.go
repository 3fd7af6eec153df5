package admin

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"mythosd/world"
)

// errNoModeration answers R and f when the console's actions cannot
// change roles or freeze.
var errNoModeration = errors.New("this console cannot change roles or freeze")

// Moderator is what Actions also are when the console can grant roles and
// freeze accounts (*world.World is one).
type Moderator interface {
	// SetRole grants (grant true) or revokes role (builder or admin) to or
	// from the account name, playing or not.
	SetRole(ctx context.Context, name, role string, grant bool, by string) error
	// SetFrozen freezes (frozen true) or thaws the account name.
	SetFrozen(ctx context.Context, name string, frozen bool, by string) error
}

// moderate runs fn on a as a Moderator, or says the console cannot.
func moderate(a Actions, fn func(m Moderator) error) error {
	m, ok := a.(Moderator)
	if !ok {
		return errNoModeration
	}
	return fn(m)
}

// role reads "NAME ROLE" (grant) or "NAME -ROLE" (revoke).
func role(_, input string) (action, error) {
	fields := strings.Fields(input)
	if len(fields) != 2 {
		return action{}, errors.New("give a name and a role, e.g. Armitage builder, or Armitage -builder to revoke")
	}
	name, r := fields[0], strings.ToLower(fields[1])
	grant := !strings.HasPrefix(r, "-")
	r = strings.TrimPrefix(r, "-")
	if r != "builder" && r != "admin" {
		return action{}, fmt.Errorf("%q is no role: the roles are builder and admin", fields[1])
	}
	an := "a " + r
	if r == "admin" {
		an = "an admin"
	}
	question, done := fmt.Sprintf("Make %s %s?", name, an), fmt.Sprintf("%s is now %s", name, an)
	if !grant {
		question, done = fmt.Sprintf("Take the %s role from %s?", r, name), fmt.Sprintf("%s is no longer %s", name, an)
	}
	return action{
		name: "role", question: question, done: done, args: []any{"name", name, "role", r, "grant", grant},
		run: func(ctx context.Context, a Actions, by string) error {
			return moderate(a, func(m Moderator) error { return m.SetRole(ctx, name, r, grant, by) })
		},
	}, nil
}

// freeze reads "freeze" or "thaw" for the selected player.
func freeze(name, input string) (action, error) {
	question, done, frozen := "Thaw "+name+"?", name+" thawed", false
	switch strings.ToLower(strings.TrimSpace(input)) {
	case "freeze":
		question, done, frozen = "Freeze "+name+"? (only help and quit will work for them)", name+" frozen", true
	case "thaw":
	default:
		return action{}, errors.New("type freeze or thaw")
	}
	return action{
		name: "freeze", question: question, done: done, args: []any{"name", name, "frozen", frozen},
		run: func(ctx context.Context, a Actions, by string) error {
			return moderate(a, func(m Moderator) error { return m.SetFrozen(ctx, name, frozen, by) })
		},
	}, nil
}

// The world is the console's Moderator.
var _ Moderator = (*world.World)(nil)
