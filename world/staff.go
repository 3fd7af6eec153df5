package world

import (
	"context"
	"time"

	"mythosd/store"
)

// staffEvery is how often the world reads the staff (builders and admins)
// from the store, for the console.
const staffEvery = 5 * time.Second

// StaffInfo is an account with roles beyond playing, as the console shows
// it.
type StaffInfo = store.StaffMember

// staffList is the staff as last read. Loop-owned.
type staffList struct {
	list    []StaffInfo
	next    time.Time // when to read again
	reading bool      // a read is under way
}

// refreshStaff reads the staff off the loop when it is time. Loop only.
func (w *World) refreshStaff(now time.Time) {
	if w.staff.reading || now.Before(w.staff.next) {
		return
	}
	w.staff.reading = true
	w.staff.next = now.Add(staffEvery)
	st := w.cfg.Store
	w.spawn(func(ctx context.Context) {
		ctx, cancel := context.WithTimeout(ctx, storeTimeout)
		defer cancel()
		list, err := st.Staff(ctx)
		w.post(func() {
			w.staff.reading = false
			if err != nil {
				w.log.Warn("read staff", "err", err)
				return
			}
			w.staff.list = list
		})
	})
}
