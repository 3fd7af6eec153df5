package admin

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

const (
	// actionTimeout bounds how long an action may wait for the world.
	actionTimeout = 10 * time.Second
	// defaultShutdownDelay is the countdown when the admin gives none.
	defaultShutdownDelay = 60 * time.Second
	// maxShutdownDelay is the longest countdown accepted.
	maxShutdownDelay = time.Hour
	// defaultKickReason is told to a kicked player when the admin gives none.
	defaultKickReason = "removed by the keepers of the game"
)

// action is an admin action ready to run once confirmed.
type action struct {
	name     string // for the log: kick, broadcast, ...
	question string // the confirmation question
	done     string // the status line once it succeeded
	args     []any  // for the log
	run      func(ctx context.Context, a Actions, by string) error
}

// spec describes an action that the admin starts with a key: what it asks
// for, and how the answer becomes an action.
type spec struct {
	title       string // what the prompt calls it
	needsTarget bool   // acts on the selected session
	prompt      string // what to type; "" goes straight to confirmation
	build       func(target, input string) (action, error)
}

// specFor returns the action bound to key, if any.
func specFor(key string) (spec, bool) {
	switch key {
	case "k":
		return spec{title: "kick", needsTarget: true, prompt: "reason (Enter for none)", build: kick}, true
	case "t":
		return spec{title: "teleport", needsTarget: true, prompt: "room id", build: teleport}, true
	case "l":
		return spec{title: "set lucidity of", needsTarget: true, prompt: "lucidity (-100 to 100)", build: setLucidity}, true
	case "b":
		return spec{title: "broadcast", prompt: "message to every player", build: broadcast}, true
	case "x":
		return spec{title: "shutdown", prompt: "seconds before shutdown (Enter for 60)", build: shutdown}, true
	case "c":
		return spec{title: "cancel shutdown", build: cancelShutdown}, true
	case "a":
		return spec{title: "ban", prompt: "address or CIDR, [minutes], [reason]", build: ban}, true
	case "u":
		return spec{title: "unban", prompt: "address or CIDR", build: unban}, true
	case "B":
		return spec{title: "backup", build: backup}, true
	case "R":
		return spec{title: "role", prompt: "NAME builder|admin (NAME -builder revokes)", build: role}, true
	case "f":
		return spec{title: "freeze or thaw", needsTarget: true, prompt: "freeze or thaw", build: freeze}, true
	case "W":
		return spec{title: "reload world", prompt: "Enter, or force to undo builders' changes", build: reload}, true
	}
	return spec{}, false
}

func kick(name, reason string) (action, error) {
	shown := reason
	if reason == "" {
		reason, shown = defaultKickReason, "none given"
	}
	return action{
		name: "kick", question: fmt.Sprintf("Kick %s (reason: %s)?", name, shown), done: "kicked " + name,
		args: []any{"name", name, "reason", reason},
		run: func(ctx context.Context, a Actions, by string) error {
			return a.Kick(ctx, name, reason, by)
		},
	}, nil
}

func teleport(name, room string) (action, error) {
	if room == "" || strings.ContainsAny(room, " \t") {
		return action{}, errors.New("give a room id, e.g. earth_arkham_city_sanitarium_room_foyer_001")
	}
	return action{
		name: "teleport", question: fmt.Sprintf("Teleport %s to %s?", name, room), done: "teleported " + name,
		args: []any{"name", name, "room", room},
		run: func(ctx context.Context, a Actions, by string) error {
			return a.Teleport(ctx, name, room, by)
		},
	}, nil
}

func setLucidity(name, input string) (action, error) {
	n, err := strconv.Atoi(input)
	if err != nil || n < -100 || n > 100 {
		return action{}, fmt.Errorf("%q is not a lucidity: give a whole number from -100 to 100", input)
	}
	return action{
		name: "set lucidity", question: fmt.Sprintf("Set the lucidity of %s to %d?", name, n),
		done: fmt.Sprintf("lucidity of %s set to %d", name, n), args: []any{"name", name, "lucidity", n},
		run: func(ctx context.Context, a Actions, by string) error {
			return a.SetLucidity(ctx, name, n, by)
		},
	}, nil
}

func broadcast(_, text string) (action, error) {
	if text == "" {
		return action{}, errors.New("nothing to broadcast: type a message")
	}
	return action{
		name: "broadcast", question: fmt.Sprintf("Broadcast %q to every player?", text), done: "broadcast sent",
		args: []any{"text", text},
		run: func(ctx context.Context, a Actions, by string) error {
			return a.Broadcast(ctx, text, by)
		},
	}, nil
}

func shutdown(_, input string) (action, error) {
	delay := defaultShutdownDelay
	if input != "" {
		secs, err := strconv.Atoi(input)
		if err != nil || secs < 0 || time.Duration(secs)*time.Second > maxShutdownDelay {
			return action{}, fmt.Errorf("%q is not a delay: give whole seconds from 0 to %d", input, int(maxShutdownDelay.Seconds()))
		}
		delay = time.Duration(secs) * time.Second
	}
	return action{
		name: "shutdown", question: fmt.Sprintf("Shut the server down in %v, warning the players?", delay),
		done: fmt.Sprintf("shutdown in %v: players warned", delay), args: []any{"delay", delay},
		run: func(ctx context.Context, a Actions, by string) error {
			return a.ScheduleShutdown(ctx, delay, by)
		},
	}, nil
}

func cancelShutdown(_, _ string) (action, error) {
	return action{
		name: "cancel shutdown", question: "Cancel the shutdown countdown?", done: "shutdown cancelled",
		run: func(ctx context.Context, a Actions, by string) error {
			return a.CancelShutdown(ctx, by)
		},
	}, nil
}

// maxBanMinutes bounds a timed ban (a year); leave the minutes out for a
// ban forever.
const maxBanMinutes = 365 * 24 * 60

// ban reads "target [minutes] [reason]"; the world checks the target.
func ban(_, input string) (action, error) {
	fields := strings.Fields(input)
	if len(fields) == 0 {
		return action{}, errors.New("give an address or CIDR, e.g. 192.0.2.7 or 192.0.2.0/24")
	}
	target, rest := fields[0], fields[1:]
	var d time.Duration
	if len(rest) > 0 && strings.Trim(rest[0], "+-0123456789") == "" {
		n, err := strconv.Atoi(rest[0])
		if err != nil || n < 1 || n > maxBanMinutes {
			return action{}, fmt.Errorf("whole minutes, 1 to %d (none: forever)", maxBanMinutes)
		}
		d, rest = time.Duration(n)*time.Minute, rest[1:]
	}
	reason := strings.Join(rest, " ")
	until := "for ever"
	if d > 0 {
		until = "for " + d.String()
	}
	return action{
		name: "ban", question: fmt.Sprintf("Ban %s %s, ending its sessions?", target, until), done: "banned " + target,
		args: []any{"target", target, "duration", d, "reason", reason},
		run: func(ctx context.Context, a Actions, by string) error {
			return a.Ban(ctx, target, d, reason, by)
		},
	}, nil
}

func unban(_, input string) (action, error) {
	target := strings.TrimSpace(input)
	if target == "" || strings.ContainsAny(target, " \t") {
		return action{}, errors.New("give one address or CIDR, as admin bans lists it")
	}
	return action{
		name: "unban", question: fmt.Sprintf("Lift the ban of %s?", target), done: "ban of " + target + " lifted",
		args: []any{"target", target},
		run: func(ctx context.Context, a Actions, by string) error {
			return a.Unban(ctx, target, by)
		},
	}, nil
}
