package world

import "mythosd/store"

// What players are told when the store stops saving, and when it saves
// again.
const (
	storeDownText = "The records office has gone quiet: your progress is not being saved just now."
	storeUpText   = "The records office stirs again: your progress is being saved again."
)

// watchStore has the store's health changes come to the loop as messages:
// the loop never reads the store itself.
func (w *World) watchStore() {
	w.cfg.Store.OnHealth(func(h store.Health) {
		w.post(func() { w.storeHealth(h) })
	})
}

// storeHealth tells every player, once, that progress is not being saved,
// or that it is again. Loop only.
func (w *World) storeHealth(h store.Health) {
	if h.OK == !w.storeDown {
		return
	}
	w.storeDown = !h.OK
	text := storeUpText
	if w.storeDown {
		text = storeDownText
		w.log.Error("players told the store is not saving", "err", h.Err)
	} else {
		w.log.Info("players told the store is saving again")
	}
	for _, c := range w.chars {
		if c.online() {
			c.notify(paint(styleSystem, text))
		}
	}
}

// tellStoreDown tells a character entering the world that progress is not
// being saved, while that is so. Loop only.
func (w *World) tellStoreDown(c *Character) {
	if w.storeDown {
		c.send(paint(styleSystem, storeDownText) + "\n")
	}
}
