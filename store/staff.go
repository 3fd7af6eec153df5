package store

import (
	"context"
	"fmt"
)

// StaffMember is an account that holds a role beyond playing.
type StaffMember struct {
	Name  string
	Roles []Role // admin before builder
}

// Staff returns the accounts holding the builder or admin role, by name.
func (db *DB) Staff(ctx context.Context) ([]StaffMember, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT a.name, r.role FROM account_roles r
		JOIN accounts a ON a.id = r.account_id ORDER BY a.name_key, r.role`)
	if err != nil {
		return nil, fmt.Errorf("read staff: %w", err)
	}
	defer rows.Close()
	var out []StaffMember
	for rows.Next() {
		var name string
		var role Role
		if err := rows.Scan(&name, &role); err != nil {
			return nil, fmt.Errorf("read staff: %w", err)
		}
		if n := len(out); n > 0 && out[n-1].Name == name {
			out[n-1].Roles = append(out[n-1].Roles, role)
			continue
		}
		out = append(out, StaffMember{Name: name, Roles: []Role{role}})
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read staff: %w", err)
	}
	return out, nil
}
