package store

import (
	"fmt"
	"math"
)

// validateWorld refuses what the schema cannot hold faithfully: blank or
// duplicate ids, unknown or repeated exit directions, a drain rate that is
// not a number.
func validateWorld(w World) error {
	zones := make(map[string]bool, len(w.Zones))
	for _, z := range w.Zones {
		if err := checkID("zone", z.ID, zones); err != nil {
			return err
		}
		if math.IsNaN(z.DrainRate) || math.IsInf(z.DrainRate, 0) {
			return fmt.Errorf("zone %s: drain rate %v: %w", z.ID, z.DrainRate, ErrInvalid)
		}
	}
	rooms := make(map[string]bool, len(w.Rooms))
	for _, r := range w.Rooms {
		if err := checkID("room", r.ID, rooms); err != nil {
			return err
		}
		if err := validateExits(r); err != nil {
			return err
		}
	}
	return nil
}

func checkID(kind, id string, seen map[string]bool) error {
	if id == "" {
		return fmt.Errorf("%s with an empty id: %w", kind, ErrInvalid)
	}
	if seen[id] {
		return fmt.Errorf("%s %s appears twice: %w", kind, id, ErrInvalid)
	}
	seen[id] = true
	return nil
}

func validateExits(r Room) error {
	dirs := map[string]bool{}
	for _, e := range r.Exits {
		if directionIndex(e.Direction) < 0 {
			return fmt.Errorf("room %s: unknown exit direction %q: %w", r.ID, e.Direction, ErrInvalid)
		}
		if dirs[e.Direction] {
			return fmt.Errorf("room %s: two exits %s: %w", r.ID, e.Direction, ErrInvalid)
		}
		dirs[e.Direction] = true
	}
	return nil
}
