// Package admin holds the admin console's Bubble Tea model and the
// Prometheus collector. Both read the world's published snapshots and never
// touch world state; the console acts through the Actions interface, which
// posts messages to the world loop.
package admin

import (
	"context"
	"time"

	"mythosd/world"
)

// Source gives the latest snapshot of the world's figures. *world.World is
// one.
type Source interface {
	Snapshot() *world.Snapshot
}

// Actions is what an admin can do from the console. by is the admin's key
// fingerprint, written to the log by every action.
type Actions interface {
	// Kick ends a player's session, telling them why.
	Kick(ctx context.Context, name, reason, by string) error
	// Broadcast tells every player something.
	Broadcast(ctx context.Context, text, by string) error
	// Teleport moves a player to a room.
	Teleport(ctx context.Context, name, roomID, by string) error
	// SetLucidity sets a player's lucidity.
	SetLucidity(ctx context.Context, name string, n int, by string) error
	// ScheduleShutdown shuts the server down after delay, warning the
	// players as it counts down.
	ScheduleShutdown(ctx context.Context, delay time.Duration, by string) error
	// CancelShutdown stops a countdown in progress.
	CancelShutdown(ctx context.Context, by string) error
	// Ban refuses connections from an address or CIDR prefix for d (0:
	// forever) and ends the sessions connected from there.
	Ban(ctx context.Context, target string, d time.Duration, reason, by string) error
	// Unban lifts the ban of an address or CIDR prefix.
	Unban(ctx context.Context, target, by string) error
}

// BackupStarter is what Actions also are when the console can start a
// backup (*world.World is one).
type BackupStarter interface {
	// StartBackup starts a backup of the database and returns once it is
	// under way; the snapshot tells how it ended.
	StartBackup(ctx context.Context, by string) error
}
