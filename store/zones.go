package store

import (
	"context"
	"fmt"
)

const zoneColumns = `id, plane, zone, subzone, name, description, environment, drain_rate, attributes`

// scanner is a row or rows being read.
type scanner interface {
	Scan(dest ...any) error
}

func scanZone(s scanner) (Zone, error) {
	var z Zone
	err := s.Scan(&z.ID, &z.Plane, &z.Zone, &z.SubZone, &z.Name, &z.Description, &z.Environment, &z.DrainRate, &z.Attributes)
	return z, err
}

// Zone returns the zone or sub-zone id, or ErrNotFound. Its spawns are
// read through the writer's building changes.
func (db *DB) Zone(ctx context.Context, id string) (Zone, error) {
	edits := db.w.keyEdits(id, true)
	z, err := scanZone(db.read.QueryRowContext(ctx, `SELECT `+zoneColumns+` FROM zones WHERE id = ?`, id))
	if err != nil {
		return Zone{}, fmt.Errorf("zone %s: %w", id, notFound(err))
	}
	if err := overZone(&z, edits); err != nil {
		return Zone{}, err
	}
	return z, nil
}

// Zones returns every zone and sub-zone, sorted by id.
func (db *DB) Zones(ctx context.Context) ([]Zone, error) {
	zs, err := loadZones(ctx, db.read)
	if err != nil {
		return nil, fmt.Errorf("zones: %w", err)
	}
	return zs, nil
}

func loadZones(ctx context.Context, q querier) ([]Zone, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+zoneColumns+` FROM zones ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("read zones: %w", err)
	}
	defer rows.Close()
	var zs []Zone
	for rows.Next() {
		z, err := scanZone(rows)
		if err != nil {
			return nil, fmt.Errorf("read zones: %w", err)
		}
		zs = append(zs, z)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read zones: %w", err)
	}
	return zs, nil
}
