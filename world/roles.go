package world

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"mythosd/store"
)

// roleTimeout bounds a role or freeze change in the store.
const roleTimeout = storeTimeout

// accountOf is what the loop needs of an account read at login.
func accountOf(acc store.Account) accountInfo {
	return accountInfo{ID: acc.ID, Name: acc.Name, Admin: acc.Admin, Builder: acc.Builder, Frozen: acc.Frozen}
}

// role is the highest role c holds.
func (c *Character) role() store.Role {
	switch {
	case c.Admin:
		return store.RoleAdmin
	case c.Builder:
		return store.RoleBuilder
	default:
		return store.RolePlayer
	}
}

// roleRank orders the roles: each may do what the ones below it may.
func roleRank(r store.Role) int {
	switch r {
	case store.RoleAdmin:
		return 2
	case store.RoleBuilder:
		return 1
	default:
		return 0
	}
}

// may reports whether c holds role or a higher one.
func (c *Character) may(role store.Role) bool { return roleRank(c.role()) >= roleRank(role) }

// setRoleFlag sets c's flag for role. Loop only.
func (c *Character) setRoleFlag(role store.Role, grant bool) {
	if role == store.RoleAdmin {
		c.Admin = grant
	} else {
		c.Builder = grant
	}
}

// roleUsage explains the role commands.
const roleUsage = "Usage: admin role <name> <builder|admin> | admin unrole <name> <builder|admin>\n"

// adminRole grants (grant true) or revokes a role, in the store off the
// loop, then on the character if it plays.
func (w *World) adminRole(c *Character, args string, grant bool) {
	fields := strings.Fields(args)
	if len(fields) != 2 {
		c.send(roleUsage)
		return
	}
	name := fields[0]
	role, err := store.ParseRole(fields[1])
	if err != nil {
		c.send("The roles are builder and admin.\n")
		return
	}
	if !grant && nameKey(name) == nameKey(c.Name) && role == store.RoleAdmin {
		c.send("You may not take the admin role from yourself; ask another admin.\n")
		return
	}
	by := c.Name
	st := w.cfg.Store
	w.async(c, roleTimeout, func(ctx context.Context) func() {
		err := st.SetRole(ctx, name, role, grant)
		return func() { c.send(w.roleChanged(name, role, grant, by, err)) }
	})
}

// roleChanged applies a role change the store made (err nil) to the
// playing character, logs it and returns the line for whoever asked. Loop
// only.
func (w *World) roleChanged(name string, role store.Role, grant bool, by string, err error) string {
	switch {
	case errors.Is(err, store.ErrNotFound):
		return fmt.Sprintf("There is no account called %s.\n", name)
	case err != nil:
		w.log.Error("set role", "name", name, "role", role, "err", err)
		return storeTroubleText
	}
	w.audit.Info("admin role", "name", name, "role", role, "grant", grant, "by", by)
	status := "now"
	if !grant {
		status = "no longer"
	}
	for _, o := range w.accountChars(name) {
		o.setRoleFlag(role, grant)
		if !o.Admin {
			w.stopSnoop(o)
		}
		if o.online() {
			o.notify(paint(styleSystem, fmt.Sprintf("You are %s %s.", status, roleArticle(role))))
		}
	}
	return fmt.Sprintf("%s is %s %s.\n", name, status, roleArticle(role))
}

// roleArticle is the role with its indefinite article.
func roleArticle(r store.Role) string {
	if r == store.RoleAdmin {
		return "an admin"
	}
	return "a " + string(r)
}

// SetRole grants (grant true) or revokes role (builder or admin) to or
// from the account name, as an admin action from the console; by names who
// asked, for the log. A playing character holds the new role at once. It
// returns store.ErrNotFound when there is no such account, store.ErrInvalid
// for another role.
func (w *World) SetRole(ctx context.Context, name, roleName string, grant bool, by string) error {
	role, err := store.ParseRole(roleName)
	if err != nil {
		return err
	}
	err = w.cfg.Store.SetRole(ctx, name, role, grant)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("set role: %w", err)
	}
	if err != nil {
		return err
	}
	return w.call(ctx, func(done func(error)) {
		w.roleChanged(name, role, grant, by, nil)
		done(nil)
	})
}
