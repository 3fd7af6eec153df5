package ssh

// itemKind says what an outbox item asks of the write loop.
type itemKind uint8

const (
	itemText    itemKind = iota // text to show
	itemPrompt                  // a new prompt
	itemBarrier                 // the read loop waits until everything before is drawn
)

// outItem is one entry of the outbox (a netcore.Outbox).
type outItem struct {
	kind itemKind
	text string
}
