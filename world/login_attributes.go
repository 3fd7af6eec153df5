package world

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"

	"mythosd/store"
)

// chooseAttributes is the login step where a new character accepts its
// rolled attributes or rolls again.
const chooseAttributes loginStep = 100

// maxRerolls is how many times a new character may roll again.
const maxRerolls = 3

// attributeNames are the nine attributes in store.Attributes order.
var attributeNames = [9]string{"STR", "CON", "DEX", "POW", "CHA", "LUCK", "SIZ", "INT", "EDU"}

// attributeRoll is a new character's attributes on offer.
type attributeRoll struct {
	account store.Account
	char    store.Character
	attrs   store.Attributes
	rerolls int
}

// rollAttributes rolls the nine attributes with rng: STR, CON, DEX, POW,
// CHA and LUCK are 3d6 x 5; SIZ, INT and EDU are (2d6 + 6) x 5.
func rollAttributes(rng *rand.Rand) store.Attributes {
	d6 := func() int { return 1 + rng.IntN(6) }
	var a store.Attributes
	for i := range a {
		if i >= attrSIZ {
			a[i] = (d6() + d6() + 6) * 5
		} else {
			a[i] = (d6() + d6() + d6()) * 5
		}
	}
	return a
}

// formatAttributes shows attributes on one line: "STR 50  CON 65 ...".
func formatAttributes(a store.Attributes) string {
	parts := make([]string, len(a))
	for i, v := range a {
		parts[i] = attributeNames[i] + " " + strconv.Itoa(v)
	}
	return strings.Join(parts, "  ")
}

// rollOnLoop rolls attributes with the world's random source, on the loop
// (the login dialogue runs on the connection's reader).
func (w *World) rollOnLoop() (store.Attributes, bool) {
	got := make(chan store.Attributes, 1)
	if !w.post(func() { got <- rollAttributes(w.rng) }) {
		return store.Attributes{}, false
	}
	select {
	case a := <-got:
		return a, true
	case <-w.done:
		return store.Attributes{}, false
	}
}

// offerAttributes rolls a new character's attributes and asks whether to
// keep them.
func (l *login) offerAttributes(acc store.Account, ch store.Character) bool {
	a, ok := l.s.w.rollOnLoop()
	if !ok {
		return false
	}
	l.roll = &attributeRoll{account: acc, char: ch, attrs: a}
	l.step = chooseAttributes
	l.showRoll()
	return false
}

func (l *login) showRoll() {
	l.say("Your attributes: " + formatAttributes(l.roll.attrs))
	if left := maxRerolls - l.roll.rerolls; left > 0 {
		l.s.conn.Prompt(fmt.Sprintf("Keep them (k) or roll again (r, %d left)? ", left))
		return
	}
	l.s.conn.Prompt("No rolls left. Press enter to keep them. ")
}

// onAttributes takes the answer to the offer.
func (l *login) onAttributes(text string) bool {
	r := l.roll
	switch answer := strings.ToLower(strings.TrimSpace(text)); {
	case (answer == "r" || answer == "roll") && r.rerolls < maxRerolls:
		a, ok := l.s.w.rollOnLoop()
		if !ok {
			return false
		}
		r.attrs = a
		r.rerolls++
		l.showRoll()
		return false
	case answer == "k" || answer == "keep" || answer == "y" || answer == "yes" || r.rerolls >= maxRerolls:
	default:
		l.showRoll()
		return false
	}
	return l.acceptAttributes()
}

// acceptAttributes records the attributes and enters the world.
func (l *login) acceptAttributes() bool {
	r := l.roll
	l.roll = nil
	ctx, cancel := context.WithTimeout(context.Background(), storeTimeout)
	defer cancel()
	acc, ch := r.account, r.char
	err := l.s.w.cfg.Store.SetAttributes(ctx, ch.ID, r.attrs)
	if err != nil && !errors.Is(err, context.Canceled) {
		l.s.log.Error("record attributes", "name", ch.Name, "err", err) // rolled again at the next login
	}
	return l.enter(acc, ch.Name)
}

// ensureAttributes rolls the attributes of a character made before they
// existed, and tells the player. Loop only.
func (w *World) ensureAttributes(c *Character) {
	if c.attrs != (store.Attributes{}) {
		return
	}
	c.attrs = rollAttributes(w.rng)
	c.dp = c.maxDP()
	w.markDirty(c)
	c.send("Your attributes were never recorded; the sanitarium's doctors have measured you: " +
		formatAttributes(c.attrs) + ".\n")
}
