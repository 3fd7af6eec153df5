package world

import "time"

// rateSlot returns the slot of a rate-limited channel and its limit per
// minute (GAME-RULES.md: global 10, local 20, say 15, whisper 5); ok is
// false for channels without a limit.
func rateSlot(ch string) (slot, perMinute int, ok bool) {
	switch ch {
	case chGlobal:
		return 0, 10, true
	case chLocal:
		return 1, 20, true
	case chSay:
		return 2, 15, true
	case chWhisper:
		return 3, 5, true
	}
	return 0, 0, false
}

// chatLimits is one character's rate limits: per channel, the time the
// next message is due under GCRA (a smooth per-minute budget that allows a
// burst of the whole minute's messages). Four int64s per character.
type chatLimits [4]int64

// allow reports whether c may send on ch at now, and how long to wait if
// not; an allowed message spends its share of the budget.
func (l *chatLimits) allow(ch string, now time.Time) (bool, time.Duration) {
	slot, perMinute, ok := rateSlot(ch)
	if !ok {
		return true, 0
	}
	interval := int64(time.Minute) / int64(perMinute)
	t := now.UnixNano()
	due := l[slot]
	if due == 0 || due < t { // 0: nothing sent yet
		due = t
	}
	if wait := due - t - (int64(time.Minute) - interval); wait > 0 {
		return false, time.Duration(wait)
	}
	l[slot] = due + interval
	return true, 0
}
